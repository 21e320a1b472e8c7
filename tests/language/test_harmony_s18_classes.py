"""Harmony phrasings by CLASS (session 18): solfège note names, a chord or key said alone, … — each
test one shape said several ways, wordings invented here, none copied from a corpus."""
import pytest

from chronus_shell.language.harmony_solfege import solfege

from .test_time_harmony_classes import PAD, last, refused

BASS = ("add a saw at 110 hz", "bass notes a2 c3 e3 g3")


@pytest.mark.parametrize("text, expected", [
    ("notes re fa la do", "notes d f a c"),                       # a run of syllables
    ("mi menor, do, sol y re", "e minor, c, g y d"),               # a marked one, then its run
    ("la bemol mayor", "ab major"),
    ("fa sostenido menor", "f# minor"),
    ("notas sol si re", "notes g b d"),
    ("the key of sol", "the key of g"),                           # after a word that announces a note
    ("acorde de mi", "chord of e"),
])
def test_solfege_syllables_are_letters_where_they_can_only_be_notes(text, expected):
    assert solfege(text) == expected


@pytest.mark.parametrize("text", ["do it again", "the lab", "si, more reverb", "do the fade"])
def test_english_words_that_are_also_syllables_stay_words(text):
    assert solfege(text).split()[0] == text.split()[0] and "lab" not in solfege(text).replace("the lab", "")


@pytest.mark.parametrize("phrase, expected", [
    ("key of Mi menor", ["/seq/key e minor"]),
    ("the tonalidad es Si bemol mayor", ["/seq/key bb major"]),
    ("in fa sostenido minor", ["/seq/key f# minor"]),
])
def test_a_key_said_in_solfege(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, pitch_classes", [
    ("play the acorde de re menor", {2, 5, 9}),
    ("chord of sol mayor on the sine", {7, 11, 2}),
])
def test_a_chord_said_in_solfege(phrase, pitch_classes):
    gate = last(*PAD, phrase)[-1].split()
    assert {round(12 * __import__("math").log2(float(hz) / 440)) % 12 for hz in gate[2:]} == \
        {(pc - 9) % 12 for pc in pitch_classes}


def test_a_progression_said_in_solfege_one_a_bar():
    messages = last(*PAD, "progression mi menor, do, sol, re, uno por compás on the triangle")
    assert [n for n in messages[-1].split()[2:] if n != "-"] == ["e3+g3+b3", "c3+e3+g3", "g3+b3+d4", "d3+f#3+a3"]
    assert messages[0].endswith("x" + "-" * 15 + ("x" + "-" * 15) * 3)


@pytest.mark.parametrize("before, phrase, expected", [
    (("play a d minor chord",), "now e flat major", "/gate/sine1 1"),
    (("play an am chord on the sine",), "F major", "/gate/sine1 1"),          # the voice the chord was on
    ((), "G minor", "/gate/sine1 1"),                                            # a voice that plays nothing yet
])
def test_a_bare_chord_name_after_a_chord_or_on_a_silent_voice_is_the_chord(before, phrase, expected):
    assert last(*PAD, *before, phrase)[-1].startswith(expected)


@pytest.mark.parametrize("before", [BASS, ("in d minor",)])
def test_a_bare_chord_name_over_a_playing_line_or_a_key_is_the_key(before):
    assert last(*PAD, *before, "c minor") == ["/seq/key c minor"]


def test_a_bare_chord_name_after_both_a_key_and_a_chord_is_asked():
    assert "say which" in refused(*PAD, "play a c chord", "in e minor", "g major")


def _classes(gate: str) -> set[int]:
    """The pitch classes (C = 0) of a /gate line's Hz."""
    import math
    return {(round(12 * math.log2(float(hz) / 440)) + 9) % 12 for hz in gate.split()[2:]}


@pytest.mark.parametrize("phrase, classes", [
    ("Gmaj7 second inversion", {7, 11, 2, 6}),
    ("a D minor triad in root position", {2, 5, 9}),
    ("Bb7, third inversion", {10, 2, 5, 8}),
])
def test_an_inversion_or_root_position_said_after_the_chord(phrase, classes):
    gate = last(*PAD, phrase)[-1]
    assert _classes(gate) == classes


@pytest.mark.parametrize("phrase, lowest", [
    ("now the same chord in second inversion", 7), ("put it in first inversion", 4), ("that in root position", 0),
])
def test_the_same_chord_in_an_inversion(phrase, lowest):
    gate = last(*PAD, "play a c major chord", "invert it", phrase)[-1].split()
    import math
    assert (round(12 * math.log2(float(gate[2]) / 440)) + 9) % 12 == lowest


@pytest.mark.parametrize("phrase, classes", [
    ("the 6/9 on F", {5, 9, 0, 2, 7}), ("a m6/9 on D", {2, 5, 9, 11, 4}), ("lemme hear an Ebmaj9", {3, 7, 10, 2, 5}),
    ("let me hear a C#m7", {1, 4, 8, 11}), ("B dim7 passing chord", {11, 2, 5, 8}), ("an A7 approach chord", {9, 1, 4, 7}),
])
def test_chord_symbols_said_with_a_role_or_as_a_bare_quality_on_a_root(phrase, classes):
    assert _classes(last(*PAD, phrase)[-1]) == classes


@pytest.mark.parametrize("phrase, tokens, steps", [
    ("Dsus4 for a bar then D", ["d4+g4+a4", "d4+f#4+a4"], 16),
    ("C7sus4 for two beats then C7", ["c4+f4+g4+bb4", "c4+e4+g4+bb4"], 8),
])
def test_a_chord_held_for_a_time_then_another_is_a_track_with_that_length_each(phrase, tokens, steps):
    messages = last(*PAD, phrase)
    assert messages[0].split()[-1] == ("x" + "-" * (steps - 1)) * 2
    assert [t for t in messages[-1].split()[2:] if t != "-"] == tokens


@pytest.mark.parametrize("phrase, classes", [("resolve it to F", {5, 9, 0}), ("resolve that to d minor", {2, 5, 9}),
                                             ("resolve it back to the Bb", {10, 2, 5})])
def test_resolving_the_last_chord_to_a_named_one_plays_that_chord(phrase, classes):
    assert _classes(last(*PAD, "play a c7 chord", phrase)[-1]) == classes


def _chords(message: str) -> list[str]:
    return [t for t in message.split()[2:] if t != "-"]


@pytest.mark.parametrize("phrase, first", [("a 2-5-1 in F", "g3+bb3+d4+f4"), ("2 5 1 in D, two beats each", "e3+g3+b3+d4")])
def test_a_two_five_one_in_digits_is_the_jazz_cadence_in_sevenths(phrase, first):
    chords = _chords(last(*PAD, phrase + " on the triangle")[-1])
    assert len(chords) == 3 and chords[0] == first and all(len(c.split("+")) == 4 for c in chords)


@pytest.mark.parametrize("before, phrase, changed", [
    ("a 2 5 1 in Bb on the triangle", "tritone sub on the 5", 1),       # the V7 only
    ("chords c f g c on the triangle", "tritone sub it", 2),             # the major triad a fifth over the tonic
    ("chords dm7 g7 cmaj7 on the triangle", "tritone substitution for the dominant", 1),
])
def test_a_tritone_sub_in_a_chord_track_replaces_its_dominant_only(before, phrase, changed):
    start = _chords(last(*PAD, before)[-1])
    after = _chords(last(*PAD, before, phrase)[-1])
    assert [i for i, (a, b) in enumerate(zip(start, after)) if a != b] == [changed]


@pytest.mark.parametrize("phrase, first", [
    ("put the 2 5 1 in G instead", "a3+c4+e4+g4"), ("play the changes in E", "f#3+a3+c#4+e4"),
    ("take the ii V I into D", "e3+g3+b3+d4"),
])
def test_a_progression_named_and_put_in_another_key(phrase, first):
    said = _chords(last(*PAD, "2 5 1 in C on the triangle", phrase)[-1])[0]
    assert said.translate(str.maketrans("", "", "0123456789")) == first.translate(str.maketrans("", "", "0123456789"))


def test_back_to_a_key_after_moving_by_an_interval():
    moved = last(*PAD, "2 5 1 in Eb on the triangle", "move it all up a whole step to F", "back down to Eb")
    assert _chords(moved[-1])[0] == "f3+ab3+c4+eb4"


@pytest.mark.parametrize("chords, key_chord", [("am f c g", "a"), ("g d em c", "g"), ("bbm7 eb7 abmaj7", "ab")])
def test_a_chord_track_without_a_key_moves_from_the_key_its_chords_fit(chords, key_chord):
    moved = last(*PAD, f"chords {chords} on the triangle", "put it in e")
    assert _chords(moved[-1])[-1 if key_chord == "ab" else 0].startswith("e")


def _notes(message: str) -> list[str]:
    return [t for t in message.split()[2:] if t != "-"]


@pytest.mark.parametrize("phrase, notes", [
    ("play the g major scale in 16ths, one octave up from g3", "g3 a3 b3 c4 d4 e4 f#4 g4"),
    ("a D major scale from D4", "d4 e4 f#4 g4 a4 b4 c#5 d5"),
    ("the f major scale over two octaves starting on f3", "f3 g3 a3 bb3 c4 d4 e4 f4 g4 a4 bb4 c5 d5 e5 f5"),
    ("a chromatic scale from E3 to E4", "e3 f3 f#3 g3 g#3 a3 a#3 b3 c4 c#4 d4 d#4 e4"),
    ("the a minor scale descending from a5 to a4", "a5 g5 f5 e5 d5 c5 b4 a4"),
    ("the c major scale, one octave down from middle c", "c4 b3 a3 g3 f3 e3 d3 c3"),
])
def test_a_scale_run_with_where_it_starts_and_how_far_it_goes(phrase, notes):
    assert _notes(last(*PAD, phrase)[-1]) == notes.split()


@pytest.mark.parametrize("phrase", ["the d dorian scale from c4", "a c major scale from c4 to g4"])
def test_a_scale_run_that_does_not_start_on_its_tonic_or_span_octaves_is_refused(phrase):
    refused(*PAD, phrase)


@pytest.mark.parametrize("before, phrase, notes", [
    ("play the d minor scale", "descending now", "d6 c6 bb5 a5 g5 f5 e5 d5"),
    ("arpeggiate cmaj7 in 16ths", "the arp going down instead", "b3 g3 e3 c3"),
    ("notes e4 d4 c4", "play it ascending", "c4 d4 e4"),
])
def test_a_line_of_notes_turned_the_other_way(before, phrase, notes):
    assert _notes(last(*PAD, before + " on the triangle" if "scale" not in before else before, phrase)[-1]) == \
        notes.split()


def test_a_line_already_going_that_way_is_left_as_it_is():
    assert last(*PAD, "play the c major scale", "ascending") == []


@pytest.mark.parametrize("phrase, notes", [
    ("now in d minor", "d4 e4 f4 g4 a4 bb4 c5 d5"),
    ("in e minor, the melodic form", "e4 f#4 g4 a4 b4 c#5 d#5 e5"),
])
def test_a_key_said_just_after_a_scale_plays_that_scale_in_the_key(phrase, notes):
    assert _notes(last(*PAD, "play the c major scale from middle c", phrase)[-1]) == notes.split()


@pytest.mark.parametrize("phrase, key", [
    ("two flats", "bb major"), ("four sharps, but minor", "c# minor"), ("key signature with one sharp", "g major"),
    ("no flats, minor", "a minor"),
])
def test_a_key_said_by_its_signature(phrase, key):
    assert last(*PAD, phrase) == [f"/seq/key {key}"]


@pytest.mark.parametrize("phrase, notes", [
    ("the triangle plays a melody: G4 B4 D5 C5", "g4 b4 d5 c5"),            # capitals with a 5 are notes in a melody
    ("lead line on the sine: E5 D5 C5 D5 E5", "e5 d5 c5 d5 e5"),
    ("the sine plays a riff: C5 G4 A4, quarter notes", "c5 g4 a4"),
])
def test_notes_typed_in_capitals_in_a_melody_are_notes_not_power_chords(phrase, notes):
    assert _notes(last(*PAD, phrase)[-1]) == notes.split()


def test_power_chords_in_capitals_without_a_melody_stay_chords():
    assert "+" in last(*PAD, "chords C5 G5 on the triangle")[-1]


@pytest.mark.parametrize("phrase, created", [
    ("melody on a saw: a4 c5 e5", "saw1"), ("a riff on a square wave: e4 g4 a4", "square1"),
    ("notes on a sine: c5 d5", "sine2"),
])
def test_a_melody_on_a_new_oscillator_adds_it_and_gives_it_the_notes(phrase, created):
    messages = last(*PAD, phrase)
    assert messages[0].startswith(f"/patch/create {created} ") and f" {created} " in messages[-2]


@pytest.mark.parametrize("phrase, notes", [
    ("walk the bass up chromatic from F to A on the triangle", "f2 f#2 g2 g#2 a2"),
    ("walk up chromatically from b3 to d4", "b3 c4 c#4 d4"),
    ("walk down in half steps from e5 to c5", "e5 eb5 d5 db5 c5"),
])
def test_a_chromatic_walk_between_two_notes(phrase, notes):
    assert [n for n in _notes(last(*PAD, phrase)[-1]) if n not in "-."] == notes.split()   # (in quarter notes since s24)


@pytest.mark.parametrize("phrase, notes, pattern", [
    ("an alberti bass in g: g d b d", "g3 d4 b3 d4", "x.x.x.x.x.x.x.x."),
    ("alberti bass in d minor for the left hand", "d3 a3 f3 a3", "x.x.x.x.x.x.x.x."),
    ("Alberti figure in F, sixteenths", "f3 c4 a3 c4", "x" * 16),
])
def test_an_alberti_bass_is_low_each_note_above_the_first(phrase, notes, pattern):
    messages = last(*PAD, phrase + " on the triangle")
    assert messages[0].split()[-1] == pattern and _notes(messages[-1]) == notes.split()


@pytest.mark.parametrize("phrase, chord", [("just vamp on the 1 chord", "f3+a3+c4+e4"), ("stay on the five", "c3+e3+g3+bb3"),
                                           ("hang on the ii for a while", "g3+bb3+d4+f4")])
def test_vamping_on_one_chord_of_the_progression(phrase, chord):
    assert _notes(last(*PAD, "a 2 5 1 in F on the triangle", phrase)[-1]) == [chord]


@pytest.mark.parametrize("phrase, third", [("now a sad chord", 155.563492), ("make it happy", 164.813778)])
def test_a_sad_or_happy_chord_after_a_chord_is_its_minor_or_major(phrase, third):
    before = "play a c minor chord on the triangle" if "happy" in phrase else "play a c major chord on the triangle"
    assert float(last(*PAD, before, phrase)[-1].split()[3]) == third


@pytest.mark.parametrize("phrase", ["each chord should last 2 bars instead", "every chord must last two bars"])
def test_chords_retimed_with_a_modal_verb_or_instead(phrase):
    assert last(*PAD, "chords am f c g on the triangle", phrase)[0].endswith("x" + "-" * 31 + ("x" + "-" * 31) * 3)


@pytest.mark.parametrize("phrase, first", [("put the bassline in D minor", "d3"), ("transpose it all to C", "c3"),
                                           ("play the melody in b minor", "b2")])
def test_a_line_of_notes_named_moves_from_the_key_it_fits_when_none_is_set(phrase, first):
    assert _notes(last(*PAD, "triangle notes a2 c3 e3 g3 a2", phrase)[-1])[0] == first


def test_a_key_change_without_a_key_or_a_line_named_is_still_asked():
    assert "from which key" in refused(*PAD, "triangle notes a2 c3 e3 g3", "transpose to e minor")


@pytest.mark.parametrize("phrase", ["Might the triangle play a D minor chord?", "i'd like the triangle to play a d minor chord",
                                    "could the triangle hold a d minor chord"])
def test_a_voice_asked_politely_to_play_a_chord(phrase):
    assert last(*PAD, phrase)[-1].startswith("/gate/triangle1 1 146.8")


@pytest.mark.parametrize("phrase, pattern", [
    ("play the a minor scale ascending, eighth notes", "x.x.x.x.x.x.x.x."), ("the e major scale in quarter notes", "x...x...x...x..." * 2),   # 8 quarters: two bars, every note
    ("play the notes of the f major scale one at a time", "xxxxxxxx"),
])
def test_a_scale_run_in_a_note_value(phrase, pattern):
    messages = last(*PAD, phrase + " on the triangle")
    assert messages[0].split()[-1] == pattern and len(_notes(messages[-1])) == 8


@pytest.mark.parametrize("note, hz", [("A", 55.0), ("F", 43.653529), ("c", 65.406391)])
def test_a_kick_is_tuned_to_a_note_near_its_pitch(note, hz):
    assert last("add a kick", f"tune the kick to {note}") == [f"/mod/kick1/freq {hz}"]


def test_a_snare_is_tuned_by_its_body_pitch():
    assert last("add a snare", "tune the snare to d")[0].startswith("/mod/snare1/tone 146.83")


@pytest.mark.parametrize("phrase, voice", [("add a square wave playing c d e g", "square1"),
                                           ("add a saw playing a c e", "saw1")])
def test_an_oscillator_added_playing_notes(phrase, voice):
    messages = last("add a kick", phrase)
    assert messages[0] == f"/patch/create {voice} {voice[:-1]}" and messages[-1].startswith("/seq/notes ")


@pytest.mark.parametrize("phrase, count", [("play the tritone, d and g#, for tension", 2), ("perfect fifth: a and e", 2),
                                           ("octaves on e, e2 e3 e4", 3), ("a minor third, b and d on the triangle", 2)])
def test_an_interval_named_with_its_notes_plays_them_at_once(phrase, count):
    assert len(last(*PAD, phrase)[-1].split()) == 2 + count


def test_an_interval_whose_notes_do_not_make_it_is_not_read_as_it():
    refused(*PAD, "the tritone c and g")
