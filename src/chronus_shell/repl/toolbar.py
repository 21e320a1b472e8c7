"""The bottom toolbar: what the engine is doing, at a glance, a few times per second.

It is drawn from the last status the engine link polled (never a call into the supervisor from
the renderer, so drawing cannot stall) and from the language's patch model (tempo, playing).
"""
from __future__ import annotations

import math
from typing import Callable

from prompt_toolkit.formatted_text import StyleAndTextTuples

METER_CELLS = 10
METER_FLOOR_DB = -60.0


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


def backend_text(backend: str, device: str | None) -> str:
    """'null (clock-paced)' or 'sounddevice · system via JACK…': the device, without saying it twice."""
    if not device:
        return backend
    return device if device.startswith(backend) else f"{backend} · {device}"


class Toolbar:
    """A callable for `PromptSession(bottom_toolbar=...)`."""

    def __init__(self, status: Callable[[], dict], model):
        self.status = status
        self.model = model

    def __call__(self) -> StyleAndTextTuples:
        status = self.status() or {}
        if not status:
            return [("class:toolbar.dim", " engine starting…")]
        sep = ("class:toolbar.dim", " │ ")
        backend = status.get("backend", "?")
        device = status.get("device")
        playing = self.model.running
        xruns, failovers = _count(status.get("xruns")), _count(status.get("failovers"))
        fragments = [
            ("class:toolbar.strong", f" {backend_text(backend, device)}"), sep,
            ("", f"♩ {self.model.bpm:g}"), sep,
            ("class:toolbar.playing" if playing else "", "▶ playing" if playing else "■ stopped"), sep,
            ("", f"slot {active_slot(status)}"), sep,
            ("class:toolbar.alert" if xruns else "", f"xruns {xruns}"), sep,
            ("class:toolbar.alert" if failovers else "", f"failovers {failovers}"), sep,
            ("", f"cpu {cpu_text(status)}"), sep,
            ("class:toolbar.meter", meter(level_db(status))),
        ]
        if status.get("recording"):
            fragments += [sep, ("class:toolbar.recording", "● REC")]
        return fragments


__all__ = ["Toolbar", "backend_text", "meter", "level_db", "cpu_text", "active_slot"]
