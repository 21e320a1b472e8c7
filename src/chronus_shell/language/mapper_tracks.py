"""A track as a part of the music: mute it and bring it back, play it double or half time.

"stop the hats", "drop the kick", "take out the bass" silence a part and keep it
(`/seq/mute track 1`); "start the hats", "bring the kick back" unmute it. Only remove/delete
removes a track.
"""
from __future__ import annotations

from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_words import PRONOUN_REFS, TRACK_WORDS, message
from .resolve import EVERYTHING


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

    def _mute_by_track(self, intent: it.Mute) -> list[Message] | None:
        """mute/unmute/solo/kill of parts that play tracks, as /seq/mute (None: not about tracks).

        'mute the kick' mutes its track; 'kill the delay' (an effect) removes it; 'mute
        everything' mutes every track; 'solo the bass' mutes the other tracks; 'unmute',
        'bring it all back' and 'unsolo' unmute the muted tracks."""
        target, verb = intent.target, intent.verb
        everything = target is None or target.texts in EVERYTHING
        if verb == "kill" and not everything and not self._plays_a_track(target):
            module_id = self.resolve.module(target)
            if self.model.spec(module_id).role in ("processor", "modulator"):
                return self._RemoveModule(it.RemoveModule(target))
            return None
        if not self.model.tracks:
            return None
        if verb == "kill" and target is not None and any(w in TRACK_WORDS for w in target.texts):
            return self._RemoveModule(it.RemoveModule(target))        # "kill the snare track"
        if verb in ("unsolo",) or (verb == "unmute" and everything):
            muted = [n for n, t in self.model.tracks.items() if t.muted]
            if not muted:
                return None
            return [message("/seq/mute", name, 0) for name in muted] + self._unmuted_levels()
        if verb in ("mute", "kill") and everything:
            if not self._all_parts_play_tracks():
                return None                               # a voice without a track: the master
            playing = [n for n, t in self.model.tracks.items() if not t.muted]
            return [message("/seq/mute", name, 1) for name in playing] or None
        if target is not None and target.texts in PRONOUN_REFS and verb == "unmute":
            last = self.model.tracks.get(self.model.last_track)
            if last is not None and last.muted:           # "bring it back" after "mute the hats"
                return [message("/seq/mute", self.model.last_track, 0)]
        if target is None or not self._plays_a_track(target):
            return None
        track = self._named_track(target)
        if verb in ("mute", "kill"):
            return self._mute_track(target, True)
        if verb == "unmute":
            return self._mute_track(target, False) if self.model.tracks[track].muted else None
        return None

    def _all_parts_play_tracks(self) -> bool:
        targets = {t.target for t in self.model.tracks.values()}
        return all(m in targets for m in self.model.modules
                   if self.model.spec(m).role in ("source", "drum"))

    def _unmuted_levels(self) -> list[Message]:
        try:
            return self._unmute_all(0)
        except LanguageError:
            return []

    def _MuteTrack(self, intent: it.MuteTrack) -> list[Message]:
        return self._mute_track(intent.target, intent.muted)

    def _scale_track(self, words: it.Words, factor: float) -> list[Message]:
        """'double the hats': the rhythm twice as fast; 'half time kick': twice as slow (/seq/speed,
        the pattern stays as written)."""
        track = self._named_track(words)
        return self._speed(track, self.model.tracks[track].style, ("times", factor), words.column)
