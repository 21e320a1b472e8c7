"""Issue 13, session 19: a name given to a sound in a label ('UI blip: sine …') names it afterwards;
a part's settings said as adjectives ('kick, long decay, low pitch'); follow-ups that must not
repeat something else."""
import pytest

from chronus_shell.language import Translator

from .test_musicians import refused
from .test_phrasing_classes import DRUMS, last

BLIP = ("UI blip: sine, 1200 hz",)
IMPACT = ("impact: kick, long decay, low pitch",)


def test_a_labelled_sound_is_made_and_its_settings_said_as_adjectives_are_set():
    assert last(*IMPACT) == ["/patch/create kick1 kick", "/patch/connect kick1 master", "/mod/kick1/decay 356.762135",
                             "/mod/kick1/freq 42.044821"]


@pytest.mark.parametrize("lines, expected", [
    ((*BLIP, "pan the blip to -0.7"), ["/mod/sine1/pan -0.7"]),
    ((*BLIP, "ui blip gain -6 db"), ["/mod/sine1/gain 0.501187"]),
    ((*IMPACT, "the impact louder"), ["/mod/kick1/gain 0.9"]),
    ((*IMPACT, "distort the impact, bitcrushed"), ["/patch/create distortion1 distortion", "/patch/disconnect kick1 master",
                                                   "/patch/connect kick1 distortion1", "/patch/connect distortion1 master",
                                                   "/mod/distortion1/drive 5.0", "/mod/distortion1/mode bitcrush"]),
])
def test_a_label_names_the_sound_it_made(lines, expected):
    assert last(*lines) == expected


def test_a_label_on_a_line_that_made_no_sound_is_not_taken():
    translator = Translator()
    translator.translate("intro: tempo 90")
    assert not translator.model.labels


def test_a_role_said_as_a_label_names_the_sound():
    assert last("sub: sine, 40 hz", "the sub louder") == ["/mod/sine1/gain 0.6"]


def test_a_label_of_a_removed_sound_names_nothing():
    assert "blip" in refused(*BLIP, "remove the sine", "blip louder")


@pytest.mark.parametrize("phrase, expected", [
    ("kick, long decay, low pitch", ["/mod/kick1/decay 356.762135", "/mod/kick1/freq 42.044821"]),
    ("snare, short decay", ["/mod/snare1/decay 126.134462"]),
    ("snare with a long decay, 400ms", ["/mod/snare1/decay 400.0"]),      # a value said: the value
])
def test_a_parts_settings_said_as_adjectives(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_again_with_more_words_is_not_the_same_again():
    said = refused("add a sine", "fire it", "again, an octave up")
    assert "again" not in said or "could mean" in said


def test_a_refused_line_does_not_change_what_again_repeats():
    translator = Translator()
    for line in ("add a sine", "fire it"):
        translator.translate(line)
    with pytest.raises(Exception):
        translator.translate("again, an octave up")
    assert [str(m) for m in translator.translate("again")] == ["/gate/sine1 1"]


@pytest.mark.parametrize("phrase, expected", [
    ("half time drums, snare on the 3", ["/seq/add snare snare1 ........x......."]),
    ("snare only on the 3, half time feel", ["/seq/add snare snare1 ........x......."]),
    ("half-time feel", ["/seq/speed kick 0.5", "/seq/speed snare 0.5", "/seq/speed hats 0.5"]),
    ("half time drums", ["/seq/speed kick 0.5", "/seq/speed snare 0.5", "/seq/speed hats 0.5"]),
])
def test_a_half_time_feel_said_with_the_snare_on_3_is_that_snare(phrase, expected):
    assert last(*DRUMS, phrase) == expected
