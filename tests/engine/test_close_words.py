"""close_words.close_matches is difflib.get_close_matches, only faster: the same words, order and ties."""
import difflib
import random
import string

import pytest

from chronus_shell.engine.close_words import close_matches
from chronus_shell.engine.catalogue import CATALOGUE


def test_the_same_answer_as_difflib_on_typos_and_random_words():
    vocabulary = sorted({word for name, cls in CATALOGUE.items() for param in cls.spec.params
                         for word in (name, param.name, *param.aliases, *cls.spec.aliases)})
    chance = random.Random(13)
    words = ["cutof", "sett", "kcek", "nowhere", "saw2", "dd", "resonanse", "wobbler", "", "a", "sqaure"]
    words += ["".join(chance.choice(string.ascii_lowercase[:12]) for _ in range(chance.randint(0, 10))) for _ in range(400)]
    for word in words:
        pool = chance.sample(vocabulary, min(80, len(vocabulary))) + [""]
        for n, cutoff in ((3, 0.6), (1, 0.4), (3, 0.0), (2, 1.0)):
            assert close_matches(word, pool, n, cutoff) == difflib.get_close_matches(word, pool, n, cutoff), (word, n, cutoff)


@pytest.mark.parametrize("n, cutoff", [(0, 0.6), (3, 1.5), (3, -0.1)])
def test_bad_arguments_are_refused_as_difflib_refuses_them(n, cutoff):
    with pytest.raises(ValueError):
        close_matches("saw", ["saw"], n, cutoff)
