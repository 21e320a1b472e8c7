"""What the real-time benchmarks share: a JACK dummy server of their own (or the null backend), the
busy machine of the loaded tests, the machine's state (load average, CPU time stolen by the
hypervisor), a bare child process as a reference, and p50/p99/max.

Run them under `flock /tmp/chronus-rt.lock` on a shared machine so two never overlap.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))


from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.rings import (  # noqa: E402
    FAILOVERS, LOST_BLOCKS, WAITED_BLOCKS, WRITTEN, XRUNS_JACK, XRUNS_PORTAUDIO,
)
from tests.supervisor.busy import busy_machine  # noqa: E402  (the loaded tests' load, one definition)

LOADS = ("idle", "loaded")


def arguments(doc: str) -> argparse.ArgumentParser:
    """A benchmark's command line: its docstring's first line, and which loads to run."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--loads", default=",".join(LOADS), help="idle, loaded or both (default)")
    return parser


@contextlib.contextmanager
def jack_dummy(period: int = 256, rate: int = 48000):
    """A JACK dummy server of this process's own (JACK_DEFAULT_SERVER), stopped on exit; yields
    its log's path (JACK's own xrun lines are counted from it)."""
    os.environ.setdefault("JACK_DEFAULT_SERVER", f"chronus-bench-{os.getpid()}")
    env = dict(os.environ, JACK_NO_AUDIO_RESERVATION="1", JACK_NO_START_SERVER="1")
    if shutil.which("jackd") is None:
        raise SystemExit("jackd is not installed (apt-get install jackd2)")
    log_path = Path(f"/tmp/chronus-bench-jackd-{os.getpid()}-{period}.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen(["jackd", "-d", "dummy", "-r", str(rate), "-p", str(period), "-C", "0", "-P", "2"],
                                  stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 20
        while subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, env=env).stdout.strip() != "running":
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"jackd dummy did not start (see {log_path})")
            time.sleep(0.05)
        yield log_path
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        log_path.unlink(missing_ok=True)


def device_arguments(doc: str) -> argparse.ArgumentParser:
    """A benchmark's command line: its docstring's first line, and which device (`device`)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--backend", choices=("auto", "jack", "null"), default="auto",
                        help="JACK dummy (auto: when jackd is installed) or the clock-paced null backend")
    return parser


@contextlib.contextmanager
def device(choice: str, period: int = 256):
    """--backend auto|jack|null → (the backend for Config, a description): a JACK dummy server of
    this process's own when jackd is installed (auto) or asked for (jack), else the null backend."""
    if choice == "null" or (choice == "auto" and shutil.which("jackd") is None):
        yield "null", "null (clock-paced)" + ("" if choice == "null" else "; jackd is not installed")
        return
    with jack_dummy(period):
        yield "sounddevice", f"JACK dummy 48 kHz / {period} (started by this benchmark)"


def setting(config: Config, description: str) -> dict:
    """What a live measurement ran on (its JSON's first keys), printed as one line."""
    result = {"device": description, "backend": config.backend, "sample_rate": config.sample_rate,
              "block_size": config.block_size, "block_ms": round(1000 * config.block_seconds, 3),
              "start_method": config.start_method, "cpus": os.cpu_count()}
    print(f"device: {description}; {config.sample_rate} Hz, {config.block_size}-sample blocks "
          f"({result['block_ms']:.2f} ms), start method {config.start_method}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    return result


def jack_xruns(log_path: Path) -> dict:
    """JACK's xruns so far by cause (tests/supervisor/conftest.py): a client of ours had not finished
    its cycle, or the dummy driver's own timer woke late."""
    try:
        text = log_path.read_text(errors="replace")
    except OSError:
        return {"ours": 0, "timer": 0}
    return {"ours": text.count("was not finished"), "timer": text.count("JackTimedDriver::Process XRun")}


@contextlib.contextmanager
def load(kind: str, seconds: float, pool: bool = False):
    """Nothing ('idle': the shared machine as it is) or the loaded tests' busy machine; with `pool`,
    the sandbox pool validating a module the whole time too (tests/supervisor/test_loaded.py).
    Yields the verdicts (True, or the refusal's line) of the pool's validations."""
    if kind == "idle":
        yield []
        return
    with busy_machine(seconds), (_pool_validating() if pool else contextlib.nullcontext([])) as verdicts:
        yield verdicts


@contextlib.contextmanager
def _pool_validating():
    import tempfile
    import threading

    from chronus_shell.supervisor.prompt_realtime import MODULE_WATCHER
    from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool
    from tests.supervisor.test_loaded import EXAMPLE, validate_until

    stop, verdicts = threading.Event(), []
    with tempfile.TemporaryDirectory() as folder, SandboxPool(size=2, folder=folder) as pool:
        path = Path(folder) / "bitwarp.py"
        path.write_text(Path(EXAMPLE).read_text())
        RESULTS.mkdir(parents=True, exist_ok=True)
        helper = threading.Thread(target=validate_until, args=(pool, str(path), stop, verdicts, RESULTS),
                                  name=MODULE_WATCHER)   # the shell's caller of validate (hot_reload.py), named as
        # it is: the prompt lifts it (prompt_realtime.WAITED_ON); unnamed, it held the GIL the Enter key waited for
        # while busy programs preempted it (4 ms in a line, session 32)
        helper.start()
        try:
            yield verdicts
        finally:
            stop.set()
            helper.join()


def lift_admission_guard() -> None:
    """Patches bigger than the shell admits (a patch may fill half a block: supervisor/admission.py),
    for the benchmarks that measure where the live path itself runs out of time."""
    from chronus_shell.supervisor.admission import Admission

    Admission.check = lambda self, msg, types: None


def cpu_ticks() -> tuple[int, int]:
    """(all, stolen) CPU ticks of the machine so far (/proc/stat; steal: the hypervisor ran another guest)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields), fields[7]


def others_real_time() -> dict:
    """Real-time threads of programs this one did not start (SCHED_FIFO/RR below the kernel's own 50 and up:
    another user's audio programs, a shell of theirs): how many, their CPU so far (s) and their highest
    priority. Above ours they go first whatever the load of ordinary programs (Linux /proc; {} elsewhere)."""
    if not sys.platform.startswith("linux"):
        return {}
    parents, threads = {}, []
    for stat in Path("/proc").glob("[0-9]*/task/[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.parent.parent.name)] = int(fields[1])
        threads.append((int(stat.parent.parent.parent.name), int(fields[38]), int(fields[37]),
                        (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")))

    def ours(pid: int) -> bool:
        while pid > 1:
            if pid == os.getpid():
                return True
            pid = parents.get(pid, 0)
        return False
    theirs = [(priority, cpu) for pid, policy, priority, cpu in threads
              if policy in (1, 2) and 0 < priority < 50 and not ours(pid)]
    return {"threads": len(theirs), "cpu_s": round(sum(cpu for _, cpu in theirs), 1),
            "top_priority": max((priority for priority, _ in theirs), default=0)}


class Machine:
    """The load average, the share of CPU time stolen by the hypervisor, and other sessions' real-time
    threads (their CPU over the measurement: others_real_time) over a measurement."""

    def __init__(self):
        self.ticks = cpu_ticks()
        self.load_before = os.getloadavg()[0]
        self.others = others_real_time()

    def figures(self) -> dict:
        total, steal = cpu_ticks()
        spent = max(1, total - self.ticks[0])
        others = others_real_time()
        return {"load_average_before": round(self.load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
                "steal_percent": round(100 * (steal - self.ticks[1]) / spent, 2),
                "others_real_time": others | {"threads_before": self.others.get("threads"),
                                              "cpu_s": round(others.get("cpu_s", 0) - self.others.get("cpu_s", 0), 1)}}


def percentiles(values, digits: int = 3) -> dict:
    if not len(values):
        return {"count": 0}
    ordered = sorted(values)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"count": len(ordered), "p50": round(at(0.5), digits), "p99": round(at(0.99), digits),
            "p999": round(at(0.999), digits), "max": round(ordered[-1], digits)}


def figure_rows(rows) -> str:
    """(measure, percentiles(), unit, ratio of the p50 to its reference or None) rows as a table."""
    lines = [f"{'measure':<36}{'p50':>9}{'p99':>9}{'max':>9}  {'unit':<7}{'ratio p50':>10}"]
    for name, fig, unit, ratio in rows:
        if not fig.get("count"):
            lines.append(f"{name:<36}{'—':>9}")
            continue
        tail = "" if ratio is None else f"{ratio:>10.2f}"
        lines.append(f"{name:<36}{fig['p50']:>9.2f}{fig['p99']:>9.2f}{fig['max']:>9.2f}  {unit:<7}{tail}")
    return "\n".join(lines)


def ratio(fig: dict, reference: float | None) -> float | None:
    """A figure's p50 over its reference measured in the same run."""
    return None if not fig.get("count") or not reference else round(fig["p50"] / reference, 2)


def _echo(conn) -> None:
    conn.send("up")
    while (item := conn.recv()) is not None:
        conn.send(item)


def bare_child(start_method: str, pings: int = 200) -> dict:
    """The reference for the slots' processes: a child with nothing in it from the same start
    method, start → first message and a pipe round trip (ms, medians)."""
    ctx = multiprocessing.get_context(start_method)
    starts, trips = [], []
    for _ in range(5):
        parent, child = ctx.Pipe()
        began = time.perf_counter()
        process = ctx.Process(target=_echo, args=(child,), daemon=True)
        process.start()
        parent.recv()
        starts.append(1000 * (time.perf_counter() - began))
        for _ in range(pings // 5):
            began = time.perf_counter()
            parent.send(1)
            parent.recv()
            trips.append(1000 * (time.perf_counter() - began))
        parent.send(None)
        process.join(5)
    return {"start_ms": statistics.median(starts), "round_trip_ms": statistics.median(trips)}


def wait_until(condition, timeout: float, poll: float = 0.0002) -> float | None:
    """perf_counter() when `condition()` first held, or None after `timeout` seconds."""
    deadline = time.perf_counter() + timeout
    while (now := time.perf_counter()) < deadline:
        if condition():
            return now
        time.sleep(poll)
    return None


def armed(supervisor: Supervisor) -> bool:
    """Both slots alive and ahead of the output, and a spare ready: a kill now can lose nothing."""
    if any(slot is None or not slot.alive() for slot in supervisor.slots):
        return False
    if not any(s.ready.is_set() and s.alive() for s in list(supervisor.spares)):
        return False
    play = supervisor.play_block
    return all(int(ring.header[WRITTEN]) > play for ring in supervisor.rings)


def start(backend: str) -> Supervisor:
    """A supervisor at the settings of the environment, once its first block played."""
    from tests.supervisor.test_soak import wait_for_music  # late: pytest must not slow a worker's start

    supervisor = Supervisor(Config.from_env(backend=backend)).start()
    wait_for_music(supervisor)
    return supervisor


def send_all(supervisor: Supervisor, lines) -> None:
    for line in lines:
        supervisor.send(line if isinstance(line, Message) else Message.parse(line))


def counters(supervisor: Supervisor) -> dict:
    words = supervisor.control.words
    return {"xruns_portaudio": int(words[XRUNS_PORTAUDIO]), "xruns_jack": int(words[XRUNS_JACK]),
            "lost_blocks": int(words[LOST_BLOCKS]), "waited_blocks": int(words[WAITED_BLOCKS]),
            "switches": int(words[FAILOVERS]),
            "failovers": len(supervisor.failovers)}


def delta(after: dict, before: dict) -> dict:
    return {key: after[key] - before[key] for key in after}


def lockstep(supervisor: Supervisor) -> bool:
    """The blocks both rings still hold are identical (the standby can take over at any block)."""
    from tests.supervisor.test_soak import rings_in_lockstep

    return rings_in_lockstep(supervisor.rings)


def write(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2))
    return path
