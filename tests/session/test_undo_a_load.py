"""Undo after loading a session puts every value back (trial, session 20: a session with the same
modules as the patch, loaded, then `undo`, left every param at its default — the undo dropped the
values of the modules it made again, as if they were of a module it removes)."""
from chronus_shell.engine.engine import Engine
from chronus_shell.language.translator import Translator
from chronus_shell.protocol.message import Message
from chronus_shell.session.snapshot import state_to_messages


def _engine_with(translator: Translator, lines: list[str]) -> Engine:
    engine = Engine(48000, 256)
    for line in lines:
        for message in translator.translate(line):
            engine.schedule(message)
    engine.render_stereo(256)
    return engine


def test_undo_of_a_load_over_the_same_modules_restores_their_values():
    translator = Translator()
    engine = _engine_with(translator, ["add a saw at 55 hz", "add acid filter at 300 hz", "tempo 128"])
    saved = engine.patch_state()
    for line in ["saw to 110 hz", "cutoff 900"]:
        for message in translator.translate(line):
            engine.schedule(message)
    engine.render_stereo(256)
    before = engine.patch_state()
    load = state_to_messages(saved, before)                   # what the shell sends for `load`
    translator.observe(load)
    for message in load:
        engine.schedule(message)
    engine.render_stereo(256)
    assert engine.patch_state()["modules"]["saw1"]["params"]["freq"] == 55
    for message in translator.undo():
        engine.schedule(message)
    engine.render_stereo(256)
    after = engine.patch_state()["modules"]
    assert after["saw1"]["params"]["freq"] == 110 and after["acid_filter1"]["params"]["cutoff"] == 900
    assert after == before["modules"]


def test_undo_still_drops_sets_on_a_module_it_removes():
    from chronus_shell.language.undo_steps import simplify_undo
    steps = [Message("/mod/x1/gain", (0.5,)), Message("/patch/remove", ("x1",)), Message("/mod/y1/gain", (0.2,))]
    assert [m.address for m in simplify_undo(steps)] == ["/patch/remove", "/mod/y1/gain"]
