"""Supervisor configuration: every CHRONUS_* knob, read once and validated at start.

A bad value stops the start with one line naming the variable, the value and the accepted range
(docs/tuning.md has the same table for people).
"""
from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, replace


CUSHION_MAX_S = 0.25   # the longest a change the slots cannot apply within a block is rendered ahead (cushion.py)


class ConfigError(ValueError):
    """A bad knob value; the text is one line for the user."""


def _integer(env, name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number (allowed {low}–{high})") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}={value} is out of range {low}–{high}")
    return value


def _choice(env, name: str, default: str, choices: tuple[str, ...]) -> str:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw not in choices:
        raise ConfigError(f"{name}={raw!r} must be one of {', '.join(choices)}")
    return raw


@dataclass(frozen=True)
class Config:
    sample_rate: int = 48000
    block_size: int = 128
    prefill_buffers: int = 1
    lead_target: int = 1
    max_catchup: int = 2
    early_margin_ms: int = 0
    keep_after_read: int = 2
    router: bool = True
    wasapi_exclusive: bool = sys.platform == "win32"
    start_method: str = "spawn" if sys.platform == "win32" else "forkserver"
    backend: str = "auto"
    device: str | None = None
    slot_memory_mb: int = 1024

    @classmethod
    def from_env(cls, env=None, **overrides) -> "Config":
        """The knobs from the environment; explicit command-line values (not None) win."""
        env = os.environ if env is None else env
        methods = ("spawn",) if sys.platform == "win32" else ("forkserver", "spawn", "fork")
        config = cls(
            sample_rate=_integer(env, "CHRONUS_SAMPLE_RATE", 48000, 22050, 192000),
            block_size=_integer(env, "CHRONUS_BUFFER_SIZE", cls.block_size, 16, 4096),
            prefill_buffers=_integer(env, "CHRONUS_PREFILL_BUFFERS", cls.prefill_buffers, 1, 16),
            lead_target=_integer(env, "CHRONUS_LEAD_TARGET", cls.lead_target, 1, 16),
            max_catchup=_integer(env, "CHRONUS_MAX_CATCHUP", 2, 1, 16),
            early_margin_ms=_integer(env, "CHRONUS_EARLY_MARGIN_MS", cls.early_margin_ms, 0, 50),
            keep_after_read=_integer(env, "CHRONUS_KEEP_AFTER_READ", 2, 0, 16),
            router=_choice(env, "CHRONUS_ROUTER", "1", ("0", "1")) == "1",
            wasapi_exclusive=_choice(env, "CHRONUS_WASAPI_EXCLUSIVE", "1" if sys.platform == "win32" else "0", ("0", "1")) == "1",
            start_method=_choice(env, "CHRONUS_START_METHOD", methods[0], methods),
            slot_memory_mb=_integer(env, "CHRONUS_SLOT_MEMORY_MB", 1024, 0, 1 << 20),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "sample_rate" in given and not 22050 <= given["sample_rate"] <= 192000:
            raise ConfigError(f"--samplerate {given['sample_rate']} is out of range 22050–192000")
        if "block_size" in given and not 16 <= given["block_size"] <= 4096:
            raise ConfigError(f"--blocksize {given['block_size']} is out of range 16–4096")
        return replace(config, **given)

    @property
    def block_seconds(self) -> float:
        return self.block_size / self.sample_rate

    @property
    def ring_blocks(self) -> int:
        """Ring capacity: the lead, the prefill, what is kept after reading, and slack for catch-up."""
        return (self.prefill_buffers + self.lead_target + self.keep_after_read + self.max_catchup + 8
                + math.ceil(CUSHION_MAX_S / self.block_seconds))
