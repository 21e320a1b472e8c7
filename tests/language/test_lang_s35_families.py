"""Issue 13, session 35: defects the last session left, each made right or a clear one-line refusal — tested as the
family of phrasings a musician would use, with the near misses that must still read as before."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import last
from .test_time_harmony_classes import DRUMS

KORA = ("add a triangle called kora", "kora x.x.x.x.")           # a voice with no envelope: it drones through its rests


# -- a timed mute works on any voice: one with no envelope falls silent with its track and comes back with it ---------
@pytest.mark.parametrize("phrase, bars", [("mute the kora for 2 bars", 2), ("drop the kora for a bar", 1),
                                          ("silence the kora for 8 beats", 2), ("mute kora for four bars", 4)])
def test_a_voice_with_no_envelope_muted_for_a_while_comes_back_with_its_track(phrase, bars):
    assert last(*KORA, phrase) == [f"/seq/mute kora 1 {bars}", "/mod/kora/gain 0.0",
                                   f"/at {4 * bars + 1} beat /mod/kora/gain 0.5"]    # never before the track, within a beat


def test_a_timed_mute_from_a_bar_line_brings_the_level_back_on_the_bar_line_the_track_comes_back_on():
    assert last(*KORA, "mute the kora for 2 bars at the next bar") == [
        "/at 1 bar /seq/mute kora 1 2", "/at 1 bar /mod/kora/gain 0.0", "/at 3 bar /mod/kora/gain 0.5"]


def test_a_voice_with_no_track_muted_for_a_while_comes_back():
    assert last("add a saw", "mute the saw for 2 bars") == ["/mod/saw1/gain 0.0", "/at 9 beat /mod/saw1/gain 0.5"]


def test_a_timed_mute_of_a_voice_with_no_envelope_lasts_as_its_level_and_undoes_whole():
    translator = Translator()
    for line in KORA:
        translator.translate(line)
    translator.translate("mute the kora for 2 bars")
    assert translator.model.value("kora", "gain") == 0.5 and not translator.model.tracks["kora"].muted
    assert [str(m) for m in translator.translate("undo")] == ["/at/cancel /mod/kora/gain 0.5", "/mod/kora/gain 0.5",
                                                              "/seq/mute kora 0"]


def test_everything_dropped_for_a_bar_silences_the_drones_too():
    out = last(*KORA, "kick x...x...", "drop everything for a bar")
    assert out[:2] == ["/seq/mute kora 1 1", "/seq/mute kick 1 1"] and "/at 5 beat /mod/kora/gain 0.5" in out


@pytest.mark.parametrize("lines", [KORA + ("kick x...",), ("kick x...x...", "snare ....x...")])
def test_a_drum_muted_for_a_while_is_still_its_track_alone(lines):
    assert last(*lines, "mute the kick for 2 bars") == ["/seq/mute kick 1 2"]


def test_a_voice_with_no_envelope_muted_for_beats_from_a_bar_line_is_refused():
    assert "whole bars" in refused(*KORA, "mute the kora for 3 beats at the next bar")


# -- 'hold it there' mid-ramp: where it plays now ---------------------------------------------------------------------
def _mid(*ramps: str) -> Translator:
    """A translator whose master fades out (at -23.5 dB now) and, with 'sweep', whose filter sweeps up (1200 Hz now)."""
    translator = Translator()
    for line in ("add a saw", "add an acid filter at 500 hz", "fade out over 8 bars", "open the filter to 3000 over 8 bars"):
        translator.translate(line)
    translator.model.values["master"] = {**translator.model.values["master"], "gain": -23.5}
    translator.model.values["acid_filter1"] = {**translator.model.values["acid_filter1"], "cutoff": 1200.0}
    going = {"fade": ("master.gain", -60.0), "sweep": ("acid_filter1.cutoff", 3000.0)}
    translator.model.going_to = dict(going[r] for r in ramps)
    return translator


def _said(translator: Translator, line: str) -> list[str]:
    return [str(m) for m in translator.translate(line)]


@pytest.mark.parametrize("phrase", ["hold it there", "stop there", "freeze it", "stop it there", "hold it right there",
                                    "keep it there", "leave it where it is", "freeze", "hold there please", "ok stop right there"])
def test_hold_it_there_mid_fade_keeps_the_level_where_it_plays(phrase):
    translator = _mid("fade")
    assert _said(translator, phrase) == ["/mod/master/gain -23.5"]
    assert "stopped where it is" in " ".join(translator.understood)


@pytest.mark.parametrize("phrase", ["stop there", "freeze everything", "hold everything there", "stay there"])
def test_with_two_ramps_running_a_bare_stop_there_holds_them_both(phrase):
    assert _said(_mid("fade", "sweep"), phrase) == ["/mod/master/gain -23.5", "/mod/acid_filter1/cutoff 1200.0"]


@pytest.mark.parametrize("phrase", ["hold it there", "freeze it", "hold that"])
def test_it_with_two_ramps_running_asks_which(phrase):
    translator = _mid("fade", "sweep")
    with pytest.raises(LanguageError) as said:
        translator.translate(phrase)
    assert "'hold the fade there' or 'hold the cutoff there'" in str(said.value)


@pytest.mark.parametrize("phrase, expected", [("hold the filter there", "/mod/acid_filter1/cutoff 1200.0"),
                                              ("freeze the cutoff", "/mod/acid_filter1/cutoff 1200.0"),
                                              ("hold the volume there", "/mod/master/gain -23.5")])
def test_a_ramp_held_by_its_part_or_param(phrase, expected):
    assert _said(_mid("fade", "sweep"), phrase) == [expected]


def test_stop_there_with_nothing_changing_says_so():
    assert "nothing is changing over time now" in refused("add a saw", "stop there")


@pytest.mark.parametrize("phrase", ["hold it", "freeze it"])
def test_hold_it_with_nothing_changing_is_never_a_silent_change(phrase):
    refused("add a saw", phrase)


def test_stop_alone_is_still_the_transport_mid_ramp():
    assert _said(_mid("fade"), "stop")[0] == "/seq/stop"


# -- 'half time' / 'double time': the drums' feel ---------------------------------------------------------------------
@pytest.mark.parametrize("phrase, factor", [("half time", 0.5), ("double time", 2.0), ("half-time", 0.5)])
def test_half_time_on_a_kit_is_the_drums_speed(phrase, factor):
    assert last(*DRUMS, phrase) == [f"/seq/speed {t} {factor}" for t in ("kick", "snare", "hats")]


@pytest.mark.parametrize("lines", [("add a saw",), ("add a saw", "bass notes a1 c2"), ()])
@pytest.mark.parametrize("phrase", ["half time", "double time", "half-time"])
def test_half_time_with_no_drum_is_refused_with_the_tempo_said(lines, phrase):
    said = refused(*lines, phrase)
    assert "no drum plays here" in said and "'tempo " in said


def test_half_time_with_drums_and_a_bass_halves_the_tempo_and_says_how_to_halve_the_drums():
    translator = Translator()
    for line in ("add a saw", "bass notes a1 c2", "kick x...x...", "tempo 128"):
        translator.translate(line)
    assert _said(translator, "half time") == ["/seq/bpm 64.0"]
    assert "'half time on the drums' for the drums alone" in " ".join(translator.understood)


@pytest.mark.parametrize("phrase, expected", [("half speed", "/seq/bpm 60.0"), ("tempo 140 half time", "/seq/bpm 70.0"),
                                              ("half time on the drums", None)])
def test_a_pace_or_a_tempo_said_with_its_feel_is_as_before(phrase, expected):
    if expected is None:
        assert last(*DRUMS, "add a saw", "bass notes a1", phrase) == ["/seq/speed kick 0.5", "/seq/speed snare 0.5",
                                                                       "/seq/speed hats 0.5"]
    else:
        assert last("add a saw", "tempo 120", phrase) == [expected]


# -- a new distortion asked for by name is heard at once ---------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["distort the bass", "add distortion to the bass", "add a distortion",
                                    "put some drive on the bass", "dirty up the bass", "add a fuzz"])
def test_a_distortion_asked_for_is_heard(phrase):
    out = last("add a saw", "bass notes a1 c2", phrase)
    assert out[0] == "/patch/create distortion1 distortion" and out[-1] == "/mod/distortion1/drive 5.0"


@pytest.mark.parametrize("phrase, drive", [("add distortion with drive 10", 10.0), ("add a distortion at 20", 20.0),
                                           ("add a bitcrusher", 29.0)])
def test_a_drive_said_or_a_bitcrusher_gets_its_own(phrase, drive):
    out = [m for m in last("add a saw", phrase) if "/drive" in m]
    assert out == [f"/mod/distortion1/drive {drive}"]


# -- swing is the whole groove's: said of a part, it says so -----------------------------------------------------------
@pytest.mark.parametrize("phrase, part", [("swing the hats", "hats"), ("swing the hats a bit", "hats"),
                                          ("hats swing 30%", "hats"), ("put some swing on the snare", "snare"),
                                          ("more swing on the hats", "hats"), ("swing on the kick", "kick"),
                                          ("some swing on the snare, 20%", "snare"), ("add some swing to the hats", "hats"),
                                          ("swing 30% on the hats", "hats")])
def test_swing_said_of_a_part_says_every_part_swings(phrase, part):
    translator = Translator()
    for line in DRUMS:
        translator.translate(line)
    out = _said(translator, phrase)
    assert [m.split()[0] for m in out] == ["/seq/swing"]
    assert f"every part swings, not the {part} alone" in " ".join(translator.understood)


@pytest.mark.parametrize("phrase", ["swing", "swing it", "swing 20%", "swing the 8ths"])
def test_swing_said_of_no_part_says_nothing_of_parts(phrase):
    translator = Translator()
    for line in DRUMS:
        translator.translate(line)
    _said(translator, phrase)
    assert "every part swings" not in " ".join(translator.understood)


# -- 'both' is two things: both done, or asked which — never one of them with 'both' dropped ---------------------------
TWO = ("add a saw", "add a filter", "add a square")           # the saw through a filter, the square through none


@pytest.mark.parametrize("phrase", ["lowpass both at 300", "lowpass them both at 300", "lowpass both of them at 300"])
def test_lowpass_both_filters_both_voices(phrase):
    out = last(*TWO, phrase)
    assert out[0] == "/mod/filter1/cutoff 300.0" and out[-2:] == ["/mod/filter2/mode lowpass", "/mod/filter2/cutoff 300.0"]


def test_lowpass_both_with_two_filters_sets_both():
    assert last(*TWO, "add a filter to the square", "lowpass both at 300") == ["/mod/filter1/cutoff 300.0",
                                                                             "/mod/filter2/cutoff 300.0"]


@pytest.mark.parametrize("phrase", ["lowpass both at 300", "both louder", "make both louder"])
def test_both_among_three_voices_asks_which_two(phrase):
    assert "which two?" in refused(*TWO, "add a sine", phrase)


@pytest.mark.parametrize("phrase", ["filter both at 300", "cutoff of both to 300"])
def test_both_that_does_not_read_for_each_is_refused_not_done_once(phrase):
    refused(*TWO, phrase)


# -- a part whose add was refused is never another part by its name ----------------------------------------------------
@pytest.mark.parametrize("adding", ["add a drone", "add a low drone at 55 hz", "give me a drone"])
@pytest.mark.parametrize("naming", ["make the drone softer", "the drone louder", "drone quieter", "the drone up an octave"])
def test_a_drone_refused_then_named_is_refused_not_the_pad(adding, naming):
    lines = ("add a triangle at 220 hz", "add a reverb", adding)
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate(adding)
    before = translator.model.snapshot()
    with pytest.raises(LanguageError) as said:
        translator.translate(naming)
    assert "there is no drone" in str(said.value) and translator.model == before


def test_a_drone_refused_stays_unadded_across_other_lines_until_a_sound_is_added():
    translator = Translator()
    for line in ("add a triangle at 220 hz", "add a reverb"):
        translator.translate(line)
    for line, works in (("add a drone", False), ("tempo 100", True), ("the drone softer", False),
                        ("add a sine called drone at 55 hz", True), ("the drone softer", True)):
        try:
            out = translator.translate(line)
        except LanguageError:
            out = None
        assert (out is not None) == works, line
    assert [str(m) for m in out] == ["/mod/drone/gain 0.4"]


def test_the_pad_named_with_no_add_refused_is_still_the_pad():
    assert last("add a triangle at 220 hz", "add a reverb", "make the drone softer") == ["/mod/triangle1/gain 0.4"]


# -- after a dash: the instruction of the part just named, or a remark on the change --------------------------------
BAND = ("add a triangle called piano", "add a saw called bass", "piano c4 e4 g4")


@pytest.mark.parametrize("phrase", ["Piano, please — the accompaniment must be softer.", "piano — too loud",
                                    "piano, please — softer", "piano — the accompaniment is too loud", "piano — make it softer",
                                    "piano please - the accompaniment must be softer", "the piano – it must be softer"])
def test_after_a_part_named_alone_the_dash_gives_its_instruction(phrase):
    assert last(*BAND, phrase) == ["/mod/piano/gain 0.4"]


@pytest.mark.parametrize("phrase", ["piano softer — it is too loud", "piano softer, it is too loud", "piano softer - too loud",
                                    "piano softer — it's way too loud"])
def test_a_reason_that_agrees_with_the_change_is_no_second_step(phrase):
    assert last(*BAND, phrase) == ["/mod/piano/gain 0.4"]


@pytest.mark.parametrize("phrase", ["bass louder — the piano is fine", "bass louder, the piano is fine",
                                    "bass louder, but the piano sounds good"])
def test_a_part_said_to_be_fine_is_left_alone(phrase):
    translator = Translator()
    for line in BAND:
        translator.translate(line)
    assert _said(translator, phrase) == ["/mod/bass/gain 0.6"]
    assert any(u.startswith("left out:") for u in translator.understood)


def test_two_instructions_across_a_dash_are_both_done():
    assert last(*BAND, "bass louder — piano softer") == ["/mod/bass/gain 0.6", "/mod/piano/gain 0.4"]


def test_a_complaint_of_another_kind_after_a_change_is_not_left_out():
    assert last(*BAND, "add a filter to the piano", "piano softer, too bright")[-1].startswith("/mod/filter1/cutoff")


# -- a voice added 'underneath' is added quieter — never the master turned down ------------------------------------------
@pytest.mark.parametrize("before", ["volume -3 db", "master -3 db", "everything quieter", "tempo 100"])
@pytest.mark.parametrize("phrase", ["a sine underneath", "add a sine underneath", "add a quiet sine", "a sine in the background",
                                    "add a sine, quieter", "add a sine, make it quieter"])
def test_a_voice_added_underneath_is_added_quieter_whatever_was_changed_before(before, phrase):
    out = last("add a saw", before, phrase)
    assert out[0] == "/patch/create sine1 sine" and out[-1] == "/mod/sine1/gain 0.4"
    assert not any(m.startswith("/mod/master/") for m in out)


def test_quieter_right_after_the_master_is_still_the_master():
    assert last("add a saw", "volume -3 db", "quieter") == ["/mod/master/gain -6.0"]


@pytest.mark.parametrize("adding", ["add a flanger to the pad", "add a phaser on the drone"])
def test_a_refused_add_to_a_part_leaves_that_part_named(adding):
    lines = ("add a triangle at 220 hz", "add a reverb")
    translator = Translator()
    for line in lines:
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate(adding)
    assert _said(translator, "make the pad softer") == ["/mod/triangle1/gain 0.4"]
