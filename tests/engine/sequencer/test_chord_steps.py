"""Chord steps: a step's event carries every pitch of its chord; rests, holds, ties, accents, swing
and polymeter apply to chords as to notes."""
from __future__ import annotations

from fractions import Fraction

from chronus_shell.engine.notes import note_to_hz
from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.protocol.message import Message

SR = 48000
STEP = SR * 60 // (120 * 4)      # 6000 samples a sixteenth at 120 bpm


def _chord(*names: str) -> tuple[float, ...]:
    return tuple(note_to_hz(n) for n in names)


def _events(*lines: str, steps: int = 16) -> list:
    seq = Sequencer(SR)
    for line in lines:
        message = Message.parse(line)
        seq.check(message)
        seq.handle(message, 0)
    seq.handle(Message("/seq/start"), 0)
    return seq.events(0, steps * STEP)


def test_a_chord_step_is_one_event_with_every_pitch_and_its_tie_and_accent():
    events = _events("/seq/add t pad X--.x...", "/seq/notes t a3+c4+e4 - - - . - - - ")
    ons = [e for e in events if e[2]]
    assert ons[0] == (0, "pad", True, _chord("a3", "c4", "e4"), 1.0)            # accented
    assert (int(2.5 * STEP), "pad", False, None, 0.0) in events                 # tied over two steps
    assert [e[0] for e in ons] == [0, 8 * STEP]          # the x on step 4 rests ('.'), step 8 plays again


def test_a_hold_after_a_chord_holds_the_chord_and_a_rest_plays_nothing():
    events = _events("/seq/add t pad xxxx", "/seq/notes t c4+e4+g4 - . d4")
    assert [(e[0] // STEP, e[3]) for e in events if e[2]][:3] == [(0, _chord("c4", "e4", "g4")),
                                                                    (1, _chord("c4", "e4", "g4")),
                                                                    (3, note_to_hz("d4"))]


def test_swing_and_polymeter_move_chords_as_notes():
    events = _events("/seq/swing 0.2", "/seq/add a pad x.x", "/seq/notes a a3+c4 e3 g3+b3",
                     "/seq/add b bass xx", "/seq/notes b e2 g2+b2", steps=6)
    pad = [(e[0], e[3]) for e in events if e[2] and e[1] == "pad"]
    bass = [(e[0], e[3]) for e in events if e[2] and e[1] == "bass"]
    swung = int(Fraction(2, 10) * STEP + Fraction(1, 2))
    am, gb = _chord("a3", "c4"), _chord("g3", "b3")
    assert pad == [(0, am), (2 * STEP, gb), (3 * STEP + swung, am), (5 * STEP + swung, gb)]   # 3 steps against 2
    assert bass[1] == (STEP + swung, _chord("g2", "b2")) and len(bass) == 6
