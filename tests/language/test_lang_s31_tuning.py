"""Issue 13, session 31: a part said to be out of tune is tuned back, never turned up — and the follow-ups and
bandleader's words that read 'bring it up' as a level leave the pitch complaint alone."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last

DRONE = ("add a triangle at 220 hz", "add a reverb", "triangle gain 0.5")


@pytest.mark.parametrize("phrase, expected", [
    ("the triangle is flat", ["/mod/triangle1/detune 10.0"]),
    ("the drone is a bit flat, bring it up", ["/mod/triangle1/detune 10.0"]),
    ("the organ's sharp, bring it down a touch", ["/mod/triangle1/detune -10.0"]),
    ("it's a bit flat", ["/mod/triangle1/detune 10.0"]),
    ("the triangle is sharp, down 20 cents", ["/mod/triangle1/detune -20.0"]),
])
def test_a_part_out_of_tune_is_tuned_back(phrase, expected):
    assert last(*DRONE, phrase) == expected


@pytest.mark.parametrize("phrase", ["the organ is sharp, bring it up", "the drone is flat, bring it down"])
def test_a_way_said_against_the_complaint_is_refused_never_a_level(phrase):
    with pytest.raises(LanguageError):
        last(*DRONE, phrase)


def test_b_flat_is_still_a_note():
    assert "/gate/triangle1" in last(*DRONE, "b flat major")[-1]


@pytest.mark.parametrize("phrase, on", [("more room in the reverb", "more room on the reverb"),
                                        ("a bit more feedback in the delay", "a bit more feedback on the delay")])
def test_a_setting_said_in_its_effect_is_on_it(phrase, on):
    pad = ("add a triangle at 220 hz", "add a reverb", "add a delay")
    assert last(*pad, phrase) == last(*pad, on)


def test_enough_then_the_request():
    assert last("add a saw", "/record/start", "Enough, stop the recording.") == ["/record/stop"]


@pytest.mark.parametrize("phrase", ["cut the recording", "ok that's enough recording", "done recording"])
def test_a_recording_cut_or_done_is_stopped(phrase):
    assert last("add a saw", "/record/start take1", phrase) == ["/record/stop"]


@pytest.mark.parametrize("phrase, expected", [("biggest room possible", ["/mod/reverb1/room 1.0"]),
                                              ("the least feedback", ["/mod/delay1/feedback 0.0"]),
                                              ("reverb fully wet, no dry at all", ["/mod/reverb1/mix 1.0"])])
def test_a_superlative_is_the_end_of_the_range(phrase, expected):
    assert last("add a triangle at 220 hz", "add a reverb", "add a delay", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("slow slow quick quick on the kick", ["/seq/add kick kick1 x.......x.......x...x..."]),
    ("waltz steps on the snare: quick quick slow", ["/seq/add snare snare1 x...x...x......."]),
])
def test_a_dance_teachers_slows_and_quicks_are_steps(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == expected


def test_slow_alone_is_still_the_tempo():
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "tempo 120", "slower")[0].startswith("/seq/bpm ")


@pytest.mark.parametrize("phrase", ["back to the top", "one more time from the top", "go back to the start"])
def test_back_to_the_top_starts_it_again(phrase):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "/seq/stop", phrase) == ["/seq/start"]


@pytest.mark.parametrize("phrase", ["cut-off!", "and... cut it off"])
def test_a_conductors_cut_off_stops_the_music(phrase):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == ["/seq/stop"]


@pytest.mark.parametrize("phrase", ["more ambience, but not too much", "more reverb, nothing crazy", "more reverb, don't overdo it"])
def test_a_hedge_after_the_change_is_left_out(phrase):
    assert last("add a triangle at 220 hz", "add a reverb", phrase) == ["/mod/reverb1/mix 0.35"]


@pytest.mark.parametrize("phrase, expected", [("increase the kick thump", ["/mod/kick1/punch 0.6"]),
                                              ("reduce the snare's ring", ["/mod/snare1/decay 126.134462"])])
def test_a_quality_increased_or_reduced_by_its_verb(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("fade that sine in from nothin over 4 bars", ["/mod/sine1/gain 0.0", "/ramp/sine1/gain 0.5 16"]),
    ("slow it on down to 96", ["/seq/bpm 96.0"]),
    ("give it a shuffle feel y'all", ["/seq/swing 0.2 8"]),
])
def test_a_dropped_g_and_southern_words(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "add a sine", phrase) == expected


def test_a_parts_s_before_how_it_is_is_is_never_its_possessive():
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "kick's kinda boomy, tighten it up") == ["/mod/kick1/decay 252.268925"]
    assert last(*DRUMS, "kick's decay longer") == ["/mod/kick1/decay 356.762135"]


@pytest.mark.parametrize("phrase, expected", [("the whole thing is a bit quiet, boost 3 dB", ["/mod/master/gain 3.0"]),
                                              ("the hats are too loud, cut 3 db", ["/mod/hat1/gain 0.566357"])])
def test_an_engineers_bare_boost_or_cut_is_of_the_part_described(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, "hat1 gain 0.8", phrase) == expected


def test_a_slapback_is_the_delay():
    assert last("add a saw at 110 hz", "add a delay", "slapback shorter") == ["/mod/delay1/time 0.210224"]


@pytest.mark.parametrize("phrase, expected", [("ngl the hats r too loud", ["/mod/hat1/gain 0.7"]),
                                              ("hats louder tbh", ["/mod/hat1/gain 0.9"])])
def test_text_speak_around_a_request(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [("para de gravar", ["/record/stop"]), ("abre baile_sexta", ["/session/load baile_sexta"]),
                                              ("une sinusoïde at 440", ["/patch/create sine1 sine", "/patch/connect sine1 master",
                                                                        "/mod/sine1/freq 440.0"])])
def test_portuguese_and_french_words(phrase, expected):
    assert last("/record/start", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [("and the snare 2 earlier", ["/seq/shift snare -2"]),
                                              ("kick one later", ["/seq/shift kick 1"])])
def test_a_count_earlier_or_later_is_steps(phrase, expected):
    from .test_phrasing_classes import DRUMS
    assert last(*DRUMS, phrase) == expected
