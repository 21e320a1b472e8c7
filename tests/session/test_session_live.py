"""Sessions, autosave and recording through the real Supervisor (null backend, real child processes):
a load lands on the next bar line to the sample, a bad file changes nothing, autosave runs every
15 s while the patch changes and survives a killed shell, and a recording that cannot be written
stops with one line while the music goes on (disk full is a real file-size limit in a child)."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from chronus_shell.engine.timeline import render_script
from chronus_shell.protocol.message import Message
from chronus_shell.session.autosave import AUTOSAVE_INTERVAL_S, Autosave, pending_recovery, recover
from chronus_shell.session.recorder import repair_interrupted_recordings
from chronus_shell.session.snapshot import state_to_messages
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.session.snapshot import load_session
from chronus_shell.supervisor.rings import LEVEL_MILLI, LOST_BLOCKS, READ_BLOCK, RECORD_WRITE

RATE, BLOCK = 48000, 256
BPM = 240                                          # one bar = 16 steps of 3000 samples = 1 s
BAR = 16 * 60 * RATE // (4 * BPM)
PATCH = ["/patch/create saw1 saw", "/patch/create adsr1 adsr", "/patch/connect saw1 adsr1",
         "/patch/connect adsr1 master", "/mod/saw1/freq 110", "/mod/adsr1/release 50", f"/seq/bpm {BPM}",
         "/seq/add bass adsr1 x.x.x...x.x.x.x.", "/seq/start"]


class Engine:
    """The Supervisor plus the transcript of what it sent the slots (sample, message)."""

    def __init__(self):
        self.supervisor = Supervisor(Config.from_env(backend="null", block_size=BLOCK)).start()
        self.stamps: list[tuple[int, Message]] = []
        log = self.supervisor._log

        def logged(item):        # every message the slots are sent, one at a time or a load's at once (cushion.py)
            if item[0] == "msg":
                self.stamps.append((item[1], item[2]))
            log(item)

        self.supervisor._log = logged

    def send(self, line_or_message):
        msg = Message.parse(line_or_message) if isinstance(line_or_message, str) else line_or_message
        return self.supervisor.send(msg)

    def word(self, index: int) -> int:
        return int(self.supervisor.control.words[index])

    def wait_until_sample(self, sample: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.word(READ_BLOCK) * BLOCK <= sample and time.monotonic() < deadline:
            time.sleep(0.005)

    def wait_played(self, seconds: float) -> None:
        self.wait_until_sample(self.word(READ_BLOCK) * BLOCK + int(seconds * RATE), timeout=seconds + 10)

    def loudest(self, seconds: float) -> float:
        """The highest block peak the output played over the next `seconds` (polled)."""
        end, peak = self.word(READ_BLOCK) * BLOCK + int(seconds * RATE), 0
        deadline = time.monotonic() + seconds + 10
        while self.word(READ_BLOCK) * BLOCK <= end and time.monotonic() < deadline:
            peak = max(peak, self.word(LEVEL_MILLI))
            time.sleep(0.002)
        return peak / 1000.0

    def start_recording(self, path: Path) -> tuple[int, int]:
        """(absolute first block of the take, lost blocks so far); see tests/protocol/conftest.py."""
        for _ in range(50):
            before = (self.word(RECORD_WRITE), self.word(LOST_BLOCKS))
            outcome = self.send(Message("/record/start", (str(path),)))
            assert outcome.ok, outcome.text
            if (self.word(RECORD_WRITE), self.word(LOST_BLOCKS)) == before:
                return before[0], before[1]
            self.send("/record/stop")
            path.unlink()
        raise AssertionError("could not start a recording between two blocks")

    def stop(self) -> None:
        self.supervisor.stop()


@pytest.fixture
def engine():
    started = Engine()
    yield started
    started.stop()


def _without_focus(state: dict) -> dict:
    return {k: v for k, v in state.items() if k != "focus"}


def test_save_writes_readable_json_and_never_overwrites(engine, chronus_home):
    for line in PATCH:
        engine.send(line)
    saved = engine.send(Message("/session/save", ("night-drive",)))
    path = chronus_home / "sessions" / "night-drive.json"
    assert saved.ok and saved.text == f"saved session night-drive ({path})"
    text = path.read_text()
    assert text.startswith("{\n  ") and json.loads(text)["schema_version"] == 1       # indented, for people
    assert json.loads(text)["modules"]["saw1"] == {"type": "saw", "params": {"detune": 0.0, "freq": 110.0,
                                                                             "gain": 0.5, "pan": 0.0}}
    assert not list(path.parent.glob(".*tmp"))                                      # no temp file left
    assert json.loads(text)["focus"] == "adsr1"                        # the module touched last
    engine.send("/mod/saw1/freq 220")
    refused = engine.send(Message("/session/save", ("night-drive",)))
    assert not refused.ok and "use 'save session as night-drive overwrite'" in refused.text
    assert path.read_text() == text
    assert engine.send(Message("/session/save", ("night-drive", "overwrite"))).ok
    assert json.loads(path.read_text())["modules"]["saw1"]["params"]["freq"] == 220
    assert engine.send(Message("/session/list")).data == ["night-drive"]
    assert engine.send(Message("/session/delete", ("night-drive",))).ok and not path.exists()


def _empty_but_running(engine) -> None:
    """No module left, but the sequencer's grid keeps running: a load must wait for its bar line."""
    for line in ("/seq/clear", "/patch/remove adsr1", "/patch/remove saw1"):
        engine.send(line)
    engine.wait_played(0.1)


def test_load_lands_on_the_next_bar_line_to_the_sample(engine, tmp_path):
    for line in PATCH:
        engine.send(line)
    engine.wait_played(0.2)
    saved_state = engine.supervisor.patch_state()
    assert engine.send(Message("/session/save", ("night-drive",))).ok
    for attempt in range(3):                          # a block lost under load spoils a take: again
        _empty_but_running(engine)
        take = tmp_path / f"take{attempt}.wav"
        first_block, lost = engine.start_recording(take)
        sent = len(engine.stamps)
        earliest = engine.supervisor.earliest_stamp()
        outcome = engine.send(Message("/session/load", ("night-drive",)))
        assert outcome.ok and outcome.text == "loading session night-drive at the next bar"
        [load_at] = {at for at, _ in engine.stamps[sent:]}               # all of it at one sample
        engine.wait_until_sample(load_at + RATE // 2)
        whole = engine.word(LOST_BLOCKS) == lost
        assert engine.send("/record/stop").ok
        if whole:
            break
    assert whole, "every take lost blocks: the machine is too busy to play in real time"

    grid = [at for at, msg in engine.stamps[:sent] if msg.address == "/seq/start"][-1]
    assert (load_at - grid) % BAR == 0                                   # on a bar line of the running grid
    assert earliest <= load_at < earliest + BAR                          # the next one, not a later one
    assert [m for _, m in engine.stamps[sent:]] == state_to_messages(load_session("night-drive"))
    assert _without_focus(engine.supervisor.patch_state()) == saved_state    # the state that was saved

    audio, _ = sf.read(take, dtype="float32")
    onset = load_at - first_block * BLOCK
    assert 0 < onset < len(audio)
    assert not audio[:onset].any() and audio[onset:onset + 64].any()     # silence, then the bar's first hit
    offline = render_script(engine.stamps, (first_block * BLOCK + len(audio)) / RATE)
    assert np.array_equal(audio, offline[first_block * BLOCK:])          # every sample where it belongs


def test_load_replaces_the_patch_that_is_playing(engine):
    for line in PATCH:
        engine.send(line)
    saved_state = engine.supervisor.patch_state()
    assert engine.send(Message("/session/save", ("night-drive",))).ok
    for line in ("/mod/saw1/freq 440", "/patch/create sine1 sine", "/patch/connect sine1 master"):
        engine.send(line)
    assert engine.send(Message("/session/load", ("night-drive", "now"))).ok
    engine.wait_played(0.1)
    assert _without_focus(engine.supervisor.patch_state()) == saved_state


BAD_FILES = {
    "truncated": ('{\n  "schema_version": 1,\n  "modules": {\n    "saw1": {"type": "sa', ":4:"),
    "corrupt": ("\x00\x01garbage", ":1:1: not valid JSON"),
    "future": ('{"schema_version": 7, "modules": {}}', "written by a newer Chronus (schema 7, this one reads ≤ 1)"),
    "hand-edited": ('{"schema_version": 1, "modules": {"acid_filter1": {"type": "acid_filter",'
                    ' "params": {"resonance": 3}}}}', "modules.acid_filter1.params.resonance: "),
    "unknown-type": ('{"schema_version": 1, "modules": {"x1": {"type": "sawtooth"}}}', "modules.x1.type: "),
    "dangling-edge": ('{"schema_version": 1, "modules": {}, "edges": [["saw9", "master"]]}',
                      "edges[0]: unknown module 'saw9'"),
    "edge-into-source": ('{"schema_version": 1, "modules": {"saw1": {"type": "saw"}, "delay1": {"type": "delay"}},'
                         ' "edges": [["delay1", "saw1"]]}', "/patch/connect delay1 saw1: "),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_session_file_is_one_line_and_nothing_changes(engine, chronus_home, name):
    text, where = BAD_FILES[name]
    for line in PATCH:
        engine.send(line)
    engine.wait_played(0.1)
    (chronus_home / "sessions").mkdir(parents=True, exist_ok=True)
    (chronus_home / "sessions" / f"{name}.json").write_text(text, encoding="utf-8")
    before_state, sent = engine.supervisor.patch_state(), len(engine.stamps)
    outcome = engine.send(Message("/session/load", (name,)))
    assert not outcome.ok and "\n" not in outcome.text
    assert outcome.text.startswith(str(chronus_home / "sessions" / f"{name}.json")) and where in outcome.text
    assert len(engine.stamps) == sent                                   # nothing reached the slots
    assert engine.supervisor.patch_state() == before_state
    assert engine.loudest(0.6) > 0.05                                     # still playing


def test_autosave_every_15_s_while_the_patch_changes(engine, chronus_home):
    assert AUTOSAVE_INTERVAL_S == 15.0
    autosave = Autosave()                                                # as the shell runs it
    path = autosave.path
    engine.send(PATCH[0])
    assert not autosave.tick(engine.supervisor.patch_state(), now=1000.0)    # the clock starts
    engine.send("/mod/saw1/freq 330")
    assert not autosave.tick(engine.supervisor.patch_state(), now=1014.9) and not path.exists()
    assert autosave.tick(engine.supervisor.patch_state(), now=1015.0)
    assert json.loads(path.read_text())["modules"]["saw1"]["params"]["freq"] == 330
    assert not autosave.tick(engine.supervisor.patch_state(), now=1100.0)    # unchanged: no write
    engine.send("/mod/saw1/freq 440")
    assert autosave.tick(engine.supervisor.patch_state(), now=1100.5)
    engine.send("/mod/saw1/freq 550")
    assert not autosave.tick(engine.supervisor.patch_state(), now=1110.0)    # changed, but too soon
    assert json.loads(path.read_text())["modules"]["saw1"]["params"]["freq"] == 440
    assert autosave.tick(engine.supervisor.patch_state(), now=1115.5)
    autosave.close()                                                     # a clean exit
    assert pending_recovery() is None


SHELL = """
import json, os, signal, sys, time
from chronus_shell.protocol.message import Message
from chronus_shell.session.autosave import Autosave
from chronus_shell.supervisor import Config, Supervisor

def main():
    supervisor = Supervisor(Config.from_env(backend="null")).start()
    for line in sys.argv[1:]:
        supervisor.send(Message.parse(line))
    autosave = Autosave()
    for now in (0.0, 15.0):
        autosave.tick(supervisor.patch_state(), now)
    pids = [c.pid for c in [supervisor.output, *supervisor.slots, *supervisor.spares]]
    print(json.dumps({"state": supervisor.patch_state(), "pids": pids}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    main()
"""


def _child_script(tmp_path: Path, name: str, text: str) -> Path:
    script = tmp_path / name
    script.write_text(textwrap.dedent(text))
    return script


def _gone(pids: list[int], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists()
                 and Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def test_a_killed_shell_is_offered_back_at_the_next_start(tmp_path):
    script = _child_script(tmp_path, "shell.py", SHELL)
    child = subprocess.run([sys.executable, str(script), *PATCH], capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr
    report = json.loads(child.stdout)
    assert _gone(report["pids"])                                         # its engine went with it
    assert pending_recovery() is not None                                # the next start sees the crash
    state = recover()
    assert _without_focus(state) == report["state"]
    restored = Engine()                                                  # "restore its patch? [Y/n]" → y
    try:
        for message in state_to_messages(state):
            restored.send(message)
        assert _without_focus(restored.supervisor.patch_state()) == report["state"]
    finally:
        restored.stop()


def test_an_unwritable_path_is_one_line_and_the_music_goes_on(engine, tmp_path):
    for line in PATCH:
        engine.send(line)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    for path, reason in (("/proc/take1.wav", "/proc does not accept new files"),
                         (str(blocker / "take1.wav"), f"{blocker} is a file, not a folder")):
        outcome = engine.send(Message("/record/start", (path,)))
        assert not outcome.ok and outcome.text == f"cannot record to {path}: {reason}"
    assert engine.supervisor.status()["recording"] is None
    assert engine.loudest(0.6) > 0.05
    take = tmp_path / "take1.wav"                                        # and a good path still works
    assert engine.send(Message("/record/start", (str(take),))).ok
    engine.wait_played(0.3)
    assert engine.send("/record/stop").ok and sf.info(take).frames > 0


FULL_DISK = """
import json, resource, signal, sys, time
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.rings import LEVEL_MILLI, LOST_BLOCKS, READ_BLOCK

def main():
    take, limit = sys.argv[1], int(sys.argv[2])
    supervisor = Supervisor(Config.from_env(backend="null")).start()
    for line in sys.argv[3:]:
        supervisor.send(Message.parse(line))
    # A full disk, for this process only: writes past `limit` bytes fail with EFBIG (not SIGXFSZ).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    started = supervisor.send(Message("/record/start", (take,)))
    deadline = time.monotonic() + 20
    while supervisor.status()["recording"] is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    words = supervisor.control.words
    failed_at, peak, until = int(words[READ_BLOCK]), 0, time.monotonic() + 0.5
    while time.monotonic() < until:                 # the loudest block played after the failure
        peak = max(peak, int(words[LEVEL_MILLI]))
        time.sleep(0.002)
    status = supervisor.status()
    stopped = supervisor.send(Message("/record/stop"))
    print(json.dumps({
        "started": started.text, "stopped": stopped.text, "stopped_ok": stopped.ok,
        "problems": supervisor.session.problems, "recording_after": status["recording"],
        "blocks_after_failure": int(supervisor.control.words[READ_BLOCK]) - failed_at,
        "level": peak / 1000, "lost": int(supervisor.control.words[LOST_BLOCKS]),
    }), flush=True)
    supervisor.stop()

if __name__ == "__main__":
    main()
"""


def test_a_full_disk_stops_the_recording_with_one_line_not_the_music(tmp_path):
    script = _child_script(tmp_path, "full_disk.py", FULL_DISK)
    take, limit = tmp_path / "take1.wav", 100_000                      # ~0.26 s of 48 kHz stereo float32
    child = subprocess.run([sys.executable, str(script), str(take), str(limit), *PATCH],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout)
    assert report["started"] == f"recording to {take}"
    line = report["stopped"]
    assert not report["stopped_ok"] and "\n" not in line
    assert line.startswith(f"recording to {take} stopped after 0.") and line.endswith(
        ": file too large (the file system's or the process's size limit) (the file so far is kept)")
    assert report["problems"] == [line]                                  # said once, when it happened
    assert report["recording_after"] is None                             # the REC light went out
    assert report["blocks_after_failure"] >= 0.4 * RATE / BLOCK and report["level"] > 0   # music went on
    info = sf.info(take)                                                 # valid up to where it stopped
    assert info.subtype == "FLOAT" and info.channels == 2 and 0.2 * RATE < info.frames and take.stat().st_size <= limit
    audio, _ = sf.read(take, dtype="float32")
    assert len(audio) == info.frames and np.all(np.isfinite(audio))


KILLED_WHILE_RECORDING = """
import os, signal, sys, time
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor

def main():
    supervisor = Supervisor(Config.from_env(backend="null")).start()
    for line in sys.argv[2:]:
        supervisor.send(Message.parse(line))
    print(supervisor.send(Message("/record/start", (sys.argv[1],))).text, flush=True)
    time.sleep(1.3)
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    main()
"""


def test_a_take_is_a_valid_wav_after_the_shell_is_killed(tmp_path):
    script = _child_script(tmp_path, "killed.py", KILLED_WHILE_RECORDING)
    take = tmp_path / "take1.wav"
    child = subprocess.run([sys.executable, str(script), str(take), *PATCH],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL and child.stdout.startswith("recording to"), child.stderr
    info = sf.info(take)                                                 # as the killed shell left it
    assert info.samplerate == RATE and info.subtype == "FLOAT" and info.frames >= 0.5 * RATE
    reports = repair_interrupted_recordings()                            # the next start
    assert reports == [] or reports == [f"repaired {take} from an interrupted recording "
                                        f"({sf.info(take).frames} frames)"]
    audio, _ = sf.read(take, dtype="float32")
    assert len(audio) >= info.frames and np.all(np.isfinite(audio))
    assert np.sqrt(np.mean(audio ** 2)) > 0.01 and np.abs(audio).max() <= 1.0
    assert repair_interrupted_recordings() == []
