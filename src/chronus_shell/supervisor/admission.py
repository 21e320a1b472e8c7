"""Admission: a patch change the engine cannot render in time is refused before it reaches a slot.

A flood of `/patch/create` (a runaway controller, a script in a loop) must not build a patch whose
block takes longer to render than it lasts: that is silence for everyone, and it stays silent
while the slots work through what they fell behind on. Two guards, checked in the shell for every
`/patch/create` before the plan admits it:
- the patch size: at most MAX_MODULES modules (engine/limits.py);
- the CPU budget: the patch's cost per block, summed from a cost per module type **measured on
  this machine** (each built-in type rendered as BANK modules, minus an empty engine: the dearer of
  connected to the master with their gates open — a voice bank — and standing alone, unconnected,
  each rendered by itself at about twice a banked one's cost), must stay under BUDGET_FRACTION of a
  block. The time is the measuring thread's CPU time: in wall time the shell's other threads (an OSC
  flood being stamped) and a busy machine made a saw cost anything from 1.2 to 13 µs, so a flood was
  stopped at 200 saws or let through to MAX_MODULES depending on the moment. User modules never run in the shell:
  they count as the dearest built-in type times USER_MODULE_FACTOR (the sandbox pool already
  refuses one that is too slow on its own).
Measuring takes about a second (a few on a busy machine), once, in the background from the time a patch reaches half
of MEASURE_FROM modules; the check needs it from MEASURE_FROM on (no smaller patch can overload a block). The refusal is one line with the figures. As soon as modules
are removed there is room again: nothing is remembered but the patch itself.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterable

from ..engine.catalogue import CATALOGUE, module_spec
from ..engine.engine import Engine, EngineError
from ..engine.limits import MAX_MODULES
from ..engine.params import ParamError
from ..protocol.message import Message

__all__ = ["Admission", "measure_costs", "scheduled_types", "BUDGET_FRACTION"]

BUDGET_FRACTION = 0.5          # of a block's duration: the rest is headroom for a busy machine
MEASURE_FROM = 24              # modules: below this no patch of built-in modules can fill a block
USER_MODULE_FACTOR = 2.0
BANK = 16                      # modules per type in the measurement (banked types share a call)
MEASURE_BLOCKS = 24
BUILT_IN = "chronus_shell.engine.modules"
_starting = threading.Lock()


def measure_costs(sample_rate: int, block_size: int) -> dict[str, float]:
    """Seconds per block that one more module of each built-in type costs, measured here."""
    empty = _seconds_per_block(sample_rate, block_size, None, connected=False)
    costs = {}
    for name, cls in CATALOGUE.items():
        if name != "master" and cls.__module__.startswith(BUILT_IN):
            busy = max(_seconds_per_block(sample_rate, block_size, name, connected)
                       for connected in (True, False))
            costs[name] = max(busy - empty, 0.0) / BANK
    return costs


def _seconds_per_block(sample_rate: int, block_size: int, type_name: str | None, connected: bool) -> float:
    engine = Engine(sample_rate, block_size)
    if type_name is not None:
        takes_audio = connected and module_spec(type_name).role != "modulator"
        for index in range(BANK):
            module_id = f"m{index}"
            engine.schedule(Message("/patch/create", (module_id, type_name)))
            if takes_audio:
                engine.schedule(Message("/patch/connect", (module_id, "master")))
            if connected:
                engine.schedule(Message(f"/gate/{module_id}", (1,)))
    engine.render(block_size)                   # build the plan, compile, settle
    best = float("inf")
    for _ in range(3):                          # the quietest of three runs: other work only adds
        started = time.thread_time_ns()         # this thread's CPU: not the GIL's or a CPU's waits
        for _ in range(MEASURE_BLOCKS):
            engine.render(block_size)
        best = min(best, (time.thread_time_ns() - started) / 1e9 / MEASURE_BLOCKS)
    return best


class Admission:
    """`check(msg, types)` raises EngineError for a `/patch/create` the engine cannot take;
    `types` are the module types of the patch as scheduled (the plan's shape)."""

    def __init__(self, sample_rate: int, block_size: int, costs: dict[str, float] | None = None):
        self.sample_rate = sample_rate
        self.block_size = block_size
        self.budget_s = BUDGET_FRACTION * block_size / sample_rate
        self._costs = costs
        self._measuring: threading.Thread | None = None

    @property
    def costs(self) -> dict[str, float]:
        if self._costs is None:
            self._measure()
        if self._measuring is not None:
            self._measuring.join()
        return self._costs

    def prepare(self, msg: Message, count: int) -> None:
        """Call it without holding locks: from half of MEASURE_FROM modules the costs are measured
        in the background, so they are ready (and nobody waits) when the check needs them."""
        if msg.address == "/patch/create" and count + 1 >= MEASURE_FROM // 2 and self._costs is None:
            self._measure(background=True)
        if count + 1 >= MEASURE_FROM:
            self.costs                              # noqa: B018 — wait here, outside the locks

    def would_wait(self, count: int) -> bool:
        """prepare() for a patch of `count` modules would wait for the costs to be measured."""
        return count >= MEASURE_FROM and self._costs is None

    def _measure(self, background: bool = False) -> None:
        with _starting:
            if self._costs is not None or self._measuring is not None:
                return

            def measure() -> None:
                self._costs = measure_costs(self.sample_rate, self.block_size)

            self._measuring = threading.Thread(target=measure, name="chronus-admission", daemon=True)
            self._measuring.start()
        if not background:
            self._measuring.join()

    def cost(self, type_name: str) -> float:
        dearest = max(self.costs.values(), default=0.0)
        return self.costs.get(type_name, dearest * USER_MODULE_FACTOR)

    def patch_cost(self, types: Iterable[str]) -> float:
        return sum(self.cost(name) * count for name, count in Counter(types).items() if name != "master")

    def check(self, msg: Message, types: dict[str, str]) -> None:
        if msg.address != "/patch/create" or len(msg.args) != 2 or str(msg.args[0]) in types:
            return                              # anything else is the plan's to refuse
        count = len(types)
        if count >= MAX_MODULES:
            raise EngineError(f"the patch has {count} modules, the most it can have: remove some first")
        if count + 1 < MEASURE_FROM:
            return
        try:
            type_name = module_spec(str(msg.args[1])).type
        except ParamError:
            return
        total = self.patch_cost(types.values()) + self.cost(type_name)
        if total > self.budget_s:
            block_ms = 1e3 * self.block_size / self.sample_rate
            raise EngineError(
                f"refused: with another {type_name} the engine could not render in time "
                f"(≈ {1e3 * total:.2f} ms of each {block_ms:.2f} ms block, {count} modules; the limit is "
                f"{100 * BUDGET_FRACTION:.0f}%) — remove some modules first")


def scheduled_types(plan) -> dict[str, str]:
    """id → type of the patch a Timeline will have once what it admitted is applied (the pending
    patch inside a transaction: that is the one that will render)."""
    shape = plan._pending_shape if plan.in_transaction else plan._live_shape
    return shape.types
