"""English time words → timed messages: ramps over bars, fades, sweeps, tempo ramps, timed mutes, a
stop at the bar line, commands on the next bar — and one-line refusals where a guess would be wrong."""
import pytest

from chronus_shell.language import LanguageError, Translator

SETUP = ("add a saw at 55 hz", "add acid filter at 800hz", "bass notes a1 c2 e2", "play x.x.x.x. on saw1",
         "play x...x...x...x... on kick", "play ..x...x...x...x. on hats", "add a sine at 440 hz", "start",
         "focus acid_filter1")



def _silenced(bars: int) -> list[str]:
    """A stop silences the drones with it (the saw and the sine have no envelope), on the same bar line."""
    return [f"/at {bars} bar /mod/saw1/gain 0.0", f"/at {bars} bar /mod/sine1/gain 0.0"]


def _translator() -> Translator:
    translator = Translator()
    for line in SETUP:
        try:
            translator.translate(line)
        except LanguageError:
            pass                               # "focus" is not a command everywhere: the filter is in focus anyway
    return translator


def lines(*phrases: str) -> list[str]:
    translator = _translator()
    out = []
    for phrase in phrases:
        out = [str(m) for m in translator.translate(phrase)]
    return out


def refusal(*phrases: str) -> str:
    translator = _translator()
    for phrase in phrases[:-1]:
        translator.translate(phrase)
    with pytest.raises(LanguageError) as err:
        translator.translate(phrases[-1])
    assert "\n" not in str(err.value)
    return str(err.value)


PHRASES = [
    ("open the filter to 3k over 8 bars", ["/ramp/acid_filter1/cutoff 3000.0 32"]),
    ("open the filter to 3k over the next 8 measures", ["/ramp/acid_filter1/cutoff 3000.0 32"]),
    ("over 8 bars, open the filter to 3k", ["/ramp/acid_filter1/cutoff 3000.0 32"]),
    ("open the filter to 3k during 8 bars", ["/ramp/acid_filter1/cutoff 3000.0 32"]),
    ("cutoff 2k over 16 beats", ["/ramp/acid_filter1/cutoff 2000.0 16"]),
    ("cutoff 2k over half a bar", ["/ramp/acid_filter1/cutoff 2000.0 2"]),
    ("cutoff 2k over 8 steps", ["/ramp/acid_filter1/cutoff 2000.0 2"]),
    ("cutoff 2k over 4 seconds", ["/ramp/acid_filter1/cutoff 2000.0 8"]),        # at 120 bpm
    ("resonance 80% over 2 bars", ["/ramp/acid_filter1/resonance 0.8 8"]),
    ("sweep the cutoff from 200 to 2k over 4 bars",
     ["/mod/acid_filter1/cutoff 200.0", "/ramp/acid_filter1/cutoff 2000.0 16"]),
    ("sweep the cutoff to 2k over 4 bars", ["/ramp/acid_filter1/cutoff 2000.0 16"]),
    ("filter sweep up over 8 bars", ["/ramp/acid_filter1/cutoff 1345.434265 32"]),       # "a lot": ¾ octave
    ("sweep the filter down over 4 bars", ["/ramp/acid_filter1/cutoff 475.682846 16"]),
    ("automate cutoff up to 8k over 16 bars", ["/ramp/acid_filter1/cutoff 8000.0 64"]),
    ("ease the resonance up to 0.9 over 4 bars", ["/ramp/acid_filter1/resonance 0.9 16"]),
    ("close the filter down to 300 over 8 bars, exponential", ["/ramp/acid_filter1/cutoff 300.0 32 exp"]),
    ("close the filter down to 300 over 8 bars linearly", ["/ramp/acid_filter1/cutoff 300.0 32 lin"]),
    ("speed up to 140 over 16 bars", ["/seq/bpm 140.0 ramp 64"]),
    ("slow down to 90 over 8 bars", ["/seq/bpm 90.0 ramp 32"]),
    ("ramp the tempo to 140 over 16 bars", ["/seq/bpm 140.0 ramp 64"]),
    ("tempo 100 over 4 bars", ["/seq/bpm 100.0 ramp 16"]),
    ("accelerando to 140 over 4 bars", ["/seq/bpm 140.0 ramp 16"]),
    ("ritardando to 100 over 2 bars", ["/seq/bpm 100.0 ramp 8"]),
    ("allargando: broaden to 100 over 4 bars", ["/seq/bpm 100.0 ramp 16"]),
    ("drift the tempo down to 84 over 4 bars", ["/seq/bpm 84.0 ramp 16"]),
    ("fade out the bass over 4 bars", ["/ramp/saw1/gain 0.0 16"]),
    ("fade the saw out over 2 bars", ["/ramp/saw1/gain 0.0 8"]),
    ("fade the saw to 20% over 2 bars", ["/ramp/saw1/gain 0.2 8"]),
    ("fade out over 2 bars", ["/ramp/master/gain -60.0 8"]),
    ("mute the kick for 2 bars", ["/seq/mute kick 1 2"]),
    ("mute the kick for 2 beats", ["/seq/mute kick 1 0.5"]),
    ("drop the kick for a bar", ["/seq/mute kick 1 1"]),
    ("drop the kick for one bar before the drop", ["/seq/mute kick 1 1"]),
    ("no hats for 2 bars", ["/seq/mute hats 1 2"]),
    ("lay out the hats for 4 bars", ["/seq/mute hats 1 4"]),
    ("breakdown: kill the kick for 8 bars", ["/seq/mute kick 1 8"]),
    ("drop the drums for a bar", ["/seq/mute kick 1 1", "/seq/mute hats 1 1"]),   # every drum track
    ("drop everything for a bar", ["/seq/mute bass 1 1", "/seq/mute kick 1 1", "/seq/mute hats 1 1",   # the drones with them
                                   "/mod/saw1/gain 0.0", "/at 5 beat /mod/saw1/gain 0.5",
                                   "/mod/sine1/gain 0.0", "/at 5 beat /mod/sine1/gain 0.5"]),
    ("fade out the kick and the sine over 2 bars", ["/ramp/kick1/gain 0.0 8", "/ramp/sine1/gain 0.0 8"]),
    ("stop at the end of the bar", ["/seq/stop bar", *_silenced(1)]),
    ("stop at the end of this measure", ["/seq/stop bar", *_silenced(1)]),
    ("stop after this bar", ["/seq/stop bar", *_silenced(1)]),
    ("stop at the next bar", ["/seq/stop bar", *_silenced(1)]),
    ("stop on the one", ["/seq/stop bar", *_silenced(1)]),
    ("hush at the next bar", ["/seq/stop bar", *_silenced(1)]),
    ("stop in 2 bars", ["/at 2 bar /seq/stop", *_silenced(2)]),
    ("stop at the end of the next bar", ["/at 2 bar /seq/stop", *_silenced(2)]),
    ("at the next bar, cutoff 500", ["/at 1 bar /mod/acid_filter1/cutoff 500.0"]),
    ("cutoff 500 at the next bar", ["/at 1 bar /mod/acid_filter1/cutoff 500.0"]),
    ("cutoff 500 on the next beat", ["/at 1 beat /mod/acid_filter1/cutoff 500.0"]),
    ("in 2 bars mute the kick", ["/at 2 bar /seq/mute kick 1"]),
    ("mute the kick after 4 bars", ["/at 4 bar /seq/mute kick 1"]),
    ("mute the kick 2 bars from now", ["/at 2 bar /seq/mute kick 1"]),
    ("tempo 130 at the next bar", ["/at 1 bar /seq/bpm 130.0"]),
    ("at the next bar play x.x. on kick", ["/at 1 bar /seq/add kick kick1 x.x."]),
    ("at the next bar fade out the saw over 2 bars", ["/at 1 bar /ramp/saw1/gain 0.0 8"]),
    ("in 2 bars, open the filter to 3k over 8 bars", ["/at 2 bar /ramp/acid_filter1/cutoff 3000.0 32"]),
]


@pytest.mark.parametrize("phrase, expected", PHRASES)
def test_time_phrases(phrase, expected):
    assert lines(phrase) == expected


def test_the_engine_takes_every_timed_phrase():
    """Each phrase's messages are valid for the engine in the patch they were said in, and play."""
    from chronus_shell.engine.timeline import Timeline
    for phrase, _ in PHRASES:
        translator, timeline = Translator(), Timeline(48000, 256)
        for line in SETUP:
            try:
                for message in translator.translate(line):
                    timeline.schedule(message, 0)
            except LanguageError:
                pass
        for message in translator.translate(phrase):
            timeline.schedule(message, 1000)
        for _ in range(8):
            timeline.render_block()


def test_slowly_and_gradually_take_4_bars_and_say_so():
    translator = _translator()
    messages = translator.translate("slowly close the filter")
    assert len(messages) == 1 and messages[0].address == "/ramp/acid_filter1/cutoff"
    assert messages[0].args[1] == 16 and messages[0].args[0] < 800
    assert translator.understood == ["slowly: over 4 bars (say 'over 8 bars' for another length)"]
    assert translator.translate("gradually open the filter to 3k")[0].args == (3000.0, 16)
    assert translator.translate("gradually open the filter to 3k over 8 bars")[0].args == (3000.0, 32)


def test_fade_in_comes_back_to_the_level_before_the_fade_out():
    translator = _translator()
    translator.translate("bass volume 0.4")
    assert [str(m) for m in translator.translate("fade out the bass")] == ["/ramp/saw1/gain 0.0 16"]
    assert translator.understood == ["fade: over 4 bars (say 'over 8 bars' for another length)"]
    assert [str(m) for m in translator.translate("fade in the bass over 2 bars")] == \
        ["/ramp/saw1/gain 0.4 8"]            # from where the fade out left it: no jump to silence first
    assert [str(m) for m in translator.translate("fade in the sine")] == ["/mod/sine1/gain 0.0", "/ramp/sine1/gain 0.5 16"]


def test_a_timed_mute_leaves_the_track_unmuted_in_the_model():
    translator = _translator()
    translator.translate("mute the kick for 2 bars")
    assert not translator.model.tracks["kick"].muted       # it comes back by itself
    assert [str(m) for m in translator.translate("mute the kick")] == ["/seq/mute kick 1"]


def test_undo_of_a_ramp_sets_the_value_back():
    translator = _translator()
    translator.translate("open the filter to 3k over 8 bars")
    assert [str(m) for m in translator.translate("undo")] == ["/mod/acid_filter1/cutoff 800.0"]


def test_scripts_take_timed_lines():
    from chronus_shell.language.script import load_script
    events = load_script("add a saw\nwait 1 bar\nfade out the saw over 2 bars\nstop at the end of the bar\n")
    assert [str(m) for _, m in events[-2:]] == ["/ramp/saw1/gain 0.0 8", "/seq/stop bar"]
    assert events[-1][0] == 96000


@pytest.mark.parametrize("phrase, words", [
    ("cutoff 3k for 2 bars", "say 'over 2 bars'"),
    ("sweep the filter over 8 bars", "a sweep to where?"),
    ("take it to 96 gradually, over 8 bars", "could be the tempo (96 bpm)"),
    ("add a square at the next bar", "happens at once"),
    ("mute the kick over 2 bars", "for 2 bars"),
    ("play x.x. on kick over 2 bars", "happens at once"),
    ("cutoff 30k over 2 bars", "out of range"),
    ("drop the beat at the next bar", "beat"),
    ("mute the kick in 1.5 bars", "whole bars or beats"),
])
def test_refusals_are_one_line(phrase, words):
    assert words in refusal(phrase)


def test_plain_lines_are_untouched():
    assert lines("kick on the one") == ["/seq/add kick kick1 x..............."]
    assert lines("load dawn at the next bar")[0] == "/session/load dawn"
