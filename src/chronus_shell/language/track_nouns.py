"""A part's line said with a noun for what it plays ('the harmonium melody twice as fast', 'stop the bouzouki line
for 4 bars', 'the triangle riff backwards'): the one track that voice plays, said by its name for the second stage.
Only when one track is meant: a part that plays two is left to the refusal (which one?), and a noun with no part
said is the one line of single notes for a melody, a riff, a hook ('the tune faster, a reel' is the tempo). A noun or a part that is a track's own name ('the
melody' when a track is called so) is that track already, said with its part or not ('pad chords staccato': the
chords), and a line's notes ('the sine notes c4 d4') never this."""
from __future__ import annotations

import re

from .chords import token_pitches
from .patch_model import PatchModel

#: Nouns for what a pitched part plays (not 'notes': 'the sine notes c4 d4' sets them).
_NOUNS = r"melody|melodies|tune|riff|hook|theme|line|lick|phrase|ostinato|figure"
_SAID = re.compile(rf"\b(?:the\s+|my\s+|our\s+|that\s+|this\s+)?(?P<part>[a-z][\w-]*)(?:'s)?\s+(?P<noun>{_NOUNS})\b", re.I)


#: The melody said with no part ('melody twice as fast', 'transpose the riff up a fourth'): the one line of single notes
#: ('the tune' is not: 'the tune faster, a reel' is the tempo).
_BARE = re.compile(r"\b(?:the\s+|my\s+|that\s+|this\s+)?(?P<noun>melody|riff|hook|lick)\b", re.I)


def track_said(text: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(how it was read, the line with the part's line said as its track) or None; `part_named(word)` is the module a
    word names (or None)."""
    words = list(re.finditer(r"[\w'-]+", text))
    for said, name in zip(words, words[1:]):          # 'pad chords', "the saw's bassline": the part's own track
        part, track = said.group(0).lower().removesuffix("'s"), model.tracks.get(name.group(0).lower())
        if track is not None and part not in model.tracks and part_named(part) in {track.target, *model.voice_of(track.target)}:
            before = re.sub(r"\b(?:the|my|our)\s+$", "", text[:said.start()], flags=re.I)
            return f"{part} {name.group(0).lower()}: the {name.group(0).lower()}", before + "the " + text[name.start():]
    for match in _SAID.finditer(text):
        noun = match["noun"].lower()
        if noun in model.tracks or match["part"].lower() in model.tracks:
            return None                               # (a track's own name: the grammar's, as said)
        part = part_named(match["part"].lower())
        if part is None:
            continue                                  # ('a bass line', 'the second line': not a part's line)
        voice = set(model.voice_of(part)) | {part}
        tracks = [name for name, track in model.tracks.items() if track.target in voice]
        if len(tracks) != 1:
            return None
        said = match.group(0)
        return f"{said.strip()}: the {tracks[0]}", text[:match.start()] + f"the {tracks[0]}" + text[match.end():]
    bare = _BARE.search(text)
    tunes = [name for name, track in model.tracks.items() if _tune(track.notes)]
    if bare is None or bare["noun"].lower() in model.tracks or len(tunes) != 1:
        return None
    return f"{bare['noun'].lower()}: the {tunes[0]}", text[:bare.start()] + f"the {tunes[0]}" + text[bare.end():]


def _tune(notes) -> bool:
    """Notes one at a time (a melody), not chords nor a drum's hits."""
    pitches = [token_pitches(str(n)) for n in notes if str(n) not in (".", "-")]
    return bool(pitches) and all(p is not None and len(p) == 1 for p in pitches)


__all__ = ["track_said"]
