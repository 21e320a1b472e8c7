"""What the language's patch model knows of the MIDI settings, so they are undone like the rest:
controller mappings, the voice MIDI plays and a `learn` (undone by its target: the gear knows the knob)."""
from __future__ import annotations

from ..protocol.message import Message


class GearModel:
    """Part of PatchModel: `/midi/map`, `/midi/unmap` and `/midi/plays` and their inverses."""

    @property
    def midi_maps(self) -> dict[str, str]:
        return self.__dict__.setdefault("_midi_maps", {})

    def _on_midi(self, parts, args) -> list[Message]:
        verb = parts[1] if len(parts) > 1 else ""
        if verb in ("map", "unmap"):
            control = str(args[0])
            previous = self.midi_maps.get(control)
            if verb == "map":
                self.midi_maps[control] = str(args[1])
            else:
                self.midi_maps.pop(control, None)
            return [Message("/midi/map", (control, previous)) if previous else Message("/midi/unmap", (control,))]
        if verb == "learn":                       # the knob is only known later: the gear undoes it by target
            return [Message("/midi/unlearn", (str(args[0]),))]
        if verb == "plays":
            previous = self.__dict__.get("_midi_plays")
            self.__dict__["_midi_plays"] = str(args[0])
            return [Message("/midi/plays", (previous,))] if previous else []
        return []
