"""Issue 13, session 17: classes of musicians' phrasing that were refused or did the wrong thing
(each test a family, several wordings of our own): now the right thing, or a clear refusal."""
import pytest

from chronus_shell.language import LanguageError

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


@pytest.mark.parametrize("phrase, expected", [
    ("snar quieter", "/mod/snare1/gain 0.7"),          # 'snap' is one letter off too: a letter left out wins
    ("kik quieter", "/mod/kick1/gain 0.7"),            # three letters: a part's name with a letter left out
    ("hts quieter", "/mod/hat1/gain 0.7"),
    ("mute the snre", "/seq/mute snare 1"),
])
def test_a_letter_left_out_of_a_part_name_is_that_part(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["hat fst", "kick sad"])
def test_a_short_word_that_is_no_parts_name_is_not_guessed(phrase):
    refused(*DRUMS, phrase)                            # 'fat' is not 'fast'


@pytest.mark.parametrize("phrase, expected", [
    ("snare really loud", "/mod/snare1/gain 0.9"), ("hats very quiet", "/mod/hat1/gain 0.7"),
    ("kick so quiet", "/mod/kick1/gain 0.7"), ("snare more high", "/mod/snare1/tone 214.057281"),
    ("make the hats super bright", "/mod/hat1/tone 9513.65692"),
])
def test_an_intensified_plain_adjective_on_a_part_is_its_comparative(phrase, expected):
    assert last(*DRUMS, "hat tone 8000", phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("kick a lil quieter", "/mod/kick1/gain 0.7"), ("snare abit louder", "/mod/snare1/gain 0.9"),
])
def test_chat_spellings_are_the_words(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("no swing, house is always straight", ["/seq/swing 0.0"]),
    ("kick quieter, there's a singer tonight", ["/mod/kick1/gain 0.7"]),
    ("less damping, the walls here are glass", ["/mod/reverb1/damp 0.4"]),
    ("switch the delay off, the venue was muddy", ["/mod/delay1/mix 0.0"]),
])
def test_a_remark_after_a_comma_is_left_out(phrase, expected):
    assert last(*(PAD if "delay" in phrase or "damp" in phrase else DRUMS), phrase) == expected


@pytest.mark.parametrize("phrase", ["kick quieter, the snare is too loud", "kick quieter, the snare is on 2 and 4"])
def test_a_statement_that_asks_something_is_never_left_out(phrase):
    messages = last(*DRUMS, phrase)
    assert any("snare" in m for m in messages)


@pytest.mark.parametrize("phrase, expected", [
    ("the tempo on 100", ["/seq/bpm 100.0"]), ("the swing on 30%", ["/seq/swing 0.3 8"]),
    ("the hat tone on 6000 hertz", ["/mod/hat1/tone 6000.0"]), ("put the kick decay on 300 ms", ["/mod/kick1/decay 300.0"]),
])
def test_a_learners_on_before_a_value_is_to(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [("kick on 3", "/seq/add kick kick1 ........x......."),
                                              ("the snare on 4", "/seq/add snare snare1 ............x...")])
def test_on_a_beat_is_still_a_place_in_the_bar(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("the snare shall be louder", "/mod/snare1/gain 0.9"), ("the kick must become quieter", "/mod/kick1/gain 0.7"),
    ("the hats become more quiet", "/mod/hat1/gain 0.7"), ("the snare gets a bit louder", "/mod/snare1/gain 0.9"),
])
def test_a_part_that_shall_be_or_becomes_so_is_made_so(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("the sine two halftones up", "/mod/sine1/freq 493.883301"), ("the sine one quint higher", "/mod/sine1/freq 659.255114"),
    ("give the sine some detune, 12 cent", "/mod/sine1/detune 12.0"),
    ("give the triangle a pan, -0.5", "/mod/triangle1/pan -0.5"),
])
def test_a_learners_words_for_intervals_and_settings(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_a_learners_bars_in_a_timed_line_are_bars():
    assert last(*DRUMS, "mute the hats for 2 takts") == ["/seq/mute hats 1 2"]


@pytest.mark.parametrize("phrase, effect, part", [
    ("more reverb on the snare", "reverb", "snare1"), ("a bit more delay on the hats", "delay", "hat1"),
    ("some distortion for the kick", "distortion", "kick1"), ("more hall on the kick", "reverb", "kick1"),
])
def test_more_of_an_effect_there_is_none_of_adds_it_there(phrase, effect, part):
    messages = last(*DRUMS, phrase)
    assert messages[0] == f"/patch/create {effect}1 {effect}" and f"/patch/connect {part} {effect}1" in messages


def test_more_of_an_effect_there_is_sets_it_as_before():
    assert last(*PAD, "more reverb") == ["/mod/reverb1/mix 0.35"]


@pytest.mark.parametrize("phrase, name", [
    ("save the session under the name late_set", "late_set"), ("save it with the name warmup", "warmup"),
    ("save this by the name b2", "b2"), ("save the session named closing", "closing"),
])
def test_a_session_saved_under_a_name_is_that_name(phrase, name):
    assert last(*DRUMS, phrase) == [f"/session/save {name}"]


@pytest.mark.parametrize("phrase, lower", [
    ("deeper the cutoff", True), ("make the filter cutoff deeper", True), ("the sine deeper", True),
    ("deeper lfo", False),                                  # an lfo's depth: more of it
])
def test_deeper_on_a_frequency_is_lower(phrase, lower):
    before = {"deeper the cutoff": 2000.0, "make the filter cutoff deeper": 2000.0, "the sine deeper": 440.0}
    address, value = last(*PAD, "filter cutoff 2000", phrase)[0].split()
    if lower:
        assert float(value) < before[phrase]
    else:
        assert address == "/mod/lfo1/depth"


@pytest.mark.parametrize("phrase, expected", [
    ("chop it into 8", ["/mod/sampler1/slices 8.0"]),
    ("chop the sampler into 4", ["/mod/sampler1/slices 4.0"]),
    ("chop it at onsets", ["/mod/sampler1/chop onsets", "/mod/sampler1/slices 16.0"]),
])
def test_chopping_sets_the_way_of_cutting_only_when_it_changes(phrase, expected):
    assert last(*DRUMS, "add a sampler", phrase) == expected


@pytest.mark.parametrize("phrase", ["chord the triangle: a3 c#4 e4", "stack the triangle: a3 c#4 e4",
                                    "voicing for the triangle: a3 c#4 e4"])
def test_a_chord_label_before_notes_sounds_them_together(phrase):
    assert last(*PAD, phrase) == ["/gate/triangle1 1 220.0 277.182631 329.627557"]


@pytest.mark.parametrize("phrase", ["at the next barline, play 110 hz on the triangle",
                                    "triangle louder for the rest of the bar", "sine quieter, until the drop"])
def test_words_that_say_when_are_never_left_out_as_an_aside(phrase):
    try:
        messages = last(*PAD, phrase)
    except LanguageError:                               # refused is fine; done now without the timing is not
        return
    assert all(m.startswith(("/at ", "/ramp", "/seq/mute")) for m in messages)


@pytest.mark.parametrize("phrase, expected", [
    ("resonance 60%", "/mod/filter1/q 2.402249"),          # a resonant q, never 0.6 (below flat)
    ("filter q 50%", "/mod/filter1/q 1.414214"),
    ("resonance up 10%", "/mod/filter1/q 0.7777"),         # 10 % of its value, as a frequency
    ("reverb width 100%", "/mod/reverb1/width 1.0"),       # a fraction: 100 % is 1
    ("delay feedback 60%", "/mod/delay1/feedback 0.6"),
])
def test_percent_is_a_fraction_or_a_point_along_a_wide_range(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_percent_of_a_drive_is_along_its_range():
    assert last("add a saw", "add a distortion", "drive 50%") == ["/mod/distortion1/drive 7.071068"]


@pytest.mark.parametrize("phrase", ["cut the lows on the triangle", "roll off the low end of the sine", "low cut on the triangle",
                                    "cut the bottom end from the sine", "thin out the mud on the sine"])
def test_a_low_cut_is_a_new_highpass_at_a_low_corner_never_a_switch_of_the_tone_filter(phrase):
    messages = last(*PAD, phrase)
    assert "/mod/filter1/mode highpass" not in messages      # the triangle's tone filter stays a lowpass
    assert messages[0] == "/patch/create filter2 filter" and messages[-2:] == ["/mod/filter2/mode highpass",
                                                                                "/mod/filter2/cutoff 100.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("hats a little to the right", "/mod/hat1/pan 0.25"), ("pan the snare slightly left", "/mod/snare1/pan -0.25"),
    ("kick a touch to the left", "/mod/kick1/pan -0.25"), ("pan the hats a bit right", "/mod/hat1/pan 0.25"),
    ("hats right", "/mod/hat1/pan 0.5"), ("pan the kick all the way left", "/mod/kick1/pan -1.0"),
    ("snare fully to the right", "/mod/snare1/pan 1.0"),
])
def test_a_little_to_one_side_is_less_than_plain_and_all_the_way_is_the_edge(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, param, value", [
    ("sine attack 5 ms", "attack", "5.0"), ("attack 5ms on the sine", "attack", "5.0"),
    ("release 300 ms on the sine", "release", "300.0"), ("the sine's decay to 120 ms", "decay", "120.0"),
])
def test_an_envelope_param_for_a_voice_without_one_puts_an_envelope_after_its_oscillator(phrase, param, value):
    assert last(*PAD, phrase) == ["/patch/create adsr1 adsr", "/patch/disconnect sine1 delay1", "/patch/connect sine1 adsr1",
                                  "/patch/connect adsr1 delay1", f"/mod/adsr1/{param} {value}"]


def test_an_envelope_param_for_a_voice_with_one_sets_that_one_never_another_voices():
    assert last(*ACID, "add a sine at 440 hz", "sine attack 5 ms")[-1] == "/mod/adsr2/attack 5.0"
    assert last(*ACID, "bass attack 5 ms") == ["/mod/adsr1/attack 5.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("reverb up to one half", "/mod/reverb1/mix 0.5"), ("reverb mix one quarter", "/mod/reverb1/mix 0.25"),
    ("release one and a half seconds", "/mod/adsr1/release 1500.0"),
])
def test_one_half_is_a_half_and_one_and_a_half_is_more(phrase, expected):
    assert last(*PAD, "add an adsr to the triangle", phrase)[-1] == expected


@pytest.mark.parametrize("phrase, expected", [
    ("snare up to full volume", ["/mod/snare1/gain 1.0"]), ("kick at half volume", ["/mod/kick1/gain 0.5"]),
    ("take the hats down to half level over 2 bars", ["/ramp/hat1/gain 0.5 8"]), ("hat tone up to max", ["/mod/hat1/tone 16000.0"]),
])
def test_full_half_and_max_are_values_after_up_to_and_at(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("add a saw lead at 330", ["/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/freq 330.0"]),
    ("add a white noise riser", ["/patch/create noise1 noise", "/patch/connect noise1 master", "/mod/noise1/color white"]),
    ("add a square wave for a church organ", ["/patch/create square1 square", "/patch/connect square1 master"]),
    ("add a noise but only a little", ["/patch/create noise1 noise", "/patch/connect noise1 master"]),
    ("give me a sine sub on a1", ["/patch/create sine1 sine", "/patch/connect sine1 master", "/mod/sine1/freq 55.0"]),
])
def test_a_new_module_said_with_its_role_is_that_module(phrase, expected):
    assert last(phrase) == expected


@pytest.mark.parametrize("phrase, last_message", [
    ("add a soft snare", "/mod/snare2/gain 0.7"), ("add a short delay", "/mod/delay1/time 0.210224"),
    ("put a big reverb on the hats", "/mod/reverb1/room 0.7"),
    ("add a second kick for a sub boom, long decay", "/mod/kick2/decay 356.762135"),
])
def test_an_adjective_on_a_new_module_is_its_comparative_after_it(phrase, last_message):
    assert last(*DRUMS, phrase)[-1] == last_message


@pytest.mark.parametrize("phrase, part", [("add a delay for the snare", "snare1"), ("add a reverb for the kick", "kick1")])
def test_an_effect_for_a_part_goes_on_that_part(phrase, part):
    assert f"/patch/connect {part} {phrase.split()[2]}1" in last(*DRUMS, phrase)


def test_a_new_drum_for_a_style_plays_the_rhythm_said_after_it():
    assert last(*ACID, "add a kick for the steppers, four to the floor") == [
        "/patch/create kick2 kick", "/patch/connect kick2 master", "/seq/add kick2 kick2 x...x...x...x..."]


@pytest.mark.parametrize("muted, soloed, back", [
    ("hats", "the kick", ["/seq/mute snare 0"]), ("snare", "hats", ["/seq/mute kick 0"]),
    ("kick", "the snare", ["/seq/mute hats 0"]),
])
def test_unsolo_leaves_muted_what_was_muted_before_the_solo(muted, soloed, back):
    assert last(*DRUMS, f"mute the {muted}", f"solo {soloed}", "unsolo") == back


def test_unmute_everything_after_a_solo_still_unmutes_everything():
    assert sorted(last(*DRUMS, "mute the hats", "solo the kick", "unmute everything")) == [
        "/seq/mute hats 0", "/seq/mute snare 0"]


@pytest.mark.parametrize("phrase, expected", [
    ("hats every 16th but quieter", ["/seq/add hats hat1 xxxxxxxxxxxxxxxx", "/mod/hat1/gain 0.7"]),
    ("snare on 2 and 4 but softer", ["/seq/add snare snare1 ....x.......x...", "/mod/snare1/gain 0.7"]),
    ("kick on every beat but a bit louder", ["/seq/add kick kick1 x...x...x...x...", "/mod/kick1/gain 0.9"]),
])
def test_a_rhythm_but_a_comparative_changes_that_part(phrase, expected):
    assert last(*DRUMS, "hat1 decay 50", phrase) == expected            # the hats in focus: never them by mistake


@pytest.mark.parametrize("phrase, expected", [
    ("add a delay to the sine with time a dotted eighth", "/mod/delay2/time 0.375"),
    ("add a reverb to the sine with the room at 0.9", "/mod/reverb2/room 0.9"),
])
def test_a_new_effect_with_a_param_and_its_value_sets_it(phrase, expected):
    assert last(*PAD, phrase)[-1] == expected


@pytest.mark.parametrize("phrase, drum", [("boom bap kick: x.......x.x.....", "kick"), ("backbeat snare: ....x.......x...", "snare"),
                                          ("trap hat: x.x.xxx.x.x.xxx.", "hat")])
def test_a_label_naming_a_drum_there_is_none_of_adds_it_with_those_steps(phrase, drum):
    messages = last(phrase)
    assert messages[0] == f"/patch/create {drum}1 {drum}" and messages[-1].startswith("/seq/add ")
