"""The render plan, compiled once per graph change: voice chains fused into one VoiceBank, then
every other module in dependency order.

A chain is a run of voice modules oscillator → [acid_filter] → [filter] → [adsr] where each module feeds only
the next (no fading edge between them); a chain whose end feeds only the master adds straight into
the master's input. A chain may be modulated by modules that hear nothing themselves: the LFOs
among them render in the bank's VoiceModulation, the others first (`early`), and the chain renders
in the bank from its params per sample. Everything else (other types, a voice module modulated by
a voice, a filter fed by two oscillators) renders module by module, as before; the master last,
from the sum.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .drum_bank import DrumBank
from .modules.base import Banked
from .modules.drums import Hat, Kick, Snare
from .modules.envelopes import ADSR, LFO
from .modules.filters import AcidFilter, Filter
from .modules.oscillators import Oscillator
from .params import ParamError
from .stereo import carried_sources, is_panned
from .voice_modulation import Modulated, VoiceModulation
from .voices import VoiceBank

FUSE = True     # tests turn it off to render every module alone and compare the bytes
STAGE_ORDER = (Oscillator, AcidFilter, Filter, ADSR)
DRUMS = (Kick, Snare, Hat)   # the built-in drums: rendered together in a DrumBank


@dataclass
class Plan:
    bank: VoiceBank | None = None
    bank_ids: list[tuple[str, ...]] = field(default_factory=list)   # each voice's module ids
    shared: list[tuple[str, int]] = field(default_factory=list)     # (chain end id, row) fed elsewhere (a poly
    #                                                                   voice's notes: one entry a row, summed)
    steps: list[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]] = field(default_factory=list)
    master_inputs: tuple[str, ...] = ()     # what the master sums besides the bank's voices
    master_modulators: tuple[tuple[str, str], ...] = ()
    fused: frozenset = frozenset()          # ids rendered in the bank (a poly voice's per-note modules)
    early: list = field(default_factory=list)   # steps rendered before the bank (what modulates it, but LFOs)
    given: tuple[str, ...] = ()             # the early modulators whose blocks the bank's modulation sums
    lfo_outputs: tuple[tuple[str, int], ...] = ()   # (id, source) of the bank's LFOs heard elsewhere too
    panned: tuple[str, ...] = ()            # modules off centre (their pan is read every segment)
    carried: dict[str, tuple[str, ...]] = field(default_factory=dict)   # id → the panned sources it carries
    drums: DrumBank | None = None           # the built-in drums, rendered after the voice bank
    into_total: bool = False                # voices or drums are summed into the master's input in their banks


def _stage(module) -> int:
    for rank, kind in enumerate(STAGE_ORDER):
        if isinstance(module, kind):
            return rank
    return -1


def note_rows(chain: tuple[str, ...], modules: dict, copies: dict) -> list[tuple]:
    """The chain's modules, then (a polyphonic voice) each set of note copies: one bank row each."""
    rows = [tuple(modules[m] for m in chain)]
    counts = {len(copies.get(m, ())) for m in chain}
    if len(counts) == 1 and counts != {0}:
        rows += [tuple(copies[m][k] for m in chain) for k in range(counts.pop())]
    return rows


def build_plan(modules: dict, edges: list, mod_edges: list, fading: set, sample_rate: int,
               copies: dict | None = None) -> Plan:
    """`edges` includes those still fading out; `fading` holds every edge whose gain ramps; `copies`
    (id → its note copies, engine/poly.py) makes a chain of a polyphonic voice one row per note."""
    inputs = {m: [] for m in modules}
    consumers = {m: [] for m in modules}
    modulators = {m: [] for m in modules}
    for src, dst in edges:
        inputs[dst].append(src)
        consumers[src].append(dst)
    modulation_sources = set()
    for src, dst, param in mod_edges:
        modulators[dst].append((src, param))
        modulation_sources.add(src)

    def early(m):     # a modulator that hears nothing renders before the bank
        return not isinstance(modules[m], Banked) and not inputs[m] and not modulators[m] and m != "master"

    def fusable(m):   # a module whose own `process` was replaced (a test, a debugger) or that ramps renders alone
        module = modules[m]
        return (FUSE and isinstance(module, Banked) and "process" not in vars(module) and "driven" not in vars(module)
                and (not modulators[m] or all(early(s) for s, _ in modulators[m])))   # (a poly voice's notes: each row)

    def modulated(chain):
        return any(modulators[m] for m in chain)

    chains, to_sum, fused = [], [], set()
    for start in modules:
        if not (fusable(start) and _stage(modules[start]) == 0 and not inputs[start]):
            continue
        chain = [start]
        while True:
            last = chain[-1]
            if last in modulation_sources or len(consumers[last]) != 1:
                break
            nxt = consumers[last][0]
            if (not fusable(nxt) or inputs[nxt] != [last] or (last, nxt) in fading
                    or _stage(modules[nxt]) <= _stage(modules[chain[-1]])):
                break
            chain.append(nxt)
        end = chain[-1]
        chains.append(tuple(chain))
        to_sum.append(consumers[end] == ["master"] and end not in modulation_sources and (end, "master") not in fading
                      and not is_panned(modules[start]))  # the centred mono bus
        fused.update(chain)
    to_sum = _front_only(chains, to_sum, inputs["master"])
    order = sorted(range(len(chains)), key=lambda c: (modulated(chains[c]),
                                                      not any(isinstance(modules[m], AcidFilter) for m in chains[c])))
    chains, to_sum = [chains[c] for c in order], [to_sum[c] for c in order]   # the ladders' lanes: one range
    plan = Plan(panned=tuple(m for m in modules if is_panned(modules[m])), carried=carried_sources(modules, edges))
    if chains:
        rows, ids, sums, poly = [], [], [], []
        for chain, summed in zip(chains, to_sum):
            notes = note_rows(chain, modules, copies or {})
            rows += notes
            ids += [chain] * len(notes)
            sums += [summed] * len(notes)
            poly += [len(notes) > 1] * len(notes)
        explicit = [row for chain in chains if modulated(chain) for row in note_rows(chain, modules, copies or {})]
        modulation = None
        if explicit:
            modulation = _modulation([chain for chain in chains if modulated(chain)], len(rows) - len(explicit),
                                     modules, modulators, sample_rate, copies or {})
            plan.given = tuple(modulation.given)
            heard = {s for s, dst, _ in mod_edges if dst not in fused} | {s for s in modules if consumers[s]}
            plan.lfo_outputs = tuple((m, k) for k, m in enumerate(modulation.lfo_ids) if m in heard)
        plan.bank = VoiceBank(rows, sums, sample_rate, poly, modulation, len(explicit))
        plan.bank_ids = ids
        plan.shared = [(chain[-1], v) for v, (chain, summed) in enumerate(zip(ids, sums)) if not summed]
        plan.fused = frozenset(fused)
    summed = {chain[-1] for chain, summed in zip(chains, to_sum) if summed}   # already in the bank's sum
    lfo_ids = set(plan.bank.modulation.lfo_ids) if plan.bank is not None and plan.bank.modulation else set()
    early_ids = {s for m in fused for s, _ in modulators[m]} - lfo_ids
    banked_drums = [m for m in modules if FUSE and type(modules[m]) in DRUMS and "process" not in vars(modules[m])
                    and not inputs[m] and not modulators[m] and m not in early_ids]
    to_master = [s for s in inputs["master"] if s not in summed]
    front = 0          # the drums first among the master's inputs that feed it alone, centred: summed in the bank
    while (front < len(to_master) and to_master[front] in banked_drums and consumers[to_master[front]] == ["master"]
           and to_master[front] not in modulation_sources and (to_master[front], "master") not in fading
           and not is_panned(modules[to_master[front]])):
        front += 1
    if banked_drums:
        rest = [m for m in banked_drums if m not in to_master[:front]]
        plan.drums = DrumBank([(m, modules[m]) for m in to_master[:front] + rest], [True] * front + [False] * len(rest),
                              sample_rate)
        summed.update(to_master[:front])
    plan.into_total = bool(summed)
    placed = set(fused) | set(banked_drums) | lfo_ids
    pending = [m for m in modules if m not in placed]
    while pending:
        ready = [m for m in pending if all(s in placed for s in inputs[m]) and all(s in placed for s, _ in modulators[m])]
        if not ready:
            raise ParamError(f"the patch has a cycle through {', '.join(pending)}")
        for m in ready:
            if m == "master":
                plan.master_inputs = tuple(s for s in inputs[m] if s not in summed)
                plan.master_modulators = tuple(modulators[m])
            else:
                step = (m, tuple(inputs[m]), tuple(modulators[m]))
                (plan.early if m in early_ids else plan.steps).append(step)
        placed.update(ready)
        pending = [m for m in pending if m not in placed]
    return plan


def _front_only(chains: list[tuple[str, ...]], to_sum: list[bool], master_inputs: list[str]) -> list[bool]:
    """The chains the bank may sum into the master's input: those among the first of its inputs. The
    bank's sum comes first, so a chain after another input (a drum, an effect) is added with the rest
    in the master's order: the same additions, in the same order, as module by module."""
    ends = {chain[-1]: c for c, chain in enumerate(chains) if to_sum[c]}
    front = set()
    for src in master_inputs:
        if src not in ends:
            break
        front.add(ends[src])
    return [c in front for c in range(len(chains))]


def _in_bank(module) -> bool:
    """An LFO as built in, its params gliding (not ramped): it renders in the voice bank's modulation."""
    return FUSE and type(module) is LFO and "process" not in vars(module) and "driven" not in vars(module)


def _modulation(chains: list[tuple[str, ...]], first: int, modules: dict, modulators: dict,
                sample_rate: int, copies: dict) -> VoiceModulation:
    """What modulates the bank's modulated chains (rows first, first + 1, …; a polyphonic voice's note
    rows each moved the same): each module's modulated params, their sources summed in the order of the
    modulation edges (as Engine's `_modulation`); the LFOs among the sources render in the bank."""
    sources = list(dict.fromkeys(s for chain in chains for m in chain for s, _ in modulators[m]))
    lfo_ids = [s for s in sources if _in_bank(modules[s])]
    given = [s for s in sources if s not in lfo_ids]
    index = {s: k for k, s in enumerate(lfo_ids + given)}
    params = []
    rows = [chain for chain in chains for _ in note_rows(chain, modules, copies)]
    for row, chain in enumerate(rows, first):
        for m in chain:
            module = modules[m]
            for name in dict.fromkeys(param for _, param in modulators[m]):
                if name not in module.COLUMNS:
                    continue                    # pan: read by the engine's mix stage, never modulated
                spec = module.spec.param(name)
                params.append(Modulated(row, module.COLUMNS[name], spec.unit == "Hz", spec.low, spec.high,
                                        0.5 * spec.span, tuple(index[s] for s, p in modulators[m] if p == name)))
    return VoiceModulation({s: modules[s] for s in lfo_ids}, tuple(given), params, sample_rate)
