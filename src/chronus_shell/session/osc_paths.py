"""Files named over OSC stay in the shell's own folders.

Anything on the machine can send a UDP packet to 127.0.0.1 (a web page cannot, but any local
program can): `/session/save /any/path.json` or `/record/start /etc/x.wav` must not create folders
and files where the sender says. Over OSC a session is a name or a `.json` path inside the
sessions folder, a recording a file name or a path inside the recordings folder (a bare name lands
there). `chronus --osc-allow-any-path` lifts this for a user who wants a controller to write
anywhere. The REPL and scripts are the musician typing: they are not confined.
"""
from __future__ import annotations

from pathlib import Path

from ..protocol.message import Message
from .paths import SessionError, data_dir, is_explicit_path, sessions_dir

__all__ = ["confine_osc_paths", "recordings_dir", "ALLOW_OPTION"]

ALLOW_OPTION = "--osc-allow-any-path"
_SESSION_FILES = ("/session/save", "/session/load", "/session/delete")


def recordings_dir() -> Path:
    """Where recordings started over OSC go (created on first use)."""
    path = data_dir() / "recordings"
    path.mkdir(parents=True, exist_ok=True)
    return path


def confine_osc_paths(msg: Message) -> Message:
    """`msg` with its file argument confined (a bare recording name placed in the recordings
    folder); SessionError for a path outside the sessions or recordings folder."""
    if msg.address == "/record/start":
        folder = recordings_dir()
        requested = Path(str(msg.args[0])).expanduser() if msg.args else Path("take1.wav")
        target = requested if requested.is_absolute() else folder / requested
        return Message(msg.address, (str(_inside(target, folder, "record")), *msg.args[1:]))
    if msg.address in _SESSION_FILES and msg.args and is_explicit_path(str(msg.args[0])):
        _inside(Path(str(msg.args[0])).expanduser(), sessions_dir(), "use session files")
    return msg


def _inside(path: Path, folder: Path, verb: str) -> Path:
    resolved, root = path.resolve(), folder.resolve()
    if resolved != root and root in resolved.parents:
        return resolved
    raise SessionError(f"over OSC you can only {verb} in {root} (start the shell with {ALLOW_OPTION} "
                       "to allow any path)")
