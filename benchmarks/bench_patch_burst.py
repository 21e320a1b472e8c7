#!/usr/bin/env python3
"""Bursts of patch changes on a big patch while it plays: blocks lost per burst, render time per block.

VOICES voices (saw → acid_filter → adsr, each with a pattern) play at the default settings (128
frames, a lead of 1) while bursts come one after the other, each sent as fast as the shell sends: a
new voice (3 creates, 3 connects, a /mod, a pattern), the same timed to play 0.3 s later (an OSC
timetag), a dozen /mod changes, a removal of a heard module and its return, a transaction (begin,
create, connect, commit), and `/session/load … now` of the patch saved at the start over itself (every
module removed and created again: 1,600 messages at 64 voices), and the same load at the next bar. Per
burst: the blocks lost and waited for; when its last change is heard (ms from the burst's first send to
its last stamp at the device: a cushion's wait, or the bar's) and when a `/mod` sent after it is heard;
lines typed *while* it is sent and applied (a `/mod` every DURING_S for TYPING_S at least, from a second
thread: how long each waited in `send()` and when it was heard); and each block's render time in the
active slot (its ring's CPU_NS and WRITTEN, read by a watcher thread) in the BURST_S after the burst
against the quiet second before. Writes benchmarks/results/patch_burst.json.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_patch_burst.py [--loads idle,loaded] [--voices 64]
"""
from __future__ import annotations

import os
import tempfile
import threading
import time

from live_rig import (
    Machine, arguments, counters, delta, device, load, percentiles, send_all, setting, start, write,
)

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor.latency import audible_ms  # noqa: E402
from chronus_shell.supervisor.rings import ACTIVE_SLOT, CPU_NS, WRITTEN  # noqa: E402

VOICES = 64
ROUNDS = 3
BURST_S = 0.5   # the blocks after a burst that count as its own
AFTER_S = {"session load at its bar": 2.5,   # a bar at 126 bpm: 1.9 s
           "a new voice at a time": 0.8}     # its time (the test's TIMED_S, 0.3 s), then BURST_S
DURING_S = 0.015   # a line typed every this many seconds while a burst is sent, and its changes applied:
TYPING_S = 0.25    # for this long from its first send at least (a cushion is 0.25 s at most)


def bursts(kind: str, voices: int, n: int) -> dict:
    """name → the messages of the n-th burst of that kind."""
    from tests.supervisor.test_patch_bursts import voice  # late: pytest must not slow a worker's start
    extra = voices + n
    return {
        "a new voice": voice(extra),
        "a new voice at a time": voice(extra + ROUNDS),   # timed TIMED_S ahead (an OSC timetag)
        "a dozen /mod": [f"/mod/f{i % voices}/cutoff {500 + 7 * i + n}" for i in range(12)],
        "remove and return": [f"/patch/remove e{n}", f"/patch/create e{n} adsr", f"/patch/connect f{n} e{n}",
                              f"/patch/connect e{n} master"],
        "transaction": ["/patch/begin", f"/patch/create q{n} square", f"/mod/q{n}/gain 0.02",
                        f"/patch/connect q{n} master", "/patch/commit"],
        "session load": [Message("/session/load", (f"burst-{kind}", "now"))],   # the patch saved at the start, over itself
        "session load at its bar": [Message("/session/load", (f"burst-{kind}",))],
    }


class BlockTimes:
    """Each block's render time in the active slot (ms), with when it was seen: a watcher of the rings."""

    def __init__(self, supervisor):
        self.supervisor, self.seen, self.stop = supervisor, [], threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        last = None
        while not self.stop.wait(0.0002):
            ring = self.supervisor.rings[int(self.supervisor.control.words[ACTIVE_SLOT])]
            now = (int(ring.header[WRITTEN]), int(ring.header[CPU_NS]), id(ring))
            if last is not None and now[2] == last[2] and now[0] > last[0]:
                self.seen.append((time.perf_counter(), (now[1] - last[1]) / 1e6 / (now[0] - last[0])))
            last = now

    def between(self, start: float, end: float) -> list[float]:
        return [ms for at, ms in self.seen if start <= at < end]


class Typing:
    """Lines typed while a burst is being sent, from a thread of their own: each one's wait in `send()` (ms), and
    when each is heard (ms from its entry to its stamp at the device, its stamp found in the replay log)."""

    def __init__(self, supervisor, n: int):
        self.supervisor, self.n, self.waits, self.heard, self.done = supervisor, n, [], [], threading.Event()
        self.thread = threading.Thread(target=self._type, daemon=True)
        self.thread.start()

    def _type(self) -> None:
        supervisor, cfg = self.supervisor, self.supervisor.config
        supervisor.on_audio_path()   # as the REPL's sender (repl/engine_link.py): an ordinary thread among the busy
        while not self.done.wait(DURING_S):   # programs waited up to 80 ms to run (0 over 8 ms raised, session 37)
            entered, msg = time.perf_counter_ns(), Message.parse(f"/mod/f{self.n}/cutoff {700 + self.n}")
            supervisor.send(msg, entered_ns=entered)
            self.waits.append((time.perf_counter_ns() - entered) / 1e6)
            stamp = next(item[1] for item in reversed(supervisor.replay[-400:]) if item[-1] is msg)
            self.heard.append(audible_ms(supervisor.control.words, stamp, cfg.block_size, cfg.sample_rate, entered))

    def figures(self) -> dict:
        self.done.set()
        self.thread.join()
        return {"during_wait_ms": self.waits, "during_heard_ms": self.heard}


def run(kind: str, voices: int, backend: str, description: str) -> dict:
    from tests.supervisor.test_patch_bursts import TIMED_S, send_timed, voice  # the test's (late, as in bursts)
    supervisor = start(backend)
    try:
        result = {"setting": setting(supervisor.config, description), "voices": voices}
        send_all(supervisor, [line for i in range(voices) for line in voice(i)] + ["/seq/bpm 126", "/seq/start"])
        time.sleep(2.0)
        assert supervisor.send(Message("/session/save", (f"burst-{kind}",))).ok
        times, machine, cfg = BlockTimes(supervisor), Machine(), supervisor.config
        rows: dict[str, list] = {}
        with load(kind, ROUNDS * (7 * 2 * BURST_S + AFTER_S["session load at its bar"]) + 20):
            time.sleep(1.0)
            for n in range(ROUNDS):
                for name, lines in bursts(kind, voices, n).items():
                    quiet_from, before = time.perf_counter(), counters(supervisor)
                    time.sleep(BURST_S)
                    sent, sent_ns = time.perf_counter(), time.perf_counter_ns()
                    typing = Typing(supervisor, n)
                    if name == "a new voice at a time":
                        send_timed(supervisor, lines, TIMED_S)
                    else:
                        send_all(supervisor, lines)
                    took = time.perf_counter() - sent
                    heard = audible_ms(supervisor.control.words, supervisor._last_stamp, cfg.block_size, cfg.sample_rate,
                                       sent_ns)
                    time.sleep(max(0.0, sent + TYPING_S - time.perf_counter()))
                    during = typing.figures()
                    supervisor.send(Message.parse(f"/mod/f{n}/cutoff {600 + n}"), entered_ns=time.perf_counter_ns())
                    time.sleep(AFTER_S.get(name, BURST_S))
                    rows.setdefault(name, []).append({
                        "messages": len(lines), "send_ms": round(1000 * took, 2), "heard_ms": round(heard, 1),
                        "next_line_ms": round(supervisor.latencies_ms[-1], 1), **during,
                        **delta(counters(supervisor), before),
                        "quiet": times.between(quiet_from, sent), "after": times.between(sent, sent + BURST_S)})
        times.stop.set()
        result["machine"] = machine.figures()
        result["bursts"] = {name: {
            "messages": runs[0]["messages"], "lost_blocks": [r["lost_blocks"] for r in runs],
            "waited_blocks": [r["waited_blocks"] for r in runs], "send_ms": [r["send_ms"] for r in runs],
            "heard_ms": [r["heard_ms"] for r in runs], "next_line_ms": [r["next_line_ms"] for r in runs],
            "during_wait_ms": percentiles([ms for r in runs for ms in r["during_wait_ms"]]),
            "during_heard_ms": percentiles([ms for r in runs for ms in r["during_heard_ms"]]),
            "render_ms_quiet": percentiles([ms for r in runs for ms in r["quiet"]]),
            "render_ms_after": percentiles([ms for r in runs for ms in r["after"]])} for name, runs in rows.items()}
        result["typed_during_patch_bursts"] = percentiles(
            [ms for name, runs in rows.items() if not name.startswith("session load") for r in runs
             for ms in r["during_heard_ms"]])
        return result
    finally:
        supervisor.stop()


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--voices", type=int, default=VOICES)
    parser.add_argument("--backend", choices=("auto", "jack", "null"), default="auto")
    args = parser.parse_args()
    os.environ["CHRONUS_HOME"] = tempfile.mkdtemp(prefix="chronus-burst-")   # the saved session's, not the user's
    results = {}
    for kind in args.loads.split(","):
        with device(args.backend, period=128) as (backend, description):
            results[kind] = run(kind, args.voices, backend, description)
        print(f"\n{kind}, {args.voices} voices: burst, lost blocks, waited, heard ms, next line ms, "
              "render ms p50/p99/max after (quiet)")
        for name, fig in results[kind]["bursts"].items():
            after, quiet = fig["render_ms_after"], fig["render_ms_quiet"]
            print(f"  {name:<24} {fig['lost_blocks']} {fig['waited_blocks']} {fig['heard_ms']} {fig['next_line_ms']}  "
                  f"{after.get('p50')}/{after.get('p99')}/{after.get('max')} ({quiet.get('p50')}/{quiet.get('p99')})")
            wait, heard = fig["during_wait_ms"], fig["during_heard_ms"]
            print(f"    {heard['count']} lines typed during it: waited p50/max {wait.get('p50')}/{wait.get('max')} ms,"
                  f" heard p50/p99/max {heard.get('p50')}/{heard.get('p99')}/{heard.get('max')} ms")
        typed = results[kind]["typed_during_patch_bursts"]
        print(f"  lines typed during the patch bursts (no load): heard p50/p99/max {typed.get('p50')}/{typed.get('p99')}/"
              f"{typed.get('max')} ms of {typed['count']}")
    print("written:", write("patch_burst", results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
