"""The /session/* and /record/* messages as the supervisor will hand them over, on real files."""
import numpy as np
import soundfile as sf

from chronus_shell.protocol.addresses import ADDRESSES
from chronus_shell.protocol.message import Message
from chronus_shell.session.commands import ANSWERED, SessionCommands


def test_every_session_and_record_address_has_its_answer():
    """Adding a /session or /record address: its shape in the protocol table, its answer here."""
    assert set(ANSWERED) == {a.path for a in ADDRESSES if a.path.startswith(("/session/", "/record/"))}


def test_save_load_list_delete(acid_state):
    commands = SessionCommands(48000)
    assert commands.handle(Message("/session/save", ("night-drive",)), acid_state).ok
    refused = commands.handle(Message("/session/save", ("night-drive",)), acid_state)
    assert not refused.ok and "use 'save session as night-drive overwrite'" in refused.text
    assert commands.handle(Message("/session/save", ("night-drive", "overwrite")), acid_state).ok
    assert commands.handle(Message("/session/list"), {}).data == ["night-drive"]

    empty = {"modules": {"master": {"type": "master", "params": {}}}}
    load = commands.handle(Message("/session/load", ("night-drive", "now")), empty)
    assert load.ok and load.now and load.focus == "acid_filter1"
    assert Message("/patch/create", ("saw1", "saw")) in load.messages
    assert not commands.handle(Message("/session/load", ("night-driv",)), empty).ok

    assert commands.handle(Message("/session/delete", ("night-drive",)), {}).ok
    assert commands.handle(Message("/session/list"), {}).text == "no sessions saved yet"


def test_record_start_stop(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "take1.wav").write_bytes(b"an older take")
    commands = SessionCommands(48000)
    started = commands.handle(Message("/record/start"), {})
    assert started.ok and started.text == f"recording to {tmp_path / 'take1-2.wav'} (take1.wav exists)"
    assert not commands.handle(Message("/record/start", ("other.wav",)), {}).ok
    commands.recorder.write(np.full((4800, 2), 0.1, np.float32))
    stopped = commands.handle(Message("/record/stop"), {})
    assert stopped.text == f"recorded 0.1 s to {tmp_path / 'take1-2.wav'}"
    assert sf.info(tmp_path / "take1-2.wav").frames == 4800
    assert (tmp_path / "take1.wav").read_bytes() == b"an older take"
    assert commands.handle(Message("/record/stop"), {}).text == "not recording"


def test_a_recording_that_fails_while_running_says_so_once(tmp_path):
    commands = SessionCommands(48000)
    assert commands.handle(Message("/record/start", (str(tmp_path / "take1.wav"),)), {}).ok
    recorder = commands.recorder
    recorder.write(np.full(4800, 0.1, np.float32))
    line = f"recording to {recorder.path} stopped after 0.1 s: disk full (the file so far is kept)"
    recorder.error = line                            # as the writer thread sets it when the disk fills up
    assert commands.recorder is None                 # nothing shows it as recording any more
    assert commands.problems == [line]
    stopped = commands.handle(Message("/record/stop"), {})
    assert not stopped.ok and stopped.text == line
    assert commands.handle(Message("/record/stop"), {}).text == "not recording"
    assert commands.problems == [line]
    assert commands.handle(Message("/record/start", (str(tmp_path / "take2.wav"),)), {}).ok
