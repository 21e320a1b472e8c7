"""Issue 13: musicians' English — every silent wrong result it lists, and the refused families."""
import pytest

from chronus_shell.language import LanguageError, Translator

ACID = ("add a saw at 55 hz", "add acid filter", "add an adsr", "bass notes a1 a1 c2 a1",
        "cutoff 800")


def run(*lines):
    """The messages of the last line (as text), after the others, and the translator."""
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    return [str(m) for m in translator.translate(lines[-1])], translator


def refused(*lines) -> str:
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    before = translator.model.snapshot()
    with pytest.raises(LanguageError) as caught:
        translator.translate(lines[-1])
    assert translator.model == before                     # nothing changed
    return str(caught.value)


# -- silent wrong results ------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, effect", [("run it through a 303 filter", "acid_filter"),
                                            ("run it through a reverb", "reverb")])
def test_run_it_through_inserts_the_effect_after_it_and_never_starts_the_sequencer(phrase, effect):
    messages, _ = run("add a saw at 55 hz", phrase)
    assert messages[:4] == [f"/patch/create {effect}1 {effect}", "/patch/disconnect saw1 master",
                            f"/patch/connect saw1 {effect}1", f"/patch/connect {effect}1 master"]
    assert "/seq/start" not in messages


@pytest.mark.parametrize("phrase", ["set the cutoff to -50 hz", "cutoff -50 hz"])
def test_a_value_after_to_or_a_bare_minus_is_absolute_never_relative(phrase):
    error = refused(*ACID, phrase)
    assert "out of range 20–20000 Hz" in error and "cutoff down 50 hz" in error
    assert run(*ACID, "cutoff +200")[0] == ["/mod/acid_filter1/cutoff 1000.0"]        # only + / by / up are relative
    assert run(*ACID, "cutoff down 50 hz")[0] == ["/mod/acid_filter1/cutoff 750.0"]
    assert run(*ACID, "lower the cutoff by 50 hz")[0] == ["/mod/acid_filter1/cutoff 750.0"]


def test_a_plain_number_is_in_the_params_unit_and_out_of_range_says_what_it_may_mean():
    error = refused("add a saw", "set the saw volume to 11")
    assert error == "gain 11 is out of range 0–1 — did you mean 11%, or -11 dB?"
    assert "did you mean 80%" in refused(*ACID, "resonance 80")
    assert run("add a saw", "saw volume 11%")[0] == ["/mod/saw1/gain 0.11"]


def test_percent_of_a_ratio_is_value_over_100_and_of_hz_along_the_log_range():
    assert run("add a saw", "add a delay", "feedback 60%")[0] == ["/mod/delay1/feedback 0.6"]
    assert run("add a square", "pulse width 20%")[0] == ["/mod/square1/width 0.2"]
    assert "out of range 0–95% (0–0.95)" in refused("add a saw", "add a delay", "feedback 100%")
    assert run("add a saw", "add a filter", "cutoff 50%")[0] == ["/mod/filter1/cutoff 632.455532"]   # √(20·20000)
    assert run("add a saw", "master volume 50%")[0] == ["/mod/master/gain -6.0206"]   # half the amplitude


def test_pitch_words_on_a_voice_with_notes_move_the_notes():
    messages, translator = run(*ACID, "make it an octave lower")
    assert messages == ["/mod/saw1/freq 27.5", "/seq/notes bass a0 a0 c1 a0"]
    assert translator.understood == ["lower: saw1 freq 55 → 27.5 Hz"]


def test_a_drum_added_for_a_rhythm_does_not_take_the_focus_from_the_voice_being_shaped():
    lines = (*ACID, "four on the floor", "hats on the offbeats")
    messages, _ = run(*lines, "add a delay")
    assert messages[1:3] == ["/patch/disconnect adsr1 master", "/patch/connect adsr1 delay1"]
    messages, translator = run(*lines, "brighter")
    assert messages == ["/mod/acid_filter1/cutoff 951.365692"]
    assert translator.understood == ["brighter: acid_filter1 cutoff 800 → 951.366 Hz"]
    error = refused(*ACID, "add a kick", "add a delay")        # a drum in focus, a synth playing: asked
    assert error == "add the delay to which voice? 'add a delay to saw1' or 'add a delay to kick1'"


def test_bare_adjectives_resolve_in_the_voice_to_the_module_owning_the_meaning():
    assert run(*ACID, "add a distortion", "louder")[0] == ["/mod/saw1/gain 0.6"]     # never the effect's mix
    assert run(*ACID, "add an lfo", "lfo rate 2", "slower")[0] == ["/mod/lfo1/rate 1.681793"]
    assert run(*ACID, "slower")[0] == ["/seq/bpm 115.0"]
    assert run("hats x.x.x.x.x.x.x.x.", "double the hats")[0] == ["/seq/speed hats 2.0"]
    assert run("hats x.x.x.x.x.x.x.x.", "faster hats")[0] == ["/seq/speed hats 2.0"]
    assert run(*ACID, "add a reverb", "brighter reverb")[0] == ["/mod/reverb1/damp 0.4"]


def test_two_plausible_readings_are_named_in_one_line_not_guessed():
    error = refused(*ACID, "drop it to 70")               # the song's tempo, or the filter in focus?
    assert error.startswith("that could mean ") and " — or — " in error and "\n" not in error
    assert "'tempo 70'" in error and "'acid_filter1 cutoff 70 Hz'" in error


def test_stopping_dropping_or_taking_out_a_part_mutes_its_track_only_remove_removes():
    lines = ("kick x...x...x...x...", "hats ..x...x...x...x.")
    assert run(*lines, "stop the hats")[0] == ["/seq/mute hats 1"]
    assert run(*lines, "stop the hats", "start the hats")[0] == ["/seq/mute hats 0"]
    assert run(*lines, "drop the kick")[0] == ["/seq/mute kick 1"]
    assert run(*lines, "take out the kick")[0] == ["/seq/mute kick 1"]
    assert run(*lines, "mute the kick")[0] == ["/seq/mute kick 1"]
    assert run(*lines, "drop the kick", "bring the kick back")[0] == ["/seq/mute kick 0"]
    assert run(*lines, "remove the kick")[0] == ["/seq/remove kick", "/patch/remove kick1"]
    messages, translator = run(*lines, "stop the hats")
    assert translator.model.tracks["hats"].muted and translator.model.tracks["hats"].pattern == "..x...x...x...x."
    assert run(*lines, "stop the hats", "undo")[0] == ["/seq/mute hats 0"]


def test_a_rhythm_and_notes_for_the_same_voice_are_one_track():
    messages, translator = run("add a saw at 110 hz", "bass notes a1 a1 c2 a1 e2 a1 g1 a1",
                               "play x.xX.x.xx.Xx.x.x on saw1")
    assert messages == ["/seq/add bass saw1 x.xX.x.xx.Xx.x.x"]
    assert list(translator.model.tracks) == ["bass"] and translator.model.tracks["bass"].notes


def test_nothing_starts_the_transport_but_start_or_play():
    for line in ("bass notes a1 c2", "play x... on kick", "kick on every beat", "hats x.x."):
        assert "/seq/start" not in run("add a saw", line)[0], line
    assert run("add a saw", "play")[0] == ["/seq/start"]
    assert run("add a saw", "bass notes a1 c2 and start")[0][-1] == "/seq/start"


# -- refused families ----------------------------------------------------------------------------
def test_follow_ups_repeat_or_turn_back_the_last_change():
    assert run(*ACID, "more resonance", "again")[0] == ["/mod/acid_filter1/resonance 0.69"]
    assert run(*ACID, "more resonance", "do that again")[0] == ["/mod/acid_filter1/resonance 0.69"]
    assert run(*ACID, "more resonance", "more")[0] == ["/mod/acid_filter1/resonance 0.69"]
    assert run(*ACID, "more resonance", "even more")[0] == ["/mod/acid_filter1/resonance 0.69"]
    assert run(*ACID, "more resonance", "a bit more")[0] == ["/mod/acid_filter1/resonance 0.69"]
    assert run(*ACID, "more resonance", "too much")[0] == ["/mod/acid_filter1/resonance 0.5475"]   # half way back
    assert run(*ACID, "more resonance", "back to how it was")[0] == ["/mod/acid_filter1/resonance 0.5"]
    drums = ("add a kick", "add a snare", "kick decay 400")
    assert run(*drums, "same for the snare")[0] == ["/mod/snare1/decay 400.0"]
    assert run(*drums, "kick louder", "and the snare too")[0] == ["/mod/snare1/gain 0.9"]
    _, translator = run(*ACID, "more resonance", "again")
    assert translator.understood == ["again: more resonance"]


@pytest.mark.parametrize("phrase, expected", [
    ("its cutoff to 700", ["/mod/acid_filter1/cutoff 700.0"]),
    ("the 303's decay to 400 ms", ["/mod/acid_filter1/decay 400.0"]),
])
def test_possessives(phrase, expected):
    assert run(*ACID, phrase)[0] == expected


@pytest.mark.parametrize("phrase, settings", [
    ("add distortion with drive 10", ["/mod/distortion1/drive 10.0"]),
    ("add a delay with 40% feedback", ["/mod/delay1/feedback 0.4"]),
    ("add an acid filter with the cutoff at 400", ["/mod/acid_filter2/cutoff 400.0"]),
])
def test_with_clauses_set_the_new_modules_param(phrase, settings):
    messages = run(*ACID, phrase)[0]
    assert messages[0].startswith("/patch/create") and messages[-len(settings):] == settings


def test_a_new_module_can_go_before_another_with_its_settings():
    assert run(*ACID, "add a distortion with drive 8 before the filter")[0] == [
        "/patch/create distortion1 distortion", "/patch/disconnect saw1 acid_filter1",
        "/patch/connect saw1 distortion1", "/patch/connect distortion1 acid_filter1",
        "/mod/distortion1/drive 8.0"]


def test_chain_edits_move_modules_and_refuse_a_loop():
    lines = ("add a saw", "add a delay", "add a reverb")
    assert run(*lines, "put the delay after the reverb")[0] == [
        "/patch/disconnect saw1 delay1", "/patch/disconnect delay1 reverb1", "/patch/connect saw1 reverb1",
        "/patch/disconnect reverb1 master", "/patch/connect reverb1 delay1", "/patch/connect delay1 master"]
    assert run(*lines, "move the delay after the reverb", "put the delay before the reverb")[0][-2:] == [
        "/patch/connect saw1 delay1", "/patch/connect delay1 reverb1"]
    assert "would make a loop" in refused(*lines, "feed the reverb into the delay")
    assert run(*lines, "layer a square an octave below the saw")[0] == [
        "/patch/create square1 square", "/patch/connect square1 delay1", "/mod/square1/freq 110.0"]


def test_several_targets():
    lines = ("kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.")
    assert run(*lines, "kick and snare louder")[0] == ["/mod/kick1/gain 0.9", "/mod/snare1/gain 0.9"]
    assert run(*lines, "mute the snare and the hats")[0] == ["/seq/mute snare 1", "/seq/mute hats 1"]
    assert run(*lines, "turn the drums down")[0] == ["/mod/kick1/gain 0.7", "/mod/snare1/gain 0.7",
                                                    "/mod/hat1/gain 0.7"]


def test_spaces_and_bars_anywhere_in_a_pattern():
    assert run("kick x..x x..x | x.x. x...")[0][-1] == "/seq/add kick kick1 x..xx..xx.x.x..."
    assert run("play |x... x...| x... x...| on the kick")[0][-1] == "/seq/add kick kick1 x...x...x...x..."


@pytest.mark.parametrize("phrase, expected", [
    ("put the acid filter's cutoff back to default", ["/mod/acid_filter1/cutoff 500.0"]),
    ("reset the filter", ["/mod/acid_filter1/cutoff 500.0"]),
    ("tune the saw to e2", ["/mod/saw1/freq 82.406889"]),
])
def test_reset_and_tune(phrase, expected):
    assert run(*ACID, phrase)[0] == expected


def test_halve_and_note_length_delay_times():
    assert run(*ACID, "add a delay", "halve the delay time")[0] == ["/mod/delay1/time 0.125"]
    assert run(*ACID, "add a delay", "delay time a quarter note")[0] == ["/mod/delay1/time 0.5"]
    assert run(*ACID, "tempo 128", "add a delay", "delay time dotted eighth")[0] == ["/mod/delay1/time 0.351562"]


def test_a_one_letter_typo_of_a_known_word_is_read_as_it_and_said_back():
    messages, translator = run(*ACID, "cutof 650")
    assert messages == ["/mod/acid_filter1/cutoff 650.0"] and translator.understood == ["cutof → cutoff"]
    assert "did you mean cutoff" in refused(*ACID, "zutoff 650")      # not one letter off: asked


def test_a_refusal_offers_a_working_phrasing_not_a_lookalike_word():
    error = refused(*ACID, "tenderly open the filter")      # ("gently", "fade" are time words now: timed_lines)
    assert error == "I don't know the word 'tenderly' — a phrasing I know: 'open the filter'"
    assert refused(*ACID, "blur out the saw") == "I don't know the word 'blur' ('help' lists what I know, 'help <area>' more)"
