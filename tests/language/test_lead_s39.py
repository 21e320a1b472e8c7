"""Session 39 (lead): German and Portuguese words, a held chord changed in words, a studio's and a bandleader's terms,
an interval said 'instead', a chord changed 'gently', and the silent wrongs of the s39 corpus ('Let's begin.' opened a
transaction, 'speichern als …' saved a session called 'als …', 'load … right now' loaded one called '… right now')."""
from __future__ import annotations

import pytest

from .test_time_harmony_classes import echo, last, refused

PAD = ("/patch/create triangle1 triangle", "/patch/connect triangle1 master", "/patch/create sine1 sine",
       "/patch/connect sine1 master", "the triangle is the pad")
DRUMS = ("/patch/create kick1 kick", "/patch/connect kick1 master", "/patch/create snare1 snare",
         "/patch/connect snare1 master", "/patch/create hat1 hat", "/patch/connect hat1 master",
         "/seq/add kick kick1 x...x...x...x...", "/seq/add snare snare1 ....x.......x...", "/seq/add hats hat1 x.x.x.x.x.x.x.x.")
LEAD = ("/patch/create square1 square", "/patch/create delay1 delay", "/patch/connect square1 delay1",
        "/patch/connect delay1 master", "/seq/add lead square1 x.x.x.x.x.x.x.x.", "the square is the lead")


@pytest.mark.parametrize("phrase, made", [
    ("speichern als take_2", ["/session/save take_2"]),          # it saved a session called 'als take_2'
    ("lade take_2", ["/session/load take_2"]),
    ("alles lauter bitte", ["/mod/master/gain 3.0"]),
    ("hats hart links", ["/mod/hat1/pan -1.0"]),
    ("snare rechts 30", ["/mod/snare1/pan 0.3"]),
    ("snare stumm für 2 takte", ["/seq/mute snare 1 2"]),
])
def test_german_words_on_the_drums(phrase, made):
    assert last(*DRUMS, phrase) == made


def test_a_reverb_auf_dem_part_is_on_that_part():
    """'reverb auf dem pad 40%' added a reverb to the part in focus and set the pad's level to 40 %."""
    made = last(*PAD, "/patch/create snare1 snare", "/patch/connect snare1 master", "add a reverb to the pad",
                "snare louder", "reverb auf dem pad 40%")
    assert made == ["/mod/reverb1/mix 0.4"]


def test_a_german_key_corrected_and_a_delay_auf_dem_lead():
    assert last("key a-moll", "nein, d-moll") == ["/seq/key d minor"]
    assert last(*LEAD, "/seq/bpm 120", "delay auf dem lead 1/8 punktiert") == ["/mod/delay1/time 0.375"]


@pytest.mark.parametrize("phrase, made", [
    ("pad swell über 2 takte", ["/mod/triangle1/gain 0.0", "/ramp/triangle1/gain 0.5 8"]),
    ("pad swell over 2 bars", ["/mod/triangle1/gain 0.0", "/ramp/triangle1/gain 0.5 8"]),
])
def test_a_part_swell_is_a_swell_from_nothing(phrase, made):
    assert last(*PAD, phrase) == made


@pytest.mark.parametrize("phrase", ["salva como baile_1", "salvar como baile_1"])
def test_a_portuguese_save(phrase):
    assert last(*DRUMS, phrase) == ["/session/save baile_1"]


@pytest.mark.parametrize("phrase, chord", [("change it to G minor", "195.997718 233.081881 293.664768"),
                                           ("now to E minor", "164.813778 195.997718 246.941651"),
                                           ("switch it to F major", "174.614116 220.0 261.625565")])
def test_a_held_chord_changed_in_words(phrase, chord):
    assert last(*PAD, "hold a C chord on the pad", phrase)[-1] == f"/gate/triangle1 1 {chord}"


def test_a_chord_changed_gently_is_played_at_once_and_said_so():
    lines = (*PAD, "hold a C chord on the pad", "now change the chord to F major, gently")
    assert last(*lines)[-1] == "/gate/triangle1 1 174.614116 220.0 261.625565"
    assert "'gently': at once" in echo(*lines)


def test_what_cannot_move_with_only_slowly_said_is_still_refused():
    assert "happens at once (say it without the time)" in refused(*PAD, "add a reverb slowly")


@pytest.mark.parametrize("phrase, made", [
    ("Pan hats R30, snare L10.", ["/mod/hat1/pan 0.3", "/mod/snare1/pan -0.1"]),
    ("kick L100", ["/mod/kick1/pan -1.0"]),
    ("print the mix to mix_v3.wav", ["/record/start mix_v3.wav"]),
    ("hats on the off-beat 8ths", ["/seq/add hats hat1 ..x...x...x...x."]),
    ("Load friday show right now.", ["/session/load 'friday show' now"]),   # it loaded 'friday show right now'
    ("Let's begin.", ["/seq/start"]),                                       # it began a transaction
    ("let us begin", ["/seq/start"]),
])
def test_a_studios_and_a_presenters_words(phrase, made):
    assert last(*DRUMS, phrase) == made


def test_stopping_a_print_stops_the_recording():
    assert last(*DRUMS, "print the mix", "stop the print") == ["/record/stop"]


def test_a_bare_begin_is_still_the_transaction():
    assert last(*DRUMS, "begin") == ["/patch/begin"]


@pytest.mark.parametrize("phrase, made", [("echo on the lead, one beat long", ["/mod/delay1/time 0.5"]),
                                          ("tape echo on the lead, slapback, 120 ms", ["/mod/delay1/time 0.12"]),
                                          ("fewer repeats", ["/mod/delay1/feedback 0.305"])])
def test_an_echo_said_a_bandleaders_way(phrase, made):
    assert last(*LEAD, "/seq/bpm 120", "/mod/delay1/feedback 0.4", phrase) == made


def test_a_walking_bass_and_a_part_laid_out():
    notes = last(*PAD, "/seq/add walk sine1 x...x...x...x...", "the sine is the bass", "bass walks c2 e2 g2 a2, quarter notes")
    assert notes[-1] == "/seq/notes walk c2 - - - e2 - - - g2 - - - a2 - - -"
    assert last(*DRUMS, "lay the snare out for 2 bars") == ["/seq/mute snare 1 2"]


def test_an_interval_said_instead_corrects_the_last_move():
    lines = ("/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/add bass sine1 x...x...",
             "/seq/notes bass c2 . . . g2 . . .", "transpose everything up a half step")
    assert last(*lines, "down a whole step instead")[0] == "/seq/notes bass a#1 . . . f2 . . ."
    assert last(*lines, "actually down a whole step")[0] == "/seq/notes bass a#1 . . . f2 . . ."


def test_an_interval_after_notes_played_from_a_note_is_a_move_of_its_own():
    """'play a C major scale …, one octave up from middle C' moved nothing: 'down a minor third instead' is a move."""
    made = last("add a triangle", "play a C major scale in sixteenth notes, one octave up from middle C",
                "down a minor third instead")
    assert made[-1].startswith("/seq/notes ") and " a3 " in made[-1]


@pytest.mark.parametrize("phrase, made", [("filter down on the pad, 600", ["/mod/filter1/cutoff 600.0"]),
                                          ("filter down on the pad to 600", ["/mod/filter1/cutoff 600.0"])])
def test_a_setting_moved_on_a_part_with_where_to(phrase, made):
    assert last(*PAD, "add a filter to the pad", phrase) == made


def test_open_it_back_up_over_bars_opens_the_filter_in_focus_never_the_tempo():
    """It was asked: 'take it to 3000' could be the tempo (3000 bpm) or the focused param."""
    lines = (*PAD, "add a filter to the pad", "filter cutoff 600")
    assert last(*lines, "open it back up to 3000 over 4 bars") == ["/ramp/filter1/cutoff 3000.0 16"]
    assert "has no param 'cutoff'" in refused(*PAD, "add a reverb to the pad", "open it up to 50% over 2 bars")


def test_everybody_is_the_whole_band_and_a_reason_while_talking_is_left_out():
    assert last(*DRUMS, "/seq/speed hats 2", "everybody back to normal speed") == ["/seq/speed hats 1.0"]
    assert last(*DRUMS, "music down 6 db while I read the weather") == ["/mod/master/gain -6.0"]


@pytest.mark.parametrize("phrase", ["the filter lower", "filter1 lower", "the filter on the pad lower", "make the filter a bit lower"])
def test_a_filter_lower_is_its_cutoff_never_its_voices_pitch(phrase):
    """'the filter on the pad lower' moved the pad an octave down (the filter has no pitch: its voice's was taken)."""
    made = last(*PAD, "add a filter to the pad", phrase)
    assert len(made) == 1 and made[0].startswith("/mod/filter1/cutoff ") and float(made[0].split()[1]) < 2000


def test_german_and_portuguese_read_first_by_every_reader():
    assert last(*PAD, "/patch/create acid_filter1 acid_filter", "resonanz 80... nee, 70%") == ["/mod/acid_filter1/resonance 0.7"]
    made = last(*PAD, "akkorde im pad: Am F C G, je ein Takt")
    assert made[0].startswith("/seq/add chords triangle1 x---------------x") and "a3+c4+e4" in made[-1]


def test_a_side_with_a_bit_after_it_and_how_far():
    assert last(*PAD, "the sine is the bell", "bell to the right a bit, 20") == ["/mod/sine1/pan 0.2"]


def test_straight_with_no_swing_is_one_swing_of_none():
    """'Straight, no swing.' set the delay's mode to 'straight' as well."""
    assert last(*LEAD, "straight, no swing") == ["/seq/swing 0.0"]


def test_the_double_said_again_doubles_the_part_only():
    """'the hats more fast, the double' doubled the hats and the tempo (128 → 256)."""
    assert last(*DRUMS, "the hats more fast, the double") == ["/seq/speed hats 2.0"]


def test_a_part_that_follows_with_its_notes_keeps_its_own_rhythm():
    """'Bass follows: g2 d2 e2 c2, a bar each.' sent the notes bare and re-timed the keys' chord track."""
    made = last(*PAD, "/seq/add keys triangle1 x...", "/seq/notes keys c4+e4+g4", "/seq/add bass sine1 x...",
                "/seq/notes bass c2", "the sine is the bass", "Bass follows: g2 d2 e2 c2, a bar each.")
    assert made[0].startswith("/seq/add bass sine1 x...............x") and made[1].startswith("/seq/notes bass g2 - -")
    assert not any(m.startswith(("/seq/add keys", "/seq/notes keys")) for m in made)


def test_a_complaint_with_a_hedged_number_is_a_step_down():
    """'the drums are still too loud, like -6db' set each drum to -6 dB (0.5) instead of 6 dB lower."""
    made = last(*DRUMS, "/mod/kick1/gain 0.6", "the drums are still too loud, like -6db")
    assert made[0] == "/mod/kick1/gain 0.300712"


def test_an_effects_mode_named_on_the_part_sets_the_one_it_goes_through():
    """'bitcrush the guitar' with a distortion on it added a second distortion."""
    guitar = ("/patch/create saw1 saw", "/patch/create distortion1 distortion", "/patch/connect saw1 distortion1",
              "/patch/connect distortion1 master", "the saw is the guitar")
    assert last(*guitar, "bitcrush the guitar") == ["/mod/distortion1/mode bitcrush"]


@pytest.mark.parametrize("lines, made", [
    (("save the session like fiesta_madrid",), ["/session/save fiesta_madrid"]),   # it saved 'like fiesta_madrid'
    (("put in the pad a chord of la minor",), ["/gate/triangle1 1 220.0 261.625565 329.627557"]),
    (("tempo 100", "tempo down to 90 over 4 bars", "cancel that, stay at 100"), ["/seq/bpm 100.0"]),   # no transaction aborted
])
def test_a_spanish_speakers_and_a_presenters_turns(lines, made):
    assert last(*PAD, *lines) == made


def test_a_new_sound_introduced_by_its_name_is_added_and_answers_to_it():
    made = last(*PAD, "/patch/create noise1 noise", "/patch/connect noise1 master", "add some rain: white noise at -30 dB")
    assert made[0] == "/patch/create noise2 noise" and made[-1] == "/mod/noise2/gain 0.031623"


@pytest.mark.parametrize("phrase, made", [
    ("kick on beats 2 and 4.", ["/seq/add kick kick1 ....x.......x..."]),     # '4.' was read as a decimal
    ("snr 3 db down", ["/mod/snare1/gain 0.566357"]),
    ("kick half", ["/seq/speed kick 0.5"]),                                     # it set the kick's level to 0.5
    ("Brass, tacet.", ["/seq/mute hats 1"]),
])
def test_a_fast_typists_and_a_conductors_lines(phrase, made):
    lines = (*DRUMS, "/mod/snare1/gain 0.8", "the hat is the brass") if "Brass" in phrase else (*DRUMS, "/mod/snare1/gain 0.8")
    assert last(*lines, phrase) == made


def test_a_glide_corrected_with_to_or_after_a_dash():
    assert last(*DRUMS, "tempo 120", "tempo up to 130 over 4 bars", "no, to 132") == ["/seq/bpm 132.0 ramp 16"]
    assert last(*DRUMS, "tempo 120", "tempo up to 130 over 4 bars", "No — to 134.") == ["/seq/bpm 134.0 ramp 16"]


def test_two_parts_by_the_musicians_names_and_a_part_that_appears():
    guitar = ("/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/gain 0.5", "/patch/create sine1 sine",
              "/patch/connect sine1 master", "/mod/sine1/gain 0.5", "the saw is the guitar", "the sine is the bass")
    assert last(*guitar, "guitar and bass down 2db") == ["/mod/saw1/gain 0.397164", "/mod/sine1/gain 0.397164"]
    assert last(*PAD, "/mod/triangle1/gain 0.4", "the pad appears slowly in 4 bars") == [
        "/mod/triangle1/gain 0.0", "/ramp/triangle1/gain 0.4 16"]
