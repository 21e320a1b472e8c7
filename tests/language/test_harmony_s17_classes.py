"""Harmony, time and rhythm phrasings by CLASS (session 17): each test one shape said several ways —
wordings invented here, none copied from a corpus."""
import pytest

from .test_time_harmony_classes import DRUMS, PAD, last, refused


@pytest.mark.parametrize("phrase, track, voice", [
    ("melody e5 d5 c5 on the sine", "sine", "sine1"),
    ("lead line b4 a4 g4 for the triangle", "triangle", "triangle1"),
    ("the melody: e5 g5 a5 on the sine, quarter notes", "sine", "sine1"),
])
def test_a_note_noun_that_is_also_a_nickname_gives_way_to_the_voice_named(phrase, track, voice):
    messages = last(*PAD, phrase)
    assert any(m.startswith(f"/seq/notes {track} ") for m in messages)
    assert not any("triangle1" in m for m in messages) or voice == "triangle1"


@pytest.mark.parametrize("phrase", ["the sine plays e5 d5 on the triangle", "triangle notes c5 d5 for the sine"])
def test_two_sounds_named_for_one_run_of_notes_is_asked_never_the_focus(phrase):
    assert "which voice" in refused(*PAD, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("would you mind fading out the sine over 2 bars?", ["/ramp/sine1/gain 0.0 8"]),
    ("could you close the filter to 400 over 4 bars, please", ["/ramp/filter1/cutoff 400.0 16"]),
    ("please stop at the end of the bar.", ["/seq/stop bar", "/at 1 bar /mod/triangle1/gain 0.0",
                                            "/at 1 bar /mod/sine1/gain 0.0"]),    # the drones with it
])
def test_a_timed_line_said_politely_is_timed_as_without_the_politeness(phrase, expected):
    assert last(*PAD, "tempo 120", "start", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("let the delay fade out over 2 bars", ["/ramp/delay1/mix 0.0 8"]),
    ("the sine fades away over a bar", ["/ramp/sine1/gain 0.0 4"]),
    ("make the echo fade down over 8 bars", ["/ramp/delay1/mix 0.0 32"]),    # an alias of the effect: its mix
])
def test_what_fades_may_be_said_first_as_the_subject_of_fade(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase", ["at the next bar line, play 110 hz on the triangle",
                                    "at the next barline, play 110 hz on the triangle",
                                    "on the next bar line play 110 hz on the triangle"])
def test_the_bar_line_is_a_start_never_a_word_left_out(phrase):
    assert last(*PAD, phrase) == ["/at 1 bar /gate/triangle1 1 110.0"]


@pytest.mark.parametrize("phrase, pattern", [
    ("snare every 8 steps", "x.......x......."),
    ("hats on every 2nd sixteenth", "x.x.x.x.x.x.x.x."),
    ("kick once every bar", "x..............."),
    ("a hit every 3 steps on the hats", "x.."),                      # across the bar line: a 3-step loop
    ("play the snare every two beats", "x.......x......."),
])
def test_hits_every_n_steps_beats_or_bars(phrase, pattern):
    track = next(t for t in ("snare", "hats", "kick") if t in phrase)
    assert last(*DRUMS, phrase) == [f"/seq/add {track} {track if track != 'hats' else 'hat'}1 {pattern}"]


@pytest.mark.parametrize("phrase, pattern", [
    ("snare on the second and fourth beats", "....x.......x..."),
    ("have the kick play on the 1st and 3rd beat only", "x.......x......."),
    ("kick hits on the first beat", "x..............."),
])
def test_beats_said_as_ordinals_are_beat_positions(phrase, pattern):
    track = "snare" if "snare" in phrase else "kick"
    assert last(*DRUMS, phrase) == [f"/seq/add {track} {track}1 {pattern}"]


@pytest.mark.parametrize("phrase", ["hats in 32nds", "the hats thirty-second notes", "play the hats as demisemiquavers"])
def test_thirty_second_notes_are_two_hits_in_every_step(phrase):
    assert last(*DRUMS, phrase) == ["/seq/add hats hat1 " + "[xx]" * 16]


@pytest.mark.parametrize("phrase, pattern", [
    ("add a snare on the last 16th", "....x.......x..x"),
    ("snare also on the very last step of the bar", "....x.......x..x"),
    ("add an extra snare on the last eighth", "....x.......x.x."),
    ("snare on the last beat", "............x..."),                 # said without 'add': the rhythm is that hit
])
def test_the_last_step_of_a_length(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add snare snare1 {pattern}"]


@pytest.mark.parametrize("phrase, pattern", [
    ("put a son clave on the snare", "x..x..x...x.x..."),
    ("snare: 2-3 clave", "..x.x...x..x..x."),
    ("the hats play a rumba clave", "x..x...x..x.x..."),
    ("habanera rhythm on the kick", "x..xx.x.x..xx.x."),
    ("kick in tresillo", "x..x..x.x..x..x."),
])
def test_rhythms_known_by_name(phrase, pattern):
    track, voice = next((t, v) for t, v in (("snare", "snare1"), ("hats", "hat1"), ("kick", "kick1")) if t in phrase)
    assert last(*DRUMS, phrase) == [f"/seq/add {track} {voice} {pattern}"]


@pytest.mark.parametrize("phrase, first", [
    ("could the riff be played an octave higher?", "a2"),
    ("can that melody be played down a fifth instead", "d1"),
    ("would you play the line a tone up", "b1"),
])
def test_a_move_asked_as_a_question_or_in_the_passive_moves_the_notes(phrase, first):
    from .test_time_harmony_classes import ACID
    assert last(*ACID, phrase)[-1].startswith(f"/seq/notes bass {first} ")


@pytest.mark.parametrize("before, phrase, track, first", [
    ("notes on the sine: e5 d5 c5", "an octave lower", "sine", "e4"),
    ("melody on the sine: g4 a4 b4", "play it a fourth higher", "sine", "c5"),
    ("the triangle plays c4 e4 g4", "transpose it down a tone", "triangle", "a#3"),
])
def test_a_bare_move_right_after_notes_moves_the_voice_just_given_them(before, phrase, track, first):
    """The voice given notes is the one being shaped (the focus moves to it), so 'it' is that voice."""
    assert f"/seq/notes {track} {first}" in " ".join(last(*PAD, before, phrase))


@pytest.mark.parametrize("phrase, expected", [
    ("tempo from 140 to 150 over 4 bars", ["/seq/bpm 140.0 now", "/seq/bpm 150.0 ramp 16"]),
    ("bpm from 120 to 150 over 4 bars", ["/seq/bpm 150.0 ramp 16"]),                       # 120 already
    ("automate the cutoff from 2000 to 3000 over a bar", ["/ramp/filter1/cutoff 3000.0 4"]),  # 2000 already
    ("automate the cutoff from 500 to 3000 over a bar", ["/mod/filter1/cutoff 500.0", "/ramp/filter1/cutoff 3000.0 4"]),
])
def test_a_start_said_with_from_is_set_first_unless_it_is_there_already(phrase, expected):
    assert last(*PAD, "tempo 120", "filter cutoff 2000", phrase) == expected


@pytest.mark.parametrize("phrase, key", [
    ("key of e minor, chords em c g d", "e minor"),
    ("chords f bb c in f major", "f major"),
    ("in the key of g: g em c d", "g major"),
])
def test_a_key_said_with_chords_named_is_set_as_well(phrase, key):
    messages = last(*PAD, phrase)
    assert messages[0] == f"/seq/key {key}" and messages[-1].startswith("/seq/notes ")


@pytest.mark.parametrize("phrase, chords", [
    ("chords c, g, e-minor, f", 4),
    ("chords d, b-min, g, a", 4),                 # an 'a' alone after a comma: the chord A, not the article
    ("chords d, a, g", 3),
])
def test_a_hyphened_quality_or_a_lone_a_in_a_list_is_one_chord_never_dropped(phrase, chords):
    notes = last(*PAD, phrase)[-1].split()[2:]
    assert len([n for n in notes if n != "-"]) == chords


@pytest.mark.parametrize("phrase, first", [
    ("piano chords dm g c", "d3+f3+a3"),
    ("organ progression: c am f g", "c3+e3+g3"),
    ("write a ii V I in c major", "d4+f4+a4"),             # on the sine in focus
])
def test_a_nicknamed_voice_before_its_chords_and_write_as_a_verb(phrase, first):
    assert f"/seq/notes chords {first} " in " ".join(last(*PAD, phrase))


@pytest.mark.parametrize("phrase, notes", [
    ("play the blues scale of a", "a4 c5 d5 eb5 e5 g5"),          # a scale of fewer than seven: its own notes
    ("play the pentatonic scale in d minor", "d5 f5 g5 a5 c6"),
    ("play the major scale on f", "f4 g4 a4 bb4 c5 d5 e5 f5"),
])
def test_a_scale_named_then_its_tonic_is_played_not_set_as_the_key(phrase, notes):
    assert last(*PAD, phrase)[-1].split(" ", 2)[2] == notes


@pytest.mark.parametrize("phrase", ["play the chord d f a", "chord: d f a", "the triangle chord d f a", "triad d f a please"])
def test_one_chord_said_in_the_singular_with_its_letters_is_those_notes_at_once(phrase):
    assert last(*PAD, "triangle gain 0.5", phrase)[0].startswith("/gate/triangle1 1 ")


@pytest.mark.parametrize("phrase, first", [
    ("the riff two halftones higher", "b1"),
    ("bring the bass a quint up", "e2"),
    ("the line an octave deeper", "a0"),
    ("transpose all about 1 halftone down", "g#1"),
])
def test_halftones_quints_and_deeper_are_intervals_and_a_direction(phrase, first):
    from .test_time_harmony_classes import ACID
    assert last(*ACID, phrase)[-1].startswith(f"/seq/notes bass {first} ")


@pytest.mark.parametrize("phrase, expected", [
    ("mute the hats for 2 takts", ["/seq/mute hats 1 2"]),
    ("in 3 takts mute the kick", ["/at 3 bar /seq/mute kick 1"]),
])
def test_takt_is_a_bar(phrase, expected):
    assert last(*DRUMS, "start", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("the melody backwards", "/seq/reverse sine"),
    ("play the tune in retrograde", "/seq/reverse sine"),
    ("mute the riff", "/seq/mute sine 1"),
    ("the chords at half speed", "/seq/speed chords 0.5"),
])
def test_a_note_noun_names_the_track_given_those_notes(phrase, expected):
    assert last(*PAD, "chords am f on the triangle", "the sine plays e5 d5 c5", phrase)[0] == expected


@pytest.mark.parametrize("phrase, factor", [("hats at double speed", 2.0), ("play the hats in half time", 0.5),
                                            ("hats to double time", 2.0)])
def test_a_speed_said_with_at_in_or_to_is_that_speed_not_a_change_of_it(phrase, factor):
    assert last(*DRUMS, "hats at 1.5x", phrase) == [f"/seq/speed hats {factor}"]


@pytest.mark.parametrize("phrase, hz", [
    ("an augmented chord on c", 3),
    ("play a minor seventh on d", 4),
    ("a suspended fourth chord on g, please", 3),
    ("half-diminished on b", 4),
])
def test_a_quality_in_words_on_a_root_is_that_chord(phrase, hz):
    messages = last(*PAD, "triangle gain 0.5", phrase)
    assert messages[0].startswith("/gate/triangle1 1 ") and len(messages[0].split()) == 2 + hz


@pytest.mark.parametrize("before, phrase, key", [
    ("key of d major", "relative minor", "b minor"),
    ("key of a minor", "the relative major", "c major"),
    ("key of f major", "modulate to the dominant", "c major"),
    ("key of f major", "go to the subdominant key", "bb major"),
    ("key of d major", "change the mode to dorian", "d dorian"),
    ("key of d major", "set the scale to lydian", "d lydian"),
])
def test_a_key_named_by_its_relation_to_the_key_set(before, phrase, key):
    assert last(*PAD, before, phrase) == [f"/seq/key {key}"]


@pytest.mark.parametrize("phrase, key", [("key of h-minor", "b minor"), ("in h major", "b major"),
                                         ("phrygian, key e", "e phrygian"), ("harmonic minor, root a", "a harmonic_minor")])
def test_german_h_and_a_mode_said_first_name_the_key(phrase, key):
    assert last(*PAD, phrase) == [f"/seq/key {key}"]


def test_a_key_change_at_the_next_bar_waits_for_it():
    assert last(*PAD, "key of c major", "modulate to the dominant at the next bar") == ["/at 1 bar /seq/key g major"]


@pytest.mark.parametrize("phrase, expected", [
    ("filter cutoff -> 4k 2 bars", ["/ramp/filter1/cutoff 4000.0 8"]),
    ("tempo 120 -> 130 8 beats", ["/seq/bpm 130.0 ramp 8"]),
    ("lin ramp the cutoff to 600 over a bar", ["/ramp/filter1/cutoff 600.0 4 lin"]),
    ("the cutoff dips down to 500 over 2 bars", ["/ramp/filter1/cutoff 500.0 8"]),
])
def test_livecoders_lengths_and_curves_said_tersely(phrase, expected):
    assert last(*PAD, "tempo 120", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("the cutoff should go in 2 bars to 900", "/ramp/filter1/cutoff 900.0 8"),
    ("the sine shall go on 660 hertz over a bar", "/ramp/sine1/freq 660.0 4"),
    ("the tempo on 100, over 2 bars", "/seq/bpm 100.0 ramp 8"),
])
def test_a_change_said_as_what_its_subject_does_over_time(phrase, expected):
    assert last(*PAD, "tempo 120", phrase)[-1].startswith(expected)


@pytest.mark.parametrize("phrase, notes", [
    ("play an arpeggio of g major", 3),
    ("an arpeggio of e minor seventh: e g b d", 4),              # the spelling after the chord says it again
    ("the arpeggio of a7 on the triangle", 4),
])
def test_an_arpeggio_of_a_chord(phrase, notes):
    played = last(*PAD, "triangle gain 0.5", phrase)[-1].split()[2:]
    assert len(played) == notes


def test_the_arp_track_named_with_a_verb_is_not_an_arpeggio():
    assert last(*PAD, "arp c4 e4 g4 in 16ths", "change the arp notes to d4 f4 a4") == ["/seq/notes arp d4 f4 a4"]


@pytest.mark.parametrize("phrase, amount", [("humanize the snare 0.4", 0.4), ("humanize kick to .2", 0.2),
                                            ("make the hats more human 0.6", 0.6)])
def test_a_humanize_amount_said_as_a_ratio(phrase, amount):
    track = next(t for t in ("snare", "kick", "hats") if t in phrase)
    assert last(*DRUMS, phrase) == [f"/seq/humanize {track} {amount}"]


@pytest.mark.parametrize("phrase, notes", [
    ("play the interval of a minor sixth above e4", "e4 c5"),
    ("a perfect fourth below g4", "d4 g4"),
    ("sound an octave above a3 on the triangle", "a3 a4"),
    ("the second inversion of g major", None),
])
def test_an_interval_on_a_note_and_an_inversion_of_a_chord(phrase, notes):
    messages = last(*PAD, "triangle gain 0.5", phrase)
    assert messages[0].startswith("/gate/triangle1 1 ")
    if notes:
        from chronus_shell.language.units import note_to_hz
        assert [float(x) for x in messages[0].split()[2:]] == pytest.approx([note_to_hz(n) for n in notes.split()])


@pytest.mark.parametrize("phrase", ["chords in the key: i iv v", "chords in this key, i iv v", "progression in the current key: i iv v"])
def test_in_the_key_without_a_tonic_is_the_key_set(phrase):
    assert last(*PAD, "key of a minor", phrase)[-1].startswith("/seq/notes chords a")
