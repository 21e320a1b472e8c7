"""Mini-notation and pattern transforms on offline renders: every onset at the sample the exact grid
says (sub-step ones too), chance measured over 1,000 cycles, the same numbers whatever the block
size, the history or the process, and sessions that keep seed and transforms."""
from __future__ import annotations

import copy
from fractions import Fraction

import pytest

from chronus_shell.engine.engine import Engine
from chronus_shell.engine.mini_notation import PatternError, bjorklund, compile_pattern
from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.protocol.message import Message
from chronus_shell.session.schema import validate
from chronus_shell.session.snapshot import state_to_messages

from .grid import KICK, START, drive, half_up, messages, note_ons, onsets, render, sequencer, sps

BPM = 127          # 5669.29… samples a step: nothing lands on a whole number by luck


def _song(pattern: str, *extra: str, bpm=BPM):
    lines = KICK + [f"/seq/bpm {bpm}"]
    return (messages(lines) + [(0, Message("/seq/add", ("t", "k", pattern)))] + messages(extra)
            + messages(["/seq/start"], at=START))


def _at(position, bpm=BPM) -> int:
    """The sample of a (fractional) step position from the start."""
    return START + half_up(Fraction(position) * sps(bpm))


def _ons(pattern, steps, *extra, block=256, bpm=BPM):
    audio, notes = render(_song(pattern, *extra, bpm=bpm), _at(steps, bpm), block)
    return note_ons(notes, "k"), audio


def _bits(pattern: str) -> str:
    return "".join("x" if b else "." for b in bjorklund(*pattern))


def test_bjorklund_gives_toussaints_rhythms():
    assert _bits((3, 8)) == "x..x..x."
    assert _bits((5, 8)) == "x.xx.xx."
    assert _bits((5, 16)) == "x..x..x..x..x..."
    assert _bits((2, 5)) == "x.x.."
    assert _bits((7, 12)) == "x.xx.x.xx.x."
    assert _bits((9, 16)) == "x.xx.x.x.xx.x.x."
    assert _bits((-3, 8)) == ".xx.xx.x"


@pytest.mark.parametrize("block", [256, 100])
@pytest.mark.parametrize("pattern, steps, hits", [
    ("x(3,8)", 8, [0, 3, 6]), ("x(5,16)", 16, [0, 3, 6, 9, 12]), ("x(3,8,2)", 8, [1, 4, 6]),
    ("x(3,8) x(5,8)", 16, [0, 3, 6, 8, 10, 11, 13, 14]),
    ("<x(3,8) x(5,8)>", 16, [0, 3, 6, 8, 10, 11, 13, 14]),       # one rhythm a cycle, as in Tidal
])
def test_euclid_onsets_are_exact(pattern, steps, hits, block):
    ons, audio = _ons(pattern, 2 * steps, block=block)
    expected = [_at(h + c * steps) for c in range(2) for h in hits]
    assert ons == expected
    assert onsets(audio) == expected


@pytest.mark.parametrize("block", [256, 100, 17])
def test_subdivisions_and_rolls_land_on_exact_sub_step_samples(block):
    pattern = "[x x] x [x . x] x*4 | x@2 [x [x x]]"
    ons, _ = _ons(pattern, 7)
    parts = [0, Fraction(1, 2), 1, 2, 2 + Fraction(2, 3), 3, 3.25, 3.5, 3.75, 4, 6, 6.5, 6.75]
    assert ons == [_at(p) for p in parts]
    assert _ons(pattern, 7, block=block)[0] == ons


def test_subdivisions_follow_swing_between_a_step_and_the_next():
    ons, _ = _ons("x [x x]", 2, "/seq/swing 0.3")
    step = sps(BPM)
    second = step + Fraction(3, 10) * step               # the swung second step …
    assert ons == [_at(0), START + half_up(second), START + half_up((second + 2 * step) / 2)]   # … and its half


def test_spaces_and_bars_are_ignored_and_the_pattern_is_kept_as_written():
    written = " x..x | x.x. |x...| "
    plain, _ = _ons("x..xx.x.x...", 24)
    spaced, _ = _ons(written, 24)
    assert spaced == plain
    seq = Sequencer(48000)
    seq.handle(Message("/seq/add", ("t", "k", written)), 0)
    assert seq.state()["tracks"]["t"]["pattern"] == written
    assert Message.parse("/seq/add t k x..x | x.x. now").args == ("t", "k", "x..x | x.x.", "now")


def test_alternation_replicate_and_ties():
    ons, _ = _ons("<x . X> x!2 -", 12)         # 4 steps a cycle: cycle 1 has a rest first
    assert ons == [_at(s) for s in (0, 1, 2, 5, 6, 8, 9, 10)]
    table = compile_pattern("x- [x -] x")
    assert [h.gate for e in table.variants[0] if e for h in e] == [Fraction(3, 2), Fraction(3, 4), Fraction(1, 2)]


@pytest.mark.parametrize("pattern, position, words", [
    ("x(3,8", 2, "never closed"), ("[x x", 5, "never closed"), ("x]", 3, "closes nothing"),
    ("x.q.", 3, "'q' is not a step"), ("x*", 2, "whole number"), ("x?1.5", 3, "out of range 0–1"),
    ("x , x", 3, "stack"), ("x(9,8)", 2, "at most"), ("<>", 1, "empty"),
    ("[" * 17 + "x" + "]" * 17, 17, "nest at most 16"),
])
def test_malformed_patterns_are_one_line_naming_the_position(pattern, position, words):
    with pytest.raises(PatternError) as err:
        Sequencer(48000).check(Message("/seq/add", ("t", "k", pattern)))
    assert f"position {position}:" in str(err.value) and words in str(err.value)
    assert "\n" not in str(err.value)


def test_patterns_too_big_to_compile_quickly_are_refused():
    for pattern, words in [("x*64*64*64", "512 notes a cycle"), ("x" * 300, "1–256 steps"),
                           ("x" * 5000, "4096 characters"), ("[x*16*31] <x x x x x>", "before it repeats")]:
        with pytest.raises(PatternError, match=words):
            compile_pattern(pattern)


def _chance_run(pattern="x?0.5", cycles=1000, sizes=(256,), seed=None):
    lines = ["/seq/bpm 120", "/seq/start"] + ([f"/seq/seed {seed}"] if seed is not None else [])
    seq = sequencer(*lines)
    seq.handle(Message("/seq/add", ("t", "k", pattern)), 0)
    end = int(cycles * sps(120) * len(compile_pattern(pattern).variants[0]))
    return [e[0] for e in drive(seq, 0, end, sizes) if e[2]]


def test_chance_half_plays_half_the_time_the_same_every_time():
    played = _chance_run()
    assert 450 <= len(played) <= 550
    assert _chance_run(sizes=(100, 313, 7)) == played        # however the windows are cut
    other = _chance_run(seed=7)
    assert other != played and 450 <= len(other) <= 550     # another seed, other draws
    assert 270 <= len(_chance_run("x?0.3")) <= 330


def test_chance_over_1000_cycles_of_an_offline_render():
    song = _song("x?0.5", "/seq/seed 5", bpm=300)                 # a cycle is one step: 2400 samples
    end = _at(1000, 300)
    first, again = render(song, end, 256), render(song, end, 256)
    played = note_ons(first[1], "k")
    assert 450 <= len(played) <= 550, len(played)
    assert played == note_ons(again[1], "k") and first[0].tobytes() == again[0].tobytes()
    assert set(played) <= {_at(n, 300) for n in range(1000)}         # each one on its step's sample


def test_track_chance_multiplies_and_draws_do_not_depend_on_history():
    seq = sequencer("/seq/bpm 120", "/seq/seed 11", "/seq/add t k xxxx", "/seq/chance t 0.25", "/seq/start")
    first = drive(seq, 0, 48000 * 20)
    assert 25 <= sum(e[2] for e in first) <= 55              # 160 steps × 0.25
    spare = copy.deepcopy(seq)                              # a spare taking over from a checkpoint
    cold = Sequencer(48000)
    cold.load_state(seq.state())                            # a cold restore: the same step numbers
    cold.next_step, cold.anchor_time, cold.anchor_step = seq.next_step, seq.anchor_time, seq.anchor_step
    assert drive(spare, 48000 * 20, 48000 * 40) == drive(seq, 48000 * 20, 48000 * 40) == \
        drive(cold, 48000 * 20, 48000 * 40)


@pytest.mark.parametrize("line, expected", [
    ("/seq/shift t 1", [1, 4, 7, 9, 12, 15]), ("/seq/shift t -1", [2, 5, 7, 10, 13, 15]),
    ("/seq/reverse t", [1, 4, 7, 9, 12, 15]), ("/seq/speed t 2", [0, 3, 4, 6, 7, 10, 11, 14, 15]),
    ("/seq/speed t 0.5", [0, 6, 12]),
    ("/seq/speed t 1.5", [Fraction(k * 2, 3) for k in (0, 3, 6, 8, 11, 14, 16, 19, 22)]),     # 3 steps in the time of 2
])
def test_transforms(line, expected):
    ons, _ = _ons("x(3,8)", 16, line)
    if line.endswith("2"):
        expected = [Fraction(s, 2) for s in (0, 3, 6, 8, 11, 14, 16, 19, 22, 24, 27, 30)]
    assert ons == [_at(s) for s in expected]


def test_humanize_is_late_never_early_bounded_and_seeded():
    ons, _ = _ons("x" * 16, 16, "/seq/humanize t 1")
    late = [o - _at(n) for n, o in enumerate(ons)]
    assert all(0 <= d <= 0.02 * 48000 for d in late) and len(set(late)) > 8
    assert _ons("x" * 16, 16, "/seq/humanize t 1")[0] == ons
    assert _ons("x" * 16, 16, "/seq/humanize t 1", "/seq/seed 3")[0] != ons


def test_render_is_bit_identical_with_chance_and_humanize():
    song = ("x?0.5 [x x?] <X x?0.3> x*2", "/seq/humanize t 0.5", "/seq/chance t 0.8", "/seq/seed 42")
    first = render(_song(*song), _at(256), 256)
    again = render(_song(*song), _at(256), 256)
    assert first[1] == again[1] and first[0].tobytes() == again[0].tobytes()
    assert render(_song(*song), _at(256), 100)[1] == first[1]          # the notes whatever the block
    assert 100 < len(note_ons(first[1], "k")) < 300          # of 384 written


def test_sessions_round_trip_seed_and_transforms():
    engine = Engine(48000, 256)
    for line in KICK + ["/seq/add t k x(3,8)", "/seq/shift t 2", "/seq/reverse t", "/seq/speed t 1.5",
                        "/seq/chance t 0.7", "/seq/humanize t 0.25", "/seq/seed 99", "/seq/start"]:
        engine.schedule(Message.parse(line), 0)
    engine.render(256)
    state = engine.patch_state()
    track = state["sequencer"]["tracks"]["t"]
    assert track == {"target": "k", "pattern": "x(3,8)", "notes": [], "shift": 2, "reverse": True,
                     "speed": 1.5, "chance": 0.7, "humanize": 0.25}
    assert state["sequencer"]["seed"] == 99
    assert validate(state)["sequencer"] == state["sequencer"]
    restored = Engine(48000, 256)
    for msg in state_to_messages(state):
        restored.schedule(msg, 0)
    restored.render(0)
    assert restored.patch_state()["sequencer"] == {**state["sequencer"]}


def test_a_new_pattern_plays_unshifted_but_keeps_speed_and_chance():
    seq = sequencer("/seq/add t k x...", "/seq/shift t 1", "/seq/speed t 2", "/seq/chance t 0.5", "/seq/add t k x.x.")
    assert seq.state()["tracks"]["t"] == {"target": "k", "pattern": "x.x.", "notes": [], "speed": 2.0, "chance": 0.5}


def test_transform_errors_are_one_line():
    seq = sequencer("/seq/add t k x...")
    for line, words in [("/seq/speed t 0", "out of range 0.125–8"), ("/seq/chance t 2", "out of range 0–1"),
                        ("/seq/shift t 1.5", "not whole"), ("/seq/reverse t 2", "1 (reversed"),
                        ("/seq/seed -1", "out of range")]:
        with pytest.raises(Exception) as err:
            seq.check(Message.parse(line))
        assert words in str(err.value), (line, str(err.value))
    with pytest.raises(Exception, match="no track 'nope' to shift"):
        Engine(48000, 256).check(Message.parse("/seq/shift nope 1"))
