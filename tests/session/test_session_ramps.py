"""Sessions keep ramps in progress: saved where they are, loaded, they go on to their targets."""
import pytest

from chronus_shell.engine.timeline import Timeline
from chronus_shell.protocol.message import Message
from chronus_shell.session.paths import SessionError
from chronus_shell.session.snapshot import load_session, save_session, state_to_messages

SR, BLOCK, BEAT = 48000, 256, 24000
PATCH = ["/patch/create s saw", "/patch/create f acid_filter", "/patch/connect s f", "/patch/connect f master",
         "/mod/f/cutoff 300", "/seq/start"]


def _timeline(lines, ramp_at=4800):
    timeline = Timeline(SR, BLOCK)
    for line in lines:
        timeline.schedule(Message.parse(line), 0)
    timeline.schedule(Message.parse("/ramp/f/cutoff 3000 16"), ramp_at)
    timeline.schedule(Message.parse("/ramp/s/gain 0 8 lin"), ramp_at)
    return timeline


def test_a_session_saved_mid_ramp_round_trips_and_lands_on_the_targets(chronus_home):
    timeline = _timeline(PATCH)
    while timeline.position < 4800 + 4 * BEAT:                 # a quarter of the cutoff ramp
        timeline.render_block()
    state = timeline.engine.patch_state()
    ramps = {r["target"]: r for r in state["ramps"]}
    cutoff, gain = ramps["f.cutoff"], ramps["s.gain"]
    assert cutoff["to"] == 3000.0 and cutoff["curve"] == "exp" and 11.9 < cutoff["beats"] < 12.0
    assert 300 * 10 ** 0.24 < cutoff["from"] < 300 * 10 ** 0.26
    assert gain["to"] == 0.0 and gain["curve"] == "lin" and 3.9 < gain["beats"] < 4.0
    assert state["modules"]["f"]["params"]["cutoff"] == 3000.0       # the setting is the target
    save_session("mid-sweep", state)
    loaded = load_session("mid-sweep")
    assert loaded["ramps"] == state["ramps"]

    fresh = Timeline(SR, BLOCK)
    for message in state_to_messages(loaded):
        fresh.schedule(message, 0)
    fresh.render_block()
    ramp = fresh.engine.param_ramps[("f", "cutoff")]
    assert ramp.begin == pytest.approx(cutoff["from"]) and ramp.target == 3000.0
    assert ramp.end - ramp.start == round(cutoff["beats"] * BEAT)
    while fresh.position < ramp.end + BLOCK:
        fresh.render_block()
    module = fresh.engine.modules["f"]
    assert module.current["cutoff"] == 3000.0 and not fresh.engine.param_ramps.get(("f", "cutoff"))
    assert fresh.engine.modules["s"].current["gain"] == 0.0


def test_a_finished_ramp_is_not_saved():
    timeline = _timeline(PATCH)
    while timeline.position < 4800 + 17 * BEAT:
        timeline.render_block()
    assert "ramps" not in timeline.engine.patch_state()


@pytest.mark.parametrize("ramp, words", [
    ({"target": "f.cutoff", "from": 300, "to": 30000, "beats": 4, "curve": "exp"}, "out of range"),
    ({"target": "ghost.cutoff", "from": 300, "to": 3000, "beats": 4, "curve": "exp"}, "not <module>.<param>"),
    ({"target": "f.cutoff", "from": 300, "to": 3000, "beats": -4, "curve": "exp"}, "0–4096 beats"),
    ("f.cutoff", "a ramp is"),
])
def test_a_bad_saved_ramp_is_one_line_naming_where(ramp, words):
    timeline = _timeline(PATCH)
    timeline.render_block()
    state = timeline.engine.patch_state()
    state["ramps"] = [ramp]
    with pytest.raises(SessionError) as err:
        state_to_messages(state)
    assert "ramps[0]" in str(err.value) and words in str(err.value)


def test_a_tempo_ramp_in_progress_round_trips():
    timeline = Timeline(SR, BLOCK)
    for line in ("/patch/create k kick", "/patch/connect k master", "/seq/add kick k x...x...x...x...",
                 "/seq/bpm 120", "/seq/start", "/seq/bpm 160 ramp 16"):
        timeline.schedule(Message.parse(line), 0)
    while timeline.engine.sequencer.next_step < 32:               # 8 of the 16 beats
        timeline.render_block()
    state = timeline.engine.patch_state()
    [tempo] = [r for r in state["ramps"] if r["target"] == "seq.bpm"]
    seq = timeline.engine.sequencer
    assert tempo["to"] == 160.0 and tempo["beats"] == (64 - seq.next_step) / 4
    assert 130 < tempo["from"] < 150 and tempo["from"] == float(seq.tempo_ramp.bpm_at(seq.next_step))
    messages = [str(m) for m in state_to_messages(state)]
    assert messages[-2:] == [f"/seq/bpm {tempo['from']} now", f"/seq/bpm 160.0 ramp {tempo['beats']}"]
    fresh = Timeline(SR, BLOCK)
    for message in state_to_messages(state):
        fresh.schedule(message, 0)
    for _ in range(4):
        fresh.render_block()
    ramp = fresh.engine.sequencer.tempo_ramp
    assert ramp.b0 == pytest.approx(tempo["from"]) and ramp.b1 == 160
    assert (ramp.end_step - ramp.start_step) / 4 == tempo["beats"]


def test_a_bad_saved_tempo_ramp_is_one_line():
    state = {"schema_version": 1, "modules": {}, "ramps": [{"target": "seq.bpm", "from": 120, "to": 900, "beats": 8}]}
    with pytest.raises(SessionError) as err:
        state_to_messages(state)
    assert str(err.value).startswith("ramps[0]: ") and "out of range" in str(err.value)
