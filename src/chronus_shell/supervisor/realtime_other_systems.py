"""Real-time scheduling on macOS (the thread time-constraint policy) and Windows (MMCSS "Pro Audio" and
a high priority class): both are granted to ordinary users, so the audio threads get them unasked
(realtime.set_role; Linux's SCHED_FIFO is realtime.py's own)."""
from __future__ import annotations

import ctypes


# -- macOS ---------------------------------------------------------------------------------------
class _TimeConstraint(ctypes.Structure):
    _fields_ = [("period", ctypes.c_uint32), ("computation", ctypes.c_uint32),
                ("constraint", ctypes.c_uint32), ("preemptible", ctypes.c_int)]


def mac_time_constraint(block_seconds: float, role: str) -> str:
    """THREAD_TIME_CONSTRAINT_POLICY for the calling thread: a period of one block, and a share of
    it to compute (the standby asks for less, so the scheduler prefers the active slot)."""
    try:
        system = ctypes.CDLL("/usr/lib/libSystem.dylib")

        class Timebase(ctypes.Structure):
            _fields_ = [("numer", ctypes.c_uint32), ("denom", ctypes.c_uint32)]

        timebase = Timebase()
        system.mach_timebase_info(ctypes.byref(timebase))
        per_ns = timebase.denom / timebase.numer
        period = int(block_seconds * 1e9 * per_ns)
        share = 0.5 if role != "standby" else 0.3
        policy = _TimeConstraint(period, int(period * share), period, 1)
        thread_policy_flavor_time_constraint, count = 2, 4
        code = system.thread_policy_set(system.mach_thread_self(), thread_policy_flavor_time_constraint,
                                        ctypes.byref(policy), count)
    except (OSError, AttributeError):
        return "normal (no time-constraint policy)"
    return "time-constraint" if code == 0 else f"normal (thread_policy_set error {code})"


# -- Windows -------------------------------------------------------------------------------------
_mmcss_handle = None
HIGH_PRIORITY_CLASS = 0x80
AVRT_PRIORITY = {"output": 2, "active": 1, "standby": 0}  # critical, high, normal


def windows_mmcss(role: str) -> str:
    """MMCSS 'Pro Audio' for the calling thread and a high priority class for the process."""
    global _mmcss_handle
    try:
        kernel32 = ctypes.WinDLL("kernel32")
        avrt = ctypes.WinDLL("avrt")
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), HIGH_PRIORITY_CLASS)
        if _mmcss_handle is None:
            task = ctypes.c_uint32(0)
            avrt.AvSetMmThreadCharacteristicsW.restype = ctypes.c_void_p
            _mmcss_handle = avrt.AvSetMmThreadCharacteristicsW("Pro Audio", ctypes.byref(task))
        if not _mmcss_handle:
            return "high priority class (MMCSS refused)"
        avrt.AvSetMmThreadPriority(ctypes.c_void_p(_mmcss_handle), AVRT_PRIORITY[role])
    except (OSError, AttributeError):
        return "normal (no MMCSS)"
    return f"MMCSS Pro Audio ({role})"
