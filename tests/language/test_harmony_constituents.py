"""Harmony read from constituents (harmony_constituents + harmony_sentences): each class said in
several orders and among several verbs — wordings invented here, none copied from a corpus."""
import pytest

from chronus_shell.language import LanguageError, Translator
from chronus_shell.language.harmony_constituents import scan

from .test_time_harmony_classes import last

PAD = ("add a sine at 440 hz", "add a delay", "add a triangle at 220 hz", "add a filter", "add a reverb")


def chords_of(messages: list[str]) -> list[str]:
    """The chords of a chord track's notes message, holds left out."""
    notes = next(m for m in messages if m.startswith("/seq/notes"))
    return [t for t in notes.split()[2:] if t != "-"]


def test_constituents_are_found_wherever_they_stand():
    kinds = [(p.kind, p.value) for p in scan("over 4 bars, ebmaj7 into dm9 on the sine", "over 4 bars, Ebmaj7 into Dm9 on the sine")]
    assert ("span", 16.0) in kinds and ("chord", "ebmaj7") in kinds and ("chord", "dm9") in kinds and ("voice", "sine") in kinds
    kinds = [(p.kind, p.value) for p in scan("iii vi ii v in e flat, two beats each", "iii vi ii V in E flat, two beats each")]
    assert [v for k, v in kinds if k == "degree"] == ["deg:iii", "deg:vi", "deg:ii", "deg:V"]
    assert ("each", 8.0) in kinds


@pytest.mark.parametrize("phrase", [
    "a warm ebmaj9, let it ring", "let it ring: ebmaj9", "hold an ebmaj9 for me please", "ebmaj9 on the pad, just sit on it",
])
def test_one_chord_among_any_words_is_played(phrase):
    gate = last(*PAD, phrase)
    assert len(gate) == 1 and gate[0].startswith("/gate/triangle1 1 ") and len(gate[0].split()) == 7   # five pitches


@pytest.mark.parametrize("phrase, chord", [
    ("a minor 11 on f please", "fm11"), ("dominant 7 on b flat, hold it", "bb7"), ("strum a sus2 on d", "dsus2"),
])
def test_a_quality_is_built_on_the_root_said_after_it(phrase, chord):
    translator = Translator()
    for line in PAD:
        translator.translate(line)
    translator.translate(phrase)
    assert any(chord in said for said in translator.mapper.understood)


@pytest.mark.parametrize("phrase, chords, steps", [
    ("maj7 to 7 on d, 2 beats each", ["d3+f#3+a3+c#4", "d3+f#3+a3+c4"], 8),
    ("fmaj7 moving to em7 over 4 bars", ["f3+a3+c4+e4", "e3+g3+b3+d4"], 32),
    ("vamp on Gm9 then C13, a bar each", None, 16),
])
def test_a_run_of_chords_with_its_length_is_a_progression(phrase, chords, steps):
    messages = last(*PAD, phrase)
    pattern = next(m for m in messages if m.startswith("/seq/add")).split()[3]
    assert pattern == ("x" + "-" * (steps - 1)) * 2
    if chords:
        assert chords_of(messages) == chords


@pytest.mark.parametrize("phrase, count", [
    ("an andalusian cadence in a minor", 4), ("give me the doo-wop progression in e flat", 4),
    ("i want vi IV I V in D", 4), ("IV - V - iii - vi in E, a bar each", 4), ("2 5 1 in g with sevenths", 3),
])
def test_numerals_and_named_progressions_in_a_key(phrase, count):
    assert len(chords_of(last(*PAD, phrase))) == count


def test_an_arpeggio_among_pronouns_and_a_pace():
    messages = last(*PAD, "arp this dm7 on the sine slowly")
    assert messages[0] == "/seq/add arp sine1 x...x...x...x..."


@pytest.mark.parametrize("phrase", [
    "cmaj7 on the pad with glitter",          # a word outside the lexicon: not guessed
    "fmaj7 em7 in 16ths",                     # a note value for chords: not said how
])
def test_what_the_constituents_do_not_settle_is_refused(phrase):
    with pytest.raises(LanguageError):
        last(*PAD, phrase)


@pytest.mark.parametrize("phrase, key", [
    ("tonic b flat, mode lydian", "bb lydian"),
    ("scale phrygian and the root is e", "e phrygian"),
    ("key f# minor, scale harmonic minor", "f# harmonic_minor"),     # the scale said on its own is the precise one
    ("quantise everything to d minor", "d minor"),
    ("aeolian on c# for the last verse", "c# minor"),               # a remark about the song is left out
])
def test_a_key_is_its_tonic_and_scale_wherever_said(phrase, key):
    assert last(*PAD, phrase) == [f"/seq/key {key}"]


@pytest.mark.parametrize("phrase", ["set it in a major key", "tonic e mode lydian or dorian"])
def test_a_key_without_one_tonic_is_not_guessed(phrase):
    with pytest.raises(LanguageError):
        last(*PAD, phrase)


def test_an_instrument_a_pad_stands_for_is_the_pad_voice():
    for phrase in ("a dm11 on the rhodes", "loop bbmaj7 then am7 on the piano"):
        assert any(m.startswith(("/gate/triangle1", "/seq/add chords triangle1")) for m in last(*PAD, phrase))


def test_a_chord_for_a_running_track_named_by_its_name_goes_on_every_hit():
    playing = ("add a saw at 55 hz", "bass x.x.x.x.", "bass notes a1 c2", "start")
    assert last(*playing, "the bass: e minor chord, short stabs") == ["/seq/notes bass e1+g1+b1"]
    assert last(*playing, "play an e minor chord on the saw1")[0].startswith("/gate/saw1 1 ")   # the oscillator: a gate


@pytest.mark.parametrize("phrase, expected", [
    ("motif for the sine: c5 g4 e4 g4", ["/seq/add sine sine1 xxxx", "/seq/notes sine c5 g4 e4 g4"]),
    ("on the sine a theme: e4 . g4 .", ["/seq/add sine sine1 x.x.", "/seq/notes sine e4 . g4 ."]),
    ("the sine: b3 d4 then f#4 a4", ["/seq/add sine sine1 xxxx", "/seq/notes sine b3 d4 f#4 a4"]),
])
def test_a_run_of_notes_with_octaves_for_a_voice_in_any_order(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_letters_called_a_riff_are_notes_and_the_article_a_inside_them_is_the_note():
    assert last(*PAD, "add a saw at 110 hz", "saw riff: a a e g")[-1].endswith("a2 a2 e2 g2")


def test_sonic_pi_chord_and_scale_calls_name_a_chord_and_a_key():
    assert last(*PAD, "play chord(:g3, :minor7) on the sine")[0].startswith("/gate/sine1 1 ")
    assert last(*PAD, "use scale(:bb2, :dorian) for the key") == ["/seq/key bb dorian"]


@pytest.mark.parametrize("phrase", ["drone on d", "let the sine sustain a d", "hold a d for me"])
def test_one_note_said_with_a_verb_that_sounds_it_is_a_gate(phrase):
    gate = last(*PAD, phrase)
    assert len(gate) == 1 and gate[0].startswith("/gate/") and len(gate[0].split()) == 3


@pytest.mark.parametrize("phrase, steps", [
    ("Bbmaj7 Gm7, each lasting 2 bars", 32), ("Bbmaj7 Gm7 changing every beat", 4), ("three chords, Bb Gm and F, a bar each", 16),
    ("in the key of Eb: IV I", 16),
])
def test_how_long_each_chord_lasts_said_as_musicians_do(phrase, steps):
    pattern = next(m for m in last(*PAD, phrase) if m.startswith("/seq/add")).split()[3]
    assert pattern.startswith("x" + "-" * (steps - 1) + "x")


def test_a_quality_said_of_the_chords_that_follow_is_not_a_chord_of_its_own():
    assert len(chords_of(last(*PAD, "the pad plays a major chords: D G A"))) == 3
    assert len(chords_of(last(*PAD, "progression a minor, d minor, e minor"))) == 3


@pytest.mark.parametrize("phrase", ["put d f a on the sine", "b d f#", "play e g b on the pad"])
def test_letters_neither_called_notes_nor_chords_name_both_readings(phrase):
    with pytest.raises(LanguageError, match="notes one after another .* or one chord"):
        last(*PAD, phrase)


def test_letters_after_a_label_are_notes():
    assert last(*PAD, "sine: e, then g, then a")[-1].split()[2:] == ["e4", "g4", "a4"]


def test_a_key_change_with_no_key_and_no_notes_to_move_sets_the_key_named():
    assert last(*PAD, "in 2 bars modulate to a flat major") == ["/at 2 bar /seq/key ab major"]
    with pytest.raises(LanguageError, match="which key"):
        last(*PAD, "add a saw at 110 hz", "notes a c e", "modulate to d minor")    # notes to move: from which key?


def test_numerals_between_dashes_and_a_voice_said_with_as():
    assert len(chords_of(last(*PAD, "i - iv - v - i in e minor as a sine part"))) == 4
    assert last(*PAD, "i - iv - v - i in e minor as a sine part")[0].startswith("/seq/add chords sine1 ")


@pytest.mark.parametrize("phrase, pitches", [
    ("let's hear an E7 on the sine", 4), ("chorus chords E B C#m A, half a bar each", None), ("jazz ii V I in F", None),
])
def test_section_and_style_words_and_a_capital_chord_with_a_number(phrase, pitches):
    messages = last(*PAD, phrase)
    if pitches:
        assert messages[0].startswith("/gate/sine1 1 ") and len(messages[0].split()) == 2 + pitches
    else:
        assert any(m.startswith("/seq/notes chords") for m in messages)


@pytest.mark.parametrize("phrase", ["play c e g together", "c e g at once on the triangle", "stack c e g on the triangle",
                                    "on the triangle, c+e+g", "together: c e g on the triangle please"])
def test_notes_at_once_are_read_from_their_parts_in_any_order(phrase):
    assert last(*PAD, phrase)[-1].startswith("/gate/triangle1 1 130.812783 164.813778 195.997718")


@pytest.mark.parametrize("phrase", ["tune the triangle to e", "retune the triangle to e please", "tune the triangle up to e",
                                    "set the triangle to e"])
def test_an_oscillator_tuned_to_a_note_is_read_from_its_parts(phrase):
    assert last(*PAD, phrase) == ["/mod/triangle1/freq 164.813778"]


@pytest.mark.parametrize("phrase", ["chords dm bb f c, one for bar", "chords Dm, Bb, F and C, one in each bar",
                                    "dm bb f c, each for a bar", "dm bb f c, one chord on every bar"])
def test_one_chord_a_bar_said_with_for_in_or_on(phrase):
    notes = last(*PAD, phrase)[-1].split()[2:]
    assert len(notes) == 64 and sum(n != "-" for n in notes) == 4


@pytest.mark.parametrize("phrase", ["release the chord", "let go of the chord on the triangle", "Release the chords, please."])
def test_releasing_the_chord_closes_the_voice_gate(phrase):
    assert last(*PAD, "hold a C minor chord on the triangle", phrase) == ["/gate/triangle1 0"]


@pytest.mark.parametrize("phrase", ["chords am f c g, longer release", "chords am f c g together"])
def test_a_part_no_reading_places_is_refused_not_dropped(phrase):
    translator = Translator()
    for line in PAD:
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate(phrase)
