"""Issue 13, session 20: the trial's silent wrongs and crashes, each as a family of phrasings
(with near-misses that must not be read that way)."""
import pytest

from chronus_shell.language import Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last

#: The pad with a second filter, a highpass, in focus: a mode word then names a filter by its setting.
TWO_FILTERS = (*PAD, "add a highpass filter after the sine")


@pytest.mark.parametrize("phrase, expected", [
    ("sweep the lowpass from 400 to 4k over 8 bars", ["/mod/filter1/cutoff 400.0", "/ramp/filter1/cutoff 4000.0 32"]),
    ("sweep the highpass from 400 to 4k over 8 bars", ["/mod/filter2/cutoff 400.0", "/ramp/filter2/cutoff 4000.0 32"]),
    ("the lowpass at 300", ["/mod/filter1/cutoff 300.0"]),
    ("lpf cutoff 300", ["/mod/filter1/cutoff 300.0"]),
    ("lowpass cutoff 300", ["/mod/filter1/cutoff 300.0"]),
    ("highpass cutoff 120", ["/mod/filter2/cutoff 120.0"]),
    ("bring the low pass down to 500 over 4 bars", ["/ramp/filter1/cutoff 500.0 16"]),
])
def test_a_mode_word_names_the_filter_in_that_mode(phrase, expected):
    assert last(*TWO_FILTERS, phrase) == expected


def test_a_mode_word_before_a_named_part_still_sets_the_mode():
    assert last(*TWO_FILTERS, "lowpass the sine at 300") == ["/mod/filter2/mode lowpass", "/mod/filter2/cutoff 300.0"]


@pytest.mark.parametrize("phrase, db", [("volume 0.2", "-14"), ("volume 0.5", "-6"), ("master 0.8", "-1.9"),
                                        ("master volume at 0.5", "-6"), ("set the volume to 0.3", "-10.5")])
def test_a_plain_fraction_on_the_master_level_in_db_names_both_readings(phrase, db):
    error = refused(*PAD, phrase)
    assert "in dB" in error and f"'volume {db} db'" in error


@pytest.mark.parametrize("phrase, hint", [("volume 11", "11% (-19.2 dB), or -11 dB"), ("volume 70", "70% (-3.1 dB)")])
def test_a_master_level_out_of_range_suggests_percent_and_db(phrase, hint):
    assert hint in refused(*PAD, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("master -3", "/mod/master/gain -3.0"), ("volume -6", "/mod/master/gain -6.0"), ("master 3", "/mod/master/gain 3.0"),
    ("volume 50%", "/mod/master/gain -6.0206"), ("sine volume 0.2", "/mod/sine1/gain 0.2"), ("gain 0.3", "/mod/sine1/gain 0.3"),
    ("sine level 0.7", "/mod/sine1/gain 0.7"),
])
def test_a_level_number_is_in_the_params_own_unit(phrase, expected):
    assert last(*PAD, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("more filter envelope", "/mod/acid_filter1/env_amount 0.6"), ("filter env to 80%", "/mod/acid_filter1/env_amount 0.8"),
    ("turn up the filter envelope", "/mod/acid_filter1/env_amount 0.6"), ("the 303's env mod at 0.3", "/mod/acid_filter1/env_amount 0.3"),
    ("filter envelope decay 300", "/mod/acid_filter1/decay 300.0"), ("more envelope on the filter", "/mod/acid_filter1/env_amount 0.6"),
    ("filter envelope on the bass to 0.7", "/mod/acid_filter1/env_amount 0.7"),
])
def test_the_filter_envelope_is_the_acid_filters_own(phrase, expected):
    assert last(*ACID, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["add a filter envelope", "add an envelope to the filter", "envelope on the filter",
                                    "filter env on the saw", "a filter envelope on the bass", "filter envelope"])
def test_asking_for_a_filter_envelope_never_adds_an_amp_envelope(phrase):
    assert "has its own filter envelope" in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase", ["add a filter envelope", "more filter envelope", "filter env on the triangle"])
def test_a_filter_envelope_without_an_acid_filter_says_what_moves_a_cutoff(phrase):
    assert "only an acid filter has one" in refused(*PAD, phrase)


@pytest.mark.parametrize("phrase, time", [
    ("a dotted eighth delay on the saw", "0.351562"), ("add a dotted eighth delay on the saw", "0.351562"),
    ("a quarter note delay on the bass", "0.46875"), ("a 1/8d delay on the saw", "0.351562"),
    ("put a 300 ms echo on the saw", "0.3"), ("delay on the saw, 1/4 dotted", "0.703125"),
])
def test_an_effect_with_its_time_said_first_is_added_to_that_part(phrase, time):
    messages = last(*ACID, "tempo 128", phrase)
    assert messages[0] == "/patch/create delay1 delay" and messages[-1] == f"/mod/delay1/time {time}"


@pytest.mark.parametrize("phrase", ["delay time 1/8d", "delay time 1/8 dotted", "delay time dotted 1/8",
                                    "delay time eighth dotted", "delay 3/16"])
def test_a_dotted_length_said_any_way_is_one_and_a_half_times_it(phrase):
    assert last(*PAD, "tempo 120", phrase) == ["/mod/delay1/time 0.375"]


@pytest.mark.parametrize("phrase, expected", [
    ("delay on the sine at 300 ms", "/mod/delay1/time 0.3"), ("a dotted eighth delay on the sine", "/mod/delay1/time 0.375"),
    ("delay on the sine, 40%", "/mod/delay1/mix 0.4"),
])
def test_an_effect_put_on_a_part_that_has_it_sets_the_one_there(phrase, expected):
    assert last(*PAD, "tempo 120", phrase) == [expected]


@pytest.mark.parametrize("phrase", ["delay on the sine", "reverb on the triangle", "an echo on the sine"])
def test_an_effect_put_again_on_a_part_that_has_it_says_how_to_set_it_or_add_another(phrase):
    assert "already goes through" in refused(*PAD, phrase)


def test_another_effect_asked_for_is_added():
    assert last(*PAD, "add another delay to the sine")[0] == "/patch/create delay2 delay"


@pytest.mark.parametrize("phrase", ["make the lead wider", "wider", "make it wider", "widen the lead", "narrower"])
def test_wider_is_a_stereo_width_never_a_pulse_width(phrase):
    error = refused("add a square lead at 440", phrase)
    assert "stereo width" in error and "'pulse width up'" in error


@pytest.mark.parametrize("phrase, expected", [
    ("make the pulse wider", "/mod/square1/width 0.59"), ("a wider pulse", "/mod/square1/width 0.59"),
    ("pulse width up", "/mod/square1/width 0.59"), ("thinner", "/mod/square1/width 0.41"),
])
def test_the_pulse_width_moves_when_the_pulse_is_said(phrase, expected):
    assert last("add a square lead at 440", phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("make the pad wider", "/mod/reverb1/width 1.2"), ("make the sine wider", "/mod/delay1/width 1.2"),
    ("widen the reverb", "/mod/reverb1/width 1.2"),
])
def test_wider_on_a_voice_with_a_reverb_or_delay_is_its_stereo_width(phrase, expected):
    assert last(*PAD, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["release the chord", "let go", "release it", "gate off"])
def test_a_release_on_a_voice_with_no_envelope_says_it_goes_on_sounding(phrase):
    translator = Translator()
    for line in (*PAD, "play a C major chord on the triangle"):
        translator.translate(line)
    assert [str(m) for m in translator.translate(phrase)] == ["/gate/triangle1 0"]
    assert any("no envelope it goes on sounding" in said and "'mute triangle1'" in said for said in translator.understood)


def test_a_release_on_a_voice_with_an_envelope_says_nothing_more():
    translator = Translator()
    for line in (*ACID, "hold an a2"):
        translator.translate(line)
    assert [str(m) for m in translator.translate("release it")] == ["/gate/saw1 0"]
    assert not any("no envelope" in said for said in translator.understood)


@pytest.mark.parametrize("phrase, expected", [
    ("cutoff to 2000 over 4 bars then back to 500 over 4 bars",
     ["/ramp/acid_filter1/cutoff 2000.0 16", "/at 16 beat /ramp/acid_filter1/cutoff 500.0 16"]),
    ("fade out the hats over 2 bars, then stop", ["/ramp/hat1/gain 0.0 8", "/at 8 beat /seq/stop"]),
    ("cutoff to 2k over 2 bars, then resonance to 0.9 over 2 bars, then cutoff 300",
     ["/ramp/acid_filter1/cutoff 2000.0 8", "/at 8 beat /ramp/acid_filter1/resonance 0.9 8",
      "/at 16 beat /mod/acid_filter1/cutoff 300.0"]),
])
def test_a_command_after_then_starts_when_the_timed_one_before_it_ends(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, times", [
    ("undo the last 3 changes", 3), ("undo the last three things", 3), ("go back 2 steps", 2), ("undo last 2 lines", 2),
    ("undo the last command", 1), ("undo 3 times", 3),
])
def test_an_undo_counts_the_lines_typed(phrase, times):
    translator = Translator()
    for line in ACID:
        translator.translate(line)
    depth = len(translator.undo_stack)
    translator.translate(phrase)
    assert len(translator.undo_stack) == depth - times


@pytest.mark.parametrize("phrase, expected", [
    ("sweep the cutoff to 2k", ["/ramp/acid_filter1/cutoff 2000.0 16"]),
    ("sweep the cutoff from 200 to 2k", ["/mod/acid_filter1/cutoff 200.0", "/ramp/acid_filter1/cutoff 2000.0 16"]),
    ("sweep down to 300", ["/ramp/acid_filter1/cutoff 300.0 16"]),
    ("filter sweep up to 8k over 16 bars", ["/ramp/acid_filter1/cutoff 8000.0 64"]),
    ("sweep the resonance to 0.9", ["/ramp/acid_filter1/resonance 0.9 16"]),
])
def test_a_sweep_is_a_ramp_over_four_bars_unless_a_time_is_said(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase", ["sweep the cutoff", "sweep the filter", "filter sweep", "do a filter sweep", "add a sweep",
                                    "sweep it", "sweep the cutoff over 4 bars"])
def test_a_sweep_without_a_target_is_asked_about(phrase):
    assert refused(*ACID, phrase).startswith("a sweep to where?")


def test_a_sweep_said_with_an_lfo_is_that_lfo():
    assert last(*ACID, "sweep the filter with a slow lfo")[:2] == ["/patch/create lfo1 lfo",
                                                                   "/patch/connect lfo1 acid_filter1.cutoff"]


@pytest.mark.parametrize("phrase, slip", [("play x.x.z. on the kick", "'z' in 'x.x.z.'"), ("kick x.x.z.", "'z' in 'x.x.z.'"),
                                          ("hats x..xk...", "'k' in 'x..xk...'")])
def test_a_rhythm_with_a_slip_names_the_symbol_that_is_no_step(phrase, slip):
    assert refused(*ACID, phrase).startswith(slip)


@pytest.mark.parametrize("phrase", ["seed -1", "seed 2.5", "set the seed to -3"])
def test_a_seed_out_of_range_says_the_range(phrase):
    assert "a seed is a whole number from 0 up" in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase", ["resonance 1000%", "resonance 200%"])
def test_a_percent_out_of_range_says_the_range_in_percent(phrase):
    assert "is out of range 0–95%" in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("tempo to 100 in 2 bars, slowly", ["/seq/bpm 100.0 ramp 8"]),
    ("resonance up to 0.8 in 4 bars, gradually", ["/ramp/acid_filter1/resonance 0.8 16"]),
    ("cutoff to 300 over 4 bars, gently", ["/ramp/acid_filter1/cutoff 300.0 16"]),
])
def test_a_manner_word_after_a_length_says_how_not_how_long(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, pattern", [
    ("hats on the and of every beat", "..x...x...x...x."), ("kick on the and of each beat", "..x...x...x...x."),
    ("snare on the & of every beat", "..x...x...x...x."), ("hats on the upbeats", "..x...x...x...x."),
])
def test_the_and_of_every_beat_is_the_offbeats(phrase, pattern):
    assert last("kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.", phrase)[-1].endswith(pattern)


@pytest.mark.parametrize("phrase", ["the high beep is annoying, lower it", "the beep is too much, turn it down"])
def test_a_part_named_in_a_complaint_is_what_it_means_after(phrase):
    assert last(*PAD, phrase)[0].startswith("/mod/sine1/")


@pytest.mark.parametrize("phrase", ["bring the hats back in on the next bar", "at the next bar bring the hats back in"])
def test_a_part_brought_back_in_at_a_bar_is_unmuted_then_not_faded(phrase):
    assert last(*ACID, "kill the hats", phrase) == ["/at 1 bar /seq/mute hats 0"]


@pytest.mark.parametrize("phrase, expected", [
    ("Decrease the tempo by 10 percent.", "/seq/bpm 108.0"), ("tempo up 5%", "/seq/bpm 126.0"),
])
def test_a_tempo_change_in_percent_is_of_the_tempo(phrase, expected):
    assert last("tempo 120", phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("start the record, name it kater_live", "/record/start kater_live.wav"),
    ("Please record this for my grandson; name it for_tommy.", "/record/start for_tommy.wav"),
    ("Would you kindly save what we have? Call it 'Sunday Afternoon'.", "/session/save sunday_afternoon"),
])
def test_a_recording_or_session_named_in_a_clause_of_its_own_gets_that_name(phrase, expected):
    assert last(*ACID, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [("lfo on the filter 6 hz", "/mod/lfo1/rate 6.0"),
                                              ("lfo on the filter at 2 hz", "/mod/lfo1/rate 2.0")])
def test_a_modulator_put_on_a_param_it_already_moves_is_set_not_added_again(phrase, expected):
    assert last(*PAD, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["mute the drum", "drum louder"])     # (patois 'di drum': the drums, s21)
def test_the_drum_with_several_drums_asks_which_never_the_focus(phrase):
    assert refused(*DRUMS, "hats decay 50", phrase).startswith("which drum? kick1, snare1, hat1")


@pytest.mark.parametrize("phrase, expected", [("the kick drum louder", "/mod/kick1/gain 0.9"), ("snare drum up", "/mod/snare1/gain 0.9")])
def test_a_drum_named_with_the_word_drum_is_that_drum(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("please increase volume of all by 2 dB", "/mod/master/gain 2.0"), ("make the music -12 dB", "/mod/master/gain -12.0"),
    ("the music at -12 dB", "/mod/master/gain -12.0"), ("increase the volume of everything by 3 dB", "/mod/master/gain 3.0"),
    ("the whole mix down 6 db", "/mod/master/gain -6.0"),
])
def test_the_music_the_mix_and_everything_are_the_master_level(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["turn the whole dang thing down", "turn the whole darn thing down"])
def test_a_word_said_for_force_is_left_out(phrase):
    assert last(*PAD, phrase) == ["/mod/master/gain -3.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("hats pan 20 L", "/mod/hat1/pan -0.2"), ("hats pan 30 R", "/mod/hat1/pan 0.3"), ("kick pan L 20", "/mod/kick1/pan -0.2"),
    ("pan the snare 15R", "/mod/snare1/pan 0.15"),
])
def test_a_daws_pan_readout_is_percent_to_that_side(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("timed, again, expected", [
    ("drop the kick for a bar", "again", "/seq/mute kick 1 1"),
    ("cutoff to 2k over 4 bars", "do that again", "/ramp/acid_filter1/cutoff 2000.0 16"),
])
def test_again_after_a_timed_line_is_timed_again(timed, again, expected):
    assert last(*ACID, timed, again) == [expected]


@pytest.mark.parametrize("phrase", ["cutoff of everything 500"])     # ("reverb on everything": the master's, s28)
def test_everything_where_a_module_is_wanted_never_suggests_itself(phrase):
    error = refused(*ACID, phrase)
    assert "names no one module" in error and "did you mean everything" not in error


def test_an_effect_added_to_a_part_goes_before_an_effect_it_shares_with_others():
    shared = ("add a sine at 220", "add a sine at 330", "add a noise", "add a reverb", "connect sine1 to reverb1",
              "connect sine2 to reverb1")
    assert last(*shared, "add a lowpass filter on the noise at 400hz")[:4] == [
        "/patch/create filter1 filter", "/patch/disconnect noise1 reverb1", "/patch/connect noise1 filter1",
        "/patch/connect filter1 reverb1"]


@pytest.mark.parametrize("phrase, expected", [
    ("another saw detuned 15 cents", ["/patch/create saw2 saw", "/patch/connect saw2 master", "/mod/saw2/detune 15.0"]),
    ("anotehr saw detuned 15 cents", ["/patch/create saw2 saw", "/patch/connect saw2 master", "/mod/saw2/detune 15.0"]),
    ("add another saw detuned 7 cents", ["/patch/create saw2 saw", "/patch/connect saw2 master", "/mod/saw2/detune 7.0"]),
])
def test_another_part_with_a_setting_is_a_new_one_never_the_one_there(phrase, expected):
    assert last("add a saw at 110", phrase) == expected


@pytest.mark.parametrize("held, phrase, expected", [
    ("play a c chord on the triangle", "stop the chord", "/gate/triangle1 0"),
    ("play a c chord on the triangle", "stop that chord", "/gate/triangle1 0"),
    ("play middle c on the sine", "stop that note", "/gate/sine1 0"), ("play middle c on the sine", "end the note", "/gate/sine1 0"),
])
def test_stopping_a_held_note_or_chord_releases_it(held, phrase, expected):
    assert last(*PAD, held, phrase) == [expected]
