"""Harmony and rhythm phrasings of the s19–s22 development sets, by class (session 23): one chord by its
Nashville number ('the 5 chord', 'minor 7 on the 6', 'go to the 4'), number charts, a band's step (chords
move a whole step, a melody's step is asked), whose range a move is for, a chord letter alone, hits taken
out of a pattern ('kill the snare on the 4'), every track back to its own speed, a DAW's note values."""
import math

import pytest

from .test_time_harmony_classes import DRUMS, last, refused

PAD = ("add a triangle at 220 hz", "add a filter", "add a reverb")

CHORD_TRACK = PAD + ("chords am f c g",)
MELODY = PAD + ("notes a c e g",)


def _gate(*lines) -> list[int]:
    """The pitch classes of the chord gated (the voice in focus sets its octave)."""
    message, = last(*lines)
    assert message.startswith("/gate/") and message.split()[1] == "1"
    return [round(69 + 12 * math.log2(float(x) / 440)) % 12 for x in message.split()[2:]]


def _classes(*hz: float) -> list[int]:
    return [round(69 + 12 * math.log2(x / 440)) % 12 for x in hz]


@pytest.mark.parametrize("phrase, hz", [
    ("5 chord", [174.61, 220.0, 261.63]), ("the 1 chord", [233.08, 293.66, 349.23]),
    ("play the 4 chord", [155.56, 196.0, 233.08]), ("the 6 minor", [196.0, 233.08, 293.66]),
    ("minor 7 on the 6", [196.0, 233.08, 293.66, 349.23]), ("6m7", [196.0, 233.08, 293.66, 349.23]),
    ("the two minor 7", [261.63, 311.13, 392.0, 466.16]), ("go to the 4", [155.56, 196.0, 233.08]),
    ("dominant 7 on the 5", [174.61, 220.0, 261.63, 311.13]), ("the flat 7 chord", [207.65, 261.63, 311.13]),
])
def test_one_chord_by_its_number_in_the_key(phrase, hz):
    assert _gate(*PAD, "key of Bb", phrase) == _classes(*hz)


@pytest.mark.parametrize("phrase", ["B7 chord", "b7 chord"])
def test_a_letter_b_before_a_seven_is_the_chord_b7(phrase):
    assert _gate(*PAD, "key of C", phrase) == _classes(246.94, 311.13, 369.99, 440.0)


@pytest.mark.parametrize("phrase", ["the 5", "5", "hats on the 4"])
def test_a_number_alone_is_never_a_chord(phrase):
    try:
        messages = last(*PAD, "key of Bb", phrase)
    except Exception:
        return
    assert not any(m.startswith("/gate/") for m in messages)


@pytest.mark.parametrize("phrase", ["chart 1 1 4 5 in A", "number chart 1 1 4 5 in A", "play 1 1 4 5 in A"])
def test_a_number_chart_said_as_one(phrase):
    if phrase.startswith("play"):
        phrase = "play 1 1 4 5 in A"
    notes = [m for m in last(*PAD, phrase) if m.startswith("/seq/notes")]
    assert notes and notes[0].split()[2] == "a3+c#4+e4" and "d3+f#3+a3" in notes[0] and "e3+g#3+b3" in notes[0]


@pytest.mark.parametrize("phrase, moved", [
    ("take it up a step", "b3+d4+f#4"), ("take it down a step for the lead singer", "g3+bb3+d4"),
    ("transpose down a step", "g3+bb3+d4"), ("walk it down a half step", "ab3+cb4+eb4"),
    ("up a half for the singer", "bb3+db4+f4"),
])
def test_a_band_moves_its_chords_by_steps(phrase, moved):
    message, = last(*CHORD_TRACK, phrase)
    assert message.startswith("/seq/notes ") and message.split()[2] == moved


@pytest.mark.parametrize("phrase", ["take it up a step", "melody down a step"])
def test_a_step_of_a_melody_is_asked(phrase):
    assert "whole step" in refused(*MELODY, phrase)


@pytest.mark.parametrize("phrase", ["transpose down to F", "transpose down to F for the women's key"])
def test_a_move_to_a_key_said_with_its_direction(phrase):
    notes = [m for m in last(*PAD, "chords g d em c", phrase) if m.startswith("/seq/notes")]
    assert notes[0].split()[2] == "f3+a3+c4"


@pytest.mark.parametrize("phrase, hz", [
    ("F", [174.61, 220.0, 261.63]), ("And now an F, if you would.", [174.61, 220.0, 261.63]),
    ("now a G", [196.0, 246.94, 293.66]), ("an Am", [220.0, 261.63, 329.63]),
])
def test_a_chord_letter_alone_is_its_chord(phrase, hz):
    assert _gate(*PAD, "c chord", phrase) == _classes(*hz)


def test_a_labelled_progression_after_a_polite_try():
    notes = [m for m in last(*PAD, "Could we try the old hymn progression: C, A minor, D minor, G seven?")
             if m.startswith("/seq/notes")]
    assert [t for t in notes[0].split()[2:] if t != "-"] == ["c3+e3+g3", "a3+c4+e4", "d3+f3+a3", "g3+b3+d4+f4"]


@pytest.mark.parametrize("phrase, track, pattern", [
    ("kill the snare on the 4", "snare snare1", "....x..........."),
    ("take the snare off beat 4", "snare snare1", "....x..........."),
    ("no kick on 3", "kick kick1", "x...x.......x..."),
    ("remove the kick on 2 and 4", "kick kick1", "x.......x......."),
])
def test_hits_said_at_beats_leave_the_pattern(phrase, track, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add {track} {pattern}"]


def test_a_hit_that_is_not_there_is_said():
    assert "no hit there" in refused(*DRUMS, "kill the snare on 3")


def test_drop_the_snare_on_2_is_not_read_as_taking_it_out():
    try:
        messages = last(*DRUMS, "drop the snare on 2")
    except Exception:
        return
    assert messages != ["/seq/add snare snare1 ............x..."]


def test_sam_is_the_first_beat():
    assert last(*DRUMS, "kick only on sam") == ["/seq/add kick kick1 x..............."]


@pytest.mark.parametrize("phrase", ["back to regular", "back to normal", "normal time", "regular speed"])
def test_every_track_back_to_its_own_speed(phrase):
    assert last(*DRUMS, "double time", phrase) == ["/seq/speed kick 1.0", "/seq/speed snare 1.0", "/seq/speed hats 1.0"]


def test_back_to_normal_with_nothing_sped_up_takes_the_last_change_back():
    assert last(*DRUMS, "kick louder", "back to normal") == ["/mod/kick1/gain 0.8"]
    assert refused("back to normal")                       # nothing done yet: nothing to go back to


@pytest.mark.parametrize("phrase, pattern", [
    ("hats 1/16", "xxxxxxxxxxxxxxxx"), ("hats 1/8", "x.x.x.x.x.x.x.x."), ("hats 1/32", "[xx]" * 16),
    ("hats 1/16T", "[xxx]@2" * 8), ("hats 1/8t", "[xxx]@4" * 4),
])
def test_a_daws_note_values(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add hats hat1 {pattern}"]


@pytest.mark.parametrize("phrase, hz", [
    ("low note Ab on the sine", 103.83), ("bass note Ab on the sine", 103.83), ("a low Ab on the sine", 103.83),
    ("note Ab2 on the sine", 103.83), ("sine drone on a low A", 110.0), ("low A on the sine", 110.0),
])
def test_a_low_note_is_in_the_second_octave(phrase, hz):
    message, = last(*PAD, "add a sine", phrase)
    assert message.startswith("/gate/sine1 1 ") and round(float(message.split()[2]), 2) == hz


@pytest.mark.parametrize("phrase", ["low end down", "low cut at 80"])
def test_low_before_a_word_is_no_note(phrase):
    try:
        messages = last(*PAD, phrase)
    except Exception:
        return
    assert not any(m.startswith("/gate/") for m in messages)


def test_a_note_gated_is_the_pitch_a_move_starts_from():
    """The engine sets a voice's oscillator to the note a gate plays; the language's model does too, so
    'lower the drone an octave' moves the held D2, not the 220 Hz it was added at."""
    assert last(*PAD, "a low drone on D, sustained, on the pad", "lower the drone an octave") == \
        ["/mod/triangle1/freq 36.708096"]
    assert last(*PAD, "/gate/triangle1 1 146.83", "drone down an octave") == ["/mod/triangle1/freq 73.415"]


@pytest.mark.parametrize("phrase, pattern", [
    ("9/8 aksak, 2+2+2+3 on the kick", "x...x...x...x....."),
    ("kopanitsa 11/8 on the kick: 2 2 3 2 2", "x...x...x.....x...x..."),
    ("the 7/8 with 3 first: 3+2+2", "x.....x...x..."),
    ("kick on 2+2+3", "x...x...x....."),
])
def test_an_additive_meter_said_with_its_name_or_after_on(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add kick kick1 {pattern}"]


@pytest.mark.parametrize("phrase, pattern", [("snare on 2+3+4", "....x...x...x..."), ("snare on 2+4", "....x.......x...")])
def test_beats_joined_by_plus_are_beats(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add snare snare1 {pattern}"]


def test_a_voice_track_on_an_additive_meter():
    lines = PAD + ("/seq/add chords triangle1 x...x...x...x...", "/seq/notes chords a3+c4+e4 f3+a3+c4", "/seq/start")
    assert last(*lines, "the chords on the 2+2+3 too") == ["/seq/add chords triangle1 x...x...x....."]


@pytest.mark.parametrize("phrase, expected", [
    ("slip jig, 9/8", ["/seq/add kick kick1 x.....x.....x.....", "/seq/add snare snare1 " + "." * 18,
                       "/seq/add hats hat1 x.x.x.x.x.x.x.x.x."]),
    ("a jig", ["/seq/add kick kick1 x.....x.....", "/seq/add snare snare1 " + "." * 12, "/seq/add hats hat1 x.x.x.x.x.x."]),
    ("polka, 2/4, kick on every beat", ["/seq/add kick kick1 x...x..."]),
    ("a reel now, 4/4, straight eighths on the hats", ["/seq/add hats hat1 x.x.x.x.x.x.x.x."]),
])
def test_dance_tunes_meters(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("before, phrase, expected", [
    ("/seq/add kick kick1 x.....x.....", "hats on every eighth of the jig", "/seq/add hats hat1 x.x.x.x.x.x."),
    ("/seq/add kick kick1 x...x...x.....", "hats every eighth in the 7", "/seq/add hats hat1 x.x.x.x.x.x.x."),
    ("tempo 120", "snare on 2 and 3 in the waltz", "/seq/add snare snare1 ....x...x..."),
])
def test_a_part_in_a_grooves_bar(before, phrase, expected):
    assert last(*DRUMS, before, phrase) == [expected]


def test_a_beat_past_the_bar_of_a_groove_is_said():
    assert "past the bar" in refused(*DRUMS, "snare on 2 and 4 in the waltz")


@pytest.mark.parametrize("phrase, chords", [
    ("Em A7 D", ["e3+g3+b3", "a3+c#4+e4+g4", "d3+f#3+a3"]),
    ("Dm Gm A7 Dm", ["d3+f3+a3", "g3+bb3+d4", "a3+c#4+e4+g4", "d3+f3+a3"]),
    ("c maj 7 f maj 7", ["c3+e3+g3+b3", "f3+a3+c4+e4"]),
])
def test_a_minor_chord_before_a_seventh_is_two_chords_never_a_major_seventh(phrase, chords):
    notes = [m for m in last(*PAD, phrase) if m.startswith("/seq/notes")]
    assert [t for t in notes[0].split()[2:] if t != "-"] == chords


def test_a_bass_note_after_over_stays_the_slash_chords():
    assert _gate(*PAD, "Ab over C") == _classes(261.63, 311.13, 415.3)


@pytest.mark.parametrize("phrase, notes", [
    ("arpeggio up and down on g7", "g3 b3 d4 f4 d4 b3"), ("arp on am7", "a3 c4 e4 g4"),
])
def test_an_arpeggio_on_a_chord(phrase, notes):
    assert last(*PAD, phrase)[-1] == f"/seq/notes arp {notes}"


def test_an_arpeggio_a_bar_a_chord_said():
    assert last(*PAD, "arpeggiate am f c g one bar each") == last(*PAD, "arpeggiate am f c g")


@pytest.mark.parametrize("phrase, factor", [("half time it", 0.5), ("double time it", 2.0), ("double it up", 2.0)])
def test_it_on_a_kit_is_the_beat(phrase, factor):
    assert last(*DRUMS, phrase) == [f"/seq/speed {t} {factor}" for t in ("kick", "snare", "hats")]


def test_double_the_hats_up_is_the_hats():
    assert last(*DRUMS, "double the hats up") == ["/seq/speed hats 2.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("kick on 1 and the and of 2, snare 2 and 4", ["/seq/add kick kick1 x.....x.........",
                                                    "/seq/add snare snare1 ....x.......x..."]),
    ("boom bap: kick on 1 and the and of 2, snare 2 and 4", ["/seq/add kick kick1 x.....x.........",
                                                              "/seq/add snare snare1 ....x.......x..."]),
    ("kick 1 and 3 and the and of 4", ["/seq/add kick kick1 x.......x.....x."]),
])
def test_two_parts_beats_in_one_line(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_two_clauses_setting_one_thing_stay_refused():
    assert "swing" in refused(*DRUMS, "shuffle it, swing .4")


@pytest.mark.parametrize("phrase", ["up to E for the next tune", "take it up to E", "up a hole step"])
def test_a_band_moves_up_to_a_key(phrase):
    lines = PAD + ("/seq/add chords triangle1 x...x...x...x...", "/seq/notes chords d3+f#3+a3 c3+e3+g3 d3+f#3+a3 a3+c#4+e4",
                   "/seq/start")
    assert last(*lines, phrase) == ["/seq/notes chords e3+g#3+b3 d3+f#3+a3 e3+g#3+b3 b3+d#4+f#4"]


@pytest.mark.parametrize("phrase", ["ii V I en F: Gm7 C7 Fmaj7", "Gm7 C7 Fmaj7, jazz chords on the triangle"])
def test_chords_with_a_label_or_a_description(phrase):
    notes = [m for m in last(*PAD, phrase) if m.startswith("/seq/notes")]
    assert [t for t in notes[0].split()[2:] if t != "-"] == ["g3+bb3+d4+f4", "c3+e3+g3+bb3", "f3+a3+c4+e4"]


@pytest.mark.parametrize("phrase, expected", [
    ("hats 32nd rolls the whole bar", "/seq/add hats hat1 " + "[xx]" * 16),
    ("snare drag a 16th later", "/seq/shift snare 1"),
])
def test_rolls_and_drags_said_after_the_part(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, steps", [("nudge the hats back a 16th", -1), ("move the snare back one step", -1),
                                           ("lay the snare back a step", 1)])
def test_back_on_a_timeline_is_earlier_and_laid_back_is_later(phrase, steps):
    track = "hats" if "hats" in phrase else "snare"
    assert last(*DRUMS, phrase) == [f"/seq/shift {track} {steps}"]


@pytest.mark.parametrize("phrase, expected", [("clock divide the hats by 2", "/seq/speed hats 0.5"),
                                              ("clock multiply the kick x2", "/seq/speed kick 2.0")])
def test_a_modular_clock_divided_or_multiplied(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, top", [("add a fifth", 329.627557), ("add an octave", 440.0),
                                         ("add a major third", 277.182631)])
def test_an_interval_added_to_a_held_note(phrase, top):
    assert last(*PAD, "drone on a", phrase) == [f"/gate/triangle1 1 220.0 {top}"]


def test_an_interval_with_nothing_held_asks():
    assert "hold a note first" in refused(*PAD, "add a fifth")


@pytest.mark.parametrize("phrase, expected", [
    ("ping the triangle with a c3", ["/gate/triangle1 1 130.812783"]),
    ("stack a Cmaj7 on the triangle osc", ["/gate/triangle1 1 130.812783 164.813778 195.997718 246.941651"]),
])
def test_a_modular_players_verbs_for_a_note(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_numerals_said_before_their_chords_describe_them():
    notes = [m for m in last(*PAD, "blues in A, I IV V, A7 D7 E7") if m.startswith("/seq/notes")]
    assert [t for t in notes[0].split()[2:] if t != "-"] == ["a3+c#4+e4+g4", "d3+f#3+a3+c4", "e3+g#3+b3+d4"]


@pytest.mark.parametrize("before, phrase, expected", [
    ("/seq/mute snare 1", "bring the snare back in on 2 and 4", ["/seq/mute snare 0", "/seq/add snare snare1 ....x.......x..."]),
    ("/seq/mute hats 1", "bring in just the kick on 1 and 3 for the second verse", ["/seq/add kick kick1 x.......x......."]),
    ("tempo 120", "kick 4 on the floor", ["/seq/add kick kick1 x...x...x...x..."]),
    ("tempo 120", "little snare roll at the end of the bar", ["/seq/add snare snare1 ....x.......xxxx"]),
    ("tempo 120", "hats hit on the offbeats", ["/seq/add hats hat1 ..x...x...x...x."]),
])
def test_a_part_brought_in_on_beats_and_spots_said_with_a_verb(before, phrase, expected):
    assert last(*DRUMS, before, phrase) == expected


def test_two_parts_given_one_rhythm():
    assert last(*DRUMS, "kick and snare together on every beat") == ["/seq/add kick kick1 x...x...x...x...",
                                                                     "/seq/add snare snare1 x...x...x...x..."]


@pytest.mark.parametrize("lines, kept", [(DRUMS, True), (PAD, False)])
def test_a_tempo_said_with_its_half_time_feel(lines, kept):
    messages = last(*lines, "tempo 140 half time")
    assert ("/seq/bpm 140.0" in messages and "/seq/speed kick 0.5" in messages) if kept else messages == ["/seq/bpm 70.0"]


@pytest.mark.parametrize("before, notes", [("key of c major", "c4 d4 e4 f4 g4"), ("Sa is D", "d4 e4 f#4 g4 a4")])
def test_sargam_with_no_sa_said_is_on_the_keys_tonic(before, notes):
    assert last(*PAD, before, "play sa re ga ma pa")[-1] == f"/seq/notes triangle1 {notes}"


def test_sargam_with_no_sa_and_no_key_asks():
    assert "Sa" in refused(*PAD, "play sa re ga ma pa")


@pytest.mark.parametrize("phrase, first", [("up to F", "f4+a4+c5"), ("down to B", "b2+d#3+f#3"), ("down to F", "f3+a3+c4")])
def test_a_move_to_a_key_goes_the_way_said(phrase, first):
    notes = [m for m in last(*PAD, "chords g d em c", phrase) if m.startswith("/seq/notes")]
    assert notes[0].split()[2] == first


def test_steps_counted():
    notes = [m for m in last(*PAD, "chords g d em c", "take it up 2 steps") if m.startswith("/seq/notes")]
    assert notes[0].split()[2] == "b3+d#4+f#4"


@pytest.mark.parametrize("before, phrase, expected", [
    ("key of C", "the 5 7 chord", "/gate/triangle1 1 195.997718 246.941651 293.664768 349.228231"),
    ("drone on a", "stack a c on the triangle", None),
    ("play an a minor chord", "add a seventh", "/gate/triangle1 1 220.0 261.625565 329.627557 391.995436"),
    ("tempo 120", "delay 1/8T", "/mod/delay1/time 0.166667"),
])
def test_the_reviews_readings(before, phrase, expected):
    messages = [m for m in last(*PAD, "add a delay", before, phrase) if not m.startswith("/patch/poly ")]   # (room)
    assert messages == [expected] if expected else len(messages[0].split()) == 4      # stack: the held note and c


@pytest.mark.parametrize("phrase", ["play a minor on the one", "a major on the 4"])
def test_a_chord_letter_and_a_quality_before_on_the_one_is_no_chord_number(phrase):
    try:
        messages = last(*PAD, "key of C", phrase)
    except Exception:
        return
    assert not any(m.startswith("/gate/triangle1 1 261.6") for m in messages)


@pytest.mark.parametrize("phrase, pattern", [("slip jig 9/8 kick on 1", "x" + "." * 17),
                                             ("hats every eighth in the 9", "x." * 9)])
def test_a_part_fills_a_bar_longer_than_sixteen(phrase, pattern):
    assert last(*DRUMS, phrase)[-1].split()[-1] == pattern


def test_beats_said_past_a_short_bar_are_refused():
    assert "past the bar" in refused(*DRUMS, "kick on 1 and 3 of the polka")


def test_bass_note_on_a_bass_line_sets_its_notes():
    assert last("add a saw at 55 hz", "add acid filter", "bass x.x.x.x.", "bass notes a1 c2", "bass note E") == \
        ["/seq/notes bass e1"]


@pytest.mark.parametrize("phrase", ["A", "an A", "now A", "Now, F", "An F"])
def test_a_chord_letter_alone_in_any_case_of_its_leading_words(phrase):
    assert last(*PAD, "c chord", phrase)[0].startswith("/gate/triangle1 1 ")


def test_go_back_to_normal_is_every_tracks_speed():
    assert last(*DRUMS, "double time", "go back to normal") == [f"/seq/speed {t} 1.0" for t in ("kick", "snare", "hats")]


@pytest.mark.parametrize("phrase, expected", [("kill the kick on beats 2 and 4", "/seq/add kick kick1 x.......x......."),
                                              ("no hats on the 1", "/seq/add hats hat1 ..x.x.x.x.x.x.x.")])
def test_hits_taken_out_said_with_beats_or_the(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["add claps", "add some claps"])
def test_claps_beside_a_snare_are_the_snares_never_a_second_one(phrase):
    assert "snare (snare1) plays it" in refused(*DRUMS, phrase)


@pytest.mark.parametrize("phrase, bars", [("stop it for 4 bars", 4), ("stop for 2 bars", 2)])
def test_a_break_stops_every_part_for_that_long(phrase, bars):
    assert last(*DRUMS, phrase) == [f"/seq/mute {t} 1 {bars}" for t in ("kick", "snare", "hats")]
