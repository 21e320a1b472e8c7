"""The bottom toolbar: what the engine is doing, at a glance, a few times per second.

It is drawn from the last status the engine link polled (never a call into the supervisor from
the renderer, so drawing cannot stall) and from the language's patch model (tempo, playing). It is
redrawn on its own only when what it shows changed and no line is being typed (`refresh`).
"""
from __future__ import annotations

import asyncio
import math
import shutil
import time
from typing import Callable

from prompt_toolkit.application.current import get_app_or_none
from prompt_toolkit.formatted_text import StyleAndTextTuples

TYPING_S = 1.0        # a line is being typed while its last key is this recent
METER_CELLS = 10
METER_FLOOR_DB = -60.0
HOT_DB = -6.0


def level_db(status: dict) -> float | None:
    """The master level in dBFS: `level_db` as given, or a linear peak `level` converted."""
    if status.get("level_db") is not None:
        return float(status["level_db"])
    level = status.get("level")
    if level is None:
        return None
    return 20 * math.log10(level) if level > 0 else -math.inf


def meter(db: float | None) -> str:
    """`▮▮▮▮▯▯▯▯▯▯ -24 dB`: cells from -60 dBFS to 0."""
    if db is None:
        return "▯" * METER_CELLS + "  -- dB"
    filled = round(METER_CELLS * (max(db, METER_FLOOR_DB) - METER_FLOOR_DB) / -METER_FLOOR_DB)
    filled = min(filled, METER_CELLS)
    shown = "-inf" if db == -math.inf else f"{db:.0f}"
    return "▮" * filled + "▯" * (METER_CELLS - filled) + f" {shown:>4} dB"


def active_slot(status: dict) -> str:
    if status.get("active_slot") is not None:
        return str(status["active_slot"])
    for slot in _slots(status):
        if slot.get("role") == "active":
            return str(slot.get("name", slot.get("slot", "?")))
    return "–"


def _slots(status: dict) -> list[dict]:
    slots = status.get("slots") or []
    if isinstance(slots, dict):
        return [{"name": name, **info} for name, info in slots.items()]
    return list(slots)


def _count(value) -> int:
    """xruns/failovers may come as a number, a list of events or a dict of counts by kind."""
    if isinstance(value, dict):
        return sum(_count(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return len(value)
    return int(value or 0)


def cpu_text(status: dict) -> str:
    parts = []
    for slot in _slots(status):
        name = slot.get("name", slot.get("slot", "?"))
        if slot.get("cpu_percent") is not None:
            parts.append(f"{name} {slot['cpu_percent']:.0f}%")
        elif slot.get("cpu") is not None:
            cpu = slot["cpu"]
            parts.append(f"{name} {cpu * 100:.0f}%" if cpu <= 1 else f"{name} {cpu:.0f}%")
    return " ".join(parts) or "–"


def tempo_text(playing: float | None, target: float) -> str:
    """The tempo the engine plays now; during a glide (or before a set tempo's bar line), where it goes."""
    if playing is None or abs(playing - target) < 0.05:
        return f"♩ {target:g}"
    return f"♩ {round(playing, 1):g}→{target:g}"


def backend_text(backend: str, device: str | None) -> str:
    """'null (clock-paced)' or 'sounddevice · system via JACK…': the device, without saying it twice."""
    if not device:
        return backend
    return device if device.startswith(backend) else f"{backend} · {device}"


def meter_style(db: float | None) -> str:
    """Green, yellow from -6 dBFS, red at 0 (clipping)."""
    if db is None or db < HOT_DB:
        return "class:toolbar.meter"
    return "class:toolbar.meter.clip" if db >= 0 else "class:toolbar.meter.hot"


def _width() -> int:
    app = get_app_or_none()
    return app.output.get_size().columns if app is not None else shutil.get_terminal_size((120, 24)).columns


class Toolbar:
    """A callable for `PromptSession(bottom_toolbar=...)`; what does not fit the width is left out,
    least useful first (the device name, failovers 0, cpu, slot), never the recording light."""

    def __init__(self, status: Callable[[], dict], model, width: Callable[[], int] = _width):
        self.status = status
        self.model = model
        self.width = width
        self.drawn: StyleAndTextTuples = []

    def __call__(self) -> StyleAndTextTuples:
        self.drawn = self.fragments()
        return self.drawn

    def fragments(self) -> StyleAndTextTuples:
        status = self.status() or {}
        if not status:
            return [("class:toolbar.dim", " engine starting…")]
        backend = status.get("backend", "?")
        playing = self.model.running
        xruns, failovers = _count(status.get("xruns")), _count(status.get("failovers"))
        db = level_db(status)
        # (fragment, may be dropped in this order when narrow: 1 first; 0 = always shown)
        parts = [
            (("class:toolbar.strong", backend_text(backend, status.get("device"))), 1),
            (("class:toolbar.strong", backend), 6),
            (("", tempo_text(status.get("tempo"), self.model.bpm)), 0),
            (("class:toolbar.playing" if playing else "", "▶ playing" if playing else "■ stopped"), 0),
            (("", f"slot {active_slot(status)}"), 4),
            (("class:toolbar.alert" if xruns else "", f"xruns {xruns}"), 0 if xruns else 5),
            (("class:toolbar.alert" if failovers else "", f"failovers {failovers}"), 0 if failovers else 2),
            (("", f"cpu {cpu_text(status)}"), 3),
            ((meter_style(db), meter(db)), 0),
        ]
        if status.get("in_transaction"):                  # after `begin`: changes wait for `commit`
            parts.insert(4, (("class:toolbar.alert", "held: commit/abort"), 0))
        if status.get("recording"):
            parts.append((("class:toolbar.recording", "● REC"), 0))
        link = status.get("link")
        if link:                                           # Ableton Link: its tempo rules, peers shown
            peers = link.get("peers", 0)
            parts[2] = (("", f"♩ {link.get('tempo', self.model.bpm):g}"), 0)
            parts.insert(3, (("", f"link {peers} peer{'s' * (peers != 1)}"), 0))
        room = self.width() - 1
        for level in range(7):
            kept = [f for f, drop in parts if drop == 0 or drop > level]
            if level == 0:
                kept = [f for f in kept if f != ("class:toolbar.strong", backend)]
            if _length(kept) <= room:
                break
        return _joined(kept)


class Typing:
    """Whether a line is being typed at the prompt `app` (a key in the last TYPING_S)."""

    def __init__(self, app):
        self.last_key = -TYPING_S
        self.app = app
        app.key_processor.before_key_press += self._key
        app.key_processor.after_key_press += self._entered

    def _key(self, _) -> None:
        self.last_key = time.monotonic()

    def _entered(self, _) -> None:
        """A key that left the line empty (Enter, a line wiped) ends the typing: the toolbar and the status poll go
        on at once, not a TYPING_S later (a failover or a dropout right after a line shows when it happens)."""
        if not self.app.current_buffer.text:
            self.last_key = -TYPING_S

    def __call__(self) -> bool:
        return time.monotonic() - self.last_key < TYPING_S


async def refresh(app, toolbar: Toolbar, typing: Typing, interval: float) -> None:
    """Redraw the prompt every `interval` when the toolbar would show something new, never while a line is
    typed: each key redraws the toolbar anyway, and a redraw on a timer (1.5 ms of the prompt thread's CPU,
    tens of ms on a loaded machine) that the Enter key finds under way delays the line it ends."""
    while True:
        await asyncio.sleep(interval)
        if app.is_running and not typing() and toolbar.fragments() != toolbar.drawn:
            app.invalidate()


def _length(fragments) -> int:
    return 1 + sum(len(text) for _, text in fragments) + 3 * (len(fragments) - 1)


def _joined(fragments) -> StyleAndTextTuples:
    out: StyleAndTextTuples = []
    for index, (style, text) in enumerate(fragments):
        out += [("class:toolbar.dim", " │ ")] if index else []
        out.append((style, (" " if index == 0 else "") + text))
    return out


__all__ = ["Toolbar", "Typing", "refresh", "backend_text", "meter", "meter_style", "level_db", "cpu_text", "active_slot"]
