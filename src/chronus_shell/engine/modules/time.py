"""Time-based effects: delay and a Freeverb-style reverb."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, number
from .base import Module


class Delay(Module):
    spec = ModuleSpec(
        "delay", "processor",
        (
            number("time", "s", 0.25, 0.001, 2, "delay time", ("delay_time", "length")),
            number("feedback", "ratio", 0.4, 0, 0.95, "amount fed back", ("fb", "repeats", "regen")),
            number("mix", "ratio", 0.3, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
        ),
        "feedback delay line", ("echo", "delay line"),
    )


class Reverb(Module):
    spec = ModuleSpec(
        "reverb", "processor",
        (
            number("mix", "ratio", 0.25, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
            number("room", "ratio", 0.6, 0, 1, "room size", ("size", "room_size")),
            number("damp", "ratio", 0.5, 0, 1, "high-frequency damping", ("damping",)),
        ),
        "Freeverb-style reverb", ("verb", "reverberation", "hall", "room"),
    )
