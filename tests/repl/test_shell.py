"""The real prompt loop over prompt_toolkit's pipe input: lines, errors, verbs, Ctrl-C, Ctrl-D.

The engine side is a transcript (STYLE 9): it records what reaches it and answers status.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from chronus_shell.language import Translator
from chronus_shell.repl.engine_link import Reply
from chronus_shell.repl.history import history_path
from chronus_shell.repl.printing import Output
from chronus_shell.repl.shell import PROMPT, Shell, make_prompt_session
from chronus_shell.supervisor.repl_realtime import plain_fan_out


class Transcript:
    """Stands where EngineLink stands: records messages, refuses a cutoff of 19 Hz."""

    last_status = {"backend": "null", "xruns": 0, "slots": [{"name": "A", "role": "active", "cpu": 0.02}]}

    at_enter = True                          # send_now sends (EngineLink's, once the engine is up)

    def __init__(self):
        self.sent, self.sent_at_enter = [], 0

    async def send(self, messages):
        return self._send(messages)

    def send_now(self, messages):
        """Like EngineLink.send_now: the replies' future, or None (then send() sends them)."""
        if not self.at_enter or not all(plain_fan_out(message) for message in messages):
            return None
        self.sent_at_enter += 1
        sending = concurrent.futures.Future()
        sending.set_result(self._send(messages))
        return sending

    def _send(self, messages):
        """Like EngineLink.send: stops at the first refusal, which says which message it was."""
        for index, message in enumerate(messages):
            self.sent.append(message)
            if message.args == (19.0,):
                return [Reply("cutoff 19 is out of range 20–20000 Hz", ok=False, refused_at=index)]
        return []

    async def status(self):
        return self.last_status

    def reading(self, line=""):
        return contextlib.nullcontext()

    def prompting(self):
        return contextlib.nullcontext()

    def lower(self):
        pass

    async def ramps(self):
        return []


def run_shell(keys: str, engine=None):
    """Type `keys` into a real PromptSession and run the shell until it ends."""
    translator, engine, stream = Translator(), engine or Transcript(), io.StringIO()

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(keys)
            shell = Shell(translator, engine, Output(color=False, stream=stream),
                          make_prompt_session(translator, engine))
            await asyncio.wait_for(shell.run(), timeout=10)

    asyncio.run(main())
    return translator, engine, stream.getvalue()


@pytest.fixture(autouse=True, params=["sent at Enter", "sent after the prompt"])
def when_sent(request, monkeypatch):
    """Every test twice: the lines sent from the prompt's accept handler (Shell.entered), and all by
    execute() after the prompt returned — what the shell says and sends is the same either way."""
    monkeypatch.setattr(Transcript, "at_enter", request.param == "sent at Enter")
    return request.param


LIVE_SET = ("add a saw at 110 hz\radd acid filter at 800hz\rset the cutof to 800\racid_filter1 cutoff 19\r"
            "make it brighter\rtempo 128\rundo\rredo\rswing 20%\rundo the last 2 changes\rverbose\r"
            "acid_filter1 resonance 0.7\rhelp tempo\rstatus\r\x04")


def test_a_line_sent_at_enter_is_what_translating_after_the_prompt_gives():
    Transcript.at_enter = False
    later, later_engine, later_out = run_shell(LIVE_SET)
    Transcript.at_enter = True
    now, now_engine, now_out = run_shell(LIVE_SET)
    assert now_out == later_out and now_engine.sent == later_engine.sent
    assert (now.undo_stack, now.redo_stack, now.model.snapshot()) == (later.undo_stack, later.redo_stack,
                                                                       later.model.snapshot())
    assert now_engine.sent_at_enter >= 8 and later_engine.sent_at_enter == 0


def test_lines_become_messages_and_ctrl_d_exits():
    translator, engine, _ = run_shell("add a saw at 110 hz\rtempo 128\r\x04")
    assert [str(m) for m in engine.sent] == [
        "/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/freq 110.0", "/seq/bpm 128.0"]
    assert translator.model.bpm == 128


def test_typo_prints_caret_under_the_word_and_the_suggestion():
    _, engine, out = run_shell("add a saw\rset the cutof to 800\r\x04")
    caret_line = next(line for line in out.splitlines() if "^" in line)
    assert caret_line.index("^") == len(PROMPT) + len("set the ")
    assert "did you mean cutoff?" in caret_line
    assert len(engine.sent) == 2                       # the bad line sent nothing


def test_engine_refusal_is_one_line():
    _, _, out = run_shell("add acid filter\rcutoff 19\r\x04")
    assert "cutoff 19 is out of range 20–20000 Hz" in out
    assert "Traceback" not in out


def test_a_refused_line_is_forgotten_by_the_context():
    """The engine refused `detune 19`: the model keeps 0 cents and `undo` takes back the saw."""
    translator, engine, _ = run_shell("add a saw\rsaw1 detune 19\rundo\r\x04")
    assert str(engine.sent[2]) == "/mod/saw1/detune 19.0"
    assert [str(m) for m in engine.sent[3:]] == ["/patch/remove saw1"]
    assert "saw1" not in translator.model.modules and not translator.undo_stack


def test_a_line_refused_halfway_is_taken_back_whole():
    """The engine took the new saw, then refused its detune: the saw is removed again (a refused line
    changes nothing — as 'load amen.wav' with no such file must leave no empty sampler)."""
    translator, engine, _ = run_shell("add a saw with detune 19\r\x04")
    sent = [str(m) for m in engine.sent]
    assert sent[:3] == ["/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/detune 19.0"]
    assert sent[3:] == ["/patch/remove saw1"]
    assert "saw1" not in translator.model.modules and not translator.undo_stack


def test_verbose_echo_and_help_and_status():
    _, _, out = run_shell("verbose on\radd a saw at 110 hz\rhelp cutoff\rstatus\rlist modules\r\x04")
    assert "→ /mod/saw1/freq 110.0" in out
    assert "param cutoff" in out and "acid_filter" in out
    assert "engine status" in out and "active" in out
    assert "saw1" in out and "freq 110" in out


def test_multi_line_paste_runs_line_by_line():
    _, engine, out = run_shell("\x1b[200~add a saw\nadd a sqre\ntempo 90\x1b[201~\r\x04")
    assert "/seq/bpm 90.0" in [str(m) for m in engine.sent]
    assert "add a sqre" in out and "did you mean square" in out    # the failing line is repeated


@pytest.mark.parametrize("presses, quits", [(2, False), (3, True)])
def test_ctrl_c_cancels_then_warns_then_quits(presses, quits):
    keys = "add a sa" + "\x03" * presses + ("" if quits else "tempo 99\r\x04")
    _, engine, out = run_shell(keys)
    assert "press Ctrl-C again to quit" in out
    expected = [] if quits else ["/seq/bpm 99.0"]      # the cancelled line never ran
    assert [str(m) for m in engine.sent] == expected


def test_a_paste_ending_in_a_newline_runs_at_once():
    _, engine, _ = run_shell("\x1b[200~tempo 91\ntempo 92\n\x1b[201~\x04")
    assert [str(m) for m in engine.sent] == ["/seq/bpm 91.0", "/seq/bpm 92.0"]


def test_cancelling_lines_never_quits():
    _, engine, out = run_shell("tempo 1\x03tempo 2\x03tempo 3\x03tempo 99\r\x04")
    assert "press Ctrl-C again" not in out
    assert [str(m) for m in engine.sent] == ["/seq/bpm 99.0"]


def test_ctrl_c_on_an_empty_line_asks_on_the_second():
    _, engine, out = run_shell("\x03\x03tempo 99\r\x04")
    assert out.count("press Ctrl-C again to quit") == 1
    assert [str(m) for m in engine.sent] == ["/seq/bpm 99.0"]


def test_what_is_shows_the_value_with_its_range():
    _, _, out = run_shell("add acid filter at 800hz\rwhat is the cutoff\rwhat's the tempo\rshow acid_filter1\r\x04")
    assert "acid_filter1 cutoff 800 Hz   (range 20–20000 Hz)" in out
    assert "tempo 120 bpm" in out
    assert "acid_filter1 (acid_filter)" in out and "resonance" in out


def test_undo_says_what_it_undid():
    _, engine, out = run_shell("add a saw\rundo\r\x04")
    assert "undid: add a saw" in out
    assert str(engine.sent[-1]) == "/patch/remove saw1"


def test_an_undo_said_in_a_sentence_says_what_it_undid_too():
    _, engine, out = run_shell("add a saw\rtempo 130\rOh dear, that was the wrong note. Please undo.\r\x04")
    assert "undid: tempo 130" in out


def test_an_undo_of_several_lines_names_each_line_typed_and_a_redo_too():
    _, engine, out = run_shell("add a saw\rtempo 130\rswing 20%\rundo the last 2 changes\rredo\r\x04")
    assert "undid 2 lines: swing 20%; tempo 130" in out and "redid: tempo 130" in out
    assert "/seq/swing" not in out.split("undid")[1]           # words, not messages


def test_no_popups_tab_completes_like_readline():
    translator, engine, stream = Translator(), Transcript(), io.StringIO()
    translator.translate("add acid filter at 800hz")

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text("acid_filter1 reso\t 0.6\r\x04")
            shell = Shell(translator, engine, Output(color=False, stream=stream),
                          make_prompt_session(translator, engine, no_popups=True))
            await asyncio.wait_for(shell.run(), timeout=10)

    asyncio.run(main())
    assert [str(m) for m in engine.sent] == ["/mod/acid_filter1/resonance 0.6"]


def test_a_raw_message_is_checked_against_the_protocol():
    _, engine, out = run_shell("/nonsense 1\r/seq/bpm fast\r/seq/bpm 99\r\x04")
    assert "unknown address /nonsense" in out and "should be a number" in out
    assert [str(m) for m in engine.sent] == ["/seq/bpm 99"]


def test_quit_verb_and_history_saved():
    run_shell("tempo 100\rquit\r")
    assert "tempo 100" in history_path().read_text()


def test_an_internal_error_is_one_line_and_the_shell_goes_on(monkeypatch, chronus_home):
    def broken(*_):
        raise RuntimeError("boom")
    monkeypatch.setattr("chronus_shell.repl.shell.help_renderables", broken)
    _, engine, out = run_shell("help\rtempo 90\r\x04")
    assert "internal error (RuntimeError: boom)" in out and "Traceback" not in out
    assert "Traceback" in (chronus_home / "errors.log").read_text()
    assert [str(m) for m in engine.sent] == ["/seq/bpm 90.0"]


@pytest.mark.parametrize("answer, restored", [("\r", True), ("n\r", False), ("tempo 90\ry\r", True)])
def test_recovery_is_offered_after_a_crash(chronus_home, answer, restored):
    from pathlib import Path

    from chronus_shell.repl.app import _offer_recovery
    from chronus_shell.session.autosave import autosave_path, pending_recovery

    example = Path(__file__).resolve().parents[2] / "examples" / "sessions" / "acid-night.json"
    autosave_path(pid=2 ** 22 + 1).write_text(example.read_text())   # a dead shell's: its lock is free
    translator, engine, stream = Translator(), Transcript(), io.StringIO()

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            pipe.send_text(answer)
            session = make_prompt_session(translator, engine)
            ready = asyncio.get_running_loop().create_future()     # the engine is up
            ready.set_result(None)
            return await _offer_recovery(session, translator, engine, Output(color=False, stream=stream), ready)

    typed = asyncio.run(main())
    assert typed == (["tempo 90"] if "tempo" in answer else [])    # typed early: kept, not swallowed
    assert pending_recovery() is None
    assert bool(engine.sent) is restored
    assert (len(translator.model.modules) > 1) is restored
    kept = chronus_home / "autosave-declined.json"
    assert kept.is_file() is not restored                  # a "no" never loses the crashed set
    if not restored:
        said = "".join(stream.getvalue().split())          # however it wrapped, inside the path too
        assert "".join(f"'load {kept}' brings it back".split()) in said
        assert translator.translate(f"load {kept} now")[0].args == (str(kept), "now")


def test_no_popups_and_vi_options():
    from prompt_toolkit.enums import EditingMode
    from prompt_toolkit.shortcuts import CompleteStyle

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        quiet = make_prompt_session(Translator(), Transcript(), vi=True, no_popups=True)
        assert quiet.complete_while_typing is False
        assert quiet.complete_style == CompleteStyle.READLINE_LIKE
        assert quiet.editing_mode == EditingMode.VI
        default = make_prompt_session(Translator(), Transcript())
        assert default.complete_while_typing is True and default.editing_mode == EditingMode.EMACS


def test_help_keeps_the_optional_parts_in_brackets():
    """'[set]', '[to <file.wav>]' are syntax, not rich markup: they must reach the screen."""
    _, _, out = run_shell("help all\r\x04")
    assert "record [to <file.wav>]" in out and "[set] [<module>] <param> [to] <value>" in out


def test_help_on_a_param_shows_its_value_on_each_live_module():
    _, _, out = run_shell("add acid filter at 800hz\rhelp cutoff\r\x04")
    assert "acid_filter1 800" in out


class SessionTranscript(Transcript):
    """A transcript that loads sessions as the engine does: the saved patch's messages come back."""

    async def send(self, messages):
        from chronus_shell.session import load_session, state_to_messages

        replies = await super().send(messages)
        for message in messages:
            if message.address == "/session/load":
                restored = state_to_messages(load_session(str(message.args[0])))
                replies.append(Reply(f"loaded {message.args[0]}", messages=tuple(restored)))
        return replies


def test_undo_and_redo_of_a_session_load_say_one_line():
    from chronus_shell.engine.engine import Engine
    from chronus_shell.session import save_session

    saved = Translator()
    lines = ("add a saw at 110 hz", "add acid filter at 800hz", "play x.x. on hats", "add a distortion")
    messages = [m for line in lines for m in saved.translate(line)]
    engine = Engine(48000, 256)
    for message in messages:
        engine.schedule(message)
    engine.render(256)
    save_session("mytrack", engine.patch_state())
    _, _, out = run_shell("load session mytrack now\rundo\rredo\rtempo 130\rundo\r\x04", SessionTranscript())
    assert [line for line in out.splitlines() if "/patch/" in line] == []
    changes = [line for line in out.splitlines() if line.startswith(("undid", "redid"))]
    assert changes == ["undid: load session mytrack now", "redid: load session mytrack now", "undid: tempo 130"]


def test_a_paste_split_by_a_form_feed_is_sent_once():
    translator, engine, _ = run_shell("\x1b[200~tempo 90\x0ckick louder\x1b[201~\r\x04")
    assert [str(m) for m in engine.sent].count("/seq/bpm 90.0") == 1
    assert len(translator.undo_stack) <= 2


def test_a_send_that_fails_at_enter_is_sent_the_usual_way(monkeypatch):
    def broken(self, messages):
        raise RuntimeError("the sender has shut down")
    monkeypatch.setattr(Transcript, "send_now", broken)
    _, engine, out = run_shell("tempo 128\r\x04")
    assert [str(m) for m in engine.sent] == ["/seq/bpm 128.0"] and "Traceback" not in out
