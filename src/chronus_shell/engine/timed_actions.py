"""`/at count bar|beat <address> <args…>`: any live command, played on the count-th bar (or beat)
line from the sample the message is stamped at ("at the next bar" is count 1, "in 2 bars" count 2).

The engine works out the line's sample on its own grid when the message arrives (so both slots,
`run` and `render` agree to the sample) and queues the inner message there. Structure changes
(`/patch/*`) are not delayed: a later command could then name a module that does not exist yet.
With the transport stopped there is no grid: the first line is the message's own sample and each
further one a bar (or beat) of the current tempo later.

`/at/cancel <address> <args…>` takes back the latest such command still waiting (an `undo` of the
line that timed it: without it, the undone change would still land on its bar). `/at/clear` takes back every
one (a session loaded: the last piece's 'stop in 4 bars' would stop the new one).
"""
from __future__ import annotations

import heapq

from ..protocol.message import Message
from .params import ParamError
from .patch_shape import PatchShape

UNITS = {"bar": 16, "bars": 16, "beat": 4, "beats": 4}
TIMED_HEADS = ("mod", "ramp", "gate", "seq")
MAX_COUNT = 1024


def inner_message(msg: Message) -> tuple[int, int, Message]:
    """(count, steps per unit, the delayed message) of an /at message, or ParamError in one line."""
    args = msg.args
    usage = "/at takes a count, bar or beat, then a command: /at 1 bar /mod/acid1/cutoff 3000"
    if len(args) < 3:
        raise ParamError(usage)
    try:
        count = float(args[0])
    except (TypeError, ValueError):
        raise ParamError(usage) from None
    if count != int(count) or not 1 <= count <= MAX_COUNT:
        raise ParamError(f"/at counts whole bar or beat lines, 1–{MAX_COUNT}, got {args[0]!r}")
    unit = str(args[1]).lower()
    if unit not in UNITS:
        raise ParamError(f"/at counts bars or beats, got {args[1]!r}")
    address = str(args[2])
    inner = Message(address, tuple(args[3:]))
    if not inner.parts or inner.parts[0] not in TIMED_HEADS:
        raise ParamError(f"/at delays /mod, /ramp, /gate and /seq commands, not {address!r} "
                         "(patch changes apply at once)")
    return int(count), UNITS[unit], inner


def line_sample(sequencer, at: int, count: int, steps: int) -> int:
    """The sample of the count-th grid line (every `steps` steps) at or after sample `at`."""
    if not sequencer.running:
        return int(at + (count - 1) * steps * sequencer.samples_per_step)
    step = -(-max(sequencer.next_step, 0) // steps) * steps
    while sequencer.onset(step) < at:
        step += steps
    return sequencer.onset(step + (count - 1) * steps)


def queue(engine, msg: Message, at: int) -> None:
    """Queue an /at message's command on its grid line, checked against the patch as it is now."""
    count, steps, inner = inner_message(msg)
    stamp = max(line_sample(engine.sequencer, at, count, steps), at)
    try:
        engine.validate(inner, PatchShape.of(engine))
    except ParamError as err:
        engine.faults.append(f"{inner} (at sample {stamp}): {err} — dropped")
        return
    heapq.heappush(engine._queue, (stamp, engine._serial, inner))
    _delayed(engine).add(engine._serial)
    engine._serial += 1


def clear(engine, msg: Message, at: int) -> None:
    """Drop every command an /at queued that has not played yet."""
    delayed = engine.delayed
    kept = [entry for entry in engine._queue if entry[1] not in delayed]
    if len(kept) != len(engine._queue):
        engine._queue[:] = kept
        heapq.heapify(engine._queue)
    delayed.clear()


def _delayed(engine) -> set[int]:
    """The serials of the queue's entries that an /at put there (only those can be cancelled)."""
    delayed = engine.delayed
    if len(delayed) > 256:                       # the played ones left the queue: forget them
        delayed.intersection_update(serial for _, serial, _ in engine._queue)
    return delayed


def cancel_message(msg: Message) -> Message:
    """The waiting command an /at/cancel names, or ParamError in one line."""
    if not msg.args:
        raise ParamError("/at/cancel takes the command to take back: /at/cancel /mod/acid1/cutoff 3000")
    inner = Message(str(msg.args[0]), tuple(msg.args[1:]))
    if not inner.parts or inner.parts[0] not in TIMED_HEADS:
        raise ParamError(f"/at/cancel takes back a /mod, /ramp, /gate or /seq command, not {msg.args[0]!r}")
    return inner


def cancel(engine, msg: Message, at: int) -> None:
    """Drop the latest command an /at queued that equals the one named and has not played (none: nothing)."""
    inner, delayed = cancel_message(msg), _delayed(engine)
    waiting = [entry for entry in engine._queue if entry[1] in delayed and entry[2] == inner]
    if waiting:
        latest = max(waiting, key=lambda entry: entry[1])
        engine._queue.remove(latest)
        heapq.heapify(engine._queue)
        delayed.discard(latest[1])
