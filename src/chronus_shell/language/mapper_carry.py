"""Several commands on a line: what a bare word or value after a comma carries over.

In "mute the kick and the snare" the bare "the snare" repeats the previous command; in
"add some swing, 0.2" the bare value sets what the previous command named.
"""
from __future__ import annotations

import math
import re
from dataclasses import fields, replace

from ..engine.catalogue import module_spec
from ..engine.sequencer_verbs import SWING, TEMPO
from . import intents as it
from .errors import LanguageError
from .intents_stereo import Pan
from .mapper_targets import absolute
from .mapper_values import focus_choice
from .param_words import COMPARATIVES, SEQ_PARAMS, seq_param
from .intents_rhythm import TrackFeel
from .resolve import EVERYTHING, type_and_presets

#: A rhythm of hits, rests and accents only (no ties, no groups): two of them can be laid over each other.
_PLAIN_STEPS = re.compile(r"[xX.]+")


def _both_rhythms(previous, intent):
    """A rhythm said for no part right after one said for a part: the hits of both, on that part."""
    if not (isinstance(previous, it.PlayPattern) and isinstance(intent, it.PlayPattern)) or intent.target is not None \
            or previous.target is None or not _PLAIN_STEPS.fullmatch(previous.pattern) \
            or not _PLAIN_STEPS.fullmatch(intent.pattern):
        return None
    length = math.lcm(len(previous.pattern), len(intent.pattern))
    first, second = (p * (length // len(p)) for p in (previous.pattern, intent.pattern))
    steps = "".join(a if a != "." else b for a, b in zip(first, second))
    return replace(intent, pattern=steps, target=previous.target)


def _chance_of(previous, intent):
    """A chance said bare after a rhythm said for a part: that part's track's chance."""
    if not (isinstance(previous, it.PlayPattern) and previous.target is not None and isinstance(intent, it.SetParam)
            and [w.text.lower() for w in intent.ref.items] == ["chance"] and intent.value.number is not None):
        return None
    share = float(intent.value.number) / (100 if intent.value.unit == "%" or intent.value.number > 1 else 1)
    return TrackFeel("chance", previous.target, share, intent.ref.column) if 0 < share <= 1 else None


#: The field of each intent type that names what it acts on (for "… and the snare").
_TARGET_FIELDS = ("target", "ref", "what")


def carry(ctx, previous, intent):
    """In "mute the kick and the snare", the bare "the snare" repeats the previous command."""
    _against_the_step(ctx, previous, intent)
    _no_second_direction(previous, intent)
    if previous is not None and isinstance(intent, it.BareValue) and (intent.value.unit or "").lower() == "bpm":
        return it.SetParam(it.Words((it.Word("tempo", intent.value.column),)), intent.value)   # '…, 140 bpm'
    if isinstance(previous, it.PlayPattern) and previous.target is not None and isinstance(intent, it.Comparative) \
            and intent.ref is None and intent.word.lower() not in _TEMPO_WORDS:
        return replace(intent, ref=previous.target)      # 'kick x...x..., softer': the kick, not the part in focus
    chance = _chance_of(previous, intent)                 # 'hats 16ths, 60% chance': the hats' (it was read again
    if chance is not None:                               # as 'hats chance 60%', the 16ths dropped)
        return chance
    both = _both_rhythms(previous, intent)               # 'kick on every beat and the offbeats': both, on the kick
    if both is not None:
        return both
    if isinstance(previous, Pan) and (previous.amount is None or previous.amount.kind == "word") and \
            isinstance(intent, it.BareValue) and intent.value.unit in (None, "%", "percent"):
        return replace(previous, amount=intent.value, intensity=None)   # 'triangle left, 40%', 'a little right, 20': how far
    if isinstance(previous, it.PlayPattern) and isinstance(intent, it.BareValue) and not intent.value.unit:
        raise LanguageError(f"'{intent.value.text}' after a rhythm: the tempo ('tempo {intent.value.text}') or a setting "
                            f"of {ctx.model.focus} (say which, e.g. '{ctx.model.focus} decay {intent.value.text}')",
                            intent.value.column)
    if previous is not None and isinstance(intent, it.BareValue) and _seq_target(previous):
        return it.SetParam(_seq_target(previous), intent.value)   # "add some swing, 0.2"
    moved = ctx.model.last_param
    if isinstance(previous, (it.ChangeParam, it.Comparative)) and isinstance(intent, it.BareValue) and moved \
            and (moved[0] in ctx.model.modules or moved[0] == "seq"):   # 'a longer release, two seconds': the release
        column = intent.value.column                    # ('slower, like 68': the tempo)
        said = (moved[0], moved[1]) if moved[0] != "seq" else ("tempo" if moved[1] == "bpm" else moved[1],)
        return it.SetParam(it.Words(tuple(it.Word(w, column) for w in said)), intent.value)
    if previous is not None and isinstance(intent, it.BareValue) and ctx.model.focus in ctx.model.modules:
        return it.SetParam(it.Words((it.Word(ctx.model.focus, intent.value.column),)), intent.value)
    if previous is not None and isinstance(intent, it.SetWords) and len(intent.words.items) == 1:
        choice = focus_choice(ctx, intent.words.items[0])      # "lfo on the kick pitch, square"
        if choice is not None:
            return choice
    if previous is None or not isinstance(intent, (it.SetWords, it.SetParam)):
        return intent
    words = intent.words if isinstance(intent, it.SetWords) else intent.ref
    shared = _into_the_same_effect(ctx, previous, intent)
    if shared is not None:
        return shared
    if isinstance(previous, (it.AddModule, it.AddTo)) and type_and_presets(words.texts) and \
            not _focus_has(ctx, words):
        value = intent.value if isinstance(intent, it.SetParam) else None
        return it.AddModule(words, value)
    if not isinstance(intent, it.SetWords) or isinstance(previous, it.SetParam):
        return intent                                 # a value is never carried over
    slot = next((f.name for f in fields(previous) if f.name in _TARGET_FIELDS), None)
    if slot is None or not _names_something(ctx, words):
        return intent
    return replace(previous, **{slot: words})


#: Comparatives of the tempo, never of the part a rhythm was just given ('hats x.x., faster': as before).
_TEMPO_WORDS = ("faster", "slower", "quicker")


def _no_second_direction(previous, intent) -> None:
    """"it's too low, move it up a bit": a bare 'up'/'down' on it after a quality word ('higher') says
    the move again or another (its level?) — asked, never both done."""
    if isinstance(previous, it.Comparative) and isinstance(intent, it.ChangeParam) and intent.ref is not None \
            and intent.ref.texts in (("it",), ("that",), ("this",), ("them",)):
        way = "up" if intent.direction > 0 else "down"
        raise LanguageError(f"'{previous.word}', then '{way}' on it: the same move said twice, or its level too? say one, "
                            f"e.g. '{previous.word}' or 'louder'", intent.column)


def _into_the_same_effect(ctx, previous, intent):
    """'add distortion to the kick and hats', 'delay on the kick and snare': the next part goes
    into the effect just put on the first (one effect, not a new hat or a second delay)."""
    if not isinstance(intent, it.SetWords):
        return None
    effect = previous.type_name if isinstance(previous, it.AddTo) and previous.target is not None else \
        previous.modulator if isinstance(previous, it.Modulate) else None
    found = type_and_presets(effect.texts) if effect is not None else None
    if found is None or module_spec(found[0]).role != "processor" or found[0] in ("lfo", "adsr"):
        return None                                   # (an envelope shared gates each part with the other's notes: one each)
    try:
        ctx.resolve.module(intent.words, hints=False)
    except LanguageError:
        return None
    return it.Connect(intent.words, it.Words((it.Word(ctx.model.focus, intent.words.column),)), True)


def _against_the_step(ctx, previous, intent) -> None:
    """'snare up, 10 percent': a value on the other side of the step just taken is the step's
    size or a new value — both readings are named ('kick shorter, 200 ms' agrees: it is set)."""
    if not isinstance(previous, (it.ChangeParam, it.Comparative)) or previous.amount is not None or \
            not isinstance(intent, it.BareValue) or intent.value.kind != "number" or ctx.model.last_param is None:
        return
    direction = previous.direction if isinstance(previous, it.ChangeParam) else \
        COMPARATIVES.get(previous.word.replace(" ", "-"), (0,))[0]
    module_id, name = ctx.model.last_param
    if module_id == "seq":
        spec, now = (TEMPO, ctx.model.bpm) if name == "bpm" else (SWING, ctx.model.swing)
    else:
        spec, now = ctx.model.spec(module_id).param(name), ctx.model.value(module_id, name)   # the step's own param
    try:
        wanted = float(absolute(ctx, spec, intent.value))
    except LanguageError:
        wanted = None
    if not direction or wanted is not None and (wanted - float(now)) * direction >= 0:
        return
    said = intent.value.text + (f" {intent.value.unit}" if intent.value.unit else "")
    what = ("tempo" if name == "bpm" else name) if module_id == "seq" else f"{module_id} {name}"
    if wanted is None:
        raise LanguageError(f"{what} {said} is out of range — did you mean '{what} {'up' if direction > 0 else 'down'} "
                            f"{said}'?", intent.value.column)
    raise LanguageError(f"that could mean '{what} {'up' if direction > 0 else 'down'} by {said}' — or — "
                        f"'{what} {said}': say which", intent.value.column)

def _seq_target(previous) -> it.Words | None:
    """The tempo or swing the previous command of the line named."""
    words = next((getattr(previous, f.name) for f in fields(previous) if f.name in ("type_name", "ref")), None)
    return words if isinstance(words, it.Words) and seq_param(words) is not None else None

def _focus_has(ctx, words: it.Words) -> bool:
    """'add a distortion, drive 15': 'drive' is the new module's param, not another module."""
    spec = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    return spec is not None and spec.has_param("_".join(words.texts))

def _names_something(ctx, words: it.Words) -> bool:
    if words.texts in EVERYTHING or "_".join(words.texts) in ctx.model.tracks:
        return True
    for resolve in (ctx.resolve.module, ctx.resolve.param):
        try:
            resolve(words, hints=False)
            return True
        except LanguageError:
            continue
    return words.texts[0] in SEQ_PARAMS
