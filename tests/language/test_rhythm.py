"""Rhythm English (issue 15): euclid counts, chance, humanize, shift, reverse, speed, beat positions,
rolls and mini-notation typed directly — each phrase's messages, its undo, and the refusals."""
import pytest

from chronus_shell.engine.engine import Engine
from chronus_shell.language import Translator

from .test_musicians import refused, run

DRUMS = ("add a kick", "add a snare", "add a hat", "kick x...x...x...x...", "snare ....x.......x...",
         "hats x.x.x.x.x.x.x.x.")


@pytest.mark.parametrize("phrase, expected", [
    # euclid counts (the class that was read as a kick tuning)
    ("kick 5 of 16", ["/seq/add kick kick1 x(5,16)"]),
    ("kick 3 hits over 8", ["/seq/add kick kick1 x(3,8)"]),
    ("3 hits over 8 on the hat", ["/seq/add hats hat1 x(3,8)"]),
    ("three hits over eight on the hats", ["/seq/add hats hat1 x(3,8)"]),
    ("euclid 3 8 on the kick", ["/seq/add kick kick1 x(3,8)"]),
    ("kick euclid(5,8,2)", ["/seq/add kick kick1 x(5,8,2)"]),
    ("3 hits over 8 on the hat rotated by 2", ["/seq/add hats hat1 x(3,8,2)"]),
    ("kick 7 in 16", ["/seq/add kick kick1 x(7,16)"]),
    ("hats 5 over 16 euclid", ["/seq/add hats hat1 x(5,16)"]),
    ("kick 3 hits per bar", ["/seq/add kick kick1 x(3,16)"]),
    ("kick: 3 over 8", ["/seq/add kick kick1 x(3,8)"]),
    # mini-notation typed directly
    ("kick x(3,8)", ["/seq/add kick kick1 x(3,8)"]),
    ("hats [xx] x [xx] x", ["/seq/add hats hat1 '[xx] x [xx] x'"]),
    ("play x(5,16,2) on the kick", ["/seq/add kick kick1 x(5,16,2)"]),
    ("snare <x .> ~ x@2 -", ["/seq/add snare snare1 '<x .> ~ x@2 -'"]),
    ('hats "x x? x x?0.3"', ["/seq/add hats hat1 'x x? x x?0.3'"]),
    # chance
    ("hats 50% of the time", ["/seq/chance hats 0.5"]),
    ("hats play only half the time", ["/seq/chance hats 0.5"]),
    ("the hats should only play 75% of the time", ["/seq/chance hats 0.75"]),
    ("give the hats a 30% chance", ["/seq/chance hats 0.3"]),
    ("hats sometimes", ["/seq/chance hats 0.5"]),
    ("hats rarely", ["/seq/chance hats 0.25"]),
    ("hats 1/3 chance", ["/seq/chance hats 0.3333"]),
    ("degradeBy 0.3 snare", ["/seq/chance snare 0.7"]),
    ("seed 1234", ["/seq/seed 1234"]),
    # humanize
    ("humanize the hats", ["/seq/humanize hats 0.5"]),
    ("humanize the hats a little", ["/seq/humanize hats 0.25"]),
    ("humanize the snare a lot", ["/seq/humanize snare 0.8"]),
    ("make the hats more human", ["/seq/humanize hats 0.5"]),
    # shift
    ("shift the kick one step later", ["/seq/shift kick 1"]),
    ("shift the kick 2 steps earlier", ["/seq/shift kick -2"]),
    ("move the hats an eighth later", ["/seq/shift hats 2"]),
    ("displace the snare by a quaver", ["/seq/shift snare 2"]),
    ("lay the snare back a 16th", ["/seq/shift snare 1"]),
    ("(1/16) <~ hats", ["/seq/shift hats -1"]),
    # reverse
    ("reverse the hats", ["/seq/reverse hats"]),
    ("play the kick backwards", ["/seq/reverse kick"]),
    ("rev hats", ["/seq/reverse hats"]),
    # speed
    ("double time hats", ["/seq/speed hats 2.0"]),
    ("half time snare", ["/seq/speed snare 0.5"]),
    ("triplet hats", ["/seq/speed hats 1.5"]),
    ("hats in triplet quavers", ["/seq/add hats hat1 [xxx]@4[xxx]@4[xxx]@4[xxx]@4"]),   # three a beat, in the bar
    ("play the kick twice as fast", ["/seq/speed kick 2.0"]),
    ("hats at 1.5x", ["/seq/speed hats 1.5"]),
    ("fast 2 hats", ["/seq/speed hats 2.0"]),
    ("slow 2 $ snare", ["/seq/speed snare 0.5"]),
    ("double the hats", ["/seq/speed hats 2.0"]),
    ("half time the whole kit", ["/seq/speed kick 0.5", "/seq/speed snare 0.5", "/seq/speed hats 0.5"]),
    # beat positions, rolls, fills
    ("snare on the and of 2", ["/seq/add snare snare1 ......x........."]),
    ("snare on the and of 2 and 4", ["/seq/add snare snare1 ......x.......x."]),
    ("kick on 1 and the and of 3", ["/seq/add kick kick1 x.........x....."]),
    ("hats on the e of 1", ["/seq/add hats hat1 .x.............."]),
    ("add a kick on the and of 4", ["/seq/add kick kick1 x...x...x...x.x."]),
    ("roll on the last snare", ["/seq/add snare snare1 ....x.......x*2..."]),
    ("triple roll on the last snare", ["/seq/add snare snare1 ....x.......x*3..."]),
    ("roll on the first kick", ["/seq/add kick kick1 x*2...x...x...x..."]),
    ("snare roll at the end of the bar", ["/seq/add snare snare1 ....x.......xxxx"]),
    ("hat rolls on the last beat, 32nds", ["/seq/add hats hat1 x.x.x.x.x.x.x*2x*2x*2x*2"]),
    ("stutter the snare on the 4", ["/seq/add snare snare1 ....x.......x*2..."]),
    ("Kick on the 'and' of four as well, please.", ["/seq/add kick kick1 x...x...x...x.x."]),
    ("let the hats play 25% of the time", ["/seq/chance hats 0.25"]),
    ("randomize the hats", ["/seq/chance hats 0.5"]),
    ("move the kick one step to the right", ["/seq/shift kick 1"]),
    ("put the hats in triplets", ["/seq/speed hats 1.5"]),
    ("snare roll on the last hit", ["/seq/add snare snare1 ....x.......x*2..."]),
    # several on a line
    ("kick 5 of 16, hats 50% of the time", ["/seq/add kick kick1 x(5,16)", "/seq/chance hats 0.5"]),
    ("kick double time now", ["/seq/speed kick 2.0 now"]),
])
def test_phrase(phrase, expected):
    assert run(*DRUMS, phrase)[0] == expected


def test_relative_phrases_add_up_and_undo_takes_each_back():
    messages, translator = run(*DRUMS, "shift the kick one step later")
    assert translator.translate("shift the kick one step later")[0].args == ("kick", 2)
    assert [str(m) for m in translator.undo()] == ["/seq/shift kick 1.0"]
    assert translator.translate("double time hats")[0].args == ("hats", 2.0)
    assert translator.translate("double time hats")[0].args == ("hats", 4.0)
    assert [str(m) for m in translator.translate("reverse the hats")] == ["/seq/reverse hats"]
    assert [str(m) for m in translator.translate("reverse the hats")] == ["/seq/reverse hats 0"]   # forwards again
    assert "reversed" not in translator.model.tracks["hats"].style
    assert [str(m) for m in translator.undo()] == ["/seq/reverse hats 1"]


def test_back_to_normal_and_a_new_pattern():
    assert run(*DRUMS, "double time hats", "normal time hats")[0] == ["/seq/speed hats 1.0"]
    messages, translator = run(*DRUMS, "shift the kick one step later", "kick x(3,8)")
    assert "shift" not in translator.model.tracks["kick"].style        # a new pattern plays as written


def test_every_message_is_accepted_by_the_engine():
    translator, engine = Translator(), Engine(48000, 256)
    lines = DRUMS + ("kick 5 of 16", "hats 50% of the time", "humanize the hats", "shift the kick one step later",
                     "reverse the hats", "triplet hats", "snare on the and of 2", "roll on the last snare",
                     "hats [xx] x [xx] x", "seed 7", "half time the whole kit")
    for line in lines:
        for msg in translator.translate(line):
            engine.schedule(msg)
    engine.render(256)
    tracks = engine.patch_state()["sequencer"]["tracks"]
    assert tracks["hats"] == {"target": "hat1", "pattern": "[xx] x [xx] x", "notes": [], "speed": 0.75, "chance": 0.5,
                              "humanize": 0.5}
    assert tracks["kick"]["speed"] == 0.5 and engine.sequencer.seed == 7


@pytest.mark.parametrize("lines, words", [
    (("kick 3 hits",), "3 hits over how many steps?"),
    (("kick 9 of 8",), "9 hits over 8 steps"),
    (("hats 150% of the time",), "0–100%"),
    (("shift the hats half a step",), "whole steps"),
    (("drag the snare back a step",), "later or earlier?"),
    (("reverse the bass",), "nothing plays 'bass'"),
    (("unreverse the hats",), "plays forwards already"),
    (("hats normal speed",), "plays at 1× already"),
    (("kick x(3,8", ), "position 2"),
    (('hats "x x q"',), "position 5: 'q' is not a step"),
    (("play x(3,8 on kick",), "position 2: '(' is never closed"),
    (("kick x(3,8)", "roll on the last kick"), "no single hit to roll"),
    (("double time hats", "double time hats", "double time hats", "double time hats"), "0.125–8×"),
])
def test_refusals_are_one_line(lines, words):
    message = refused(*DRUMS, *lines)
    assert words in message and "\n" not in message


def test_kick_tuning_still_works():
    assert run(*DRUMS, "kick 60 hz")[0] == ["/mod/kick1/freq 60.0"]
    assert run(*DRUMS, "kick x...x...x...x...")[0] == ["/seq/add kick kick1 x...x...x...x..."]
