"""The stereo English: pan, centre, ping-pong, wider/narrower — in context, to exact messages."""
from __future__ import annotations

import pytest

from chronus_shell.language import Translator
from chronus_shell.language.errors import LanguageError

SETUP = ("add a saw at 55 hz", "add acid filter at 800hz", "play x.x.x.x. on hats", "play x... on kick",
         "add a reverb")

CASES = [
    ("pan the hats left", ["/mod/hat1/pan -0.5"]),
    ("pan the hats right", ["/mod/hat1/pan 0.5"]),
    ("hats 30% right", ["/mod/hat1/pan 0.3"]),
    ("the hats 30 percent left", ["/mod/hat1/pan -0.3"]),
    ("pan the bass hard left", ["/mod/saw1/pan -1.0"]),
    ("pan the kick all the way right", ["/mod/kick1/pan 1.0"]),
    ("pan the hat to the left", ["/mod/hat1/pan -0.5"]),
    ("hats hard right", ["/mod/hat1/pan 1.0"]),
    ("pan the hats -0.25", ["/mod/hat1/pan -0.25"]),
    ("set the kick pan to 0.2", ["/mod/kick1/pan 0.2"]),
    ("centre the hats", ["/mod/hat1/pan 0.0"]),
    ("pan the kick to the middle", ["/mod/kick1/pan 0.0"]),
    ("hats in the center", ["/mod/hat1/pan 0.0"]),
    ("wider reverb", ["/mod/reverb1/width 1.2"]),
    ("make the reverb wider", ["/mod/reverb1/width 1.4"]),
    ("narrow the reverb", ["/mod/reverb1/width 1.2"]),
    ("reverb width 50%", ["/mod/reverb1/width 0.5"]),
]


def translator() -> Translator:
    t = Translator()
    for line in SETUP:
        t.translate(line)
    return t


def test_stereo_phrases_in_context():
    t = translator()
    for line, expected in CASES:
        assert [str(m) for m in t.translate(line)] == expected, f"input: {line!r}"


def test_ping_pong_sets_the_delay_or_adds_one():
    t = translator()
    added = [str(m) for m in t.translate("ping pong delay")]
    assert added[0] == "/patch/create delay1 delay" and added[-1] == "/mod/delay1/mode pingpong", added
    assert [str(m) for m in t.translate("ping pong off")] == ["/mod/delay1/mode straight"]
    assert [str(m) for m in t.translate("make the delay ping pong")] == ["/mod/delay1/mode pingpong"]
    assert [str(m) for m in t.translate("no ping pong")] == ["/mod/delay1/mode straight"]
    assert [str(m) for m in t.translate("delay mode ping pong")] == ["/mod/delay1/mode pingpong"]
    assert [str(m) for m in t.translate("undo")] == ["/mod/delay1/mode straight"]


@pytest.mark.parametrize("line,words", [
    ("ping pong the saw", "not a delay"),
    ("pan the hats 150% left", "from the centre (0%) to the side (100%)"),
    ("pan the snare left", "no snare"),
])
def test_stereo_mistakes_are_one_line(line, words):
    with pytest.raises(LanguageError) as err:
        translator().translate(line)
    assert words in str(err.value) and "\n" not in str(err.value)


def test_right_now_is_still_now():
    assert [str(m) for m in translator().translate("play x... on kick right now")] == ["/seq/add kick kick1 x... now"]
