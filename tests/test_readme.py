"""README.md says what the code does: every line of its two-minute tour is taken, in order, as a
new user would type it (a tour line that asks a question back is a broken first impression), and
the files it names exist."""
import re
from pathlib import Path

from chronus_shell.language import Translator

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_line_of_the_tour_is_taken_in_order():
    tour = re.search(r"## A two-minute tour\s+```text\n(.*?)```", README, re.S).group(1)
    lines = [line.removeprefix("chronus> ") for line in tour.splitlines() if line.startswith("chronus> ")]
    assert len(lines) > 10
    translator = Translator()
    for line in lines:
        assert translator.translate(line), line


def test_the_files_it_names_exist():
    named = set(re.findall(r"\b((?:benchmarks|docs|scripts|examples)/[\w./-]*\w)(?![\w*/.-])", README))
    named.discard("benchmarks/results")             # what the benchmarks write
    assert len(named) > 10
    assert sorted(path for path in named if not (ROOT / path).exists()) == []
