"""Issue 13, session 23: a did-you-mean only for a plausible slip of the fingers; otherwise what the
shell can do nearby (the blind new-user trial's refusals, each as a class)."""
import pytest

from chronus_shell.language.patch_model import PatchModel
from chronus_shell.language.slips import is_slip
from chronus_shell.repl.topics import TopicError, help_renderables

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


@pytest.mark.parametrize("word, guess", [
    ("cutof", "cutoff"), ("sqre", "square"), ("snaer", "snare"), ("kcik", "kick"), ("kcek", "kick"),
    ("zutoff", "cutoff"), ("xemitones", "semitones"), ("reverv", "reverb"), ("brigthr", "brighter"),
    ("saw2", "saw1"), ("dd", "add"), ("acid_filtr", "acid_filter"),
])
def test_slips_of_the_fingers_are_slips(word, guess):
    assert is_slip(word, guess)


@pytest.mark.parametrize("word, guess", [
    ("simple", "sample"), ("simple", "sampler"), ("ride", "wide"), ("render", "encoder"), ("softer", "master"),
    ("swing", "sine"), ("each", "echo"), ("everybody", "reverb"), ("dd", "d"), ("tighten", "eighteen"),
])
def test_another_word_is_no_slip(word, guess):
    assert not is_slip(word, guess)


@pytest.mark.parametrize("context, phrase, nearby", [
    (ACID, "duck the bass when the kick hits", "no sidechain ducking yet"),
    (ACID, "sidechain the bass to the kick", "no sidechain ducking yet"),
    (ACID, "render it to a wav file", "chronus render"),
    (ACID, "export the song as a file", "chronus render"),
    (ACID, "bounce it down to a wav", "chronus render"),
    (PAD, "strum the chords", "arpeggio"),
    (DRUMS, "ride cymbal pattern", "the kit here is kick, snare and hat"),
    (DRUMS, "tom fill", "the kit here is kick, snare and hat"),
    (DRUMS, "crash on the one", "the kit here is kick, snare and hat"),
    (DRUMS, "I want a simple backing for my song", "I don't write whole parts"),
])
def test_what_the_shell_cannot_do_says_what_it_can_nearby(context, phrase, nearby):
    said = refused(*context, phrase)
    assert nearby in said and "did you mean" not in said


@pytest.mark.parametrize("phrase", ["play softer", "add an open hat", "everybody in", "ride cymbal pattern", "make it bounce"])
def test_no_lookalike_points_elsewhere(phrase):
    try:
        said = refused(*DRUMS, phrase)
    except BaseException:              # it works now: nothing to point anywhere
        return
    assert "did you mean" not in said and "triplet" not in said


def test_crash_a_slot_is_still_the_failover_command():
    assert "crash which slot" in refused(*DRUMS, "crash everything")


@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "play softer", ["/mod/master/gain -3.0"]),            # a bandleader's: everyone (review, session 23)
    (PAD, "play the triangle a bit louder", ["/mod/triangle1/gain 0.6"]),
    (DRUMS, "add an open hat", ["/patch/create hat2 hat", "/patch/connect hat2 master", "/mod/hat2/decay 300.0"]),
    (DRUMS, "add a closed hat", ["/patch/create hat2 hat", "/patch/connect hat2 master", "/mod/hat2/decay 40.0"]),
])
def test_phrasings_a_new_user_tried_work(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_timed_module_change_is_refused_in_words_not_addresses():
    said = refused(*ACID, "add a reverb over 4 bars")
    assert "adding a module happens at once" in said and "/patch" not in said


def test_help_on_a_word_offers_a_slip_only_and_finds_its_examples():
    with pytest.raises(TopicError) as caught:
        help_renderables("banana", PatchModel())
    assert "did you mean" not in str(caught.value)
    with pytest.raises(TopicError, match="did you mean cutoff"):
        help_renderables("cutof", PatchModel())
    assert help_renderables("swing", PatchModel())           # the forms whose examples say swing
