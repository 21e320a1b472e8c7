"""A track as a part of the music: mute it and bring it back, play it double or half time.

"stop the hats", "drop the kick", "take out the bass" silence a part and keep it
(`/seq/mute track 1`); "start the hats", "bring the kick back" unmute it. Only remove/delete
removes a track.
"""
from __future__ import annotations

from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_words import message


class TrackMapper:
    """Part of Mapper: the intents acting on a whole track."""

    def _named_track(self, words: it.Words) -> str:
        """The track a phrase names (by name, or the track playing that voice), or the error
        listing the tracks."""
        try:
            track = self._existing_track(words, words.column)
        except LanguageError:
            track = None
        if track is None:
            playing = ", ".join(self.model.tracks) or "none"
            raise LanguageError(f"nothing plays {words.text!r} (tracks: {playing})", words.column,
                                tuple(self.model.tracks))
        return track

    def _mute_track(self, words: it.Words, muted: bool) -> list[Message]:
        track = self._named_track(words)
        if self.model.tracks[track].muted == muted:
            state = "muted already" if muted else "playing already (it is not muted)"
            raise LanguageError(f"the {track} track is {state}", words.column)
        return [message("/seq/mute", track, 1 if muted else 0)]

    def _plays_a_track(self, words: it.Words | None) -> bool:
        if words is None:
            return False
        try:
            return self._existing_track(words, words.column) is not None
        except LanguageError:
            return False

    def _MuteTrack(self, intent: it.MuteTrack) -> list[Message]:
        return self._mute_track(intent.target, intent.muted)

    def _scale_track(self, words: it.Words, factor: float) -> list[Message]:
        """'double the hats': the rhythm twice as fast (every other step, twice); 'half time
        kick': twice as slow (a rest after every step)."""
        track = self._named_track(words)
        current = self.model.tracks[track]
        steps = current.pattern
        if factor == 2:
            pattern = "".join(steps[(2 * i) % len(steps)] for i in range(len(steps)))
        elif factor == 0.5:
            pattern = "".join(step + ("-" if step == "-" else ".") for step in steps)   # a tie holds on
        else:
            raise LanguageError("a rhythm plays double or half time", words.column)
        if pattern == steps:
            raise LanguageError(f"the {track} rhythm is the same at {'double' if factor == 2 else 'half'} "
                                f"time", words.column)
        return [message("/seq/add", track, current.target, pattern)]
