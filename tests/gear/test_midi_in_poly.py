"""MIDI in on a polyphonic voice: each key's note-off ends that note alone; a mono voice keeps legato."""
from chronus_shell.gear.midi_in import MidiInput, note_hz


class _Gear:
    """The three things MidiInput asks of the gear: the voice, whether it is poly, where messages go."""

    def __init__(self, poly: bool):
        self.poly, self.sent = poly, []

    def voice(self):
        return "pad"

    def is_poly(self, voice):
        return self.poly

    def engine(self, msg, at):
        self.sent.append((str(msg), at))


def _play(poly: bool):
    gear = _Gear(poly)
    port = MidiInput(gear, "keys")
    port._note_on(57, 127, 0)
    port._note_on(60, 127, 10)
    port._note_off(57, 20)
    return gear.sent[2:]


def test_a_poly_voice_releases_only_the_key_let_go():
    assert _play(True) == [(f"/gate/pad 0 {note_hz(57)}", 20)]


def test_a_mono_voice_keeps_the_newest_key_sounding():
    assert _play(False) == []                # the lower key under the sounding one: nothing to hear
