"""What the gear's inputs play: a MIDI event or a Link peer's change, turned into the canonical message
the language and the OSC server send, stamped a fixed delay after the event (`latency`, docs/gear.md);
a controller moves what it is mapped to (or learns a mapping), the mod wheel the voice's cutoff, the
pitch bend its oscillators' detune. A refusal is one line; the input goes on.

A mixin of Gear (it uses the gear's supervisor, clock, maps and voice), kept apart so each file reads
as one concern.
"""
from __future__ import annotations

from ..engine.catalogue import module_spec
from ..engine.params import ParamError
from ..protocol.message import Message
from .midi_in import MOD_WHEEL, control_number, control_text, scaled

LATENCY_BLOCKS = 1     # beyond the supervisor's stamping horizon: the fixed MIDI-to-sound delay


class InputEvents:
    @property
    def latency(self) -> int:
        """The fixed delay from a MIDI event to its sound, in samples (docs/gear.md)."""
        sup = self.supervisor
        return (sup.ahead + sup.margin_blocks + LATENCY_BLOCKS) * sup.config.block_size

    def stamp(self, when: float) -> int:
        return self.clock.sample_at(when) + self.latency

    def voice(self) -> str | None:
        voice = self.plays or self.supervisor.touched
        if voice is None and "notes" not in self._gone:
            self._gone.add("notes")
            self.say("midi notes have no voice to play: 'midi plays the bass' (or touch a voice)")
        return voice

    def engine(self, msg: Message, at: int) -> None:
        """Send one message made from an input event; a refusal is one line, the input goes on."""
        try:
            self.supervisor.send(msg, at)
        except (ParamError, RuntimeError, ValueError) as err:
            self.say(f"midi: {msg}: {err}")

    def transport(self, verb: str, at: int) -> None:
        """An external MIDI Start/Stop/Continue: the sequencer follows at the event's sample."""
        self.engine(Message(f"/seq/{verb}", ()), at)

    def controller(self, number: int, value: int, at: int) -> None:
        if self.learning is not None:
            control = f"cc{number}"
            self.learnt[self.learning] = (control, self.maps.get(control))
            self.maps[control] = self.learning
            self.say(f"learnt: {control_text(control)} → {self.learning}")
            self.learning = None
        for control, target in self.maps.items():
            if control_number(control) == number:
                module_id, param = target.split(".", 1)
                spec = self._spec(module_id, param)
                if spec is not None:
                    self.engine(Message(f"/mod/{module_id}/{spec.name}", (round(scaled(spec, value), 6),)), at)
                return
        if number == MOD_WHEEL:
            for module_id, type_name in self._voice_modules():
                if module_spec(type_name).has_param("cutoff"):
                    spec = module_spec(type_name).param("cutoff")
                    self.engine(Message(f"/mod/{module_id}/cutoff", (round(scaled(spec, value), 6),)), at)

    def bend(self, cents: float, at: int) -> None:
        """Pitch bend: the voice's oscillators' detune, around where it was before the bend."""
        for module_id, type_name in self._voice_modules():
            spec = module_spec(type_name)
            if spec.role == "source" and spec.has_param("detune"):
                if module_id not in self.bent:
                    params = self.supervisor.patch_state()["modules"].get(module_id, {}).get("params", {})
                    self.bent[module_id] = float(params.get("detune", 0.0))
                detune = spec.param("detune")
                value = min(max(self.bent[module_id] + cents, detune.low), detune.high)
                self.engine(Message(f"/mod/{module_id}/detune", (round(value, 3),)), at)
                if cents == 0.0:
                    self.bent.pop(module_id, None)

    def _spec(self, module_id: str, param: str):
        type_name = self._shape().types.get(module_id)
        try:
            return None if type_name is None else module_spec(type_name).param(param)
        except ParamError:
            return None

    def is_poly(self, voice: str) -> bool:
        """Whether the voice plays several notes at once (/patch/poly, or grown by a chord)."""
        return self._shape().poly.get(voice, 1) > 1

    def _shape(self):
        """The patch as the supervisor has scheduled it (ids, types, edges): no slot round trip."""
        return self.supervisor.plan._live_shape

    def _voice_modules(self) -> list[tuple[str, str]]:
        voice = self.voice()
        if voice is None:
            return []
        types = self._shape().types
        return [(m, types[m]) for m in self.voice_members(voice) if m in types]
