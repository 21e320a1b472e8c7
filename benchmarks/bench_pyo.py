#!/usr/bin/env python3
"""Engine speed against pyo: the same patch rendered offline by both engines in the same run.

For N voices (saw → 4-pole ladder low-pass → ADSR → master, 48 kHz, block 256, every gate open at
110 Hz) both engines render 10 s of audio offline, and the wall time gives × real time:
- chronus: the patch from bench_engine.voice_engine, engine.render_stereo(256) in a loop (after warmup):
  the voices summed centred into the stereo master, (256, 2) float32 frames a block;
- pyo (`pip install .[bench]`): an offline Server (audio="offline"), per voice a band-limited
  LFO saw into MoogLP times a played Adsr, summed with Mix and sent centred to both channels of a
  2-channel server (a stereo WAV, like ours); timed around s.start(), boot excluded.

pyo is a C engine (every object a per-sample C loop), so `ratio` (chronus / pyo speed) says how close
our numpy/numba engine gets to a native one. The machine may be shared: each voice count is rendered
RUNS times by both engines, alternating, and the table gives the median of the per-pair ratios (and
median speeds), so load that comes and goes hits both sides alike. Both outputs are checked to be
finite and not silent. Without pyo, only chronus is measured and the JSON says "pyo": null.
`--runs N` sets RUNS (default 5). Writes benchmarks/results/pyo.json.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np
import soundfile as sf

from chronus_shell.engine import warmup

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_engine import BLOCK, SR, voice_engine  # noqa: E402

os.environ.setdefault("PYO_GUI_WX", "0")        # no wxPython banner on import
try:
    import pyo64 as pyo                          # double precision, like our float64 kernels
except ImportError:
    pyo = None

SECONDS = 10.0
BLOCKS = int(round(SECONDS * SR / BLOCK))       # 1875 blocks = 10 s
VOICES = (1, 16, 64, 128)
CHRONUS_PATCH = ("saw (band-limited step, 64-tap) -> acid_filter (ZDF 4-pole ladder, cutoff 500 Hz, "
                 "resonance 0.5, tanh drive and feedback, per-note cutoff envelope) -> adsr (10/100/0.7/200 ms) "
                 "-> stereo master (centred), gate open at 110 Hz; float64 kernels, float32 (n, 2) output")
PYO_OSCILLATOR = "LFO(freq=110, type=0, sharp=1): band-limited saw up (Phasor is not band-limited)"
PYO_PATCH = (f"{PYO_OSCILLATOR} -> MoogLP(freq=500, res=0.5, fixed cutoff) * Adsr(0.01, 0.1, 0.7, "
             "0.2, dur=0).play() -> Mix(voices=1, mul=1/N) -> Mix([mono, mono], voices=2).out() (centred "
             "on both channels); pyo64 (double precision), offline 2-channel Server, render written to a "
             "32-bit float stereo WAV (file write included in the time)")


def check(audio: np.ndarray) -> tuple[float, bool]:
    """Peak, and whether the audio is finite and not silent."""
    finite = bool(np.isfinite(audio).all())
    peak = float(np.abs(audio).max()) if finite and audio.size else 0.0
    return peak, finite and peak > 0.0


def chronus_render(count: int) -> tuple[float, float, bool]:
    engine = voice_engine(count)
    blocks = []
    start = time.perf_counter()
    for _ in range(BLOCKS):
        blocks.append(engine.render_stereo(BLOCK))
    wall = time.perf_counter() - start
    return (wall, *check(np.concatenate(blocks)))


def pyo_render(count: int, folder: Path) -> tuple[float, float, bool]:
    wav = folder / f"pyo_{count}.wav"
    server = pyo.Server(sr=SR, nchnls=2, buffersize=BLOCK, duplex=0, audio="offline")
    server.setVerbosity(1)                       # errors only: no "rendering file ..." messages
    server.boot()
    server.recordOptions(dur=SECONDS, filename=str(wav), fileformat=0, sampletype=3)
    voices = []                                  # keep every object alive while rendering
    for _ in range(count):
        env = pyo.Adsr(attack=0.01, decay=0.1, sustain=0.7, release=0.2, dur=0)
        saw = pyo.LFO(freq=110, type=0, sharp=1)
        voices.append((env, saw, pyo.MoogLP(saw, freq=500, res=0.5, mul=env)))
        env.play()                               # gate open, held for the whole render
    mono = pyo.Mix([v[2] for v in voices], voices=1, mul=1.0 / count)
    mix = pyo.Mix([mono, mono], voices=2).out()       # centred: the same mix on both channels
    start = time.perf_counter()
    server.start()                               # offline: returns when the file is written
    wall = time.perf_counter() - start
    server.shutdown()
    del mix, mono, voices
    audio, rate = sf.read(str(wav), dtype="float32")
    if rate != SR or audio.ndim != 2 or len(audio) < BLOCKS * BLOCK - BLOCK:
        raise SystemExit(f"pyo wrote {audio.shape} samples at {rate} Hz, expected 10 s of stereo at {SR} Hz")
    return (wall, *check(audio))


def median_run(runs: list[tuple[float, float, bool]]) -> tuple[float, float, bool]:
    """The median wall time of several runs; the peak of the first; ok only if every run was."""
    return statistics.median(r[0] for r in runs), runs[0][1], all(r[2] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="alternating runs per voice count (median)")
    runs = parser.parse_args().runs
    start = time.perf_counter()
    if pyo is None:
        print("pyo is not installed (pip install pyo, or .[bench]): measuring chronus only, pyo: null")
    warmup()
    chronus, other, ratios = {}, {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in VOICES:
            ours, theirs = [], []
            for _ in range(runs):
                ours.append(chronus_render(n))
                if pyo is not None:
                    theirs.append(pyo_render(n, Path(tmp)))
            chronus[n] = median_run(ours)
            if theirs:
                other[n] = median_run(theirs)
                ratios[n] = statistics.median(p[0] / c[0] for c, p in zip(ours, theirs))
    print(f"{SECONDS:g} s of audio rendered offline at {SR} Hz, block {BLOCK}, median of {runs} alternating runs: "
          f"chronus vs {'pyo ' + version('pyo') if pyo else 'no pyo'}")
    print(f"{'voices':>6} {'chronus x rt':>13} {'pyo x rt':>9} {'chronus/pyo':>12}  output ok (chronus, pyo)")
    rows, ok = {}, True
    for n in VOICES:
        c_wall, c_peak, c_ok = chronus[n]
        row = {"chronus_wall_s": c_wall, "chronus_x_real_time": SECONDS / c_wall,
               "chronus_us_per_block": c_wall / BLOCKS * 1e6, "chronus_peak": c_peak, "chronus_ok": c_ok}
        if n in other:
            p_wall, p_peak, p_ok = other[n]
            row.update(pyo_wall_s=p_wall, pyo_x_real_time=SECONDS / p_wall, pyo_us_per_block=p_wall / BLOCKS * 1e6,
                       pyo_peak=p_peak, pyo_ok=p_ok, ratio=ratios[n])
        ok = ok and c_ok and row.get("pyo_ok", True)
        rows[str(n)] = row
        pyo_rt = f"{row['pyo_x_real_time']:>9.1f}" if n in other else f"{'-':>9}"
        ratio = f"{row['ratio']:>12.3f}" if n in other else f"{'-':>12}"
        print(f"{n:>6} {row['chronus_x_real_time']:>13.1f} {pyo_rt} {ratio}  "
              f"{'yes' if c_ok else 'NO'}, {('yes' if row['pyo_ok'] else 'NO') if n in other else '-'}")
    result = {
        "audio_seconds": SECONDS, "sample_rate": SR, "block": BLOCK, "runs": runs, "voices": rows,
        "chronus": {"patch": CHRONUS_PATCH, "engine": "numpy/numba, Engine.render_stereo(256) in a loop"},
        "pyo": None if pyo is None else {
            "version": version("pyo"), "module": "pyo64", "oscillator": PYO_OSCILLATOR,
            "patch": PYO_PATCH, "engine": "C, per-sample loops in each object, offline Server"},
        "ratio": "median over runs of pyo wall / chronus wall (1.0 = as fast as pyo, < 1 = slower)",
        "note": ("pyo runs a C engine (per-sample C loops), so the ratio says how close our numpy/numba "
                 "engine is to a native one. The patches are close, not identical: our acid_filter "
                 "also runs tanh drive and a per-note cutoff envelope (tan() every sample), pyo's "
                 "MoogLP has a fixed cutoff. Our engine renders every voice of the patch in one numba call "
                 "(ladders vectorised across voices)."),
    }
    out = ROOT / "benchmarks" / "results" / "pyo.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)} in {time.perf_counter() - start:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
