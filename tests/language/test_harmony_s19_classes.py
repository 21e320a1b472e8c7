"""Harmony phrasings by CLASS (session 19): chord symbols with bracketed tensions and the Brazilian 7M,
roman numerals as lead sheets write them (I7 the dominant, bVII from the major scale), progressions
known by name, Nashville numbers, a labelled chord line ('vamp: …'), 'same with 7th chords' — each
test one shape said several ways, wordings invented here, none copied from a corpus."""
import re

import pytest

from chronus_shell.language.chords import Chord

from .test_time_harmony_classes import PAD, last, refused


def chords_of(messages: list[str]) -> list[str]:
    """The chords of the /seq/notes line sent (holds left out), each its notes' names without their
    octave: the voicing's register is the shell's choice, the tones and their spelling are not."""
    notes = next(m for m in messages if m.startswith("/seq/notes"))
    return [re.sub(r"-?\d", "", token) for token in notes.split()[2:] if token != "-"]


@pytest.mark.parametrize("symbol, intervals", [
    ("dm7(b5)", (0, 3, 6, 10)), ("G7(b9)", (0, 4, 7, 10, 13)), ("am7(9)", (0, 3, 7, 10, 14)),
    ("C7M", (0, 4, 7, 11)), ("f7m(9)", (0, 4, 7, 11, 14)), ("c6(9)", (0, 4, 7, 9, 14)), ("e7(#9)", (0, 4, 7, 10, 15)),
    ("g7(9,13)", (0, 4, 7, 10, 14, 21)), ("c(add9)", (0, 4, 7, 14)), ("bb7(b13)", (0, 4, 7, 10, 20)),
    ("g7(#5)", (0, 4, 8, 10)),
])
def test_tensions_in_brackets_and_the_brazilian_7m_are_the_chord(symbol, intervals):
    assert Chord.parse(symbol).intervals == intervals


@pytest.mark.parametrize("symbol", ["c7(15)", "am(x)", "g7(b9"])
def test_brackets_that_name_no_chord_are_not_one(symbol):
    assert Chord.parse(symbol) is None


@pytest.mark.parametrize("phrase, expected", [
    ("Dm7(b5) G7(b9) Cm7", ["d+f+ab+c", "g+b+d+f+ab", "c+eb+g+bb"]),
    ("dm7b5 g7b9 cm7 - a minor two five one", ["d+f+ab+c", "g+b+d+f+ab", "c+eb+g+bb"]),
    ("Am7(9) D7(9) G7M, a bar each", ["a+c+e+g+b", "d+f#+a+c+e", "g+b+d+f#"]),
])
def test_a_chord_line_keeps_the_tensions_in_brackets(phrase, expected):
    assert chords_of(last(*PAD, phrase)) == expected


def test_an_aside_in_brackets_is_still_left_out():
    assert chords_of(last(*PAD, "chords am f c g (for the chorus)")) == ["a+c+e", "f+a+c", "c+e+g", "g+b+d"]


@pytest.mark.parametrize("phrase, expected", [
    ("I7 IV7 V7 in C", ["c+e+g+bb", "f+a+c+eb", "g+b+d+f"]),        # the blues: dominant sevenths
    ("ii7 V7 Imaj7 in C", ["d+f+a+c", "g+b+d+f", "c+e+g+b"]),
    ("iv7 bVII7 I in C", ["f+ab+c+eb", "bb+d+f+ab", "c+e+g"]),     # the backdoor: Fm7 Bb7 C
    ("i bVI bIII bVII in A minor", ["a+c+e", "f+a+c", "c+e+g", "g+b+d"]),   # flats from A major
    ("ii-V-I in C with sevenths", ["d+f+a+c", "g+b+d+f", "c+e+g+b"]),      # the key's own sevenths
])
def test_roman_numerals_as_lead_sheets_write_them(phrase, expected):
    assert chords_of(last(*PAD, phrase)) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("royal road progression in C", ["f+a+c", "g+b+d", "e+g+b", "a+c+e"]),
    ("the royal road in D", ["g+b+d", "a+c#+e", "f#+a+c#", "b+d+f#"]),
    ("just the two of us progression in F", ["bb+d+f+a", "a+c#+e+g", "d+f+a+c", "c+eb+g+bb",
                                             "f+a+c+eb"]),
    ("komuro progression in C", ["a+c+e", "f+a+c", "g+b+d", "c+e+g"]),
    ("a backdoor progression in C", ["f+ab+c+eb", "bb+d+f+ab", "c+e+g+b"]),
    ("the minor 2-5-1 in C", ["d+f+ab+c", "g+b+d+f", "c+eb+g"]),
    ("jazz turnaround in Bb", ["bb+d+f+a", "g+bb+d+f", "c+eb+g+bb", "f+a+c+eb"]),
])
def test_progressions_known_by_name(phrase, expected):
    assert chords_of(last(*PAD, phrase)) == expected


def test_a_progression_by_name_takes_the_session_key_else_asks_for_one():
    assert "key" in refused(*PAD, "royal road progression")
    assert chords_of(last(*PAD, "key of G", "the royal road progression")) == ["c+e+g", "d+f#+a", "b+d+f#", "e+g+b"]


@pytest.mark.parametrize("lines, expected", [
    (("key of G", "1 6m 2m 5"), ["g+b+d", "e+g+b", "a+c+e", "d+f#+a"]),
    (("nashville numbers in D: 1 5 6m 4",), ["d+f#+a", "a+c#+e", "b+d+f#", "g+b+d"]),
    (("1, 4, 6m7, 5 in A, a bar each",), ["a+c#+e", "d+f#+a", "f#+a+c#+e", "e+g#+b"]),
    (("the nashville chart in C: 1 2 4 1",), ["c+e+g", "d+f#+a", "f+a+c", "c+e+g"]),  # a bare 2: major
])
def test_nashville_numbers(lines, expected):
    assert chords_of(last(*PAD, *lines)) == expected


def test_a_bare_two_five_one_is_still_the_jazz_cadence():
    assert chords_of(last(*PAD, "key of C", "2 5 1")) == ["d+f+a+c", "g+b+d+f", "c+e+g+b"]


@pytest.mark.parametrize("phrase", [
    "vamp: Bb, Gm7, Cm7, F7, a bar each, till ready",
    "intro: Bb Gm7 Cm7 F7",
    "the changes of my tune: Bb Gm7 Cm7 F7",
    "chord chart for the opener: Bb, Gm7, Cm7, F7",
])
def test_a_labelled_chord_line_is_the_chords(phrase):
    assert chords_of(last(*PAD, phrase)) == ["bb+d+f", "g+bb+d+f", "c+eb+g+bb", "f+a+c+eb"]


@pytest.mark.parametrize("follow_up", ["same with 7th chords please", "now as sevenths", "make them seventh chords",
                                       "again but with 7ths", "add the 7ths"])
def test_the_same_chords_with_the_sevenths_of_their_key(follow_up):
    assert chords_of(last(*PAD, "chords C G Am F", follow_up)) == ["c+e+g+b", "g+b+d+f", "a+c+e+g",
                                                                    "f+a+c+e"]


def test_a_chord_off_the_key_takes_the_minor_seventh():
    assert chords_of(last(*PAD, "chords Dm G C A", "make them 7th chords"))[-1] == "a+c#+e+g"


@pytest.mark.parametrize("phrase, expected", [
    ("tom de C menor", ["/seq/key c minor"]),
    ("tone of Eb major", ["/seq/key eb major"]),
])
def test_a_key_said_as_its_tone(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_the_tone_of_a_drum_is_still_its_param():
    assert last("add a snare", "the tone of the snare 300") == ["/mod/snare1/tone 300.0"]


def test_portuguese_bars_and_half_tone_up():
    assert len(chords_of(last(*PAD, "F7M G7 Gm7 Gb7, 2 compassos each"))) == 4
    moved = chords_of(last(*PAD, "chords C F", "meio tom acima"))
    assert moved == ["db+f+ab", "gb+bb+db"] or moved[0].startswith(("c#", "db"))


def test_a_scale_said_up_to_its_octave_ends_an_octave_up():
    notes = last(*PAD, "notes c d e f g a b c on the sine")[-1].split()[2:]
    assert notes[0][-1] < notes[-1][-1] and notes[-1][0] == "c"


@pytest.mark.parametrize("phrase, expected", [
    ("Sa is C. play sa re ga ma pa dha ni sa on the sine", "c d e f g a b c"),
    ("with Sa on E, play sa re ga re sa on the triangle", "e f# g# f# e"),
    ("sa komal re ga ma pa on the sine, Sa is D", "d eb f# g a"),
    ("D as Sa: sa re komal ga ma pa komal dha komal ni sa on the sine", "d e f g a bb c d"),
    ("Sa = A, tivra ma pa dha ni on the sine", "d# e f# g#"),
    ("play alaap slowly: sa re ga re sa on the sine, Sa is C#", "c# d# e# d# c#"),
])
def test_sargam_on_the_sa_said(phrase, expected):
    notes = [n for n in last(*PAD, phrase)[-1].split()[2:]]
    assert " ".join(re.sub(r"-?\d", "", n) for n in notes) == expected


def test_sargam_without_its_sa_is_asked_never_guessed():
    assert "Sa" in refused(*PAD, "play sa re ga ma on the sine")


@pytest.mark.parametrize("phrase", ["play some saw", "the kick is pa-pa-pa", "ma, more reverb"])
def test_words_that_sound_like_sargam_stay_words(phrase):
    from chronus_shell.language.harmony_sargam import needs_sa, sargam
    assert not needs_sa(phrase) and sargam(phrase) == phrase


@pytest.mark.parametrize("phrase, expected", [
    ("set the key C# and raag Yaman", ["/seq/key c# lydian"]),
    ("scale is Kafi thaat, Sa is D", ["/seq/key d dorian"]),
    ("Bhairavi thaat, Sa is E", ["/seq/key e phrygian"]),
    ("tivra Ma in the scale please, Sa is C", ["/seq/key c lydian"]),
    ("komal ga and komal ni in the scale, Sa is G", ["/seq/key g dorian"]),
])
def test_a_thaat_or_raag_is_its_scale(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, hz", [
    ("kindly give drone of Sa and Pa on the triangle, Sa is C#", ["138.591315", "207.652349"]),
    ("a drone of d and a on the sine", ["293.664768", "440.0"]),
    ("give us a low drone on c and g on the triangle", ["130.812783", "195.997718"]),
])
def test_a_drone_is_its_notes_held_together(phrase, hz):
    gate = last(*PAD, phrase)[-1].split()
    assert gate[1] == "1" and gate[2:] == hz


@pytest.mark.parametrize("phrase, expected", [
    ("arpeggio Cmaj7, up, 16th", ("xxxxxxxxxxxxxxxx", "c e g b")),
    ("arpeggiate an Am chord goin up, eighth notes", ("x.x.x.x.x.x.x.x.", "a - c - e -")),
    ("arp Dm up in 1/8", ("x.x.x.x.x.x.x.x.", "d - f - a -")),
])
def test_an_arpeggio_at_a_note_value_said_once(phrase, expected):
    messages = last(*PAD, phrase)
    pattern = next(m for m in messages if m.startswith("/seq/add")).split()[-1]
    notes = " ".join(re.sub(r"-?\d", "", n) if n != "-" else n for n in messages[-1].split()[2:])
    assert (pattern, notes) == expected


@pytest.mark.parametrize("phrase", ["play me a G run on the triangle: g a b d e", "an E lick on the triangle: g a b d e"])
def test_a_named_run_then_its_notes(phrase):
    notes = last(*PAD, phrase)[-1].split()
    assert notes[0] == "/seq/notes" and [re.sub(r"-?\d", "", n) for n in notes[2:]] == ["g", "a", "b", "d", "e"]


@pytest.mark.parametrize("phrase", ["chords also I want: C, Am, F, G - 90s Bollywood style",
                                    "chords please: C Am F G - classic doo-wop feel"])
def test_chords_asked_for_then_a_style_after_a_dash(phrase):
    assert chords_of(last(*PAD, phrase)) == ["c+e+g", "a+c+e", "f+a+c", "g+b+d"]


@pytest.mark.parametrize("phrase, expected", [
    ("key of A-Moll", ["/seq/key a minor"]),
    ("in C-Dur", ["/seq/key c major"]),
    ("in Es-Dur", ["/seq/key eb major"]),
    ("the key is fis-moll", ["/seq/key f# minor"]),
    ("key B-Dur", ["/seq/key bb major"]),                      # German B is B flat, H is B
    ("in h-moll", ["/seq/key b minor"]),
    ("tonalité de ré mineur", ["/seq/key d minor"]),
    ("tonalità di si bemolle maggiore", ["/seq/key bb major"]),
    ("tom de lá menor", ["/seq/key a minor"]),
])
def test_keys_in_french_italian_portuguese_and_german(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase", ["accordi la minore, fa maggiore, do, sol", "accords la mineur, fa majeur, do, sol",
                                    "acordes lá menor, fá, dó, sol", "chords a-moll F-Dur C-Dur G-Dur"])
def test_chords_in_other_languages(phrase):
    assert chords_of(last(*PAD, phrase)) == ["a+c+e", "f+a+c", "c+e+g", "g+b+d"]


@pytest.mark.parametrize("phrase", ["the duration", "more mollow", "add a durable pad"])
def test_words_that_contain_dur_or_moll_stay_words(phrase):
    from chronus_shell.language.harmony_solfege import solfege
    assert solfege(phrase) == phrase


@pytest.mark.parametrize("phrase, expected", [
    ("power chords E A D on the triangle", ["e+b", "a+e", "d+a"]),
    ("sus2 chords C F G", ["c+d+g", "f+g+c", "g+a+d"]),
    ("minor chords a, d and e", ["a+c+e", "d+f+a", "e+g+b"]),
])
def test_a_quality_said_once_for_a_list_of_roots(phrase, expected):
    assert chords_of(last(*PAD, phrase)) == expected


@pytest.mark.parametrize("follow_up, expected", [
    ("make the chords minor", ["a+c+e", "f+ab+c", "c+eb+g", "g+bb+d"]),
    ("make them sus4", ["a+d+e", "f+bb+c", "c+f+g", "g+c+d"]),
])
def test_every_chord_changed_at_once(follow_up, expected):
    assert chords_of(last(*PAD, "chords Am F C G", follow_up)) == expected


def test_play_the_chords_for_a_length_each():
    messages = last(*PAD, "chords Am F C G", "play the chords two beats each")
    assert "x-------x-------x-------x-------" in messages[0]


@pytest.mark.parametrize("phrase, pattern", [
    ("play Am for 2 bars then F for 2 bars", "x" + "-" * 31 + "x" + "-" * 31),
    ("Am for a bar then F for a bar then C for a bar", ("x" + "-" * 15) * 3),
    ("chords: Am / F / C", ("x" + "-" * 15) * 3),
])
def test_chords_each_held_as_long_as_said(phrase, pattern):
    messages = last(*PAD, phrase)
    assert messages[0].endswith(pattern) and chords_of(messages)[:2] == ["a+c+e", "f+a+c"]


def test_a_slash_chord_is_still_one_chord():
    assert len(last(*PAD, "play c/e")[0].split()) == 5
