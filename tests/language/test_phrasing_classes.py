"""Issue 13, second round: classes of musicians' phrasing (each test a family, several wordings)."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused

ACID = ("add a saw at 55 hz", "add acid filter", "add an adsr", "bass x.xX.x.xx.Xx.x.x", "bass notes a1 a1 c2 a1",
        "kick x...x...x...x...", "hats ..x...x...x...x.", "cutoff 800")
DRUMS = ("kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.")
PAD = ("add a triangle at 220 hz", "add a filter", "add a reverb", "add a sine at 440 hz", "add a delay",
       "add an lfo", "connect lfo1 to filter1 cutoff")


def last(*lines) -> list[str]:
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    return [str(m) for m in translator.translate(lines[-1])]




@pytest.mark.parametrize("phrase, expected", [
    ("kick dec 600", ["/mod/kick1/decay 600.0"]),
    ("snare tail shorter", ["/mod/snare1/decay 126.134462"]),
    ("Could the hi-hat ring a little longer?", ["/mod/hat1/decay 59.460356"]),
    ("make the kick hit harder", ["/mod/kick1/punch 0.6"]),
])
def test_shorthand_and_studio_words_for_a_param(phrase, expected):
    assert last(*DRUMS, "hats decay 50", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("dry/wet 30 on the echo", ["/mod/delay1/mix 0.3"]),
    ("100% wet on the reverb", ["/mod/reverb1/mix 1.0"]),
    ("Could you set the reverb to about half wet?", ["/mod/reverb1/mix 0.5"]),
    ("adsr a 5 d 200 s 0.3 r 100", None),
    ("lfo to saw shape, 0.02 Hz", ["/mod/lfo1/shape saw", "/mod/lfo1/rate 0.02"]),
])
def test_wet_dry_envelope_letters_and_shapes(phrase, expected):
    if expected is None:
        assert last("add a saw", "add an adsr", phrase) == ["/mod/adsr1/attack 5.0", "/mod/adsr1/decay 200.0",
                                                             "/mod/adsr1/sustain 0.3", "/mod/adsr1/release 100.0"]
    else:
        assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("attack 500ms on the bass", ["/mod/adsr1/attack 500.0"]),
    ("lpf 800 on hats", ["/patch/create filter1 filter", "/patch/disconnect hat1 master", "/patch/connect hat1 filter1",
                         "/patch/connect filter1 master", "/mod/filter1/mode lowpass", "/mod/filter1/cutoff 800.0"]),
    ("delay 1/8 on the bass", ["/patch/create delay1 delay", "/patch/disconnect adsr1 master",
                               "/patch/connect adsr1 delay1", "/patch/connect delay1 master", "/mod/delay1/time 0.25"]),
])
def test_a_setting_said_before_its_part_is_not_read_as_switching_the_part_on(phrase, expected):
    assert last(*ACID, "tempo 120", phrase) == expected


@pytest.mark.parametrize("phrase", ["Just kick and snare for now, please.", "kick and snare only", "solo kick snare",
                                    "solo the kick and the snare"])
def test_several_parts_soloed_send_only_the_net_mutes(phrase):
    assert last(*DRUMS, phrase) == ["/seq/mute hats 1"]


@pytest.mark.parametrize("phrase", ["triangle and sine both at 0.3", "the sounds at 0.3", "make both sounds quieter"])
def test_both_and_the_sounds_mean_each_part(phrase):
    messages = last(*PAD, phrase)
    assert [m.split()[0] for m in messages] == ["/mod/triangle1/gain", "/mod/sine1/gain"] or \
        sorted(m.split()[0] for m in messages) == ["/mod/sine1/gain", "/mod/triangle1/gain"]


def test_a_choice_word_that_names_a_module_there_is_that_module_not_an_lfo_shape():
    assert last(*PAD, "triangle and sine at 0.3") == ["/mod/triangle1/gain 0.3", "/mod/sine1/gain 0.3"]


@pytest.mark.parametrize("phrase", ["drop it to 70", "take it up to 140", "bring it down to 90"])
def test_a_bare_tempo_like_number_for_it_names_both_readings(phrase):
    error = refused(*ACID, phrase)
    assert error.startswith("that could mean 'tempo ") and "acid_filter1 cutoff" in error


def test_it_with_a_number_beyond_any_tempo_is_the_focus():
    assert last(*ACID, "drop it to 300") == ["/mod/acid_filter1/cutoff 300.0"]


@pytest.mark.parametrize("phrase", ["make it punchier", "make it hit harder"])
def test_it_stays_in_the_focused_voice_never_jumps_to_the_one_drum_that_has_the_param(phrase):
    assert "kick" not in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase", ["no hats", "no hats please"])
def test_no_part_mutes_its_track(phrase):
    assert last(*DRUMS, phrase) == ["/seq/mute hats 1"]


@pytest.mark.parametrize("phrase", ["add a second 303", "add another 303"])
def test_another_303_is_a_new_bass_voice(phrase):
    assert last(*ACID, phrase) == ["/patch/create saw2 saw", "/patch/create acid_filter2 acid_filter",
                                   "/patch/connect saw2 acid_filter2", "/patch/connect acid_filter2 master"]


@pytest.mark.parametrize("phrase, name", [("save this as dusty_loop before i mess it up", "dusty_loop"),
                                          ("save as jam2 just in case", "jam2"),
                                          ("save as night drive", "'night drive'")])
def test_a_session_name_leaves_out_the_reason_said_after_it(phrase, name):
    assert last("add a saw", phrase) == [f"/session/save {name}"]


@pytest.mark.parametrize("patch, phrase, expected", [
    (ACID, "make it scream", "/mod/acid_filter1/resonance 0.6"),
    (ACID, "little more bite on the filter", "/mod/acid_filter1/drive 1.4"),
    (ACID, "Less of that squelchy sound, please.", "/mod/acid_filter1/resonance 0.4"),
    (ACID, "make the wah wah stronger", "/mod/acid_filter1/env_amount 0.6"),
    (DRUMS, "make the kick more boomy", "/mod/kick1/decay 356.762135"),
    (DRUMS, "yo can u give the kick more knock", "/mod/kick1/punch 0.6"),
    (DRUMS, "Could the snare be a bit more crisp?", "/mod/snare1/snap 0.6"),
    (PAD, "deeper modulation on the filter", "/mod/lfo1/depth 0.6"),
    (PAD, "less movement in the filter pls", "/mod/lfo1/depth 0.4"),
    (PAD, "Slower wobble on the filter, please.", "/mod/lfo1/rate 0.840896"),
    (PAD, "make the filter sweep faster", "/mod/lfo1/rate 1.189207"),
    (PAD, "Less depth on that wobble please", "/mod/lfo1/depth 0.4"),
])
def test_a_quality_asked_in_a_sentence_moves_the_param_that_owns_it(patch, phrase, expected):
    address, value = expected.split()
    messages = last(*patch, phrase)
    assert len(messages) == 1 and messages[0].split()[0] == address
    assert float(messages[0].split()[1]) == pytest.approx(float(value), rel=0.02)


def test_a_quality_the_voice_lacks_brings_its_effect():
    assert last(*DRUMS, "Could you put just a little grit on the hats?")[0] == "/patch/create distortion1 distortion"


@pytest.mark.parametrize("phrase, expected", [
    ("point the lfo at the reverb mix instead", ["/patch/disconnect lfo1 filter1.cutoff", "/patch/connect lfo1 reverb1.mix"]),
    ("lfo1 to tri freq instead", ["/patch/disconnect lfo1 filter1.cutoff", "/patch/connect lfo1 triangle1.freq"]),
    ("lfo1 -> sine1 freq too", ["/patch/connect lfo1 sine1.freq"]),
    ("also let the lfo push the reverb mix", ["/patch/connect lfo1 reverb1.mix"]),
])
def test_a_modulator_aimed_elsewhere_instead_or_too(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_the_lfo_on_one_more_target_as_well_names_both_readings():
    error = refused(*PAD, "lfo on the reverb mix as well")
    assert "'connect lfo1 to reverb1 mix'" in error and "'add another lfo to reverb1 mix'" in error


@pytest.mark.parametrize("phrase, target", [("wobble the reso with an lfo", "acid_filter1.resonance"),
                                            ("filter sweep on the bass with an lfo", "acid_filter1.cutoff")])
def test_a_wobble_with_an_lfo(phrase, target):
    assert last("add a saw at 55 hz", "add acid filter", phrase) == ["/patch/create lfo1 lfo", f"/patch/connect lfo1 {target}"]


@pytest.mark.parametrize("phrase", ["saw into acid filter", "saw bass into an acid filter", "saw 55 + acid filter"])
def test_a_source_into_an_effect_builds_the_voice(phrase):
    messages = last(phrase)
    assert messages[0] == "/patch/create saw1 saw" and "/patch/create acid_filter1 acid_filter" in messages
    assert messages[-1].startswith("/patch/connect acid_filter1 master") or "/patch/connect acid_filter1 master" in messages


def test_throw_the_sine_into_the_echo_it_already_feeds_is_refused_with_the_mix_not_a_second_sine():
    error = refused("add a sine", "add a delay", "throw the sine into the echo")
    assert "more delay mix" in error


def test_a_lone_word_naming_a_module_and_the_focus_choice_names_both():
    error = refused("add a triangle", "add an lfo", "triangle")
    assert "triangle1" in error and "lfo1 shape triangle" in error


@pytest.mark.parametrize("phrase, expected", [
    ("less verb, its washing out the snare", ["/mod/reverb1/mix 0.15"]),
    ("less verb because it's too much", ["/mod/reverb1/mix 0.15"]),
])
def test_a_reason_said_after_a_command_is_left_out(phrase, expected):
    assert last(*DRUMS, "reverb on the snare", phrase) == expected


def test_an_lfo_so_they_move_keeps_the_command():
    assert last(*DRUMS, "put an lfo on the hat tone so they move a bit") == ["/patch/create lfo1 lfo",
                                                                            "/patch/connect lfo1 hat1.tone"]


def test_the_same_for_another_part_on_the_same_line():
    assert last(*DRUMS, "kick decay 250 and same for the hats") == ["/mod/kick1/decay 250.0", "/mod/hat1/decay 250.0"]


@pytest.mark.parametrize("phrase", ["sub: sine 40hz", "siren: sine 40hz"])
def test_a_label_before_a_colon_that_names_no_part_is_left_out(phrase):
    assert last(phrase) == ["/patch/create sine1 sine", "/patch/connect sine1 master", "/mod/sine1/freq 40.0"]


@pytest.mark.parametrize("phrase", ["quantised to 4 bars: sine 40hz", "every other bar: sine 40hz",
                                    "warp 2: sine 40hz"])
def test_a_label_that_says_when_or_how_much_is_never_left_out(phrase):
    with pytest.raises(LanguageError):
        last(phrase)


@pytest.mark.parametrize("phrase", ["add brown noise, low", "add brown noise, quietly", "add brown noise underneath, quiet"])
def test_a_new_sound_asked_quiet_is_added_quieter(phrase):
    messages = last(phrase)
    assert messages[0] == "/patch/create noise1 noise" and messages[-1].startswith("/mod/noise1/gain ")
    assert float(messages[-1].split()[1]) < 0.5


def test_env_mod_is_the_303_envelope_amount():
    assert last(*ACID, "303 cutoff to 1500 and env mod 40%") == ["/mod/acid_filter1/cutoff 1500.0",
                                                                 "/mod/acid_filter1/env_amount 0.4"]


@pytest.mark.parametrize("phrase, expected", [
    ("The sine is a bit harsh, could you take it down an octave?", ["/mod/sine1/freq 220.0"]),
    ("the triangle sounds too loud, turn it down", ["/mod/triangle1/gain 0.4"]),   # one step: one request (s21)
])
def test_a_description_then_a_request_about_it(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase, path", [("Record please, to a file called jam1", "jam1.wav"),
                                          ("start recording to drone_take3", "drone_take3.wav"),
                                          ("record jam1", "jam1.wav")])
def test_a_recording_named_without_an_extension_keeps_its_name(phrase, path):
    assert last("add a saw", phrase) == [f"/record/start {path}"]


@pytest.mark.parametrize("phrase, expected", [
    ("Could you add a bass? A saw at 55 Hz would be lovely.", ["/patch/create saw1 saw", "/patch/connect saw1 master",
                                                               "/mod/saw1/freq 55.0"]),
    ("Could you make a bass sound, a square wave at A1?", ["/patch/create square1 square",
                                                           "/patch/connect square1 master", "/mod/square1/freq 55.0"]),
])
def test_a_role_then_the_sound_that_plays_it(phrase, expected):
    assert last(phrase) == expected


def test_swap_the_order_of_two_effects():
    assert last(*PAD, "Could you swap the order of the filter and the reverb?")[-1] == "/patch/connect filter1 master"


@pytest.mark.parametrize("phrase, expected", [
    ("Would you mind bringing the tempo down to 92?", ["/seq/bpm 92.0"]),
    ("I'd love it if the snare were a little quieter.", ["/mod/snare1/gain 0.7"]),
    ("Let's have the kick a little punchier, if that's alright.", ["/mod/kick1/punch 0.6"]),
    ("Could you possibly turn the hats down just a hair?", ["/mod/hat1/gain 0.7"]),
    ("I think the kick could be a bit longer.", ["/mod/kick1/decay 356.762135"]),
    ("Mind dropping the hats for a bit?", ["/seq/mute hats 1"]),
    ("Would you take the tempo up a few bpm?", ["/seq/bpm 125.0"]),
    ("Might we try the hats at half volume?", ["/mod/hat1/gain 0.5"]),
    ("Can we get a little more swing, say 15%?", ["/seq/swing 0.15 8"]),
])
def test_politeness_and_hedging_around_a_command(phrase, expected):
    assert last(*DRUMS, "tempo 120", phrase) == expected


@pytest.mark.parametrize("phrase", ["stop the wobbling", "Could you stop the wobble in the sound?", "no more wobble"])
def test_stopping_the_wobble_lets_the_lfo_go(phrase):
    assert last(*PAD, phrase) == ["/patch/disconnect lfo1 filter1.cutoff"]


@pytest.mark.parametrize("phrase, expected", [
    ("yo turn that bass up", "/mod/saw1/gain 0.6"),
    ("kill the reso", "/mod/acid_filter1/resonance 0.0"),
    ("go easy on the resonance", "/mod/acid_filter1/resonance 0.405"),
    ("its cutoff to 700", "/mod/acid_filter1/cutoff 700.0"),
])
def test_references_and_slang_verbs(phrase, expected):
    assert last(*ACID, "resonance 0.5", phrase) == [expected]


def test_deeper_on_a_drum_without_depth_is_lower_and_the_same_follows():
    translator = Translator()
    for line in DRUMS:
        translator.translate(line)
    assert [str(m) for m in translator.translate("make the kick deeper")] == ["/mod/kick1/freq 42.044821"]
    assert [str(m).split()[0] for m in translator.translate("same for the snare")] == ["/mod/snare1/tone"]


def test_i_cant_hear_a_part_unmutes_it_when_muted_else_louder():
    assert last(*DRUMS, "i can't hear the kick") == ["/mod/kick1/gain 0.9"]
    assert last(*DRUMS, "mute the kick", "i can't hear the kick") == ["/seq/mute kick 0"]


@pytest.mark.parametrize("phrase, expected", [("how long is the snare", "/shell/show snare1.decay 150.0"),
                                              ("make the hats sparkle", "/mod/hat1/tone 9513.65692")])
def test_how_questions_and_a_quality_on_the_param_that_does_its_job(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [("resonance zero point five", "/mod/acid_filter1/resonance 0.5"),
                                              ("resonance to point 8", "/mod/acid_filter1/resonance 0.8"),
                                              ("cutoff one point two k", "/mod/acid_filter1/cutoff 1200.0")])
def test_decimals_said_in_words(phrase, expected):
    assert last(*ACID, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [("bigger space", "/mod/reverb1/mix 0.35"),
                                              ("dry it up a bit", "/mod/reverb1/mix 0.15")])
def test_space_words(phrase, expected):
    assert last(*PAD, "reverb mix 0.25", phrase) == [expected]


@pytest.mark.parametrize("phrase", ["never mind", "forget it", "scratch that", "the kick is fine", "leave the kick alone",
                                    "hmm not sure"])
def test_never_mind_changes_nothing_and_is_never_corrected_into_a_command(phrase):
    assert refused(*DRUMS, phrase) == "ok — nothing changed"


@pytest.mark.parametrize("phrase", ["rounder kick", "simpler", "smoother"])
def test_a_comparative_is_never_corrected_into_another_word(phrase):
    refused(*DRUMS, phrase)                               # was: 'faster kick' (double time), 'sampler' (a new module)


def test_a_comparative_typo_is_still_read():
    assert last(*DRUMS, "brigter hats") == ["/mod/hat1/tone 9513.65692"]


def test_a_word_three_edits_away_is_no_typo_of_a_part():
    refused(*DRUMS, "add some keys")                      # was: keys → kick, a second kick added


@pytest.mark.parametrize("phrase, expected", [("snaer louder", "/mod/snare1/gain 0.9"),
                                              ("kcik louder", "/mod/kick1/gain 0.9")])
def test_swapped_letters_are_still_a_typo(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, kind", [("add a buzzy sound", "saw"), ("add a beep", "sine"),
                                          ("add a hollow tone", "square"), ("give me a mellow sound", "triangle")])
def test_a_sound_described_by_its_timbre_is_the_waveform_that_has_it(phrase, kind):
    assert last(phrase)[0] == f"/patch/create {kind}1 {kind}"


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "snare with a long decay, 400ms"), ["/mod/snare1/decay 400.0"]),
    (("snare with a long decay, 400ms",), ["/patch/create snare1 snare", "/patch/connect snare1 master",
                                           "/mod/snare1/decay 400.0"]),
    ((*DRUMS, "hats longer decay, like 200 ms"), ["/mod/hat1/decay 200.0"]),
])
def test_a_part_with_a_setting_then_its_value(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("phrase, readings", [("bring the bass down to 70", ("'saw1 gain 70%'", "'saw1 freq 70 Hz'")),
                                              ("take the kick down to 50", ("'kick1 gain 50%'", "'kick1 freq 50 Hz'"))])
def test_up_or_down_to_a_bare_number_on_a_part_names_its_level_and_its_main_param(phrase, readings):
    error = refused(*ACID, phrase)
    assert error.startswith("that could mean ") and all(r in error for r in readings)


@pytest.mark.parametrize("phrase, expected", [("bass to 70", "/mod/saw1/freq 70.0"),
                                              ("turn the bass down to 40%", "/mod/saw1/gain 0.4"),
                                              ("turn the cutoff down to 300", "/mod/acid_filter1/cutoff 300.0"),
                                              ("saw up to 110", "/mod/saw1/freq 110.0")])
def test_a_number_only_one_reading_takes_is_that_reading(phrase, expected):
    assert last(*ACID, phrase) == [expected]


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "rimshot-y snare, decay 60ms, tone 400"), ["/mod/snare1/decay 60.0", "/mod/snare1/tone 400.0"]),
    ((*DRUMS, "snare 808 style, tone 160, decay 300"), ["/mod/snare1/tone 160.0", "/mod/snare1/decay 300.0"]),
    ((*DRUMS, "hats open, 200ms decay"), ["/mod/hat1/decay 200.0"]),
    ((*ACID, "Could you detune the bass slightly, maybe 10 cents?"), ["/mod/saw1/detune 10.0"]),
    ((*PAD, "make the echo repeat more"), ["/mod/delay1/feedback 0.495"]),
    ((*DRUMS, "Could I hear the snare on its own?", "Everything back in, please."), ["/seq/mute kick 0",
                                                                                      "/seq/mute hats 0"]),
])
def test_style_words_hedges_and_settings_said_loosely(lines, expected):
    assert last(*lines) == expected


def test_open_and_close_by_itself_is_a_wobble():
    assert last(*ACID, "make the filter open and close by itself") == ["/patch/create lfo1 lfo",
                                                                       "/patch/connect lfo1 acid_filter1.cutoff"]


@pytest.mark.parametrize("phrase, expected", [
    ("a little tanh saturation on the triangle, 20% wet", ["/patch/create distortion1 distortion",
                                                          "/patch/disconnect reverb1 master",
                                                          "/patch/connect reverb1 distortion1",
                                                          "/patch/connect distortion1 master",
                                                          "/mod/distortion1/mode tanh", "/mod/distortion1/drive 5.0", "/mod/distortion1/mix 0.2"]),
    ("give the triangle an envelope with a 4 second attack", ["/patch/create adsr1 adsr", "/patch/disconnect filter1 reverb1",
                                                              "/patch/connect filter1 adsr1", "/patch/connect adsr1 reverb1",
                                                              "/mod/adsr1/attack 4000.0"]),    # (before the room it rings in)
])
def test_an_effect_given_to_a_voice_with_its_setting(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_one_cycle_every_n_seconds_is_a_rate():
    assert last(*PAD, "make the filter sweep one cycle every 20 seconds") == ["/mod/lfo1/rate 0.05"]


@pytest.mark.parametrize("lines, expected", [
    ((*PAD, "Could the filter sit around 1.2k, with just a little resonance, say 2?"), ["/mod/filter1/cutoff 1200.0",
                                                                                        "/mod/filter1/q 2.0"]),
    ((*DRUMS, "Could we have a slow ballad tempo, say 66?"), ["/seq/bpm 66.0"]),
    ((*PAD, "Could you make the wobble smooth, like a triangle shape?"), ["/mod/lfo1/shape triangle"]),
])
def test_jazz_requests_said_around_their_values(lines, expected):
    assert last(*lines) == expected


def test_a_value_against_the_step_just_said_names_both_readings():
    error = refused(*DRUMS, "snare up, 10 percent")       # was: up a step, then down to 10 % (silently)
    assert "'snare1 gain up by 10 percent'" in error and "'snare1 gain 10 percent'" in error
    assert "did you mean 'tempo up 5 bpm'" in refused(*DRUMS, "tempo up, 5 bpm")


@pytest.mark.parametrize("phrase, expected", [("kick shorter, 200 ms", ["/mod/kick1/decay 200.0"]),
                                              ("hats down, 20 percent", ["/mod/hat1/gain 0.2"])])
def test_a_value_that_agrees_with_the_step_is_set(phrase, expected):
    assert last(*DRUMS, phrase) == expected
