"""The supervisor's status as plain data: what the toolbar, `status` and `--stats-json` show."""
from __future__ import annotations

import os
import statistics
import sys
import threading
import time
from pathlib import Path

from . import latency, realtime
from .rings import ACTIVE_SLOT, CPU_NS, LATE_COMMANDS, PROCESS_CPU_NS, READ_BLOCK, WRITTEN

RECENT_BLOCKS = 32  # ~0.17 s at 256 / 48 kHz: enough blocks for a steady figure


def summary(supervisor, words) -> dict:
    cfg = supervisor.config
    return {
        "backend": supervisor.backend,
        "device": supervisor.device,
        "notice": "; ".join(n for n in (supervisor.notice, realtime.permission_notice()) if n) or None,
        "scheduling": {"output": describe(supervisor.output.pid if supervisor.output else None),
                       "shell": describe(os.getpid(), [threading.main_thread().native_id]),  # slots: in their rows
                       "shell's audio path": describe(os.getpid(), _audio_path_threads(supervisor)),
                       "audio server": _server(realtime.audio_server_priority())},
        "sample_rate": cfg.sample_rate,
        "block_size": cfg.block_size,
        "latency_ms": round(_measured_latency(supervisor), 1),  # command → audible, as measured
        "blocks": int(words[READ_BLOCK]),
        "seconds": round(int(words[READ_BLOCK]) * cfg.block_size / cfg.sample_rate, 2),
        "active_slot": "AB"[int(words[ACTIVE_SLOT])],
        "spares": sum(1 for s in supervisor.spares if s.ready.is_set() and s.alive()),
        "recording": str(supervisor.session.recorder.path) if supervisor.session.recorder else None,
        "problems": supervisor.problems[-3:],
        "problem_count": len(supervisor.problems),  # lets a viewer print only the new ones
        "news_lines": supervisor.news[-3:], "news_line_count": len(supervisor.news),   # not trouble: a sample loaded
        "recording_problems": supervisor.session.problems[-3:],  # e.g. the disk filled while recording
        "recording_problem_count": len(supervisor.session.problems),
    }


def slot_rows(supervisor, words) -> list[dict]:
    """One row per ring: which process renders it, how far, how busy."""
    active = int(words[ACTIVE_SLOT])
    rows = []
    for index, ring in enumerate(supervisor.rings):
        slot = supervisor.slots[index]
        blocks = int(ring.header[WRITTEN])
        rows.append({
            "slot": "AB"[index],
            "role": "active" if index == active else "standby",
            "pid": slot.pid if slot is not None else None,
            "alive": bool(slot is not None and slot.alive()),
            "blocks": blocks,
            "ring_fill": blocks - int(words[READ_BLOCK]),  # blocks rendered ahead of the output
            "cpu_percent": _busy_percent(supervisor, index, blocks, int(ring.header[CPU_NS])),
            "all_threads_cpu_percent": _threads_percent(supervisor, index, _process_cpu_ns(slot, ring)),
            "late_commands": int(ring.header[LATE_COMMANDS]),
            "scheduling": describe(slot.pid if slot is not None else None),
        })
    return rows


def _busy_percent(supervisor, index: int, blocks: int, busy_ns: int) -> float:
    """How much of each block's time the slot spends rendering, over the blocks since the last
    status (at least RECENT_BLOCKS of them): a module that just turned slow shows at once."""
    cfg = supervisor.config
    seen_blocks, seen_ns, percent = supervisor.busy_seen.get(index, (0, 0, 0.0))
    if blocks < seen_blocks or busy_ns < seen_ns:               # a new slot took the ring
        seen_blocks, seen_ns = 0, 0
    if blocks - seen_blocks >= RECENT_BLOCKS or index not in supervisor.busy_seen:
        seconds = max(blocks - seen_blocks, 1) * cfg.block_size / cfg.sample_rate
        percent = round(100.0 * (busy_ns - seen_ns) / 1e9 / seconds, 1)
        supervisor.busy_seen[index] = (blocks, busy_ns, percent)
    return percent


def _process_cpu_ns(slot, ring) -> int:
    """CPU time of the slot's process, every thread: from /proc where there is one (exact even when
    a busy thread keeps the render thread from running), else what the slot wrote at its last block."""
    if slot is not None and slot.pid:
        try:
            fields = Path(f"/proc/{slot.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return int((int(fields[11]) + int(fields[12])) * 1e9 / os.sysconf("SC_CLK_TCK"))
        except (OSError, IndexError, ValueError):
            pass
    return int(ring.header[PROCESS_CPU_NS])


def _threads_percent(supervisor, index: int, cpu_ns: int) -> float:
    """The slot process's CPU time, every thread counted (a user module's busy thread too), per
    second of wall time since the last status (at least 0.2 s of it): 200 = two cores' worth."""
    now = time.monotonic()
    seen_ns, seen_at, percent = supervisor.threads_seen.get(index, (0, now, 0.0))
    if cpu_ns < seen_ns:                                          # a new process took the ring
        seen_ns, seen_at = cpu_ns, now
    if now - seen_at >= 0.2 or index not in supervisor.threads_seen:
        percent = round(100.0 * (cpu_ns - seen_ns) / 1e9 / max(now - seen_at, 1e-9), 1) if now > seen_at else 0.0
        supervisor.threads_seen[index] = (cpu_ns, now, percent)
    return percent


def _audio_path_threads(supervisor) -> list[int]:
    """The shell's threads that run real-time below the slots (the monitor and the checkpoints)."""
    return [t.native_id for t in supervisor.audio_path_threads if t.native_id is not None and t.is_alive()] or [-1]


def _server(priority: int | None) -> str:
    return "not real-time (or none)" if priority is None else f"SCHED_FIFO {priority} (we stay below)"


def _measured_latency(supervisor) -> float:
    """The median of the last commands' measured latency; before any, what one sent now would take."""
    recent = list(supervisor.latencies_ms)[-RECENT_BLOCKS:]
    return statistics.median(recent) if recent else latency.expected_ms(supervisor)


def latency_figures(latencies_ms: list[float]) -> dict:
    """p50/p99/max of the stamped command latency (send → the sample it plays at)."""
    if not latencies_ms:
        return {"count": 0}
    ordered = sorted(latencies_ms)
    return {
        "count": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 2),
        "max_ms": round(ordered[-1], 2),
    }


def explained(fault: str, config) -> str:
    """A slot's fault line, with the memory limit named when that is what the module ran into."""
    if " raised MemoryError" in fault and config.slot_memory_mb:
        return f"{fault} (each audio slot may grow by {config.slot_memory_mb} MB: CHRONUS_SLOT_MEMORY_MB)"
    return fault


def describe(pid: int | None, threads: list[int] | None = None) -> str:
    """What a process (its best thread, or the best of `threads`) got, read from the OS:
    'SCHED_FIFO 4 · locked', 'normal', '?'."""
    if pid is None:
        return "?"
    if not sys.platform.startswith("linux"):
        return "see the start line"
    best = (os.SCHED_OTHER, 0)
    for tid in threads or realtime.threads_of(pid) or [pid]:
        try:
            policy, priority = realtime.policy_of(tid)
        except OSError:
            continue
        if policy in (os.SCHED_FIFO, os.SCHED_RR) and priority > best[1]:
            best = (policy, priority)
    text = {os.SCHED_FIFO: f"SCHED_FIFO {best[1]}", os.SCHED_RR: f"SCHED_RR {best[1]}"}.get(best[0], "normal")
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return text
    locked = next((line.split()[1] for line in status.splitlines() if line.startswith("VmLck:")), "0")
    return f"{text} · locked" if int(locked) > 0 else text
