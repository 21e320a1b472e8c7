"""Lost blocks and JACK xruns over a soak while someone types, idle and loaded, on JACK dummy.

The soak test's patch (four voices) plays for --seconds while a parameter change arrives every
100 ms; "loaded" adds the loaded tests' busy machine (a dozen busy loops and a memory toucher) and
the sandbox pool validating a module the whole time. Settings are the user's (CHRONUS_* from the
environment, the defaults when unset). JACK's xruns are told apart by cause (its log): a cycle
our client had not finished, or the dummy driver's own timer waking late; ours by the state JACK
found our client in ("Triggered": its thread had not even begun the cycle — it was not woken in time;
"Running": it had begun but not finished). The references measured in the same run: the number of
blocks played, and a bare JACK client (a Python process callback that copies a silent block, at the
priority JACK gives its clients, nothing else running in it) alone on the same server for as long
under the same load, right after — the xruns any Python client gets on this machine, per minute as long as the
soak unless --reference-seconds says less (so a 10-minute soak fits a shared lock's turn). The issue's figure is
10 minutes each (--seconds 600); a short run (the default, 60 s) is for checking often.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_soak.py [--seconds 60] [--loads idle,loaded] [--reference-seconds S]
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

from live_rig import ROOT, Machine, arguments, counters, delta, jack_dummy, jack_xruns, load, lockstep, send_all, write

from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.status import latency_figures  # noqa: E402


BARE_CLIENT = """
import sys, time
import jack
import numpy as np
client = jack.Client("chronus-reference", no_start_server=True)
ports = [client.outports.register(f"out{i}") for i in range(2)]
silence = np.zeros(client.blocksize, dtype=np.float32)

@client.set_process_callback
def process(frames):
    for port in ports:
        port.get_array()[:] = silence

client.activate()
time.sleep(1.0)        # its first cycles (imports, first touches) are not what is measured
print("up", flush=True)
sys.stdin.read()       # until the benchmark closes it: then it leaves the graph cleanly
client.deactivate()
client.close()
"""


def unfinished(log_text: str, client: str) -> dict:
    """JACK's cycles `client` had not finished, by the state JACK found it in."""
    states = re.findall(rf"client = {client} was not finished, state = (\w+)", log_text)
    return {state: states.count(state) for state in ("Triggered", "Running")}


def bare_client(kind: str, seconds: float, jack_log) -> dict:
    """The reference: a bare Python JACK client alone on the server for `seconds` under load `kind`."""
    with load(kind, seconds + 10, pool=True):
        client = subprocess.Popen([sys.executable, "-c", BARE_CLIENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, env=dict(os.environ, JACK_NO_START_SERVER="1"))
        client.stdout.readline()
        before = len(jack_log.read_text(errors="replace"))
        time.sleep(seconds)
        text = jack_log.read_text(errors="replace")[before:]
        client.stdin.close()
        client.wait(30)
    return {"seconds": seconds, "unfinished": unfinished(text, "chronus-reference"),
            "timer": text.count("JackTimedDriver::Process XRun")}


def soak(kind: str, seconds: float, reference_s: float) -> dict:
    with jack_dummy(Config.from_env().block_size) as jack_log:
        result = _soak(kind, seconds, jack_log)
        result["bare_client"] = bare_client(kind, reference_s, jack_log)
        return result


def _soak(kind: str, seconds: float, jack_log) -> dict:
    from tests.supervisor import test_soak

    config = Config.from_env(backend="sounddevice")
    with Supervisor(config) as supervisor:
        test_soak.wait_for_music(supervisor)
        before_patch = counters(supervisor)
        send_all(supervisor, test_soak.FOUR_VOICES)
        time.sleep(1.0)
        with load(kind, seconds + 10, pool=True) as verdicts:
            before, causes, machine = counters(supervisor), jack_xruns(jack_log), Machine()
            log_at = len(jack_log.read_text(errors="replace"))
            blocks = supervisor.play_block
            supervisor.latencies_ms.clear()
            played = test_soak.play_while_typing(supervisor, seconds)
            ours_by_state = unfinished(jack_log.read_text(errors="replace")[log_at:], "PortAudio")
        status = supervisor.status()
        return {
            "seconds": round(played["seconds"], 1), "commands": played["commands"],
            "blocks_played": supervisor.play_block - blocks, **delta(counters(supervisor), before),
            "jack_xruns_by_cause": {k: v - causes[k] for k, v in jack_xruns(jack_log).items()},
            "ours_by_state": ours_by_state,
            "loading_the_patch": delta(before, before_patch),
            "late_commands": [row["late_commands"] for row in status["slots"]],
            "latency_ms": latency_figures(list(supervisor.latencies_ms)),
            "pool_validations": len(verdicts), "pool_refusals": sum(v is not True for v in verdicts),
            "lockstep_after": lockstep(supervisor), "problems": list(supervisor.problems),
            "settings": {"block_size": config.block_size, "lead_target": config.lead_target,
                         "prefill_buffers": config.prefill_buffers, "early_margin_ms": config.early_margin_ms},
            "scheduling": status["scheduling"], **machine.figures(),
        }


def table(result: dict) -> str:
    lines = [f"{'load':7} {'s':>5} {'blocks':>7} {'lost':>5} {'waited':>6} {'xruns PA/JACK':>13} {'JACK ours/timer':>15} "
             f"{'trig/run':>9} {'bare ref':>9} {'late cmds':>9} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'load avg':>8} {'steal %':>7}"]
    for kind, r in result.items():
        lat = r["latency_ms"]
        lines.append(f"{kind:7} {r['seconds']:>5} {r['blocks_played']:>7} {r['lost_blocks']:>5} {r['waited_blocks']:>6} "
                     f"{r['xruns_portaudio']:>6}/{r['xruns_jack']:<6} "
                     f"{r['jack_xruns_by_cause']['ours']:>7}/{r['jack_xruns_by_cause']['timer']:<7} "
                     f"{r['ours_by_state']['Triggered']:>4}/{r['ours_by_state']['Running']:<4} "
                     f"{sum(r['bare_client']['unfinished'].values()):>4}/{r['bare_client']['seconds']:<3.0f}s "
                     f"{sum(r['late_commands']):>9} {lat.get('p50_ms', '-'):>7} {lat.get('p99_ms', '-'):>7} {lat.get('max_ms', '-'):>7} "
                     f"{r['load_average_before']:>8} {r['steal_percent']:>7}")
    return "\n".join(lines)


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=60.0, help="soak per load (the issue's figure: 600)")
    parser.add_argument("--reference-seconds", type=float, help="the bare client's run (default: as long as the soak)")
    args = parser.parse_args()
    result = {}
    for kind in args.loads.split(","):
        print(f"{kind}: {args.seconds:.0f} s …", flush=True)
        result[kind] = soak(kind, args.seconds, args.reference_seconds or args.seconds)
        path = write(f"soak_{int(args.seconds)}s_{args.loads.replace(',', '_')}", result)  # each load as it ends
    print(table(result))
    print(f"written {path.relative_to(ROOT)}")
    return 1 if any(r["lost_blocks"] for r in result.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
