"""What several commands on one line send (Translator._sequence): a param set twice goes once, at
its last value; parts soloed together send only the net change of each mute."""
from __future__ import annotations

from ..protocol.message import Message


def last_settings(messages: list[Message]) -> list[Message]:
    """A param set twice on one line ('too clean, make it dirtier') is sent once, at its last value."""
    settable = [m.address for m in messages if m.address.startswith("/mod/") or m.address in ("/seq/bpm", "/seq/swing")]
    if len(settable) == len(set(settable)):
        return messages
    kept, seen = [], set()
    for message in reversed(messages):
        if message.address in settable and message.address in seen:
            continue
        seen.add(message.address)
        kept.append(message)
    return kept[::-1]


def net_mutes(messages: list[Message], muted_before: dict[str, bool]) -> list[Message]:
    """Parts soloed together ('solo the kick and the bass'): a track muted by the first solo and
    heard again by the next gets no message, only the net change is sent."""
    last = {m.args[0]: m for m in messages if m.address == "/seq/mute" and len(m.args) == 2}
    if len(last) == sum(m.address == "/seq/mute" for m in messages):
        return messages
    return [m for m in messages if m.address != "/seq/mute" or len(m.args) != 2 or
            (last[m.args[0]] is m and bool(m.args[1]) != muted_before.get(m.args[0]))]


__all__ = ["last_settings", "net_mutes"]
