"""Issue 13, session 33: families of phrasing the dev sets refused, made to work in the general case — each with
the near misses that must still be refused or read as before."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_phrasing_classes import last

#: A triangle the musician calls harmonium, playing a line on the track 'gat'.
HARMONIUM = ("add a triangle at 220 hz", "the triangle is my harmonium", "/seq/add gat triangle1 x.x.x.x.",
             "/seq/notes gat c4 d4 e4 f4")


def _said(*lines) -> list[str] | None:
    """The last line's messages, or None when it was refused."""
    try:
        return last(*lines)
    except LanguageError:
        return None


# -- a part's line said by what it plays ----------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("the harmonium melody twice as fast", ["/seq/speed gat 2.0"]),
    ("the harmonium melody twice as fast for the tarana", ["/seq/speed gat 2.0"]),
    ("the triangle riff backwards", ["/seq/reverse gat"]),
    ("the harmonium line backwards", ["/seq/reverse gat"]),
    ("the triangle tune twice as fast", ["/seq/speed gat 2.0"]),
    ("melody backwards", ["/seq/reverse gat"]),                     # no part said: the one line of single notes
])
def test_a_parts_line_by_what_it_plays_is_its_one_track(phrase, expected):
    assert last(*HARMONIUM, phrase) == expected


@pytest.mark.parametrize("lines", [
    HARMONIUM + ("add a sine", "the sine melody twice as fast"),                           # the sine plays no track
    HARMONIUM + ("/seq/add gut triangle1 x...x...", "/seq/notes gut c5 d5", "the triangle melody backwards"),   # two
])
def test_a_parts_line_with_no_track_or_two_is_refused(lines):
    with pytest.raises(LanguageError):
        last(*lines)


def test_the_tune_alone_is_never_a_track():
    """'the tune faster, a reel' is the tempo (trial s26): never the one melodic track's speed."""
    said = _said(*HARMONIUM, "the tune faster")
    assert said is None or not any(m.startswith("/seq/speed") for m in said)


@pytest.mark.parametrize("phrase", ["pad chords twice as fast", "the pad chords twice as fast", "the triangle chords twice as fast"])
def test_a_part_said_before_its_own_tracks_name_is_that_track(phrase):
    assert last("add a triangle", "chords C Am F G on the triangle", phrase) == ["/seq/speed chords 2.0"]


def test_a_part_said_before_another_parts_track_stays_refused():
    with pytest.raises(LanguageError):
        last("add a triangle", "add a sine", "chords C Am F G on the triangle", "sine chords twice as fast")


def test_a_track_named_melody_is_that_track_as_before():
    assert last("add a sine", "/seq/add melody sine1 x.x.x.x.", "/seq/notes melody c4 d4 e4 f4",
                "add a triangle", "/seq/add gat triangle1 x...x...", "/seq/notes gat c5 d5",
                "the melody twice as fast") == ["/seq/speed melody 2.0"]


# -- 'what did you do?' ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["what did you do", "what did you do?", "what just happened", "huh, what did that do?",
                                      "what changed", "what did you change", "show me what you did", "what was that"])
def test_what_did_you_do_says_the_last_change_back_and_changes_nothing(question):
    translator = Translator()
    for line in ("add a kick", "kick louder"):
        translator.translate(line)
    before = translator.model.snapshot()
    assert translator.translate(question) == []
    assert translator.understood == ["the last change sent: /mod/kick1/gain 0.9 — 'undo' takes it back"]
    assert translator.model.snapshot() == before


def test_again_after_the_question_repeats_the_line_before_it():
    assert last("add a kick", "kick quieter", "what did you do", "again") == last("add a kick", "kick quieter", "again")


def test_what_did_you_do_before_anything_says_so():
    translator = Translator()
    assert translator.translate("what just happened") == []
    assert translator.understood == ["nothing has changed yet"]


@pytest.mark.parametrize("phrase, expected", [("what is playing", ["/shell/list tracks"])])
def test_questions_about_the_state_are_read_as_before(phrase, expected):
    assert last("add a kick", "kick louder", phrase) == expected


def test_what_happened_to_a_part_is_not_the_last_change():
    assert _said("add a kick", "kick louder", "what happened to the kick") != []


# -- an EQ band asked for: what there is instead -------------------------------------------------------------------
@pytest.mark.parametrize("phrase, suggested", [
    ("cut 3 db at 250 hz", "add a highpass at 250 hz"),
    ("-4db at 300hz on the kick", "add a highpass at 300 hz to the kick"),
    ("a 3 db dip at 8k", "add a lowpass at 8k"),
    ("boost 2 db around 4k on the snare", "add a filter at 4k to the snare, resonance 2"),
    ("scoop the mids on the snare", "add a lowpass at 4k to the snare"),
    ("eq the kick", "add a highpass at 200 hz"),
])
def test_an_eq_band_is_refused_with_a_working_line_at_the_frequency_said(phrase, suggested):
    drums = ("add a kick", "add a snare")
    with pytest.raises(LanguageError, match="there is no EQ") as refused:
        last(*drums, phrase)
    assert f"'{suggested}'" in str(refused.value)
    assert any(m.startswith("/patch/create filter") for m in last(*drums, suggested))     # the line said works


@pytest.mark.parametrize("phrase, expected", [
    ("kick -3 db", ["/mod/kick1/gain 0.566357"]),
    ("add a highpass at 250 hz to the snare", None),
    ("tempo 120", ["/seq/bpm 120.0"]),
])
def test_levels_and_filters_said_with_db_or_hz_are_read_as_before(phrase, expected):
    said = last("add a kick", "add a snare", phrase)
    assert said == expected if expected else "/mod/filter1/cutoff 250.0" in said


def test_a_level_out_of_range_keeps_its_own_refusal():
    with pytest.raises(LanguageError, match="out of range|passes its top"):
        last("add a kick", "kick +3 db")


# -- a section's name before the line -------------------------------------------------------------------------------
DRUMS = ("add a kick", "add a snare", "add a hat", "kick on every beat", "snare on 2 and 4", "hats on every 8th")


@pytest.mark.parametrize("phrase, alone", [
    ("verse: kick and snare only", "kick and snare only"),
    ("chorus 1: hats quieter", "hats quieter"),
    ("section 2: hats quieter", "hats quieter"),
    ("verse 1 - hats quieter", "hats quieter"),
    ("B section: hats quieter", "hats quieter"),
    ("then the chorus: hats louder", "hats louder"),
])
def test_a_sections_name_before_the_line_is_left_out(phrase, alone):
    assert last(*DRUMS, phrase) == last(*DRUMS, alone)


@pytest.mark.parametrize("phrase", ["bar 4: hats quieter",          # a bar says when: never left out as a name
                                    "verse: blah blah"])             # the rest refused: the line is
def test_a_section_label_with_a_time_or_nothing_readable_after_it_stays_refused(phrase):
    with pytest.raises(LanguageError):
        last(*DRUMS, phrase)


def test_a_label_naming_a_part_is_that_part_as_before():
    assert last(*DRUMS, "kick: x...x...") == ["/seq/add kick kick1 x...x..."]
