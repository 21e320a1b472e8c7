"""A typo read as the word it stands for (the second stage's tidying, second_stage.tidy_words): the one
known word of the commands, modules, units, slang and harmony one edit away (two for long words), so a
guess is never taken between two words equally near."""
from __future__ import annotations

import re
from functools import lru_cache

from ..engine.catalogue import CATALOGUE
from .follow_ups import FOLLOW_UP_WORDS
from .harmony_tokens import HARMONY_WORDS
from .musician_words import SLANG
from .param_words import COMPARATIVES
from .vocabulary import command_words, filler_words, module_words, unit_words


def typo(word: str, extra) -> str | None:
    """The one known word a typo stands for: same first letter, one edit away (two for long
    words); None when none or several are that close. Remembered per catalogue and patch names."""
    return _SHORT_SLIPS.get(word) or _typo_cached(word, tuple(extra), tuple(CATALOGUE))


#: Short words typed fast with two letters swapped or one left out: too short to guess among the others ('nwo fmaj7',
#: 'undo tht', 'srry meant d minor'), each the one word it can be.
_SHORT_SLIPS = {"nwo": "now", "tht": "that", "taht": "that", "teh": "the", "hte": "the", "adn": "and", "jsut": "just",
                "srry": "sorry", "sory": "sorry", "sorr": "sorry"}
#: Plain words said in commands and corrections that no vocabulary list holds ('kick on 1 and 3 onyl').
_PLAIN = frozenset({"only", "sorry", "meant", "mean", "wait", "actually", "instead", "except", "until"})


@lru_cache(maxsize=4096)
def _typo_cached(word: str, extra: tuple, _catalogue_key: tuple) -> str | None:
    limit = 1 if len(word) < 6 else 2
    best: list[str] = []
    best_distance = limit + 1
    candidates = _pool().get(word[0], ()) + tuple(w for w in extra if w[:1] == word[0])
    if len(word) == 3:                                 # "kik", "bas": only a part's name, a letter left out
        candidates = tuple(c for c in candidates if c in module_words() or c in extra)
        best = [c for c in candidates if len(c) == 4 and _left_out(word, c)]
        return best[0] if len(set(best)) == 1 else None
    comparative = word.endswith(("er", "est"))
    for candidate in candidates if len(word) >= 4 else ():
        if abs(len(candidate) - len(word)) > limit or len(candidate) < 3 or \
                word.endswith("s") and candidate.rstrip("0123456789") == word[:-1] != candidate:
            continue                                   # (and 'surdos' is the plural of surdo2, never surdo2 alone)
        distance = _distance(word, candidate, limit)
        if distance > limit or distance == 2 and len(word) < 8 and candidate[:3] != word[:3]:
            continue                                   # "keys" is no typo of "kick", nor "sloppy" of "snappy"
        swapped = sorted(candidate) == sorted(word)       # "snaer": two letters swapped, a typo
        if comparative and not swapped and (len(candidate) == len(word) or distance > 1 and candidate not in COMPARATIVES):
            continue                                   # "fatter" is not "faster", "smoother" not "sampler"
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance and candidate not in best:
            best.append(candidate)
    if len(best) > 1:                                  # "snar": snare (a letter left out), not snap
        dropped = [b for b in best if len(b) == len(word) + 1 and _left_out(word, b)]
        best = dropped if len(dropped) == 1 else best
    if len(best) > 1:                                  # "reverv": reverb (a module word), not revert
        nouns = [b for b in best if b in module_words()]
        best = nouns if len(nouns) == 1 else best
    if best:
        return best[0] if len(best) == 1 else None
    starts = [c for c in candidates if c.startswith(word)] if len(word) >= 3 else []
    return starts[0] if len(starts) == 1 else None     # "dec" → decay


def rival_comparatives(word: str) -> tuple[str, str] | None:
    """'lowder': louder or lower — a misspelt comparative one edit from two that move different things
    (never guessed: the wrong one is heard at once); None when it is none or one."""
    if not word.endswith("er") or word in COMPARATIVES or len(word) < 5:
        return None
    close = sorted({c for c in COMPARATIVES if "-" not in c and abs(len(c) - len(word)) <= 1 and _distance(word, c, 1) <= 1
                    and c[0] == word[0]})
    meanings = {COMPARATIVES[c] for c in close}
    return (close[0], close[1]) if len(close) == 2 and len(meanings) == 2 else None


def _left_out(word: str, candidate: str) -> bool:
    """`word` is `candidate` with one letter left out — the commonest typo when typing fast."""
    return any(candidate[:i] + candidate[i + 1:] == word for i in range(len(candidate)))


_POOLS: dict = {}


def _pool() -> dict[str, tuple[str, ...]]:
    """The known words by first letter (built once per catalogue)."""
    key = tuple(CATALOGUE)
    if key not in _POOLS:
        plain = sorted({w for w in set(command_words()) | set(module_words()) | set(filler_words())
                        | set(unit_words()) | set(SLANG) | HARMONY_WORDS | FOLLOW_UP_WORDS | _PLAIN if re.fullmatch(r"[a-z_0-9]+", w)})
        by_letter: dict[str, tuple[str, ...]] = {}
        for word in plain:
            by_letter[word[0]] = by_letter.get(word[0], ()) + (word,)
        _POOLS.clear()
        _POOLS[key] = by_letter
    return _POOLS[key]


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent swaps count one), stopped early past `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
