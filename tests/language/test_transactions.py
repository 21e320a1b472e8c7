"""The language's context through a transaction: `abort` takes the patch back to `begin` (param
changes to modules that stay are kept: they reached the live graph too); `commit` keeps it all."""
from __future__ import annotations

from chronus_shell.language import Translator


def lines(translator: Translator, *texts: str) -> list[str]:
    return [str(m) for text in texts for m in translator.translate(text)]


def test_abort_forgets_the_transactions_modules_and_edges():
    t = Translator()
    lines(t, "add a saw", "add acid filter", "begin", "add a reverb", "resonance 70%", "remove saw1")
    assert "reverb1" in t.model.modules and "saw1" not in t.model.modules
    lines(t, "abort")
    assert set(t.model.modules) == {"master", "saw1", "acid_filter1"}
    assert t.model.voice_of("saw1") == ["saw1", "acid_filter1"]
    assert t.model.value("acid_filter1", "resonance") == 0.7           # the live filter kept it
    assert lines(t, "add a delay")[:3] == [
        "/patch/create delay1 delay", "/patch/disconnect acid_filter1 master", "/patch/connect acid_filter1 delay1"]
    assert lines(t, "undo", "undo") == ["/patch/connect acid_filter1 master", "/patch/remove delay1",
                                        "/patch/connect saw1 master", "/patch/remove acid_filter1"]


def test_commit_keeps_the_new_patch():
    t = Translator()
    lines(t, "add a saw", "begin", "add a reverb", "commit")
    assert t.model.voice_of("saw1") == ["saw1", "reverb1"]
    assert lines(t, "reverb mix 50%") == ["/mod/reverb1/mix 0.5"]
