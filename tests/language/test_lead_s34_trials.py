"""Session 34 (lead), the trials and the review: what they heard go wrong, each with phrasings of its family."""
from __future__ import annotations

import pytest

from chronus_shell.language.errors import LanguageError
from chronus_shell.language.ramp_trims import read_over_ramps

from .test_lead_s34_phrasings import DRUMS, _mid_fade, _said, _translator

# -- the trial of s34: its wrongs -------------------------------------------------------------------------------

def test_sweep_it_with_no_filter_in_the_voice_in_focus_is_refused():
    """W1: 'sweep it up to 8k' with the noise in focus opened the drone's filter (another voice), in silence."""
    lines = ("add a saw", "add a lowpass filter at 400 hz", "add white noise", "fade the noise in over 4 bars")
    with pytest.raises(LanguageError, match="noise1 has no filter cutoff.*sweep filter1"):
        _said(*lines, "sweep it up to 8k over 4 bars")
    with pytest.raises(LanguageError):
        _said(*lines, "open it up")
    assert _said(*lines, "sweep the filter up to 8k over 4 bars") == ["/ramp/filter1/cutoff 8000.0 16"]


def test_unmute_everything_after_mute_everything_brings_back_the_mix_only():
    """W2: it also brought back a muted snare, a stopped noise and an lfo turned off."""
    translator = _translator("add a noise", "add a saw", "add a filter", "lfo on the cutoff", "add a kick", "add a snare",
                             "kick x...x...x...x...", "snare ....x.......x...", "stop the noise", "turn the lfo off",
                             "mute the snare", "mute everything")
    assert [str(m) for m in translator.translate("unmute everything")] == ["/mod/master/gain 0.0"]
    assert "still muted: snare" in " ".join(translator.understood)
    assert [str(m) for m in _translator("add a kick", "add a snare", "kick x...", "snare ..x.", "mute the snare")
            .translate("unmute everything")] == ["/seq/mute snare 0"]


@pytest.mark.parametrize("lines, bass", [
    (("play am7", "the second inversion"), "e3"),
    (("add a triangle wave", "tune it to 440", "now a minor", "make it a seventh chord", "invert it", "the second inversion"), "e"),
    (("play am7", "invert it", "root position"), "a"),
])
def test_a_named_inversion_of_a_minor_seventh_is_counted_from_its_root(lines, bass):
    """W4: after 'invert it' (c e g a, read as C6), 'the second inversion' gave the third (g in the bass)."""
    translator = _translator("add a triangle wave", *lines[:-1])
    translator.translate(lines[-1])
    said = translator.understood[-1]
    assert said.split(": ")[1].startswith(bass) and "×" not in said.split(":")[0]


@pytest.mark.parametrize("phrase", ["make the five a dominant seventh", "make the 5 a dominant 7th",
                                    "the five should be a dominant seventh", "make the v a V7"])
def test_a_degree_in_words_made_a_dominant_seventh(phrase):
    """W5: 'a dominant seventh' struck an A7 over the progression (the article read as the root)."""
    said = _said("add a triangle", "in a minor", "chords i iv v i", phrase)
    assert said[-1].startswith("/seq/notes chords") and "e3+g#3+b3+d4" in said[-1]


def test_a_numeral_made_its_own_upper_case():
    """'make the iv a IV' said 'the iv is iv already' (the new numeral found as the old one, case aside)."""
    assert "d3+f#3+a3" in _said("add a triangle", "in a minor", "chords i iv v i", "make the iv a IV")[-1]


def test_a_groove_that_adds_drums_says_so():
    """W6: '3/4 time' with only a metronome hat added a kick and a snare without a word."""
    translator = _translator("add a triangle", "add a metronome")
    translator.translate("3/4 time")
    assert "kick1 and snare1 added" in " ".join(translator.understood)


# -- the trial of s34: going back, said the musician's way --------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    (("half time", "back to full time"), ["/seq/speed kick 1.0", "/seq/speed snare 1.0", "/seq/speed hats 1.0"]),
    (("hats twice as fast", "back to normal hats"), ["/seq/speed hats 1.0"]),
    (("swing 20%", "straight eighths"), ["/seq/swing 0.0"]),
    (("swing 20%", "play it straight"), ["/seq/swing 0.0"]),
])
def test_back_to_how_it_played(lines, expected):
    assert _said(*DRUMS, *lines) == expected


def test_stop_speeding_up_holds_the_tempo_where_the_glide_is():
    translator = _translator(*DRUMS, "tempo to 140 over 8 bars")
    translator.model.bpm, translator.model.going_to = 128.5, {"seq.bpm": 140.0}     # as the shell's RampWatch says
    assert [str(m) for m in translator.translate("stop speeding up")] == ["/seq/bpm 128.5"]
    translator.model.going_to = {}
    with pytest.raises(LanguageError, match="no slowing down is running"):
        translator.translate("stop slowing down")


@pytest.mark.parametrize("phrase", ["add a drone at 55 hz", "add a low drone", "give me a deep drone on D"])
def test_a_drone_asked_for_says_how_to_make_one(phrase):
    """'add a low drone at 55 hz' said 'unknown module type low_drone' and listed types."""
    with pytest.raises(LanguageError, match="a drone is a sound left on: 'add a saw at 55 hz'"):
        _said("add a kick", phrase)
    assert _said("add a saw at 55 hz", "hold e2 and b2 on the saw") == ["/gate/saw1 1 82.406889 123.470825"]


@pytest.mark.parametrize("lines, expected", [
    (("add a hat", "hats every eighth note", "no, sixteenths"), "/seq/add hats hat1 xxxxxxxxxxxxxxxx"),
    (("add a hat", "hats in quarter notes", "no, eighths"), "/seq/add hats hat1 x.x.x.x.x.x.x.x."),
    (("add a saw", "bass notes a2 c3 e3", "play the bass an octave higher", "wrong, I meant lower"), "/seq/notes bass a1 c2 e2"),
])
def test_the_last_line_corrected_by_a_note_value_or_after_wrong(lines, expected):
    assert _said(*lines)[-1] == expected


@pytest.mark.parametrize("phrase, value", [("stop the fade", 0.02), ("hold the fade there", 0.02), ("cancel the fade", None)])
def test_a_fade_stopped_or_called_off_is_never_trimmed(phrase, value):
    """trial2 s34: 'stop the fade' said it stopped, then the trim read it as a step and the fade went on."""
    translator = _translator("add a sine called tone", "fade in tone over 4 bars")
    _mid_fade(translator)
    [setting] = read_over_ramps(translator, phrase)
    assert setting.address == "/mod/tone/gain" and (value is None or setting.args[0] == pytest.approx(value))
    assert "goes on" not in " ".join(translator.understood)


@pytest.mark.parametrize("phrase, said", [("darker", "acid_filter1 cutoff stays there (its ramp to 3000 ended)"),
                                          ("a bit slower", "the tempo stays there (its glide to 140 ended)")])
def test_a_step_that_ends_a_sweep_or_a_glide_says_so(phrase, said):
    """trial2 s34: 'darker' mid-sweep and 'a bit slower' mid-glide ended them in silence."""
    translator = _translator("add a saw", "add an acid filter at 500 hz", "open the filter to 3000 over 8 bars",
                             "tempo to 140 over 8 bars")
    translator.model.values["acid_filter1"] = {**translator.model.values["acid_filter1"], "cutoff": 1200.0}
    translator.model.bpm, translator.model.going_to = 125.0, {"acid_filter1.cutoff": 3000.0, "seq.bpm": 140.0}
    translator.model.going_for = {"acid_filter1.cutoff": (20.0, "exp")}
    read_over_ramps(translator, phrase)
    assert said in translator.understood


# -- trial2 of s34 -------------------------------------------------------------------------------------------------

def test_drone_an_octave_lower_moves_the_drone_not_the_sound_in_focus():
    """W4: a sine called drone stayed; the sine in focus went down (the word read as the verb 'drone')."""
    assert _said("add a sine at 432 hz", "add a sine called drone at 136.1 hz", "add a sine at 528 hz",
                 "drone an octave lower") == ["/mod/drone/freq 68.05"]


@pytest.mark.parametrize("phrase", ["make it sound like 1986", "make it sound like 440"])
def test_sound_like_a_number_is_no_value(phrase):
    """W5: 'like' was left out and the saw went to 1986 Hz."""
    with pytest.raises(LanguageError, match="like another instrument"):
        _said("add a saw", phrase)


@pytest.mark.parametrize("phrase, word", [("detune the lead a little", "lead"), ("detune the strings a little", "strings")])
def test_a_nickname_read_again_is_said(phrase, word):
    """W6: it detuned the pad's voice and said only 'detune: detune up'."""
    translator = _translator("add a saw", "chords am f c g")
    translator.translate(phrase)
    assert f"{word} → saw1" in translator.understood


@pytest.mark.parametrize("phrase", ["4/4", "back to 4/4", "common time"])
def test_common_time_after_a_waltz_asks_which_groove(phrase):
    """W8: '4/4' after 'waltz time' was 'four on the floor' (a 12-step kick, the rest still in 3/4)."""
    with pytest.raises(LanguageError, match="12 steps"):
        _said("add a kick", "add a snare", "add a hat", "kick x...", "waltz time", phrase)
    assert _said("add a kick", "4/4") == ["/seq/add kick kick1 x...x...x...x..."]


def test_a_rhythm_written_while_stopped_says_how_to_hear_it():
    """Two trials: musicians wrote patterns for an hour with the transport stopped, told by nothing but the toolbar."""
    translator = _translator("add a kick")
    translator.translate("kick x...x...x...x...")
    assert "the transport is stopped: 'start' plays it" in translator.understood
    translator.translate("start")
    translator.translate("snare ....x.......x...")
    assert not any("stopped" in u for u in translator.understood)


@pytest.mark.parametrize("phrase, chance", [("leave out 20% of the hats hits, some air", 0.8), ("hats drop a few hits, 90%", 0.9),
                                            ("let the hats drop out now and then, like 70 percent there", 0.7),
                                            ("skip 30% of the kick", 0.7)])
def test_a_part_s_hits_left_out_by_a_share(phrase, chance):
    assert _said(*DRUMS, phrase) == [f"/seq/chance {phrase.split('the ')[-1].split()[0] if 'the ' in phrase else 'hats'} {chance}"]


def test_a_share_left_out_never_drops_a_command_after_it():
    with pytest.raises(LanguageError):
        _said(*DRUMS, "leave out 20% of the hats, kick louder")


@pytest.mark.parametrize("phrase", ["no swing at all", "no no swing", "no swing at all, psy is straight"])
def test_no_swing_said_emphatically(phrase):
    assert _said(*DRUMS, "swing 20%", phrase) == ["/seq/swing 0.0"]


@pytest.mark.parametrize("phrase, target, rate", [("rhodes tremolo", "triangle1.gain", 4.0),
                                                  ("rhodes tremolo, slow, like the suitcase", "triangle1.gain", 3.363586),
                                                  ("vibes vibrato, slow, 5 hz", "sine1.freq", 5.0)])
def test_a_tremolo_said_after_its_part(phrase, target, rate):
    """'rhodes tremolo' (the rhodes a triangle) set an lfo's shape to triangle; 'slow, 5 hz' was two rates."""
    said = _said("add a triangle", "add a sine", "the triangle is my rhodes", "the sine is the vibraphone", "add an lfo",
                 phrase)
    assert any(m.endswith(f" {target}") for m in said) and any(m.endswith(f"/rate {rate}") for m in said)
    assert not any("/shape" in m for m in said)


def test_undo_of_a_trim_puts_the_fade_back_on_its_way():
    """review s34: undo sent the level mid-fade (-34 dB) and the fade stopped there."""
    translator = _translator("add a sine called tone", "fade in tone over 4 bars")
    _mid_fade(translator)
    read_over_ramps(translator, "pull tone down 3 dB")
    translator.model.going_to, translator.model.going_for = {}, {}
    assert [str(m) for m in translator.translate("undo")] == ["/ramp/tone/gain 0.5 9.5 exp"]


C_PROGRESSION = ("add a triangle", "key of C", "chords C Am F G")


def test_an_ordinal_is_a_place_and_a_major_a_root():
    """review s34: 'the second chord should be A major' made the Dm (the ii) D major."""
    assert "a3+c#4+e4" in _said(*C_PROGRESSION, "the second chord should be A major")[-1]


def test_a_degree_no_chord_is_on_is_refused():
    """review s34: 'the three should be a dominant seventh' (no iii plays) made the C a C7."""
    with pytest.raises(LanguageError, match="no chord on the iii"):
        _said(*C_PROGRESSION, "the three should be a dominant seventh")


def test_a_major_degree_made_minor():
    """review s34: 'the four should be minor' said 'the iv is iv already' (the F plays major)."""
    assert "f3+ab3+c4" in _said(*C_PROGRESSION, "the four should be minor")[-1]


@pytest.mark.parametrize("phrase", ["organ is an octave high", "organ sounds a fifth low", "the organ's an octave high"])
def test_a_part_said_to_be_off_by_an_interval_is_never_moved_further(phrase):
    """review s34: 'organ is an octave high' raised it an octave; 'sounds a fifth low' lowered it."""
    translator = _translator("add a triangle called organ at 220 hz")
    try:
        said = [str(m) for m in translator.translate(phrase)]
    except LanguageError:
        return
    assert said in (["/mod/organ/freq 110.0"], ["/mod/organ/freq 329.627557"])


# -- the review of s34: a command after a remark-like tail is never left out ------------------------------------------

@pytest.mark.parametrize("phrase", ["guitar to G, 392, mute the kick", "guitar to G, 392 hz, bass to 55 hz",
                                    "bring the strings in over 2 bars, we mute the kick",
                                    "tempo to 90 over 4 bars so fade the strings", "mute the kick during the chorus",
                                    "dub the snare", "back to the kick one"])
def test_a_second_command_or_a_time_is_never_left_out(phrase):
    translator = _translator("add a saw called guitar", "add a sine called bass", "add a saw called strings", "add a kick",
                             "add a snare", "add a hat", "kick x...", "snare ..x.", "hats x.x.x.x.", "hats xxxxxxxx", "start")
    try:
        said = [str(m) for m in translator.translate(phrase)]
    except LanguageError:
        return
    assert len(said) > 1 and not (phrase.startswith("back") and any("hats" in m for m in said)), said


@pytest.mark.parametrize("phrase, remark", [("fade out over 4 bars, we finish", "we finish"),
                                            ("mute the kick for 2 bars, I take a solo", "I take a solo")])
def test_a_remark_after_a_timed_line_is_still_left_out(phrase, remark):
    translator = _translator("add a kick", "kick x...", "start")
    translator.translate(phrase)
    assert any(remark in u for u in translator.understood)


def test_a_raw_slash_in_a_timed_line_is_refused_not_a_crash():
    """The fuzz test's 'at the next bar cutoff 300,/ fade in the pad over 4 bars' raised an IndexError."""
    for phrase in ("at the next bar cutoff 300,/ fade in the pad over 4 bars", "in 2 bars /"):
        with pytest.raises(LanguageError):
            _said("add a triangle called pad", "add an acid filter", phrase)


def test_tune_a_part_to_a_and_a_concert_pitch_is_the_reference():
    """s32-choir-43: 'Tune the organ to A 442.' set the organ to 442 Hz; the band's A is meant."""
    with pytest.raises(LanguageError, match="A = 440"):
        _said("add a triangle called organ", "Tune the organ to A 442.")
    assert _said("add a triangle called organ", "tune the organ to A 440") == ["/mod/organ/freq 440.0"]
