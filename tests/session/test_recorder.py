"""The recorder: real WAV files checked sample by sample, a real SIGKILL, a real full disk."""
import json
import signal
import struct
import subprocess
import sys
import time

import numpy as np
import pytest
import soundfile as sf

from chronus_shell.session.paths import data_dir
from chronus_shell.session.recorder import Recorder, repair_interrupted_recordings, repair_wav, write_wav

RATE = 48000


def _tone(seconds=1.0, rate=RATE):
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def _blocks(audio, size=256):
    return [audio[i:i + size] for i in range(0, len(audio), size)]


def test_records_exact_float32_samples(tmp_path):
    audio = _tone()
    recorder = Recorder(tmp_path / "take1.wav", RATE, channels=1)
    for block in _blocks(audio):
        recorder.write(block)
    recorder.close()
    assert recorder.error is None and recorder.frames_written == len(audio)
    data, rate = sf.read(tmp_path / "take1.wav", dtype="float32")
    assert rate == RATE and sf.info(tmp_path / "take1.wav").subtype == "FLOAT"
    assert np.array_equal(data, audio)
    assert repair_wav(tmp_path / "take1.wav") is None       # a clean file needs no repair
    assert repair_interrupted_recordings() == []             # and a clean close is not "in progress"


def test_stereo_and_write_never_waits(tmp_path):
    audio = np.stack([_tone(), -_tone()], axis=1)
    with Recorder(tmp_path / "stereo.wav", 44100, channels=2) as recorder:
        started = time.perf_counter()
        for block in _blocks(audio):
            recorder.write(block)
        queued_in = time.perf_counter() - started
    assert queued_in < 0.5                      # 188 blocks: copies into a queue, no disk I/O
    data, rate = sf.read(tmp_path / "stereo.wav", dtype="float32")
    assert rate == 44100 and np.array_equal(data, audio)


def test_existing_file_is_never_overwritten(tmp_path):
    first = tmp_path / "take1.wav"
    first.write_bytes(b"precious")
    with Recorder(first, RATE, channels=1) as recorder:
        recorder.write(_tone(0.1))
    assert recorder.path == tmp_path / "take1-2.wav"
    assert first.read_bytes() == b"precious"
    assert Recorder(first, RATE, channels=1).path == tmp_path / "take1-3.wav"
    with Recorder(first, RATE, channels=1, overwrite=True) as recorder:
        recorder.write(_tone(0.1))
    assert recorder.path == first and sf.info(first).frames == 4800


def test_unwritable_path_is_one_line_and_harmless(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    recorder = Recorder(blocker / "take.wav", RATE, channels=1)
    assert recorder.error.startswith(f"cannot record to {blocker / 'take.wav'}: ")
    assert "\n" not in recorder.error
    recorder.write(_tone(0.1))                  # ignored, no exception
    recorder.close()


CHILD = """
import sys, time, numpy as np
from chronus_shell.session.recorder import Recorder
recorder = Recorder(sys.argv[1], 48000, channels=1)
block = np.full(480, 0.25, np.float32)
while True:                                   # 100 blocks of 10 ms a second, like an audio callback
    recorder.write(block)
    print(recorder.frames_written, flush=True)
    time.sleep(0.01)
"""


def test_file_is_valid_after_sigkill(tmp_path):
    path = tmp_path / "killed.wav"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        for line in child.stdout:               # wait until more than a second is written
            if int(line) > RATE:
                break
        deadline = time.monotonic() + 30        # … and its header says so (a busy machine updates it late)
        while sf.info(path).frames < RATE and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    info = sf.info(path)                        # the header written by the running recorder
    assert info.samplerate == RATE and info.frames >= RATE
    reports = repair_interrupted_recordings()   # the next start: the tail after the last header update
    assert reports == [] or (len(reports) == 1 and reports[0].startswith(f"repaired {path} from an interrupted"))
    data, _ = sf.read(path, dtype="float32")
    assert len(data) >= info.frames and np.all(data == np.float32(0.25))
    assert repair_interrupted_recordings() == []


def test_repair_truncated_header(tmp_path):
    path = tmp_path / "cut.wav"
    sf.write(path, _tone(0.5), RATE, subtype="FLOAT")
    raw = bytearray(path.read_bytes())
    data_at = raw.index(b"data")
    raw[4:8] = struct.pack("<I", 36)            # as if the process died before any header update
    raw[data_at + 4:data_at + 8] = struct.pack("<I", 0)
    raw += b"\x01\x02"                          # and half a frame at the end
    path.write_bytes(bytes(raw))
    assert repair_wav(path) == 24000
    data, _ = sf.read(path, dtype="float32")
    assert np.array_equal(data, _tone(0.5))
    with pytest.raises(ValueError, match="not a WAV"):
        (tmp_path / "junk.wav").write_bytes(b"hello world, not audio")
        repair_wav(tmp_path / "junk.wav")


@pytest.fixture
def tiny_disk(tmp_path):
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill up: {result.stderr.strip() or 'mount refused'}")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_disk_full_stops_recording_not_the_music(tiny_disk):
    recorder = Recorder(tiny_disk / "big.wav", RATE, channels=1)
    for block in _blocks(_tone(2.0)):           # 384 kB into 64 kB
        recorder.write(block)
    recorder.close()
    assert "disk full" in recorder.error and "the file so far is kept" in recorder.error
    assert recorder.error.startswith(f"recording to {tiny_disk / 'big.wav'} stopped after ")
    repair_wav(tiny_disk / "big.wav")
    data, _ = sf.read(tiny_disk / "big.wav", dtype="float32")
    assert 0 < len(data) < 2 * RATE and np.array_equal(data, _tone(2.0)[:len(data)])


def test_header_is_libsndfiles_own_so_it_can_rewrite_it(tmp_path):
    """`chronus run --record` trims the take with libsndfile in read-write mode: that rewrites the
    header in place. libsndfile writes the takes itself, without the PEAK chunk (it holds the clock)."""
    audio = np.stack([_tone(0.2), -0.5 * _tone(0.2)], axis=1)
    with Recorder(tmp_path / "ours.wav", RATE, channels=2) as recorder:
        for block in _blocks(audio):
            recorder.write(block)
    ours = (tmp_path / "ours.wav").read_bytes()
    assert b"PEAK" not in ours and sf.info(tmp_path / "ours.wav").channels == 2
    with sf.SoundFile(tmp_path / "ours.wav", "r+") as wav:
        wav.truncate(5000)
    data, _ = sf.read(tmp_path / "ours.wav", dtype="float32")
    assert np.array_equal(data, audio[:5000])


def test_a_rendered_wav_depends_on_its_samples_alone(tmp_path):
    """`chronus render` writes through write_wav: libsndfile's PEAK chunk (stamped with the clock) is
    left out, so two renders of one script a second apart are the same bytes."""
    audio = np.stack([-0.75 * _tone(0.1), 0.5 * _tone(0.1)], axis=1).astype(np.float32)
    write_wav(tmp_path / "a.wav", audio, RATE)
    time.sleep(1.1)
    write_wav(tmp_path / "b.wav", audio.copy(), RATE)
    first = (tmp_path / "a.wav").read_bytes()
    assert first == (tmp_path / "b.wav").read_bytes() and b"PEAK" not in first
    data, rate = sf.read(tmp_path / "a.wav", dtype="float32")
    assert rate == RATE and np.array_equal(data, audio)


def _record_in_another_process(path):
    """Another shell recording `path`; returns once more than a second is on disk."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if int(line) > RATE:
            break
    return child


def test_a_second_shell_leaves_a_live_recording_alone(tmp_path):
    """Shell A records; shell B starting meanwhile neither repairs A's file nor unlists it; once A
    is killed, the next start repairs it."""
    path = tmp_path / "racetest.wav"
    child = _record_in_another_process(path)
    try:
        assert repair_interrupted_recordings() == []
        assert str(path.resolve()) in json.loads((data_dir() / "recordings-in-progress.json").read_text())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    reports = repair_interrupted_recordings()
    assert reports in ([], [f"repaired {path} from an interrupted recording ({sf.info(path).frames} frames)"])
    assert json.loads((data_dir() / "recordings-in-progress.json").read_text()) == []


MARKER = """
import sys
from pathlib import Path
from chronus_shell.session.recorder import _mark_in_progress
for n in range(40):
    _mark_in_progress(Path(sys.argv[1]) / f"take{n}.wav", True)
"""


def test_two_shells_starting_recordings_at_once_keep_both_lists(tmp_path):
    """The in-progress list is read, changed and written by each shell: two at once must not drop
    each other's entries (else a crash of one leaves a file nobody repairs)."""
    folders = [tmp_path / "one", tmp_path / "two"]
    children = [subprocess.Popen([sys.executable, "-c", MARKER, str(folder)]) for folder in folders]
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    listed = set(json.loads((data_dir() / "recordings-in-progress.json").read_text()))
    assert listed == {str((folder / f"take{n}.wav").resolve()) for folder in folders for n in range(40)}
