"""Notes left out at random, said of a part: 'the hats random 80 percent', 'some notes of the tamborim random, not
all', 'the arp a bit random, 90% of the notes', 'tumbi only plays half the notes randomly', 'make the ka random,
sometimes play sometimes not' — the part's track's chance (the number said as a share of the notes played, '70%
chance', '90% of the notes'; a bare one other than half is asked — played or left out?; none said: the half 'hats
random' plays). Every word must be the part's, the number's or one of these few: anything
else leaves the line to the refusal. 'random velocity on the hats' is a human feel: humanize."""
from __future__ import annotations

import re

from .errors import LanguageError
from .other_languages import in_english
from .patch_model import PatchModel

#: ('randomize the bass notes' asks for other pitches: no word of chance)
_RANDOM = frozenset("random randomly chance".split())
_FILLER = frozenset("the a an bit little like about around some notes note of hits hit percent per cent make with sometimes play "
                    "plays playing not all only half it them just drop drops out skip skips to at please more bit but of "
                    "leave left in on from loop loops missing".split())
#: A number said as the share left out ('randomly drop hits from the kick, 30 percent of them'): played is the rest.
_SHARE_DROPPED = re.compile(r"\b(?:drop|drops|skip|skips|leave\s+out|left\s+out|miss|misses)\b", re.I)
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d+)?)(%|percent)?$")
#: A simile after the share ('…, some missing like real hands'): how it should feel, no part of the share.
_SIMILE = re.compile(r"[\s,]+like\s+(?:a\s+)?(?:real|human|live)\s+[\w\s]+?[.!]*$", re.I)
#: A number said as the share of notes played ('70% chance', '90% of the notes', 'plays 80%'); bare, it is asked.
_SHARE_PLAYED = re.compile(r"\bchance\b|\bof\s+(?:the\s+|its\s+)?(?:notes|hits)\b|\bplays?\b", re.I)


def chance_words(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a part's notes left out at random, else None."""
    if "random" not in line.lower() and "chance" not in line.lower():
        return None                                   # (most refused lines: no word of chance — cheap)
    words = re.findall(r"\d+\.\d+%?|[\w%'-]+", _SIMILE.sub("", in_english(line)).lower().replace("per cent", "percent"))
    if not _RANDOM & set(words):
        return None
    tracks, number, rest = [], None, []
    for word in words:
        track = word if word in model.tracks else _track_of(part_named(word), model)
        if track is not None:
            tracks.append(track)
        elif _NUMBER.match(word):                     # ('chance 0.8': a share of one, 80 in a hundred)
            said, percent = _NUMBER.match(word).groups()
            if "." in said and not percent and float(said) > 1:
                return None                           # ('chance 1.5': no share of one, nor of a hundred)
            number = float(said) * (100 if "." in said and not percent else 1)
        elif word not in _RANDOM | _FILLER and word != "velocity":
            rest.append(word)
    if rest or len(set(tracks)) != 1:
        return None
    track = tracks[0]
    if "velocity" in words:
        return f"random velocity: a human feel on {track}", f"/seq/humanize {track} 0.5"     # (as 'humanize the hats')
    if number is None and "half" in words:
        number = 50
    if number is None:
        return f"{track} random: half its notes played", f"/seq/chance {track} 0.5"        # (as 'hats random')
    if not 0 < number <= 100:
        return None
    if _SHARE_DROPPED.search(line) and not _SHARE_PLAYED.search(line):
        return f"{track} random: {number:g}% of its notes left out", f"/seq/chance {track} {(100 - number) / 100:g}"
    if number != 50 and not _SHARE_PLAYED.search(line):     # ('random on the snare 30%': 30% played, or left out?)
        raise LanguageError(f"that could mean '{track} chance {number:g}%' — or — '{track} chance {100 - number:g}%': say "
                            f"which ({number:g}% of its notes played, or {number:g}% left out)", 0)
    return f"{track} random: {number:g}% of its notes played", f"/seq/chance {track} {number / 100:g}"   # ('arp …': no arpeggio


def _track_of(module: str | None, model: PatchModel) -> str | None:
    """The one track that plays the module (or its voice), else None."""
    if module is None:
        return None
    voice = model.voice_of(module) or [module]
    names = [name for name, track in model.tracks.items() if track.target in voice]
    return names[0] if len(names) == 1 else None


__all__ = ["chance_words"]
