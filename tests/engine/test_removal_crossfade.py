"""Removing a module outside a transaction (`remove the reverb`, `swap the sine for a triangle`)
crossfades the graph as it was into the new one from the removal's sample, as a commit does:
measured sample by sample, the output never steps further than it does while playing."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine.timeline import COMMIT_FADE_MS, Timeline
from chronus_shell.protocol.message import Message

SR = 48000
AT = SR + 100                      # inside a block: the fade starts at the sample, not the block


def _render(before: list[str], change: list[str], seconds: float = 1.5) -> np.ndarray:
    timeline = Timeline(SR, 256)
    for line in before:
        timeline.schedule(Message.parse(line), 0)
    for line in change:
        timeline.schedule(Message.parse(line), AT)
    return np.concatenate([timeline.render_block() for _ in range(int(seconds * SR) // 256)])[:, 0].astype(float)


SINE = ["/patch/create s sine", "/mod/s/freq 220", "/patch/connect s master"]
SINE_REVERB = ["/patch/create s sine", "/mod/s/freq 220", "/patch/create r reverb", "/patch/connect s r",
               "/patch/connect r master"]
SWAP = ["/patch/remove s", "/patch/create t triangle", "/mod/t/freq 220", "/patch/connect t master"]
NO_REVERB = ["/patch/remove r", "/patch/connect s master"]


FADE = round(COMMIT_FADE_MS * 1e-3 * SR)


def _steps(audio: np.ndarray) -> tuple[float, float]:
    """(the largest step while playing, before or well after the change; the largest across it)."""
    steps = np.abs(np.diff(audio))
    after = AT + 2 * FADE
    return max(steps[SR // 2:AT - 1].max(), steps[after:].max()), steps[AT - 1:after].max()


def test_a_swap_and_a_removal_never_step_further_than_the_music_does():
    for before, change in ((SINE, SWAP), (SINE_REVERB, NO_REVERB)):
        playing, at_removal = _steps(_render(before, change))
        assert at_removal <= 1.05 * playing, change        # a one-sample jump was 34× (swap), 8× (reverb)


def test_the_old_graph_plays_until_the_removal_sample_and_is_gone_a_fade_later():
    audio = _render(SINE, SWAP)
    alone = _render(SINE, [])
    assert np.array_equal(audio[:AT], alone[:AT])                  # nothing moves before the removal
    assert not np.array_equal(audio[AT:AT + 10], alone[AT:AT + 10])
    new = _render([], ["/patch/create t triangle", "/mod/t/freq 220", "/patch/connect t master"])
    later = slice(AT + FADE + 256, AT + FADE + 2000)
    assert np.array_equal(audio[later], new[later])                # then the new graph alone



def test_a_module_nobody_hears_goes_without_a_fade_or_a_copy_of_the_engine():
    """(The flood of removals: each one copied the whole engine and rendered it twice for 15 ms.)"""
    timeline = Timeline(SR, 256)
    for line in SINE + ["/patch/create idle acid_filter", "/patch/create lfo lfo", "/patch/connect lfo idle.cutoff"]:
        timeline.schedule(Message.parse(line), 0)
    timeline.render_block()
    for module_id in ("idle", "lfo"):
        timeline.schedule(Message.parse(f"/patch/remove {module_id}"), timeline.position + 100)
        timeline.render_block()
        assert timeline._fading is None
    timeline.schedule(Message.parse("/patch/remove s"), timeline.position + 100)
    timeline.render_block()
    assert timeline._fading is not None                               # what is heard still fades
