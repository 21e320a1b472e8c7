"""Relative words during a ramp start from where the param is now, not from where it is going.

The language's patch model knows a ramped param by its target (it never sees time pass), so
`darker` halfway through `open the filter to 5k over 8 bars` stepped down from 5 kHz — a jump up
from the 400 Hz playing. While ramps may be running, the shell asks the engine for them before a
line is translated, puts each param's value as it plays now into the model for that line, and
afterwards puts the target back for every param the line left alone (the ramp goes on).
"""
from __future__ import annotations

from ..language.ramp_trims import read_over_ramps
from ..protocol.message import Message

TEMPO = "seq.bpm"


def starts_a_ramp(message: Message) -> bool:
    """A message that may leave a param moving: a ramp, a tempo glide, or a loaded session."""
    return (message.address.startswith("/ramp/") or message.address.startswith("/session/load")
            or (message.address == "/seq/bpm" and "ramp" in message.args))


class RampWatch:
    """Owned by the shell: `sent()` after messages go out, `before()`/`after()` around a line."""

    def __init__(self, translator):
        self.translator = translator
        self.maybe_running = False        # no engine query while nothing can be ramping
        self._held: dict[str, tuple[float, object]] = {}

    def sent(self, messages: list[Message]) -> None:
        self.maybe_running = self.maybe_running or any(starts_a_ramp(m) for m in messages)

    async def before(self, engine) -> None:
        """Put the playing values of running ramps into the model for the coming line."""
        self._held = {}
        if not self.maybe_running or engine is None:
            return
        running = await engine.ramps()
        self.maybe_running = bool(running)
        for ramp in running:
            self._held[ramp["target"]] = (ramp["from"], self._value(ramp["target"]))
            self._put(ramp["target"], ramp["from"])
        self.translator.model.going_to = {target: going_to for target, (_, going_to) in self._held.items()
                                          if going_to is not None}
        self.translator.model.going_for = {ramp["target"]: (ramp["beats"], ramp["curve"]) for ramp in running
                                           if "curve" in ramp}

    def translate(self, line: str):
        """The line's messages; a step of a ramping param trims its ramp (language.ramp_trims)."""
        return read_over_ramps(self.translator, line)

    def after(self) -> None:
        """Targets back for the params the line did not change (their ramps play on)."""
        for target, (now, going_to) in self._held.items():
            if self._value(target) == now:
                self._put(target, going_to)
        self._held = {}
        self.translator.model.going_to, self.translator.model.going_for = {}, {}

    def _value(self, target: str):
        if target == TEMPO:
            return self.translator.model.bpm
        module_id, _, param = target.partition(".")
        return self.translator.model.value(module_id, param) if module_id in self.translator.model.modules else None

    def _put(self, target: str, value) -> None:
        if value is None:
            return
        if target == TEMPO:
            self.translator.model.bpm = value
            return
        module_id, _, param = target.partition(".")
        if module_id in self.translator.model.modules:
            self.translator.model.values[module_id] = {**self.translator.model.values.get(module_id, {}), param: value}
