"""Comparatives: 'brighter', 'louder', 'slower', 'the kick punchier' — which param a quality word moves (its
own params near the words, the voice's level for louder, an LFO's or a delay's pace for faster), and how far."""
from __future__ import annotations

import re

from ..engine.params import ParamSpec, format_number
from ..engine.sequencer_verbs import TEMPO
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_changes import (change_message, current_value, names_a_part, names_param, near_param, target_of,
                             transposed_notes)
from .mapper_owners import one_drum_of_the_kit, refuse_darker, the_bands_level, the_whole_mix
from .mapper_targets import typo_checked
from .mapper_tracks import scale_track
from .param_words import COMPARATIVES, DIRECTION_WORDS, LEVEL, LEVEL_OF_MODULE, seq_param
from .patch_model import MASTER
from .resolve import EVERYTHING, type_named
from .target_words import PRONOUN_REFS
from .units import canonical_unit



def _a_silent_drum(ctx, focus: str | None) -> bool:
    """'louder' with a drum in focus that plays nothing (just added, no pattern) while other parts are heard: the
    mix is what the musician hears, not a drum that is silent (trial: only the new hat went up, inaudibly)."""
    if focus is None or focus != ctx.model.just_added or ctx.model.spec(focus).role != "drum":
        return False                                  # (the drum the line before added: 'add a hat', 'louder')
    playing = any(t.target == focus and not t.muted for t in ctx.model.tracks.values())
    return not playing and len([v for v in ctx.model.sounding_voices() if v[0] != focus]) > 1

def comparative(ctx, intent: it.Comparative) -> list[Message]:
    direction, names = COMPARATIVES[re.sub(r"[\s-]+", "-", intent.word)]
    if "@tempo" in names and intent.ref is not None:
        names = ("rate", "time", "@tempo")            # "make the echo slower": its time, longer
    if "@tempo" in names and intent.ref is not None and intent.amount is None and names_a_part(ctx, intent.ref) \
            and intent.ref.texts not in PRONOUN_REFS and not _has_rate(ctx, intent.ref):   # 'make it faster': the tempo
        return scale_track(ctx, intent.ref, 2 if direction > 0 else 0.5)    # "faster hats": double time
    try:
        module_id, spec = _own_way(ctx, intent) or _comparative_target(ctx, intent, names)
    except LanguageError:
        refuse_darker(ctx, intent, direction, names)          # 'darker' with nothing that darkens: the ways to it
        raise
    one_drum_of_the_kit(ctx, intent, module_id, names)               # 'warmer' with the hat in focus
    if _bare_number_on_an_inferred_param(intent, spec, names):
        raise LanguageError(f"'{intent.amount.text}' of what? say it with the param and a unit, e.g. "
                            f"'{module_id} {spec.name} {'down' if direction < 0 else 'up'} {intent.amount.text}"
                            f"{'' if spec.unit in ('ratio', 'enum', 'bool') else ' ' + spec.unit}'", intent.amount.column)
    if spec.name == "damp":
        direction = -direction                        # "brighter reverb": less damping
    if "@tempo" in names and spec.unit.lower() in ("ms", "s"):
        direction = -direction                        # "faster attack": a shorter one
    if spec.name == "attack" and intent.word in ("softer", "harder"):
        direction = -direction                        # "softer attack": a slower one
    if intent.word in ("deeper", "shallower") and spec.unit.lower() == "hz":
        direction = -direction                        # "deeper cutoff", "the sine deeper": a lower frequency
    change = change_message(ctx, module_id, spec, direction, intent.amount, intent.intensity, intent.column)
    if intent.ref is None or intent.ref.texts in PRONOUN_REFS:
        _understood(ctx, intent.word, module_id, spec, change.args[0])
    return [change, *transposed_notes(ctx, module_id, spec, change.args[0], intent.column)]


def _bare_number_on_an_inferred_param(intent: it.Comparative, spec: ParamSpec, names) -> bool:
    """'808 lower', 'lower 20', 'kick 50 lower': a number without a unit on a param the line does not
    name is no amount anyone can hear in advance ('808' is a drum's name) — the tempo aside."""
    if intent.amount is None or intent.amount.unit or "@tempo" in names and spec.name not in ("rate", "time"):
        return False
    said = set(intent.ref.texts) if intent.ref is not None else set()
    return not said & ({spec.name} | set(spec.aliases))


#: Qualities a module has through a param of its own when it lacks the usual one: a reverb's brightness is its damping
#: (less of it), its length its room ('make the reverb shorter' — never the snare before it).
_OWN_WAY = {("brighter", "darker", "duller"): ("damp", ("cutoff", "tone")),
            ("longer", "shorter"): ("room", ("decay", "release", "time"))}


def _own_way(ctx, intent: it.Comparative) -> tuple[str, ParamSpec] | None:
    """'brighter reverb', 'make the reverb shorter', 'add a reverb', 'make it shorter': the module named, or the one
    in focus (for 'it' and a bare word — the focus, not its voice: 'longer' on a pad is no reverb)."""
    words = next((way for way in _OWN_WAY if intent.word in way), None)
    if words is None:
        return None
    own, usual = _OWN_WAY[words]
    if intent.ref is None or intent.ref.texts in PRONOUN_REFS:
        if own == "damp" and intent.ref is None:
            return None
        focus = ctx.model.focus
        module_id = focus if focus in ctx.model.modules and focus != ctx.model.focus_raw else None   # (not a script's)
    else:
        try:
            module_id = ctx.resolve.module(intent.ref, hints=False)
        except LanguageError:
            return None
    spec = ctx.model.spec(module_id) if module_id else None
    if spec is not None and spec.has_param(own) and not any(spec.has_param(name) for name in usual):
        return module_id, spec.param(own)
    return None


def _has_rate(ctx, ref: it.Words) -> bool:
    """A module with a pace of its own: an LFO's rate, a delay's time ('the echo slower': its repeats, not the tune)."""
    try:
        spec = ctx.model.spec(ctx.resolve.module(ref, hints=False))
        return spec.has_param("rate") or spec.has_param("time")
    except LanguageError:
        return False


def _understood(ctx, word: str, module_id: str | None, spec: ParamSpec, new) -> None:
    """An inferred reading, said back: '→ brighter: acid_filter1 cutoff 800 → 1000 Hz'."""
    old = current_value(ctx, module_id, spec)
    unit = "" if spec.unit in ("ratio", "enum", "bool") else f" {spec.unit}"
    where = f"{module_id} {spec.name}" if module_id else spec.name
    where = "the whole mix, " + where if module_id == MASTER else where
    ctx.understood.append(f"{word}: {where} {format_number(old)} → {format_number(new)}{unit}")


def _comparative_target(ctx, intent: it.Comparative, names) -> tuple[str | None, ParamSpec]:
    ref = intent.ref
    if names == LEVEL and (ref is None or ref.texts in EVERYTHING or ref.texts in PRONOUN_REFS) and not any(
            ctx.model.spec(m).role in ("source", "drum") for m in ctx.model.modules):
        raise LanguageError(f"nothing plays yet to make {intent.word} — add a sound first", intent.column)
    if ref is not None and ref.texts in EVERYTHING and names == LEVEL:
        return MASTER, ctx.model.spec(MASTER).param("gain")      # "everything louder": the mix
    if ref is not None and ref.texts in EVERYTHING and "@tempo" in names:
        return None, TEMPO                                       # "the music faster": the tempo
    pronoun = ref is not None and ref.texts in PRONOUN_REFS[:4]
    if ref is not None and ref.texts in PRONOUN_REFS:
        ref = None                                    # "make it brighter": the focus, then its voice
    focus = ctx.model.focus if ctx.model.focus in ctx.model.modules else None
    if ref is None and "@tempo" in names:
        if focus is not None and ctx.model.spec(focus).has_param("rate"):
            return focus, ctx.model.spec(focus).param("rate")    # "slower" after touching an lfo
        return None, TEMPO                            # "faster", "slow it down": the tempo
    if ref is None and names == LEVEL and ctx.model.last_param == (MASTER, "gain"):
        return MASTER, ctx.model.spec(MASTER).param("gain")      # "louder" right after the master level
    if ref is None and names == LEVEL and (the_bands_level(ctx) or intent.complaint and the_whole_mix(ctx)
                                           or _a_silent_drum(ctx, focus)):
        return MASTER, ctx.model.spec(MASTER).param("gain")      # 'louder' with no part named in words yet
    if ref is None and names == LEVEL:                # "louder": the voice's level, never an effect's mix
        for module_id in ctx.resolve.focused_voice():
            if ctx.model.spec(module_id).has_param("gain"):
                return module_id, ctx.model.spec(module_id).param("gain")
    if ref is not None:
        if seq_param(ref) is not None:
            return None, seq_param(ref)
        if ref.texts in EVERYTHING and names == LEVEL:
            return MASTER, ctx.model.spec(MASTER).param("gain")
        try:
            module_id, spec = typo_checked(ctx, ctx.resolve.param, ref, False)
            if intent.word in DIRECTION_WORDS and not _pace_on_no_pace(names, spec) or spec.name in names \
                    or intent.word in ("softer", "harder") \
                    and spec.name == "attack" or names == LEVEL and spec.name in LEVEL_OF_MODULE:
                return module_id, spec
            return _quality_of(ctx, intent, names, module_id, spec)
        except LanguageError:
            if names_param(ref) and not type_named(ref.texts) and "_".join(ref.texts) not in ctx.model.modules:
                ctx.resolve.param(ref)
                raise
    if intent.word in ("higher", "lower") and ref is not None and (tuned := _its_frequency(ctx, ref)) is not None:
        return tuned                                  # 'the filter lower': its cutoff, never the pitch of its voice
    if intent.word in ("higher", "lower") and intent.amount is not None and (
            canonical_unit(intent.amount.unit)[0] not in (None, "octaves", "semitones", "cents", "hz")):
        return target_of(ctx, ref, intent.amount, intent.column)    # "3 db lower": the level
    return near_param(ctx, ref, names, intent.column, what=intent.word, anywhere=not pronoun)


def _its_frequency(ctx, ref: it.Words) -> tuple[str, ParamSpec] | None:
    """A filter named ('the filter lower'): its cutoff, the frequency it sets (a distortion's tone or an lfo's rate are no
    'lower' a musician means)."""
    try:
        module_id = ctx.resolve.module(ref, hints=False)
    except LanguageError:
        return None
    spec = ctx.model.spec(module_id)
    tuned = spec.param("cutoff") if spec.has_param("cutoff") and spec.role not in ("source", "drum") else None
    return None if tuned is None else (module_id, tuned)


def _pace_on_no_pace(names, spec: ParamSpec) -> bool:
    """'faster'/'slower' said of a param that is no time or rate ('the tune faster' is no detune up)."""
    return "@tempo" in names and spec.name not in names and spec.unit.lower() not in ("ms", "s")


def _quality_of(ctx, intent: it.Comparative, names, module_id: str, spec: ParamSpec) -> tuple[str | None, ParamSpec]:
    """A quality word moves its own params near the words ('amp env pluckier'), never another ('resonance louder')."""
    try:
        return near_param(ctx, intent.ref, names, intent.column, what=intent.word)
    except LanguageError:
        raise LanguageError(f"'{intent.word}' moves {' or '.join(n.lstrip('@') for n in names)}, not {module_id} "
                            f"{spec.name}: say '{module_id} {spec.name} up' (or down)", intent.column) from None


HANDLERS = {it.Comparative: comparative}
