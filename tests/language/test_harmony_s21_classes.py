"""Harmony and rhythm phrasings of the s18–s20 development sets, by class (session 21): note values a part
plays ('hihat 16th', '32nd hats'), triplets of a note value in the bar, moves said loosely ('bass go octave
down', 'down to a lower octave', 'bass key up 2', 'transpose everything 2 up', 'modulate up a step'), a
a capo on a part or under a key's shapes, chord letters
never chatter."""
import pytest

from chronus_shell.language.errors import LanguageError

from .test_time_harmony_classes import ACID, DRUMS, PAD, last, refused

CHORDS = PAD + ("chords g c d", )


@pytest.mark.parametrize("phrase, pattern", [
    ("hihat 16th", "xxxxxxxxxxxxxxxx"), ("hats all the 16ths", "xxxxxxxxxxxxxxxx"), ("16th hats", "xxxxxxxxxxxxxxxx"),
    ("hats eighth notes", "x.x.x.x.x.x.x.x."), ("hats quarters", "x...x...x...x..."),
    ("32nd hats", "[xx]" * 16), ("hihat roll 32th", "[xx]" * 16),
])
def test_a_part_and_a_note_value_plays_every_one(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add hats hat1 {pattern}"]


@pytest.mark.parametrize("phrase", ["echo on quarter notes", "dotted eighth"])
def test_a_note_value_beside_an_effect_is_not_a_rhythm(phrase):
    messages = last(*PAD, "tempo 100", phrase)
    assert not any(m.startswith("/seq/add") for m in messages)


@pytest.mark.parametrize("phrase, pattern", [
    ("hats 1/8 triplets", "[xxx]@4" * 4), ("hats in triplet quavers", "[xxx]@4" * 4),
    ("hats in 16th triplets", "[xxx]@2" * 8), ("hats quarter note triplets", "[xxx]@8" * 2),
])
def test_triplets_of_a_note_value_are_three_in_its_two_in_the_bar(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add hats hat1 {pattern}"]


@pytest.mark.parametrize("phrase", ["bass go octave down", "move the bass line down to a lower octave",
                                    "Please move the bass line down to a lower octave.", "bass octave down"])
def test_an_octave_said_loosely_moves_the_notes(phrase):
    assert last(*ACID, phrase)[-1] == "/seq/notes bass a0 a0 c1 a0"


@pytest.mark.parametrize("phrase", ["bass key up 2", "bass key up 2 for last chorus", "capo 2 on the bass line lol",
                                    "transpose the bass up 2"])
def test_a_part_up_a_number_moves_its_notes_by_semitones(phrase):
    assert last(*ACID, phrase)[-1] == "/seq/notes bass b1 b1 d2 b1"


def test_tone_down_is_not_a_transposition():
    assert not any("/seq/notes" in m for m in last(*ACID, "tone it down"))


def _first_chord(*lines) -> str:
    return next(m for m in last(*lines) if m.startswith("/seq/notes")).split()[2]


@pytest.mark.parametrize("phrase, first", [
    ("transpose everything 2 up", "a+c#+e"), ("modulate up a step for the last chorus", "a+c#+e"),
])
def test_moves_and_a_way_to_a_key(phrase, first):
    assert "".join(c for c in _first_chord(*CHORDS, phrase) if not c.isdigit()) == first



def test_a_step_alone_still_asks_when_no_key_moves():
    assert "whole step" in refused(*ACID, "bass up a step")


@pytest.mark.parametrize("phrase, key", [
    ("capo 4 key of G shape, so really we're in B", "/seq/key b major"), ("capo 4, key of G shapes", "/seq/key b major"),
])
def test_a_capo_under_a_keys_shapes_sets_the_sounding_key(phrase, key):
    assert last(*PAD, phrase) == [key]


def test_chord_letters_are_never_left_out_as_chatter():
    try:                                              # ('try C' was left out: three chords of four played)
        messages = last(*PAD, "could we try C, A minor, D minor, G seven")
    except LanguageError:
        return
    assert any("c4+e4+g4" in m or "c3+e3+g3" in m for m in messages)


def test_a_capo_beside_a_key_without_shapes_still_asks():
    with pytest.raises(LanguageError):
        last(*PAD, "capo 2 in the key of G")


@pytest.mark.parametrize("phrase, pattern", [
    ("kick once a bar", "x..............."), ("kick twice a bar", "x.......x......."), ("hats twice a beat", "x.x." * 4),
    ("the kick only at the start of each bar", "x..............."), ("kick on the first beat of every bar", "x..............."),
    ("kick on the downbeat", "x..............."), ("kick on the downbeats", "x...x...x...x..."),
    ("hats only on the 'and'", "..x...x...x...x."), ("hats on every and", "..x...x...x...x."),
    ("snare only on the 3 like drill", "........x......."),
])
def test_a_spot_said_in_words(phrase, pattern):
    """('kick once a bar' set the kick's decay to a bar, 2 s: a silent wrong.)"""
    track, module = ("hats", "hat1") if "hats" in phrase else ("snare", "snare1") if "snare" in phrase else ("kick", "kick1")
    assert last(*DRUMS, phrase) == [f"/seq/add {track} {module} {pattern}"]


@pytest.mark.parametrize("phrase, chords", [
    ("12 bar in A, dominant sevens", ["a3+c#4+e4+g4"] * 4 + ["d3+f#3+a3+c4"] * 2),
    ("12 bar in A with the quick change", ["a3+c#4+e4", "d3+f#3+a3", "a3+c#4+e4"]),
])
def test_a_twelve_bar_said_without_blues_and_the_quick_change(phrase, chords):
    notes = ["".join(c for c in t if not c.isdigit()) for t in last(*PAD, phrase)[1].split()[2:] if t != "-"]
    assert len(notes) == 12 and notes[:len(chords)] == ["".join(c for c in t if not c.isdigit()) for t in chords]


def test_a_progression_by_a_name_beginning_two_is_not_the_blues():
    notes = [t for t in last(*PAD, "the two of us progression in F")[1].split()[2:] if t != "-"]
    assert len(notes) != 12


def test_so_in_a_solfege_run_is_g_and_never_dropped():
    assert last(*PAD, "melody on the sine: do re mi fa so")[1].split()[2:] == ["c5", "d5", "e5", "f5", "g5"]


def test_a_mood_before_chords_is_not_a_line_of_notes():
    assert "c4+e4+g4" in last(*PAD, "happy chords: c f g c")[1] or "c3+e3+g3" in last(*PAD, "happy chords: c f g c")[1]


@pytest.mark.parametrize("phrase, key", [
    ("put us in A", "/seq/key a major"), ("we're in A", "/seq/key a major"), ("session key is D major", "/seq/key d major"),
    ("the song is in E", "/seq/key e major"), ("we are in Bb minor", "/seq/key bb minor"),
])
def test_a_key_said_as_a_statement_is_set(phrase, key):
    assert last(*PAD, phrase) == [key]


def test_go_to_a_letter_after_a_note_is_not_a_key():
    with pytest.raises(LanguageError):
        last(*PAD, "play C, then go to G at the next bar")


@pytest.mark.parametrize("phrase, key", [("riddim in A minor", "/seq/key a minor"), ("the song in D major", "/seq/key d major")])
def test_a_piece_said_in_a_key(phrase, key):
    assert last(*PAD, phrase) == [key]


def test_a_move_then_where_it_lands_after_a_comma():
    line = ("/seq/add melody sine1 x.x.x.x.x.x.x.x.", "/seq/notes melody d4 eb4 f#4 g4 a4 g4 f#4 eb4")
    assert last(*line, "melody up a fourth, to G")[-1].split()[2] == "g4"


def test_a_sub_said_first_carries_and_a_plain_beat_first_does_not():
    assert last(*DRUMS, "snare on the and of 2 and 4") == ["/seq/add snare snare1 ......x.......x."]
    assert last(*DRUMS, "kick on 1 and the and of 2 and 3") == ["/seq/add kick kick1 x.....x.x......."]


@pytest.mark.parametrize("phrase, key", [("key of d, bhairavi", "/seq/key d phrygian"), ("in d kafi", "/seq/key d dorian")])
def test_a_thaat_is_a_keys_scale(phrase, key):
    assert last(*PAD, phrase) == [key]


def test_am_i_in_tune_is_a_question_not_a_minor():
    with pytest.raises(LanguageError):
        last(*PAD, "Am I in tune?")


def test_up_a_half_is_a_half_step():
    chords = ("/seq/add chords triangle1 x...x...x...x...", "/seq/notes chords a3+c4+e4 f3+a3+c4 c4+e4+g4 g3+b3+d4")
    assert last(*PAD, *chords, "up a half for the last chorus") == [
        "/seq/notes chords bb3+db4+f4 gb3+bb3+db4 db4+f4+ab4 ab3+c4+eb4"]


def test_muted_parts_brought_in_play_again():
    assert last(*ACID, "mute the kick", "mute the hats", "bring the drums in on the next bar") == [
        "/at 1 bar /seq/mute kick 0", "/at 1 bar /seq/mute hats 0"]
