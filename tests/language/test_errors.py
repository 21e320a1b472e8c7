"""Errors are one line, point at the offending word and suggest close vocabulary."""
import pytest

from chronus_shell.language import LanguageError, Translator
from chronus_shell.protocol.message import Message


def error_for(*lines):
    translator = Translator()
    for line in lines[:-1]:
        translator.translate(line)
    with pytest.raises(LanguageError) as caught:
        translator.translate(lines[-1])
    return caught.value


def test_out_of_range_names_the_range_with_a_caret_under_the_value():
    err = error_for("add a saw", "add acid filter", "resonance 3")
    assert str(err) == "resonance 3 is out of range 0–0.95"
    assert err.column == len("resonance ")
    assert err.render() == "resonance 3\n          ^ resonance 3 is out of range 0–0.95"


def test_typo_in_a_command_word_suggests_the_command():
    err = error_for("ada a saw at 110 hz")
    assert err.column == 0
    assert err.suggestions[0] == "add"
    assert str(Translator().translate("ad a saw at 110 hz")[0]) == "/patch/create saw1 saw"   # 'ad' is read as add


def test_typo_in_a_param_points_at_it():
    err = error_for("add a saw", "add acid filter", "set the zutoff to 800")
    assert err.column == len("set the ")
    assert err.suggestions[0] == "cutoff"


def test_typo_in_a_module_type():
    err = error_for("add a sqaer")
    assert err.column == len("add a ")
    assert err.suggestions[0] == "square"


def test_unknown_id_suggests_existing_ids():
    err = error_for("add a saw", "add a delay", "connect saw1 to dely1")
    assert err.column == len("connect saw1 to ")
    assert "delay1" in err.suggestions


def test_ambiguous_bare_param_lists_the_candidates():
    err = error_for("add a saw", "add a filter", "add a square", "add acid filter", "add a kick",
                    "cutoff 800")
    assert "which cutoff?" in str(err)
    assert set(err.suggestions) == {"filter1", "acid_filter1"}


def test_incomplete_command_puts_the_caret_at_the_end():
    err = error_for("connect saw1")
    assert err.column == len("connect saw1")
    assert str(err) == "'connect saw1' needs more to be a command — a phrasing I know: 'connect saw1 to delay1'"


def test_misplaced_word():
    err = error_for("tempo 128 bpm saw")
    assert err.column == len("tempo 128 bpm ")
    assert str(err) == "I can read 'tempo 128 bpm' but not 'saw' after it ('help' lists what I know, 'help <area>' more)"


def test_unit_mismatch_says_what_the_param_takes():
    err = error_for("add a saw", "add a delay", "time 3 hz")
    assert str(err) == "time takes s, not hz"
    assert err.column == len("time ")


def test_enum_error_lists_the_choices():
    err = error_for("add a saw", "add a filter", "mode bandpsxx")
    assert "lowpass, highpass, bandpass" in str(err)
    assert err.suggestions == ("bandpass",)


def test_errors_are_one_line_and_leave_the_context_unchanged():
    translator = Translator()
    translator.translate("add a saw at 110 hz")
    with pytest.raises(LanguageError) as caught:
        translator.translate("freq 99 khz")
    assert "\n" not in str(caught.value)
    assert translator.translate("freq up an octave")[0].args == (220.0,)


def test_nothing_to_undo():
    assert str(error_for("undo")) == "nothing to undo"


def test_an_error_in_a_line_of_several_commands_points_into_the_line_and_changes_nothing():
    translator = Translator()
    for line in ("add a saw", "add acid filter"):
        translator.translate(line)
    with pytest.raises(LanguageError) as caught:
        translator.translate("cutoff 500 and zesonance 50%")
    assert caught.value.column == len("cutoff 500 and ")
    assert caught.value.suggestions[0] == "resonance"
    assert translator.model.value("acid_filter1", "cutoff") == 500.0      # the default: nothing applied
    assert translator.translate("undo") == [Message("/patch/connect", ("saw1", "master")),
                                              Message("/patch/remove", ("acid_filter1",))]


def test_typos_in_new_words_are_caught_with_a_suggestion():
    """Two letters off (a unique one-letter slip is read as the word: test_musicians)."""
    for lines, column, hint in (
        (("add a saw", "add acid filter", "make it brigthr"), len("make it "), "brighter"),
        (("add a saw", "transpose up 2 xemitones"), len("transpose up 2 "), "semitones"),
        (("play x... on kick", "mute the kcek"), len("mute the "), "kick"),
        (("add a saw", "add acid filter", "set the zutoff to 800"), len("set the "), "cutoff"),
    ):
        err = error_for(*lines)
        assert err.column == column, lines
        assert err.suggestions[0] == hint, lines
        assert "\n" not in str(err)


def test_relative_changes_outside_the_range_name_it():
    err = error_for("add a saw at 110 hz", "add acid filter", "lower cutoff by 30 khz")
    assert str(err) == "cutoff -29500 is out of range 20–20000 Hz"
    err = error_for("faster by 500 bpm")
    assert str(err) == "tempo 620 is out of range 20–300 bpm"


def test_an_unknown_word_s_did_you_mean_is_worked_out_only_when_read():
    """errors.UnknownWord: a line the second stage reads again ('resonanse' → resonance) never pays for
    the closest words; read, it is the usual one line, its suggestions, its caret; pickled, a LanguageError."""
    import pickle

    from chronus_shell.language.errors import UnknownWord

    asked = []
    err = UnknownWord("sqaure", 4, lambda: asked.append(1) or ("square",), "add sqaure")
    assert not asked
    assert str(err) == err.message == "I don't know the word 'sqaure' — did you mean square?"
    assert err.suggestions == ("square",) and asked == [1]
    assert err.render() == "add sqaure\n    ^ I don't know the word 'sqaure' — did you mean square?"
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is LanguageError and str(copy) == str(err) and copy.column == 4
    translator = Translator()
    translator.translate("add a saw")
    translator.translate("add acid filter")
    assert [str(m) for m in translator.translate("cutoff 500 and resonanse 50%")][-1].startswith("/mod/acid_filter1/resonance")
    assert str(error_for("sett cutoff 800")) == "I don't know the word 'sett' — did you mean set?"
