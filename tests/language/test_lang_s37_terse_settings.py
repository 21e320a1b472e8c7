"""Session 37: an effect on a part with its settings typed after it, no commas ('distortion on bass drive 10'); an LFO
synced to the tempo at a note value; a setting reverted or restored to a value ('revert bpm to 128') — never a
session loaded by that name."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last

ACID = ("add a saw", "add an acid filter", "connect saw1 to acid_filter1", "/seq/bpm 128", "/seq/add bass saw1 x.x.x.x.")


def test_an_effects_settings_without_commas_are_its_settings():
    said = last(*ACID, "lfo on cutoff rate 0.5Hz depth 0.3")
    assert said[0] == "/patch/create lfo1 lfo" and said[-2:] == ["/mod/lfo1/rate 0.5", "/mod/lfo1/depth 0.3"]
    said = last(*ACID, "distortion on bass drive 10")
    assert said[0] == "/patch/create distortion1 distortion" and said[-1] == "/mod/distortion1/drive 10.0"


def test_a_setting_the_effect_has_not_is_refused():
    with pytest.raises(LanguageError):
        last(*ACID, "add a kick", "reverb on kick cutoff 300")


def test_an_lfo_synced_to_the_tempo_takes_the_note_as_its_rate():
    assert last(*ACID, "add an lfo", "sync the LFO to the tempo, 1/8") == last(*ACID, "add an lfo", "lfo rate 1/8")


@pytest.mark.parametrize("phrase, expected", [
    ("revert bpm to 120", ["/seq/bpm 120.0"]),
    ("restore the tempo to 120", ["/seq/bpm 120.0"]),
    ("revert cutoff to 500", ["/mod/acid_filter1/cutoff 500.0"]),
])
def test_a_setting_reverted_to_a_value_is_set_back(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_a_session_is_still_restored_by_its_name():
    assert last(*ACID, "restore dusty_loop") == ["/session/load dusty_loop"]
