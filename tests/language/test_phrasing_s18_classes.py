"""Issue 13, session 18: classes of musicians' phrasing that were refused or did the wrong thing
(each test a family, several wordings of our own): now the right thing, or a clear refusal."""
import pytest

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


@pytest.mark.parametrize("phrase, expected", [
    ("distortion level to max", "/mod/distortion1/mix 1.0"), ("distortion volume down", "/mod/distortion1/mix 0.9"),
    ("the distortion's level 0.5", "/mod/distortion1/mix 0.5"),
])
def test_an_effects_level_is_its_mix_never_the_voices_gain(phrase, expected):
    assert last(*ACID, "add a distortion", phrase) == [expected]


def test_an_effects_level_word_on_a_reverb_is_its_mix():
    assert last(*PAD, "reverb level 0.5") == ["/mod/reverb1/mix 0.5"]


def test_a_distortions_gain_asks_drive_or_mix():
    assert "drive" in refused(*ACID, "add a distortion", "distortion gain 0.5")


def test_chords_for_no_voice_while_chords_play_on_another_voice_ask_which():
    said = refused(*PAD, "chords am f c g on the triangle", "delay feedback 0.5", "chords dm g c")
    assert "on triangle1" in said and "on sine1" in said
    assert last(*PAD, "chords am f c g on the triangle", "chords dm g")[0].startswith("/seq/add chords triangle1")


@pytest.mark.parametrize("lines, expected", [
    ((*ACID, "make the bass fatter"), "/mod/acid_filter1/drive 1.4"),     # a saturated voice
    ((*DRUMS, "the kick fatter"), "/mod/kick1/decay 356.762135"),          # a drum's longer body
    ((*DRUMS, "thicker snare"), "/mod/snare1/decay 178.381067"),
    ((*ACID, "plucky envelope"), "/mod/adsr1/sustain 0.6"),               # the envelope, not the 303's env amount
    ((*ACID, "make the amp env pluckier"), "/mod/adsr1/sustain 0.6"),
    ((*DRUMS, "plucky snare"), "/mod/snare1/decay 126.134462"),
    ((*PAD, "warm pad"), "/mod/filter1/cutoff 840.896415"),               # the pad's filter, by its nickname
    ((*PAD, "make the pad mellower"), "/mod/filter1/cutoff 840.896415"),
    ((*ACID, "bass tone mellower"), "/mod/acid_filter1/cutoff 672.717132"),
])
def test_fat_plucky_and_warm_are_comparatives_of_the_voice(lines, expected):
    assert last(*lines) == [expected]


def test_a_fatter_voice_with_nothing_to_drive_is_refused():
    refused(*PAD, "make the sine fatter")


@pytest.mark.parametrize("phrase", ["deep sub bass sine at 40 hz", "sub bass sine at 40 hz", "a low sub sine at 40hz",
                                    "add a deep sub bass sine at 40 hz"])
def test_a_new_sound_said_with_its_role_and_register_is_that_type_at_that_pitch(phrase):
    assert last(phrase)[-1] == "/mod/sine1/freq 40.0"


def test_a_quality_word_never_moves_another_param_it_is_said_with():
    assert "resonance up" in refused(*ACID, "resonance louder")
    assert last(*ACID, "attack longer") == ["/mod/adsr1/attack 11.892071"]      # a direction word moves any param


@pytest.mark.parametrize("phrase", ["mute the bass for a sec", "mute the bass for a moment", "mute the bass for a bit"])
def test_for_a_sec_is_a_moment_not_a_length(phrase):
    assert last(*ACID, phrase) == ["/seq/mute bass 1"]


def test_for_a_second_with_its_number_word_is_still_a_length():
    assert last(*ACID, "mute the bass for a second")[0].startswith("/seq/mute bass 1 0.")


@pytest.mark.parametrize("phrase", ["straight", "dead straight", "no swing, dead straight", "swing none, straight",
                                    "straighten it out", "no swing, straight 80s grid", "play it straight"])
def test_straight_is_no_swing(phrase):
    assert last(*DRUMS, "swing 30%", phrase) == ["/seq/swing 0.0"]


def test_straight_as_a_delay_mode_is_still_the_mode():
    assert last(*DRUMS, "add a delay", "delay mode straight") == ["/mod/delay1/mode straight"]


@pytest.mark.parametrize("phrase", ["little shuffle", "a bit of swing", "a touch of shuffle"])
def test_a_little_shuffle_is_more_swing(phrase):
    assert last(*DRUMS, phrase) == ["/seq/swing 0.2 8"]   # (from none, a swing you hear: session 24; of 8ths, s25)


@pytest.mark.parametrize("lines, expected", [
    (("add a sine", "sine osc at c3"), "/mod/sine1/freq 130.812783"),
    ((*ACID, "vco down an octave"), "/mod/saw1/freq 27.5"),
    (("add a triangle at 220 hz", "triangle vco down 2 volts"), "/mod/triangle1/freq 55.0"),   # 1 V per octave
])
def test_modular_words_vco_and_volts(lines, expected):
    assert expected in last(*lines)


def test_a_type_said_with_osc_is_that_type_never_another_oscillator():
    assert last(*ACID, "sine osc at c3")[0] == "/patch/create sine1 sine"          # was: the saw retuned


@pytest.mark.parametrize("lines, expected", [
    ((*PAD, "change the triangle to an E"), "/mod/triangle1/freq 164.813778"),
    ((*PAD, "triangle tuned to g"), "/mod/triangle1/freq 195.997718"),
    ((*DRUMS, "kick tuned to e"), "/mod/kick1/freq 41.203445"),             # a drum named: its body pitch
    ((*DRUMS, "snare pitched to d"), "/mod/snare1/tone 146.832384"),
])
def test_a_voice_changed_or_tuned_to_a_note(lines, expected):
    assert last(*lines) == [expected]


def test_change_the_pitch_without_a_voice_is_not_guessed():
    refused(*PAD, "change the pitch to c")


def test_tune_everything_moves_every_note_track_and_never_guesses_an_oscillator():
    moved = last(*ACID, "tune everything down half a step")
    assert moved == ["/seq/notes bass g#1 g#1 b1 g#1"]
    assert "no notes to move" in refused(*PAD, "tune everything down half a step")


@pytest.mark.parametrize("phrase, expected", [
    ("hats # gain 0.6", ["/mod/hat1/gain 0.6"]), ("hats # pan 0.8", ["/mod/hat1/pan 0.6"]),   # Tidal's pan: 0.5 the centre
    ("hats # room 0.3", ["/patch/create reverb1 reverb", "/patch/disconnect hat1 master", "/patch/connect hat1 reverb1",
                         "/patch/connect reverb1 master", "/mod/reverb1/room 0.3"]),
])
def test_tidal_effects_after_a_part_are_that_parts(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Hi-hat on the off-beats only.", ["/seq/add hats hat1 ..x...x...x...x."]),
    ("give me open hats on the offbeats", ["/seq/add hats hat1 ..x...x...x...x.", "/mod/hat1/decay 59.460356"]),
    ("closed hats on every 8th", ["/seq/add hats hat1 x.x.x.x.x.x.x.x."]),
])
def test_off_beats_spelled_apart_and_open_or_closed_hats(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, mode", [("distort the drums", None), ("bitcrush the drums", "bitcrush"),
                                          ("bitcrush everything", "bitcrush")])
def test_an_effect_verb_on_several_parts_is_one_effect_they_are_sent_into(phrase, mode):
    sent = last(*DRUMS, phrase)
    assert sent[0] == "/patch/create distortion1 distortion" and sent.count("/patch/create distortion1 distortion") == 1
    assert {"/patch/connect kick1 distortion1", "/patch/connect snare1 distortion1", "/patch/connect hat1 distortion1"} <= set(sent)
    assert (sent[-1] == f"/mod/distortion1/mode {mode}") if mode else not any("/mode" in m for m in sent)


@pytest.mark.parametrize("phrase, expected", [
    ("build 2 200 bpm over 8 bars", ["/seq/bpm 200.0 ramp 32"]), ("up to 140 bpm over 4 bars", ["/seq/bpm 140.0 ramp 16"]),
    ("bpm 60 ramp 64", ["/seq/bpm 60.0 ramp 64"]),
])
def test_a_bpm_said_with_a_verb_of_motion_is_the_tempo(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("lines, expected", [
    ((*PAD, "sine quieter, its too loud"), ["/mod/sine1/gain 0.4"]),          # the reason says it again: once
    ((*PAD, "Might the triangle play an A minor chord instead?"), ["/gate/triangle1 1 220.0 261.625565 329.627557"]),
])
def test_a_reason_after_a_request_and_might_or_instead_around_it(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("lines, expected", [
    (("add a saw", "give it a slow attack, 400ms"), "/mod/adsr1/attack 400.0"),
    ((*PAD, "Could you give the triangle a softer attack, like 200 ms?"), "/patch/connect triangle1 adsr1"),
])
def test_an_adjective_on_an_envelope_time_with_its_number(lines, expected):
    assert expected in last(*lines)


def test_a_value_after_a_comparative_sets_the_param_just_moved():
    assert last(*PAD, "give the triangle a softer attack, like 200 ms", "And a longer release, maybe two seconds?") == \
        ["/mod/adsr1/release 2000.0"]                 # was: the release a step longer and the attack 2 s


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "the caja is too loud, down it"), ["/mod/snare1/gain 0.7"]),     # one step: the complaint and the request are one move (s21)
    ((*DRUMS, "the platillo more short"), ["/mod/hat1/decay 42.044821"]),
    ((*DRUMS, "mute the snare", "in 2 compases unmute the caja"), ["/at 2 bar /seq/mute snare 0"]),
])
def test_spanish_words_for_parts_and_bars(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("phrase, expected", [("slower, like 68", ["/seq/bpm 68.0"]), ("faster, 130", ["/seq/bpm 130.0"])])
def test_a_value_after_a_tempo_comparative_is_the_tempo(phrase, expected):
    assert last(*DRUMS, phrase) == expected                # was (corpus pad): the tempo a step down, the triangle at 68 Hz


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "808 kick, long tail"), ["/mod/kick1/decay 356.762135"]),
    ((*DRUMS, "808 kick with a long tail, 1.2 seconds"), ["/mod/kick1/decay 1200.0"]),
    (("snare with a long decay, 400ms",), ["/patch/create snare1 snare", "/patch/connect snare1 master", "/mod/snare1/decay 400.0"]),
])
def test_a_part_with_a_long_or_short_tail_is_its_decay(lines, expected):
    assert last(*lines) == expected


def test_a_labelled_melody_with_its_note_length_after_it():
    add, notes = last(*PAD, "the sine plays a melody: D5 F5 E5 C5 A4, slow quarter notes")
    assert add.startswith("/seq/add ") and add.endswith(" sine1 " + "x..." * 5 + "." * 12)   # 5 quarters, 2 bars
    assert notes.split()[2:] == "d5 - - - f5 - - - e5 - - - c5 - - - a4 - - -".split() + ["-"] * 12


def test_a_label_naming_a_voice_there_is_none_of_never_lands_on_the_bass():
    """Was: the bass line replaced. Now the voice named is added to play it."""
    messages = last(*ACID, "melody on a square wave: e5 g5 a5 g5 e5 d5")
    assert messages[0] == "/patch/create square1 square" and not any(" bass " in m for m in messages)


@pytest.mark.parametrize("phrase, expected", [
    ("pitch wobble on the sine, 6 hz", "/patch/connect lfo2 sine1.freq"), ("vibrato on the sine, 6 hz", "/mod/lfo2/rate 6.0"),
])
def test_a_pitch_wobble_is_vibrato_with_its_rate(phrase, expected):
    assert expected in last(*PAD, phrase)


def test_a_new_oscillator_playing_notes_and_make_it_echo():
    assert last(*DRUMS, "add a square wave playing c d e g")[-1].split()[2:] == ["c4", "d4", "e4", "g4"]
    assert last(*DRUMS, "add a square wave playing c d e g", "make it echo")[0] == "/patch/create delay1 delay"


@pytest.mark.parametrize("phrase, expected", [
    ("lil bit of swing on it", ["/seq/swing 0.2 8"]), ("put a little of swing", ["/seq/swing 0.2 8"]),
    ("hats on the offbeat like in house music", ["/seq/add hats hat1 ..x...x...x...x."]),
    ("kick dead center", ["/mod/kick1/pan 0.0"]), ("hats quieter its too much", ["/mod/hat1/gain 0.7"]),
])
def test_chatter_around_a_request(phrase, expected):
    assert last(*DRUMS, "pan the kick left", phrase) == expected


def test_a_slow_envelope_added_is_never_a_slower_tempo():
    refused("add a saw", "add a slow adsr")                                      # was: an adsr and the tempo 120 → 115
    assert last("add a saw", "add a big reverb")[-1] == "/mod/reverb1/room 0.7"  # the reverb has a room: bigger


@pytest.mark.parametrize("phrase", ["freq 440", "frequency 300"])
def test_a_param_word_that_is_the_oscillators_and_an_alias_of_the_focus_asks(phrase):
    said = refused("add a sine at 220 hz", "add a lowpass at 2000 hz", phrase)
    assert "sine1's freq" in said and "filter1's cutoff" in said                 # was: the cutoff, silently


@pytest.mark.parametrize("phrase, expected", [
    ("16th hats", "/seq/add hats hat1 xxxxxxxxxxxxxxxx"), ("eighth note hats", "/seq/add hats hat1 x.x.x.x.x.x.x.x."),
    ("quarter note kick", "/seq/add kick kick1 x...x...x...x..."),
])
def test_a_note_length_before_a_drum_is_its_rhythm(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]                                    # was: its decay 125 / 250 ms


def test_a_note_length_after_a_drums_decay_is_still_its_decay():
    assert last(*DRUMS, "hats decay a sixteenth") == ["/mod/hat1/decay 125.0"]


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "mute the kick", "return the kick"), ["/seq/mute kick 0"]),
    ((*DRUMS, "hats quieter", "return to before"), ["/mod/hat1/gain 0.8"]),
    ((*DRUMS, "kick's too boomy"), ["/mod/kick1/decay 252.268925"]),
    ((*PAD, "The sine tone is too loud."), ["/mod/sine1/gain 0.4"]),
])
def test_return_a_part_a_possessive_too_and_an_oscillators_tone(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("lines, expected", [
    ((*ACID, "the 303 more distorted"), ["/mod/acid_filter1/drive 1.4"]),
    ((*DRUMS, "hats louder and on the right"), ["/mod/hat1/gain 0.9", "/mod/hat1/pan 0.5"]),   # 'right' is a side here
    ((*DRUMS, "kick quieter and to the left"), ["/mod/kick1/gain 0.7", "/mod/kick1/pan -0.5"]),
])
def test_more_distorted_and_a_side_said_after_a_change(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("lines, expected", [
    ((*DRUMS, "turn off the tss"), ["/seq/mute hats 1"]), ((*DRUMS, "the tss tss sound is too loud"), ["/mod/hat1/gain 0.7"]),
    ((*PAD, "a gentle tremolo on the sine"), ["/patch/create lfo2 lfo", "/patch/connect lfo2 sine1.gain",
                                              "/mod/lfo2/rate 4.0", "/mod/lfo2/depth 0.5"]),
])
def test_what_a_beginner_hears_and_a_gentle_tremolo(lines, expected):
    assert last(*lines) == expected


@pytest.mark.parametrize("phrase", ["continue where it was", "carry on from where we left off"])
def test_continue_from_where_it_stopped(phrase):
    assert last(*DRUMS, "stop", phrase) == ["/seq/continue"]
