"""Phrasings the lead fixed from the s19 dev set (session 19): two parts panned two ways in one line keep
each its own side; a glide word ('slowly', 'gradually') makes 'in N bars' the length of the glide, not a wait."""
import pytest

from chronus_shell.language.errors import LanguageError

from .test_time_harmony_classes import PAD, last


@pytest.mark.parametrize("phrase, expected", [
    ("pan sine slight left, triangle slight right", ["/mod/sine1/pan -0.25", "/mod/triangle1/pan 0.25"]),
    ("pan sine left, triangle kinda right", ["/mod/sine1/pan -0.5", "/mod/triangle1/pan 0.5"]),
    ("pan the sine a slight bit left", ["/mod/sine1/pan -0.25"]),
    ("sine slightly left, triangle slightly right", ["/mod/sine1/pan -0.25", "/mod/triangle1/pan 0.25"]),
])
def test_each_part_keeps_its_own_side(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_right_as_chatter_is_still_chatter():
    messages = last(*PAD, "ok right that's good, louder")
    assert len(messages) == 1 and "/gain " in messages[0] and "pan" not in messages[0]


@pytest.mark.parametrize("phrase, expected", [
    ("increase the tempo slowly to 140 in 8 bars", ["/seq/bpm 140.0 ramp 32"]),
    ("gradually raise the tempo to 140 in 8 bars", ["/seq/bpm 140.0 ramp 32"]),
    ("in 2 bars set the tempo to 140", ["/at 2 bar /seq/bpm 140.0"]),        # no glide word: a wait
])
def test_a_glide_word_makes_in_n_bars_the_glide_s_length(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("REC stop", ["/record/stop"]), ("record off", ["/record/stop"]), ("rec", ["/record/start"]),
])
def test_rec_then_a_word_that_ends_the_take(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase", ["hats 1/8 triplets", "hats 8th triplets", "hats eighth note triplets"])
def test_a_part_then_a_triplet_note_value_is_its_rhythm_not_a_length(phrase):
    """Eighth-note triplets are three hits a beat, in the bar (a speed of 0.75 gave 1.5 a beat on 'x.x.')."""
    assert last("add a hat", "play x.x.x.x. on hat1", phrase) == ["/seq/add hat1 hat1 [xxx]@4[xxx]@4[xxx]@4[xxx]@4"]


def test_a_triplet_note_value_for_a_time_is_still_a_length():
    assert last("add a hat", "decay to a 1/8t") == ["/mod/hat1/decay 166.666667"]


ACID = ("add a saw at 55 hz", "play x.x.x.x. on saw1", "add a kick", "play x...x...x...x... on kick1", "add a hat",
        "play ..x...x...x...x. on hat1")


@pytest.mark.parametrize("phrase", ["halftime the drums", "half time on the drums", "the kit at half speed"])
def test_the_drums_are_the_drum_tracks_not_the_bass(phrase):
    assert sorted(last(*ACID, phrase)) == ["/seq/speed hat1 0.5", "/seq/speed kick1 0.5"]


def test_everything_is_every_track():
    assert len(last(*ACID, "half time everything")) == 3


@pytest.mark.parametrize("made, then, expected", [
    ("sine sub at 55", "slide the sub down to 41 over 2 beats", ["/ramp/sine1/freq 41.0 2"]),
    ("add a square lead", "lead louder", ["/mod/square1/gain 0.6"]),
])
def test_a_part_said_on_the_line_that_makes_a_sound_names_it(made, then, expected):
    assert last(*ACID, made, then) == expected


@pytest.mark.parametrize("phrase", ["in c major, 2 5 1", "key of c, 2-5-1"])
def test_a_progression_named_alone_is_played_not_dropped(phrase):
    assert any(m.startswith("/seq/notes") for m in last(*PAD, phrase))


@pytest.mark.parametrize("lines", [
    ("chords am f c g - half time feel",),                   # a rhythm word after a dash is an instruction
    ("fade out the sine by bar 5",),                         # a deadline: asked, never read as a start
    ("play G7(b9, b13)",),                                   # tensions no chord here has: said, never dropped
])
def test_lines_that_would_lose_a_word_are_refused(lines):
    with pytest.raises(LanguageError):
        last(*PAD, *lines)


def test_record_over_records():
    assert last(*PAD, "record over") == ["/record/start"]


def test_a_part_named_beside_another_sound_is_not_taken_by_the_new_one():
    assert last(*ACID, "add a square lead", "add a sine an octave below the lead", "make the lead louder") == \
        ["/mod/square1/gain 0.6"]


def test_a_drone_phrase_after_a_sound_called_drone():
    assert last(*PAD, "add a sine drone", "give me a drone of c and g on the triangle")[0].startswith("/gate/triangle1 1")
