"""A plan that reaches the MIDI out process late (a loaded machine): what it repeats is not sent
twice, and what it brings for samples already played goes out at once, late — never dropped, so
the clock external gear counts agrees with the song position a continue sends."""
from chronus_shell.gear.out_process import EventQueue


def plan(queue, start, events, settled=None):
    queue.plan({"start": start, "settled": start if settled is None else settled, "offset": 0.0, "rate": 48000,
                "events": [(sample, kind, "", "gear", 0, 0) for sample, kind in events]})


def sent(queue, until):
    return [(sample, data) for sample, _, data in queue.take(until)]


def test_a_late_plan_repeats_nothing_and_drops_nothing():
    queue = EventQueue()
    plan(queue, 0, [(1000, "tick"), (2000, "tick")])
    assert sent(queue, 2500) == [(1000, [0xF8]), (2000, [0xF8])]
    # late: it repeats the ticks taken and brings a start and a tick it had not seen, both already due
    plan(queue, 500, [(900, "start"), (1000, "tick"), (2000, "tick"), (2400, "tick"), (3000, "tick")])
    assert sent(queue, 2600) == [(900, [0xFA]), (2400, [0xF8])]
    assert sent(queue, 3500) == [(3000, [0xF8])]


def test_a_stop_planned_again_is_sent_once():
    queue = EventQueue()
    plan(queue, 0, [(1000, "tick"), (1500, "stop")])
    assert sent(queue, 2000) == [(1000, [0xF8]), (1500, [0xFC])]
    plan(queue, 1200, [(1500, "stop")])
    assert sent(queue, 3000) == []
