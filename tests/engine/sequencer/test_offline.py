"""Offline renders: every onset, gate end, accent and pitch lands where the exact grid says, for any
block size (onsets are never quantised to blocks)."""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from chronus_shell.engine.notes import note_to_hz
from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.protocol.message import Message

from .grid import (KICK, RELEASE, SR, START, TONE, frequency, half_up, hits, messages, note_offs, note_ons,
                   onsets, render, sps, step_off, step_onset)

PATTERN = "xX.xx.x.xxx.x.xx"
VOICES = {"kick": (KICK, "k"), "tone": (TONE, "s")}


def _song(voice: str, pattern: str, bpm, *extra: str):
    patch, target = VOICES[voice]
    lines = patch + [f"/seq/bpm {bpm}", f"/seq/add t {target} {pattern}", *extra]
    return messages(lines) + messages(["/seq/start"], at=START), target


@pytest.mark.parametrize("block", [256, 100])
@pytest.mark.parametrize("voice", ["kick", "tone"])
@pytest.mark.parametrize("bpm", [120, 127, 133.7, 97])
def test_onsets_are_exact_for_every_tempo_and_block_size(bpm, voice, block):
    events, target = _song(voice, PATTERN, bpm)
    audio, notes = render(events, step_onset(32, bpm), block)
    expected = [step_onset(n, bpm) for n in hits(PATTERN, 2)]
    assert len(expected) == 22
    assert note_ons(notes, target) == expected
    assert onsets(audio) == expected
    if bpm == 127:
        assert sps(bpm).denominator == 127  # 5669.29… samples: no whole number
        assert len({(o - START) % block for o in expected}) > 10  # not block-aligned either


@pytest.mark.parametrize("block", [256, 100])
@pytest.mark.parametrize("voice", ["kick", "tone"])
def test_swing_delays_every_second_step_exactly(voice, block):
    events, target = _song(voice, "x" * 16, 127, "/seq/swing 0.3")
    audio, notes = render(events, START + half_up(16 * sps(127)), block)
    expected = [step_onset(n, 127, swing=0.3) for n in range(16)]
    assert onsets(audio) == note_ons(notes, target) == expected
    late = [expected[n] - step_onset(n, 127) for n in range(1, 16, 2)]
    assert set(late) <= {1700, 1701} and all(expected[n] == step_onset(n, 127) for n in range(0, 16, 2))


@pytest.mark.parametrize("block", [256, 100])
def test_swing_of_8ths_delays_every_second_8th_and_the_16ths_between_in_proportion(block):
    """A shuffle: in each pair of 8ths the first is stretched by the swing, the second squeezed; a
    16th plays at its place in the stretched or squeezed 8th (the session keeps the note value)."""
    events, target = _song("kick", "x" * 16, 127, "/seq/swing 0.333333 8")
    audio, notes = render(events, START + half_up(16 * sps(127)), block)
    swing, step = Fraction("0.333333"), sps(127)
    late = {0: 0, 1: swing, 2: 2 * swing, 3: swing}              # steps late, by place in the pair of 8ths
    expected = [START + half_up(n * step + late[n % 4] * step) for n in range(16)]
    assert onsets(audio) == note_ons(notes, target) == expected
    seq = Sequencer(SR)
    seq.handle(Message("/seq/swing", (0.2, 8)), 0)
    seq.handle(Message("/seq/swing", (0.3,)), 0)                # the note value stays until told another
    assert seq.state()["swing_unit"] == 8 and seq.swung(2) == Fraction("0.6")
    fresh = Sequencer(SR)
    fresh.load_state(seq.state())
    assert fresh.swung(2) == seq.swung(2) and "swing_unit" not in Sequencer(SR).state()


@pytest.mark.parametrize("block", [256, 100])
def test_gate_is_half_a_step_and_ties_extend_it(block):
    pattern = "x.x-x--.x---x.xx"
    events, _ = _song("tone", pattern, 127)
    audio, notes = render(events, step_onset(16, 127), block)
    starts = hits(pattern, 1)
    ties = [1 + len(pattern[n + 1:]) - len(pattern[n + 1:].lstrip("-")) for n in starts]
    assert ties == [1, 2, 3, 4, 1, 1, 1]
    ons = note_ons(notes, "s")
    offs = note_offs(notes, "s")
    assert ons == [step_onset(n, 127) for n in starts]
    assert offs == [step_off(n, 127, length) for n, length in zip(starts, ties)]
    for on, off, length in zip(ons, offs, ties):
        assert abs((off - on) - (length - 0.5) * float(sps(127))) <= 1  # 2834.6 samples for one step
    for on, off, after in zip(ons, offs, ons[1:] + [len(audio)]):
        sounding = np.flatnonzero(audio[on:after])
        assert sounding[0] == 0 and off - 1 <= on + sounding[-1] < off + RELEASE
        assert not audio[off + RELEASE:after].any()


def test_accent_raises_the_kick_level():
    events, _ = _song("kick", "xX" * 8, 120)
    audio, notes = render(events, START + 16 * 6000, 100)
    ons = onsets(audio)
    assert ons == [step_onset(n, 120) for n in range(16)]
    assert [accent for _, _, on, _, accent in notes if on] == [0.0, 1.0] * 8
    plain, accented = audio[ons[0]:ons[0] + 1500], audio[ons[1]:ons[1] + 1500]
    np.testing.assert_allclose(accented, 1.4 * plain, rtol=1e-4, atol=1e-6)  # ACCENT_BOOST 0.4
    for index, on in enumerate(ons):
        np.testing.assert_allclose(audio[on:on + 1500], accented if index % 2 else plain, rtol=1e-4, atol=1e-6)


def _acid(accent: float):
    lines = ["/patch/create w saw", "/patch/create f acid_filter", "/patch/connect w f", "/patch/connect f master",
             "/mod/w/gain 0.2", f"/mod/f/accent {accent}", "/mod/f/decay 100", "/seq/add t w x.X.x.X.x.X.x.X."]
    audio, notes = render(messages(lines) + messages(["/seq/start"], at=START), START + 16 * 6000, 256)
    ons = note_ons(notes, "w")
    assert ons == [step_onset(n, 120) for n in range(0, 16, 2)]
    assert [accent for _, _, on, _, accent in notes if on] == [0.0, 1.0] * 4  # the voice w → f gets it
    rms = [float(np.sqrt(np.mean(audio[on:on + 2000] ** 2))) for on in ons]
    return np.mean(rms[1::2]) / np.mean(rms[0::2])


def test_accent_reaches_the_acid_filter():
    boosted, neutral = _acid(1.0), _acid(0.0)
    assert boosted > 1.3, boosted  # 1.41 measured: level ×(1 + 0.5·env) and a wider envelope on X steps
    assert 0.95 < neutral < 1.05, neutral  # accent 0: X and x steps sound alike


@pytest.mark.parametrize("block", [256, 100])
def test_per_step_notes_set_the_oscillator_pitch(block):
    names = ["a2", "c3", "e3", "g2", "a3", "d3"]
    events, _ = _song("tone", "xxxxxx..", 127, "/seq/notes t " + " ".join(names))
    audio, notes = render(events, START + half_up(16 * sps(127)), block)
    ons, offs = note_ons(notes, "s"), note_offs(notes, "s")
    assert len(ons) == 12
    for index, (on, off) in enumerate(zip(ons, offs)):
        step = hits("xxxxxx..", 1)[index % 6] + 8 * (index // 6)
        wanted = note_to_hz(names[step % 6 if step < 8 else (step - 8) % 6])
        assert abs(frequency(audio[on + 150:off - 10]) / wanted - 1) < 1e-3, (step, wanted)


@pytest.mark.parametrize("block", [256, 100])
@pytest.mark.parametrize("now", [False, True])
def test_tempo_and_pattern_changes_keep_the_grid(now, block):
    """At step 20.x: 120 → 127 bpm and a new pattern; they land on step 32 (next bar) or 21 (now)."""
    events, _ = _song("kick", "x" * 16, 120)
    when = START + 20 * 6000 + 777
    tail = " now" if now else ""
    events += messages([f"/seq/bpm 127{tail}", f"/seq/add t k x.x.x.x.x.x.x.x.{tail}"], at=when)
    change = 21 if now else 32
    audio, notes = render(events, START + change * 6000 + half_up(40 * sps(127)), block)
    before = [START + n * 6000 for n in range(change)]
    bar = START + change * 6000  # where the old grid's step ended
    after = [bar + half_up((n - change) * sps(127)) for n in range(change, change + 40) if n % 2 == 0]
    assert onsets(audio) == note_ons(notes, "k") == before + after


def test_a_muted_track_keeps_its_pattern_and_is_silent_until_unmuted():
    """/seq/mute track 1 silences a track without removing it; /seq/mute track 0 brings it back
    (at the next bar while running); a session state round-trips the flag."""
    bar = 16
    events, target = _song("kick", "x...x...x...x...", 120, "/seq/mute t 1")
    events += messages(["/seq/mute t 0"], at=step_onset(bar - 2, 120))
    audio, notes = render(events, step_onset(2 * bar, 120), 256)
    assert note_ons(notes, target) == [step_onset(n, 120) for n in (16, 20, 24, 28)]
    seq = Sequencer(SR)
    for line in ["/seq/add t k x...", "/seq/mute t 1"]:
        seq.handle(Message.parse(line), 0)
    assert seq.state()["tracks"]["t"]["muted"] is True
    restored = Sequencer(SR)
    restored.load_state(seq.state())
    assert restored.tracks["t"].muted and restored.tracks["t"].pattern == "x..."
