"""Gain staging at the defaults, measured: a five-part mix (saw bass through the acid filter, kick,
snare, hat) is not pinned in the master's limiter — it acts on the drums' transients only. The
bus before the limiter peaks at about +3 dBFS where the kick meets the bass: alone at its defaults
the kick peaks near −2 dBFS, the snare −2, the hat −6 (their noise scaled by SNARE_WIRES, HAT_NOISE),
the bass −7."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

SR = 48000
MIX = ["/patch/create b saw", "/patch/create a acid_filter", "/patch/connect b a", "/patch/connect a master",
       "/patch/create k kick", "/patch/connect k master", "/patch/create s snare", "/patch/connect s master",
       "/patch/create h hat", "/patch/connect h master", "/seq/add tb b x.x.x.x.x.x.x.x.",
       "/seq/add tk k x...x...x...x...", "/seq/add ts s ....x.......x...", "/seq/add th h ..x...x...x...x.",
       "/seq/start"]
SETTLED = SR // 10          # after the master gain's 5 ms glide from its default


def _render(lines: list[str]) -> np.ndarray:
    engine = Engine(SR, 256)
    for line in lines:
        engine.schedule(Message.parse(line))
    return np.concatenate([engine.render_stereo(256) for _ in range(3 * SR // 256)])[SETTLED:, 0].astype(float)


def test_a_five_part_mix_at_the_defaults_is_limited_on_its_transients_only():
    limited = _render(MIX)
    bus = _render(MIX + ["/mod/master/limiter off", "/mod/master/gain -20"]) * 10.0   # the bus, unclipped
    assert 1.5 < 20 * np.log10(np.abs(bus).max()) < 4.5           # the bus does go over full scale …
    reduction = 20 * np.log10(np.maximum(np.abs(limited), 1e-12) / np.maximum(np.abs(bus), 1e-12))
    windows = reduction[:len(reduction) // 480 * 480].reshape(-1, 480).min(axis=1)      # 10 ms windows
    assert np.mean(windows < -0.5) < 0.05                          # … but few windows are limited at all
    assert np.median(reduction[np.abs(bus) > 1e-3]) > -0.05        # the typical sample passes untouched
    assert np.abs(limited).max() <= 10 ** (-0.3 / 20) + 1e-6
