"""Issue 13, session 17: classes of musicians' phrasing that were refused or did the wrong thing
(each test a family, several wordings of our own): now the right thing, or a clear refusal."""
import pytest

from chronus_shell.language import LanguageError

from .test_musicians import refused
from .test_phrasing_classes import DRUMS, PAD, last


@pytest.mark.parametrize("phrase, expected", [
    ("snar quieter", "/mod/snare1/gain 0.7"),          # 'snap' is one letter off too: a letter left out wins
    ("kik quieter", "/mod/kick1/gain 0.7"),            # three letters: a part's name with a letter left out
    ("hts quieter", "/mod/hat1/gain 0.7"),
    ("mute the snre", "/seq/mute snare 1"),
])
def test_a_letter_left_out_of_a_part_name_is_that_part(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["the kick more fat", "hat fst", "kick sad"])
def test_a_short_word_that_is_no_parts_name_is_not_guessed(phrase):
    refused(*DRUMS, phrase)                            # 'fat' is not 'fast'


@pytest.mark.parametrize("phrase, expected", [
    ("snare really loud", "/mod/snare1/gain 0.9"), ("hats very quiet", "/mod/hat1/gain 0.7"),
    ("kick so quiet", "/mod/kick1/gain 0.7"), ("snare more high", "/mod/snare1/tone 214.057281"),
    ("make the hats super bright", "/mod/hat1/tone 9513.65692"),
])
def test_an_intensified_plain_adjective_on_a_part_is_its_comparative(phrase, expected):
    assert last(*DRUMS, "hat tone 8000", phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("kick a lil quieter", "/mod/kick1/gain 0.7"), ("snare abit louder", "/mod/snare1/gain 0.9"),
])
def test_chat_spellings_are_the_words(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("no swing, house is always straight", ["/seq/swing 0.0"]),
    ("kick quieter, there's a singer tonight", ["/mod/kick1/gain 0.7"]),
    ("less damping, the walls here are glass", ["/mod/reverb1/damp 0.4"]),
    ("switch the delay off, the venue was muddy", ["/mod/delay1/mix 0.0"]),
])
def test_a_remark_after_a_comma_is_left_out(phrase, expected):
    assert last(*(PAD if "delay" in phrase or "damp" in phrase else DRUMS), phrase) == expected


@pytest.mark.parametrize("phrase", ["kick quieter, the snare is too loud", "kick quieter, the snare is on 2 and 4"])
def test_a_statement_that_asks_something_is_never_left_out(phrase):
    messages = last(*DRUMS, phrase)
    assert any("snare" in m for m in messages)


@pytest.mark.parametrize("phrase, expected", [
    ("the tempo on 100", ["/seq/bpm 100.0"]), ("the swing on 30%", ["/seq/swing 0.3"]),
    ("the hat tone on 6000 hertz", ["/mod/hat1/tone 6000.0"]), ("put the kick decay on 300 ms", ["/mod/kick1/decay 300.0"]),
])
def test_a_learners_on_before_a_value_is_to(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [("kick on 3", "/seq/add kick kick1 ........x......."),
                                              ("the snare on 4", "/seq/add snare snare1 ............x...")])
def test_on_a_beat_is_still_a_place_in_the_bar(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("the snare shall be louder", "/mod/snare1/gain 0.9"), ("the kick must become quieter", "/mod/kick1/gain 0.7"),
    ("the hats become more quiet", "/mod/hat1/gain 0.7"), ("the snare gets a bit louder", "/mod/snare1/gain 0.9"),
])
def test_a_part_that_shall_be_or_becomes_so_is_made_so(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("the sine two halftones up", "/mod/sine1/freq 493.883301"), ("the sine one quint higher", "/mod/sine1/freq 659.255114"),
    ("give the sine some detune, 12 cent", "/mod/sine1/detune 12.0"),
    ("give the triangle a pan, -0.5", "/mod/triangle1/pan -0.5"),
])
def test_a_learners_words_for_intervals_and_settings(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_a_learners_bars_in_a_timed_line_are_bars():
    assert last(*DRUMS, "mute the hats for 2 takts") == ["/seq/mute hats 1 2"]


@pytest.mark.parametrize("phrase, effect, part", [
    ("more reverb on the snare", "reverb", "snare1"), ("a bit more delay on the hats", "delay", "hat1"),
    ("some distortion for the kick", "distortion", "kick1"), ("more hall on the kick", "reverb", "kick1"),
])
def test_more_of_an_effect_there_is_none_of_adds_it_there(phrase, effect, part):
    messages = last(*DRUMS, phrase)
    assert messages[0] == f"/patch/create {effect}1 {effect}" and f"/patch/connect {part} {effect}1" in messages


def test_more_of_an_effect_there_is_sets_it_as_before():
    assert last(*PAD, "more reverb") == ["/mod/reverb1/mix 0.35"]


@pytest.mark.parametrize("phrase, name", [
    ("save the session under the name late_set", "late_set"), ("save it with the name warmup", "warmup"),
    ("save this by the name b2", "b2"), ("save the session named closing", "closing"),
])
def test_a_session_saved_under_a_name_is_that_name(phrase, name):
    assert last(*DRUMS, phrase) == [f"/session/save {name}"]


@pytest.mark.parametrize("phrase, lower", [
    ("deeper the cutoff", True), ("make the filter cutoff deeper", True), ("the sine deeper", True),
    ("deeper lfo", False),                                  # an lfo's depth: more of it
])
def test_deeper_on_a_frequency_is_lower(phrase, lower):
    before = {"deeper the cutoff": 2000.0, "make the filter cutoff deeper": 2000.0, "the sine deeper": 440.0}
    address, value = last(*PAD, "filter cutoff 2000", phrase)[0].split()
    if lower:
        assert float(value) < before[phrase]
    else:
        assert address == "/mod/lfo1/depth"


@pytest.mark.parametrize("phrase, expected", [
    ("chop it into 8", ["/mod/sampler1/slices 8.0"]),
    ("chop the sampler into 4", ["/mod/sampler1/slices 4.0"]),
    ("chop it at onsets", ["/mod/sampler1/chop onsets", "/mod/sampler1/slices 16.0"]),
])
def test_chopping_sets_the_way_of_cutting_only_when_it_changes(phrase, expected):
    assert last(*DRUMS, "add a sampler", phrase) == expected


@pytest.mark.parametrize("phrase", ["chord the triangle: a3 c#4 e4", "stack the triangle: a3 c#4 e4",
                                    "voicing for the triangle: a3 c#4 e4"])
def test_a_chord_label_before_notes_sounds_them_together(phrase):
    assert last(*PAD, phrase) == ["/gate/triangle1 1 220.0 277.182631 329.627557"]


@pytest.mark.parametrize("phrase", ["at the next barline, play 110 hz on the triangle",
                                    "triangle louder for the rest of the bar", "sine quieter, until the drop"])
def test_words_that_say_when_are_never_left_out_as_an_aside(phrase):
    try:
        messages = last(*PAD, phrase)
    except LanguageError:                               # refused is fine; done now without the timing is not
        return
    assert all(m.startswith(("/at ", "/ramp", "/seq/mute")) for m in messages)


@pytest.mark.parametrize("phrase, expected", [
    ("resonance 60%", "/mod/filter1/q 2.402249"),          # a resonant q, never 0.6 (below flat)
    ("filter q 50%", "/mod/filter1/q 1.414214"),
    ("resonance up 10%", "/mod/filter1/q 0.7777"),         # 10 % of its value, as a frequency
    ("reverb width 100%", "/mod/reverb1/width 1.0"),       # a fraction: 100 % is 1
    ("delay feedback 60%", "/mod/delay1/feedback 0.6"),
])
def test_percent_is_a_fraction_or_a_point_along_a_wide_range(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_percent_of_a_drive_is_along_its_range():
    assert last("add a saw", "add a distortion", "drive 50%") == ["/mod/distortion1/drive 7.071068"]
