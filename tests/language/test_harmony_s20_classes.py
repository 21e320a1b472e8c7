"""Harmony phrasings from the s20 development set, by class (session 20): bare letters spelling one
chord are an arpeggio's notes; a drone sits at or below its voice; a key said with 'key' is set as
well as read; 'but with' swaps the chord on the same root; 'the e above it' is placed from the note
the voice last played."""
import pytest

from chronus_shell.language.errors import LanguageError
from chronus_shell.language.translator import Translator

from .test_time_harmony_classes import PAD, last


@pytest.mark.parametrize("phrase, notes, pattern", [
    ("arp A C E A going up, 16th, on the sine", "a4 c5 e5 a5", "xxxxxxxxxxxxxxxx"),
    ("arpeggiate G B D G in eighths on the sine", "g4 - b4 - d5 - g5 -", "x.x.x.x.x.x.x.x."),
    ("arp a c e a on the sine", "a4 c5 e5 a5", "xxxxxxxxxxxxxxxx"),        # 'a' beside letters is the note
    ("arpeggiate c e g on the sine", "c5 e5 g5", "xxxxxxxxxxxxxxxx"),
    ("arp a3 c4 e4 a4 on the sine", "a3 c4 e4 a4", "xxxxxxxxxxxxxxxx"),     # octaves written: no rate needed
])
def test_letters_spelling_one_chord_are_its_notes_one_after_another(phrase, notes, pattern):
    assert last(*PAD, phrase) == [f"/seq/add arp sine1 {pattern}", f"/seq/notes arp {notes}"]


def test_letters_that_are_a_progression_stay_chords():
    messages = last(*PAD, "arp c f g on the sine")              # C F G spells no triad: three chords
    assert "c4 e4 g4" in messages[1] and "f4 a4 c5" in messages[1]


def test_a_falling_arpeggio_of_bare_letters_asks_for_octaves():
    with pytest.raises(LanguageError, match="arp a4 e4 c4 a3"):
        last(*PAD, "arp a c e a going down on the sine")


@pytest.mark.parametrize("phrase, hz", [
    ("a drone on D", "146.832384"), ("play drone of D, like the oud open string", "146.832384"),
    ("drone on a", "220.0"),                                    # the voice's own A: at or below, not an octave down
    ("play d", "293.664768"),                                   # no drone word: the nearest D
])
def test_a_drone_sits_at_or_below_its_voice(phrase, hz):
    assert last("add a triangle at 220 hz", phrase) == [f"/gate/triangle1 1 {hz}"]


def test_a_key_said_with_key_is_set_and_a_key_after_in_only_reads_the_numbers():
    assert last(*PAD, "key of D. 1 4 5 4")[0] == "/seq/key d major"
    assert not any(m.startswith("/seq/key") for m in last(*PAD, "1 4 1 5 in Ab, bar each"))


def test_but_with_swaps_the_chord_on_the_same_root():
    notes = last(*PAD, "Em C G D but with Em7 and Cadd9")[1]
    chords = [n for n in notes.split()[2:] if n != "-"]
    assert [{c[0] for c in chord.split("+")} for chord in chords] == [set("egbd"), set("cegd"), set("gbd"), set("dfa")]
    with pytest.raises(LanguageError, match="no chord on its root"):
        last(*PAD, "am f c g but with dm")


@pytest.mark.parametrize("phrase, hz", [
    ("Perhaps the E above it, a little higher?", "329.627557"), ("the g below it", "195.997718"),
    ("the c above it", "523.251131"),
])
def test_a_note_above_or_below_the_one_just_played(phrase, hz):
    assert last("add a triangle at 220 hz", "/gate/triangle1 1 261.63", phrase) == [f"/gate/triangle1 1 {hz}"]


def test_a_note_above_nothing_held_is_asked():
    translator = Translator()
    translator.translate("add a triangle at 220 hz")
    with pytest.raises(LanguageError, match="above what"):
        translator.translate("the e above it")


@pytest.mark.parametrize("phrase, key", [
    ("maqam nahawand on C", "c harmonic_minor"), ("maqam kurd from D", "d phrygian"), ("hijazkar from C", "c double_harmonic"),
    ("hijaz on D", "d phrygian_dominant"), ("harmonic minor on C", "c harmonic_minor"),
    ("d phrygian dominant", "d phrygian_dominant"), ("e whole tone scale", "e whole_tone"),
])
def test_scales_named_by_tradition_are_keys(phrase, key):
    assert last(*PAD, phrase) == [f"/seq/key {key}"]


def test_a_quarter_tone_maqam_is_refused_by_name():
    with pytest.raises(LanguageError, match="bayati needs quarter tones"):
        last(*PAD, "maqam bayati on D")


def test_a_scale_of_a_mode_from_a_note_is_played_up():
    assert last(*PAD, "play scale of hijaz from D on the sine, 8th notes, going up")[1] == \
        "/seq/notes sine d5 - eb5 - f#5 - g5 - a5 - bb5 - c6 - d6 -"


@pytest.mark.parametrize("phrase", ["key of A, 1 5 6 4, whole notes", "Em C G D, whole bar each",
                                    "Would you play the chords F, B flat, C and F, one to a bar?",
                                    "2 minor to 5 to 1 in G", "chords am f c g one per bar"])
def test_a_chord_a_bar_said_the_ways_musicians_say_it(phrase):
    messages = last(*PAD, phrase)
    add = next(m for m in messages if m.startswith("/seq/add"))
    assert set(add.split()[-1].split("x")[1:-1]) == {"-" * 15}     # each chord holds its whole bar


@pytest.mark.parametrize("phrase, hz", [
    ("hold a low G on the sine", "97.998859"), ("On the sine, please hold a low G, like the organ pedals.", "97.998859"),
])
def test_a_note_said_low_sits_in_the_second_octave(phrase, hz):
    assert last(*PAD, phrase) == [f"/gate/sine1 1 {hz}"]


@pytest.mark.parametrize("phrase, first", [
    ("Transpose the bass sequence by a perfect fifth", "e2"), ("key up half step", "bb1"),
    ("last chorus key up half step", "bb1"), ("key up 2 for the last chorus", "b1"),
])
def test_transpositions_said_with_interval_names_and_sections(phrase, first):
    acid = ("add a saw at 55 hz", "add acid filter", "bass x.x.x.x.x.x.x.x.", "bass notes a1 a1 c2 a1 e2 a1 g1 a1")
    notes = next(m for m in last(*acid, phrase) if m.startswith("/seq/notes"))
    assert notes.split()[2] == first


@pytest.mark.parametrize("phrase, pattern", [
    ("dub chord Cm7 on the offbeats", "..x...x...x...x."), ("cm7 on the offbeats", "..x...x...x...x."),
    ("am chord on every beat", "x...x...x...x..."), ("cm7, rhythm x..x..x.", "x..x..x.x..x..x."),
])
def test_one_chord_in_a_rhythm(phrase, pattern):
    add, notes = last("add a triangle at 220 hz", phrase)
    assert add.endswith(f"triangle1 {pattern}") and len(notes.split()) == 3      # the chord, every hit


@pytest.mark.parametrize("phrase", ["skank chords Am Dm, one bar each", "chords am dm on the offbeat",
                                    "chords am dm, rhythm ..x...x...x...x."])
def test_chords_in_a_rhythm_change_each_span_at_its_first_hit(phrase):
    add, notes = last("add a triangle at 220 hz", phrase)
    steps = notes.split()[2:]
    assert add.split()[-1] == "..x...x...x...x." * 2
    assert steps[2] == "a3+c4+e4" and steps[18] == "d3+f3+a3" and set(steps) - {"a3+c4+e4", "d3+f3+a3"} == {"-"}


def test_a_rhythm_said_with_something_not_chords_is_left_to_the_rest():
    assert last(*PAD, "hats on the offbeats")[-1] == "/seq/add hats hat1 ..x...x...x...x."


@pytest.mark.parametrize("phrase, expected", [
    ("shift key to D major", ["/seq/key d major"]), ("after 2 bars shift key to D major", ["/at 2 bar /seq/key d major"]),
])
def test_shift_the_key_is_a_key_change(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase", ["stop that chord", "kill that chord", "end the chord"])
def test_stopping_the_one_chord_held_releases_it(phrase):
    assert last("add a triangle at 220 hz", "play a C chord", phrase) == ["/gate/triangle1 0"]


def test_stopping_a_chord_track_mutes_it():
    assert last("add a triangle at 220 hz", "chords am f c g", "stop the chords") == [
        "/seq/mute chords 1", "/mod/triangle1/gain 0.0"]      # a drone: its last chord would ring on (s25)
