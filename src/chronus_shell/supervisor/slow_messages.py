"""The messages the supervisor answers off the audio path: a session saved or loaded (its messages
checked all or nothing, then stamped together, now or at the next bar), a recording started or stopped,
an engine query; a sample is decoded by SampleShelf and sent when ready. `Supervisor.send` sends them
at the ordinary policy: their work (files, decoders, a snapshot of the patch) has no bound — but for a load's
check against the patch and its sending, with the lock every command waits for: real-time below the slots,
as a command is sent (at the ordinary policy, among busy programs, a line typed meanwhile waited up to 0.45 s).

A mixin of Supervisor (it uses the supervisor's plan, admission, lock and fan-out), kept apart so each
file reads as one concern.
"""
from __future__ import annotations

import pickle

from ..engine.engine import EngineError
from ..protocol.message import Message
from ..session.commands import Outcome
from ..session.paths import session_path
from . import realtime
from .admission import scheduled_types
from .ctrl_c_hold import ctrl_c_held
from .child_processes import SupervisorError, WorkerGone
from .rings import RT_PRIORITY
from .samples import SampleError

TO_CREATE = Message("/patch/create")
ENGINE_ANSWERS = {"/engine/status": "_answer_status", "/engine/crash": "_answer_crash"}   # shapes: protocol


class SlowMessages:
    def _slow_message(self, msg: Message, head: str):
        if head in ("session", "record"):
            return self._session_message(msg)
        if head == "engine":
            return self._engine_message(msg)
        return self.samples.load_later(msg, self.send)   # decoded off the audio path, sent when ready

    def _session_message(self, msg: Message) -> Outcome:
        if msg.address == "/record/start" and self.session.recorder is None:
            outcome = self.session.handle(msg, {})
            if outcome.ok:
                self.tap.mark()
            return outcome
        if msg.address == "/record/stop":
            self.tap.drain()  # everything played up to now belongs to the take
        needs_state = msg.address.endswith(("/save", "/load"))  # a load replaces what is playing
        state = self.patch_state() if needs_state else {}
        if state and self.touched in state["modules"] and self.touched != "master":
            state["focus"] = self.touched
        outcome = self.session.handle(msg, state)
        if outcome.ok and outcome.focus:
            self.touched = outcome.focus
        if outcome.ok and outcome.messages:
            self.admission.prepare(TO_CREATE, sum(m.address == TO_CREATE.address for m in outcome.messages))
            try:
                outcome.messages = self.samples.prepare(outcome.messages)
            except SampleError as err:
                return Outcome(f"{session_path(str(msg.args[0]))}: {err} (nothing was loaded)", ok=False)
            # the lock below is what every command waits for: its holder real-time below the slots, as a command's
            with self._load_lock, realtime.briefly(int(self.control.words[RT_PRIORITY])):
                with self._lock:
                    self.after_load_parts()    # one left writing by Ctrl-C (fan_out.py)
                    shadow = pickle.loads(pickle.dumps(self.plan))
                    for message in outcome.messages:  # all or nothing: check against a copy first
                        try:
                            self.admission.check(message, scheduled_types(shadow))
                            shadow.admit(message)
                        except (EngineError, SupervisorError) as err:    # e.g. an edge into a source
                            where = session_path(str(msg.args[0]))
                            return Outcome(f"{where}: {message}: {err} (nothing was loaded)", ok=False)
                    work = self.work_for(outcome.messages, max(len(scheduled_types(p)) for p in (self.plan, shadow)))
                    at = self.load_stamp(outcome.messages, work, outcome.now)   # fan_out.py
                    with ctrl_c_held:                  # the plan and both slots, or none (ctrl_c_hold.py)
                        self.plan = shadow             # the plan with the load admitted (in the same order)
                        parts = self.fan_out_at_once(outcome.messages, work, at)   # fan_out.py
                        writer = self.parts_writer(parts) if parts else None        # (each part waits for the lock)
                if writer is not None:   # the lock let go between them
                    writer.join()
        return outcome

    def _next_bar(self, blocks: int = 0, not_before: int = 0) -> int:
        """The next bar from the first block no slot has begun — for a load that needs `blocks` (its cushion
        and its writes: cushion.py), from that many blocks after the lead, so it is played a bar later than one
        nearer than that (such a bar left the slots short: 2 blocks lost in one of five loaded burst tests);
        and from `not_before`, an earlier-sent timed change's sample (order.py)."""
        earliest = max(self.earliest_stamp(), not_before)
        if blocks:
            earliest = max(earliest, (self.play_block + self.ahead + blocks) * self.config.block_size)
        try:
            return int(self._active_slot().request(("bar", earliest)))
        except (WorkerGone, AttributeError):
            return earliest

    def _engine_message(self, msg: Message):
        name = ENGINE_ANSWERS.get(msg.address)
        if name is None:
            raise EngineError(f"the engine has no address {msg.address!r} (try /engine/status)")
        return getattr(self, name)(msg)

    def _answer_status(self, msg: Message) -> Outcome:
        return Outcome("engine status", data=self.status())

    def _answer_crash(self, msg: Message) -> Outcome:
        return Outcome(self.crash(str(msg.args[0]) if msg.args else "active"))
