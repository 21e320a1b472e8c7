"""How long a part's notes ring, said of the part: 'bass staccato', 'make the bass legato', 'shorter bass notes', 'the
bass notes longer', 'play the keys detached'. On a voice with an envelope, shorter is its decay (the note
dies sooner inside its step), longer its decay and release (it rings on into the next); on a drum, its decay; a voice
without an envelope that a track plays, made short, gets one that lets each note die (2 ms attack, 150 ms decay to
nothing; a drone no track plays would fall silent: refused), never another
part's envelope; made longer it is refused (its notes ring as long as their gate already).
"""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_SHORT = "staccato|staccatissimo|pizzicato|pizz|spiccato|detached|choppy|clipped|plucked|plucky|short|shorter|tighter"
_LONG = "legato|tenuto|sostenuto|sustained|connected|smooth|smoother|long|longer"
#: Words that say a length only with 'notes' by them ('bass shorter' is a decay, a delay, a fade…).
_PLAIN = frozenset("short shorter long longer tighter smooth smoother connected plucked".split())
_AMOUNT = r"(?:(?:a\s+)?(?:bit|little|lot|touch|tad)\s+|much\s+|more\s+|very\s+|really\s+|super\s+|even\s+)*"
_POLITE = rf"(?:\s+and\s+(?:{_SHORT}))?(?:[\s,.!]+(?:please|pls|now|then|thanks))*[\s,.!]*"   # ('short and plucky')
_PART_FIRST = re.compile(rf"^(?:(?:make|play|have|let)\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+?)(?:'s)?(?P<notes1>\s+notes?)?[\s,:]+"
                         rf"(?:(?:be|play|sound|more|get)\s+)*{_AMOUNT}(?P<word>{_SHORT}|{_LONG})(?P<notes2>\s+notes?)?{_POLITE}$", re.I)
_WORD_FIRST = re.compile(rf"^(?:(?:make|play|give\s+me)\s+)?{_AMOUNT}(?P<word>{_SHORT}|{_LONG})\s+(?:(?:notes?\s+)(?:on|for|from|in)\s+)?"
                         rf"(?:the\s+|my\s+)?(?P<part>[\w-]+?)(?:'s)?(?P<notes2>\s+notes?){_POLITE}$", re.I)


def note_length(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a part's notes made shorter or longer, else None;
    LanguageError for a part with nothing that sets how long its notes ring. `part_named(word)` is the module a word
    names, or None."""
    match = _PART_FIRST.match(line.strip()) or _WORD_FIRST.match(line.strip())
    if not match:
        return None
    word = match["word"].lower()
    notes = match.groupdict().get("notes1") or match["notes2"]
    said = match["part"].lower()
    module = model.focus if said in ("it", "them", "this", "that") else part_named(said)
    bare = module is not None and model.spec(module) is not None and model.spec(module).role == "source" and \
        not any(model.modules[m] == "adsr" for m in model.voice_of(module)) and \
        any(t.target == module for t in model.tracks.values())
    if module is None or word in _PLAIN and not notes and not bare:      # ('make them short' of a bare oscillator:
        return None                                                        # its notes, nothing else is short there)
    shorter = re.fullmatch(_SHORT, word) is not None
    voice = model.voice_of(module)
    envelope = next((m for m in voice if model.modules[m] == "adsr"), None)
    if envelope is not None:
        if shorter:                           # (the note dies sooner inside its step: its decay, the sustain kept)
            return f"{word}: {said}'s notes shorter ({envelope}'s decay)", \
                f"{envelope} decay shorter"
        return f"{word}: {said}'s notes longer ({envelope}'s decay and release)", \
            f"{envelope} decay longer and {envelope} release longer"      # (each note rings on into the next)
    spec = model.spec(voice[0]) if voice else None
    if spec is not None and spec.role == "drum" and spec.has_param("decay"):
        return f"{word}: {voice[0]}'s decay {'shorter' if shorter else 'longer'}", \
            f"{voice[0]} decay {'shorter' if shorter else 'longer'}"
    played = any(t.target == voice[0] for t in model.tracks.values()) if voice else False   # (a drone no track plays
    if spec is not None and spec.role == "source" and shorter and played:   # would fall silent) made short: an envelope that
        return f"{word}: {voice[0]} had no envelope — one added, its notes short and plucky", \
            f"add an envelope to {voice[0]}, attack 2 ms, decay 150 ms, sustain 0, release 60 ms"   # lets each note die
    if spec is not None and spec.role == "source":
        raise LanguageError(f"{voice[0]}'s notes ring as long as its gate: nothing shapes them yet — give it an envelope "
                            f"('add an envelope to {said}'), then '{said} {word}'", 0)
    return None


__all__ = ["note_length"]
