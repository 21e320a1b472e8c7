"""A script reads a line as the shell does (trial, session 20: 'add another sine a fifth up' worked
typed at the prompt and was refused in a script — the script asked the grammar alone first)."""
import pytest

from chronus_shell.language.script import ScriptError, load_script


def test_a_line_read_again_the_way_musicians_talk_works_in_a_script():
    events = load_script("add a sine at 55 hz\nadd another sine a fifth up\nwait 1 bar\nsine2 gain 0.3\n", 48000)
    sent = [(stamp, str(message)) for stamp, message in events]
    assert (0, "/mod/sine2/freq 82.41") in sent and sent[-1][1] == "/mod/sine2/gain 0.3" and sent[-1][0] > 0


def test_a_line_nothing_reads_still_stops_the_script_at_its_number():
    with pytest.raises(ScriptError, match="line 3"):
        load_script("add a sine\nwait 2 bars\nfoo bar baz\n", 48000)
