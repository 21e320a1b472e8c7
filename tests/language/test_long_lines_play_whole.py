"""A line of notes longer than a bar plays every note (trial, session 20: 'play the c minor scale up
and down in quarter notes' looped its first bar — a track plays the notes of its pattern's steps
only, so the pattern must span the line). Checked in the engine: each hit's pitch, in order."""
import pytest

from chronus_shell.engine.engine import Engine
from chronus_shell.engine.notes import note_to_hz
from chronus_shell.protocol.message import Message

from .test_time_harmony_classes import last


def _played(messages: list[str]) -> list[float]:
    """The pitch of every hit of the track, one pass of its pattern, as the engine's sequencer plays it."""
    engine = Engine(48000, 256)
    for line in ["/patch/create triangle1 triangle", *messages]:
        engine.schedule(Message.parse(line))
    engine.render_stereo(256)
    (track,) = engine.sequencer.tracks.values()
    pitches = []
    for step in range(track.play.table.steps * track.play.table.period):
        for _phase, hit, _k, _j in track.play.hits(step):
            pitches.append(track.pitch(hit.note))
    return pitches


@pytest.mark.parametrize("phrase, first, count", [
    ("play the c minor scale up and down in quarter notes", "c4", 14),
    ("play the g major scale over two octaves in eighth notes", "g3", 15),
])
def test_every_note_of_a_long_scale_plays(phrase, first, count):
    messages = [m for m in last("add a triangle at 220 hz", phrase) if m.startswith("/seq/")]
    notes = [n for n in messages[-1].split()[2:] if n not in "-."]
    played = _played(messages)
    assert len(played) == count == len(notes) and played[0] == pytest.approx(note_to_hz(first))
    assert played == [pytest.approx(note_to_hz(n)) for n in notes]
    assert len(messages[0].split()[-1]) % 16 == 0                     # starts again on a bar line


@pytest.mark.parametrize("run, again, first_notes", [
    ("play the c major scale on the triangle in quarter notes", "now in c minor", ["c4", "d4", "eb4"]),
    ("play the c major scale up and down on the triangle", "now in c minor", ["c4", "d4", "eb4"]),
])
def test_a_scale_run_said_again_in_another_key_plays_in_it(run, again, first_notes):
    """Trial: 'now in c minor' after a scale in quarter notes changed only the key (the holds hid the run)."""
    messages = last("add a triangle at 220 hz", run, again)
    assert messages[0] == "/seq/key c minor"
    notes = [n for n in messages[-1].split()[2:] if n not in "-."]
    assert notes[:3] == first_notes and ("bb4" in notes) and ("ab4" in notes)


def test_a_run_said_again_in_one_key_then_another_plays_in_each():
    translator_lines = ["add a triangle at 220 hz", "c major scale up and down in quarter notes", "now in g minor"]
    notes = [n for n in last(*translator_lines, "now in a minor")[-1].split()[2:] if n not in "-."]
    assert notes[:3] == ["a3", "b3", "c4"]


def test_a_key_said_after_degrees_in_a_key_set_is_only_the_key():
    assert last("add a saw at 110 hz", "key of e flat", "notes 1 2 3 4 5 6 7 8", "in a dorian") == ["/seq/key a dorian"]
