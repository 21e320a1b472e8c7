"""The gear layer: MIDI in/out and Ableton Link around the supervisor.

`Gear(supervisor)` stands in for the supervisor (every other attribute is the supervisor's): it
answers `/midi/*` and `/link` itself and passes everything else on. Input from the outside (MIDI
notes and controllers, a Link peer's tempo) becomes the same canonical messages the language and
the OSC server send, stamped by `supervisor.send(msg, at)`; output (MIDI notes, clock) is read
from the sequencer's own events. Layer order: … ← supervisor ← gear ← repl ← cli.
"""
from __future__ import annotations

import atexit
import contextlib
import re
import threading

from ..engine.catalogue import module_spec
from ..engine.params import ParamError
from ..protocol.message import Message
from ..supervisor import realtime
from ..supervisor.rings import PLAYED_NS, READ_BLOCK, RT_PRIORITY
from .clock import SampleClock
from .input_events import InputEvents
from .midi_in import MidiInput, control_text
from .link import LinkSession
from .midi_out import STOP, MidiOutput, OutScheduler
from .ports import MidiError, describe_ports, forget_probes
from .sessions import SECTION, add_to_saved, saved_section

WATCH_S = 1.0          # how often vanished ports are looked for again
TRANSPORT = ("/seq/start", "/seq/stop", "/seq/continue", "/seq/bpm")


class Gear(InputEvents):
    def __init__(self, supervisor, midi_in: str | None = None, link: bool = False):
        self.supervisor = supervisor
        self.options = {"midi_in": midi_in, "link": link}
        self.clock: SampleClock | None = None
        self.midi_in: MidiInput | None = None
        self.plays: str | None = None                  # the voice MIDI notes play (None: the focus)
        self.maps: dict[str, str] = {}                 # "cc74" → "acid_filter1.cutoff"
        self.learning: str | None = None               # "id.param" waiting for a controller
        self.learnt: dict[str, tuple[str, str | None]] = {}   # "id.param" → (control, what it moved before)
        self.out = OutScheduler(self)                   # notes and clock to MIDI outputs
        self.link: LinkSession | None = None
        self.bent: dict[str, float] = {}               # oscillator → its detune before the bend
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._gone: set[str] = set()                   # ports reported vanished (said once)

    def __getattr__(self, name):
        return getattr(self.supervisor, name)

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, *args, **kwargs) -> "Gear":
        sup = self.supervisor
        sup.start(*args, **kwargs)
        cfg = sup.config
        words = sup.control.words
        self.clock = SampleClock(lambda: int(words[READ_BLOCK]), cfg.block_size, cfg.sample_rate,
                                 lambda: int(words[PLAYED_NS]), lambda: int(words[RT_PRIORITY]))
        self._watcher = threading.Thread(target=self._watch, name="chronus-gear", daemon=True)
        self._watcher.start()
        atexit.register(self.stop)   # after the supervisor's: at exit the gear's threads end first
        if self.options["midi_in"]:
            self.say(self._midi_in(self.options["midi_in"]))
        if self.options["link"]:
            self.say(self._link(True))
        return self

    def stop(self) -> None:
        """The threads reading the supervisor's shared blocks end before it unmaps them, whatever
        step fails; safe twice, and at exit (the sample clock polling unmapped words: a segfault)."""
        if self._stop.is_set():
            return
        self._stop.set()
        atexit.unregister(self.stop)
        with contextlib.ExitStack() as steps:      # run last to first, each whatever the ones before raised
            steps.callback(self.supervisor.stop)
            steps.callback(forget_probes)
            if self._watcher is not None:
                steps.callback(self._watcher.join, 2 * WATCH_S)
            if self.clock is not None:
                steps.callback(self.clock.stop)
            if self.midi_in is not None:
                steps.callback(self.midi_in.close)
            if self.link is not None:
                steps.callback(self.link.close)
            steps.callback(self.out.stop)

    def __enter__(self) -> "Gear":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def say(self, line: str) -> None:
        """A line for the user, printed once above the prompt (the supervisor's news)."""
        self.supervisor.problems.append(line)

    # -- messages ----------------------------------------------------------------------------
    def send(self, msg: Message, at: int | None = None, entered_ns: int | None = None):
        head = msg.parts[0] if msg.parts else ""
        if head == "midi" or msg.address == "/link":
            with realtime.ordinary_meanwhile():   # port work: never real-time (an OSC packet's thread)
                return self._gear_message(msg, head)
        if self.link is not None and head == "seq":
            at = self._on_link_grid(msg, at)
        if at is None and self.out.busy and msg.address in TRANSPORT:
            return self.out.send_transport(msg, self.stamp)       # the MIDI out process has it in time
        outcome = self.supervisor.send(msg, at, entered_ns)
        if msg.address in ("/session/save", "/session/load") and getattr(outcome, "ok", False):
            with realtime.ordinary_meanwhile():
                self._session(msg.address.rsplit("/", 1)[1], str(msg.args[0]))
        return outcome

    def _gear_message(self, msg: Message, head: str):
        if head == "midi":
            return self._midi(msg.parts[1] if len(msg.parts) > 1 else "", [str(a) for a in msg.args])
        return self._link(str(msg.args[0]) != "off" if msg.args else True)

    # -- Link ----------------------------------------------------------------------------------
    def _link(self, on: bool) -> str:
        if not on:
            if self.link is not None:
                self.link.close()
            self.link = None
            return "link off"
        if self.link is None:
            sequencer = self.supervisor.patch_state()["sequencer"]
            self.link = LinkSession(self, float(sequencer.get("bpm", 120.0)))
            self.link.running = bool(sequencer.get("running"))
        peers = self.link.peers
        return f"link on: {peers} peer{'s' * (peers != 1)}, tempo {self.link.link.tempo:g} bpm"

    def _on_link_grid(self, msg: Message, at: int | None) -> int | None:
        """Our tempo goes to the Link session; a start lands on the next Link bar."""
        if msg.address == "/seq/bpm" and msg.args:
            self.link.tempo_set_here(float(msg.args[0]))
        elif msg.address == "/seq/start":
            return self.link.start_here()
        elif msg.address == "/seq/stop":
            self.link.stop_here()
        return at

    def status(self) -> dict:
        status = self.supervisor.status()
        if self.link is not None:
            status["link"] = {"peers": self.link.peers, "tempo": round(float(self.link.link.tempo), 2)}
        return status

    def _session(self, verb: str, name: str) -> None:
        """The mappings and the voice MIDI plays travel with the session file."""
        if verb == "save":
            add_to_saved(name, self.section())
            return
        section = saved_section(name)
        maps = section.get("maps", {})
        if isinstance(maps, dict):
            self.maps = {str(c): str(t) for c, t in maps.items()
                         if re.fullmatch(r"(cc|knob)\d{1,3}", str(c)) and "." in str(t)}
        plays = section.get("plays")
        self.plays = str(plays) if isinstance(plays, str) else None

    def _midi(self, verb: str, args: list[str]) -> str:
        if verb == "in":
            return self._midi_in(args[0] if args else "auto")
        if verb == "ports":
            return describe_ports(self.out.port_names)
        if verb == "plays":
            self.plays = args[0]
            return f"midi notes play {args[0]}"
        if verb == "map":
            target = self._target(args[1])
            self.maps[args[0]] = target
            return f"{control_text(args[0])} → {target}"
        if verb == "unmap":
            self.maps.pop(args[0], None)
            return f"{control_text(args[0])} is free"
        if verb == "learn":
            self.learning = self._target(args[0])
            return f"move a knob or fader to map it to {self.learning}"
        if verb == "unlearn":
            return self._unlearn(args[0])
        if verb == "out":
            return self._midi_out(args[0], args[1] if len(args) > 1 else None)
        if verb == "clock":
            return self._midi_clock(args[0] == "on", args[1] if len(args) > 1 else None)
        if verb == "mappings":
            return "; ".join(f"{control_text(c)} → {t}" for c, t in sorted(self.maps.items())) or "no mappings"
        raise MidiError(f"/midi/{verb}: not a MIDI command (see docs/protocol.md)")

    def _unlearn(self, target: str) -> str:
        """Undo of `learn`: a learn still waiting is cancelled, a learnt control goes back."""
        try:
            target = self._target(target)              # the language's name for it → the canonical one
        except (MidiError, ParamError):
            pass
        if self.learning == target:
            self.learning = None
            return f"learn {target} cancelled"
        if target not in self.learnt:
            return f"{target}: no learn to undo"
        control, previous = self.learnt.pop(target)
        if previous is None:
            self.maps.pop(control, None)
        else:
            self.maps[control] = previous
        return f"{control_text(control)} → {previous}" if previous else f"{control_text(control)} is free"

    def patch_state(self) -> dict:
        """The supervisor's state with the MIDI settings (autosave keeps them; a recovery replays them)."""
        return {**self.supervisor.patch_state(), SECTION: self.section()}

    def section(self) -> dict:
        return {"maps": dict(self.maps), "plays": self.plays}

    def _midi_in(self, wanted: str) -> str:
        if wanted == "off":
            if self.midi_in is not None:
                self.midi_in.close()
            self.midi_in = None
            return "midi input off"
        port = MidiInput(self, wanted)
        line = port.open()
        if self.midi_in is not None:
            self.midi_in.close()
        self.midi_in = port
        return line

    def _output(self, wanted: str | None) -> MidiOutput:
        """An open output port: the one already open for that name, else a new one."""
        for port in [*self.out.voices.values(), self.out.clock_port]:
            if port is not None and (wanted is None or wanted == port.wanted):
                return port
        port = MidiOutput(self.out, wanted or "auto")
        port.open()
        return port

    def _midi_out(self, voice: str, wanted: str | None) -> str:
        if wanted is None or wanted == "off":
            port = self.out.voices.pop(voice, None)
            if port is not None:
                self.out.silence(port)
            return f"{voice} notes are not sent any more"
        port = self._output(wanted)
        self.out.voices[voice] = port
        self.out.ensure_running()
        return f"{voice} notes go to midi out {port.name}"

    def _midi_clock(self, on: bool, wanted: str | None) -> str:
        if not on:
            port, self.out.clock_port = self.out.clock_port, None
            if port is not None:
                port.send([STOP])
            return "midi clock off"
        self.out.clock_port = self._output(wanted)
        self.out.ensure_running()
        return f"midi clock (24 ppqn, start/stop/continue) to {self.out.clock_port.name}"

    def voice_members(self, voice: str) -> list[str]:
        return _voice_members(voice, self._shape().edges)

    def _target(self, target: str) -> str:
        """'flt.resonance' → 'flt.q': a numeric param of a module in the patch, canonical name."""
        module_id, _, param = target.partition(".")
        type_name = self._shape().types.get(module_id)
        if type_name is None or not param:
            raise MidiError(f"{target}: a mapping names a param of a module in the patch, e.g. acid_filter1.cutoff")
        spec = module_spec(type_name).param(param)
        if spec.is_enum:
            raise MidiError(f"{target} is a choice ({spec.range_text()}): a knob moves numbers")
        return f"{module_id}.{spec.name}"

    # -- hot-plug ----------------------------------------------------------------------------
    def _watch(self) -> None:
        """A port that vanished is one line; it is reopened by its name when it is back."""
        while not self._stop.wait(WATCH_S):
            ports = [("input", self.midi_in)] + [("output", p) for p in {id(p): p for p in [
                *self.out.voices.values(), self.out.clock_port] if p is not None}.values()]
            for kind, port in ports:
                if port is not None and port.name is not None:
                    try:
                        self._check(kind, port)
                    except Exception as err:  # noqa: BLE001 — the watcher must outlive a driver's error
                        self.say(f"midi {kind} {port.name}: {type(err).__name__}: {err}")

    def _check(self, kind: str, port) -> None:
        try:
            here = port.present()
        except MidiError:
            return
        if not here and port.name not in self._gone:
            self._gone.add(port.name)
            self.say(f"midi {kind} {port.name} is gone: the music goes on, it reconnects when it is back")
        elif here and port.name in self._gone:
            try:
                port.open()
            except MidiError:
                return
            self._gone.discard(port.name)
            self.say(f"midi {kind} {port.name} is back: reconnected")


def _voice_members(module_id: str, edges) -> list[str]:
    """The audio-connected modules around `module_id`, master excluded (the engine's voice)."""
    members, stack = {module_id}, [module_id]
    while stack:
        current = stack.pop()
        for src, dst in edges:
            for a, b in ((src, dst), (dst, src)):
                if a == current and b != "master" and b not in members:
                    members.add(b)
                    stack.append(b)
    return sorted(members)


__all__ = ["Gear"]
