"""Table-driven: every phrase in phrases.txt, in its block's context, gives exactly its messages."""
import pytest

from chronus_shell.language import Translator

from .phrase_table import actual_lines, load_table

BLOCKS = load_table()


def test_the_table_is_broad():
    phrases = {case.line for block in BLOCKS for case in block.cases}
    assert len(phrases) >= 900


@pytest.mark.parametrize("block", BLOCKS, ids=[b.title for b in BLOCKS])
def test_block(block):
    translator = Translator()
    for case in block.cases:
        assert actual_lines(translator, case.line) == case.expected, f"input: {case.line!r}"
