"""Session 43 (lead): a stop said beside a fade waits for the fade to end, 'please' before a fade keeps its length, a
part's own track said as its name, a part named by what it plays is never a modulator, and a guitarist's 'gain'."""
from __future__ import annotations

import pytest

from .test_lead_s39 import DRUMS, PAD
from .test_time_harmony_classes import echo, last, refused

DRONES = (*PAD, "/seq/start")


@pytest.mark.parametrize("phrase, beats", [
    ("Please fade out everything in 8 bars, and stop.", 32),    # it stopped at once (the fade heard by nobody)
    ("fade out in 8 bars and stop", 32),
    ("please fade out in 4 bars and stop", 16),
    ("fade out everything over 8 bars; and stop", 32),
    ("fade out the pad over 4 bars, and stop", 16),
])
def test_a_stop_beside_a_fade_waits_for_it(phrase, beats):
    made = last(*DRONES, phrase)
    assert made[0].startswith("/ramp/") and made[0].endswith(f" {beats}")
    assert f"/at {beats} beat /seq/stop" in made and "/seq/stop" not in made


def test_please_before_a_fade_keeps_in_n_bars_its_length():
    """'Please fade out everything in 8 bars' waited 8 bars, then faded over a default 4."""
    assert last(*DRONES, "Please fade out everything in 8 bars") == ["/ramp/master/gain -60.0 32"]
    assert last(*DRONES, "please fade out the pad in 8 bars") == ["/ramp/triangle1/gain 0.0 32"]


MELODY = (*PAD, "/seq/add melody sine1 x...x...x...x...", "/seq/notes melody a4 - - - c5 - - - e5 - - - d5 - - -")


def test_a_part_said_to_be_its_own_track_is_no_setting():
    """'the sine is the melody' (its track 'melody') was refused: 'sine has no setting melody'."""
    assert last(*MELODY, "the sine is the melody") == []
    assert "'melody' is sine1's track" in echo(*MELODY, "the sine is the melody")
    assert "the track sine1 plays" in refused(*MELODY, "the triangle is the melody")


@pytest.mark.parametrize("phrase", ["melody on the triangle", "the melody on the triangle now"])
def test_a_part_named_by_what_it_plays_is_no_modulator(phrase):
    """'melody on the triangle' connected the sine to the triangle's pitch (FM): a sound, not an lfo."""
    assert "no modulator" in refused(*MELODY, phrase)


def test_a_modulator_named_by_its_id_still_modulates():
    assert last(*MELODY, "sine1 on triangle1") == ["/patch/connect sine1 triangle1.freq"]


GUITAR = (*DRUMS, "/patch/create saw1 saw", "/patch/create distortion1 distortion", "/patch/connect saw1 distortion1",
          "/patch/connect distortion1 master", "/mod/saw1/gain 0.5", "the saw is the guitar")


@pytest.mark.parametrize("phrase", ["more gain on the guitar", "guitar gain up", "guitar gain 0.3"])
def test_a_guitars_gain_through_a_distortion_names_both_readings(phrase):
    """'more gain on the guitar' raised the saw's level; a guitarist means the amp's drive."""
    said = refused(*GUITAR, phrase)
    assert "distortion1's drive" in said and "saw1's level" in said


def test_a_gain_said_by_id_or_as_loudness_is_the_level():
    assert last(*GUITAR, "saw1 gain 0.2") == ["/mod/saw1/gain 0.2"]
    assert last(*GUITAR, "guitar louder") == ["/mod/saw1/gain 0.6"]


@pytest.mark.parametrize("phrase", ["hats softer -6db", "hats quieter -6 db", "hats down -6db"])
def test_a_comparative_and_a_minus_go_one_way(phrase):
    """'hats softer -6db' raised the hats 6 dB (a double negative)."""
    assert last(*DRUMS, "/mod/hat1/gain 0.5", phrase) == ["/mod/hat1/gain 0.250594"]


def test_a_rise_said_with_a_minus_is_asked():
    assert "pulls both ways" in refused(*DRUMS, "hats louder -3db")


def test_bring_two_parts_down_moves_both():
    """'bring the snare and the hats down 3 db' was refused: 'snare1 is not muted' (read as 'bring the snare' in)."""
    made = last(*DRUMS, "/mod/snare1/gain 0.6", "/mod/hat1/gain 0.5", "bring the snare and the hats down 3 db")
    assert made == ["/mod/snare1/gain 0.424767", "/mod/hat1/gain 0.353973"]


@pytest.mark.parametrize("phrase, beats", [("Strings slowly come in during 8 bars", 32),
                                           ("the strings enter over 2 bars", 8)])
def test_a_part_that_comes_in_fades_in_to_its_level(phrase, beats):
    """It rose from its level (0.4) to 0.5: a crescendo, where musicians mean an entry from silence."""
    lines = (*PAD, "/mod/triangle1/gain 0.4", "the triangle is the strings")
    assert last(*lines, phrase) == ["/mod/triangle1/gain 0.0", f"/ramp/triangle1/gain 0.4 {beats}"]


@pytest.mark.parametrize("phrase, gain", [("too much", 0.448807), ("mucho, too much", 0.448807), ("less", 0.448807),
                                          ("too much, back off", 0.448807), ("Too much, return", 0.4),
                                          ("way too much", 0.4)])
def test_too_much_after_a_step_takes_half_of_it_back(phrase, gain):
    """'bass up 2 db', 'too much' went a step of its own down, below where the bass was."""
    lines = (*PAD, "/mod/sine1/gain 0.4", "the sine is the bass", "bass up 2 db")
    assert last(*lines, phrase) == [f"/mod/sine1/gain {gain}"]


def test_too_much_after_a_value_set_is_a_step_back():
    assert last(*PAD, "/mod/sine1/gain 0.4", "sine1 gain 0.6", "too much") == ["/mod/sine1/gain 0.5"]


WIND = (*DRUMS, "/mod/kick1/gain 0.5", "/mod/snare1/gain 0.5", "/patch/create noise1 noise", "/patch/connect noise1 master",
        "the noise is the wind", "/patch/create saw1 saw", "/patch/connect saw1 master")


@pytest.mark.parametrize("phrase, made", [
    ("kick.gain += 3dB", ["/mod/kick1/gain 0.706269"]),
    ("kick.gain -= 3dB", ["/mod/kick1/gain 0.353973"]),
    ("kick+snare -= 2dB", ["/mod/kick1/gain 0.397164", "/mod/snare1/gain 0.397164"]),
    ("wind.gain = 0", ["/mod/noise1/gain 0.0"]),
    ("wind.color = pink", ["/mod/noise1/color pink"]),
    ("hats.speed = 2", ["/seq/speed hats 2"]),
    ("hats.humanize(0.2)", ["/seq/humanize hats 0.2"]),
    ("start()", ["/seq/start"]),
    ("tempo = 132 // no wait 128", ["/seq/bpm 128.0"]),
    ("kick.gain = 0.3 # quieter", ["/mod/kick1/gain 0.3"]),     # a comment that corrects nothing is a remark
])
def test_a_line_typed_as_code_is_read(phrase, made):
    assert last(*WIND, phrase) == made
    assert "read as" in echo(*WIND, phrase)


def test_a_list_of_notes_typed_as_code():
    assert last(*PAD, "/seq/add lead triangle1 xxxx", "lead.notes = [c5, d5, e5, g5]") == ["/seq/notes lead c5 d5 e5 g5"]


def test_ctrl_z_undoes():
    assert last(*WIND, "kick.gain = 0.2", "ctrl+z") == ["/mod/kick1/gain 0.5"]


@pytest.mark.parametrize("phrase, made", [("wind gain 0", ["/mod/noise1/gain 0.0"]), ("wind louder", ["/mod/noise1/gain 0.4"])])
def test_a_sound_named_like_a_verb_said_first_is_that_sound(phrase, made):
    """'wind gain 0' (a noise called wind, a saw added after it) silenced the saw in focus: 'wind' read as a verb."""
    assert last(*WIND, phrase) == made


@pytest.mark.parametrize("phrase", ["hold a Dm9 on the pads", "pads hold dm9"])
def test_a_chord_held_on_a_part_whose_track_plays_is_held(phrase):
    """It went on the track's hits ('/seq/notes pads …'); musicians hold it — the track muted, or its next note ends it."""
    lines = (*PAD, "/seq/add pads triangle1 x...............", "/seq/notes pads d3+f3+a3+c4", "/seq/start",
             "the triangle is the pads")
    made = last(*lines, phrase)
    assert made[0] == "/seq/mute pads 1" and made[-1].startswith("/gate/triangle1 1 146.832384 174.614116 220.0")
    assert "pads track muted while the chord holds" in echo(*lines, phrase)


HYMN = (*PAD, "/seq/add hymn triangle1 x---------------", "/seq/notes hymn g3+b3+d4", "/seq/add melody sine1 x...x...x...x...",
        "/seq/notes melody g4 - - - a4 - - - b4 - - - d5 - - -", "the triangle is the organ", "the sine is the flute")


def test_a_chord_with_no_part_said_goes_to_the_part_that_plays_chords():
    """'hold a G chord for the prayer' with the flute named last held it on the flute."""
    assert last(*HYMN, "hold a G chord for the prayer") == ["/gate/triangle1 1 195.997718 246.941651 293.664768"]
    assert "the part that plays the chords" in echo(*HYMN, "hold a G chord for the prayer")
    assert last(*HYMN, "hold a G chord on the flute")[-1].startswith("/gate/sine1 1")


def test_back_up_to_0_is_never_a_fade_to_silence():
    """'bring it back up to 0 over 1 bar' after a fade out faded the lead out ('to 0' read as to silence)."""
    lines = (*PAD, "/seq/add lead sine1 x.x.x.x.", "/seq/start", "fade the master out over 4 bars")
    with pytest.raises(Exception):
        last(*lines, "bring it back up to 0 over 1 bar")     # asked (the tempo or the focused param), never a fade out


CUMBIA = (*DRUMS, "/patch/create saw1 saw", "/patch/create filter1 filter", "/patch/connect saw1 filter1",
          "/patch/connect filter1 master", "/mod/saw1/gain 0.5", "/mod/filter1/cutoff 3000", "/seq/add bajo saw1 x.x.x.x.",
          "/patch/create square1 square", "/patch/connect square1 master", "/seq/add acordeon square1 x.x.x.x.x.x.x.x.",
          "/seq/start", "el saw es el bajo", "el square es el acordeon")


@pytest.mark.parametrize("phrase, made", [
    ("el bajo mas fuerte 2db", ["/mod/saw1/gain 0.629463"]),
    ("filtro abajo en 4 compases", ["/ramp/filter1/cutoff 2522.689246 16"]),
    ("tempo a 105 en 8 compases", ["/seq/bpm 105.0 ramp 32"]),
    ("bajo afuera 2 compases y vuelve", ["/seq/mute bajo 1 2", "/mod/saw1/gain 0.0", "/at 9 beat /mod/saw1/gain 0.5"]),
    ("la caja en el 2 y el 4", ["/seq/add snare snare1 ....x.......x..."]),
    ("acorde de la menor en el acordeon, sostenido", ["/seq/mute acordeon 1", "/gate/square1 1 220.0 261.625565 329.627557"]),
    ("para de grabar", ["/record/stop"]),
])
def test_a_cumbia_producers_spanish_is_read(phrase, made):
    assert last(*CUMBIA, phrase) == made


def test_spanish_words_never_take_english_or_german_ones():
    assert last(*DRUMS, "del the kick track") == ["/seq/remove kick"]
    assert last(*PAD, "in Es-Dur") == ["/seq/key eb major"]


def test_a_held_chord_changed_in_solfege():
    assert last(*CUMBIA, "acorde de la menor en el acordeon, sostenido", "ahora mi mayor")[-1] == \
        "/gate/square1 1 164.813778 207.652349 246.941651"


@pytest.mark.parametrize("phrase", ["hats a bit louder please, maybe 3 db", "hats louder, like 3 db"])
def test_a_comparative_then_a_hedged_amount_is_by_it(phrase):
    """'flute a bit louder please, maybe 3 db' was refused: 'gain 3 db is out of range'."""
    assert last(*DRUMS, "/mod/hat1/gain 0.5", phrase) == ["/mod/hat1/gain 0.706269"]


@pytest.mark.parametrize("phrase", ["fade out slowly over 8 bars at the end and then stop",
                                    "everything fade out over 8 bars and stop"])
def test_a_fade_said_with_a_manner_or_its_subject_first_then_stop(phrase):
    made = last(*DRONES, phrase)
    assert made[:2] == ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]


def test_a_timed_mute_at_a_section_is_the_mute():
    assert last(*DRUMS, "/seq/start", "kick out for 2 bars at the drop") == ["/seq/mute kick 1 2"]


def test_too_much_half_that_is_half_way_back():
    assert last(*DRUMS, "/mod/kick1/gain 0.6", "kick up 2 db", "too much, half that") == ["/mod/kick1/gain 0.673211"]


@pytest.mark.parametrize("phrase, made", [("key = C# minor", ["/seq/key c# minor"]),
                                          ("set the key to c# minor (for the bridge)", ["/seq/key c# minor"]),
                                          ("play c# (the low one)", ["/gate/sine1 1 277.182631"])])
def test_a_sharp_beside_brackets_or_an_equals_is_no_comment(phrase, made):
    """The review: '#' was read as a code comment, so 'key = C# minor' set C minor."""
    assert last(*PAD, phrase) == made


def test_less_after_less_goes_on_down_after_a_half_way_back():
    """The review: 'bass louder', 'less', 'less' went up again (the half way back counted as a set, 'up')."""
    lines = (*PAD, "/mod/sine1/gain 0.5", "the sine is the bass", "bass louder", "less")
    assert last(*lines, "less") == ["/mod/sine1/gain 0.447723"]


def test_hold_on_is_no_chord_held():
    lines = (*PAD, "/seq/add bass sine1 x.x.x.x.", "/seq/start")
    assert last(*lines, "hold on, Am on the bass") == ["/seq/notes bass a3+c4+e4"]


def test_a_chord_tried_on_a_sound_just_added_stays_there():
    """The review: 'add a saw called organ', 'play Am' went to the pad that plays the chords."""
    lines = (*PAD, "/seq/add pad triangle1 x...............", "/seq/notes pad a3+c4+e4", "add a saw called organ")
    assert last(*lines, "play Am")[-1].startswith("/gate/organ 1")


@pytest.mark.parametrize("phrase, first", [("acorde de la", "/gate/sine1 1 220.0 277.182631 329.627557"),
                                           ("mucho reverb", "/patch/create reverb1 reverb")])
def test_spanish_read_before_stays_read(phrase, first):
    assert last(*PAD, phrase)[0] == first


def test_everything_up_a_bare_number_with_notes_playing_is_asked():
    """'everything up 5' with a bass line playing set the master to +5 dB: a beginner meant a transposition."""
    lines = (*PAD, "/seq/add bass sine1 x.x.x.x.", "/seq/notes bass a2 c3 e3 g3")
    assert "semitones" in refused(*lines, "everything up 5") and "db" in refused(*lines, "everything up 5")
    assert last(*DRUMS, "everything up 5") == ["/mod/master/gain 5.0"]          # drums alone: the level


def test_a_track_named_like_a_param_word_is_the_part():
    """'click up 4 db' (a sine playing a track called click) raised the kick's punch."""
    lines = (*DRUMS, "/patch/create sine1 sine", "/patch/connect sine1 master", "/mod/sine1/gain 0.3",
             "/seq/add click sine1 x...x...x...x...")
    assert last(*lines, "click up 4 db") == ["/mod/sine1/gain 0.475468"]


def test_end_of_set_after_a_fade_is_a_remark():
    assert last(*DRONES, "everything fades out over 32 bars, end of set") == ["/ramp/master/gain -60.0 128"]


def test_a_lone_y_between_a_word_and_a_number_is_no_spanish_and():
    """The fuzz: 'boost the drive y 1' read 'y' as 'and' and pointed past the line's end."""
    lines = ("add a saw at 110 hz", "add acid filter at 800hz")
    try:
        last(*lines, "boost the drive y 1")
    except Exception as err:                      # refused, pointing inside the line
        assert err.column is None or err.column <= len("boost the drive y 1")


def test_too_much_dash_less_is_half_way_back_too():
    """The second review: 'too much - less' took three steps down, below where the line before started."""
    assert last(*DRUMS, "/mod/kick1/gain 0.8", "kick louder", "too much - less") == ["/mod/kick1/gain 0.848528"]


def test_turn_everything_down_a_bare_number_is_the_level():
    lines = (*PAD, "/seq/add bass sine1 x.x.x.x.", "/seq/notes bass a2 c3 e3 g3")
    assert last(*lines, "turn everything down 6") == ["/mod/master/gain -6.0"]
    assert "1 semitone'" in refused(*lines, "everything down 1")


def test_sostenido_after_a_level_change_is_no_hold():
    assert last(*DRUMS, "/mod/kick1/gain 0.8", "kick louder, sostenido") == ["/mod/kick1/gain 0.9"]


def test_end_of_the_song_after_a_fade_stops_when_it_ends():
    assert last(*DRONES, "fade out over 8 bars, end of the song")[:2] == ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]


CHORDS_AND_FLUTE = (*PAD, "/seq/add chords triangle1 x...x...x...x...", "/seq/notes chords a3+c4+e4 f3+a3+c4 c4+e4+g4 g3+b3+d4",
                    "/seq/add melody sine1 x.x.x.x.", "/seq/notes melody a4 c5 e5 c5", "/seq/start", "the sine is the flute")


def test_a_chord_held_with_no_part_said_mutes_the_chords_it_goes_to_and_a_chord_played_stays_on_the_focus():
    """The second review: held on the chords' part, its track's next hit ended it; 'play am' moved off the focus."""
    assert last(*CHORDS_AND_FLUTE, "hold a c chord")[0] == "/seq/mute chords 1"
    assert last(*CHORDS_AND_FLUTE, "play am")[0].startswith("/gate/sine1 1")


@pytest.mark.parametrize("phrase, pattern", [("hats on every e and a", ".x.x" * 4), ("snare on all the ands", "..x." * 4),
                                             ("hats on every e, & and a", ".xxx" * 4), ("kick on every a", "...x" * 4)])
def test_a_drum_teachers_count_on_every_beat(phrase, pattern):
    made = last(*DRUMS, phrase)
    assert len(made) == 1 and made[0].startswith("/seq/add ") and made[0].endswith(f"1 {pattern}")


@pytest.mark.parametrize("phrase", ["delay feedback a bit less", "reverb mix a little more"])
def test_a_setting_then_a_bit_more_or_less(phrase):
    made = last(*PAD, "/patch/create delay1 delay", "/patch/create reverb1 reverb", "/mod/delay1/feedback 0.4",
                "/mod/reverb1/mix 0.25", phrase)
    assert len(made) == 1 and made[0].startswith(("/mod/delay1/feedback", "/mod/reverb1/mix"))


@pytest.mark.parametrize("phrase, made", [("shuffle feel on the hats, 30%", ["/seq/swing 0.3 8"]), ("shuffle feel 30%", ["/seq/swing 0.3 8"])])
def test_a_swing_said_as_a_feel(phrase, made):
    assert last(*DRUMS, "/seq/start", phrase) == made


def test_a_side_then_how_far():
    assert last(*PAD, "sine to the left, hard") == ["/mod/sine1/pan -1.0"]
