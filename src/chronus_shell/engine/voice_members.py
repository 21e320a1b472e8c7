"""Voice membership: the modules audio-connected to each other (master excluded) are one voice,
which a gate opens and a /patch/poly makes polyphonic. Shared by the Engine and the PatchShape."""
from __future__ import annotations


def connected_components(modules, edges) -> dict[str, tuple[str, ...]]:
    """Voice membership: undirected components over audio edges, master excluded."""
    neighbours: dict[str, list[str]] = {m: [] for m in modules if m != "master"}
    for src, dst in edges:
        if src in neighbours and dst in neighbours:
            neighbours[src].append(dst)
            neighbours[dst].append(src)
    order = {m: i for i, m in enumerate(neighbours)}
    voice_of: dict[str, tuple[str, ...]] = {}
    for start in neighbours:
        if start in voice_of:
            continue
        seen, stack = {start}, [start]
        while stack:
            for nxt in neighbours[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        members = tuple(sorted(seen, key=order.__getitem__))  # in the patch's order: linear, where a scan
        for member in members:                                 # of the whole patch per voice was quadratic
            voice_of[member] = members
    return voice_of


def holds_a_note(edges, start: str, held: dict) -> bool:
    """Whether a module audio-connected to `start` (its voice, master excluded) other than `start` holds
    a note: a walk from `start` alone, where the whole patch's voices (connected_components) were worked
    out again for each edge of a session's load (a quadratic load: 0.2 s in one block at 64 voices)."""
    neighbours: dict[str, list[str]] = {}
    for src, dst in edges:
        if "master" not in (src, dst):
            neighbours.setdefault(src, []).append(dst)
            neighbours.setdefault(dst, []).append(src)
    seen, stack = {start}, [start]
    while stack:
        for nxt in neighbours.get(stack.pop(), ()):
            if nxt not in seen:
                if held.get(nxt, False):
                    return True
                seen.add(nxt)
                stack.append(nxt)
    return False
