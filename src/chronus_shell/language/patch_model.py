"""The language's model of the patch: modules, param values, edges, tracks, tempo and focus.

It observes every message the translator emits or passes through (English and raw lines alike)
and returns, for each, the messages that undo it. Values start at the ParamSpec defaults.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..engine.catalogue import CATALOGUE
from ..engine.params import ModuleSpec, ParamError
from ..protocol.message import Message
from .gear_model import GearModel
from .harmony_model import HarmonyModel
from .sequencer_model import SequencerModel, Track
from .undo_steps import at_cancel

MASTER = "master"


class EdgeList(list):
    """The audio edges (src, dst), with an index of them by either end that any change drops:
    `inputs`/`outputs` cost what they return, not the size of the patch."""

    _index: tuple[dict, dict] | None = None

    def ends(self) -> tuple[dict, dict]:
        """({dst: [src, ...]}, {src: [dst, ...]}), in edge order."""
        if self._index is None:
            ins: dict[str, list[str]] = {}
            outs: dict[str, list[str]] = {}
            for src, dst in self:
                ins.setdefault(dst, []).append(src)
                outs.setdefault(src, []).append(dst)
            self._index = (ins, outs)
        return self._index

    def append(self, edge) -> None:              # connecting keeps the index up to date
        super().append(edge)
        if self._index is not None:
            self._index[0].setdefault(edge[1], []).append(edge[0])
            self._index[1].setdefault(edge[0], []).append(edge[1])

    def remove(self, edge) -> None:
        super().remove(edge)
        if self._index is not None:
            self._index[0][edge[1]].remove(edge[0])
            self._index[1][edge[0]].remove(edge[1])


def _dropping_index(name: str):
    change = getattr(list, name)

    def changed(self, *args):
        self._index = None
        return change(self, *args)
    return changed


for _name in ("extend", "insert", "pop", "clear", "sort", "reverse", "__setitem__",
              "__delitem__", "__iadd__", "__imul__"):
    setattr(EdgeList, _name, _dropping_index(_name))


@dataclass
class PatchModel(GearModel, HarmonyModel, SequencerModel):
    modules: dict[str, str] = field(default_factory=lambda: {MASTER: MASTER})   # id → type
    values: dict[str, dict[str, float | str]] = field(default_factory=dict)    # only set values
    edges: list[tuple[str, str]] = field(default_factory=list)                 # audio edges
    mod_edges: list[tuple[str, str]] = field(default_factory=list)             # (src, "id.param")
    tracks: dict[str, Track] = field(default_factory=dict)
    bpm: float = 120.0
    swing: float = 0.0
    running: bool = False
    focus: str | None = None
    premute: dict[tuple[str, str], float] = field(default_factory=dict)  # level before a mute
    soloed: tuple[str, ...] = ()  # soloed together since the last unsolo ("solo the kick and the bass")
    last_param: tuple[str, str] | None = None   # (module id or "seq", param) last set: "double it", "more"
    last_track: str | None = None               # the track last changed: "bring it back"
    seed: int = 0                               # /seq/seed: every chance and humanize draws from it
    muted_before_solo: tuple[str, ...] = ()     # tracks muted before the first solo: 'unsolo' leaves them muted
    tempo_before: float | None = None           # the tempo before the last change of it: 'a tempo'
    labels: dict[str, str] = field(default_factory=dict)   # a name given in a label ('UI blip: sine …') → the id
    focus_raw: str | None = None                # the focus a raw message set (not a line in words): still it?
    stopped_drones: tuple[str, ...] = ()        # drones 'stop' silenced: 'start' brings them back
    swing_unit: int = 16                        # the note value swing swings: 16ths, or 8ths (a shuffle)
    track_drones: tuple[str, ...] = ()          # drones silenced with their track: its unmute brings them back
    just_added: str | None = None               # the sound the last line added: 'it's too loud' is that one
    just_written: str | None = None             # the sound whose part the last line wrote: a hairpin is its
    just_named: str | None = None               # the one sound the last line named and changed: 'too quiet' is it
    just_noted: str | None = None               # the track the last line gave notes: a band's 'take it up' is it
    moved_together: tuple[tuple[str, str], ...] = ()   # the (module, param)s the last line moved on several parts
    for_a_while: tuple[str, ...] = ()           # tracks muted for a time ('drop all but the kick for 4 bars'): they come
                                                # back by themselves, or at once with 'bring everything back' / 'unsolo'
    arpeggios: dict[str, tuple] = field(default_factory=dict)   # track → how it arpeggiates which chords
    ramp_from: dict[str, float] = field(default_factory=dict)   # 'id.param' → where the last ramp of it started
    line_moves: int = 0                         # the settings the last line moved ('same for' after two: both)
    step_from: float | None = None              # where the last line moved last_param from: 'way too much' goes back there
    bar_said: int | None = None                 # the bar a groove line says ('a reel now, 4/4: …'), beats in it are in
    going_to: dict[str, float] = field(default_factory=dict)   # 'id.param' → where a running ramp goes (the shell's
    # RampWatch puts the playing value in `values` for a line): 'fade it in' again goes there, not to the value mid-fade
    going_for: dict[str, tuple[float, str]] = field(default_factory=dict)   # ... and its beats left and curve: a
                                                # step of it trims the ramp (ramp_trims.py)
    sessions_saved: tuple[str, ...] = ()        # the names saved from here: 'load the friday night one' is friday_night
    cued: tuple = ()                            # the commands /at put on a bar line lately (a later line's change of
                                                # the same setting takes them back first: sequence_messages.cues_taken_back)

    def __setattr__(self, name, value) -> None:
        if name == "edges" and not isinstance(value, EdgeList):
            value = EdgeList(value)
        if name == "modules":
            object.__setattr__(self, "_free_from", {})   # type → every lower `<type><n>` is taken
        object.__setattr__(self, name, value)

    def snapshot(self) -> "PatchModel":
        """A copy to restore when a line fails halfway (each module's values dict is replaced, never
        changed in place, so sharing them is safe and a line costs no copy of every module's values).
        Built field by field without __init__ (every line takes one: the defaults and __setattr__
        of each field were most of its cost); the containers a line changes in place are copied."""
        copy = object.__new__(PatchModel)
        held = {name: self.__dict__[name] for name in _FIELDS}
        held.update(modules=dict(self.modules), values=dict(self.values), edges=EdgeList(self.edges),
                  mod_edges=list(self.mod_edges), premute=dict(self.premute), _free_from={},
                  tracks={k: Track(t.target, t.pattern, t.notes, t.muted, t.style) for k, t in self.tracks.items()})
        copy.__dict__.update(held)
        copy.set_harmony_state(self.harmony_state())
        return copy

    def restore(self, snapshot: "PatchModel") -> None:
        for name in ("modules", "values", "edges", "mod_edges", "tracks", "bpm", "swing", "running",
                     "focus", "premute", "soloed", "muted_before_solo", "last_param", "last_track", "seed", "tempo_before",
                     "labels", "focus_raw", "stopped_drones", "swing_unit", "track_drones", "just_added", "just_written",
                     "just_named", "just_noted", "moved_together", "step_from", "arpeggios", "line_moves", "ramp_from",
                     "for_a_while", "sessions_saved", "cued"):
            setattr(self, name, getattr(snapshot, name))
        self.set_harmony_state(snapshot.harmony_state())

    def revert_patch(self, before: "PatchModel") -> None:
        """`/patch/abort`: modules and edges as they were at `/patch/begin`. Param values of the
        modules that stay are kept (inside a transaction they also reached the live graph), as
        are the sequencer and the tempo (shared by both graphs)."""
        self.values = {m: self.values.get(m, before.values.get(m, {})) for m in before.modules}
        self.modules, self.edges, self.mod_edges = before.modules, before.edges, before.mod_edges
        if self.focus not in self.modules:
            self.focus = before.focus

    def forget_vanished_params(self, type_name: str) -> None:
        """A new version of a user module type (hot reload): values and modulation of params it no
        longer has go, as they did in the engine."""
        for module_id in [m for m, t in self.modules.items() if t == type_name]:
            spec = self.spec(module_id)
            self.values[module_id] = {k: v for k, v in self.values.get(module_id, {}).items() if spec.has_param(k)}
            self.mod_edges = [(src, dst) for src, dst in self.mod_edges
                              if dst.split(".")[0] != module_id or spec.has_param(dst.split(".", 1)[1])]

    def unmuted_value(self, module_id: str, param) -> float:
        """The level a module had before it was muted (else its default)."""
        return self.premute.get((module_id, param.name), param.default)

    # -- queries -----------------------------------------------------------------------------
    def names(self) -> tuple[str, ...]:
        """Every name the patch gives a part: module ids, track names ('tumbi'), labels ('UI blip')."""
        return (*self.modules, *self.tracks, *self.labels)

    def spec(self, module_id: str) -> ModuleSpec | None:
        cls = CATALOGUE.get(self.modules.get(module_id, ""))
        return cls.spec if cls else None

    def spec_of_type(self, type_name: str) -> tuple:
        """The params of a module type (none for a type not catalogued)."""
        cls = CATALOGUE.get(type_name)
        return cls.spec.params if cls else ()

    def value(self, module_id: str, param: str) -> float | str:
        """Current value: the last one set, else the ParamSpec default."""
        if param in self.values.get(module_id, {}):
            return self.values[module_id][param]
        return self.spec(module_id).param(param).default

    def of_type(self, type_name: str) -> list[str]:
        return [i for i, t in self.modules.items() if t == type_name]

    def next_id(self, type_name: str) -> str:
        """PROTOCOL §1: `<type><n>` with the lowest free n starting at 1 (searched from where the
        last search ended: a removal lowers that, a new `modules` dict forgets it)."""
        n = self._free_from.get(type_name, 1)
        while f"{type_name}{n}" in self.modules:
            n += 1
        self._free_from[type_name] = n
        return f"{type_name}{n}"

    def inputs(self, module_id: str) -> list[str]:
        return list(self.edges.ends()[0].get(module_id, ()))

    def outputs(self, module_id: str) -> list[str]:
        return list(self.edges.ends()[1].get(module_id, ()))

    def voice_of(self, module_id: str | None) -> list[str]:
        """The chain (source first, master excluded) through which the module reaches master."""
        if module_id is None or module_id == MASTER or module_id not in self.modules:
            return []
        head, seen = module_id, {module_id}
        while (ins := self.inputs(head)) and ins[0] not in seen:
            head = ins[0]
            seen.add(head)
        chain = [head]
        while (outs := self.outputs(chain[-1])) and outs[0] != MASTER and outs[0] not in chain:
            chain.append(outs[0])
        reaches_master = self.outputs(chain[-1])[:1] == [MASTER]
        return chain if reaches_master and module_id in chain else []

    def voices(self) -> list[list[str]]:
        """Every chain that starts at a module without audio inputs and reaches master (kept while
        the modules and the edges are)."""
        key, memo = (tuple(self.modules.items()), tuple(self.edges)), self.__dict__.get("_voices_memo")
        if memo is None or memo[0] != key:             # (a line asks it dozens of times, each a walk of the patch)
            heads = [i for i in self.modules if i != MASTER and not self.inputs(i)]
            memo = self.__dict__["_voices_memo"] = (key, [voice for voice in map(self.voice_of, heads) if voice])
        return [list(voice) for voice in memo[1]]

    def sounding_voices(self) -> list[list[str]]:
        """The voices one hears: a level above nothing, and a track of theirs not all muted."""
        heard = []
        for voice in self.voices():
            spec = self.spec(voice[0])
            tracks = [t for t in self.tracks.values() if t.target in voice]
            if (not spec.has_param("gain") or self.value(voice[0], "gain") != 0) and \
                    (not tracks or not all(t.muted for t in tracks)):
                heard.append(voice)
        return heard

    # -- observing messages --------------------------------------------------------------------
    def apply(self, msg: Message) -> list[Message]:
        """Update the model for one message and return the messages that would undo it."""
        parts = msg.parts
        if not parts:
            return []
        handler = getattr(self, f"_on_{parts[0]}", None)
        try:
            return handler(parts, msg.args) if handler else []
        except (IndexError, KeyError, TypeError, ValueError, ParamError):
            return []              # a malformed raw line: the engine will reject it, nothing to track

    def _on_patch(self, parts, args) -> list[Message]:
        verb = parts[1]
        if verb == "create":
            module_id, type_name = str(args[0]), str(args[1])
            self.modules[module_id] = type_name
            self.values[module_id] = {}
            self.focus = module_id
            if self.last_param == (MASTER, "gain"):      # 'add a sine underneath' after 'volume -3 db': the sine quieter
                self.last_param = None
            return [Message("/patch/remove", (module_id,))]
        if verb == "remove":
            return self._remove(str(args[0]))
        if verb in ("connect", "disconnect"):
            src, dst = str(args[0]), str(args[1])
            if src not in self.modules or dst.split(".")[0] not in self.modules:
                return []          # an edge to nothing (a raw line): the engine refuses it too
            edges = self.mod_edges if "." in dst else self.edges
            present = (src, dst) in edges
            if verb == "connect" and not present:
                edges.append((src, dst))
                return [Message("/patch/disconnect", (src, dst))]
            if verb == "disconnect" and present:
                edges.remove((src, dst))
                return [Message("/patch/connect", (src, dst))]
            return []
        if verb == "begin":
            return [Message("/patch/abort")]
        return self._on_poly(args) if verb == "poly" else []

    def _remove(self, module_id: str) -> list[Message]:
        undo = [Message("/patch/create", (module_id, self.modules[module_id]))]
        undo += [Message(f"/mod/{module_id}/{p}", (v,)) for p, v in self.values.get(module_id, {}).items()]
        ins, outs = self.edges.ends()
        touching = sorted({(a, module_id) for a in ins.get(module_id, ())} | {(module_id, b) for b in outs.get(module_id, ())},
                          key=self.edges.index)                # in edge order, found through the index
        mods = [e for e in self.mod_edges if e[0] == module_id or e[1].split(".")[0] == module_id]
        undo += [Message("/patch/connect", e) for e in touching + mods]
        for edge in touching:
            self.edges.remove(edge)              # keeps the index (a new list would rebuild it)
        self.mod_edges = [e for e in self.mod_edges if e not in mods]
        del self.modules[module_id]
        self._free_from.clear()                  # its `<type><n>` is free again
        self.values.pop(module_id, None)
        if self.focus == module_id:                   # what fed it, or what a modulator moved ('undo' of an lfo added)
            self.focus = next((a for a, b in touching if b == module_id), None) or \
                next((e[1].split(".")[0] for e in mods if e[0] == module_id), None)
        return undo

    def _on_session(self, parts, args) -> list[Message]:
        if parts[1] == "save" and args and str(args[0]) not in self.sessions_saved:
            self.sessions_saved = (*self.sessions_saved, str(args[0]))
        if parts[1] == "delete" and args:
            self.sessions_saved = tuple(n for n in self.sessions_saved if n != str(args[0]))
        return []

    def _on_mod(self, parts, args) -> list[Message]:
        module_id = parts[1]
        if self.spec(module_id) is None:
            return []
        spec = self.spec(module_id).param(parts[2])
        param = spec.name
        previous = self.value(module_id, param)
        self.values[module_id] = {**self.values.get(module_id, {}), param: args[0]}   # never in place
        if param in ("gain", "mix", "depth") and args[0] == spec.low and previous != spec.low:
            self.premute[(module_id, param)] = previous
        elif args[0] != spec.low:
            self.premute.pop((module_id, param), None)
        self.focus = module_id
        self.last_param = (module_id, param)
        return [Message(f"/mod/{module_id}/{param}", (previous,))]

    def _on_ramp(self, parts, args) -> list[Message]:
        """A ramp (a raw line, a redo) leaves the param at its target; undone, it is set back."""
        return self._on_mod(("mod", *parts[1:]), args[:1])

    def _on_at(self, parts, args) -> list[Message]:
        """A command on a bar line (a raw line, a redo): the model takes it now, as the plain line does;
        undone, it is taken back from the engine's queue first (it may not have played yet)."""
        if len(parts) != 1 or len(args) < 3:
            return []
        return [at_cancel(Message("/at", args)), *self.apply(Message(str(args[2]), tuple(args[3:])))]

    def _on_gate(self, parts, args) -> list[Message]:
        if parts[1] in self.modules:
            self.focus = parts[1]
            self._note_gate_chord(parts[1], args)
            if len(args) >= 2 and float(args[0]) != 0 and (len(args) == 2 or float(args[2]) <= 1):
                for member in self.voice_of(parts[1]) or [parts[1]]:     # as the engine: a note sets the pitch of
                    spec = self.spec(member)                              # the voice's oscillators (no undo of its own)
                    if spec is not None and spec.role == "source" and spec.has_param("freq"):
                        self.values[member] = {**self.values.get(member, {}), "freq": float(args[1])}
        return []


_FIELDS = tuple(f.name for f in fields(PatchModel))     # what a snapshot holds


__all__ = ["PatchModel", "MASTER"]
