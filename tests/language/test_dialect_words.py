"""Words of musicians' own dialects read as the language's (musician_words.SLANG, session 20):
Jamaican patois ('echo pon di snare', 'tek out di kick fi 8 bar'), German words kept in English
('schneller, 135', '16 Takten'), Arabic chatter ('habibi', 'khalas') left out."""
import pytest

from .test_time_harmony_classes import DRUMS, last


@pytest.mark.parametrize("phrase, expected", [
    ("hi hat pon di offbeat", ["/seq/add hats hat1 ..x...x...x...x."]),
    ("tek out di kick fi 8 bar", ["/seq/mute kick 1 8"]),
    ("schneller, 135", ["/seq/bpm 135.0"]),
    ("mute the bassdrum for 16 Takten", ["/seq/mute kick 1 16"]),
    ("stop khalas", ["/seq/stop"]),
])
def test_dialect_words_are_the_language_s(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_patois_on_the_snare_puts_the_echo_there():
    messages = last(*DRUMS, "echo pon di snare")
    assert messages[0] == "/patch/create delay1 delay" and "/patch/connect snare1 delay1" in messages


@pytest.mark.parametrize("phrase, expected", [
    ("Kick fundamental at 45 Hz, decay 400 ms.", ["/mod/kick1/freq 45.0", "/mod/kick1/decay 400.0"]),
    ("Phase-shift the hats by one sixteenth.", ["/seq/shift hats 1"]),
])
def test_a_synthesist_s_terms(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_instantiate_is_add():
    assert last("Instantiate a sine oscillator at 440 Hz.")[0] == "/patch/create sine1 sine"
