"""When a did-you-mean is offered: only for a plausible slip of the fingers, never for another word.

A lookalike that is a different word of English points somewhere unrelated ('simple' → sample,
'ride' → wide, 'render' → encoder, 'softer' → master); the refusal then says what the shell can do
nearby instead (refusal_wording.py, unavailable.py). A slip is: one edit (two in a word of six letters or
more, or a short word's inner letters; the first letter kept unless it is the one edit), never one vowel for
another, a letter for a far key only in a long word or as the one edit, or letters left out ('sqre'
→ square, 'cutof' → cutoff).
"""
from __future__ import annotations

from .musician_words import NOT_TYPOS

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY = {letter: (row, column) for row, keys in enumerate(_ROWS) for column, letter in enumerate(keys)}
_VOWELS = set("aeiouy")


def _next_to(a: str, b: str) -> bool:
    """Two letters on neighbouring keys of a QWERTY keyboard (each row sits half a key right of the one above)."""
    if a.isdigit() and b.isdigit():
        return True                                   # 'saw2' for saw1: another of the same
    if a not in _KEY or b not in _KEY:
        return a == b
    (ra, ca), (rb, cb) = _KEY[a], _KEY[b]
    return abs(ra - rb) <= 1 and -1 <= (ca + ra * 0.5) - (cb + rb * 0.5) <= 1


def _left_out(word: str, guess: str) -> bool:
    """`word` is `guess` with letters left out, in order ('sqre' of square)."""
    letters = iter(guess)
    return len(word) < len(guess) and all(c in letters for c in word)


def _edits(a: str, b: str) -> list[tuple[str, str]]:
    """The fewest edits from `a` to `b` (Damerau-Levenshtein), each as (letters of a, letters of b):
    ('x', 'y') a substitution, ('x', '') a deletion, ('', 'y') an insertion, ('xy', 'yx') a swap."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        for j in range(len(b) + 1):
            if not i or not j:
                rows[i][j] = i or j
                continue
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    edits, i, j = [], len(a), len(b)
    while i or j:
        if i and j and a[i - 1] == b[j - 1] and rows[i][j] == rows[i - 1][j - 1]:
            i, j = i - 1, j - 1
        elif i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and rows[i][j] == rows[i - 2][j - 2] + 1:
            edits.append((a[i - 2:i], b[j - 2:j]))
            i, j = i - 2, j - 2
        elif i and j and rows[i][j] == rows[i - 1][j - 1] + 1:
            edits.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + 1:
            edits.append((a[i - 1], ""))
            i -= 1
        else:
            edits.append(("", b[j - 1]))
            j -= 1
    return edits


def is_slip(word: str, guess: str) -> bool:
    """Whether `word` is plausibly `guess` mistyped (see the module's docstring)."""
    w, g = word.lower().replace("_", " "), guess.lower().replace("_", " ")
    if w == g:
        return True
    if len(g) < 2 or len(w) <= 4 and len(w) == len(g) and w[0] != g[0]:
        return False                                  # 'ride' is no slip of 'wide'
    if len(w) >= 3 and w[:1] == g[:1] and _left_out(w, g):
        return True                                   # 'sqre', 'cutof'
    edits = _edits(w, g)
    short_ok = len(w) == len(g) and w[0] == g[0] and w[-1] == g[-1]      # 'kcek' for kick
    if len(edits) > (1 if len(w) <= 3 or len(w) == 4 and not short_ok or w[0] != g[0] else 2):
        return False                                  # 'render' is no slip of 'encoder', nor 'each' of 'echo', nor 'tighten' of 'eighteen'
    swaps = [(x, y) for x, y in edits if len(x) == 1 and len(y) == 1]
    if any(x in _VOWELS and y in _VOWELS for x, y in swaps):
        return False                                  # 'simple' is no slip of 'sample'
    return all(_next_to(x, y) for x, y in swaps) or len(w) >= 6 or short_ok or len(edits) == 1 and w[0] == g[0]


def slips(word: str, guesses) -> tuple[str, ...]:
    """The guesses that are plausible slips of `word`, in their order (none for a word of English typed
    meaning itself: 'very' is no slip of verb)."""
    if word.lower() in NOT_TYPOS:
        return ()
    return tuple(g for g in guesses if is_slip(word, g))


__all__ = ["is_slip", "slips"]
