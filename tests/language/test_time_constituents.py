"""A timed change read from its constituents (time_phrases._ranged): what moves, where from, where
to and how long, whatever verb or motion word stands around them — wordings invented here."""
import pytest

from chronus_shell.language import LanguageError

from .test_time_harmony_classes import ACID, last


@pytest.mark.parametrize("phrase, expected", [
    ("resonance glides to 0.6 over 2 bars", ["/ramp/acid_filter1/resonance 0.6 8"]),        # motion word after the param
    ("automation on the cutoff to 1200 over 4 bars", None),                                  # 'on' is no motion word: refused
    ("cutoff automation up to 2500 over 8 beats", ["/ramp/acid_filter1/cutoff 2500.0 8"]),
    ("slide cutoff back down to 700 across 2 bars", ["/ramp/acid_filter1/cutoff 700.0 8"]),
])
def test_motion_words_anywhere_only_say_it_moves(phrase, expected):
    if expected is None:
        with pytest.raises(LanguageError):
            last(*ACID, phrase)
    else:
        assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("resonance 0.2 to 0.7 over 4 bars", ["/mod/acid_filter1/resonance 0.2", "/ramp/acid_filter1/resonance 0.7 16"]),
    ("cutoff: 400 → 2k over 2 bars", ["/mod/acid_filter1/cutoff 400.0", "/ramp/acid_filter1/cutoff 2000.0 8"]),
    ("bpm ramping 120 up to 126 over 16 bars", ["/seq/bpm 126.0 ramp 64"]),               # from where it is
    ("pace from 110 to 100 over 4 bars", ["/seq/bpm 110.0 now", "/seq/bpm 100.0 ramp 16"]),
    ("cutoff from 800 to 2k over 2 bars", ["/ramp/acid_filter1/cutoff 2000.0 8"]),       # 800 already: no jump
])
def test_a_start_said_bare_or_with_from_and_the_tempo_by_any_name(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_what_follows_a_ramp_to_say_it_stays_says_nothing_more():
    assert last(*ACID, "cutoff rises to 900 over a bar and then it stays there") == ["/ramp/acid_filter1/cutoff 900.0 4"]


@pytest.mark.parametrize("phrase", ["glide it up to 110 over 4 bars", "70 to 90 over 8 bars"])
def test_a_target_without_what_moves_names_the_readings(phrase):
    with pytest.raises(LanguageError, match="tempo"):
        last(*ACID, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("resonance to 0.3 logarithmically over 2 bars", ["/ramp/acid_filter1/resonance 0.3 8 exp"]),
    ("linearly bring the cutoff to 900 over a bar", ["/ramp/acid_filter1/cutoff 900.0 4 lin"]),
    ("cutoff to 700 in 2 bars' time", ["/at 2 bar /mod/acid_filter1/cutoff 700.0"]),
])
def test_a_curve_word_anywhere_and_a_start_in_some_bars_time(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase", ["on the downbeat of the next bar, cutoff 450", "cutoff 450 at the first beat of the next bar"])
def test_the_first_beat_of_the_next_bar_is_the_next_bar(phrase):
    assert last(*ACID, phrase) == ["/at 1 bar /mod/acid_filter1/cutoff 450.0"]


@pytest.mark.parametrize("phrase, pattern", [
    ("euclid the snare 3 over 8", "/seq/add snare snare1 x(3,8)"),
    ("euclidean (5,16) for the hats, offset 1", "/seq/add hats hat1 x(5,16,1)"),
    ("kick: euclid 7 of 16", "/seq/add kick kick1 x(7,16)"),
])
def test_a_euclidean_rhythm_with_its_parts_in_any_order(phrase, pattern):
    assert last("kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.", phrase) == [pattern]
