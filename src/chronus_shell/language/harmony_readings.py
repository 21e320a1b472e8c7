"""What a harmony line's reading keeps or leaves around it: a reason said after a move of the notes
('everything up a whole step, D is better for my voice' — the move), 'instead' after new chords (the
chord track's rhythm kept), a capo said with the chords it shapes ('capo 2, play G C D' — the fret kept,
so 'capo off' later moves them back)."""
from __future__ import annotations

import re
from dataclasses import replace

from . import intents as it
from . import intents_harmony as ih
from .chord_rhythms import with_rhythm
from .errors import LanguageError
from .harmony_tokens import column_of
from .parser_harmony_changes import FRETS

_INSTEAD = re.compile(r"\binstead[\s.!]*$", re.I)


#: The reason after a move of the notes ('everything up a whole step, D is better for my voice', '…, i tune to eb',
#: 'up a half step its more evil'): the move alone is the command ('i mean …' corrects it: never a reason).
_REASON = re.compile(r"(?:,\s*|\s+(?=(?:it'?s|its|thats|that'?s|cause|because|cuz) (?:more|less|too|better|easier|nicer|"
                     r"darker|brighter|sadder|happier|heavier|evil|creepier|dark|bright)\b)|\s+(?=so the key\b))"
                     r"(?:(?!i mean\b)(?:i|i'm|im|we|we're|were|you|he|she|they|my|our)\b|[a-g][#b]? (?:is|'s|sits|suits|works|fits)\b|"
                     r"(?:cause|because|cuz|since|so)\b|(?:it'?s|its|thats|that'?s) (?:more|less|too|so|a|just|kinda|better|"
                     r"easier|nicer|darker|brighter|sadder|happier|heavier|evil|for|what|how|gonna|going)\b).*$")
#: What a line with a reason may be: a move of the notes, never a new chord or key named in passing.
_MOVES = (ih.MoveNotes, ih.ChangeKey, ih.Capo, ih.SingersRange)


#: A clause after a move that corrects or redirects it ('…, i meant down', '…, my bad, up'): never a reason.
_CORRECTS = re.compile(r"\b(?:up|down|higher|lower|mean|meant|bad|sorry|oops|wait|no|not|nope|instead|rather|actually|"
                       r"semitones?|tones?|steps?|octaves?|fifths?|fourths?|thirds?)\b|\d")


_KEY_SAID = re.compile(r"\bkey(?:'s| is)(?: really| now| actually)? ([a-g](?:#|b| flat| sharp)?(?: major| minor)?)\b")


#: Where a move lands, said after it ('up a fourth, to Eb', 'take it up a whole step, the horns want F#', '…, so
#: we're in D'): checked against where the notes land (mapper_song_moves.landing), never a second move.
_LANDS = re.compile(r",\s*(?:(?:and )?so (?:that )?(?:we'?re|we are|it'?s|it is|we'?ll be|it'?ll be) in |(?:to|into) (?:the key of )?|"
                    r"(?:the \w+|we|they|i|he|she) (?:wants?|needs?|likes?) (?:it in )?)(?P<key>[a-g][#b]?)(?: (?P<mode>major|minor))?$")


def landed_move(text: str, line: str, single):
    """A move and where it lands ('up a fourth, to Eb'), read before the line's other readings (a key said after
    a move is never set apart from it), else None; `single` reads one harmony part."""
    lands = _LANDS.search(text)
    if lands is None or lands.start() == 0:
        return None
    try:
        intent = single(text[:lands.start()], line)
    except LanguageError:
        return None
    if not isinstance(intent, (ih.MoveNotes, ih.ChangeKey)) or isinstance(intent, ih.ChangeKey) and intent.relation != "interval":
        return None
    return ih.Landing(intent, lands["key"], lands["mode"], column_of(lands["key"], line))


def moved_for_a_reason(text: str, line: str, single):
    """The move before a reason said after it ('everything up a whole step, D is better for my voice'), else None;
    `single` reads one harmony part."""
    reason = _REASON.search(text)
    if reason is None or reason.start() == 0 or _CORRECTS.search(reason.group(0)):
        return None
    key = _KEY_SAID.search(reason.group(0))
    if key is not None:                                  # 'capo 2 so the key is really A': the capo and the key it sounds in
        try:
            capo, keyed = single(text[:reason.start()], line), single(f"key of {key.group(1)}", line)
        except LanguageError:
            return None
        return it.Sequence((capo, keyed)) if isinstance(capo, ih.Capo) and keyed is not None else None
    try:
        if single(reason.group(0).strip(" ,"), line) is not None:
            return None                                  # ('…, we're in eb now': a key said, read with the move)
        intent = single(text[:reason.start()], line)
    except LanguageError:
        return None
    return intent if isinstance(intent, _MOVES) else None



#: A capo said beside the chords its shapes name ('capo 2, play G', 'with capo on the 3rd fret, Em').
_CAPO_SAID = re.compile(rf"\bcapo (?:on |at )?(?:the )?(?:fret )?(\d+|{'|'.join(FRETS)})(?:st|nd|rd|th)?\b")


def kept_around(intent, said: str, rhythm):
    """The intent with what was said around it: 'instead' (new chords in the chord track's rhythm), the rhythm
    said after the chords, and a capo said with chords kept as the fret they sound under."""
    if isinstance(intent, ih.Progression) and intent.steps == 16 and not rhythm and _INSTEAD.search(said):
        intent = replace(intent, instead=True)         # 'Am F C G instead': the track's rhythm stays
    intent = with_rhythm(intent, rhythm)
    capo = _CAPO_SAID.search(said.lower())
    if capo and isinstance(intent, (ih.Progression, ih.PlayChord)):
        return it.Sequence((replace(intent, shaped=True), ih.Capo(int(FRETS.get(capo.group(1), capo.group(1))), 0, placed=True)))
    return intent


__all__ = ["kept_around", "landed_move", "moved_for_a_reason"]
