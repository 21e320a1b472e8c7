"""Undo of a timed line takes its bar-line command back from the engine's queue (`/at/cancel`) before
setting the value back: without it the undone change still landed on its bar. A redo times it again;
raw /ramp and /at lines move the model as the plain line would."""
from __future__ import annotations

from chronus_shell.language import Translator


def test_undo_of_a_timed_line_takes_its_command_back_and_redo_times_it_again():
    t = Translator()
    for line in ("add a saw at 110 hz", "add acid filter at 600 hz", "start"):
        t.translate(line)
    assert [str(m) for m in t.translate("at the next bar, cutoff 500.0")] == ["/at 1 bar /mod/acid_filter1/cutoff 500.0"]
    assert [str(m) for m in t.translate("undo")] == ["/at/cancel /mod/acid_filter1/cutoff 500.0",
                                                     "/mod/acid_filter1/cutoff 600.0"]
    assert [str(m) for m in t.translate("redo")] == ["/at 1 bar /mod/acid_filter1/cutoff 500.0"]
    assert t.model.value("acid_filter1", "cutoff") == 500
    assert [str(m) for m in t.translate("undo")][0] == "/at/cancel /mod/acid_filter1/cutoff 500.0"
    assert t.model.value("acid_filter1", "cutoff") == 600


def test_a_raw_ramp_or_at_line_moves_the_model_and_undoes():
    t = Translator()
    t.translate("add acid filter at 600 hz")
    t.translate("/ramp/acid_filter1/cutoff 2000 16")
    assert t.model.value("acid_filter1", "cutoff") == 2000
    assert [str(m) for m in t.translate("undo")] == ["/mod/acid_filter1/cutoff 600.0"]
