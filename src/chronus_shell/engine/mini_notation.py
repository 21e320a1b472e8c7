"""Pattern mini-notation → a step table, compiled once per pattern change (never per block).

The pattern of `/seq/add` is a row of 16th steps. Today's characters keep their meaning (`X` accent,
`x` hit, `.` rest, `-` tie; spaces and `|` are ignored) and Tidal's mini-notation adds, where the two
overlap with Tidal's meaning:

    ~            rest (as .)                  _            tie (as -)
    [x . x]      one step divided equally     <x X .>      one choice per pattern cycle
    x(3,8)       euclid: 3 hits over 8 steps  x(3,8,2)     … rotated left by 2 (Tidal's rotation)
    x*2          the step twice in its time   x!3          the step repeated as 3 steps (x! = x x)
    x?           plays half the time          x?0.3        plays with probability 0.3
    x@3          the step lasts 3 steps

At the top level a euclid takes as many steps as its second number (`x(3,8)` is `x..x..x.`), and so
does an alternation of euclids (`<x(3,8) x(5,8)>`: 8 steps, one rhythm a cycle); inside `[ ]` it
divides its own slot, as in Tidal. The compiled `Table` holds, for each
of the pattern's cycle variants (alternations repeat every `period` cycles), one entry per step:
None (nothing starts there) or a tuple of `Hit`s. Randomness is not decided here: a hit carries
its probability and the sequencer draws from its seeded generator when it plays.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import lcm

from .params import ParamError

MAX_STEPS = 256      # steps in one cycle of a pattern
MAX_PERIOD = 256     # cycles before a pattern's alternations repeat
MAX_HITS = 512       # hits in one cycle (x*64*64*64 would be a quarter million)
MAX_TABLE = 1024     # hits in all the cycles before it repeats: the worst compiles in ~25 ms, once
MAX_COUNT = 64       # the number after *, !, @ and the size of a euclid
MAX_DEPTH = 16       # brackets inside brackets
MAX_LENGTH = 4096    # characters of a pattern

ATOMS = {"x": "hit", "X": "accent", ".": "rest", "~": "rest", "-": "tie", "_": "tie"}
HELP = ("x hit, X accent, . or ~ rest, - tie, [x x] divide a step, x(3,8) euclid, x*2 roll, x!3 repeat, "
        "x? or x?0.3 chance, <x .> alternate")


@dataclass(frozen=True)
class Hit:
    """One note of a step: when in the step, how long its gate (in steps), accent, chance, note index."""

    offset: Fraction      # from the step's start, 0 ≤ offset < 1
    gate: Fraction        # gate length in steps: its length (ties included) less half its slot
    accent: float
    chance: float
    note: int             # the step whose note it plays (notes cycle over a pattern's steps)


@dataclass(frozen=True)
class Table:
    steps: int                                    # steps in a cycle
    variants: tuple[tuple[tuple[Hit, ...] | None, ...], ...]   # [cycle % period][step]

    @property
    def period(self) -> int:
        return len(self.variants)


class PatternError(ParamError):
    """A malformed pattern: one line naming the position."""


# -- parsing ----------------------------------------------------------------------------------------
@dataclass
class _Node:
    kind: str                  # hit accent rest tie seq alt euclid fast chance
    items: tuple = ()          # children (seq, alt) or (child,) for modifiers
    weight: Fraction = Fraction(1)
    args: tuple = ()           # euclid (k, n, r), fast (n,), chance (p,)


class _Reader:
    def __init__(self, text: str):
        self.text, self.pos, self.depth = text, 0, 0
        if len(text) > MAX_LENGTH:
            raise PatternError(f"a pattern has at most {MAX_LENGTH} characters, this one {len(text)}")

    def fail(self, what: str, pos: int | None = None):
        pos = self.pos if pos is None else pos
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        raise PatternError(f"pattern {shown!r}, position {pos + 1}: {what} ({HELP})")

    def peek(self) -> str:
        while self.pos < len(self.text) and self.text[self.pos] in " \t|":
            self.pos += 1
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def sequence(self, close: str, top: bool) -> list[_Node]:
        nodes: list[_Node] = []
        while True:
            ch = self.peek()
            if ch == close:
                return nodes
            if not ch:
                self.fail(f"'{ '[' if close == ']' else '<'}' is never closed by '{close}'")
            if ch == "!" and nodes:                       # "x ! !": the step before, once more
                self.pos += 1
                nodes.append(nodes[-1])
                continue
            nodes.extend(self.element(top))

    def element(self, top: bool) -> list[_Node]:
        start, ch = self.pos, self.text[self.pos]
        self.pos += 1
        if ch in ATOMS:
            node = _Node(ATOMS[ch])
        elif ch in "[<":
            close = "]" if ch == "[" else ">"
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self.fail(f"brackets nest at most {MAX_DEPTH} deep", start)
            items = self.sequence(close, top and ch == "<")      # <x(3,8) x(5,8)>: 8 steps, in turn
            self.pos += 1
            self.depth -= 1
            if not items:
                self.fail(f"empty '{ch}{close}'", start)
            node = _Node("seq" if ch == "[" else "alt", tuple(items))
            if ch == "<" and top:
                node.weight = max(i.weight for i in items)
        elif ch in "]>":
            self.fail(f"'{ch}' closes nothing")
        elif ch == ",":
            self.fail("',' (a stack of layers) is not supported: give each layer its own track", start)
        else:
            self.fail(f"{ch!r} is not a step", start)
        count = 1
        while self.pos < len(self.text) and self.text[self.pos] in "(*!?@/":
            mark, at = self.text[self.pos], self.pos
            self.pos += 1
            if mark == "(":
                node = self.euclid(node, top, at)
            elif mark == "*":
                node = _Node("fast", (node,), node.weight, (self.integer(at, "*"),))
            elif mark == "!":
                digit = self.pos < len(self.text) and self.text[self.pos].isdigit()
                count = self.integer(at, "!") if digit else count + 1           # x!3 ; x!! = x x x
            elif mark == "?":
                node = _Node("chance", (node,), node.weight, (self.chance(),))
            elif mark == "@":
                node.weight = Fraction(self.integer(at, "@"))
            else:
                self.fail("'/' (slow a step over cycles) is not supported: use <x .> to alternate", at)
        if count > MAX_COUNT:
            self.fail(f"!{count} repeats too often (at most {MAX_COUNT})", start)
        return [node] * count

    def integer(self, at: int, mark: str) -> int:
        digits = self._digits()
        if not digits or "." in digits:
            self.fail(f"'{mark}' needs a whole number after it, e.g. x{mark}2", at)
        value = int(digits)
        if not 1 <= value <= MAX_COUNT:
            self.fail(f"{mark}{value} is out of range 1–{MAX_COUNT}", at)
        return value

    def chance(self) -> float:
        at, digits = self.pos, self._digits()
        if not digits:
            return 0.5
        try:
            value = float(digits)
        except ValueError:
            self.fail(f"?{digits} is not a chance: use a number from 0 to 1, e.g. x?0.3", at)
        if not 0 <= value <= 1:
            self.fail(f"?{digits} is out of range 0–1 (a chance)", at)
        return value

    def _digits(self) -> str:
        start = self.pos
        while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] == "."):
            if self.text[self.pos] == "." and not self.text[self.pos + 1:self.pos + 2].isdigit():
                break                        # "x?." : a chance then a rest
            self.pos += 1
        return self.text[start:self.pos]

    def euclid(self, node: _Node, top: bool, at: int) -> _Node:
        end = self.text.find(")", self.pos)
        if end < 0:
            self.fail("'(' is never closed by ')'", at)
        parts = [p.strip() for p in self.text[self.pos:end].split(",")]
        self.pos = end + 1
        if len(parts) not in (2, 3) or not all(p.lstrip("-").isdigit() for p in parts):
            self.fail("a euclid is (hits,steps) or (hits,steps,rotation) in whole numbers, e.g. x(3,8)", at)
        hits, steps, rotation = (int(p) for p in (parts + ["0"])[:3])
        if not 1 <= steps <= MAX_STEPS or abs(hits) > steps:
            self.fail(f"({hits},{steps}) needs 1–{MAX_STEPS} steps and at most that many hits", at)
        weight = Fraction(steps) if top else node.weight
        return _Node("euclid", (node,), weight, (hits, steps, rotation))


def bjorklund(hits: int, steps: int) -> list[bool]:
    """Hits spread as evenly as possible over steps, starting with a hit (Toussaint's
    Euclidean rhythms, Bjorklund's algorithm): (3,8) → x..x..x. ; negative hits: the complement."""
    if hits < 0:
        return [not b for b in bjorklund(-hits, steps)]
    if hits == 0:
        return [False] * steps
    heads, tails = [[True] for _ in range(hits)], [[False] for _ in range(steps - hits)]
    while min(len(heads), len(tails)) > 1:              # Tidal's stopping rule: (3,4) → xxx.
        pairs = min(len(heads), len(tails))
        rest = heads[pairs:] if len(heads) > len(tails) else tails[pairs:]
        heads, tails = [heads[i] + tails[i] for i in range(pairs)], rest
    groups = heads + tails
    return [b for g in groups for b in g]


# -- compiling ----------------------------------------------------------------------------------------
def _period(node: _Node) -> int:
    if node.kind == "alt":
        return len(node.items) * lcm(*(_period(c) for c in node.items))
    if node.kind in ("seq",):
        return lcm(*(_period(c) for c in node.items))
    if node.kind in ("euclid", "chance"):
        return _period(node.items[0])
    if node.kind == "fast":            # n cycles of the child each cycle
        inner = _period(node.items[0])
        return inner // _gcd(inner, node.args[0])
    return 1


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def _events(node: _Node, cycle: int, start: Fraction, span: Fraction, out: list) -> None:
    """Append [start, length, slot, kind, accent, chance] for each hit and tie of `node`."""
    kind = node.kind
    if kind in ("hit", "accent"):            # its slot: the span of one unit (x@3 lasts 3 slots)
        out.append([start, span, span / node.weight, "hit", 1.0 if kind == "accent" else 0.0, 1.0])
    elif kind == "tie":
        out.append([start, span, span / node.weight, "tie", 0.0, 1.0])
    elif kind == "seq":
        total = sum(c.weight for c in node.items)
        at = start
        for child in node.items:
            width = span * child.weight / total
            _events(child, cycle, at, width, out)
            at += width
    elif kind == "alt":
        _events(node.items[cycle % len(node.items)], cycle // len(node.items), start, span, out)
    elif kind == "fast":
        n = node.args[0]
        for j in range(n):
            _events(node.items[0], cycle * n + j, start + span * j / n, span / n, out)
    elif kind == "euclid":
        hits, steps, rotation = node.args
        pulses = bjorklund(hits, steps)
        for i in range(steps):
            if pulses[(i + rotation) % steps]:
                _events(node.items[0], cycle, start + span * i / steps, span / steps, out)
    elif kind == "chance":
        inner: list = []
        _events(node.items[0], cycle, start, span, inner)
        for event in inner:
            event[5] *= node.args[0]
        out.extend(inner)
    if len(out) > MAX_HITS:
        raise PatternError(f"a pattern plays at most {MAX_HITS} notes a cycle")


def _cycle(root: _Node, cycle: int) -> tuple[list[list], Fraction]:
    """Hits of one cycle, time-ordered, ties folded into the hit before them; and how long the
    ties at the cycle's start hold (they hold the previous cycle's last note)."""
    raw: list = []
    _events(root, cycle, Fraction(0), root.weight, raw)
    raw.sort(key=lambda e: e[0])
    hits, last, leading = [], None, Fraction(0)
    for event in raw:
        if event[3] == "hit":
            last = event
            hits.append(event)
        elif last is not None and last[0] + last[1] == event[0]:
            last[1] += event[1]                  # a tie right after a hit holds it
        else:
            last = None                          # a tie after a rest is a rest
            leading += event[1] if event[0] == leading else 0
    return hits, leading


@lru_cache(maxsize=512)
def compile_pattern(text: str, reverse: bool = False) -> Table:
    """The step table of a pattern (PatternError naming the position if it is malformed)."""
    text = str(text)
    reader = _Reader(text)
    items = reader.sequence("", True)
    if not items:
        raise PatternError(f"an empty pattern: write one step or more ({HELP})")
    root = _Node("seq", tuple(items), sum(i.weight for i in items))
    steps = root.weight
    if steps.denominator != 1 or not 1 <= steps <= MAX_STEPS:
        raise PatternError(f"a pattern has 1–{MAX_STEPS} steps, this one {float(steps):g}")
    steps = int(steps)
    period = _period(root)
    if period > MAX_PERIOD:
        raise PatternError(f"the alternations of this pattern repeat every {period} cycles (at most {MAX_PERIOD})")
    cycles = [_cycle(root, c) for c in range(period)]
    variants, total = [], 0
    for cycle, (hits, _) in enumerate(cycles):
        total += len(hits)
        if total > MAX_TABLE:
            raise PatternError(f"a pattern plays at most {MAX_TABLE} notes before it repeats (its alternations "
                               f"repeat every {period} cycles)")
        if hits and hits[-1][0] + hits[-1][1] == steps:       # ties at the next cycle's start hold on
            hits[-1][1] += cycles[(cycle + 1) % period][1]
        table: list = [None] * steps
        for start, length, slot, _, accent, chance in hits:
            if reverse:
                start = (steps - start - length) % steps
            step = int(start)                                  # floor
            hit = Hit(start - step, length - slot / 2, accent, chance, step)
            table[step] = (table[step] or ()) + (hit,)
        variants.append(tuple(table))
    return Table(steps, tuple(variants))


def check_pattern(text: str) -> str:
    """The pattern as given, once it compiles (ParamError with the position otherwise)."""
    compile_pattern(str(text))
    return str(text)


__all__ = ["Hit", "Table", "PatternError", "compile_pattern", "check_pattern", "bjorklund", "MAX_STEPS"]
