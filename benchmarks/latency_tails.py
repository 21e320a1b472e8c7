"""Where a typed line's time went between the Enter key and its send (bench_latency_trace.py's keys paths):
the prompt's thread's time split into CPU (its own work: drawing, translating, a garbage collection),
run delay (runnable, no CPU given: the scheduler) and the rest, off a CPU while it had work (the GIL
or a lock held by another thread, a page read), with what the process's other threads ran meanwhile
and the collections that overlapped. Figures from /proc schedstat, read by the typist at the Enter
key's write and by the prompt at accept and once the line is sent (tests/repl/typist.py).
"""
from __future__ import annotations

SPLIT = ("to accept: CPU", "to accept: run delay", "to accept: off CPU", "to sent: CPU", "to sent: run delay",
         "to sent: off CPU", "to sent: others' CPU", "to sent: collections")
SLOWEST = 6


def split(r: dict) -> dict[str, float] | None:
    """A typed line's split (ms), or None when a reading is missing (the line was not sent at accept)."""
    before, tid = r.get("key_times") or {}, r.get("tid")
    if tid not in before or not r.get("accept_times") or tid not in (r.get("sent_times") or {}):
        return None
    key_cpu, key_wait = before[tid]
    figures = {}
    for name, at, (cpu, wait) in (("to accept", r["accept_ns"], r["accept_times"]),
                                  ("to sent", r["sent_ns"], r["sent_times"][tid])):
        cpu, wait = cpu - key_cpu, wait - key_wait
        figures.update({f"{name}: CPU": cpu / 1e6, f"{name}: run delay": wait / 1e6,
                        f"{name}: off CPU": (at - r["key_ns"] - cpu - wait) / 1e6})
    others = {t: (times[0] - before[t][0], times[1] - before[t][1]) for t, times in r["sent_times"].items()
              if t in before and t != tid}
    figures["to sent: others' CPU"] = sum(cpu for cpu, _ in others.values()) / 1e6
    overlaps = (min(end, r["sent_ns"]) - max(start, r["key_ns"]) for start, end, _, _ in r.get("collections", ())
                if start < r["sent_ns"])
    figures["to sent: collections"] = sum(overlaps) / 1e6
    names = r.get("names", {})
    figures["policy"] = "policy {}/{} (guard's cuts {})".format(*r["policy"]) if "policy" in r else ""
    figures["others"] = " ".join(f"{names.get(t, t)} {cpu / 1e6:.1f}/{wait / 1e6:.1f}"
                                 for t, (cpu, wait) in others.items() if max(cpu, wait) >= 5e5) or "-"
    return figures


def slowest(lines: list[tuple[float, dict, dict]]) -> list[str]:
    """The slowest lines from Enter, one row each: (from Enter ms, its stages ms, its split or {})."""
    rows = []
    for total, stages, figures in sorted(lines, key=lambda line: -line[0])[:SLOWEST]:
        said = ", ".join(f"{name} {value:.1f}" for name, value in stages.items() if value >= 0.5)
        parts = ", ".join(f"{name} {value:.1f}" for name, value in figures.items()
                          if name in SPLIT and value >= 0.5)
        rows.append(f"{total:8.1f} ms: {said}; {parts}; other threads' CPU/run delay {figures.get('others', '?')}; "
                    f"{figures.get('policy', '')}; Enter at {figures.get('enter_s', 0):.4f} s (CLOCK_MONOTONIC)")
    return rows
