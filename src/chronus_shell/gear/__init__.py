"""Gear: MIDI in and out, MIDI clock and Ableton Link, between the supervisor and the REPL."""
from .gear import Gear
from .ports import MidiError

__all__ = ["Gear", "MidiError"]
