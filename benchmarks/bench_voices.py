"""Live voices before the first xrun or lost block, idle and loaded, against offline voices per core.

bench_supervisor.py's climb (saw → acid_filter → adsr voices added eight at a time, each count held
3 s on JACK dummy) under each load; "loaded" is the loaded tests' busy machine. On the shared VM a
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


from live_rig import LOADS, ROOT, Machine, arguments, jack_dummy, lift_admission_guard, load, write

from bench_supervisor import TROUBLE, VOICE_BUDGET_S, bench_voices, offline_voices_per_core  # noqa: E402

from chronus_shell.supervisor import Config  # noqa: E402


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
            with load(kind, VOICE_BUDGET_S + 60):
                machine = Machine()
                trouble = TROUBLE if kind == "idle" else ("lost_blocks", "failovers")
                result[kind] = bench_voices("sounddevice", trouble) | machine.figures() | {"ends_at": trouble}
                result[kind]["first_xrun_voices"] = next(
                    (s["voices"] for s in result[kind]["steps"] if s["xruns_portaudio"] or s["xruns_jack"]), None)
            result[kind]["ratio_clean_vs_offline"] = round(
                result[kind]["max_voices_clean"] / result["offline"]["voices_per_core"], 3)
    print(table(result))
    print(f"written {write('voices', result).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
