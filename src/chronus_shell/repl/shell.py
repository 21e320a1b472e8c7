"""The read–translate–send loop: one line at a time, never a traceback to the musician.

Reading and evaluating are guarded separately (STYLE 7): Ctrl-C while reading cancels the
line, a bad line prints one red caret line, and only messages the language accepted go on to
the engine. REPL verbs (`/shell/*`) and `/engine/status` are answered here.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import traceback
from dataclasses import dataclass, field

from prompt_toolkit import PromptSession
from prompt_toolkit.layout import DynamicContainer
from prompt_toolkit.shortcuts import CompleteStyle, clear

from ..language import LanguageError
from ..protocol.addresses import ProtocolError, canonical
from ..protocol.message import Message
from ..paths import data_dir
from .completer import ChronusCompleter
from .engine_link import EngineLink
from .history import shell_history
from .keys import prompt_bindings
from .lexer import ChronusLexer
from .printing import Output, status_table
from .ramp_watch import RampWatch
from .style import SHELL_STYLE
from .terminal import shell_output
from .toolbar import Toolbar, Typing, refresh
from .topics import TopicError, help_renderables, list_renderables, show_renderables
from .undo_labels import StepLabels, undo_verb

PROMPT = "chronus› "
CONTINUATION = "      … "  # pasted lines line up under the first
TOOLBAR_REFRESH_S = 0.25
QUIT_AFTER_INTERRUPTS = 3
UNDO_SHOWN = 4              # an undo of more messages is said in one line
ERROR_LOG = "errors.log"


def make_prompt_session(translator, engine: EngineLink | None, vi: bool = False,
                        no_popups: bool = False) -> PromptSession:
    """The prompt: highlighting, completion, history, toolbar; `no_popups` for screen readers.

    Without pop-ups Tab still completes, listing candidates above the prompt the way readline
    does (keys.py), and the toolbar only changes when the line is redrawn (nothing speaks on its own).
    """
    model = translator.model
    session = _Prompt(
        refreshed=not no_popups,
        message=[("class:prompt", PROMPT)],
        prompt_continuation=[("class:prompt.continuation", CONTINUATION)],
        key_bindings=prompt_bindings(no_popups, PROMPT),
        lexer=ChronusLexer(lambda: set(model.modules), lambda: set(model.tracks)),
        completer=ChronusCompleter(translator),
        complete_while_typing=not no_popups,
        complete_style=CompleteStyle.READLINE_LIKE if no_popups else CompleteStyle.COLUMN,
        reserve_space_for_menu=0 if no_popups else 6,
        history=shell_history(),
        bottom_toolbar=Toolbar(lambda: engine.last_status if engine else {}, model),
        vi_mode=vi,
        style=SHELL_STYLE,
        include_default_pygments_style=False,
        output=shell_output(),
    )
    if engine is not None:
        engine.typing = session.typing          # no status poll while a line is typed either
    return session


class _Prompt(PromptSession):
    """The prompt, whose toolbar is redrawn on its own only when it changed and no line is being typed
    (toolbar.refresh; prompt_toolkit's refresh_interval redraws every time, typing or not), and whose
    layout's controls are listed once (`controls_listed_once`)."""

    def __init__(self, refreshed: bool, **kwargs):
        super().__init__(**kwargs)
        self.refreshed, self.typing = refreshed, Typing(self.app)
        controls_listed_once(self.app.layout)

    def prompt_async(self, *args, pre_run=None, **kwargs):
        def started() -> None:
            if self.refreshed:
                self.app.create_background_task(refresh(self.app, self.bottom_toolbar, self.typing, TOOLBAR_REFRESH_S))
            if pre_run is not None:
                pre_run()
        return super().prompt_async(*args, pre_run=started, **kwargs)


def controls_listed_once(layout) -> None:
    """prompt_toolkit finds a key's bindings among those of every control in the layout, walking the whole
    layout for them twice a key: 0.2–0.4 ms of each key's handling, the Enter key's too, before its accept
    handler sends the line. A prompt's layout is built once, so its controls are listed once — again only
    when a DynamicContainer in it gives another container than when they were listed (the prompt's own: the
    frame's body, which the shell never changes), the one part of a layout whose tree can change."""
    walk_all, listed = layout.find_all_controls, None   # ((each DynamicContainer, what it gave), the controls)

    def find_all_controls():
        nonlocal listed
        if listed is None or any(dynamic.get_children()[0] is not gave for dynamic, gave in listed[0]):
            given = [(c, c.get_children()[0]) for c in layout.walk() if isinstance(c, DynamicContainer)]
            listed = (given, list(walk_all()))
        return iter(listed[1])
    layout.find_all_controls = find_all_controls


def _local_verb(message: Message) -> bool:
    """A message the shell answers itself (help, list, show, status, reload, …), not the engine."""
    return message.address.startswith("/shell/") or message.address == "/engine/status"


@dataclass
class Entered:
    """A line the prompt's accept handler already translated (Shell.entered): what the translation gave
    (messages, or the error it raised) and its replies' future when it was sent there too."""

    line: str
    depth: int                       # the undo stack's depth before it
    messages: list[Message]
    understood: list[str] = field(default_factory=list)   # what the translation said it read
    error: Exception | None = None
    sent: concurrent.futures.Future | None = None


class Shell:
    """`ready`, when the engine starts behind the prompt (app.py): what the first line awaits, the
    user's modules (LiveModules or None) once the engine and they are up. Lines typed meanwhile
    run after it, in the order typed: the next prompt reads them once this line is done."""

    def __init__(self, translator, engine: EngineLink | None, output: Output, session: PromptSession,
                 modules=None, ready: asyncio.Future | None = None):
        self.translator = translator
        self.engine = engine
        self.output = output
        self.session = session
        self.verbose = False
        self.running = True
        self.interrupts = 0
        self.modules = modules                  # LiveModules: `reload <module>`
        self.ready = ready
        self.steps = StepLabels(translator)
        self.ramps = RampWatch(translator)
        self._prompting = False                 # the line prompt is up (not the recovery question)
        self._entered: Entered | None = None
        accept = session.default_buffer.accept_handler

        def accepted(buffer) -> bool:
            if self._prompting:
                try:
                    self._entered = self.entered(buffer.text)
                except Exception:               # noqa: BLE001 — execute() does it all, and says what went wrong
                    self._entered = None
            return accept(buffer)
        session.default_buffer.accept_handler = accepted

    async def run(self, typed_ahead: list[str] = ()) -> None:
        """Run the lines typed before the prompt was up, then prompt until quit, Ctrl-D or a third
        Ctrl-C in a row."""
        for line in typed_ahead:
            await self._guarded(line, on_screen=False)
        while self.running:
            try:
                text = await self.read()
            except KeyboardInterrupt:
                self._interrupted()
                continue
            except EOFError:
                return
            self.interrupts = 0
            lines = text.splitlines()
            for line in lines:                  # a multi-line paste runs line by line
                if not self.running:
                    break
                await self._guarded(line, on_screen=len(lines) == 1)

    async def read(self) -> str:
        """What the prompt returns: a line (or several pasted), whose line the accept handler may have
        translated and sent already (entered)."""
        self._prompting = True
        try:
            with self.engine.prompting() if self.engine is not None else contextlib.nullcontext():
                return await self.session.prompt_async()   # (real-time while it is up: prompt_realtime.py)
        finally:
            self._prompting = False

    async def _guarded(self, line: str, on_screen: bool) -> None:
        """A bug must not end a live set: one red line, the traceback goes to errors.log."""
        if self.ready is not None:
            self.modules = await asyncio.shield(self.ready)
            self.ready = None
        try:
            await self.execute(line, on_screen)
        except Exception as err:                # noqa: BLE001
            with open(data_dir() / ERROR_LOG, "a", encoding="utf-8") as log:
                log.write(f"--- {line!r}\n{traceback.format_exc()}")
            self.output.problem(f"internal error ({type(err).__name__}: {err}); details in {data_dir() / ERROR_LOG}")

    def _interrupted(self) -> None:
        """Ctrl-C cancels the line; a second on the empty line asks, a third quits."""
        if self.session.default_buffer.text.strip():
            self.interrupts = 1                 # a line was cancelled: nothing to ask yet
            return
        self.interrupts += 1
        if self.interrupts == QUIT_AFTER_INTERRUPTS - 1:
            self.output.notice("press Ctrl-C again to quit (Ctrl-D quits too)")
        elif self.interrupts >= QUIT_AFTER_INTERRUPTS:
            self.running = False

    def entered(self, line: str) -> Entered | None:
        """At Enter, in the prompt's accept handler: a line of the live set translated, and its plain
        fan-out sent, before the prompt draws itself done and returns (6 ms idle, hundreds of ms on a
        loaded machine: bench_latency_trace.py --paths keys); execute() then says what it did. The same
        translation execute() does, done sooner; None (execute() does it all) for a line typed before the
        engine was up, a raw message, several lines, or while a ramp may be running (its engine query)."""
        if (self.engine is None or self.ready is not None or self.ramps.maybe_running or line.splitlines() != [line]
                or line.lstrip().startswith("/")):
            return None                          # (split as run() splits: a form feed in a paste is two lines)
        self.steps.before(undo_verb(line))
        entered = Entered(line, len(self.translator.undo_stack), [])
        with self.engine.reading(line):          # real-time from Enter to its last send
            try:
                entered.messages = self.translator.translate(line)
                entered.understood = list(self.translator.understood)   # before a model update comes in
            except Exception as err:             # noqa: BLE001 — said by execute(): a caret, or an internal error
                entered.error = err
                return entered
            if not any(_local_verb(message) for message in entered.messages):
                try:
                    entered.sent = self.engine.send_now(entered.messages)
                except Exception:                # noqa: BLE001 — not sent: execute() sends it the usual way, and
                    entered.sent = None          # says what went wrong there
                if entered.sent is not None:
                    self.ramps.sent(entered.messages)
        return entered

    async def execute(self, line: str, on_screen: bool = True) -> None:
        """Translate one line and act on its messages; `on_screen` says the caret can point up."""
        entered, self._entered = self._entered, None
        entered = entered if entered is not None and entered.line == line else None
        verb = undo_verb(line)
        if entered is None:
            self.steps.before(verb)
        depth = len(self.translator.undo_stack) if entered is None else entered.depth
        try:
            with self.engine.reading(line) if self.engine is not None and entered is None else contextlib.nullcontext():
                await self._execute(line, on_screen, entered)   # a short line real-time from Enter to its last send
        finally:
            verb = verb or self._undone_in_words()
            if verb is not None or len(self.translator.undo_stack) > depth:
                self.steps.after(verb, line)

    def _undone_in_words(self) -> str | None:
        """'UNDO' for a line the translator read as an undo though it does not start with one ('Oh dear, wrong
        note. Please undo.', 'back to how it was'): the undo stack it was read against got shorter."""
        return "UNDO" if len(self.translator.undo_stack) < self.steps.depth else None   # (before() read that stack)

    def _say_undone(self, verb: str, messages: list[Message]) -> None:
        """Undo says what it undid in the words typed: the line of each step it took back (a count of
        messages would differ between the two ways: an undo sends the difference, a redo the line again)."""
        done = "undid" if verb == "UNDO" else "redid"
        lines = self.steps.taken(verb)
        if lines and all(lines):
            self.output.info(f"{done}: {lines[0]}" if len(lines) == 1 else
                             f"{done} {len(lines)} lines: " + "; ".join(lines))
        elif len(messages) <= UNDO_SHOWN:
            self.output.echo(messages)
        else:
            self.output.info(f"{done} {len(messages)} changes")

    async def _execute(self, line: str, on_screen: bool, entered: Entered | None) -> None:
        try:
            messages = await self._translated(line, entered)
        except LanguageError as err:
            self.output.caret_error(str(err), err.column, len(PROMPT), None if on_screen else line)
            return
        if line.lstrip().startswith("/"):          # a raw message: the protocol checks it here
            try:
                messages = [m if m.address.startswith("/shell/") else canonical(m) for m in messages]
            except ProtocolError as err:
                self.output.caret_error(str(err), len(line) - len(line.lstrip()), len(PROMPT),
                                        None if on_screen else line)
                return
        for understood in self.translator.understood if entered is None else entered.understood:
            self.output.understood(understood)  # "→ brighter: acid_filter1 cutoff 800 → 1000 Hz"
        verb = undo_verb(line) or self._undone_in_words()
        if messages and not self.verbose and verb:
            self._say_undone(verb, messages)
        if entered is not None and entered.sent is not None:
            if self.verbose:
                self.output.echo(messages)
            await self._answered(messages, [], await asyncio.wrap_future(entered.sent))
            return
        pending: list[Message] = []
        for index, message in enumerate(messages):
            if _local_verb(message):
                if not await self._send(pending, messages[:index - len(pending)]):
                    return
                pending = []
                if self.engine is not None:
                    self.engine.lower()             # rendering, reloads, queries: not real-time
                await self._local(message)
            else:
                pending.append(message)
        await self._send(pending, messages[:len(messages) - len(pending)])

    async def _send(self, messages: list[Message], before: list[Message]) -> bool:
        """Send; False if the engine refused one: what it took of the line (`before` and the messages
        ahead of the refused one) is taken back, so a refused line changes nothing, and the language's
        context forgets the line."""
        if not messages:
            return True
        if self.verbose:
            self.output.echo(messages)
        if self.engine is None:
            return True
        self.ramps.sent(messages)
        return await self._answered(messages, before, await self.engine.send(messages))

    async def _translated(self, line: str, entered: Entered | None) -> list[Message]:
        """The line's messages: translated now, or at Enter (what that translation raised, raised now)."""
        if entered is not None:
            if entered.error is not None:
                raise entered.error
            return entered.messages
        await self.ramps.before(self.engine)
        try:
            return self.ramps.translate(line)
        finally:
            self.ramps.after()

    async def _answered(self, messages: list[Message], before: list[Message], replies) -> bool:
        """The engine's replies said; a refusal takes back what the line changed (see _send)."""
        for reply in replies:
            (self.output.info if reply.ok else self.output.problem)(reply.text)
            if reply.refused_at is not None:
                undo = self.translator.take_back(before + messages[:reply.refused_at])
                if undo:
                    await self.engine.send(undo)
                return False
            if reply.messages:  # a loaded session: the language's context learns the new patch
                self.ramps.sent(list(reply.messages))
                self.translator.observe(list(reply.messages))
                self.translator.model.focus = reply.focus or self.translator.model.focus
        return True

    async def _local(self, message: Message) -> None:
        verb = message.address.rsplit("/", 1)[-1]
        arg = str(message.args[0]) if message.args else None
        try:
            if verb == "help":
                self.output.print(*help_renderables(arg, self.translator.model))
            elif verb == "list":
                self.output.print(*list_renderables(arg, self.translator.model))
            elif verb == "show":
                ramps = await self.engine.ramps() if self.engine is not None else []
                self.output.print(*show_renderables(message.args, self.translator.model, ramps))
            elif verb == "status":
                await self._status()
            elif verb == "reload":
                await self._reload(arg)
            elif verb == "verbose":
                self.verbose = arg != "off"
                self.output.info(f"message echo {'on' if self.verbose else 'off'}")
            elif verb == "clear":
                clear()
            elif verb == "quit":
                self.running = False
        except TopicError as err:
            self.output.problem(str(err))

    async def _reload(self, name: str | None) -> None:
        if self.modules is None:
            self.output.problem("user modules are off in this shell")
            return
        await asyncio.get_running_loop().run_in_executor(None, self.modules.reload, name)

    async def _status(self) -> None:
        if self.engine is None:
            self.output.problem("no audio engine is running")
            return
        self.output.print(status_table(await self.engine.status()))


__all__ = ["Shell", "make_prompt_session", "PROMPT"]
