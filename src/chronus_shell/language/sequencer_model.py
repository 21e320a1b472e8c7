"""Part of PatchModel: the sequencer's messages observed — tracks (pattern, notes, mute, transforms), the
tempo, swing, seed, start and stop — each returning the messages that undo it."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.track_play import TrackStyle
from ..protocol.message import Message
from .chords import key_flats, named_pitches
from .loaded_spelling import flat_line

STYLE_DEFAULTS = TrackStyle.DEFAULTS     # a track's transforms and their defaults (engine/track_play.py)


@dataclass
class Track:
    target: str
    pattern: str
    notes: tuple = ()
    muted: bool = False
    style: dict = field(default_factory=dict)   # /seq/shift reverse speed chance humanize (not defaults)


class SequencerModel:
    """Uses PatchModel's tracks, modules, focus, bpm, swing, seed and the harmony part's chords."""

    def _on_seq(self, parts, args) -> list[Message]:
        verb = parts[1]
        if verb in ("add", "update", "notes", "mute") and args:
            self.last_track = str(args[0])
        if verb in ("bpm", "swing"):
            self.last_param = ("seq", verb)
        if verb in ("add", "update"):
            name = str(args[0])
            undo = self._track_undo(name)
            old = self.tracks.get(name, Track("", ""))
            kept = {k: v for k, v in old.style.items() if k not in ("shift", "reverse")}   # as the engine
            self.tracks[name] = Track(str(args[1]), str(args[2]), old.notes, old.muted, kept)
            return undo
        if verb == "seed":
            previous, self.seed = self.seed, int(float(args[0]))
            return [Message("/seq/seed", (previous,))]
        if verb in STYLE_DEFAULTS and str(args[0]) in self.tracks:
            return self._restyle(self.tracks[str(args[0])], verb, args)
        if verb == "notes":
            track = self.tracks[str(args[0])]
            undo = [Message("/seq/notes", (args[0], *track.notes))] if track.notes else []
            flats = key_flats(*self.key) if self.key else flat_line(args[1:])   # (a loaded session's notes come in Hz)
            track.notes = tuple(named_pitches(a, flats) for a in args[1:])
            self._note_chords(str(args[0]), track.notes)
            if track.target in self.modules:
                self.focus = track.target          # the voice given notes is the one being shaped
            return undo
        if verb == "mute":
            track = self.tracks[str(args[0])]
            if len(args) > 2:                    # a timed mute comes back by itself; undone, it stops now
                return [Message("/seq/mute", (args[0], int(track.muted)))]
            was, track.muted = track.muted, float(args[1]) != 0
            if not track.muted and str(args[0]) in self.for_a_while:   # out for a while, brought back now
                self.for_a_while = tuple(n for n in self.for_a_while if n != str(args[0]))
            return [Message("/seq/mute", (args[0], int(was)))] if was != track.muted else []
        if verb == "remove":
            name = str(args[0])
            undo = self._track_restore(name)
            self.tracks.pop(name, None)
            return undo
        if verb == "clear":
            undo = [m for name in self.tracks for m in self._track_restore(name)]
            self.tracks.clear()
            return undo
        if verb == "key":
            return self._on_key(args)
        if verb == "capo":
            return self._on_capo(args)
        if verb == "swing" and len(args) > 1 and int(float(args[1])) != self.swing_unit:
            previous, unit = (self.swing, self.swing_unit), int(float(args[1]))
            self.swing, self.swing_unit = float(args[0]), unit
            return [Message("/seq/swing", previous)]
        if verb in ("bpm", "swing"):
            previous = getattr(self, verb)
            setattr(self, verb, float(args[0]))
            if verb == "bpm" and previous != self.bpm:
                self.tempo_before = previous
            return [Message(f"/seq/{verb}", (previous,))]
        if verb in ("start", "stop", "continue"):
            was_running, self.running = self.running, verb != "stop"
            if was_running == self.running:
                return []
            return [Message("/seq/stop" if self.running else "/seq/start")]
        return []

    def _track_undo(self, name: str) -> list[Message]:
        if name not in self.tracks:
            return [Message("/seq/remove", (name,))]
        return self._track_restore(name)

    def _track_restore(self, name: str) -> list[Message]:
        track = self.tracks.get(name)
        if track is None:
            return []
        restore = [Message("/seq/add", (name, track.target, track.pattern))]
        if track.notes:
            restore.append(Message("/seq/notes", (name, *track.notes)))
        if track.muted:
            restore.append(Message("/seq/mute", (name, 1)))
        return restore + [Message(f"/seq/{k}", (name, int(v) if k == "reverse" else v)) for k, v in track.style.items()]

    @staticmethod
    def _restyle(track: Track, verb: str, args) -> list[Message]:
        """A transform of a track (its value replaced, never changed in place: snapshots share it)."""
        value = (len(args) < 2 or float(args[1]) != 0) if verb == "reverse" else float(args[1])
        previous = track.style.get(verb, STYLE_DEFAULTS[verb])
        style = {**track.style, verb: value}
        track.style = {k: v for k, v in style.items() if v != STYLE_DEFAULTS[k]}
        return [Message(f"/seq/{verb}", (args[0], int(previous) if verb == "reverse" else previous))]


__all__ = ["SequencerModel", "Track", "STYLE_DEFAULTS"]
