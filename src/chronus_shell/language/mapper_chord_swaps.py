"""One chord of a progression replaced ('the F should be Fmaj7', 'make the Gm a Gm6', 'C6 instead' for
the chord held): every chord of that name in the last chord track (else the one of that root), voiced
on the same root note, the rest untouched — never the progression read again as two chords."""
from __future__ import annotations

from ..protocol.message import Message
from . import intents_harmony as ih
from .chords import Chord, analyse, register_of, token_pitches
from .errors import LanguageError
from .mapper_harmony import degree_chord
from .mapper_song_moves import under_capo
from .parser_harmony_changes import NUMERAL, ORDINALS
from .mapper_voicing import NO_CHORD, rechord


def swap_chord(ctx, intent: ih.SwapChord) -> list[Message]:
    new = _chord(ctx, intent.new, intent.column)
    old = _chord(ctx, intent.old, intent.column) if intent.old else None
    if new is None or (intent.old and old is None):
        raise LanguageError(f"'{intent.new if new is None else intent.old}' is not a chord", intent.column)
    chords = _last_chords(ctx, intent.column)
    if intent.place is not None:
        return _placed_swap(ctx, intent, new, chords)
    if old is not None and (old.root, _classes(old.intervals)) == (new.root, _classes(new.intervals)):
        raise LanguageError(f"the {intent.old} is {new.symbol} already — nothing changed", intent.column)
    if old is None and len(chords) == 1:
        wanted = analyse(chords[0])                      # 'C6 instead' over the chord held: that one
        old = Chord("", wanted[0], wanted[1], None, False) if wanted else None
    root = old.root if old else new.root
    exact = old is not None and any(_shape(p) == (root, _classes(old.intervals)) for p in chords)

    def matches(pitches) -> bool:
        shape = _shape(pitches)
        return shape is not None and shape[0] == root and (not exact or shape[1] == _classes(old.intervals))
    if not any(matches(p) for p in chords):
        said = (intent.old or new.symbol[:2].rstrip("mda")).upper()
        raise LanguageError(f"no {said} chord to make {new.symbol}: name one that plays ('the <chord> should be "
                            f"{new.symbol}')", intent.column)

    def change(pitches):
        if not matches(pitches):
            return pitches
        roots = sorted(p for p in pitches if p % 12 == root) or [min(pitches)]
        bass = roots[0] if len(roots) > 1 and roots[1] - roots[0] >= 12 and roots[0] == min(pitches) else None
        bottom = roots[1] if bass is not None else roots[0]   # a bass doubled below the chord stays (c2 under c3 e3 g3)
        start = bottom + (new.root - bottom) % 12
        start -= 12 if start - bottom > 6 else 0          # the new root nearest the old one ('the g should be an e7')
        return ([bass + (new.root - root)] if bass is not None else []) + [start + i for i in new.intervals]
    return rechord(ctx, change, f"{intent.old or 'the chord'} → {new.symbol}", intent.column)


def _chord(ctx, token: str, column: int) -> Chord | None:
    """A chord symbol, or a roman numeral as a chord of the key ('the V should be V7')."""
    return degree_chord(ctx, token, column) if NUMERAL.fullmatch(token) else Chord.parse(token)


def _placed_swap(ctx, intent: ih.SwapChord, new: Chord, chords: list[list[int]]) -> list[Message]:
    """'the second one should be plain F': the chord at that place of the progression, whatever it is ('one' said
    right after a line of single notes is asked: its note, or the chord?)."""
    last = ctx.model.tracks.get(ctx.model.last_track)
    if intent.one and last is not None and not any("+" in str(n) for n in last.notes) and \
            any(token_pitches(n) for n in last.notes):
        raise LanguageError(f"the {ordinal(intent.place)} note of the {ctx.model.last_track} line, or the {ordinal(intent.place)} "
                            f"chord? say 'the {ordinal(intent.place)} chord should be {new.symbol}', or give the line "
                            f"its notes again", intent.column)
    wanted = intent.place - 1 if intent.place > 0 else len(chords) + intent.place
    if not 0 <= wanted < len(chords):
        raise LanguageError(f"the progression has {len(chords)} chords: there is no chord {intent.place} to make "
                            f"{new.symbol}", intent.column)
    seen = iter(range(len(chords)))

    def change(pitches):
        if next(seen) != wanted:
            return pitches
        bottom = min(pitches)
        start = bottom + (new.root - bottom) % 12
        start -= 12 if start - bottom > 6 else 0          # the new root nearest the old bass
        voiced = [start + i for i in new.intervals]
        if new.bass is not None and new.bass != new.root:   # 'C/E': its bass note under the chord
            voiced = [start - ((start - new.bass) % 12 or 12)] + voiced
        return voiced
    return rechord(ctx, change, f"the {ordinal(intent.place)} → {new.symbol}", intent.column)


def ordinal(place: int) -> str:
    """The word a place is said with (parser_harmony_changes.ORDINALS read backwards)."""
    return next((word for word, at in ORDINALS.items() if at == place and word.isalpha()), f"number {place}")


def _last_chords(ctx, column: int) -> list[list[int]]:
    last = ctx.model.last_chord
    if last is None or (last[0] == "track" and last[1] not in ctx.model.tracks):
        raise LanguageError(NO_CHORD, column)
    if last[0] == "gate":
        return [[round(register_of(f)) for f in last[2]]]
    return [p for p in map(token_pitches, ctx.model.tracks[last[1]].notes) if p and len(p) > 1]


def _shape(pitches) -> tuple[int, frozenset] | None:
    found = analyse(pitches)
    return (found[0], _classes(found[1])) if found else None


def _classes(intervals) -> frozenset:
    return frozenset(i % 12 for i in intervals)


#: The intents this family maps.
HANDLERS = {ih.SwapChord: under_capo(swap_chord)}

__all__ = ["HANDLERS"]
