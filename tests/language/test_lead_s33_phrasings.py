"""What session 33's development set and blind trial heard go wrong, by class: a name the musician gave is that part,
never a description or a verb of the grammar ('the hum', 'wind'); a raw message is sent as written; a clause that
does something ('doubling the first', 'from pianissimo') is never left out as colour; a pitch word then its steps is
one move; 'unsolo' leaves a part muted before the solo muted."""
import pytest

from chronus_shell.language import Translator
from chronus_shell.language.errors import LanguageError

from .test_time_harmony_classes import echo, last, refused


def test_a_raw_message_names_its_track_as_written_never_in_english():
    assert last("add a triangle", "/seq/add baixo triangle1 x...x...x...x...") == \
        ["/seq/add baixo triangle1 x...x...x...x..."]
    assert last("add a triangle", "/seq/add baixo triangle1 x...x...x...x...", "mute the baixo")[0] == "/seq/mute baixo 1"


def test_a_foreign_word_still_names_its_part_when_no_track_is_so_named():
    assert last("add a kick", "kick x...x...x...x...", "mute the bumbo") == ["/seq/mute kick 1"]


@pytest.mark.parametrize("phrase, expected", [
    ("pan the hum left", "/mod/hum/pan -0.5"),
    ("the hum level -20 db", "/mod/hum/gain 0.1"),
])
def test_a_part_called_by_a_word_that_describes_a_sound_is_that_part(phrase, expected):
    assert last("add a sine called hum", "add a triangle called bell", "mute the hum", phrase) == [expected]


@pytest.mark.parametrize("name", ["wind", "drop"])
def test_a_name_that_is_a_command_word_is_refused_with_one_that_works(name):
    said = refused("add a triangle", f"add pink noise called {name}")
    assert "command words" in said and f"'{name}1'" in said


def test_a_name_with_a_digit_after_a_command_word_is_a_name():
    assert last("add pink noise called wind1", "add a triangle called bell", "wind1 level -20 db") == ["/mod/wind1/gain 0.1"]


def test_a_plural_of_a_numbered_name_is_never_that_one_part():
    said = refused("add a kick", "add a snare", "kick x...x...", "snare ....x...", "add another kick called surdo2",
                   "surdo2 x...x...", "solo the surdos")
    assert "surdos" in said


@pytest.mark.parametrize("phrase", ["bass more low, drop it an octave", "lower, take it down an octave",
                                    "bass lower, drop it an octave"])
def test_a_pitch_word_then_the_steps_it_went_is_one_move(phrase):
    assert last("add a saw", "saw 82.41", phrase) == ["/mod/saw1/freq 41.205"]


def test_a_pitch_word_and_a_level_word_are_two_changes():
    assert last("add a saw", "saw 82.41", "lower, and louder") == ["/mod/saw1/freq 41.205", "/mod/saw1/gain 0.6"]


@pytest.mark.parametrize("line", ["Could you add a second triangle, doubling the first?",
                                  "crescendo over 2 bars, from pianissimo"])
def test_a_clause_that_does_something_is_never_left_out_as_colour(line):
    refused("add a triangle", line)


def test_a_colouring_clause_is_still_left_out():
    assert last("add a kick", "kick decay 800 ms, longer boom") == ["/mod/kick1/decay 800.0"]


@pytest.mark.parametrize("phrase", ["a bit of it", "just a whisper of it", "a touch of it"])
def test_a_little_of_it_is_how_little_never_more(phrase):
    refused("add some noise", phrase)


def test_a_bit_of_an_effect_is_still_more_of_it():
    assert last("add a sine", "add a reverb", "a bit of reverb") == ["/mod/reverb1/mix 0.35"]


def test_too_thin_is_the_body_of_the_sound_never_the_stereo_width():
    assert "fatter" in refused("add a sine", "add a delay", "add a sine", "the sine1 is too thin")


def test_unsolo_leaves_a_part_muted_before_the_solo_muted():
    lines = ("add a sine", "add a saw", "add some noise", "mute the noise", "solo the sine")
    assert last(*lines, "unsolo") == ["/mod/saw1/gain 0.5"]
    assert last(*lines, "unsolo", "unmute the noise") == ["/mod/noise1/gain 0.3"]


def test_a_solo_with_nothing_else_playing_is_refused_never_read_again():
    assert "nothing else is playing" in refused("add a sine", "add a saw", "mute the saw", "solo the sine")


def test_a_trim_in_db_on_a_part_says_it_is_a_step_down():
    assert last("add a kick", "kick -6db") == ["/mod/kick1/gain 0.40095"]
    assert "6 dB down: kick1 gain 0.8 → 0.40095 ('kick gain -6 db' sets the level)" in echo("add a kick", "kick -6db")


@pytest.mark.parametrize("line, chords", [
    ("chords a d e a", ["a3+c#4+e4", "d3+f#3+a3", "e3+g#3+b3", "a3+c#4+e4"]),
    ("chords dm gm a dm", ["d3+f3+a3", "g3+bb3+d4", "a3+c#4+e4", "d3+f3+a3"]),
    ("chords a, d, e and a", ["a3+c#4+e4", "d3+f#3+a3", "e3+g#3+b3", "a3+c#4+e4"]),
])
def test_an_a_in_a_run_of_chords_is_the_chord_a_never_the_article(line, chords):
    notes = last("add a square", line)[-1].split()[2:]
    assert [n for n in notes if n != "-"] == chords


def test_a_bar_each_after_the_chords_is_still_a_length():
    notes = last("add a square", "chords am f c g, a bar each")[-1].split()[2:]
    assert len([n for n in notes if n != "-"]) == 4


@pytest.mark.parametrize("lines, line, changed", [
    (("in d minor", "chords i iv V i"), "the V should be V7", "a3+c#4+e4+g4"),
    (("in d minor", "chords i iv V i"), "make the iv a iv7", "g3+bb3+d4+f4"),
    (("chords dm gm a dm",), "make the A an A7", "a3+c#4+e4+g4"),
    (("chords dm gm a dm",), "the A should be A7", "a3+c#4+e4+g4"),
])
def test_one_chord_named_by_numeral_or_by_a_is_replaced_and_the_rest_stay(lines, line, changed):
    notes = [n for n in last("add a square", *lines, line)[-1].split()[2:] if n != "-"]
    assert len(notes) == 4 and changed in notes and notes[0] == "d3+f3+a3"


@pytest.mark.parametrize("line", ["continuo: d2 c2 bb1 a1", "strings: d4 c4 bb3 a3", "viola: d4 c4 bb3 a3"])
def test_a_line_for_a_part_not_there_never_writes_over_anothers_chords(line):
    refused("add a square called harpsichord", "chords dm gm c f", line)


def test_a_line_for_the_part_named_replaces_its_chords():
    assert last("add a square called harpsichord", "chords dm gm c f", "harpsichord: d4 c4 bb3 a3")[-1] == \
        "/seq/notes chords d4 c4 bb3 a3"


def test_a_pedal_point_never_takes_the_place_of_the_chords():
    assert "under the chords" in refused("add a square", "chords dm gm c f", "pedal point on d")
    assert last("add a square", "chords dm gm c f", "add a sine called pedal", "pedal point on d for the pedal")[-1] == \
        "/seq/notes pedal d4"


def test_through_the_effect_with_two_of_them_asks_which_never_adds_a_third():
    lines = ("add a sine", "add a delay", "add a saw", "add a delay to the saw", "add a square called organ")
    assert refused(*lines, "send the organ through the delay").startswith("which delay?")
    assert last(*lines, "send the organ through delay2") == ["/patch/disconnect organ master", "/patch/connect organ delay2"]


def test_a_db_step_past_a_parts_top_says_how_much_fits():
    said = refused("add a kick", "kick 3 db louder")
    assert "up to 1.9 dB fits" in said and "master +3 db" in said


def test_transpose_after_a_key_said_over_notes_in_another_moves_them_from_theirs():
    assert last("add a sine", "in f major", "notes 1 3 5", "in g minor", "transpose to g") == \
        ["/seq/key g minor", "/seq/notes sine1 g3 bb3 d4"]


SAW_FILTER = ("add a saw", "add a filter")


@pytest.mark.parametrize("first, correction, expected", [
    ("lfo on the cutoff at 2 hz", "no, I meant 0.5 hz", "/mod/lfo1/rate 0.5"),
    ("cutoff up", "no, I meant down", "/mod/filter1/cutoff 840.896415"),
    ("cutoff up", "no, down", "/mod/filter1/cutoff 840.896415"),
    ("cutoff 800", "no, 600", "/mod/filter1/cutoff 600.0"),
    ("sweep the filter up to 2k over 8 bars", "no, I meant over 4 bars", "/ramp/filter1/cutoff 2000.0 16"),
    ("fade out the saw over 8 bars", "no, over 2 bars", "/ramp/saw1/gain 0.0 8"),
])
def test_the_last_line_corrected_on_the_next_is_said_again_as_meant(first, correction, expected):
    assert last(*SAW_FILTER, first, correction)[-1] == expected
    assert echo(*SAW_FILTER, first, correction).startswith((f"corrected: '{first}' → ", "meant "))


def test_a_glide_corrected_goes_on_from_where_it_is_and_one_undo_takes_it_back():
    lines = (*SAW_FILTER, "sweep the filter up to 2k over 8 bars", "no, I meant over 4 bars")
    assert last(*lines) == ["/ramp/filter1/cutoff 2000.0 16"]
    assert last(*lines, "undo") == ["/mod/filter1/cutoff 1000.0"]


def test_a_bare_number_corrected_keeps_the_unit_said_before():
    assert "'melody up 2 semitones'" in echo("add a sine", "melody: c4 e4 g4", "melody up 3 semitones", "no wait, 2")


def test_a_correction_that_fits_no_part_of_the_last_line_is_refused():
    refused(*SAW_FILTER, "add a reverb", "no, faster")


def test_a_change_of_a_cued_setting_takes_the_cue_back_first():
    lines = ("add a square called org2", "at the next bar, mute org2")
    assert last(*lines, "bring org2 back") == ["/at/cancel /mod/org2/gain 0.0", "/mod/org2/gain 0.5"]
    assert last(*lines, "bring org2 back", "mute org2") == ["/mod/org2/gain 0.0"]      # taken back once
    assert last(*lines, "org2 pan left") == ["/mod/org2/pan -0.5"]                     # another setting: the cue stays


def test_a_whole_command_meant_instead_takes_the_last_changes_place():
    assert last("add a saw", "speed up to 100 over 8 bars", "no, I meant tempo 98") == ["/seq/bpm 98.0"]
    assert last("add a saw", "speed up to 100 over 8 bars", "no, I meant tempo 98", "undo") == ["/seq/bpm 120.0"]


def test_a_whole_command_meant_instead_of_another_change_is_not_read_so():
    refused("add a saw", "add a filter", "cutoff up", "no, I meant reverb on the saw")


def test_a_line_read_otherwise_is_never_taken_as_a_correction():
    assert last("add a kick", "kick x...x...x...x...", "nah, kick louder") == ["/mod/kick1/gain 0.9"]


def test_no_correction_after_a_refused_line():
    translator = Translator()
    for line in ("add a saw", "add a filter", "cutoff up"):
        translator.translate(line)
    for line in ("reverb mix 150%", "no, down"):
        with pytest.raises(LanguageError):
            translator.translate(line)


def test_a_correction_keeps_the_undos_wiring_and_puts_back_only_settings_said_again():
    assert last(*SAW_FILTER, "lfo on the cutoff at 2 hz", "no, I meant 0.5 hz") == [
        "/patch/remove lfo1", "/patch/create lfo1 lfo", "/patch/connect lfo1 filter1.cutoff", "/mod/lfo1/rate 0.5"]
    refused("add a saw", "add a reverb to the saw", "no, I meant add a delay to the saw")   # no setting in common


def test_a_second_correction_of_a_timed_line_corrects_the_first():
    assert last(*SAW_FILTER, "sweep the filter up to 2k over 8 bars", "no, I meant over 4 bars", "no, over 2 bars") == \
        ["/ramp/filter1/cutoff 2000.0 8"]


def test_an_a_after_and_before_a_chord_is_the_article():
    notes = last("add a square", "chords c g am f and a dm")[-1].split()[2:]
    assert len([n for n in notes if n != "-"]) == 5


@pytest.mark.parametrize("line", ["reverb up, feeling the vibe", "cutoff 800, keeping it mellow"])
def test_a_colouring_clause_with_ing_is_still_left_out(line):
    assert last("add a saw", "add a filter", "add a reverb", line)


def test_a_db_step_past_the_top_of_a_ratio_that_is_no_level_is_the_plain_range_error():
    assert "0 dB" not in refused("add a saw", "add a delay", "delay feedback 0.9", "feedback up 3 db")


def test_a_track_so_named_keeps_its_name_and_the_other_foreign_words_are_read():
    assert last("add a kick", "/seq/add surdo kick1 x...", "surdo más fuerte") == ["/mod/kick1/gain 0.9"]


def test_a_loaded_sessions_notes_in_hz_are_notes_a_chord_move_can_move():
    lines = ("add a sine at 440 hz", "/seq/add chords sine1 x---x---",
             "/seq/notes chords 220.0+261.625565+329.627557 - - - 174.614116+220.0+261.625565 - - -")
    assert last(*lines, "transpose the chords up 2 semitones") == ["/seq/notes chords b3+d4+f#4 - - - g3+b3+d4 - - -"]


def test_hz_off_the_equal_tempered_grid_stay_hz():
    assert last("add a sine", "/seq/add tune sine1 x...", "/seq/notes tune 442.0", "/seq/notes tune 440.0") == \
        ["/seq/notes tune 440.0"]


def test_sevenths_in_a_run_with_a_minor_chord_are_chords_on_a_voice_of_any_name():
    notes = last("add a square called acordeon at 440 hz", "acordeon plays C A7 Dm G7")[-1].split()[2:]
    assert [n for n in notes if n != "-"] == ["c4+e4+g4", "a4+c#5+e5+g5", "d4+f4+a4", "g4+b4+d5+f5"]


def test_a_voice_named_like_what_it_plays_is_that_voice():
    said = last("add a saw at 110 hz", "bass notes a1 a1 a2 a1", "add a square called arp at 220 hz", "add an adsr to the arp",
                "arpeggiate am7 up in 16ths")
    assert said == ["/seq/add arp arp xxxxxxxxxxxxxxxx", "/seq/notes arp a3 c4 e4 g4"]
