"""Chord progressions onto a voice's track (issue 13): 'chords am f c g', 'make it a ii-V-I in C', numerals in the key.
A chord a bar by default, held; a rhythm said with them strikes each in its span; new changes for a track that comps
or skanks keep its rhythm, for a track of sevenths keep the sevenths, and with one chord track and another voice in
focus they replace that track's chords. A line a voice plays with a rhythm of its own is never replaced unasked."""
from __future__ import annotations

import re
from dataclasses import replace

from . import intents_harmony as ih
from ..engine.scales import pitch_class
from ..protocol.message import Message
from .arpeggio_track import rearpeggiated
from .chord_rhythms import comping_rhythm, in_the_rhythm, restruck
from .chord_places import only_named
from .chords import analyse, token_pitches
from .errors import LanguageError
from .intents import Word, Words
from .mapper_harmony import degree_chord, head_words, parsed_chord, voice_and_track, voice_register
from .mapper_harmony_voice import voiced
from .mapper_messages import message
from .mapper_note_tracks import BASS_BELOW, own_rhythm, send_track
from .mapper_song_moves import under_capo


def progression(ctx, intent: ih.Progression) -> list[Message]:
    """The chords onto the track; a key said with them that is not the session's ('chords ii V I in c major' after
    'e phrygian') is set too, so a later 'transpose it to g major' moves them from where they are."""
    said, held = intent.key, ctx.model.key
    moved = said is not None and held is not None and (pitch_class(said[0]), said[1]) != (pitch_class(held[0]), held[1])
    if moved:
        ctx.understood.append(f"the key is {said[0]} {said[1].replace('_', ' ')} now (it was {held[0]} "
                              f"{held[1].replace('_', ' ')})")
    return ([message("/seq/key", *said)] if moved else []) + _progression(ctx, intent)


def _progression(ctx, intent: ih.Progression) -> list[Message]:
    intent = _part_said(ctx, intent)
    chords = _the_chord_track(ctx) if intent.target is None else None
    if chords is not None:                              # new changes for the one chord track, whatever is in focus
        head, track = ctx.model.tracks[chords].target, chords
        ctx.understood.append(f"on {head}, where the {chords} play")
    else:
        head, track = voice_and_track(ctx, intent.target, intent.column)
    if intent.target is None and chords is None:
        _keep_a_note_line(ctx, head, track, intent)
    reference, source = voice_register(ctx, head, track)
    symbols = _sevenths_kept(ctx, track, intent.chords)
    tokens = [_progression_chord(ctx, symbol, reference, intent.column, intent.key) for symbol in symbols]
    kept = ctx.model.tracks.get(track) if intent.instead and track is not None else None
    if kept is not None and any("+" in str(n) for n in kept.notes):
        instead = in_the_rhythm(kept.pattern, tokens)
        if instead is not None:
            ctx.understood.append(f"{said_chords(intent.chords)} → {' | '.join(tokens)} instead, a chord a hit of the "
                                  f"{track} track's rhythm ({kept.pattern})")
            return send_track(ctx, head_words(intent.target, head, intent.column), intent.column, *instead, "chords")
    if not intent.rhythm and (arp := rearpeggiated(ctx, head_words(intent.target, head, intent.column), intent.column,
                                                   track, tokens, intent.steps)) is not None:
        return arp                                      # 'arpeggiate the chords', then 'now change to Em C G D'
    length = {16: "a bar", 8: "half a bar", 4: "a beat", 32: "2 bars", 64: "4 bars"}.get(
        intent.steps, f"{intent.steps} steps")
    if intent.rhythm:                                   # 'chords am dm on the offbeats': hits within each span
        span = (intent.rhythm * (intent.steps // len(intent.rhythm) + 1))[:intent.steps]
        pattern = span * len(tokens)
        first = next((i for i, step in enumerate(span) if step in "xX"), 0)    # the chord set at its span's first hit,
        notes = tokens[:1] if len(tokens) == 1 else [t if i == first else "-" for t in tokens for i in range(len(span))]   # held
        played = "held" if set(span[1:]) == {"-"} else f"on {span}"
    else:
        pattern = ("x" + "-" * (intent.steps - 1)) * len(tokens)
        notes = [n for token in tokens for n in [token] + ["-"] * (intent.steps - 1)]
        played = "held"
        comped = comping_rhythm(ctx.model.tracks.get(track) if track is not None else None)
        struck = restruck(tuple(notes), pattern, comped) if comped else None
        if struck is not None:                          # new changes on a track comping: struck as it was
            pattern, notes, played = struck[0], struck[1], f"struck on {comped} as before"
    ctx.understood.append(f"{said_chords(intent.chords)} → {' | '.join(tokens)}, {length} each, {played} "
                          f"(close voicing near {source})")
    return send_track(ctx, head_words(intent.target, head, intent.column), intent.column, pattern, notes,
                      "chords")


#: Where a line names the voice its chords go to: 'on the stab', or before 'chords' ('stab chords am9 dm9').
_ON_PART = re.compile(r"\bon\s+(?:the\s+|my\s+)?(?P<on>[\w-]+)\b|^\s*(?:the\s+|my\s+)?(?P<before>[\w-]+)\s+chords?\b", re.I)


def _part_said(ctx, intent: ih.Progression) -> ih.Progression:
    """The voice a line names by a name the musician gave it that harmony words also use ('stab', 'pad', 'keys':
    the text reader takes them for a style and drops them), when one module has that name."""
    intent = replace(intent, target=only_named(ctx, intent.target))
    if intent.target is not None or not ctx.line:
        return intent
    for match in _ON_PART.finditer(ctx.line):
        word = (match["on"] or match["before"]).lower()
        named = word if word in ctx.model.modules else ctx.model.labels.get(word)
        if named in ctx.model.modules:
            return replace(intent, target=Words((Word(named, match.start("on" if match["on"] else "before")),)))
    return intent


def _sevenths_kept(ctx, track: str | None, chords) -> list[str]:
    """Numerals with no quality ('make it a ii-V-I in C') over a track of seventh chords: the key's sevenths, as the
    chords they replace (a jazz player's changes are sevenths; triads would thin them out unasked)."""
    held = ctx.model.tracks.get(track) if track is not None else None
    shapes = [analyse(token_pitches(n)) for n in (held.notes if held else ()) if "+" in str(n)]
    plain = all(c.startswith("deg:") and re.fullmatch(r"deg:[#b]?[ivIV]+|deg:\d", c) for c in chords)
    if not plain or not shapes or not all(s and len(s[1]) >= 4 and 10 in s[1] or s and 11 in s[1] for s in shapes):
        return list(chords)
    ctx.understood.append("in sevenths, as the chords they replace")
    return [f"{c}7th" for c in chords]


def _the_chord_track(ctx) -> str | None:
    """The one track that plays chords, when the part in focus is a drum or plays a bass line ('chords am7 d7 gmaj7'
    with the hats or the bass in focus: the chords changed, never a second chord line on the bass). A melody or
    another voice in focus is asked about (_keep_a_note_line)."""
    found = [n for n, t in ctx.model.tracks.items() if t.target in ctx.model.modules and any("+" in str(x) for x in t.notes)]
    focus = ctx.model.voice_of(ctx.model.focus) or [ctx.model.focus]
    if len(found) != 1 or ctx.model.tracks[found[0]].target in focus:
        return None
    spec = ctx.model.spec(focus[0]) if focus[0] in ctx.model.modules else None
    lines = [t for t in ctx.model.tracks.values() if t.target in focus]
    pitched = [p for t in lines for n in t.notes for p in (token_pitches(n) or ())]
    bass = bool(pitched) and max(pitched) < BASS_BELOW and not any("+" in str(n) for t in lines for n in t.notes)
    return found[0] if spec is not None and (spec.role == "drum" or bass) else None


def _keep_a_note_line(ctx, head: str, track: str | None, intent: ih.Progression) -> None:
    """Chords said for no voice never replace a line the voice in focus plays with a rhythm written
    apart, rests and all (the bass of the tour: 'bass notes …', 'play x.xX… on saw1'): the musician
    says which they mean. (Notes that are their own rhythm, a sketch, an arpeggio or chords are
    replaced; undo brings them back.)"""
    line = ctx.model.tracks.get(track) if track is not None else None
    notes = line.notes if line is not None else ()
    chords = said_chords(intent.chords)
    elsewhere = [n for n, t in ctx.model.tracks.items() if n != track and any("+" in str(x) for x in t.notes)
                 and t.target in ctx.model.modules and head not in (ctx.model.voice_of(t.target) or [t.target])]
    if elsewhere and track != "chords" and not any("+" in str(n) for n in notes):   # the focus plays no chords, another voice does
        other = ctx.model.tracks[elsewhere[0]].target
        raise LanguageError(f"the {elsewhere[0]} play on {other}: say 'chords {chords} on {other}' to change them, "
                            f"or 'chords {chords} on {head}' for a second line", intent.column)
    pitched = [str(n) for n in notes if token_pitches(n)]
    voices = [m for m in ctx.model.modules if ctx.model.spec(m) is not None and ctx.model.spec(m).role == "source"]
    melody = len(pitched) >= 4 and len(set(pitched)) >= 2 and len(voices) > 1   # a tune beside other voices ('the
    # flute plays e5 d5 c5 …' with an organ there); a sketch on the one voice is replaced — never a bass line
    bass = len(pitched) >= 2 and (track == "bass" or max(token_pitches(n)[0] for n in pitched) < BASS_BELOW)
    if any(token_pitches(n) for n in notes) and not any("+" in str(n) for n in notes) and \
            (melody or bass or line.pattern != own_rhythm(notes) and "." in line.pattern) and track not in ("chords", "arp"):
        free = [v for v in voices if v != head and not any(t.target == v for t in ctx.model.tracks.values())]
        other = f"put them on {free[0]} ('chords {chords} on {free[0]}')" if free else \
            f"add a voice for them ('add a triangle', then 'chords {chords} on the triangle')"
        raise LanguageError(f"{head} plays the {track} line ({' '.join(str(n) for n in notes[:4] if n != '-')} …): "
                            f"say 'chords {chords} on {head}' to replace it, or {other}", intent.column)


def said_chords(chords) -> str:
    """Chords as the musician reads them back: symbols and numerals, a run of degrees as '2-5-1', the
    key's own sevenths said once ('2-5-1 with the key's sevenths', never '27th 57th 17th')."""
    names = [c.removeprefix("deg:") for c in chords]
    sevenths = all(n.endswith("7th") for n in names)
    names = [n.removesuffix("7th") for n in names]
    text = "-".join(names) if all(n.isdigit() for n in names) else " ".join(names)
    return text + (" with the key's sevenths" if sevenths else "")


def _progression_chord(ctx, symbol: str, reference: float, column: int, key=None) -> str:
    if not symbol.startswith("deg:"):
        chord = parsed_chord(ctx, symbol, column)
        return chord.spell(chord.pitches(reference))
    chord = degree_chord(ctx, symbol[4:], column, key)
    pitches = chord.pitches(reference)
    figure = re.fullmatch(r"deg:[b#]?[ivIV]+\D*?(64|6)", symbol)
    for _ in range({"6": 1, "64": 2}.get(figure.group(1) if figure else "", 0)):   # ii6: first inversion
        pitches = sorted(pitches[1:] + [pitches[0] + 12])
    return chord.spell(pitches)


#: The intents this family maps.
HANDLERS = {ih.Progression: voiced(under_capo(progression))}
