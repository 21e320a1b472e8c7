"""Script loading: comments, raw lines, waits in time units and in bars at the script's tempo."""
import pytest

from chronus_shell.language import ScriptError, load_script
from chronus_shell.protocol.message import Message


def stamps(text, sample_rate=48000):
    return [(sample, str(message)) for sample, message in load_script(text, sample_rate)]


def test_waits_add_up_in_samples():
    events = stamps("add a saw\nwait 2s\nplay a2\nwait 500ms\nrelease\n")
    assert [s for s, _ in events] == [0, 0, 96000, 120000]
    assert events[2] == (96000, "/gate/saw1 1 110.0")


def test_bars_steps_and_beats_follow_the_tempo():
    text = "tempo 128\nwait 1 bar\nstart\nwait 16 steps\nstop\nwait 1 beat\n/seq/bpm 120\nwait 4 bars\nstop"
    # 1 bar at 128 = 1.875 s; 1 beat = 0.46875 s; then 4 bars at 120 = 8 s
    assert [s for s, _ in stamps(text)] == [0, 90000, 180000, 202500, 586500]


def test_default_tempo_is_120_and_stamps_are_exact_at_any_rate():
    events = load_script("wait 3 steps\nstart\ntempo 130\nwait 1 step\nstop", sample_rate=44100)
    assert [s for s, _ in events] == [16538, 16538, 21626]       # 3 × 0.125 s; + 60/130/4 s, rounded once


def test_comments_blank_lines_and_raw_messages():
    text = "# an acid line\n\nadd a saw   # the source\n/mod/saw1/freq 55\nplay c#3\n"
    assert stamps(text) == [(0, "/patch/create saw1 saw"), (0, "/patch/connect saw1 master"),
                            (0, "/mod/saw1/freq 55"), (0, "/gate/saw1 1 138.591315")]


def test_raw_lines_are_messages():
    assert load_script("/seq/bpm 140") == [(0, Message("/seq/bpm", (140,)))]


def test_errors_name_the_line():
    with pytest.raises(ScriptError) as caught:
        load_script("add a saw\n\n# fine so far\nresonance 80%\n")
    assert caught.value.line == 4
    assert str(caught.value).startswith("line 4: no module in the patch has 'resonance'")


def test_a_wait_needs_a_time():
    with pytest.raises(ScriptError, match="line 1: wait needs a time"):
        load_script("wait 3 hz")


def test_scripts_load_from_a_path(tmp_path):
    path = tmp_path / "demo.chr"
    path.write_text("tempo 100\nwait 1 bar\nstart\n")
    assert stamps(str(path)) == [(0, "/seq/bpm 100.0"), (115200, "/seq/start")]
    assert stamps(path) == stamps(str(path))
