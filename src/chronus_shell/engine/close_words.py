"""difflib.get_close_matches, the same answer at a fraction of the cost (the did-you-mean of a typo).

difflib computes a candidate's full ratio (its matching blocks, the costly part) for every word whose
letter counts could reach the cutoff. The matching blocks run in order through both words, so they are
a common subsequence: the longest common subsequence bounds the ratio from above, and it costs a few
integer operations a letter (bit-parallel). A word that cannot reach the cutoff even by that bound is
left out before its ratio is worked out (difflib's own letter-count bound is looser than this one, so it
goes); the ratios kept are difflib's own, so the words, their order and the ties are the same.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from heapq import nlargest


def close_matches(word: str, possibilities, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """difflib.get_close_matches(word, possibilities, n, cutoff)."""
    if not n > 0:
        raise ValueError(f"n must be > 0: {n!r}")
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    result = []
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    masks, size = _letter_masks(word), len(word)
    for candidate in possibilities:
        length = len(candidate) + size              # difflib's bounds, loosest first (its real_quick_ratio;
        if _ratio(min(len(candidate), size), length) < cutoff or \
                _ratio(_common_subsequence(candidate, masks, size), length) < cutoff:   # its quick_ratio is looser
            continue                                # than this one: a ratio that reaches the cutoff passes both)
        matcher.set_seq1(candidate)
        if matcher.ratio() >= cutoff:
            result.append((matcher.ratio(), candidate))
    return [candidate for _, candidate in nlargest(n, result)]


def _ratio(matches: int, length: int) -> float:
    """As difflib's _calculate_ratio (the same float for the same counts)."""
    return 2.0 * matches / length if length else 1.0


def _letter_masks(word) -> dict:
    """Each letter of `word` → the bits of the places it stands at."""
    masks: dict = {}
    for place, letter in enumerate(word):
        masks[letter] = masks.get(letter, 0) | 1 << place
    return masks


def _common_subsequence(text, masks: dict, length: int) -> int:
    """The length of the longest common subsequence of `text` and the word of `masks` (Hyyrö's
    bit-parallel form: the zeros left in the word's `length` bits)."""
    row = (1 << length) - 1
    for letter in text:
        matched = row & masks.get(letter, 0)
        row = (row + matched) | (row - matched)
    return length - bin(row & ((1 << length) - 1)).count("1")


__all__ = ["close_matches"]
