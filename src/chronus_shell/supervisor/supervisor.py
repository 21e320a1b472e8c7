"""The embedded dual-slot supervisor: child processes, command fan-out, failover and recording.

Slots A and B render the same Timeline from the same stamped messages into their own rings; the
output process plays the active ring and switches to the other at the same block index when the
active one starves. Every message is validated here first (against `plan`, a Timeline that is
never rendered), then stamped at the first block neither slot has begun, so both apply it at exactly
that sample: lockstep never breaks, and a real-time run equals the offline render. The slots publish
the block they begin (STARTED) before they read their pipe, and wait while the shell holds
STAMP_HOLD (from reading STARTED to the last pipe write; stamp_hold.py): so the stamp needs no block
of margin.
"""
from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import pickle
import threading
import time
from collections import deque

from ..engine.catalogue import CATALOGUE
from ..engine.timeline import TRANSACTION, Timeline
from ..protocol.message import Message
from ..session.commands import Outcome, SessionCommands
from ..session.recorder import Recorder
from .admission import Admission, scheduled_types
from .config import Config
from .cushion import Cushion
from .ctrl_c_hold import ctrl_c_held
from .fan_out import FanOut
from . import latency, realtime, stamp_hold
from .failover import START_TIMEOUT_S, Failover
from .order import TimedChanges
from .osc_realtime import OscPace
from .pipe_write import NON_BLOCKING
from .prompt_realtime import prompt_priority
from .recording import RECORD_SECONDS, RecordTap
from .repl_realtime import no_collection
from .samples import SampleError, SampleShelf, names_a_sample
from .rings import (
    CHANNELS, LEVEL_MILLI, LOST_BLOCKS, READ_BLOCK, RT_PRIORITY, STARTED, WAITED_BLOCKS, WRITTEN, XRUNS_JACK,
    XRUNS_PORTAUDIO, Control, Ring,
    remove_stale_blocks, shm_name,
)
from .restore import Restore
from .slow_messages import SlowMessages
from .status import explained, slot_rows, summary
from .child_processes import OutputProcess, SlotWorker, SupervisorError, WorkerGone

LATENCIES_KEPT = 100_000
SPARES = 2  # ready workers: a double kill takes both at once (restore.py)
SPAWN_SPARES = 3  # under spawn a worker imports and loads every kernel itself (~1.4 s of CPU, 2–3 s on a
# loaded 2-core machine): with two, a crash every 1.5 s found no standby and the next one killed the lone slot
STOP_JOIN_S = 3.0  # stop() waits this long for a replacement or restore under way to end


class Supervisor(Failover, Restore, SlowMessages, FanOut, Cushion):
    def __init__(self, config: Config | None = None):
        self.config = config or Config.from_env()
        cfg = self.config
        self.ahead = latency.ahead_blocks(cfg)
        self.margin_blocks = latency.margin_blocks(cfg)
        self._entered = threading.local()  # .ns: when the message this thread sends reached the engine
        self._at_once = threading.local()  # .stalled: a slot's pipe was full for a send at once (at_once)
        self.plan = Timeline(cfg.sample_rate, cfg.block_size)
        self.admission = Admission(cfg.sample_rate, cfg.block_size)   # patch size and CPU budget
        self.session = SessionCommands(cfg.sample_rate)
        self.slots: list[SlotWorker | None] = [None, None]
        self.spares: list[SlotWorker] = []
        self.output: OutputProcess | None = None
        self.backend, self.device, self.notice = "?", None, None
        self.failovers: list[dict] = []  # a slot died and a spare took its ring
        self.switches: list[dict] = []   # the output moved to the other ring (the dead one starved)
        self.restarts: list[dict] = []   # output process restarts
        self.latencies_ms: deque[float] = deque(maxlen=LATENCIES_KEPT)   # a long set must not grow the shell
        self.problems: list[str] = []
        self.news: list[str] = []        # lines for the user that are not trouble (a sample loaded)
        self.osc_pace = OscPace(self)     # the OSC server's thread on the real-time path, bounded
        self._lock = threading.RLock()
        self._load_lock = threading.Lock()   # one session's load written at a time (its parts never among another's)
        self._parts_written = threading.Condition(self._lock)   # a load's last part written (fan_out.py)
        self._stopping = threading.Event()
        self._monitor: threading.Thread | None = None
        self.audio_path_threads: list[threading.Thread] = []
        self._background: list[threading.Thread] = []   # replacements and restores under way
        self._background_lock = threading.Lock()   # the monitor and those threads add to it
        self._seen_failovers = 0
        self._kill_times: dict[int, float] = {}
        self._progress = [(0, time.monotonic()), (0, time.monotonic())]  # (blocks written, when)
        self._late_seen = [0, 0]  # late commands seen per ring
        self.touched: str | None = None  # the module the last /mod, /gate or /patch/create named
        self.busy_seen: dict[int, tuple[int, int, float]] = {}  # ring → (blocks, render ns, percent) at the last status
        self.threads_seen: dict[int, tuple[int, float, float]] = {}  # ring → (process CPU ns, when, percent)
        self._started = False
        self._last_stamp = 0
        self._last_now = 0   # the last "now" stamp: commands sent one after the other apply in that order
        self.timed = TimedChanges()   # and a command never before an earlier-sent timed one it conflicts with
        self.user_modules: dict[str, tuple[str, str, str]] = {}  # name → (name, source, path), accepted
        self.spare_target = SPAWN_SPARES if self.config.start_method == "spawn" else SPARES
        self._skips_seen, self._skipped_at = [0, 0], 0.0
        self._init_restore()
        self.samples = SampleShelf(cfg.sample_rate, self.problems.append,
                                   lambda: [w for w in [*self.slots, *self.spares] if w is not None], self.news.append)

    # -- lifecycle --------------------------------------------------------------
    def start(self, events=(), record: str | os.PathLike | None = None) -> "Supervisor":
        """Start output and slots; `events` [(sample, Message)] are pre-scheduled from sample 0."""
        cfg = self.config
        try:                              # the samples a script names, decoded before anything starts
            events = list(zip([at for at, _ in events], self.samples.prepare([msg for _, msg in events])))
        except SampleError as err:
            raise SupervisorError(str(err)) from None
        remove_stale_blocks()
        self._ctx = multiprocessing.get_context(cfg.start_method)
        if cfg.start_method == "forkserver":
            self._ctx.set_forkserver_preload(["chronus_shell.supervisor.preload"])
        self.control = Control(shm_name("control"), create=True)
        capacity = cfg.ring_blocks
        self.rings = [Ring(shm_name(f"ring{i}"), capacity, cfg.block_size, create=True) for i in range(2)]
        record_blocks = max(16, int(RECORD_SECONDS * cfg.sample_rate / cfg.block_size))
        self.record_ring = Ring(shm_name("record"), record_blocks, cfg.block_size, create=True)
        self.tap = RecordTap(self.record_ring, self.control.words, self.session)
        self._started = True
        atexit.register(self.stop)
        try:
            return self._start_children(events, record)
        except BaseException:   # no device, a worker that never started, Ctrl-C: nothing left running or linked
            self.stop()
            raise

    def _start_children(self, events: list, record) -> "Supervisor":
        cfg = self.config
        initial = Timeline(cfg.sample_rate, cfg.block_size)
        for at, msg in events:
            self.plan.admit(msg)
            initial.schedule(msg, at)
        workers = self.spares = [self._new_worker() for _ in range(2 + self.spare_target)]   # (stopped if this fails)
        fence = stamp_hold.load_in_background()   # while the workers start
        self._await_ready(workers, START_TIMEOUT_S)
        snapshot = pickle.dumps(initial, protocol=pickle.HIGHEST_PROTOCOL)
        self.checkpoint = (snapshot, 0)
        for index in range(2):
            self._assign(workers[index], index, snapshot)
        self.spares = workers[2:]
        if record is not None:
            self.tap.start(Recorder(record, cfg.sample_rate, CHANNELS))
        fence.join(START_TIMEOUT_S)   # before the music and the first command
        self._start_output()
        self._monitor = threading.Thread(target=self._watch, name="chronus-supervisor", daemon=True)
        checkpoints = threading.Thread(target=self._take_checkpoints, name="chronus-checkpoints", daemon=True)
        self.audio_path_threads = [self._monitor, checkpoints]  # real-time below the slots (realtime.py)
        for thread in self.audio_path_threads:
            thread.start()
        return self

    def _new_worker(self) -> SlotWorker:
        """A pre-started slot worker that already knows every accepted user module."""
        worker = SlotWorker(self._ctx, self.control.block.name)
        for payload in list(self.user_modules.values()):
            worker.send(("user_module", *payload, None))
        for offer in self.samples.offers():
            worker.send(offer)
        return worker

    def install_user_module(self, name: str, source: str, path: str) -> None:
        """A module the sandbox pool accepted: both slots load it now and switch at one stamped
        block (lockstep); spares load it so a future standby can unpickle its instances."""
        with self._lock, ctrl_c_held:   # the shell's list and both slots, or none (ctrl_c_hold.py)
            self._lift_quarantine(name, source)
            if name in self.quarantined:
                return  # the same text that failed in the slots: it stays out
            self.user_modules[name] = (name, source, str(path))
            if name in CATALOGUE:  # the shell's spec of the new version: what the slots will drop
                self.plan._live_shape.drop_vanished_modulation(name, CATALOGUE[name].spec)
            with self._stamping():
                at = self._last_now = self.earliest_stamp()
                self._log(("user_module", name, source, str(path), at))
                for slot in self.slots:
                    if slot is not None:
                        slot.send_holding_the_gil(("user_module", name, source, str(path), at))
            for spare in self.spares:
                spare.send(("user_module", name, source, str(path), None))

    def _await_ready(self, workers: list[SlotWorker], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for worker in workers:
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                raise SupervisorError("an audio worker did not start in time")
            try:
                worker.conn.recv()
            except (EOFError, OSError):
                raise SupervisorError("an audio worker failed to start (see errors above)") from None
            worker.ready.set()

    def _assign(self, worker: SlotWorker, index: int, snapshot: bytes, restore: dict | None = None) -> None:
        cfg = self.config
        worker.ring_index = index
        capacity = self.rings[index].capacity   # written up to its room past the block played next (slot.py)
        worker.send(("assign", self.rings[index].block.name, capacity, capacity - cfg.keep_after_read, cfg.block_size,
                     self.ahead, cfg.max_catchup, snapshot, cfg.sample_rate, cfg.slot_memory_mb, restore,
                     self.load_in_flight()))   # fan_out.py
        self.slots[index] = worker

    def _start_output(self) -> None:
        cfg = self.config
        output = OutputProcess(
            self._ctx, self.control.block.name, [r.block.name for r in self.rings], self.rings[0].capacity,
            cfg.block_size, self.record_ring.block.name, self.record_ring.capacity, cfg.sample_rate,
            cfg.prefill_buffers, cfg.backend, cfg.device, cfg.wasapi_exclusive,
        )
        try:                              # (a start that fails leaves no output process: at start-up or a restart)
            if not output.conn.poll(START_TIMEOUT_S):
                raise SupervisorError("the audio output did not start in time")
            try:
                reply = output.conn.recv()
            except (EOFError, OSError):
                raise SupervisorError("the audio output process died while starting") from None
            if reply[0] != "started":
                raise SupervisorError(f"cannot open the audio output: {reply[1]}")
        except SupervisorError:
            output.stop()
            raise
        _, description, notice = reply
        self.backend = "null" if description.startswith("null") else "sounddevice"
        self.device, self.notice = description, notice
        self.output = output

    def stop(self) -> None:
        """Stop every child and unlink every shared block; safe to call twice, and at exit."""
        if not self._started:
            return
        self._started = False
        self._stopping.set()
        if self._monitor is not None:
            self._monitor.join(timeout=2.0)
        stopped = self._stop_children(set())
        self._join_background(STOP_JOIN_S)
        self._stop_children(stopped)  # a spare a replacement or restore started meanwhile
        self.tap.drain()
        self.session.close()
        self.samples.close()
        for block in [self.control.block, *[r.block for r in self.rings], self.record_ring.block]:
            block.close()
        atexit.unregister(self.stop)
        ctrl_c_held.release()

    def _stop_children(self, stopped: set) -> set:
        """Stop every child not in `stopped` (all at once: a hung slot is killed); the set of all."""
        everyone = dict.fromkeys([self.output, *self.slots, *self.spares])   # (a failed start: its slots are spares too)
        children = [c for c in everyone if c is not None and c not in stopped]
        for child in children:
            child.send(("stop",))
        deadline = time.monotonic() + 1.0
        for child in children:
            child.stop(timeout=max(0.05, deadline - time.monotonic()))
        return stopped | set(children)

    def __enter__(self) -> "Supervisor":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- messages ---------------------------------------------------------------
    @property
    def play_block(self) -> int:
        return int(self.control.words[READ_BLOCK])

    def earliest_stamp(self) -> int:
        """The first sample of the first block no slot has begun and the output has not passed (plus
        the early margin): where a command stamped under `_stamping` reaches both slots in time."""
        begun = max(max(int(ring.header[WRITTEN]), int(ring.header[STARTED])) for ring in self.rings)
        block = max(begun, self.play_block) + self.margin_blocks
        return max(block * self.config.block_size, self._last_now)

    def probe_stamp(self) -> int:
        """Where a command sent now is stamped, reached as a command reaches it (the stamping's cost in it)."""
        with self._stamping():
            return self.earliest_stamp()

    @contextlib.contextmanager
    def _stamping(self):
        """From reading where the slots are to the last pipe write of a command: a slot about to
        begin a block waits for it (slot.py), so the command is in its pipe before that block."""
        with self._lock, no_collection(), realtime.briefly(int(self.control.words[RT_PRIORITY]), as_role="active"):
            stamp_hold.hold(self.control.words)
            try:
                yield
            finally:
                stamp_hold.release(self.control.words)

    def sample_at(self, unix_seconds: float) -> int:
        """The sample that plays at wall time `unix_seconds` (for OSC timetags)."""
        ahead = (unix_seconds - time.time()) * self.config.sample_rate
        return self.play_block * self.config.block_size + max(0, int(round(ahead)))

    def raised(self):
        """The calling thread real-time below the slots while a line is translated (an ordinary one took
        18 ms at the median on the loaded VM: benchmarks/bench_latency_trace.py)."""
        return realtime.briefly(int(self.control.words[RT_PRIORITY]) if self._started else 0)

    def prompt_priority(self) -> int:
        """SCHED_FIFO priority for the prompt's thread while it is up (prompt_realtime.py); 0: none."""
        return prompt_priority(int(self.control.words[RT_PRIORITY])) if self._started else 0

    def on_audio_path(self) -> bool:
        """The calling thread (the REPL's sender) real-time below the slots for good: audio_path_thread."""
        return self._started and realtime.audio_path_thread(int(self.control.words[RT_PRIORITY]))

    @contextlib.contextmanager
    def at_once(self, messages: int = 1):
        """True with the supervisor's lock held, for the calling thread to send() `messages` plain fan-out
        messages itself, if it can without waiting: the prompt's thread, real-time already, sends a line
        from its accept handler with no hand-over to the real-time sender (its wake-up, and the GIL taken
        in between by whichever ordinary thread ran: 7 ms loaded at worst, bench_latency_trace.py). False,
        nothing held, when another thread holds the lock (a failover's snapshot, a checkpoint's request, an
        OSC packet's send: up to half a second) or the patch's costs would have to be measured first
        (admission.py): the caller hands the line to a thread that may wait — and the rest of it when a slot's pipe
        was full (`stalled()`, the write owed: `pay_owed()` there first). Not off Linux (pipe_write.NON_BLOCKING)."""
        held = NON_BLOCKING and self._started and self._lock.acquire(blocking=False)
        self._at_once.stalled = False
        try:
            self._at_once.now = held and self._writing is None and not self.admission.would_wait(
                len(scheduled_types(self.plan)) + messages)   # (a line waits for a load's parts: fan_out.py)
            yield self._at_once.now
        finally:
            self._at_once.now = False
            if held:
                self._lock.release()

    def stalled(self) -> bool:
        """A send inside at_once() left a slot's message owed: nothing more is sent at once."""
        return getattr(self._at_once, "stalled", False)

    def pay_owed(self) -> None:
        """What sends at once left owed to the slots, written now (blocking)."""
        for slot in filter(None, list(self.slots)):
            slot.pay()

    def send(self, msg: Message, at: int | None = None, entered_ns: int | None = None):
        """Validate and fan out one message; returns None, or an Outcome with a line for the user.
        `entered_ns` (perf_counter_ns): when its line was entered, where command → audible is timed from.

        Raises EngineError/SupervisorError (one readable line) when the message is refused.
        """
        self._entered.ns = latency.entered(entered_ns)
        head = msg.parts[0] if msg.parts else ""
        if head in ("session", "record", "engine") or names_a_sample(msg):
            with realtime.ordinary_meanwhile():   # file, decoder or port work: never real-time (an OSC packet's)
                return self._slow_message(msg, head)
        if msg.address in TRANSACTION and not self.config.router:
            raise SupervisorError("transactions are off (CHRONUS_ROUTER=0): changes apply live")
        with realtime.briefly(int(self.control.words[RT_PRIORITY])):  # from here to the last pipe write
            self.refuse_quarantined(msg)
            self.admission.prepare(msg, len(scheduled_types(self.plan)))   # measuring holds no lock
            with self._lock:
                self.after_load_parts()
                self.admission.check(msg, scheduled_types(self.plan))
                with ctrl_c_held:                # the plan and both slots, or none (ctrl_c_hold.py)
                    said = self.plan.admit(msg)  # a chord made a voice polyphonic: said once
                    self._fan_out(msg, at)
        if head in ("mod", "gate") or msg.address == "/patch/create":
            self.touched = str(msg.args[0]) if head == "patch" else msg.parts[1]   # a session keeps it as focus
        return Outcome(said) if said else None   # said, not refused (OSC senders get no /error)

    # -- state ----------------------------------------------------------------------
    def patch_state(self) -> dict:
        """The patch as the active slot plays it (JSON-able, for snapshots and autosave)."""
        active = self._active_slot()
        candidates = [active] + [s for s in self.slots if s is not None and s is not active]
        sent = min(self._last_stamp, self.earliest_stamp())  # not what is timetagged for later
        for slot in (s for s in candidates if s is not None):
            ring = self.rings[slot.ring_index]
            deadline = time.monotonic() + 1.0
            while int(ring.header[WRITTEN]) * self.config.block_size <= sent and time.monotonic() < deadline:
                time.sleep(0.002)  # include what was just sent (it plays a few blocks from now)
            try:
                return slot.request(("state",))
            except WorkerGone:
                continue  # it died or was replaced mid-request: the other slot has the same state
        raise SupervisorError("no audio slot is running")

    def slot_status(self, timeout: float = 2.0) -> dict:
        """What the active slot's Timeline says: position, transaction, faults, commit samples."""
        slot = self._active_slot()
        return slot.request(("status",), timeout) if slot is not None else {}

    def status(self) -> dict:
        words = self.control.words
        try:
            timeline = self.slot_status(timeout=0.2)
        except WorkerGone:
            timeline = {}
        return summary(self, words) | {"slots": slot_rows(self, words)} | {
            "in_transaction": self.plan.in_transaction, "tempo": timeline.get("tempo"),
            "commits_at_block": [c // self.config.block_size for c in timeline.get("commits", [])],
            "faults": [explained(fault, self.config) for fault in timeline.get("faults", [])],
            "xruns": {"portaudio": int(words[XRUNS_PORTAUDIO]), "jack": int(words[XRUNS_JACK])},
            "failovers": len(self.failovers), "lost_blocks": int(words[LOST_BLOCKS]),
            "waited_blocks": int(words[WAITED_BLOCKS]),  # the device's cycle found its block still rendering
            "restores": len(self.restores),
            "quarantined": sorted(self.quarantined),
            "level": int(words[LEVEL_MILLI]) / 1000.0,
        }
