"""Where Enter → sound goes, stage by stage, on JACK dummy (the default settings), idle and loaded.

Each typed line takes the shell's own path: the language translates it (as the REPL does), the REPL's
engine link hands it to its worker thread (repl/engine_link.py), the supervisor stamps it at block B
and writes it to both slots' pipes. A watcher process (SCHED_FIFO 1: above ordinary programs, below
the audio path) polls the shared memory every 100 µs and notes when each slot began and wrote each
block, and the device callback's own clock when it took it (PLAYED_NS). Per command, the stages:

    entered → translated → supervisor.send → stamped at B → pipes written → the active slot begins B
    (it reads its pipe then) → B in the ring → the callback takes B → + the device's latency

The message applies from B's first sample (a parameter's 5 ms smoothing starts there), so the last
stage ends at the first changed sample. `measured` is that whole path; `shell's figure` is what the
supervisor itself records (from the line's entry, or from send() where no entry is told; predicted
from the callback clock at the stamp). Lines alternate between lines typed at the shell's own prompt
on a pty (`keys`, from the Enter key's write: tests/repl/typist.py; `keys before`, the same as the shell
was before session 27; `keys timed`, as it was before session 29: the status poll and the toolbar's redraws
on their timers while a line is typed), the REPL's path from the line's entry, the path before session 25 and an OSC
packet (the line's message sent by a controller process to the shell's OSC server: from its sending,
no translation), so they are compared in the same minutes. For a typed line, before those stages:

    the Enter key written → read by the prompt's event loop → its accept handler → entered

and, by thread, where that time and the translation's went until the line was sent (latency_tails.py: the
prompt's CPU, its run delay and its time off a CPU — the GIL, a lock —, the other threads', the garbage
collections), with the slowest lines one by one. `--osc-stream HZ`: a second controller turns a knob all along
(STREAM_ADDRESS, HZ packets a second, not timed), so lines are typed while the OSC server handles packets.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_latency_trace.py [--seconds 20] [--loads idle,loaded] [--osc-stream HZ]
        [--line-switch-ms MS]
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import multiprocessing
import os
import threading
import time

import numpy as np
from latency_tails import SPLIT, slowest, split
from live_rig import ROOT, Machine, arguments, jack_dummy, jack_xruns, load, percentiles, send_all, write

from pythonosc.udp_client import SimpleUDPClient  # noqa: E402

from chronus_shell.language.translator import Translator  # noqa: E402
from chronus_shell.protocol.osc import OscServer  # noqa: E402
from chronus_shell.repl.engine_link import EngineLink  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor, stamp_hold  # noqa: E402
from chronus_shell.supervisor.repl_realtime import REPL_THREAD  # noqa: E402
from chronus_shell.supervisor.rings import (  # noqa: E402
    ACTIVE_SLOT, DEVICE_LATENCY_US, LOST_BLOCKS, PLAYED_NS, READ_BLOCK, STARTED, WAITED_BLOCKS, WRITTEN, XRUNS_PORTAUDIO,
    Control, Ring,
)

LINE_PERIOD_S = 0.05
POLL_S = 100e-6
LINES = ("acid_filter1 cutoff {:.0f}", "acid_filter2 resonance {:.2f}", "saw1 detune {:.1f}", "hat1 decay {:.0f}",
         "adsr2 release {:.0f}")
RANGES = ((300, 3000), (0.2, 0.9), (-20, 20), (30, 120), (50, 450))
PATHS = ("keys", "keys timed", "keys before", "repl", "before", "osc")
KEY_STAGES = ("Enter to its read", "read to accept", "accept to entered")
IDLE_LOOP = ("waiting: Enter to wake", "waiting: wake to read", "waiting: CPU wait")   # Enter found the loop waiting:
# woken (its selector's select returned, the GIL taken again), the read's callback, and the time the thread
# was runnable but not running in its wait (/proc schedstat); the others found it busy (drawing)
STREAM_ADDRESS = "/mod/saw2/gain"   # --osc-stream's knob (no typed line changes it)
STAGES = ("translate", "to send()", "to the stamp", "pipe writes", "to the slot's begin", "render",
          "in the ring", "device")


def typed_line(step: int) -> str:
    """The step-th line of a musician twiddling the patch, in the shell's words (test_soak's sweeps)."""
    phase = (step % 40) / 40.0
    low, high = RANGES[step % len(LINES)]
    return LINES[step % len(LINES)].format(low + (high - low) * phase)


def watch(conn, control_name: str, ring_names: list[str], capacity: int, block_size: int, first: int, count: int):
    """The watcher process: per block from `first`, when each ring began and wrote it and the callback's
    clock when the device took it (0: not seen — the watcher missed that callback)."""
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))
    except (OSError, AttributeError):
        pass
    control = Control(control_name, create=False)
    rings = [Ring(name, capacity, block_size, create=False) for name in ring_names]
    begun, written = np.zeros((2, count), np.int64), np.zeros((2, count), np.int64)
    played = np.zeros(count, np.int64)
    seen = [[int(ring.header[STARTED]), int(ring.header[WRITTEN])] for ring in rings]
    words = control.words
    conn.send("up")
    while not conn.poll(0):
        now = time.perf_counter_ns()
        for index, ring in enumerate(rings):
            for column, (table, word) in enumerate(((begun, STARTED), (written, WRITTEN))):
                value = int(ring.header[word])
                for block in range(max(seen[index][column], value - 64, first), min(value, first + count)):
                    table[index, block - first] = table[index, block - first] or now
                seen[index][column] = value
        at, read = int(words[PLAYED_NS]), int(words[READ_BLOCK])
        if at == int(words[PLAYED_NS]) and first <= read - 1 < first + count and not played[read - 1 - first]:
            played[read - 1 - first] = at
        time.sleep(POLL_S)
    conn.send((begun, written, played))


class Traced:
    """The supervisor's stamping moments, noted by wrapping its own methods on this instance."""

    def __init__(self, supervisor: Supervisor):
        self.supervisor, self.last, self.sent = supervisor, {}, threading.Event()
        earliest, send, release = supervisor.earliest_stamp, supervisor.send, stamp_hold.release
        streamed = threading.local()   # the send under way in this thread is --osc-stream's: not noted

        def stamped():
            words = supervisor.control.words
            stamp = earliest()
            if getattr(streamed, "now", False):
                return stamp
            self.last.update(stamped_ns=time.perf_counter_ns(), read=int(words[READ_BLOCK]),
                             active=int(words[ACTIVE_SLOT]), block=stamp // supervisor.config.block_size)
            return stamp

        def released(words):
            release(words)
            if not getattr(streamed, "now", False):
                self.last.setdefault("released_ns", time.perf_counter_ns())

        def sent(msg, at=None, entered_ns=None):
            streamed.now = msg.address == STREAM_ADDRESS
            if streamed.now:
                return send(msg, at, entered_ns)
            self.last.update(send_ns=time.perf_counter_ns(), entered_ns=entered_ns)
            result = send(msg, at, entered_ns)
            self.last["figure_ms"] = supervisor.latencies_ms[-1] if supervisor.latencies_ms else None
            self.sent.set()
            return result
        supervisor.earliest_stamp, supervisor.send, stamp_hold.release = stamped, sent, released


async def type_lines(supervisor: Supervisor, seconds: float, paths: tuple[str, ...] = PATHS, osc=None,
                     keys=None) -> list[dict]:
    """Lines entered every LINE_PERIOD_S, alternately typed at the shell's prompt (`keys`: from the
    Enter key, tests/repl/typist.py; `keys before`: as the shell was before session 27), by the REPL's
    path (EngineLink: read and sent real-time, by its real-time sender), by the path before session 25
    (translated at the REPL's ordinary priority, sent from the default executor's ordinary thread) and as
    an OSC packet (its message, from the controller's send: `osc`, osc_controller's); one record per line."""
    translator, traced = Translator(), Traced(supervisor)
    threading.current_thread().name = REPL_THREAD   # as the shell's (favour_the_prompt): a window lifts it
    from tests.supervisor.test_soak import FOUR_VOICES
    for line in [*FOUR_VOICES, *(typed_line(step) for step in range(40))]:
        translator.translate(line)  # the language's model knows the patch; its first readings are warm
    started = concurrent.futures.Future()
    started.set_result(None)
    link = EngineLink(supervisor)
    link.begin(started)
    await link.ready()
    from tests.repl.typist import TypedShell   # (a pty: Linux and macOS only, for the keys paths)

    typed = keys and TypedShell(translator, link, *keys)
    loop = asyncio.get_running_loop()
    records, start, step = [], time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        path = paths[step % len(paths)]
        entered = time.perf_counter_ns()
        traced.last = {}
        traced.sent.clear()
        if path.startswith("keys"):
            marks = await typed.line(typed_line(step), before=path == "keys before", timed=path == "keys timed")
            records.append(dict(traced.last, **marks, path=path))
        elif path == "osc":
            message = translator.translate(typed_line(step))[0]
            osc.send((message.address, list(message.args)))
            traced.sent.wait(1.0)   # blocked, as a REPL waiting for keys: this thread takes no GIL meanwhile
            entered = translated = osc.recv()
        elif path == "repl":
            with link.reading(typed_line(step)):   # as the REPL does (shell.execute)
                cpu = time.thread_time_ns()
                messages = translator.translate(typed_line(step))
                translated, cpu = time.perf_counter_ns(), time.thread_time_ns() - cpu
                await link.send(messages)
        else:
            cpu = time.thread_time_ns()
            messages = translator.translate(typed_line(step))
            translated, cpu = time.perf_counter_ns(), time.thread_time_ns() - cpu
            for message in messages:
                await loop.run_in_executor(None, supervisor.send, message)
        if not path.startswith("keys"):
            records.append(dict(traced.last, entered_ns=entered, translated_ns=translated, path=path,
                                translate_cpu_ns=cpu if path != "osc" else 0))
        step += 1
        await asyncio.sleep(max(0.0, start + step * LINE_PERIOD_S - time.perf_counter()))
    if typed:
        typed.close()
    link._poller.cancel()  # its status poll (the REPL's, every few seconds); the supervisor plays on
    return records


@contextlib.contextmanager
def osc_controller(supervisor: Supervisor, stream_hz: float = 0.0):
    """The shell's OSC server and a controller of its own (another process, as a real one is) that sends
    each message it is given to it and answers when it sent it (perf_counter_ns); started before the
    load (on a loaded machine the process took more than the typing's 20 s to start). With `stream_hz`, a
    second controller sends STREAM_ADDRESS that often meanwhile. Yields (the pipe, the server)."""
    ctx = multiprocessing.get_context("spawn")
    here, there = ctx.Pipe()
    with OscServer.for_supervisor(supervisor, port=0) as server:
        processes = [ctx.Process(target=_send_packets, args=(there, server.port), daemon=True)]
        if stream_hz:
            streaming, stop = ctx.Pipe()
            processes.append(ctx.Process(target=_stream_packets, args=(stop, server.port, stream_hz), daemon=True))
        for process in processes:
            process.start()
        here.recv()
        try:
            yield here, server
        finally:
            here.send(None)
            if stream_hz:
                streaming.send(None)
            for process in processes:
                process.join(5)


def _stream_packets(stop, port: int, hz: float) -> None:
    client, step = SimpleUDPClient("127.0.0.1", port), 0
    while not stop.poll(1 / hz):
        step += 1
        client.send_message(STREAM_ADDRESS, 0.3 + 0.2 * (step % 20) / 20)


def _send_packets(conn, port: int) -> None:
    client = SimpleUDPClient("127.0.0.1", port)
    conn.send("up")
    while (message := conn.recv()) is not None:
        sent = time.perf_counter_ns()
        client.send_message(*message)
        conn.send(sent)


def trace(kind: str, seconds: float, paths: tuple[str, ...] = PATHS, stream_hz: float = 0.0) -> dict:
    config = Config.from_env(backend="sounddevice")
    with jack_dummy(config.block_size) as jack_log, Supervisor(config) as supervisor:
        from tests.supervisor.test_soak import FOUR_VOICES, wait_for_music
        wait_for_music(supervisor)
        send_all(supervisor, FOUR_VOICES)
        time.sleep(1.0)
        first = supervisor.play_block
        count = int((seconds + 120) / config.block_seconds)   # the controllers, the pty and the load start first
        # (loaded, with other sessions' real-time shells on the machine, over 40 s: the lines were not seen)
        ctx = multiprocessing.get_context("spawn")
        here, there = ctx.Pipe()
        watcher = ctx.Process(target=watch, args=(there, supervisor.control.block.name,
                                                  [r.block.name for r in supervisor.rings], supervisor.rings[0].capacity,
                                                  config.block_size, first, count), daemon=True)
        watcher.start()
        here.recv()
        typing = any(path.startswith("keys") for path in paths)
        if typing:
            from tests.repl.typist import terminal
        osc_used = "osc" in paths or stream_hz
        with (osc_controller(supervisor, stream_hz) if osc_used else contextlib.nullcontext((None, None))) as (osc, server), \
                (terminal() if typing else contextlib.nullcontext()) as keys, load(kind, seconds + 10, pool=True):
            words, machine = supervisor.control.words, Machine()
            lost, waited = int(words[LOST_BLOCKS]), int(words[WAITED_BLOCKS])
            xruns = (int(words[XRUNS_PORTAUDIO]), jack_xruns(jack_log))
            records = asyncio.run(type_lines(supervisor, seconds, paths, osc, keys))
            time.sleep(0.1)  # the last blocks are played
            lost, waited = int(words[LOST_BLOCKS]) - lost, int(words[WAITED_BLOCKS]) - waited
            jack = jack_xruns(jack_log)
            xruns = {"portaudio": int(words[XRUNS_PORTAUDIO]) - xruns[0],
                     **{f"jack {cause}": jack[cause] - xruns[1][cause] for cause in jack}}
            here.send("stop")
            begun, written, played = here.recv()
            watcher.join(5)
            osc_counts = server and {"stream_hz": stream_hz, **server.counts(),
                                     "handled_ordinary": getattr(server.pace, "ordinary", None)}
        device_ns = 1000 * int(words[DEVICE_LATENCY_US])
    return {path: stages([r for r in records if r["path"] == path], begun, written, played, first, device_ns)
            for path in paths} | {
        "lost_blocks": lost, "waited_blocks": waited, "xruns": xruns, "block_size": config.block_size,
        "lead_target": config.lead_target, "osc_server": osc_counts} | machine.figures()


def stages(records, begun, written, played, first: int, device_ns: int) -> dict:
    """Each stage's p50/p99/max (ms) over the commands whose blocks the watcher saw."""
    rows, ahead, missed = {name: [] for name in (*KEY_STAGES, *STAGES, "from Enter", "from its read", "measured",
                                                 "from send", "shell's figure", "translate's CPU",
                                                 "prompt's CPU", "prompt's time", "window's opening", *IDLE_LOOP, *SPLIT)}, [], 0
    lines = []   # (from Enter, its stages, its split): the slowest are listed
    for r in records:
        b = r.get("block", -1) - first
        if b < 0 or b >= len(played) or not (played[b] and begun[r["active"], b] and written[r["active"], b]):
            missed += 1
            continue
        at = {"begun": begun[r["active"], b], "written": written[r["active"], b], "played": played[b]}
        points = [r["entered_ns"], r["translated_ns"], r["send_ns"], r["stamped_ns"], r["released_ns"]]
        for name, (a, z) in zip(STAGES, zip(points, points[1:])):
            rows[name].append((z - a) / 1e6)
        rows["to the slot's begin"].append((at["begun"] - r["stamped_ns"]) / 1e6)
        rows["render"].append((at["written"] - at["begun"]) / 1e6)
        rows["translate's CPU"].append(r["translate_cpu_ns"] / 1e6)   # of the wall time above: the rest waited
        rows["in the ring"].append((at["played"] - at["written"]) / 1e6)
        rows["device"].append(device_ns / 1e6)
        rows["measured"].append((at["played"] + device_ns - r["entered_ns"]) / 1e6)
        if "key_ns" in r:   # typed at the prompt: from the Enter key's write
            keys = [r["key_ns"], r["read_ns"], r["accept_ns"], r["entered_ns"]]
            for name, (a, z) in zip(KEY_STAGES, zip(keys, keys[1:])):
                rows[name].append((z - a) / 1e6)
            rows["from Enter"].append((at["played"] + device_ns - r["key_ns"]) / 1e6)
            rows["from its read"].append((at["played"] + device_ns - r["read_ns"]) / 1e6)   # the shell's part: less
            # the key's delivery by the kernel (the pty's flip-buffer work, an ordinary kworker) and the loop's wake
            figures = dict(split(r) or {}, enter_s=r["key_ns"] / 1e9)   # (to find the line in a kernel trace)
            for name in SPLIT:
                if name in figures:
                    rows[name].append(figures[name])
            marks = [*keys, r["translated_ns"], r["send_ns"], r["stamped_ns"], r["released_ns"]]
            lines.append((rows["from Enter"][-1], dict(zip((*KEY_STAGES, *STAGES), ((z - a) / 1e6 for a, z in
                                                                                   zip(marks, marks[1:])))), figures))
            rows["prompt's CPU"].append(r["loop_cpu_ms"])     # the event loop's, typing the line
            rows["prompt's time"].append(r["loop_wall_ms"])
            rows["window's opening"].append((r["translating_ns"] - r["entered_ns"]) / 1e6)   # of `translate`
            if r["waited_ns"] < r["key_ns"] < r["woke_ns"]:   # the loop was waiting for keys: its wake-up
                marks = (r["key_ns"], r["woke_ns"], r["read_ns"])
                for name, (a, z) in zip(IDLE_LOOP, zip(marks, marks[1:])):
                    rows[name].append((z - a) / 1e6)
                rows[IDLE_LOOP[-1]].append(r["woke_cpu_wait_ns"] / 1e6)
        rows["from send"].append((at["played"] + device_ns - r["send_ns"]) / 1e6)
        if r.get("figure_ms") is not None:
            rows["shell's figure"].append(r["figure_ms"])
        ahead.append(r["block"] - r["read"])
    return {"commands": len(records), "not_seen": missed,
            "stamped_blocks_ahead": {str(k): ahead.count(k) for k in sorted(set(ahead))},
            "stages_ms": {name: percentiles(values, 2) for name, values in rows.items()}, "slowest": slowest(lines)}


def table(result: dict) -> str:
    lines = []
    for kind, r in result.items():
        lines.append(f"{kind}: {r['block_size']} frames, lead {r['lead_target']}, lost {r['lost_blocks']}, waited "
                     f"{r['waited_blocks']}, xruns {r['xruns']}, load average {r['load_average_before']} → {r['load_average_after']}"
                     + (f", OSC server {r['osc_server']}" if r.get("osc_server") else ""))
        for path in (path for path in PATHS if path in r):
            p = r[path]
            lines.append(f"  {path} path: {p['commands']} lines ({p['not_seen']} not seen); stamped blocks ahead of "
                         f"the device: {p['stamped_blocks_ahead']}")
            lines.append(f"    {'stage':22}{'p50':>8}{'p99':>8}{'max':>8}")
            for name, fig in p["stages_ms"].items():
                if fig.get("count"):
                    lines.append(f"    {name:22}{fig['p50']:>8.2f}{fig['p99']:>8.2f}{fig['max']:>8.2f}")
            lines += [f"    slowest {row}" for row in p["slowest"]]
    return "\n".join(lines)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=20.0, help="typing time per load")
    parser.add_argument("--paths", default=",".join(PATHS), help="repl, before, osc or several, alternately (default: all)")
    parser.add_argument("--osc-stream", type=float, default=0.0, help="packets a second from a second controller meanwhile")
    parser.add_argument("--line-switch-ms", type=float, default=None,
                        help="the GIL's switch interval while a line entered at the prompt is sent (the shell's: "
                             "LINE_SWITCH_S; 0.5, the prompt's own, is the line keeping nothing: before s33)")
    args = parser.parse_args()
    if args.line_switch_ms is not None:
        from chronus_shell.supervisor import prompt_realtime
        prompt_realtime.LINE_SWITCH_S = args.line_switch_ms / 1000.0   # read by line_keeps_the_gil at each line
    result = {}
    for kind in args.loads.split(","):
        print(f"{kind}: {args.seconds:.0f} s …", flush=True)
        result[kind] = trace(kind, args.seconds, tuple(args.paths.split(",")), args.osc_stream)
    print(table(result))
    print(f"written {write('latency_trace', result).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
