"""Supervisor tests run real child processes, real shared memory and (when jackd is installed) a real
PortAudio stream on the JACK dummy backend, started here the way docs/architecture.md describes."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from chronus_shell.supervisor import Config

ROOT = Path(__file__).resolve().parents[2]
# this run's own JACK server name (see jack_server), set before any worker process starts
os.environ.setdefault("JACK_DEFAULT_SERVER", f"chronus-test-{os.getpid()}")
JACK_LOG = Path(f"/tmp/chronus-test-jackd-{os.getpid()}.log")


def _jack_running() -> bool:
    probe = subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, env=_jack_env())
    return probe.stdout.strip() == "running"


def _jack_env() -> dict:
    return dict(os.environ, JACK_NO_AUDIO_RESERVATION="1", JACK_NO_START_SERVER="1")


def _sweep_jack_semaphores(own: bool) -> None:
    """A test run's JACK server leaves its semaphores in /dev/shm when it is killed before it can clean up (a run
    cut off by a timeout): this run's own (`own`, after its server stopped) and those of runs whose process is gone."""
    for sem in Path("/dev/shm").glob("jack_sem.*_chronus-test-*"):
        pid = sem.name.split("chronus-test-")[1].split("_")[0]
        if pid.isdigit() and (int(pid) == os.getpid() if own else not Path(f"/proc/{pid}").exists()):
            sem.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def jack_server():
    """A JACK dummy server of this test run's own at the default rate and block size (skips when
    jackd is not installed).

    Named after the run (JACK_DEFAULT_SERVER, set above: every JACK client of the run and of its
    children reads it), so two test runs on one machine never share a server: another run's clients in the
    graph make xruns that are not ours."""
    if shutil.which("jackd") is None or shutil.which("jack_wait") is None:
        pytest.skip("jackd2 is not installed (apt-get install jackd2)")
    _sweep_jack_semaphores(own=False)
    log = open(JACK_LOG, "w")
    defaults = Config()
    server = subprocess.Popen(["jackd", "-d", "dummy", "-r", str(defaults.sample_rate), "-p", str(defaults.block_size),
                               "-C", "0", "-P", "2"],
                              stdout=log, stderr=subprocess.STDOUT, env=_jack_env())
    deadline = time.monotonic() + 20
    while not _jack_running():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.skip(f"jackd dummy did not start (see {JACK_LOG})")
        time.sleep(0.05)
    yield "started"
    server.terminate()
    server.wait(10)
    _sweep_jack_semaphores(own=True)
    JACK_LOG.unlink(missing_ok=True)


def jack_log_xruns() -> dict:
    """The test server's xruns so far, by cause, from its log: 'ours' — the output's client (PortAudio)
    had not finished its cycle; 'others' — another client had not (the MIDI out's, or a test's own such
    as the MIDI tests' synth: what it missed it never received); 'timer' — the dummy driver's own timer
    thread woke late (the machine: a 2-core VM whose kernel does not preempt a busy process in a system
    call)."""
    try:
        text = JACK_LOG.read_text(errors="replace")
    except OSError:
        return {"ours": 0, "others": 0, "timer": 0}
    ours = text.count("client = PortAudio was not finished")
    return {"ours": ours, "others": text.count("was not finished") - ours,
            "timer": text.count("JackTimedDriver::Process XRun")}


def chronus(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    """The real command line, in a child process (as a user would run it; the lead set in
    tests/conftest.py is inherited)."""
    return subprocess.run([sys.executable, "-m", "chronus_shell.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=_jack_env())


def read_wav(path) -> np.ndarray:
    audio, _ = soundfile.read(str(path), dtype="float32")
    return audio


def chronus_blocks() -> list[str]:
    shm = Path("/dev/shm")
    return sorted(p.name for p in shm.glob("chronus_*")) if shm.is_dir() else []


def children_of(pid: int) -> list[int]:
    """Every live descendant of `pid` (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in parents.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def silent_runs_s(audio: np.ndarray, after_s: float = 0.3, block: int = 256, rate: int = 48000) -> list[float]:
    """The lengths (s) of the silent stretches of whole blocks once the music has started (a gap)."""
    frames = np.abs(audio).reshape(len(audio), -1).max(axis=1)          # mono or stereo: the louder side
    silent = frames[: len(frames) // block * block].reshape(-1, block).max(axis=1) < 1e-7
    runs, run = [], 0
    for quiet in silent[int(after_s * rate / block):]:
        if quiet:
            run += 1
        elif run:
            runs.append(run * block / rate)
            run = 0
    return runs + ([run * block / rate] if run else [])
