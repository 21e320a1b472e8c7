"""Issue 13, session 14: more classes of musicians' phrasing (each test a family, several wordings)."""
import pytest

from .test_phrasing_classes import ACID, DRUMS, PAD, last


def said(out: list[str], expected) -> bool:
    """The messages expected, or (a str) one message to that address, its value the shell's step."""
    return len(out) == 1 and out[0].startswith(expected) if isinstance(expected, str) else out == expected


@pytest.mark.parametrize("phrase, expected", [
    ("rm the hat", ["/seq/remove hats", "/patch/remove hat1"]),
    ("rm adsr", ["/patch/remove adsr1", "/patch/connect acid_filter1 master"]),
    ("del the kick track", ["/seq/remove kick"]),
])
def test_a_known_synonym_of_remove_removes(phrase, expected):
    """Slang is not a guess: 'rm' means remove (a typo-guessed reading still may not delete)."""
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, param, direction", [
    ("loads of feedback", "/mod/delay1/feedback", 1),
    ("tons of room", "/mod/reverb1/room", 1),
    ("barely any feedback", "/mod/delay1/feedback", -1),
    ("lots of feedback please", "/mod/delay1/feedback", 1),
])
def test_an_amount_word_before_a_param_is_a_relative_change(phrase, param, direction):
    before = {"/mod/delay1/feedback": 0.3, "/mod/reverb1/room": 0.5}[param]
    (message,) = last(*PAD, "feedback 0.3", "room 0.5", phrase)
    address, value = message.split()
    assert address == param and (float(value) - before) * direction > 0


def test_a_new_effect_with_an_amount_of_a_param_gets_it():
    out = last("add a sine", "add a delay with plenty of feedback")
    assert out[0] == "/patch/create delay1 delay" and float(out[-1].split()[1]) > 0.3
    assert out[-1].startswith("/mod/delay1/feedback")


@pytest.mark.parametrize("phrase, expected", [
    ("echo time dotted 8th", "/mod/delay1/time 0.375"),
    ("delay 1/16th", "/mod/delay1/time 0.125"),
])
def test_an_ordinal_in_digits_is_a_word(phrase, expected):
    assert last(*PAD, "tempo 120", phrase)[-1] == expected


@pytest.mark.parametrize("phrase", ["hats in 8ths", "hats in eighth notes", "hats 8th notes", "the hats in straight eighths"])
def test_a_part_in_note_values_is_its_rhythm_not_its_decay(phrase):
    assert last(*DRUMS, phrase) == ["/seq/add hats hat1 x.x.x.x.x.x.x.x."]


@pytest.mark.parametrize("phrase, expected", [
    ("mellow swing, about 35%", ["/seq/swing 0.35 8"]),
    ("swing the kick", None),
    ("shuffle it", None),
])
def test_swing_said_as_a_verb_or_with_a_colour_word(phrase, expected):
    out = last(*DRUMS, phrase)
    if expected is None:
        assert len(out) == 1 and out[0].startswith("/seq/swing") and float(out[0].split()[1]) > 0
    else:
        assert out == expected


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "remove the hats clip"), ["/seq/remove hats"]),
    ((*DRUMS, "mute the kick clip"), ["/seq/mute kick 1"]),
    ((*DRUMS, "snare channel gain down 6 db"), "/mod/snare1/gain"),
    ((*DRUMS, "change the song tempo to 100"), ["/seq/bpm 100.0"]),
    ((*DRUMS, "disable the snare track"), ["/seq/mute snare 1"]),
    ((*DRUMS, "stop", "fire the scene"), ["/seq/start"]),
    ((*DRUMS, "sync to ableton link"), ["/link on"]),
    ((*DRUMS, "set_bpm 96"), ["/seq/bpm 96.0"]),
])
def test_a_daw_or_live_coders_words(lines, expected):
    assert said(last(*lines), expected)


@pytest.mark.parametrize("phrase, expected", [
    ("vcf q: 4", ["/mod/filter1/q 4.0"]),
    ("lfo to square", ["/mod/lfo1/shape square"]),
    ("mult the lfo to the sine's freq", ["/patch/connect lfo1 sine1.freq"]),
    ("attenuate the lfo, depth 10%", ["/mod/lfo1/depth 0.1"]),
    ("lowpass mode, cutoff 900", ["/mod/filter1/mode lowpass", "/mod/filter1/cutoff 900.0"]),
])
def test_a_modular_synthesists_words(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_a_pulse_wave_is_a_square_and_its_pulse_width_the_width():
    assert last("add a pulse wave, pulse width 30%") == ["/patch/create square1 square", "/patch/connect square1 master",
                                                         "/mod/square1/width 0.3"]


@pytest.mark.parametrize("phrase, expected", [
    ("mute the snare for the bridge", ["/seq/mute snare 1"]),
    ("hats quieter, this is a lullaby", ["/mod/hat1/gain 0.7"]),
    ("tempo 84 for that lazy feel", ["/seq/bpm 84.0"]),
])
def test_what_a_change_is_for_is_left_out(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_a_purpose_naming_a_part_is_not_left_out():
    """'… for the snare' says where: it is never dropped as a purpose (here: refused, not a kick change)."""
    with pytest.raises(Exception):
        last(*DRUMS, "kick decay 300 for the snare")


@pytest.mark.parametrize("phrase, expected", [
    ('d1 $ s "bd*2"', ["/seq/add kick kick1 x.......x......."]),
    ('d5 $ sound "hh*8"', ["/seq/add hats hat1 x.x.x.x.x.x.x.x."]),
    ('d2 $ s "[~ sd]*2"', ["/seq/add snare snare1 ....x.......x..."]),
    ('d1 $ s "bd [~ bd] ~ sn"', ["/seq/add kick kick1 x.....x.........", "/seq/add snare snare1 ............x..."]),
    ('d1 $ s "hh(5,8)"', ["/seq/add hats hat1 x...x.x...x.x..."]),
    ('kick pattern "bd ~ ~ bd"', ["/seq/add kick kick1 x...........x..."]),
])
def test_a_tidal_cycle_is_spread_over_the_bar(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_a_tidal_effect_after_a_hash_is_a_setting():
    assert last(*ACID, "d1 # lpf 900") == ["/mod/acid_filter1/cutoff 900.0"]


@pytest.mark.parametrize("phrase", ['d1 $ s "bd*3"', 'd1 $ s "bd arpy"'])
def test_a_tidal_cycle_off_the_16th_grid_or_with_an_unknown_sample_is_refused(phrase):
    with pytest.raises(Exception):
        last(*DRUMS, phrase)


@pytest.mark.parametrize("phrase, address, direction", [
    ("damp the reverb a touch", "/mod/reverb1/damp", 1),
    ("dampen the reverb", "/mod/reverb1/damp", 1),
    ("detune the sine slightly", "/mod/sine1/detune", 1),
    ("dry the reverb a bit", "/mod/reverb1/mix", -1),
    ("resonate the filter", "/mod/filter1/q", 1),
])
def test_a_param_said_as_a_verb(phrase, address, direction):
    before = {"/mod/reverb1/damp": 0.5, "/mod/sine1/detune": 0.0, "/mod/reverb1/mix": 0.3, "/mod/filter1/q": 0.707}[address]
    (message,) = last(*PAD, "reverb damp 0.5", "reverb mix 0.3", phrase)
    moved, value = message.split()
    assert moved == address and (float(value) - before) * direction > 0


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "shorten the kick"), "/mod/kick1/decay"),
    ((*DRUMS, "stick a snare in"), ["/patch/create snare2 snare", "/patch/connect snare2 master"]),
    ((*DRUMS, "mute the hi hat"), ["/seq/mute hats 1"]),
    ((*DRUMS, "the kick is to boomy"), ["/mod/kick1/decay 252.268925"]),
    ((*DRUMS, "ad a kick"), ["/patch/create kick2 kick", "/patch/connect kick2 master"]),
    (("add a sine", "sit the sine hard left"), ["/mod/sine1/pan -1.0"]),
    (("add a square", "brown noise generator"), ["/patch/create noise1 noise", "/patch/connect noise1 master",
                                                 "/mod/noise1/color brown"]),
    ((*DRUMS, "hats through a delay, feedback 40%"), ["/patch/create delay1 delay", "/patch/disconnect hat1 master",
                                                      "/patch/connect hat1 delay1", "/patch/connect delay1 master",
                                                      "/mod/delay1/feedback 0.4"]),
])
def test_sentence_shapes_around_a_part(lines, expected):
    assert said(last(*lines), expected)


def test_a_module_never_modulates_itself():
    with pytest.raises(Exception, match="can't modulate its own"):
        last("add a sine", "sine1 on the sine freq")


@pytest.mark.parametrize("phrase, address, direction", [
    ("higher note on the sine", "/mod/sine1/freq", 1),
    ("a lower pitch on the triangle", "/mod/triangle1/freq", -1),
])
def test_a_higher_or_lower_note_on_a_part_moves_its_pitch(phrase, address, direction):
    before = {"/mod/sine1/freq": 440.0, "/mod/triangle1/freq": 220.0}[address]
    (message,) = last(*PAD, phrase)
    moved, value = message.split()
    assert moved == address and (float(value) - before) * direction > 0


@pytest.mark.parametrize("phrase, expected", [
    ("save the jam as rehearsal-3", ["/session/save rehearsal-3"]),
    ("save this project called night_set", ["/session/save night_set"]),
    ("record a take called intro_b", ["/record/start intro_b.wav"]),
    ("record the set as gig_2", ["/record/start gig_2.wav"]),
])
def test_a_name_said_after_what_it_names(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_loading_right_now_or_without_quantize_is_now():
    assert last(*DRUMS, "save session as w1", "load w1, no quantise") == ["/session/load w1 now"]
    assert last(*DRUMS, "save session as w1", "load w1 right now") == ["/session/load w1 now"]


@pytest.mark.parametrize("phrase", ["attack 2ms, decay 90 ms", "decay 150 release 300", "sustain 0.2 and decay 60ms"])
def test_bare_params_said_together_go_to_the_one_module_that_has_them_all(phrase):
    """The acid filter has a decay too: with a sustain or release beside it the envelope is meant."""
    assert all(m.startswith("/mod/adsr1/") for m in last(*ACID, phrase))


def test_a_lone_decay_stays_with_the_focus():
    assert last(*ACID, "decay 300") == ["/mod/acid_filter1/decay 300.0"]


def test_louder_right_after_the_master_level_is_the_master():
    assert last(*DRUMS, "master gain -12 db", "a bit louder")[0].startswith("/mod/master/gain")
    assert last(*DRUMS, "master gain -12 db", "snare decay 150", "louder")[0].startswith("/mod/snare1/gain")


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "steppers"), ["/seq/add kick kick1 x...x...x...x..."]),
    ((*DRUMS, "one drop kick"), ["/seq/add kick kick1 ........x......."]),
    ((*DRUMS, "riddim at 74 bpm"), ["/seq/bpm 74.0"]),
    ((*PAD, "sample and hold lfo"), ["/mod/lfo1/shape random"]),
    ((*PAD, "longer delay tail"), "/mod/delay1/feedback"),
    (("add a square", "pwm it"), ["/patch/create lfo1 lfo", "/patch/connect lfo1 square1.width"]),
    ((*DRUMS, "snare (5,8)"), ["/seq/add snare snare1 x...x.x...x.x..."]),
])
def test_a_dub_acid_or_techno_musicians_words(lines, expected):
    assert said(last(*lines), expected)


def test_a_dropped_part_comes_back_in():
    assert last(*DRUMS, "drop the snare", "snare back in") == ["/seq/mute snare 0"]
    assert last(*DRUMS, "mute the hats", "hats in") == ["/seq/mute hats 0"]


def test_the_acid_line_is_the_bass_voice_or_a_new_one():
    assert last(*ACID, "the acid line quieter")[0].startswith("/mod/saw1/gain")
    out = last(*DRUMS, "give me an acid line")
    assert out[0] == "/patch/create saw1 saw" and "/patch/create acid_filter1 acid_filter" in out
    assert out[-1].startswith("/seq/add bass saw1")


@pytest.mark.parametrize("lines, expected", [
    ((*PAD, "counter line on the triangle: c4 e4 g4"), ["/seq/add triangle triangle1 xxx", "/seq/notes triangle c4 e4 g4"]),
    ((*PAD, "arpeggio: a3 c4 e4 c4 on the sine"), ["/seq/add sine sine1 xxxx", "/seq/notes sine a3 c4 e4 c4"]),
    ((*ACID, "riff: e1 g1 a1 b1"), ["/seq/notes bass e1 g1 a1 b1"]),
    ((*DRUMS, "four on the floor kick: x...x...x...x..x"), ["/seq/add kick kick1 x...x...x...x..x"]),
    ((*ACID, "bass notes e1 e1 g1 then a1 b1"), ["/seq/notes bass e1 e1 g1 a1 b1"]),
])
def test_a_label_before_a_colon_says_whose_notes_or_steps_follow(lines, expected):
    assert last(*lines) == expected


def test_a_code_like_label_is_not_read_as_a_part():
    from chronus_shell.language import Translator
    from chronus_shell.language.asides import label_names_part
    model = Translator().model
    assert label_names_part("use_synth(:saw): e2 g2", model, lambda: {"bass": "saw1"}) is None
    assert label_names_part("bass riff: e2 g2", model, lambda: {"bass": "saw1"}) == ("'bass riff:' notes for bass",
                                                                                 "bass notes e2 g2")


@pytest.mark.parametrize("phrase, expected", [
    ("tune the triangle to 262", ["/mod/triangle1/freq 262.0"]),
    ("tune the triangle to 4", ["/mod/triangle1/detune 4.0"]),
])
def test_tuning_an_oscillator_to_a_plain_number(phrase, expected):
    """Above 100 no tuning is that many cents off: a pitch in Hz; a few cents stay cents."""
    assert last(*PAD, phrase) == expected


def test_tuning_to_a_number_that_fits_both_names_both():
    with pytest.raises(Exception, match="could mean"):
        last(*PAD, "tune the triangle to 60")


@pytest.mark.parametrize("lines, expected", [
    ((*PAD, "triangle an octave down"), ["/mod/triangle1/freq 110.0"]),
    ((*PAD, "no more delay"), ["/mod/delay1/mix 0.0"]),
    ((*ACID, "get the cutoff down to 600"), ["/mod/acid_filter1/cutoff 600.0"]),
    ((*ACID, "the filter wide open"), ["/mod/acid_filter1/cutoff 20000.0"]),
    (("add a saw", "give me a massive reverb"), ["/patch/create reverb1 reverb", "/patch/disconnect saw1 master",
                                                 "/patch/connect saw1 reverb1", "/patch/connect reverb1 master"]),
])
def test_word_order_and_adjectives_around_a_change(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("phrase", ["the drums are too quiet", "drums way too quiet"])
def test_too_quiet_is_never_read_as_quieter(phrase):
    """'too quiet' asks for more, of each drum: never the quieter of 'play it quietly' on the focus."""
    out = last(*DRUMS, phrase)
    assert [m.split()[0] for m in out] == ["/mod/kick1/gain", "/mod/snare1/gain", "/mod/hat1/gain"]
    assert all(float(m.split()[1]) > 0.8 for m in out)


def test_a_part_then_an_effect_it_lacks_puts_one_on_it():
    assert last(*DRUMS, "kick echo") == ["/patch/create delay1 delay", "/patch/disconnect kick1 master",
                                         "/patch/connect kick1 delay1", "/patch/connect delay1 master"]


def test_how_fast_are_we_going_asks_the_tempo():
    assert last(*DRUMS, "tempo 100", "how fast are we going") == ["/shell/show tempo 100.0"]


@pytest.mark.parametrize("phrase, direction", [("make it faster", 1), ("can it go a bit faster", 1), ("i want it slower", -1)])
def test_it_faster_or_slower_is_the_tempo_not_the_focused_parts_track(phrase, direction):
    (message,) = last(*ACID, "tempo 120", phrase)
    address, value = message.split()
    assert address == "/seq/bpm" and (float(value) - 120) * direction > 0


@pytest.mark.parametrize("phrase, expected", [
    ("just a hint of delay", ["/mod/delay1/mix 0.4"]),
    ("a splash more reverb, please", ["/mod/reverb1/mix 0.35"]),
])
def test_a_small_amount_word_is_a_bit_more_never_a_guessed_word(phrase, expected):
    """'hint' is no typo of 'hit' (that played a note)."""
    assert last(*PAD, "delay mix 0.3", "reverb mix 0.25", phrase) == expected


def test_a_question_mark_after_a_request_is_no_call_for_help():
    assert last(*DRUMS, "Could you bring the tempo down to 90, please?") == ["/seq/bpm 90.0"]


def test_tidal_sample_names_and_the_ands_of_the_beat():
    assert last(*DRUMS, "sn decay 120") == ["/mod/snare1/decay 120.0"]
    assert last(*DRUMS, "kick on the ands") == ["/seq/add kick kick1 ..x...x...x...x."]


@pytest.mark.parametrize("phrase, target", [("vibrato on the triangle", "triangle1.freq"), ("sine tremolo", "sine1.gain"),
                                            ("a little vibrato on the sine, gentle", "sine1.freq")])
def test_an_lfo_effect_named_on_a_part(phrase, target):
    assert f"/patch/connect lfo2 {target}" in last(*PAD, phrase)


def test_a_huge_reverb_is_a_bigger_room():
    assert last(*PAD, "room 0.5", "massive reverb") == ["/mod/reverb1/room 0.6"]


def test_a_voices_nickname_with_a_possessive():
    assert last(*PAD, "the pad's way too bright")[0].startswith("/mod/filter1/cutoff")


@pytest.mark.parametrize("follow, expected", [
    ("even quieter", "/mod/hat1/gain 0.6"),
    ("more, more", "/mod/hat1/gain 0.6"),
])
def test_follow_ups_said_again_or_doubled(follow, expected):
    assert last(*DRUMS, "hats quieter", follow) == [expected]


@pytest.mark.parametrize("follow", ["the hats as well", "also the hats", "plus the hats", "the hats also"])
def test_the_same_for_another_part_said_with_also_or_as_well(follow):
    assert last(*DRUMS, "snare decay 250", follow) == ["/mod/hat1/decay 250.0"]


def test_scrap_that_is_never_mind_not_a_removal():
    with pytest.raises(Exception, match="nothing changed"):
        last(*ACID, "scrap that")
