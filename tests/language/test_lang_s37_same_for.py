"""Session 37: 'same for the bass' after a timed line that named the whole kit ('Drums tacet for eight bars.'): that
line said again for the bass, its time with it — never the change at once."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last

BAND = ("add a kick", "add a snare", "add a sine", "the sine is the bass", "/seq/add kick kick1 x...x...x...x...",
        "/seq/add snare snare1 ....x.......x...", "/seq/add walking sine1 x...x...x...x...")


def test_same_for_a_part_after_the_kit_muted_a_while():
    said = last(*BAND, "Drums tacet for eight bars.", "Same for the bass.")
    assert said[0] == "/seq/mute walking 1 8"


def test_same_for_a_part_the_patch_has_not_is_refused():
    with pytest.raises(LanguageError):
        last(*BAND, "Drums tacet for eight bars.", "Same for the organ.")
