"""The completer and the lexer inside a real PromptSession: keys go in through prompt_toolkit's pipe
input, and the frames it draws are read back from a VT100 output (colours, the completion menu)."""
from __future__ import annotations

import asyncio
import io

from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from prompt_toolkit.layout import DynamicContainer, FormattedTextControl, HSplit, Layout, Window

from chronus_shell.repl.shell import controls_listed_once, make_prompt_session

UNDERLINED_RED = "\x1b[0;31;4m"


def drawn(translator, keys: str, no_popups: bool = False) -> tuple[str, str]:
    """(the accepted line, everything the prompt drew) after typing `keys` (which end the prompt).

    Tab, Ctrl-U and Enter wait a moment first: completion runs as a task, as it does in a terminal.
    Before Ctrl-U it also waits (up to 2 s, for a loaded machine) for the menu to be drawn, if one opens.
    """
    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=30, columns=110), term="xterm-256color")

    async def typist(pipe, session):
        for key in keys:
            if key in "\t\x15\r":
                await asyncio.sleep(0.15)
            if key == "\x15":
                await menu_drawn(session)
            pipe.send_text(key)

    async def menu_drawn(session, patience: float = 2.0):
        for _ in range(int(patience / 0.05)):
            state = session.default_buffer.complete_state
            if state is not None and state.completions:
                await asyncio.sleep(0.2)                                # let the renderer draw it
                return
            await asyncio.sleep(0.05)

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            session = make_prompt_session(translator, None, no_popups=no_popups)
            typing = asyncio.create_task(typist(pipe, session))
            line = await asyncio.wait_for(session.prompt_async(), timeout=10)
            await typing
            return line

    line = asyncio.run(main())
    return line, screen.getvalue()


def test_tab_opens_the_menu_with_unit_range_and_value(translator):
    line, screen = drawn(translator, "acid_filter1 \t\x15\r")            # Tab, Ctrl-U, Enter
    assert "Hz 20–20000  now 800" in screen
    assert "ratio 0–0.95  now 0.5" in screen


def test_tab_completes_a_unique_param(translator):
    line, _ = drawn(translator, "acid_filter1 reso\t 0.7\r")
    assert line == "acid_filter1 resonance 0.7"


def test_the_menu_opens_while_typing_a_word_but_not_on_a_space_or_an_article(translator):
    _, screen = drawn(translator, "acid_filter1 cu\x15\r")              # Ctrl-U, then accept empty
    assert "Hz 20–20000  now 800" in screen
    _, screen = drawn(translator, "add a \x15\r")
    assert "band-limited sawtooth" not in screen and "303-style" not in screen


def test_enum_choices_and_note_names_in_the_menu(translator):
    _, screen = drawn(translator, "distortion1 mode \t\x15\r")
    assert "foldback" in screen and "bitcrush" in screen
    _, screen = drawn(translator, "play c#\t\x15\r")
    assert "c#3" in screen


def test_unknown_word_is_drawn_underlined_before_enter(translator):
    _, screen = drawn(translator, "set the cutof to 900\r")
    assert f"{UNDERLINED_RED}cutof" in screen
    _, screen = drawn(translator, "set the cutoff to 900\r")
    assert UNDERLINED_RED not in screen


def test_ids_and_params_are_coloured(translator):
    _, screen = drawn(translator, "acid_filter1 cutoff 1.2khz\r")
    assert "\x1b[0;36;1macid_filter1" in screen                       # module id: cyan bold
    assert "\x1b[0;33mcutoff" in screen                               # param: yellow
    assert "\x1b[0;32;1m1.2khz" in screen                             # number with unit: green bold


def test_no_popups_lists_candidates_with_their_meta(translator):
    _, screen = drawn(translator, "acid_filter1 re\t\x15\r", no_popups=True)
    assert "resonance  ratio 0–0.95  now 0.5" in screen


class _Engine:
    """What the toolbar reads of the engine link: its last status (a poll would replace it)."""

    def __init__(self, status: dict):
        self.last_status = status


def test_the_toolbar_is_redrawn_when_it_changes_and_not_while_a_line_is_typed(translator, monkeypatch):
    """A redraw on a timer that the Enter key finds under way delays the line it ends (toolbar.refresh)."""
    from chronus_shell.repl import toolbar

    monkeypatch.setattr(toolbar, "TYPING_S", 2.0)                     # room for a loaded machine's sleeps
    engine = _Engine({"backend": "null", "level_db": -30.0})
    output = Vt100_Output(io.StringIO(), lambda: Size(rows=30, columns=110), term="xterm-256color")

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            session = make_prompt_session(translator, engine)
            app = session.app
            prompt = asyncio.create_task(session.prompt_async())
            await asyncio.sleep(0.6)
            drawn = app.render_counter
            await asyncio.sleep(0.6)
            assert app.render_counter == drawn, "nothing changed: not redrawn"
            engine.last_status = {"backend": "null", "level_db": -6.0}
            await asyncio.sleep(0.6)
            assert app.render_counter > drawn, "the level changed: redrawn"
            pipe.send_text(" ")
            await asyncio.sleep(0.2)
            drawn = app.render_counter
            engine.last_status = {"backend": "null", "level_db": -20.0}
            await asyncio.sleep(0.6)
            assert session.typing() and engine.typing() and app.render_counter == drawn, "typing: not redrawn"
            while session.typing():
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.6)
            assert app.render_counter > drawn, "the line was left alone: redrawn"
            pipe.send_text("\r")
            await asyncio.wait_for(prompt, timeout=10)

    asyncio.run(main())


def test_a_line_wiped_or_entered_ends_the_typing_at_once(translator, monkeypatch):
    """The toolbar and the status poll wait while a line is typed, not after it: a failover right after Enter shows."""
    from chronus_shell.repl import toolbar

    monkeypatch.setattr(toolbar, "TYPING_S", 5.0)
    engine = _Engine({"backend": "null", "level_db": -30.0})
    output = Vt100_Output(io.StringIO(), lambda: Size(rows=30, columns=110), term="xterm-256color")

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            session = make_prompt_session(translator, engine)
            prompt = asyncio.create_task(session.prompt_async())
            await asyncio.sleep(0.4)
            pipe.send_text("tempo")
            await asyncio.sleep(0.3)
            assert session.typing()
            pipe.send_text("\x15")                         # Ctrl-U: the line wiped
            await asyncio.sleep(0.3)
            assert not session.typing()
            pipe.send_text("\r")
            await asyncio.wait_for(prompt, timeout=10)

    asyncio.run(main())


def test_the_controls_listed_once_are_those_the_layout_holds_whatever_the_prompt_shows(translator):
    """shell.controls_listed_once: prompt_toolkit looks up a key's bindings among the layout's controls (walked
    afresh twice a key before); listed once, they are what a walk finds in every state the prompt passes — the
    completion menu open, a Tab, a reverse search and its end, the line accepted."""
    seen = []
    output = Vt100_Output(io.StringIO(), lambda: Size(rows=30, columns=110), term="xterm-256color")

    async def main():
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            session = make_prompt_session(translator, None)
            layout = session.app.layout

            def look():
                walked = [window.content for window in layout.find_all_windows()]
                seen.append((list(layout.find_all_controls()), walked))

            async def typist():                   # (Ctrl-R: a reverse search; Ctrl-G ends it)
                for keys in ("acid_filter1 cu", "\t", "\x12acid", "\x07", " 800", "\r"):
                    await asyncio.sleep(0.15)
                    look()
                    pipe.send_text(keys)
            typing = asyncio.create_task(typist())
            await asyncio.wait_for(session.prompt_async(), timeout=10)
            await typing
            look()

    asyncio.run(main())
    assert len(seen) == 7 and all(listed == walked for listed, walked in seen)


def test_the_controls_are_listed_again_when_a_dynamic_container_gives_another_part():
    """The one part of a layout whose tree can change (a DynamicContainer: the prompt's frame has one) is
    followed: what it gives changed, the controls are walked afresh."""
    first, second = (Window(FormattedTextControl(text)) for text in ("one", "two"))
    shown = [first]
    layout = Layout(HSplit([Window(FormattedTextControl("prompt")), DynamicContainer(lambda: shown[0])]))
    controls_listed_once(layout)
    assert first.content in layout.find_all_controls() and second.content not in layout.find_all_controls()
    shown[0] = second
    listed = list(layout.find_all_controls())
    assert second.content in listed and first.content not in listed and len(listed) == 2
