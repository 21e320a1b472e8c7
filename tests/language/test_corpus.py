"""The musician corpus (development set): how much is understood, and nothing silently wrong."""
from pathlib import Path

import pytest

from .corpus_score import score, totals
from .test_refusals_plain import speaking_the_grammar

CORPUS = Path(__file__).with_name("corpus")
#: The development-set score reached (issue 13), minus a little; a wrong is worse than a refusal.
MIN_RIGHT = 92.0
MAX_WRONG = 0.5


def test_the_dev_set_is_understood_and_never_silently_wrong():
    results = score(CORPUS)
    assert len(results) >= 1000
    figures = totals(results)
    wrongs = [r.case["id"] for r in results if r.verdict == "WRONG"]
    assert figures["WRONG"] <= MAX_WRONG, f"{figures['WRONG']:.1f}% wrong: {wrongs}"
    assert figures["RIGHT"] >= MIN_RIGHT, f"{figures['RIGHT']:.1f}% right"
    assert not speaking_the_grammar(results)


HARMONY_TIME = Path(__file__).with_name("corpus_s13")


def test_the_harmony_and_time_dev_set_keeps_its_score():
    """Issues 13–15: the score reached with the constituent reading (harmony_constituents) minus a
    little; its wrongs are the scorer's '>' with no value before it to compare and the writers' own
    readings of feel words (half time, random, humanize) — a ratchet, not a goal."""
    results = score(HARMONY_TIME)
    assert len(results) >= 350
    figures = totals(results)
    wrongs = [r.case["id"] for r in results if r.verdict == "WRONG"]
    assert figures["WRONG"] <= 2.0, f"{figures['WRONG']:.1f}% wrong: {wrongs}"
    assert figures["RIGHT"] >= 89.0, f"{figures['RIGHT']:.1f}% right"
    assert not speaking_the_grammar(results)


#: Later rounds' development sets (sessions 14–33 and 49's two English rounds; raised in sessions 23–25 and 29–31): the
#: score reached, minus a little — a ratchet.
#: (s18's wrongs 1.8: since session 24 a chromatic walk steps in quarter notes, as a blind trial's jazz pianist heard it;
#: two gospel cases wrote the walk a note a sixteenth.)
LATER_ROUNDS = {"corpus_s14": (85.0, 1.5), "corpus_s15": (85.0, 1.2), "corpus_s16": (84.5, 0.7),
                "corpus_s17": (85.0, 0.5), "corpus_s18": (83.0, 1.8), "corpus_s19": (77.0, 0.8),
                "corpus_s20": (73.5, 1.0), "corpus_s21": (79.0, 1.0), "corpus_s22": (81.0, 2.7),
                "corpus_s23": (74.0, 1.5), "corpus_s24": (76.0, 3.3), "corpus_s25": (72.5, 1.2),
                "corpus_s26": (68.0, 1.2), "corpus_s27": (73.5, 0.6), "corpus_s28": (77.0, 0.6),
                "corpus_s29": (75.5, 0.6), "corpus_s30": (68.0, 1.2), "corpus_s31": (64.0, 1.5),
                "corpus_s32": (63.0, 1.5), "corpus_s33": (66.0, 2.0), "corpus_s34": (70.5, 1.2),
                "corpus_s35": (89.0, 1.2), "corpus_s36": (86.0, 1.0), "corpus_s37": (57.0, 3.0),
                "corpus_s49": (94.5, 1.1), "corpus_s50": (89.5, 2.2), "corpus_s51": (84.0, 1.8)}


@pytest.mark.parametrize("folder", sorted(LATER_ROUNDS))
def test_the_later_dev_sets_keep_their_scores(folder):
    min_right, max_wrong = LATER_ROUNDS[folder]
    results = score(Path(__file__).with_name(folder))
    figures = totals(results)
    wrongs = [r.case["id"] for r in results if r.verdict == "WRONG"]
    assert figures["WRONG"] <= max_wrong, f"{figures['WRONG']:.1f}% wrong: {wrongs}"
    assert figures["RIGHT"] >= min_right, f"{figures['RIGHT']:.1f}% right"
    assert not speaking_the_grammar(results)      # every refusal one line in the musician's words
