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
