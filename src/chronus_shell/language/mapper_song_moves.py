"""Moves of the whole song. A capo: where the note tracks sound from ('capo 2' over G C D: A D E, and
the bass with them; 'capo 4 instead': two frets more; 'capo off': back where they were) — `/seq/capo`
keeps the fret, so a second 'capo 2' moves nothing, undo puts it back and a session saved remembers it.
A key a singer cannot reach ('too high for the choir'): every note track a whole step down, never an octave.
A mode said alone ('actually lydian'): the key set's tonic in it. A capo put on before the chords: the chords
named while it is on are its shapes."""
from __future__ import annotations

from dataclasses import replace

from ..engine.sequencer_verbs import CAPO_FRETS
from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from ..engine.scales import pitch_class
from .chords import Chord, analyse, key_name, moved_chord, token_pitches
from .errors import LanguageError
from .mapper_key_changes import key_in_use
from .mapper_messages import message


def capo(ctx, intent: ih.Capo) -> list[Message]:
    if not 0 <= intent.frets <= CAPO_FRETS:
        raise LanguageError(f"a capo sits on fret 1–{CAPO_FRETS} ('capo off' for none), not {intent.frets}", intent.column)
    if intent.placed:                                    # the chords said with it sound under it already
        return [message("/seq/capo", intent.frets)] if intent.frets != ctx.model.capo else []
    shift = intent.frets - ctx.model.capo
    if shift == 0:
        raise LanguageError("there is no capo on" if not intent.frets else
                            f"the capo is on fret {intent.frets} already — nothing moved ('capo off' takes it off)",
                            intent.column)
    tracks = any(any(token_pitches(n) for n in track.notes) for track in ctx.model.tracks.values())
    held = ctx.model.last_chord is not None and ctx.model.last_chord[0] == "gate"
    if not tracks and not held:                          # on before the chords: the ones named next are shapes under it
        ctx.understood.append(f"capo {intent.frets}: chords named from now on are shapes under it (G sounds "
                              f"{moved_chord('g', intent.frets).capitalize()})" if intent.frets else "capo off")
        return [message("/seq/capo", intent.frets)]
    everything = it.Words((it.Word("everything", intent.column),))
    at = len(ctx.understood)
    moved = ctx.map(ih.MoveNotes(everything if tracks else None, shift, None, intent.column, chord=not tracks))
    ctx.understood.insert(at, f"capo {'off' if not intent.frets else intent.frets}"
                          f"{f' (it was on {ctx.model.capo})' if ctx.model.capo and intent.frets else ''}")
    return moved + [message("/seq/capo", intent.frets)]


def under_capo(handler):
    """A chord named while a capo is on ('capo 2' before, then 'play Em C G D', 'the F should be Fmaj7', 'add a 7th
    to the C'): the name is a shape, sounding as many frets higher, until the capo comes off (a capo said in the
    line moved the chords already)."""
    def mapped(ctx, intent):
        frets = ctx.model.capo
        sounding = _as_sounding(intent, frets) if frets and not getattr(intent, "shaped", False) else None
        if sounding is None:
            return handler(ctx, intent)
        at = len(ctx.understood)
        out = handler(ctx, sounding[0])
        ctx.understood.insert(at, f"capo on {frets}: {sounding[1]} ('capo off' for chords as named)")
        return out
    return mapped


def _as_sounding(intent, frets: int):
    """(the intent with its chord names moved up to where their shapes sound, what is said of it), or None when
    it names no chord by letter (degrees, a chord known by name, every chord)."""
    if isinstance(intent, ih.Progression) and all(_a_chord_name(c) for c in intent.chords):
        moved = tuple(moved_chord(c, frets) for c in intent.chords)
        return replace(intent, chords=moved), f"{' '.join(intent.chords)} shapes sound {' '.join(moved)}"
    if isinstance(intent, ih.PlayChord) and not intent.tones and _a_chord_name(intent.chord):
        moved = moved_chord(intent.chord, frets)
        return replace(intent, chord=moved), f"{intent.chord} shape sounds {moved}"
    if isinstance(intent, ih.SwapChord) and _a_chord_name(intent.new) and (intent.old is None or _a_chord_name(intent.old)):
        old = moved_chord(intent.old, frets) if intent.old else None
        return replace(intent, old=old, new=moved_chord(intent.new, frets)), \
            f"{intent.old + ' → ' if intent.old else ''}{intent.new} shapes sound {old + ' → ' if old else ''}" \
            f"{moved_chord(intent.new, frets)}"
    if isinstance(intent, ih.AlterChord) and intent.root is not None:
        return replace(intent, root=(intent.root + frets) % 12), f"the shape sounds {frets} frets higher"
    return None


def _a_chord_name(symbol: str) -> bool:
    return symbol[:1].lower() in "abcdefg" and Chord.parse(symbol) is not None


def landing(ctx, intent: ih.Landing) -> list[Message]:
    """The move, checked against the key said: where the key the notes are in (mapper_key_changes.key_in_use), or
    their first or last chord, lands; a move that lands elsewhere by every reading is refused with where it lands."""
    homes = _homes(ctx, intent.column)
    moved = ctx.map(intent.move)
    said = intent.tonic.capitalize()
    landed = [(home + intent.move.semitones) % 12 for home in homes]
    if landed and pitch_class(intent.tonic) not in landed:
        raise LanguageError(f"that move lands in {key_name(landed[0], 'major').capitalize()}, not {said}: say the "
                            f"interval again, or 'transpose to {said}'", intent.column)
    ctx.understood.append(f"in {said}{' ' + intent.mode if intent.mode else ''}, as said")
    return moved


def _homes(ctx, column: int) -> list[int]:
    """The pitch classes the notes may be said to be in: the key in use, then the first and last chord's roots."""
    try:
        homes = [pitch_class(key_in_use(ctx, column, lines=True)[0])]
    except LanguageError:
        return []                                        # (no notes to tell a key by: the move refuses on its own)
    track = ctx.model.tracks.get(ctx.model.last_track)
    chords = [analyse(token_pitches(t)) for t in (track.notes if track else ()) if len(token_pitches(t) or ()) > 1]
    return homes + [c[0] for c in (chords[:1] + chords[-1:]) if c]


def singers_range(ctx, intent: ih.SingersRange) -> list[Message]:
    if not any(any(token_pitches(n) for n in track.notes) for track in ctx.model.tracks.values()):
        raise LanguageError(f"{intent.said}: the key comes {'down' if intent.semitones < 0 else 'up'} — give the chords "
                            f"or notes first, or name the voice ('the saw down a tone')", intent.column)
    everything = it.Words((it.Word("everything", intent.column),))
    at = len(ctx.understood)
    moved = ctx.map(ih.MoveNotes(everything, intent.semitones, None, intent.column))
    ctx.understood.insert(at, f"{intent.said}: the song a whole step "
                          f"{'down' if intent.semitones < 0 else 'up'} ('a semitone' or 'a minor third' for another step)")
    return moved


def set_mode(ctx, intent: ih.SetMode) -> list[Message]:
    if ctx.model.key is None:
        raise LanguageError(f"{intent.scale} on which note? e.g. 'e {intent.scale}'", intent.column)
    return ctx.map(ih.SetKey(ctx.model.key[0], intent.scale, intent.column))


#: The intents this family maps.
HANDLERS = {ih.Capo: capo, ih.SingersRange: singers_range, ih.SetMode: set_mode, ih.Landing: landing}

__all__ = ["HANDLERS"]
