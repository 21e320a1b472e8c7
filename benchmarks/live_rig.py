"""What the real-time benchmarks share: a JACK dummy server of their own, the busy machine of the
loaded tests, the machine's state (load average, CPU time stolen by the hypervisor) and p50/p99/max.

Run them under `flock /tmp/chronus-rt.lock` on a shared machine so two never overlap.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.rings import FAILOVERS, LOST_BLOCKS, WRITTEN, XRUNS_JACK, XRUNS_PORTAUDIO  # noqa: E402
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

    from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool
    from tests.supervisor.test_loaded import EXAMPLE, validate_until

    stop, verdicts = threading.Event(), []
    with tempfile.TemporaryDirectory() as folder, SandboxPool(size=2, folder=folder) as pool:
        path = Path(folder) / "bitwarp.py"
        path.write_text(Path(EXAMPLE).read_text())
        helper = threading.Thread(target=validate_until, args=(pool, str(path), stop, verdicts))
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


class Machine:
    """The load average and the share of CPU time stolen by the hypervisor over a measurement."""

    def __init__(self):
        self.ticks = cpu_ticks()
        self.load_before = os.getloadavg()[0]

    def figures(self) -> dict:
        total, steal = cpu_ticks()
        spent = max(1, total - self.ticks[0])
        return {"load_average_before": round(self.load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
                "steal_percent": round(100 * (steal - self.ticks[1]) / spent, 2)}


def percentiles(values, digits: int = 3) -> dict:
    if not len(values):
        return {"count": 0}
    ordered = sorted(values)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"count": len(ordered), "p50": round(at(0.5), digits), "p99": round(at(0.99), digits),
            "p999": round(at(0.999), digits), "max": round(ordered[-1], digits)}


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
            "lost_blocks": int(words[LOST_BLOCKS]), "switches": int(words[FAILOVERS]),
            "failovers": len(supervisor.failovers)}


def delta(after: dict, before: dict) -> dict:
    return {key: after[key] - before[key] for key in after}


def lockstep(supervisor: Supervisor) -> bool:
    """The blocks both rings still hold are identical (the standby can take over at any block)."""
    a, b = supervisor.rings
    last = int(min(a.header[WRITTEN], b.header[WRITTEN]))
    blocks = [i % a.capacity for i in range(max(0, last - a.capacity + 2), last)]
    return bool(np.array_equal(a.audio[blocks], b.audio[blocks]))


def write(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2))
    return path
