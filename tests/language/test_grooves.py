"""Grooves known by name and additive meters (session 21, grooves.py): a whole kit's rhythm in a word, the
parts said after the name played in its bar, chatter around it left out, a likeness or a genre refused."""
import pytest

from chronus_shell.language.errors import LanguageError
from chronus_shell.language.grooves import GROOVES
from chronus_shell.language.translator import Translator

from .test_time_harmony_classes import ACID, DRUMS, last, refused

WALTZ = ["/seq/add kick kick1 x...........", "/seq/add snare snare1 ....x...x...", "/seq/add hats hat1 x.x.x.x.x.x."]


@pytest.mark.parametrize("phrase", ["I should like a waltz, please.", "a waltz", "waltz time", "play a waltz on the drums",
                                    "give me a waltz beat", "ok, waltz please", "waltz"])
def test_a_waltz_is_the_kit_in_three(phrase):
    assert last(*DRUMS, phrase) == WALTZ


@pytest.mark.parametrize("phrase, kick, snare", [
    ("yalla, rhythm maqsum please", "x.......x.......", "..x...x.....x..."),
    ("now malfuf", "x.......", "...x..x."),
    ("saidi rhythm", "x.....x.x.......", "..x.........x..."),
    ("one drop riddim", "........x.......", "........x......."),
    ("rockers beat", "x.......x.......", "........x......."),
    ("a straight rock beat", "x.......x.......", "....x.......x..."),
])
def test_a_groove_by_name_plays_its_parts(phrase, kick, snare):
    messages = last(*DRUMS, phrase)
    assert f"/seq/add kick kick1 {kick}" in messages and f"/seq/add snare snare1 {snare}" in messages


def test_parts_said_after_the_name_are_the_groove_in_its_bar():
    assert last(*DRUMS, "waltz time: kick on 1, snare on 2 and 3") == WALTZ[:2]
    assert last(*DRUMS, "straight rock beat, kick on 1 and 3, snare 2 and 4, eighth hats") == [
        "/seq/add kick kick1 x.......x.......", "/seq/add snare snare1 ....x.......x...",
        "/seq/add hats hat1 x.x.x.x.x.x.x.x."]


def test_a_beat_past_a_waltz_bar_is_refused():
    assert "past the bar" in refused(*DRUMS, "waltz time: kick on 4")


def test_other_commands_beside_the_name_come_with_the_groove():
    messages = last(*DRUMS, "8 beat, bpm 130")
    assert "/seq/bpm 130.0" in messages and "/seq/add hats hat1 x.x.x.x.x.x.x.x." in messages


def test_a_part_the_patch_lacks_is_added_and_the_line_is_one_undo_step():
    translator = Translator()
    for line in ACID:
        translator.translate(line)
    messages = [str(m) for m in translator.translate("a waltz please")]
    assert "/patch/create snare1 snare" in messages and "/seq/add kick kick1 x..........." in messages
    undone = [str(m) for m in translator.translate("undo")]
    assert "/patch/remove snare1" in undone and "/seq/add kick kick1 x...x...x...x..." in undone


@pytest.mark.parametrize("phrase", ["make it feel like a waltz", "make me a trap beat", "a house beat", "rock the filter",
                                    "6/8 time", "a waltz on the bass"])
def test_a_likeness_a_genre_or_other_words_are_not_a_groove(phrase):
    with pytest.raises(LanguageError):
        last(*DRUMS, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("give me 7/8 rhythm, the turkish one, 2+2+3", "/seq/add kick kick1 x...x...x....."),
    ("kick pattern 3+3+2 feel", "/seq/add kick kick1 x..x..x.x..x..x."),
    ("snare 3+3+3+3+4", "/seq/add snare snare1 x..x..x..x..x..."),
])
def test_an_additive_meter_hits_each_group_start(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


def test_groups_that_do_not_add_up_to_the_meter_are_refused():
    assert "not 7/8" in refused(*DRUMS, "7/8, 3+3+2")


def test_every_groove_has_a_kick_or_hats_and_bars_of_whole_eighths():
    for name, groove in GROOVES.items():
        assert groove.parts and groove.steps % 2 == 0, name          # (a slip jig's 9/8 is 18 sixteenths)


@pytest.mark.parametrize("phrase, expected", [
    ("gimme a groove, kick on 1 and 3, snare on 2 and 4", ["/seq/add kick kick1 x.......x.......",
                                                          "/seq/add snare snare1 ....x.......x..."]),
    ("a valse musette: the kick on the 1, the snare on the 2 and the 3", ["/seq/add kick kick1 x...........",
                                                                         "/seq/add snare snare1 ....x...x..."]),
])
def test_a_groove_said_by_its_parts_adds_the_drums_it_needs(phrase, expected):
    messages = last(phrase)
    assert [m for m in messages if m.startswith("/seq/add")] == expected and "/patch/create kick1 kick" in messages


def test_a_label_then_something_that_is_no_part_is_not_a_groove():
    with pytest.raises(LanguageError):
        last(*DRUMS, "a beat: bpm 90")


@pytest.mark.parametrize("phrase, factor", [("half time", "0.5"), ("double time", "2.0"), ("halftime", "0.5")])
def test_half_time_alone_on_a_kit_is_the_drums_speed(phrase, factor):
    assert last(*DRUMS, phrase) == [f"/seq/speed {t} {factor}" for t in ("kick", "snare", "hats")]


def test_half_time_alone_beside_a_bass_line_is_the_tempo():
    assert last(*ACID, "tempo 128", "half time") == ["/seq/bpm 64.0"]


@pytest.mark.parametrize("phrase", ["snare on 2+3+4", "make the waltz louder", "click track please"])
def test_beats_with_plus_a_groove_named_in_another_request_and_a_click_are_not_grooves(phrase):
    try:
        messages = last(*DRUMS, phrase)
    except LanguageError:
        return
    assert not any("x..........." in m or "x...x.....x" in m for m in messages)
