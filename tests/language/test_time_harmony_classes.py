"""Harmony, time and rhythm English by phrasing CLASS (not by sentence): each test is one shape
said several ways — wordings invented here, none copied from a corpus."""
import math
import re

import pytest

from chronus_shell.language import LanguageError, Translator
from chronus_shell.language.parser import parse

ACID = ("add a saw at 55 hz", "add acid filter", "add an adsr", "bass x.xX.x.xx.Xx.x.x", "bass notes a1 a1 c2 a1",
        "kick x...x...x...x...", "hats ..x...x...x...x.", "cutoff 800")
DRUMS = ("kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.", "tempo 120")
PAD = ("add a triangle at 220 hz", "add a filter", "add a reverb", "add a sine at 440 hz", "add a delay")


def last(*lines) -> list[str]:
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    return [str(m) for m in translator.translate(lines[-1])]


def echo(*lines) -> str:
    """What the shell said it understood of the last line (the lines before it typed first)."""
    translator = Translator()
    for line in lines:
        translator.translate(line)
    return " | ".join(translator.understood)


def refused(*lines) -> str:
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    with pytest.raises(LanguageError) as err:
        translator.translate(lines[-1])
    return str(err.value)


# --- time: where the length sits and how it is said -------------------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    ("resonance to 0.7 over about 4 bars", ["/ramp/acid_filter1/resonance 0.7 16"]),
    ("cutoff up to 3k across roughly 2 bars", ["/ramp/acid_filter1/cutoff 3000.0 8"]),
    ("open the cutoff across 2 bars to 4k", ["/ramp/acid_filter1/cutoff 4000.0 8"]),        # the length mid-line
    ("cutoff to 1500 over half a minute", ["/ramp/acid_filter1/cutoff 1500.0 64"]),          # minutes (128 bpm)
    ("resonance to 0.2 over 8", ["/ramp/acid_filter1/resonance 0.2 32"]),                     # a bare count: bars
])
def test_a_ramp_length_with_filler_inside_the_line_in_minutes_or_without_a_unit(phrase, expected):
    assert last(*ACID, "tempo 128", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("tempo up to 140 over 8 bars please", ["/seq/bpm 140.0 ramp 32"]),
    ("ok, tempo down to 100 over 4 bars", ["/seq/bpm 100.0 ramp 16"]),
    ("cutoff down to 300 over 2 bars sort of dull", ["/ramp/acid_filter1/cutoff 300.0 8"]),
    ("tempo to 110 over 4 bars like a rallentando", ["/seq/bpm 110.0 ramp 16"]),
    ("tempo to 150 nice and slow over 16 bars", ["/seq/bpm 150.0 ramp 64"]),
])
def test_words_around_a_timed_change_that_say_nothing_more(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("the resonance crawls up to 0.8 over 4 bars", ["/ramp/acid_filter1/resonance 0.8 16"]),
    ("let the bpm fall to 90 over 8 bars", ["/seq/bpm 90.0 ramp 32"]),
    ("close the cutoff back down to 250 over 4 bars", ["/ramp/acid_filter1/cutoff 250.0 16"]),
    ("slide the detune to 12 cents on the saw over 2 bars", ["/ramp/saw1/detune 12.0 8"]),
    ("resonance: 0.1 -> 0.9 over 4 bars", ["/mod/acid_filter1/resonance 0.1", "/ramp/acid_filter1/resonance 0.9 16"]),
    ("sweep from 400 to 2k over 4 bars", ["/mod/acid_filter1/cutoff 400.0", "/ramp/acid_filter1/cutoff 2000.0 16"]),
])
def test_word_orders_of_a_move_subject_first_owner_last_arrows_and_an_implied_cutoff(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_an_exp_curve_and_two_timed_changes_joined_by_and():
    assert last(*ACID, "cutoff back to 400 over 2 bars, exp") == ["/ramp/acid_filter1/cutoff 400.0 8 exp"]
    assert last(*ACID, "cutoff to 2k over 2 bars and resonance to 0.3 over 4") == [
        "/ramp/acid_filter1/cutoff 2000.0 8", "/ramp/acid_filter1/resonance 0.3 16"]


@pytest.mark.parametrize("phrase", ["stop on the bar line", "stop at the bar", "wait, stop at the end of the bar pls"])
def test_a_stop_at_the_bar_said_several_ways(phrase):
    assert last(*DRUMS, phrase) == ["/seq/stop bar"]


@pytest.mark.parametrize("phrase, expected", [
    ("snare out 2 bars", ["/seq/mute snare 1 2"]),
    ("the hats drop out for a bar", ["/seq/mute hats 1 1"]),
    ("kick sits out 4 bars", ["/seq/mute kick 1 4"]),
    ("no snare for 2 bars, then back in", ["/seq/mute snare 1 2"]),        # it comes back by itself: not unmuted now
])
def test_a_part_out_for_some_bars_is_a_timed_mute(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_a_fade_in_from_silence_and_a_swell_of_a_nicknamed_voice():
    assert last(*PAD, "fade the sine up from silence over 2 bars") == ["/mod/sine1/gain 0.0", "/ramp/sine1/gain 0.5 8"]
    assert last(*PAD, "swell the pad in over 2 bars")[-1].startswith("/ramp/triangle1/gain")


# --- harmony: intervals, key changes, keys said in any order -----------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    ("lower them a whole tone", "/seq/notes bass g1 g1 a#1 g1"),
    ("raise it a minor third", "/seq/notes bass c2 c2 d#2 c2"),
    ("transpose it up a perfect fifth", "/seq/notes bass e2 e2 g2 e2"),
    ("then down a tritone", "/seq/notes bass d#1 d#1 f#1 d#1"),
])
def test_interval_names_and_verbs_that_carry_the_direction_move_the_notes(phrase, expected):
    assert last(*ACID, phrase)[-1] == expected


def test_a_key_moved_by_an_interval_moves_the_key_and_its_note_tracks():
    assert last(*PAD, "key eb major", "modulate up a half step") == ["/seq/key e major"]
    assert last(*PAD, "key f major", "take it down a whole step") == ["/seq/key eb major"]   # only a key: the key
    assert last(*ACID, "key a minor", "the key up a perfect fourth") == [
        "/seq/key d minor", "/seq/notes bass d2 d2 f2 d2"]


@pytest.mark.parametrize("phrase, expected", [
    ("lydian, c", "/seq/key c lydian"),
    ("use mixolydian on g", "/seq/key g mixolydian"),
    ("blues scale a", "/seq/key a blues"),
    ("d minor, melodic", "/seq/key d melodic_minor"),
    ("key of e minor, no, phrygian", "/seq/key e phrygian"),
    ("the melody in f major", "/seq/key f major"),
])
def test_a_key_said_scale_first_with_a_second_thought_or_after_a_part(phrase, expected):
    assert last(*PAD, phrase) == [expected]


# --- harmony: polyphony counts, chords without a verb, capital A, remarks after chords ----------------

@pytest.mark.parametrize("phrase, expected", [
    ("6 voices", ["/patch/poly sine1 6"]),                  # the voice in focus (the delay's)
    ("3 voice poly on the sine", ["/patch/poly sine1 3"]),
    ("give the triangle 5 voices", ["/patch/poly triangle1 5"]),
    ("make it a wide chord, 10 voices", ["/patch/poly sine1 10"]),
    ("4 notes at once on the sine", ["/patch/poly sine1 4"]),
])
def test_a_count_of_voices_said_any_way_is_polyphony(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase", ["40 voices", "give it 20 voices"])
def test_too_many_voices_is_refused_with_the_range_never_read_as_a_pitch(phrase):
    assert "1 to 16" in refused(*PAD, phrase)


def test_a_chord_named_without_a_verb_and_the_capital_a_of_a_progression():
    assert last(*PAD, "g minor chord on the triangle") == ["/gate/triangle1 1 195.997718 233.081881 293.664768"]
    notes = last(*PAD, "D A G")[-1].split()
    assert [n for n in notes[2:] if n != "-"] == ["d4+f#4+a4", "a3+c#4+e4", "g3+b3+d4"] or \
        [n[0] for n in notes[2:] if n != "-"] == ["d", "a", "g"]


@pytest.mark.parametrize("phrase", ["F C G Am, like a hundred pop songs", "play f c g am like in that tutorial"])
def test_a_remark_after_a_progression_is_left_out(phrase):
    assert [m.split()[0] for m in last(*PAD, phrase)] == ["/seq/add", "/seq/notes"]


# --- rhythm: euclid wordings, patterns after a description, 50/50, seeds, speed verbs ------------------

@pytest.mark.parametrize("phrase, expected", [
    ("snare euclid 5 in 16, rotated by 3", "/seq/add snare snare1 x(5,16,3)"),
    ("euclid 3 of 8 on the hats", "/seq/add hats hat1 x(3,8)"),
    ("hats x(7,16) vibe", "/seq/add hats hat1 x(7,16)"),
    ("snare x(2,8) like in that old record", "/seq/add snare snare1 x(2,8)"),
])
def test_euclid_wordings_and_a_remark_after_mini_notation(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("snare backbeat on 2 and 4: ....x.......x...", "/seq/add snare snare1 ....x.......x..."),
    ("hats straight 16ths xxxxxxxxxxxxxxxx", "/seq/add hats hat1 xxxxxxxxxxxxxxxx"),
    ("kick quarter notes x...x...x...x...", "/seq/add kick kick1 x...x...x...x..."),
])
def test_a_pattern_after_words_that_describe_it_keeps_its_last_rests(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("snare 50/50", ["/seq/chance snare 0.5"]),
    ("kick fifty fifty chance", ["/seq/chance kick 0.5"]),
    ("use a fresh seed 4242", ["/seq/seed 4242"]),
    ("change the seed to 7", ["/seq/seed 7"]),
    ("bring the kick down to half time", ["/seq/speed kick 0.5"]),
    ("speed the hats up to double speed", ["/seq/speed hats 2.0"]),
])
def test_chance_as_odds_seeds_said_as_new_and_speed_with_a_verb(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_hits_over_steps_is_never_a_length_in_bars():
    assert last(*DRUMS, "kick euclid 3 over 8") == ["/seq/add kick kick1 x(3,8)"]


# --- harmony: degree lists without the word 'notes', colour words around chords ------------------------

def test_a_part_then_numbers_is_its_degrees_in_the_key_and_a_drum_then_numbers_is_not():
    assert last(*ACID, "key d dorian", "bass 1 3 5 3") == ["/seq/notes bass d2 f2 a2 f2"]
    assert "key" in refused(*ACID, "bass 5 4 1")              # degrees need a key: said, not guessed
    assert not any(m.startswith("/seq/notes") for m in _or_error(*DRUMS, "key c major", "kick 1 5 9"))


def _or_error(*lines) -> list[str]:
    try:
        return last(*lines)
    except LanguageError:
        return []


@pytest.mark.parametrize("phrase", ["chords on 6 4 1 5", "let's go 6 4 1 5", "slow chords, 6 4 1 5"])
def test_numbered_chords_in_the_key_with_a_leading_phrase(phrase):
    notes = last(*PAD, "key c major", phrase)[-1].split()
    assert [re.sub(r"\d", "", n) for n in notes[2:] if n != "-"] == ["a+c+e", "f+a+c", "c+e+g", "g+b+d"]


# --- harmony: extended chord spellings, a mood said with a chord, pitches after 'chord:' ---------------

@pytest.mark.parametrize("phrase, classes", [
    ("play bbmaj7#11 on the triangle", {10, 2, 5, 9, 4}),
    ("g6/9 on the triangle", {7, 11, 2, 4, 9}),
    ("play d7#11 on the triangle", {2, 6, 9, 0, 8}),
])
def test_extended_chord_spellings(phrase, classes):
    hz = [float(v) for v in last(*PAD, phrase)[0].split()[2:]]
    assert {(round(12 * math.log2(v / 440.0)) + 9) % 12 for v in hz} == classes


@pytest.mark.parametrize("phrase", ["a gloomy minor 7 on c", "give me a moody minor 7 on c", "dreamy minor 7 on c"])
def test_a_mood_said_with_its_chord_and_a_letter_after_on_is_the_root(phrase):
    assert last(*PAD, phrase) == ["/gate/sine1 1 261.625565 311.126984 391.995436 466.163762"]


def test_pitches_after_chord_colon_sound_together():
    assert last(*PAD, "chord: c4+e4+g4+b4")[0].startswith("/gate/sine1 1 261.625565 329.627557")


@pytest.mark.parametrize("phrase, expected", [
    ("make the snare go quicker", ["/seq/speed snare 2.0"]),
    ("have the hats run slower", ["/seq/speed hats 0.5"]),
])
def test_a_track_going_faster_or_slower_is_double_or_half_time(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("hats, push them later by 2 steps", ["/seq/shift hats 2"]),
    ("kick out 2 bars to let the bass through", ["/seq/mute kick 1 2"]),           # the reason after the length
    ("mute the hats for a bar so the snare speaks", ["/seq/mute hats 1 1"]),
])
def test_the_track_named_first_then_its_shift_and_a_reason_after_a_timed_mute(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_drag_back_is_later_to_a_drummer_and_earlier_to_others_so_it_asks():
    assert "later or earlier" in refused(*DRUMS, "snare, drag it back a step")


@pytest.mark.parametrize("phrase", ["play D major on the triangle", "hold d major on the triangle"])
def test_play_with_a_major_or_minor_word_is_the_chord_not_the_key(phrase):
    assert last(*PAD, phrase) == ["/gate/triangle1 1 146.832384 184.997211 220.0"]


@pytest.mark.parametrize("phrase, chords", [
    ("in A: A7 D7 E7", 3), ("in e: em c g d", 4), ("key of A: A D E", 3), ("in Bb, Bb Gm Cm F", 4),
])
def test_a_key_said_before_a_colon_is_the_key_not_a_chord_nor_a_label_of_notes(phrase, chords):
    notes = last(*PAD, phrase)[-1].split()[2:]
    assert len([n for n in notes if n != "-"]) == chords and all("+" in n for n in notes if n != "-")


@pytest.mark.parametrize("phrase, freq, notes", [
    ("bass higher", 110.0, "a2 a2 c3 a2"), ("make the bass lower", 27.5, "a0 a0 c1 a0"), ("pitch up", 110.0, "a2 a2 c3 a2"),
    ("raise the pitch of the saw", 110.0, "a2 a2 c3 a2"), ("way higher", 220.0, "a3 a3 c4 a3"),
])
def test_a_pitch_word_without_an_interval_moves_the_voice_an_octave_so_the_key_stays(phrase, freq, notes):
    assert last(*ACID, phrase) == [f"/mod/saw1/freq {freq}", f"/seq/notes bass {notes}"]


@pytest.mark.parametrize("phrase, sounding", [
    ("capo 2, play G", {9, 1, 4}),                            # the G shape sounds A
    ("with a capo on the 3rd fret, Em", {7, 10, 2}),          # Em sounds Gm
    ("put the capo at fret 1 and strum E", {5, 9, 0}),
    ("C with the capo on the second fret", {2, 6, 9}),
])
def test_a_chord_shape_under_a_capo_sounds_that_many_frets_up(phrase, sounding):
    out = last(*PAD, phrase)
    gate = next(m for m in out if m.startswith("/gate/")).split()
    assert gate[:2] == ["/gate/sine1", "1"]
    assert out[-1].startswith("/seq/capo ")                   # the fret kept: 'capo off' moves it back
    assert {round(12 * math.log2(float(hz) / 440.0) + 9) % 12 for hz in gate[2:]} == sounding


@pytest.mark.parametrize("phrase, chords, frets", [
    ("capo 4 and play G D Em C", ["b", "f#", "g#m", "e"], 4), ("capo on 3, am f c g", ["cm", "ab", "eb", "bb"], 3),
])
def test_a_progression_under_a_capo_is_moved_chord_by_chord(phrase, chords, frets):
    intent = parse(phrase)
    assert list(intent.items[0].chords) == chords
    assert intent.items[1].placed and intent.items[1].frets == frets


def test_a_capo_beside_a_key_is_not_guessed():
    with pytest.raises(LanguageError):
        Translator().translate("capo 2 in the key of G")


@pytest.mark.parametrize("phrase", ["fade the snare up", "fade up the snare over 2 bars", "fade the snare up over 4 bars"])
def test_fading_up_a_part_that_plays_already_is_refused_rather_than_dropping_it_first(phrase):
    assert "louder over 4 bars" in refused(*DRUMS, "start", phrase)


@pytest.mark.parametrize("phrase", ["fade in the snare over 8 bars", "fade the snare in over 8 bars",
                                    "the snare fades in over 8 bars", "snare fade in over 8 bars"])
def test_fading_in_a_part_that_plays_already_starts_it_from_silence(phrase):
    assert last(*DRUMS, "start", phrase) == ["/mod/snare1/gain 0.0", "/ramp/snare1/gain 0.8 32"]


def test_fading_in_from_nothing_said_drops_it_then_brings_it_back():
    assert last(*DRUMS, "start", "fade the hats in from nothing over 4 bars") == [
        "/mod/hat1/gain 0.0", "/ramp/hat1/gain 0.8 16"]


@pytest.mark.parametrize("phrase, expected", [
    ("cutoff to 800 in 4 beats", ["/ramp/acid_filter1/cutoff 800.0 4"]),
    ("resonance up to 0.9 in a bar", ["/ramp/acid_filter1/resonance 0.9 4"]),
    ("the bass volume goes down to 40% in 2 bars", ["/ramp/saw1/gain 0.4 8"]),
    ("fade out the bass in 8 bars", ["/ramp/saw1/gain 0.0 32"]),
    ("tempo to 140 in 8 bars", ["/seq/bpm 140.0 ramp 32"]),
    ("mute the kick in 2 bars", ["/at 2 bar /seq/mute kick 1"]),                     # a mute cannot move: it starts then
    ("in 2 bars, cutoff 300", ["/at 2 bar /mod/acid_filter1/cutoff 300.0"]),         # said first: when
    ("drop the bass in 2 bars", ["/at 2 bar /seq/mute bass 1"]),                    # sudden: then
    ("cutoff to 700 in 2 bars' time", ["/at 2 bar /mod/acid_filter1/cutoff 700.0"]),
])
def test_in_some_bars_after_a_change_that_can_move_is_how_long_it_takes(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Crescendo over four bars.", ["/ramp/triangle1/gain 0.6 16"]), ("diminuendo over 2 bars", ["/ramp/triangle1/gain 0.4 8"]),
])
def test_a_dynamic_marking_alone_over_some_bars_is_the_voice_in_focus(phrase, expected):
    assert last("add a sine at 440 hz", "add a triangle at 220 hz", phrase) == expected


@pytest.mark.parametrize("phrase", ["saw1 freq up 10 hz", "raise the bass pitch by 20 cents", "freq of the saw down 5 hz"])
def test_a_step_finer_than_a_semitone_on_a_voice_that_plays_notes_is_refused_not_lost(phrase):
    assert "plays notes" in refused(*ACID, phrase)
