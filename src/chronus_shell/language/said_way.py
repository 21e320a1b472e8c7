"""A value said with a way, up or down ('bring the bass down to 70', 'cutoff up to 200'): what it may mean.

Up or down on a part is its level, so a bare number there may be the level or the part's own main param. And with
the cutoff at 800 Hz, 'cutoff up to 200' says a way and a value that disagree, either may be the slip: done as said,
the value took the cutoff down where the musician asked for up (a silent wrong, found by session 37's review). Both
readings are named instead, as for any line that means two things.
"""
from __future__ import annotations

from numbers import Real

from . import intents as it
from .errors import LanguageError
from .mapper_targets import param_or_primary
from .target_words import PRONOUN_REFS


def against_the_way(way: int, current, new, what: str, unit: str, value) -> None:
    """Refuses a value `way` (1 up, -1 down, 0 not said) cannot reach from `current` (None: not known)."""
    if not way or not isinstance(current, Real) or not isinstance(new, Real) or (new - current) * way >= 0:
        return
    scale, unit = (100, "%") if unit == "ratio" else (1, "" if not unit else f" {unit}")   # (a ratio as said: in %)
    current, new = float(current) * scale, float(new) * scale
    said, other = ("up", "above") if way > 0 else ("down", "below")
    typed = f"{new:g}%" if unit == "%" else f"{new:g}"
    raise LanguageError(f"{what} is {current:g}{unit} now: {new:g}{unit} is not {said} from there — say '{what} {typed}' "
                        f"to set it, or a value {other} {current:g}", value.column)


def not_the_level(ctx, ref: it.Words, value: it.Value) -> None:
    """'bring the bass down to 70': up/down on a part is its level, so a bare number there may
    be the level or the part's own main param — both readings are named."""
    if value.kind != "number" or value.unit is not None or ref.texts in PRONOUN_REFS:
        return
    try:
        ctx.resolve.param(ref, hints=False)
        return                                        # a param was named: its own unit
    except LanguageError:
        pass
    try:
        module_id, spec = param_or_primary(ctx, ref, value)
    except LanguageError:
        return
    gain = ctx.model.spec(module_id).param("gain") if ctx.model.spec(module_id).has_param("gain") else None
    if spec.name == "gain" or gain is None or not gain.low <= float(value.number) / 100 <= gain.high:
        return                                        # no level reading ('the triangle down to 110')
    number = f"{float(value.number):g}"
    unit = f" {spec.unit}" if spec.unit not in ("ratio", "") else ""
    raise LanguageError(f"that could mean '{module_id} gain {number}%' — or — '{module_id} {spec.name} {number}{unit}': "
                        f"say which", value.column)


__all__ = ["against_the_way", "not_the_level"]
