"""Distortion and the master bus (gain + limiter)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Module


class Distortion(Module):
    spec = ModuleSpec(
        "distortion", "processor",
        (
            number("drive", "ratio", 1, 1, 50, "input gain into the shaper", ("gain_in", "amount", "overdrive")),
            number("mix", "ratio", 1, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
            choice("mode", ("tanh", "hard", "foldback", "bitcrush"), "tanh", "shaping curve", ("type", "shape")),
            number("tone", "Hz", 5000, 200, 20000, "low-pass after the shaper", ("tone_cutoff",)),
        ),
        "waveshaping distortion", ("dist", "drive", "overdrive", "fuzz", "distort", "bitcrusher", "crusher"),
    )


class Master(Module):
    spec = ModuleSpec(
        "master", "master",
        (
            number("gain", "dB", 0, -60, 6, "master level", ("volume", "level", "vol")),
            choice("limiter", ("on", "off"), "on", "brick-wall limiter at the output"),
        ),
        "the output bus: gain and limiter (always present)", ("output", "main", "out"),
    )
