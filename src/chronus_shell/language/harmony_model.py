"""What the language's patch model knows of harmony: the session key and the last chord and note
played, so 'notes 1 3 5' has a key, 'invert it' a chord, 'the e above it' a note, and `/seq/key` is
undone like the rest."""
from __future__ import annotations

from ..protocol.message import Message


class HarmonyModel:
    """Part of PatchModel: `/seq/key`, `/seq/capo` and the chord a voice or a track was last given."""

    @property
    def key(self) -> tuple[str, str] | None:
        """(tonic, scale) of the session, e.g. ('d', 'minor'); None when no key is set."""
        return self.__dict__.get("_key")

    @property
    def last_chord(self) -> tuple | None:
        """('gate', voice id, (hz, …)) or ('track', name): what 'invert it' or 'voice it wide' changes."""
        return self.__dict__.get("_last_chord")

    @property
    def chord_track(self):
        """The track that plays the chords now (the last chords given, on a track), else None."""
        last = self.last_chord
        return self.tracks.get(last[1]) if last and last[0] == "track" else None

    @property
    def scale_run(self) -> str | None:
        """The track the last scale said was played on ('play the scale'), while it is there: what 'the scale' names
        ('play the scale descending', 'mute the scale'), never a melody that happens to move by steps."""
        track = self.__dict__.get("_scale_run")
        return track if track in self.tracks else None

    def note_scale_run(self, track: str) -> None:
        self.__dict__["_scale_run"] = track

    @property
    def last_pitch(self) -> tuple[str, float] | None:
        """(voice id, hz) of the one note a voice was last gated on: what 'the e above it' is above."""
        return self.__dict__.get("_last_pitch")

    @property
    def run_key(self) -> tuple[str, str] | None:
        """The key a scale run was last said again in ('now in g minor'): while it is the key, the next
        key said plays the run again too."""
        return self.__dict__.get("_run_key")

    @property
    def capo(self) -> int:
        """The fret the note tracks sound under (/seq/capo): 'capo 4 instead' moves them by the difference,
        'capo off' back down by it."""
        return self.__dict__.get("_capo", 0)

    def notes_at_once(self, module_id: str) -> int:
        """How many notes a voice plays at once: /patch/poly's count, else its first chord's (the engine
        grows a mono voice to its first chord by itself), else 1."""
        return self.__dict__.get("_poly", {}).get(module_id, 1)

    def note_run_key(self, key: tuple[str, str]) -> None:
        self.__dict__["_run_key"] = key

    def harmony_state(self) -> tuple:
        return self.key, self.last_chord, self.last_pitch, self.run_key, self.capo, dict(self.__dict__.get("_poly", {})), \
            self.__dict__.get("_scale_run")

    def set_harmony_state(self, state: tuple) -> None:
        (self.__dict__["_key"], self.__dict__["_last_chord"], self.__dict__["_last_pitch"],
         self.__dict__["_run_key"], self.__dict__["_capo"], self.__dict__["_poly"], self.__dict__["_scale_run"]) = state

    def _on_key(self, args) -> list[Message]:
        previous = self.key
        tonic = str(args[0]).lower()
        self.__dict__["_key"] = None if tonic == "none" else (tonic, str(args[1]).lower() if len(args) > 1 else "major")
        return [Message("/seq/key", previous if previous else ("none",))]

    def _on_capo(self, args) -> list[Message]:
        previous, self.__dict__["_capo"] = self.capo, int(float(args[0]))
        return [Message("/seq/capo", (previous,))] if previous != self.capo else []

    def _on_poly(self, args) -> list[Message]:
        module_id, previous = str(args[0]), self.notes_at_once(str(args[0]))
        self.__dict__.setdefault("_poly", {})[module_id] = int(float(args[1]))
        return [Message("/patch/poly", (module_id, previous))]

    def _first_chord(self, module_id: str, size: int) -> None:
        if size > 1 and self.notes_at_once(module_id) == 1:
            self.__dict__.setdefault("_poly", {})[module_id] = size     # as the engine grows a mono voice

    def _note_chords(self, track: str, notes) -> None:
        """A track given chords is the one 'invert it' means; a track given notes only is not."""
        self._first_chord(self.tracks[track].target, max((len(str(n).split("+")) for n in notes), default=1))
        if any("+" in str(n) for n in notes):
            self.__dict__["_last_chord"] = ("track", track)
        elif self.last_chord == ("track", track) or self.last_chord and self.last_chord[0] == "gate" and \
                self.last_chord[1] == self.tracks[track].target and any(str(n) not in ("-", ".") for n in notes):
            self.__dict__["_last_chord"] = None          # (a line of notes on the voice that held a chord: it plays that)

    def _note_gate_chord(self, module_id: str, args) -> None:
        if float(args[0]) != 0:
            self._first_chord(module_id, len(args) - 1)
        if len(args) > 2 and float(args[0]) != 0:
            self.__dict__["_last_chord"] = ("gate", module_id, tuple(float(a) for a in args[1:]))
        if len(args) > 1 and float(args[0]) != 0:
            self.__dict__["_last_pitch"] = (module_id, float(args[1])) if len(args) == 2 else None
