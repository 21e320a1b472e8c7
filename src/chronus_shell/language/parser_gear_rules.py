"""Grammar rules → intents for samples, MIDI and Ableton Link (grammar/gear.lark)."""
from __future__ import annotations

from lark import Token

from . import intents as it
from . import intents_gear as gear
from .errors import LanguageError
from .parser_values import first_of, has_token, word_of
from .units import parse_number


def _path(children) -> Token:
    return next(c for c in children if isinstance(c, Token) and c.type == "PATH")


def _count(token: Token, what: str, low: int, high: int) -> int:
    number = parse_number(str(token))
    if number.denominator != 1 or not low <= number <= high:
        raise LanguageError(f"{what} is a whole number from {low} to {high}", token.start_pos)
    return int(number)


class GearRules:
    """Part of the parse-tree Transformer: samples, MIDI, Link."""

    def add_sample(self, kw, type_name, path, name=None):
        return gear.AddSample(type_name, str(path), None if name is None else word_of(name), kw.start_pos)

    def load_sample(self, kw, *rest):
        name = first_of(rest, it.Word)
        return gear.LoadSample(name, str(_path(rest)), first_of(rest, it.Words), kw.start_pos)

    def chop(self, _kw, target, count, *_):
        return gear.Chop(target, word_of(count), False)

    def chop_onsets(self, _kw, target, *rest):
        count = next((c for c in rest if isinstance(c, Token) and c.type in ("NUMBER", "NUMWORD")), None)
        return gear.Chop(target, None if count is None else word_of(count), True)

    def play_slices(self, kw, _slices, *rest):
        steps = [c for c in rest if isinstance(c, Token) and c.type in ("NUMBER", "REST")]
        numbers = tuple(0 if c.type == "REST" else _count(c, "a slice", 1, 64) for c in steps)
        return gear.PlaySlices(numbers, first_of(rest, it.Words), kw.start_pos)

    def use_sample(self, kw, path, target):
        return gear.UseSample(str(path), target, kw.start_pos)

    def midi_input(self, _use, _midi, _input, port=None):
        return it.Fixed("/midi/in", (port or "auto",))

    def midi_off(self, *_):
        return it.Fixed("/midi/in", ("off",))

    def midi_ports(self, *_):
        return it.Fixed("/midi/ports")

    def midi_plays(self, _midi, _plays, target):
        return gear.MidiPlays(target)

    def map_cc(self, _kw, kind, number, target):
        return gear.MapControl("knob" if kind.type == "KNOB" else "cc", _count(number, "a controller", 0, 127), target)

    def unmap_cc(self, _kw, kind, number):
        control = _count(number, "a controller", 0, 127)
        return it.Fixed("/midi/unmap", (f"{'knob' if kind.type == 'KNOB' else 'cc'}{control}",))

    def learn(self, _kw, target):
        return gear.MapControl("learn", None, target)

    def list_mappings(self, *_):
        return it.Fixed("/midi/mappings")

    def midi_out(self, _kw, target, *rest):
        port = rest[-1]
        if len(target.items) > 1 and target.texts[-1] == "notes":      # "send the bass notes to …"
            target = it.Words(target.items[:-1])
        return gear.MidiOut(target, None if isinstance(port, Token) and port.type == "OFF" else port)

    def midi_clock(self, _midi, _clock, state, *rest):
        port = next((c for c in rest if isinstance(c, str) and not isinstance(c, Token)), None)
        return it.Fixed("/midi/clock", ("off",) if state.type == "OFF" else ("on", *((port,) if port else ())))

    def link(self, _kw, state=None):
        return it.Fixed("/link", ("off" if state is not None and state.type == "OFF" else "on",))

    def port(self, *tokens):
        if len(tokens) == 1 and tokens[0].type == "QUOTED":
            return str(tokens[0])[1:-1]
        return " ".join(str(t) for t in tokens)


__all__ = ["GearRules", "has_token"]
