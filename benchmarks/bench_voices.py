"""Live voices before the first xrun or lost block, idle and loaded, against offline voices per core.

A climb (saw → acid_filter → adsr voices added eight at a time, each count held
3 s on JACK dummy) under each load; "loaded" is the loaded tests' busy machine and the sandbox pool validating
a module the whole time. On the shared VM a
busy machine makes JACK xruns with any patch (its own timer wakes late), so under load the climb
ends at the first lost block, and the first count with an xrun is reported beside it. The reference,
measured in the same run on the idle machine, is how many of the same voice one core renders
offline in real time: the ratio is what the live path (two slots, the output, the device) keeps of it.
The shell's admission guard (a patch may fill half a block: supervisor/admission.py) is lifted
for the climb, which measures where the live path itself fails; with the guard a user's climb stops
at the guard's refusal, well before.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_voices.py [--loads idle,loaded]
"""
from __future__ import annotations

import time

from live_rig import (
    LOADS, ROOT, Machine, arguments, counters, delta, jack_dummy, lift_admission_guard, load, send_all, start, write,
)

from chronus_shell.engine import warmup  # noqa: E402
from chronus_shell.engine.timeline import Timeline  # noqa: E402
from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.rings import CPU_NS  # noqa: E402

VOICE_STEP, VOICE_HOLD_S, VOICE_SETTLE_S, VOICE_CAP, VOICE_BUDGET_S = 8, 3.0, 0.5, 400, 110.0
OFFLINE_VOICES, OFFLINE_BLOCKS = 32, 400


def voice(n: int, hz: float) -> list[str]:
    """One saw → acid_filter → adsr voice, quiet enough that hundreds do not just hit the limiter."""
    saw, acid, amp = f"vsaw{n}", f"vacid{n}", f"vamp{n}"
    return [f"/patch/create {saw} saw", f"/patch/create {acid} acid_filter", f"/patch/create {amp} adsr",
            f"/patch/connect {saw} {acid}", f"/patch/connect {acid} {amp}", f"/patch/connect {amp} master",
            f"/mod/{saw}/gain 0.02", f"/mod/{acid}/cutoff {400 + 37 * (n % 40)}", f"/gate/{saw} 1 {hz:.2f}"]


def voice_hz(n: int) -> float:
    return 55.0 * 2 ** ((n * 7 % 36) / 12)


def offline_voices_per_core(block_size: int, sample_rate: int) -> dict:
    """OFFLINE_VOICES of the same voice rendered in this process: how many one core keeps up with."""
    warmup()
    timeline = Timeline(sample_rate, block_size)
    for n in range(1, OFFLINE_VOICES + 1):
        for line in voice(n, voice_hz(n)):
            timeline.schedule(Message.parse(line), 0)
    for _ in range(50):
        timeline.render_block()
    began = time.process_time()
    for _ in range(OFFLINE_BLOCKS):
        timeline.render_block()
    per_block = (time.process_time() - began) / OFFLINE_BLOCKS
    return {"voices": OFFLINE_VOICES, "block_ms": 1000 * per_block,
            "voices_per_core": OFFLINE_VOICES * (block_size / sample_rate) / per_block}


# -- (g): voices before the first xrun ---------------------------------------------------------
def _cpu_ns(supervisor: Supervisor) -> list[int]:
    return [int(ring.header[CPU_NS]) for ring in supervisor.rings]


TROUBLE = ("xruns_portaudio", "xruns_jack", "lost_blocks", "failovers")  # what ends a voice count


def _hold(supervisor: Supervisor, seconds: float, trouble=TROUBLE) -> dict:
    before, cpu, began = counters(supervisor), _cpu_ns(supervisor), time.perf_counter()
    time.sleep(seconds)
    held = delta(counters(supervisor), before)
    wall = time.perf_counter() - began
    held["slot_cpu_percent"] = [round(max(0, b - a) / 1e9 / wall * 100, 1) for a, b in zip(cpu, _cpu_ns(supervisor))]
    held["trouble"] = any(held[kind] for kind in trouble)
    return held


def bench_voices(backend: str, trouble=TROUBLE) -> dict:
    """Add VOICE_STEP voices at a time and hold each count VOICE_HOLD_S: the first count with any
    xrun or lost block (or what `trouble` names) is the answer asked for; on a shared machine a
    neighbour's burst can cause that, so the same count is held once more, and the climb stops
    when trouble repeats."""
    supervisor = start(backend)
    steps, first_trouble, failed = [], None, None
    began = time.perf_counter()
    try:
        send_all(supervisor, voice(0, voice_hz(0)))  # first use of each kernel type, not counted
        time.sleep(1.0)
        voices = 0
        while voices < VOICE_CAP and time.perf_counter() - began < VOICE_BUDGET_S:
            before_add = counters(supervisor)
            for n in range(voices + 1, voices + VOICE_STEP + 1):
                send_all(supervisor, voice(n, voice_hz(n)))
            voices += VOICE_STEP
            time.sleep(VOICE_SETTLE_S)
            row = {"voices": voices + 1, "while_adding": delta(counters(supervisor), before_add)}
            row |= _hold(supervisor, VOICE_HOLD_S, trouble)
            if row["trouble"]:
                first_trouble = first_trouble or row["voices"]
                row["again"] = _hold(supervisor, VOICE_HOLD_S, trouble)
            steps.append(row)
            if row["trouble"] and row["again"]["trouble"]:
                failed = row["voices"]
                break
        clean = [r["voices"] for r in steps if not r["trouble"] and (first_trouble is None or r["voices"] < first_trouble)]
        sustained = [r["voices"] for r in steps if not r["trouble"] or not r["again"]["trouble"]]
        return {"step": VOICE_STEP, "hold_s": VOICE_HOLD_S, "max_voices_clean": max(clean, default=0),
                "first_trouble_voices": first_trouble, "max_voices_sustained": max(sustained, default=0),
                "failed_twice_at": failed, "steps": steps}
    finally:
        supervisor.stop()



def table(result: dict) -> str:
    offline = result["offline"]["voices_per_core"]
    lines = [f"{'load':7} {'clean':>6} {'first trouble':>13} {'first xrun':>10} {'sustained':>9} "
             f"{'ratio clean/offline':>19} {'load avg':>8} {'steal %':>7}  climb ends at"]
    for kind in LOADS:
        if kind in result:
            r = result[kind]
            lines.append(f"{kind:7} {r['max_voices_clean']:>6} {str(r['first_trouble_voices']):>13} "
                         f"{str(r['first_xrun_voices']):>10} {r['max_voices_sustained']:>9} "
                         f"{r['max_voices_clean'] / offline:>19.2f} {r['load_average_before']:>8} "
                         f"{r['steal_percent']:>7}  {', '.join(r['ends_at'])}")
    lines.append(f"reference: {offline:.0f} voices per core offline (this process, idle)")
    return "\n".join(lines)


def main() -> None:
    parser = arguments(__doc__)
    args = parser.parse_args()
    config = Config.from_env(backend="sounddevice")
    lift_admission_guard()
    result = {"offline": offline_voices_per_core(config.block_size, config.sample_rate)}
    with jack_dummy(config.block_size):
        for kind in args.loads.split(","):
            print(f"{kind} …", flush=True)
            with load(kind, VOICE_BUDGET_S + 60, pool=True) as verdicts:
                machine = Machine()
                trouble = TROUBLE if kind == "idle" else ("lost_blocks", "failovers")
                result[kind] = bench_voices("sounddevice", trouble) | machine.figures() | {"ends_at": trouble}
                result[kind]["pool_validations"] = len(verdicts)
                result[kind]["first_xrun_voices"] = next(
                    (s["voices"] for s in result[kind]["steps"] if s["xruns_portaudio"] or s["xruns_jack"]), None)
            result[kind]["ratio_clean_vs_offline"] = round(
                result[kind]["max_voices_clean"] / result["offline"]["voices_per_core"], 3)
    print(table(result))
    print(f"written {write('voices', result).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
