"""A stop (or clear) ends every note its tracks' voices still sound: a held chord releases through
its envelope, a chord on a voice with no envelope fades out (a note-off alone leaves such a row
sounding until the next chord steals it), and nothing else changes — measured sample by sample."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine.timeline import Timeline
from chronus_shell.protocol.message import Message

SR = 48000
BAR = 2 * SR                       # 120 bpm
BLOCK = 256


def _render(lines: list[str], stop: str | None, at: int, seconds: float) -> np.ndarray:
    timeline = Timeline(SR, BLOCK)
    for line in lines + ["/seq/start"]:
        timeline.schedule(Message.parse(line), 0)
    if stop:
        timeline.schedule(Message.parse(stop), at)
    blocks = int(seconds * SR) // BLOCK
    return np.concatenate([timeline.render_block() for _ in range(blocks)])[:, 0].astype(float)


CHORDS = ["/seq/add chords pad x---------------", "/seq/notes chords a3+c4+e4 - - - - - - - - - - - - - - -"]
TRIANGLE = ["/patch/create pad triangle", "/patch/connect pad master"]
WITH_ENVELOPE = ["/patch/create pad triangle", "/patch/create env adsr", "/patch/connect pad env",
                 "/patch/connect env master", "/mod/env/release 200"]


def _largest_step(audio: np.ndarray) -> float:
    return float(np.abs(np.diff(audio)).max())


def test_a_stop_after_a_chord_on_a_voice_without_envelope_fades_it_out():
    for stop in ("/seq/stop", "/seq/clear"):
        audio = _render(TRIANGLE + CHORDS, stop, 2 * BAR, 6.0)       # the chord's note-off came before
        assert np.sqrt(np.mean(audio[:2 * BAR] ** 2)) > 0.1
        assert not audio[2 * BAR + SR // 10:].any(), stop           # was −6.7 dB RMS for ever
        assert _largest_step(audio[2 * BAR - 100:]) <= 1.5 * _largest_step(audio[:2 * BAR]), stop   # no click


def test_a_stop_releases_a_chord_held_through_its_envelope():
    at = BAR + BAR // 2                                              # in the middle of the held chord
    audio = _render(WITH_ENVELOPE + CHORDS, "/seq/stop", at, 5.0)
    tail = audio[at + SR // 10:at + SR // 5]
    assert 0 < np.abs(tail).max() < np.abs(audio[at - SR // 10:at]).max()   # ringing out its release
    assert not audio[at + SR:].any()


def test_a_stop_while_a_note_rings_out_changes_nothing_until_the_next_note():
    lines = WITH_ENVELOPE + ["/mod/env/release 300", "/seq/add t pad x.......", "/seq/notes t a3"]
    at = 2 * 6000 + 100                                              # the note (one step) is releasing
    stopped = _render(lines, "/seq/stop", at, 0.5)
    playing = _render(lines, None, at, 0.5)
    assert np.array_equal(stopped[:8 * 6000], playing[:8 * 6000])
