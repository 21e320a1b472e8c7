"""literal_needs: the words a regex needs are really needed (a screened form is never one that matches)."""
import re

import pytest

from chronus_shell.language import parser_rhythm_rules as rhythm
from chronus_shell.language.literal_needs import Screen, needed_words, rewritten


@pytest.mark.parametrize("pattern, words", [
    (r"^(?:please\s+)?(?:reverse|flip)\s+\w+$", {"reverse", "flip"}),
    (r"(?:an?\s+)?roll\s+(?:on|at)", {"roll"}),
    (r"x(?=chance)", {"chance"}),                      # a lookahead's words are in the text too
    (r"(?:double|half)?\s*time", {"time"}),            # an optional part needs nothing
    (r"(?:ab|)c?\d", None),                           # an empty branch, an optional letter
    (r"(?!never)\w+", None),                           # a negative lookahead needs nothing
    (r"(?:go\s+)+faster", {"faster"}),                 # the longest certain word is the one kept
])
def test_the_words_a_pattern_needs(pattern, words):
    assert needed_words(re.compile(pattern, re.I)) == (frozenset(words) if words else None)


def test_a_screen_keeps_every_pattern_that_matches_in_order():
    patterns = [re.compile(p, re.I) for p in (r"hats?\s+backwards", r"\w+\s+twice\s+as\s+fast", r".*", r"roll\s+\w+")]
    screen = Screen((p, n) for n, p in enumerate(patterns))
    for text in ("HATS backwards", "kick twice as fast", "roll kick", "nothing here", "rôll kick"):
        kept = [n for _, n in screen.possible(text)]
        assert kept == sorted(kept)
        assert all(n in kept for n, p in enumerate(patterns) if p.match(text)), text
    assert [n for _, n in screen.possible("nothing here")] == [2]     # the words rule the others out


def test_the_rhythm_forms_are_screened():
    """Python's regex parser (re._parser) still answers: most rhythm forms name their words."""
    forms = [form for forms, _ in rhythm._FORMS for form in forms]
    assert sum(needed_words(form) is not None for form in forms) >= 0.9 * len(forms)
    assert rhythm.rhythm_intent("reverse the hats") is not None
    assert len(rhythm._SCREEN.possible("cutoff 800")) < len(forms) // 4


def test_rewrites_apply_in_turn_as_a_loop_of_sub_would():
    """A rule whose words only appear once an earlier rule has rewritten the text still applies."""
    rules = [(re.compile(p, re.I), r) for p, r in ((r"\bpls\b", "please"), (r"\bplease\b\s*", ""),
                                                 (r"\bverb\b", "reverb"), (r"\s{2,}", " "))]
    for text in ("more verb pls", "PLEASE  more verb", "nothing to do", "plus verbose", "verb ünd pls"):
        looped = text
        for pattern, replacement in rules:
            looped = pattern.sub(replacement, looped)
        assert rewritten(text, rules) == looped, text
