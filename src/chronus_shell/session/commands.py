"""The `/session/*` and `/record/*` messages, handled in one place for the supervisor.

These addresses never reach a slot: they act on files in the shell's process. The supervisor
hands each one to `SessionCommands.handle(msg, state)` with the current `patch_state()` (+ focus)
and gets an Outcome back: a line for the user, and for a load the messages to schedule (through
the normal validated path, at the next bar unless `now`).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..protocol.message import Message
from .paths import SessionError
from .recorder import Recorder
from .schema import without_orphan_tracks
from .snapshot import delete_session, list_sessions, load_session, save_session, state_to_messages

__all__ = ["Outcome", "SessionCommands", "DEFAULT_TAKE", "ANSWERED"]

DEFAULT_TAKE = "take1.wav"          # in the current folder; never overwritten (take1-2.wav, …)
ANSWERED: dict[str, str] = {}       # address → the SessionCommands method that answers it


def answers(address: str):
    """Register the method below as the answer to `address` (its shape: protocol/addresses.py)."""
    def register(method):
        ANSWERED[address] = method.__name__
        return method
    return register


@dataclass
class Outcome:
    """What a session/record message did: `text` is one line; `ok` False means it was refused."""

    text: str
    ok: bool = True
    messages: list[Message] = field(default_factory=list)
    now: bool = False               # a load: apply at once instead of at the next bar
    focus: str | None = None        # a load: the shell's focus to restore
    data: object = None             # /session/list: the names (replied as JSON over OSC)


class SessionCommands:
    """Owns the current recording; `handle` never raises for bad input.

    A recording that fails while it runs (disk full) stops being `.recorder` as soon as anyone
    looks (the record tap does every few ms, the status line too), so nothing shows it as still
    recording; its one-line error goes to `.problems` and is the answer to the next
    `/record/stop`.
    """

    def __init__(self, sample_rate: int, channels: int = 2):
        self.sample_rate = sample_rate
        self.channels = channels
        self.problems: list[str] = []
        self._recorder: Recorder | None = None
        self._failed: Recorder | None = None
        self._lock = threading.RLock()

    @property
    def recorder(self) -> Recorder | None:
        """The running recording, or None (also once it has failed)."""
        with self._lock:
            recorder = self._recorder
            if recorder is not None and recorder.error:
                self._recorder, self._failed = None, recorder
                recorder.close()
                self.problems.append(recorder.error)
                return None
            return recorder

    @recorder.setter
    def recorder(self, recorder: Recorder | None) -> None:
        with self._lock:
            self._recorder = recorder

    def handle(self, msg: Message, state: dict) -> Outcome:
        name = ANSWERED.get(msg.address)
        if name is None:
            return Outcome(f"{msg.address} is not a session or recording message", ok=False)
        try:
            return getattr(self, name)(msg.args, state)
        except SessionError as err:
            return Outcome(str(err), ok=False)

    @answers("/session/save")
    def _save(self, args, state) -> Outcome:
        if not args:
            return Outcome("save needs a name: save session as night-drive", ok=False)
        force = len(args) > 1 and str(args[1]).lower() in ("overwrite", "force", "replace")
        state, orphans = without_orphan_tracks(state)
        path = save_session(str(args[0]), state, force=force)
        skipped = f" — left out track{'s' * (len(orphans) > 1)} {', '.join(orphans)}: no module to play" if orphans else ""
        return Outcome(f"saved session {args[0]} ({path}){skipped}")

    @answers("/session/load")
    def _load(self, args, state) -> Outcome:
        if not args:
            return Outcome(f"load needs a name (saved: {', '.join(list_sessions()) or 'none yet'})", ok=False)
        loaded = load_session(str(args[0]))
        now = len(args) > 1 and str(args[1]).lower() == "now"
        when = "now" if now else "at the next bar"
        return Outcome(f"loading session {args[0]} {when}", messages=state_to_messages(loaded, state),
                       now=now, focus=loaded["focus"])

    @answers("/session/list")
    def _list(self, args, state) -> Outcome:
        names = list_sessions()
        return Outcome(", ".join(names) if names else "no sessions saved yet", data=names)

    @answers("/session/delete")
    def _delete(self, args, state) -> Outcome:
        if not args:
            return Outcome("delete needs a name: delete session night-drive", ok=False)
        delete_session(str(args[0]))
        return Outcome(f"deleted session {args[0]}")

    @answers("/record/start")
    def _record(self, args, state) -> Outcome:
        with self._lock:
            current = self.recorder
            if current is not None:
                return Outcome(f"already recording to {current.path} — 'stop recording' first", ok=False)
            self._failed = None
            requested = Path(str(args[0]) if args else DEFAULT_TAKE)
            recorder = Recorder(requested, self.sample_rate, self.channels)
            if recorder.error:
                return Outcome(recorder.error, ok=False)
            self._recorder = recorder
        renamed = f" ({requested.name} exists)" if recorder.path.name != requested.name else ""
        return Outcome(f"recording to {recorder.path}{renamed}")

    @answers("/record/stop")
    def _stop_recording(self, args, state) -> Outcome:
        with self._lock:
            recorder = self.recorder
            if recorder is None:
                failed, self._failed = self._failed, None
                if failed is not None:
                    return Outcome(failed.error, ok=False)
                return Outcome("not recording", ok=False)
            self._recorder = None
        recorder.close()
        if recorder.error:
            return Outcome(recorder.error, ok=False)
        seconds = recorder.frames_written / self.sample_rate
        dropped = ""
        if recorder.dropped_blocks:
            dropped = f" ({recorder.dropped_blocks} blocks were lost: the recorder fell behind)"
        return Outcome(f"recorded {seconds:.1f} s to {recorder.path}{dropped}")

    def close(self) -> None:
        """On exit: finish a recording still running, so its file is complete."""
        if self.recorder is not None:
            self._stop_recording((), {})
