"""docs/architecture.md says what the code does: the names it gives exist, the figures it quotes are
the code's constants, and nothing in the repository points outside it (a clone has only this)."""
import ast
import builtins
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from chronus_shell.engine import edge_fades, limits, poly_kernels
from chronus_shell.engine.user_modules import hang_guard
from chronus_shell.session import recorder
from chronus_shell.supervisor import admission, failover, output_process, restore, slot, supervisor

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "chronus_shell"
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
TEXT = " ".join(DOC.split())          # one line: a figure's sentence may wrap

# (the doc's sentence, with (N) where the figure stands, and the code's value in the doc's unit)
FIGURES = [
    ("hangs (no progress for (N) s while behind", failover.STALL_S),
    ("is interrupted after (N) s and bypassed", hang_guard.HANG_LIMIT_S),
    ("fades in or out over `EDGE_FADE_MS` ((N) ms", edge_fades.EDGE_FADE_MS),
    ("fades out over `FADE_MS` ((N) ms", poly_kernels.FADE_MS),
    ("every `CHECKPOINT_S` ((N) s)", restore.CHECKPOINT_S),
    ("in the output process's main loop, every (N) ms", output_process.WATCHDOG_POLL_S * 1000),
    ("without finishing a block (else after (N) s)", output_process.Watchdog.STARVED_S),
    ("a slot more than (N) s behind `READ_BLOCK`", slot.RESYNC_BEHIND_S),
    ("delays the next start ((N) s doubling", restore.SPARE_BACKOFF_S[0]),
    ("s doubling to (N) s)", restore.SPARE_BACKOFF_S[1]),
    ("Two slots render, (N) spares wait", supervisor.SPARES),
    ("when a patch first reaches (N) modules", admission.MEASURE_FROM),
    ("would exceed (N)% of a block", admission.BUDGET_FRACTION * 100),
    ("a user module counts as (N) the dearest built-in", admission.USER_MODULE_FACTOR),
    ("header updated every (N) s", recorder.HEADER_INTERVAL_S),
    ("`MAX_MODULES` (N),", limits.MAX_MODULES),
    ("`MAX_EDGES` (N),", limits.MAX_EDGES),
    ("`MAX_TRACKS` (N),", limits.MAX_TRACKS),
    ("`MAX_NOTES` (N) a track", limits.MAX_NOTES),
    ("`MAX_TEXT` (N) characters", limits.MAX_TEXT),
    ("`MAX_SESSION_BYTES` (N) MB", limits.MAX_SESSION_BYTES / 2**20),
    ("`MAX_JSON_DEPTH` (N)", limits.MAX_JSON_DEPTH),
]
@pytest.mark.parametrize("sentence, value", FIGURES, ids=[s for s, _ in FIGURES])
def test_a_figure_in_the_doc_is_the_codes(sentence, value, figure_said):
    assert figure_said(DOC, sentence) == pytest.approx(value)


@lru_cache(maxsize=1)
def defined() -> tuple[dict[str, list[ast.ClassDef]], set[str]]:
    """Every class of the package by name, and every other name it (or a test the doc names) defines."""
    classes: dict[str, list[ast.ClassDef]] = {}
    names: set[str] = set()
    for path in [*PACKAGE.rglob("*.py"), *(ROOT / "tests").glob("test_*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, []).append(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
                names |= {e.id for t in node.targets if isinstance(t, ast.Tuple) for e in t.elts
                          if isinstance(e, ast.Name)}
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isupper():
                names.add(node.value)                                     # an environment variable's name
    return classes, names


def members(class_name: str) -> set[str]:
    """What a class has: its methods, class attributes, `self.x =` in its methods, and its bases' members."""
    classes, _ = defined()
    found: set[str] = set()
    for node in classes.get(class_name, []):
        for item in ast.walk(node):
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.add(item.name)
            elif isinstance(item, ast.Attribute) and isinstance(item.value, ast.Name) and item.value.id == "self":
                found.add(item.attr)
            elif isinstance(item, (ast.Assign, ast.AnnAssign)):
                targets = item.targets if isinstance(item, ast.Assign) else [item.target]
                found |= {t.id for t in targets if isinstance(t, ast.Name)}
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in classes and base.id != class_name:
                found |= members(base.id)
    return found


def quoted() -> list[str]:
    """The doc's inline code, and the lines of its code blocks."""
    blocks = re.findall(r"```\w*\n(.*?)```", DOC, re.S)
    inline = re.sub(r"```\w*\n.*?```", "", DOC, flags=re.S)
    return re.findall(r"`([^`\n]+)`", inline) + [line for block in blocks for line in block.splitlines()]


def block_methods() -> list[tuple[str, str]]:
    """(class, method) for every `def` under a `class` in the doc's code blocks."""
    found = []
    for block in re.findall(r"```python\n(.*?)```", DOC, re.S):
        owner = None
        for line in block.splitlines():
            if start := re.match(r"class (\w+)", line):
                owner = start.group(1)
            for name in re.findall(r"\bdef (\w+)", line) if owner else ():
                found.append((owner, name))
    return found


def test_the_classes_and_methods_the_doc_names_exist():
    classes, _ = defined()
    missing = []
    for text in quoted():
        for owner, member in re.findall(r"(?<![\w.])([A-Z][A-Za-z]+)\.([a-z_][a-z0-9_]*)\b", text):
            if owner in classes and member not in members(owner):
                missing.append(f"{owner}.{member}")
    missing += [f"{owner}.{name}" for owner, name in block_methods() if name not in members(owner)]
    assert not missing, "docs/architecture.md names what the code does not have: " + ", ".join(missing)


def test_the_functions_and_constants_the_doc_names_exist():
    classes, names = defined()
    missing = []
    for text in quoted():
        call = re.fullmatch(r"([a-z_][a-z0-9_]*)\(.*\)", text)            # `render_script(events, …)`
        constant = re.fullmatch(r"[A-Z][A-Z0-9_]{2,}", text)              # `STALL_BLOCKS`
        name = call.group(1) if call else constant.group(0) if constant else None
        if name and name not in names and name not in classes and not hasattr(builtins, name):
            missing.append(text)
    assert not missing, "docs/architecture.md names what the code does not have: " + ", ".join(missing)


def test_the_files_the_doc_names_exist():
    files = {p.name for p in PACKAGE.rglob("*.py")} | {p.name for p in ROOT.glob("*/**/*") if p.is_file()}
    missing = []
    for text in quoted():
        for path in re.findall(r"(?<![\w/.~*])([\w/]+\.(?:py|md|json|lark))\b", text):
            here = [PACKAGE / path, ROOT / path] if "/" in path else []
            if not any(p.exists() for p in here) and ("/" in path or path not in files):
                missing.append(path)
    assert not missing, "docs/architecture.md names files that do not exist: " + ", ".join(sorted(set(missing)))


def test_nothing_in_the_repository_points_outside_it():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    pointing = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".py", ".md", ".toml", ".txt", ".sh", ".lark", ".cfg", ".yml", ".yaml"} and path.is_file():
            if "../shared" in path.read_text(encoding="utf-8", errors="replace") and path != Path(__file__):
                pointing.append(name)
    assert not pointing, "these files send readers outside the repository (../shared): " + ", ".join(pointing)


def test_the_units_and_roles_are_the_specs():
    from typing import get_args

    from chronus_shell.engine.catalogue import specs
    from chronus_shell.engine.params import Role
    units = re.search(r"Units: ((?:`[^`]+`,? ?)+)\.", TEXT).group(1)
    roles = re.search(r"roles: ((?:`[^`]+`,? ?)+)\.", TEXT).group(1)
    assert set(re.findall(r"`([^`]+)`", units)) == {p.unit for s in specs() for p in s.params}
    assert set(re.findall(r"`([^`]+)`", roles)) == set(get_args(Role))


def test_the_engine_heads_and_render_script_are_the_timelines():
    import inspect

    from chronus_shell.engine import engine_addresses, timeline
    heads = re.search(r"`HEADS` of `engine/engine_addresses.py`: ((?:`/[a-z]+`,? ?)+)\)", TEXT).group(1)
    assert set(re.findall(r"`/([a-z]+)`", heads)) == engine_addresses.HEADS
    said = re.search(r"`render_script\(([^)]*)\)", TEXT).group(1)
    assert [arg.split("=")[0].strip() for arg in said.split(",")] == list(
        inspect.signature(timeline.render_script).parameters)


def test_where_to_add_things_names_each_thing_in_its_file():
    section = re.search(r"## Where to add things\n(.*?)\n## ", DOC, re.S).group(1)
    pairs = re.findall(r"`(\w+)(?:\(\))?` (?:of|in) `([\w/]+\.py)`", " ".join(section.split()))
    assert len(pairs) >= 4
    wrong = []
    for name, path in pairs:
        tree = ast.parse((PACKAGE / path).read_text(encoding="utf-8"))
        names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        names |= {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
        names |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
        if name not in names:
            wrong.append(f"{name} is not in {path}")
    assert not wrong, "; ".join(wrong)
