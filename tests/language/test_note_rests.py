"""Rests inside a list of notes, by class: '.', '~' and 'rest' are a rest step in /seq/notes (the
step does not sound); a rhythm written apart from the notes is kept; a rhythm that was only the
notes' own follows the new list, so no note of it is cut off. Wordings invented here."""
import pytest

from chronus_shell.engine.track import Track
from chronus_shell.engine.note_steps import parse_notes
from chronus_shell.engine.mini_notation import compile_pattern
from chronus_shell.language import Translator

ACID = ("add a saw at 55 hz", "add acid filter", "bass x.xX.x.xx.Xx.x.x", "bass notes a1 a1 c2 a1")
PAD = ("add a triangle at 220 hz", "add a sine at 440 hz")


def last(*lines) -> list[str]:
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    return [str(m) for m in translator.translate(lines[-1])]


@pytest.mark.parametrize("phrase", [
    "bass notes a1 . c2 . e2 .", "bass: a1 ~ c2 ~ e2 ~", "bass notes a1 rest c2 rest e2 rest",
    "bass plays a1 . c2 . e2 .", "bass a1 . c2 . e2 .", "the bass line: a1 ~ c2 ~ e2 ~",
    "bass notes in a minor: a1 . c2 . e2 .",
])
def test_a_rest_is_a_step_of_the_notes_and_a_written_rhythm_is_kept(phrase):
    assert last(*ACID, phrase) == ["/seq/notes bass a1 . c2 . e2 ."]


@pytest.mark.parametrize("phrase, expected", [
    ("melody on the sine: e5 d5 . a4 .", ["/seq/add sine sine1 xx.x.", "/seq/notes sine e5 d5 . a4 ."]),
    ("sine notes c5 rest g4 ~", ["/seq/add sine sine1 x.x.", "/seq/notes sine c5 . g4 ."]),
    ("play e5 ~ d5 on the sine", ["/seq/add sine sine1 x.x", "/seq/notes sine e5 . d5"]),
])
def test_a_new_voice_gets_a_hit_a_note_and_the_rests_in_its_notes(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("before, phrase, expected", [
    ("sine notes c5 d5 e5", "sine notes c5 d5 e5 g5 a5", ["/seq/add sine sine1 xxxxx", "/seq/notes sine c5 d5 e5 g5 a5"]),
    ("sine notes c5 . e5", "sine notes c5 d5 . g5", ["/seq/add sine sine1 xx.x", "/seq/notes sine c5 d5 . g5"]),
    ("sine notes c5 d5 e5 f5", "sine notes c5 . e5 .", ["/seq/add sine sine1 x.x.", "/seq/notes sine c5 . e5 ."]),
    ("sine notes c5 d5 e5 f5", "sine notes g5 f5 e5 d5", ["/seq/notes sine g5 f5 e5 d5"]),
])
def test_a_rhythm_that_was_only_the_notes_follows_the_new_notes(before, phrase, expected):
    assert last(*PAD, before, phrase) == expected


@pytest.mark.parametrize("lines", [
    (*PAD, "melody on the sine: e5 d5 . a4 ."),
    (*PAD, "sine notes c5 d5 e5", "sine notes c5 d5 e5 g5 a5"),
    (*PAD, "sine notes c5 d5 e5 f5", "sine notes c5 . e5 ."),
])
def test_every_note_written_sounds_in_order(lines):
    """What the sequencer plays (notes read at their step, modulo the list) is the list written,
    each note once a cycle, rests silent."""
    translator = Translator()
    sent = [m for line in lines for m in translator.translate(line)]
    track = translator.model.tracks["sine"]
    notes = next(m.args[1:] for m in reversed(sent) if m.address == "/seq/notes")
    engine = Track(track.target, track.pattern, parse_notes(notes))
    heard = [engine.pitch(hit.note) for step in compile_pattern(track.pattern).variants[0] if step for hit in step]
    assert [p for p in heard if p != "."] == [p for p in parse_notes(notes) if p != "."]
