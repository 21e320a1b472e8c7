"""English → one intent by the grammar alone: the Transformer over grammar.py's parse trees.

The Transformer is thin: one small method per command rule building an intent dataclass,
grouped by family in parser_values, parser_patch_rules, parser_sequencer_rules,
parser_shell_rules, parser_gear_rules and parser_stereo_rules and joined here as mixins.
Turning a Lark error into words is parser_errors' job. parser.py reads the phrases the grammar
does not (harmony, rhythm) first.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace

from lark import Token, Tree
from lark.exceptions import UnexpectedInput, VisitError

from ..engine.catalogue import CATALOGUE
from . import intents as it
from .errors import LanguageError
from .grammar import INTENSITIES, parse_tree
from .parser_errors import parse_error
from .parser_gear_rules import GearRules
from .parser_patch_rules import PatchRules
from .parser_sequencer_rules import SequencerRules
from .parser_shell_rules import ShellRules, whole_session_name
from .parser_patch_rules import set_with_equals
from .parser_stereo_rules import StereoRules
from .parser_values import ValueRules, glue_numeric_names


def _intensity(token: Token) -> str:
    return "edge" if token.lower().replace(" ", "") in ("alltheway", "fully", "completely") else "big"


def _has_field(intent, name: str) -> bool:
    return any(f.name == name for f in fields(intent))


class _ToIntent(ValueRules, PatchRules, SequencerRules, ShellRules, GearRules, StereoRules):
    """Parse tree → intent. Keyword tokens arrive as children; values and words as dataclasses.

    A walk of its own over the tree (Lark's public Tree only, no Transformer hooks): methods take
    the children inline, the method of a rule is looked up once, and tokens are not visited — the
    hot path of every command. A rule without a method stays a Tree, as with Lark's Transformer."""

    def __init__(self):
        self._methods: dict[str, object] = {}

    def transform(self, tree: Tree):
        children = [self.transform(c) if isinstance(c, Tree) else c for c in tree.children]
        method = self._methods.get(tree.data)
        if method is None:
            method = getattr(self, tree.data, None)
            if method is None:
                return Tree(tree.data, children, tree.meta)
            self._methods[tree.data] = method
        try:
            return method(*children)
        except LanguageError:
            raise
        except Exception as err:
            raise VisitError(tree.data, tree, err) from err

    def start(self, *children):
        """Intents in order; "now" after a command sets its `now`; intensities go to their command."""
        items: list = []
        bounds: list[int] = []           # where each command after a separator starts
        for child in children:
            if isinstance(child, Token):
                if child.type == "NOW" and items and _has_field(items[-1][0], "now"):
                    items[-1] = (replace(items[-1][0], now=True), items[-1][1])
                elif child.type == "SEP" and items:
                    bounds.append(child.start_pos)
                continue
            items.append((child, len(bounds)))
        segments = {}
        for token in INTENSITIES:
            segment = sum(1 for b in bounds if b < token.start_pos)
            segments.setdefault(segment, _intensity(token))
        intents = []
        for intent, segment in items:
            if segment in segments and _has_field(intent, "intensity"):
                intent = replace(intent, intensity=segments[segment])
            intents.append(intent)
        intents = _effect_for_both(intents)
        return intents[0] if len(intents) == 1 else it.Sequence(tuple(intents))


#: The words that name a setting, not a part ('add a filter to the saw and cutoff at 900 hz' sets the cutoff).
_SETTING_WORDS = frozenset(w for entry in CATALOGUE.values() for p in entry.spec.params for w in (p.name, *p.aliases)) | \
    {"tempo", "bpm", "swing"}


def _effect_for_both(intents: list) -> list:
    """'put a lowpass filter on pad and pad2 at 900 hz': the value is the effect's, and pad2 goes through it too —
    never pad2's own pitch set to 900 Hz."""
    for index in range(len(intents) - 1):
        first, second = intents[index], intents[index + 1]
        if isinstance(first, it.AddTo) and first.value is None and first.param is None and isinstance(second, it.SetParam) \
                and not second.moved and len(second.ref.items) <= 2 and second.ref.texts[-1] not in _SETTING_WORDS \
                and (second.value.unit or "").lower() not in ("db", "bpm") \
                and not set(first.type_name.texts) & {"lfo", "adsr", "envelope", "wobble", "vibrato", "tremolo"}:
            return intents[:index] + [replace(first, value=second.value), it.SetWords(second.ref)] + intents[index + 2:]
    return intents


_TRANSFORMER = _ToIntent()
_BRING_BOTH = re.compile(r"^\s*bring\s+(?!.*\b(?:in|back)\b)\S.*?\s+(?:and|&|\+)\s", re.I)


def _brought_both(intent, line: str):
    """'bring the snare and the hats down 3 db': both down — never the snare unmuted and the hats down."""
    items = intent.items if isinstance(intent, it.Sequence) else ()
    if len(items) == 2 and isinstance(items[0], it.Mute) and items[0].verb == "unmute" and \
            isinstance(items[1], it.ChangeParam) and _BRING_BOTH.match(line):
        first = replace(items[1], ref=items[0].target, column=items[0].target.column)
        return it.Sequence((first, items[1]))
    return intent


def parse_plain(line: str):
    """A line read by the grammar alone (the parts of a harmony line that are not harmony)."""
    try:
        return _brought_both(set_with_equals(whole_session_name(_TRANSFORMER.transform(parse_tree(glue_numeric_names(line))),
                                                                line), line), line)
    except UnexpectedInput as err:
        raise parse_error(line, err) from None
    except VisitError as err:                     # a value the grammar took but cannot be read
        if isinstance(err.orig_exc, LanguageError):
            raise err.orig_exc from None
        raise LanguageError(f"I can't read that: {err.orig_exc}", 0, (), line) from None


__all__ = ["parse_plain"]
