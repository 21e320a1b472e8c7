"""Samples through the real Supervisor (null backend, real slot processes, shared memory): the file
is decoded in the shell's loader thread and handed to both slots, which play it at the same sample;
a failover's new standby gets it by name; a bad or huge file is one line while the music goes on;
sessions save path + content hash and load them back."""
from __future__ import annotations

from pathlib import Path

import pytest

from chronus_shell.engine.samples import SampleError, split_ref
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.rings import LOST_BLOCKS, READ_BLOCK, SLOT_PID, WRITTEN

from .conftest import RATE, sine, sparse_huge_wav, wait_for


@pytest.fixture
def supervisor(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONUS_HOME", str(tmp_path / "home"))
    sup = Supervisor(Config.from_env(backend="null")).start()
    yield sup
    sup.stop()
    assert not list(Path("/dev/shm").glob(f"chronus_{__import__('os').getpid()}_*"))


def send_all(sup, lines):
    return [sup.send(Message.parse(line)) for line in lines]


def renders(sup, index: int) -> bool:
    """Slot `index` is the process now writing its ring, and ahead of the output."""
    slot, ring = sup.slots[index], sup.rings[index]
    return (slot is not None and slot.alive() and int(ring.header[SLOT_PID]) == slot.pid
            and int(ring.header[WRITTEN]) > int(sup.control.words[READ_BLOCK]))


def test_a_sample_loads_in_the_background_and_plays_in_both_slots(samples, supervisor):
    samples("tone.wav", sine(440, 2.0, 44100, channels=2), 44100)
    send_all(supervisor, ["/patch/create smp sampler", "/patch/connect smp master"])
    reply = supervisor.send(Message("/mod/smp/sample", ("tone.wav",)))
    assert "loading tone.wav" in str(reply)
    # resampling 2 s of 44.1 kHz stereo takes ~0.5 s of CPU: many seconds on a machine loaded 5× over
    assert wait_for(lambda: any("smp plays" in p for p in supervisor.news), timeout=60)
    assert "stereo, 44100 Hz file" in next(p for p in supervisor.news if "smp plays" in p)
    state = supervisor.patch_state()
    path, digest = split_ref(state["modules"]["smp"]["params"]["sample"])
    assert Path(path) == (samples.folder / "tone.wav").resolve() and len(digest) == 16
    supervisor.send(Message("/gate/smp", (1,)))
    assert wait_for(lambda: supervisor.status()["level"] > 0.3)
    statuses = [slot.request(("status",)) for slot in supervisor.slots]
    assert statuses[0]["faults"] == statuses[1]["faults"] == []


def test_bad_and_huge_files_are_one_line_and_the_music_goes_on(samples, supervisor):
    send_all(supervisor, ["/patch/create saw1 saw", "/patch/connect saw1 master", "/patch/create smp sampler",
                          "/patch/connect smp master"])
    sparse_huge_wav(samples.folder / "huge.wav")
    lost = int(supervisor.control.words[LOST_BLOCKS])
    refusals = {"nothere.wav": "no sample file nothere.wav", "huge.wav": "huge.wav is 1000 MB decoded"}
    for name, words in refusals.items():       # refused at once, from the file system and the header
        with pytest.raises(SampleError) as refused:
            supervisor.send(Message("/mod/smp/sample", (name,)))
        assert words in str(refused.value) and "\n" not in str(refused.value)
    assert "not loaded" in str(refused.value)
    played = int(supervisor.control.words[READ_BLOCK])
    assert wait_for(lambda: int(supervisor.control.words[READ_BLOCK]) > played + 20)
    assert int(supervisor.control.words[LOST_BLOCKS]) == lost
    assert supervisor.patch_state()["modules"]["smp"]["params"]["sample"] == ""


def test_sessions_keep_the_sample_and_a_failover_keeps_playing_it(samples, supervisor):
    samples("loop.wav", sine(220, 0.5, RATE), RATE)
    send_all(supervisor, ["/patch/create smp sampler", "/patch/connect smp master", "/mod/smp/mode loop"])
    supervisor.send(Message("/mod/smp/sample", ("loop.wav",)))
    assert wait_for(lambda: supervisor.patch_state()["modules"]["smp"]["params"]["sample"] != "")
    saved = supervisor.send(Message("/session/save", ("withsample",)))
    assert saved.ok, saved.text
    supervisor.send(Message("/gate/smp", (1,)))
    assert wait_for(lambda: supervisor.status()["level"] > 0.3)
    supervisor.crash("active")
    assert wait_for(lambda: supervisor.status()["failovers"] >= 1)
    index = "AB".index(supervisor.failovers[0]["slot"])          # the spare that took the dead slot's ring
    assert wait_for(lambda: renders(supervisor, index))           # ... unpickled the snapshot naming the sample
    assert supervisor.slots[index].request(("status",))["faults"] == []
    assert supervisor.status()["level"] > 0.3
    loaded = supervisor.send(Message("/session/load", ("withsample", "now")))
    assert loaded.ok, loaded.text
    sample = next(m for m in loaded.messages if m.address == "/mod/smp/sample")
    assert split_ref(str(sample.args[0]))[0] == str((samples.folder / "loop.wav").resolve())


def test_a_spare_started_after_the_sample_loaded_plays_it_too(samples, supervisor):
    """The spares there at the load get the sample as an offer; once the active slot has crashed
    more often than there were spares, the new slot is one started after the load, which must get
    the sample when it is made."""
    samples("loop.wav", sine(220, 0.5, RATE), RATE)
    send_all(supervisor, ["/patch/create smp sampler", "/patch/connect smp master", "/mod/smp/mode loop"])
    supervisor.send(Message("/mod/smp/sample", ("loop.wav",)))
    assert wait_for(lambda: supervisor.patch_state()["modules"]["smp"]["params"]["sample"] != "")
    started_before = {spare.pid for spare in supervisor.spares}
    supervisor.send(Message("/gate/smp", (1,)))
    assert wait_for(lambda: supervisor.status()["level"] > 0.3)
    for crashes in range(1, len(started_before) + 2):
        assert wait_for(lambda: supervisor.status()["spares"] >= 1, timeout=60)
        supervisor.crash("active")
        assert wait_for(lambda: supervisor.status()["failovers"] >= crashes)
    index = "AB".index(supervisor.failovers[-1]["slot"])
    assert wait_for(lambda: renders(supervisor, index))
    assert supervisor.slots[index].pid not in started_before
    assert supervisor.slots[index].request(("status",))["faults"] == []
    assert supervisor.status()["level"] > 0.3
