"""PatchShape: the ids, types and edges the patch will have once queued messages are applied.

Messages are validated when they are scheduled, before they reach the audio path; a message may
refer to a module created by an earlier message still in the queue, so validation runs against
this shape rather than against the live modules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..protocol.message import Message
from .catalogue import CATALOGUE, module_spec
from .modules.oscillators import Oscillator
from .params import ParamError, did_you_mean
from .note_steps import MAX_CHORD as MAX_NOTES
from .voice_members import connected_components

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,31}$")
TAKES_AUDIO = ("processor", "master")


@dataclass
class PatchShape:
    types: dict[str, str] = field(default_factory=dict)
    edges: set[tuple[str, str]] = field(default_factory=set)
    mod_edges: set[tuple[str, str]] = field(default_factory=set)
    tracks: set[str] = field(default_factory=set)   # sequencer tracks added (notes need one)
    poly: dict[str, int] = field(default_factory=dict)   # module id → notes its voice plays (n > 1)
    targets: dict[str, str] = field(default_factory=dict)   # track → the module it plays (chords grow it)

    @classmethod
    def of(cls, engine) -> "PatchShape":
        return cls(
            {k: m.spec.type for k, m in engine.modules.items()},
            set(engine.edges),
            {(src, f"{dst}.{param}") for src, dst, param in engine.mod_edges},
            {name for name, track in engine.sequencer.tracks.items() if track.target},
            dict(engine.poly.counts),
            {name: track.target for name, track in engine.sequencer.tracks.items() if track.target},
        )

    def copy(self) -> "PatchShape":
        return PatchShape(dict(self.types), set(self.edges), set(self.mod_edges), set(self.tracks), dict(self.poly),
                          dict(self.targets))

    def drop_vanished_modulation(self, type_name: str, spec) -> list[tuple[str, str]]:
        """A new version of `type_name` (its `spec`) may have lost a modulated param: drop those
        modulation edges (src, "dst.param") and return them."""
        gone = [(src, dst) for src, dst in self.mod_edges
                if self.types.get(dst.split(".")[0]) == type_name and not spec.has_param(dst.split(".", 1)[1])]
        self.mod_edges.difference_update(gone)
        return sorted(gone)

    def require(self, module_id: str) -> str:
        """The type of an existing module, or a ParamError naming the ids there are."""
        if module_id in self.types:
            return self.types[module_id]
        hint = did_you_mean(module_id, self.types)
        extra = f" — did you mean {hint[0]}?" if hint else ""
        raise ParamError(f"no module {module_id!r}{extra} (ids: {', '.join(self.types)})", hint)

    def apply_patch(self, msg: Message, resolve_type) -> None:
        """Validate a /patch/* message against the shape and record its effect."""
        verb = msg.parts[1] if len(msg.parts) == 2 else ""
        args = [str(a) for a in msg.args]
        arity = {"create": 2, "remove": 1, "connect": 2, "disconnect": 2, "poly": 2}
        if verb not in arity:
            raise ParamError(f"the engine has no address {msg.address!r}")
        if len(args) != arity[verb]:
            raise ParamError(f"{msg.address} takes {arity[verb]} argument(s), got {len(args)}")
        getattr(self, f"_{verb}")(*args, **({"resolve_type": resolve_type} if verb == "create" else {}))

    def _poly(self, module_id: str, notes: str) -> None:
        """/patch/poly id n: the voice containing id plays up to n notes at once."""
        if self.require(module_id) == "master":
            raise ParamError("/patch/poly takes a module of a voice (the master plays no notes)")
        try:
            count = float(notes)
        except ValueError:
            count = None
        if count is None or count != int(count) or not 1 <= count <= MAX_NOTES:
            raise ParamError(f"/patch/poly {module_id} {notes[:20]}: a voice plays 1–{MAX_NOTES} notes at once")
        for member in self.voice(module_id):
            self.poly.pop(member, None)
            if count > 1:
                self.poly[member] = int(count)

    def voice(self, module_id: str) -> tuple[str, ...]:
        """The ids audio-connected to module_id (master excluded), as the engine's voices."""
        return connected_components(self.types, self.edges).get(module_id, (module_id,))

    def grow(self, module_id: str, notes: int) -> str | None:
        """A chord of `notes` sent to a mono voice: it will play as many (the engine does the same
        when the chord plays); the line that says so, once. A polyphonic voice keeps its count."""
        if module_id not in self.types or notes <= 1:
            return None
        voice = self.voice(module_id)
        notes = min(notes, MAX_NOTES)
        if any(m in self.poly for m in voice) or not any(issubclass(CATALOGUE[self.types[m]], Oscillator)
                                                         for m in voice if self.types.get(m) in CATALOGUE):
            return None                   # already polyphonic, or nothing in it has a pitch to copy
        for member in voice:
            self.poly[member] = notes
        return f"{module_id} now plays up to {notes} notes at once (a chord; /patch/poly {module_id} n to change)"

    def _create(self, module_id: str, type_name: str, resolve_type) -> None:
        if not ID_PATTERN.match(module_id):
            raise ParamError(f"bad id {module_id!r}: use a-z, 0-9 and _, starting with a letter (max 32)")
        if module_id in self.types:
            raise ParamError(f"{module_id} already exists")
        type_name = resolve_type(type_name)
        if type_name == "master":
            raise ParamError("there is only one master")
        self.types[module_id] = type_name

    def _remove(self, module_id: str) -> None:
        self.require(module_id)
        if module_id == "master":
            raise ParamError("master cannot be removed")
        del self.types[module_id]
        self.poly.pop(module_id, None)
        self.edges = {e for e in self.edges if module_id not in e}
        self.mod_edges = {e for e in self.mod_edges if e[0] != module_id and e[1].split(".")[0] != module_id}

    def _endpoints(self, src: str, dst: str) -> tuple[tuple[str, str], set]:
        self.require(src)
        if "." in dst:
            target, param = dst.split(".", 1)
            spec = module_spec(self.require(target)).param(param)
            if spec.is_enum:
                raise ParamError(f"{target}.{spec.name} is a choice ({spec.range_text()}) and cannot be modulated")
            return (src, f"{target}.{spec.name}"), self.mod_edges
        role = module_spec(self.require(dst)).role
        if role not in TAKES_AUDIO:
            raise ParamError(f"{dst} is a {role} and takes no audio input")
        if src == "master":
            raise ParamError("master is the output and feeds nothing")
        return (src, dst), self.edges

    def _connect(self, src: str, dst: str) -> None:
        edge, edges = self._endpoints(src, dst)
        target = edge[1].split(".")[0]
        if target == src or self._reaches(target, src):
            raise ParamError(f"connecting {src} to {dst} would make a cycle")
        edges.add(edge)

    def _disconnect(self, src: str, dst: str) -> None:
        edge, edges = self._endpoints(src, dst)
        if edge not in edges:
            raise ParamError(f"{src} is not connected to {dst}")
        edges.discard(edge)

    def _reaches(self, start: str, goal: str) -> bool:
        """Is `goal` downstream of `start` through audio or modulation edges?"""
        links = [(s, d) for s, d in self.edges] + [(s, d.split(".")[0]) for s, d in self.mod_edges]
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            for s, d in links:
                if s == node and d not in seen:
                    seen.add(d)
                    stack.append(d)
        return False

