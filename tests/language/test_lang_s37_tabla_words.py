"""Session 37: a tabla player's words — a matra a step, laya the tempo, an avartan or a cycle a bar — and the
drone: the voice holding its notes, whatever it is
called ('the triangle is the tanpura', then 'drone louder')."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last

TABLA = ("add a kick", "add a hat", "/seq/bpm 80", "the kick is the bayan", "the hat is the dayan")
TANPURA = ("add a kick", "/seq/add kick kick1 x...x...x...x...", "add a triangle", "the triangle is the tanpura",
           "/gate/triangle1 1 138.59 207.65")


@pytest.mark.parametrize("phrase, expected", [
    ("dayan on every matra", ["/seq/add hats hat1 xxxxxxxxxxxxxxxx"]),
    ("laya badhao, up to 100 over 2 cycles", ["/seq/bpm 100.0 ramp 8"]),
    ("back to madhya laya, 60", ["/seq/bpm 60.0"]),
])
def test_a_tabla_players_words(phrase, expected):
    assert last(*TABLA, phrase) == expected


def test_the_drone_is_the_voice_holding_its_notes():
    assert last(*TANPURA, "drone louder") == ["/mod/triangle1/gain 0.6"]
    assert last(*TANPURA, "mute everything, only the drone") == ["/seq/mute kick 1"]


def test_with_nothing_held_the_drone_is_still_refused_in_one_line():
    with pytest.raises(LanguageError) as refused:
        last("add a kick", "add a triangle", "the triangle is the tanpura", "drone louder")
    assert "\n" not in str(refused.value)
