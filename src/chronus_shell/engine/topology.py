"""Walks over the patch's audio edges: which modules make one voice (a gate opens it, a /patch/poly
makes it polyphonic; shared by the Engine and the PatchShape), which sources' pan a module carries."""
from __future__ import annotations

from .stereo import has_pan


def connected_components(modules, edges) -> dict[str, tuple[str, ...]]:
    """Voice membership: undirected components over audio edges, master excluded."""
    neighbours: dict[str, list[str]] = {m: [] for m in modules if m != "master"}
    for src, dst in edges:
        if src in neighbours and dst in neighbours:
            neighbours[src].append(dst)
            neighbours[dst].append(src)
    voice_of: dict[str, tuple[str, ...]] = {}
    for start in neighbours:
        if start in voice_of:
            continue
        seen, stack = [start], [start]
        while stack:
            for nxt in neighbours[stack.pop()]:
                if nxt not in seen:
                    seen.append(nxt)
                    stack.append(nxt)
        members = tuple(m for m in modules if m in seen)
        for member in members:
            voice_of[member] = members
    return voice_of


def carried_sources(modules: dict, edges: list) -> dict[str, tuple[str, ...]]:
    """For every module, the modules with a pan param whose sound its mono output carries: itself
    if it has one, else those of its mono inputs (a stereo module's output is not panned again)."""
    inputs: dict[str, list[str]] = {m: [] for m in modules}
    for src, dst in edges:
        if src in inputs and dst in inputs:
            inputs[dst].append(src)
    carried: dict[str, tuple[str, ...]] = {}

    def walk(module_id: str, seen: frozenset) -> tuple[str, ...]:
        if module_id in carried:
            return carried[module_id]
        module = modules[module_id]
        if has_pan(module):
            found: tuple[str, ...] = (module_id,)
        elif module.CHANNELS == 2 or module_id in seen:
            found = ()
        else:
            found = tuple(dict.fromkeys(s for src in inputs[module_id] for s in walk(src, seen | {module_id})))
        carried[module_id] = found
        return found

    for module_id in modules:
        walk(module_id, frozenset())
    return carried
