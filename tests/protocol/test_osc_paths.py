"""Over OSC, files stay in the shell's sessions and recordings folders unless --osc-allow-any-path.

Real UDP packets to a real OscServer; behind it the real session commands (saving and recording
write real files), so what a sender can reach on disk is what is checked."""
import numpy as np
import pytest

from chronus_shell.protocol.osc import OscServer, supervisor_handlers
from chronus_shell.session.commands import SessionCommands
from chronus_shell.session.osc_paths import ALLOW_OPTION, confine_osc_paths, recordings_dir
from chronus_shell.session.paths import sessions_dir
from tests.protocol.conftest import Client

STATE = {"schema_version": 1, "modules": {"saw1": {"type": "saw", "params": {"freq": 110.0}}},
         "edges": [["saw1", "master"]]}


class FilesOnly:
    """The supervisor's file side: session and record messages go to the real SessionCommands."""

    def __init__(self):
        self.session = SessionCommands(48000)

    def send(self, msg, at=None):
        outcome = self.session.handle(msg, STATE)
        if msg.address == "/record/start" and outcome.ok:
            self.session.recorder.write(np.zeros((256, 2), dtype=np.float32))   # a stereo block
            self.session.close()
        return outcome


@pytest.fixture(params=[True, False], ids=["confined", "allowed"])
def osc(request, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                 # unconfined, a bare name lands in the current folder
    files = FilesOnly()
    submit, query = supervisor_handlers(files, vet=confine_osc_paths if request.param else None)
    with OscServer(submit, port=0, query=query) as server:
        client = Client(server.port)
        try:
            yield client, request.param
        finally:
            client.close()


def test_paths_outside_the_folders(osc, tmp_path):
    client, confined = osc
    for address, target in (("/session/save", tmp_path / "evil" / "x.json"),
                            ("/record/start", tmp_path / "evil" / "x.wav"),
                            ("/session/save", sessions_dir() / ".." / ".." / "y.json")):
        client.send(address, str(target))
        if confined:
            reply = client.reply()
            assert reply.address == "/error"
            assert reply.params[0].startswith("over OSC you can only") and ALLOW_OPTION in reply.params[0]
            assert not target.exists() and not (tmp_path / "evil").exists()
        else:
            assert client.no_reply() and target.resolve().exists()


def test_names_land_in_the_folders(osc, tmp_path):
    client, _ = osc
    client.send("/session/save", "night-drive")
    client.send("/record/start", "take7.wav")
    assert client.no_reply()
    assert (sessions_dir() / "night-drive.json").is_file()
    assert (recordings_dir() / "take7.wav").is_file() == osc[1]     # confined: a bare name goes there
    assert (tmp_path / "take7.wav").is_file() != osc[1]


def test_a_path_inside_the_folders_is_fine(osc):
    client, _ = osc
    inside = sessions_dir() / "live.json"
    client.send("/session/save", str(inside))
    client.send("/record/start", str(recordings_dir() / "sub" / "a.wav"))
    assert client.no_reply() and inside.is_file() and (recordings_dir() / "sub" / "a.wav").is_file()
