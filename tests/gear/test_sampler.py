"""The sampler module offline: files decoded and resampled band-limited, pitch measured to ±1 cent,
slices measured to the sample, onsets found, bad files refused in one line, renders bit-identical."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from chronus_shell.engine.timeline import render_script
from chronus_shell.engine.samples import (SampleError, load_sample, resample, resolve_messages,
                                          sample_names, split_ref)
from chronus_shell.language.script import load_script
from chronus_shell.protocol.message import Message

from .conftest import RATE, peak_frequency, sine, sparse_huge_wav

CENT = 2 ** (1 / 1200)


def render(lines: list[str], seconds: float) -> np.ndarray:
    events = load_script("\n".join(lines), RATE)
    ready = resolve_messages([m for _, m in events], RATE)
    stereo = render_script(list(zip([at for at, _ in events], ready)), seconds, RATE, 256)
    assert np.array_equal(stereo[:, 0], stereo[:, 1]), "nothing is panned: L = R"
    return stereo[:, 0]


@pytest.mark.parametrize("file_rate", [44100, 48000, 96000])
@pytest.mark.parametrize("semitones", [0, 7, -12])
def test_pitch_within_a_cent_at_any_file_rate(samples, file_rate, semitones):
    samples("tone.wav", sine(440.0, 1.0, file_rate, channels=2), file_rate)
    audio = render(["add a sample tone.wav", f"sampler pitch {semitones}", "trigger the sampler"], 0.6)
    measured = peak_frequency(audio[2400:26400].astype(np.float64), RATE)
    wanted = 440.0 * 2 ** (semitones / 12)
    assert wanted / CENT < measured < wanted * CENT, (measured, wanted)
    assert np.isfinite(audio).all()


def test_resampling_is_band_limited():
    """A 20 kHz tone at 96 kHz has no place at 48 kHz: it is removed, not folded to 28 kHz → 20 kHz."""
    tone = sine(30000.0, 0.5, 96000)
    down = resample(tone.astype(np.float32), 96000, 48000)
    assert np.sqrt(np.mean(down[2000:-2000] ** 2)) < 1e-3
    keep = resample(sine(1000.0, 0.5, 96000).astype(np.float32), 96000, 48000)
    assert abs(np.sqrt(np.mean(keep[2000:-2000] ** 2)) - 0.5 / np.sqrt(2)) < 1e-3


def test_slices_start_at_their_sample(samples):
    """A ramp file chopped into 8: each step plays exactly its slice's frames (gain 0.8)."""
    frames = (np.arange(RATE, dtype=np.float64) / RATE * 0.9 + 0.05)[:, None]
    samples("ramp.wav", frames, RATE, subtype="FLOAT")
    lines = ["tempo 120", "add a sample ramp.wav called brk", "chop the brk into 8", "play slices 1 3 2 8 on the brk"]
    audio = render(lines, 0.6).astype(np.float64)
    step = RATE * 60 // (120 * 4)                    # a sixteenth at 120 bpm
    events = load_script("\n".join(lines), RATE)
    start = max(at for at, _ in events)
    for k, slice_number in enumerate((1, 3, 2, 8)):
        onset = start + k * step
        first = (slice_number - 1) * RATE // 8
        got = audio[onset:onset + 100]
        assert np.allclose(got, 0.8 * frames[first:first + 100, 0], atol=1e-6), (k, got[:3])


def test_onsets_are_found_to_the_hop(samples):
    clicks = np.zeros(RATE)
    where = [0, 9000, 21000, 30500, 41000]
    for at in where:
        clicks[at:at + 2000] = np.exp(-np.arange(2000) / 300) * np.sin(np.arange(2000) * 0.3)
    path = samples("hits.wav", clicks, RATE)
    data = load_sample(path, RATE)
    assert len(data.onsets) == len(where)
    assert np.all(np.abs(data.onsets - np.array(where)) <= 16)


def test_the_reference_saves_path_and_content_hash(samples):
    path = samples("a.wav", sine(220, 0.2, RATE), RATE)
    (ref,) = [m.args[0] for m in resolve_messages([Message("/mod/s/sample", ("a.wav",))], RATE)]
    saved_path, digest = split_ref(ref)
    assert saved_path == str(path.resolve()) and len(digest) == 16
    sf.write(path, sine(330, 0.2, RATE), RATE)             # the file changes after the save
    said = []
    (again,) = resolve_messages([Message("/mod/s/sample", (f"{saved_path}#{digest}",))], RATE, said.append)
    assert split_ref(again.args[0])[1] != digest
    assert len(said) == 1 and "changed since it was saved" in said[0]


def test_bad_files_are_one_line(samples, tmp_path):
    (samples.folder / "broken.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunkjunk")
    for name, words in [("missing.wav", "no sample file missing.wav"), ("broken.wav", "broken.wav is not a sound file")]:
        with pytest.raises(SampleError) as err:
            resolve_messages([Message("/mod/s/sample", (name,))], RATE)
        assert words in str(err.value) and "\n" not in str(err.value)


def test_a_500_mb_file_is_refused_from_its_header_at_once(samples):
    """Stated behaviour: samples are held in memory up to 512 MB decoded; a larger file is refused
    from its header (no decoding, no hashing, no stall), in one line, by the path the shell's loader
    takes. The file is sparse: 500 MB, no disk used."""
    import time

    sparse_huge_wav(samples.folder / "huge.wav")
    started = time.perf_counter()
    with pytest.raises(SampleError) as err:
        resolve_messages([Message("/mod/smp/sample", ("huge.wav",))], RATE)
    assert time.perf_counter() - started < 0.5
    assert "held in memory up to 512 MB" in str(err.value) and "not loaded" in str(err.value)


def test_renders_are_bit_identical_and_a_snapshot_keeps_playing(samples):
    import pickle

    from chronus_shell.engine.timeline import Timeline

    samples("loop.wav", sine(110, 0.3, 44100, channels=2), 44100)
    lines = ["add a sample loop.wav", "sampler mode loop", "trigger the sampler"]
    first, second = render(lines, 1.0), render(lines, 1.0)
    assert first.tobytes() == second.tobytes() and np.abs(first[RATE // 2:]).max() > 0.3   # still looping
    events = load_script("\n".join(lines), RATE)
    ready = resolve_messages([m for _, m in events], RATE)
    timeline = Timeline(RATE, 256)
    for (at, _), msg in zip(events, ready):
        timeline.schedule(msg, at)
    for _ in range(40):
        timeline.render_block()
    clone = pickle.loads(pickle.dumps(timeline))     # a new standby: the sample travels by name
    assert [timeline.render_block().tobytes() for _ in range(10)] == [clone.render_block().tobytes() for _ in range(10)]


def test_gate_mode_stops_without_a_click_and_names_complete(samples):
    samples("pad.wav", sine(200, 1.0, RATE), RATE)
    (samples.folder / "drums").mkdir()
    samples("drums/snare.flac", sine(200, 0.1, RATE), RATE)
    audio = render(["add a sample pad.wav", "sampler mode gate", "trigger the sampler", "wait 250ms",
                    "release the sampler"], 0.5).astype(np.float64)
    tail = audio[int(0.25 * RATE):int(0.25 * RATE) + 2000]
    assert np.abs(np.diff(audio)).max() < 0.05                    # no step anywhere (200 Hz sine: < 0.01)
    assert np.abs(tail[-1000:]).max() < 1e-6                        # faded out within 5 ms
    assert sample_names(samples.folder) == ["drums/snare.flac", "pad.wav"]


def test_tab_completes_sample_names(samples):
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document

    from chronus_shell.language import Translator
    from chronus_shell.repl.completer import ChronusCompleter

    samples("amen.wav", sine(100, 0.1, RATE), RATE)
    samples("909kick.wav", sine(60, 0.1, RATE), RATE)
    completer = ChronusCompleter(Translator(), sessions=lambda: ["amen-night"])

    def complete(text):
        found = completer.get_completions(Document(text), CompleteEvent(completion_requested=True))
        return {c.text: c.display_meta_text for c in found}

    assert complete("load am") == {"amen.wav": "sample", "amen-night": "session"}
    assert complete("add a sample 9") == {"909kick.wav": "sample"}
    assert complete("use 9") == {"909kick.wav": "sample"}


def test_chronus_render_plays_samples_and_refuses_a_missing_one(samples, tmp_path):
    import os
    import subprocess
    import sys

    samples("tone.wav", sine(440, 0.5, 44100), 44100)
    script = tmp_path / "s.chr"
    script.write_text("add a sample tone.wav\ntrigger the tone\n")
    out = tmp_path / "out.wav"
    run = [sys.executable, "-m", "chronus_shell.cli", "--samples", str(samples.folder), "render", str(script),
           "-o", str(out)]
    done = subprocess.run(run, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    audio, rate = sf.read(out)
    assert rate == RATE and np.abs(audio).max() > 0.3
    script.write_text("add a sample gone.wav\n")
    done = subprocess.run(run, capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"chronus render: {script}: no sample file gone.wav "
                                                f"(nor in the samples folder {samples.folder.resolve()})"]
