"""The completer against the real grammar, catalogue and a live patch model."""
from __future__ import annotations

from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from chronus_shell.repl.completer import ChronusCompleter


def complete(translator, text: str, sessions=("night-drive", "dawn")) -> dict[str, str]:
    completer = ChronusCompleter(translator, sessions=lambda: list(sessions))
    found = completer.get_completions(Document(text), CompleteEvent(completion_requested=True))
    return {c.text: c.display_meta_text for c in found}


def test_command_words_at_the_start(translator):
    words = complete(translator, "")
    assert {"add", "remove", "play", "tempo", "help", "status", "undo", "quit"} <= set(words)
    assert words["add"] == "command"


def test_synonyms_once_typing(translator):
    assert complete(translator, "cre") == {"create": "= add"}


def test_module_types_with_aliases_after_add(translator):
    words = complete(translator, "add a ")
    assert {"saw", "acid_filter", "kick", "lfo"} <= set(words)
    assert "master" not in words
    assert complete(translator, "add a sawt") == {"sawtooth": "= saw"}


def test_params_of_a_named_module_show_unit_range_and_value(translator):
    words = complete(translator, "acid_filter1 ")
    assert words["cutoff"] == "Hz 20–20000  now 800"
    assert words["resonance"] == "ratio 0–0.95  now 0.5"


def test_focus_params_first_then_other_modules(translator):
    words = complete(translator, "set the ")
    assert words["drive"] == "ratio 1–50  now 5"                      # distortion1 is the focus (added audible, s35)
    assert complete(translator, "cut") == {"cutoff": "acid_filter1 · Hz 20–20000  now 800"}


def test_enum_choices_after_an_enum_param(translator):
    assert set(complete(translator, "mode ")) == {"tanh", "hard", "foldback", "bitcrush"}
    assert complete(translator, "distortion1 mode f") == {"foldback": ""}
    assert complete(translator, "set mode to ")["tanh"] == "now"


def test_live_ids(translator):
    words = complete(translator, "remove ")
    assert {"saw1", "acid_filter1", "hat1", "distortion1"} <= set(words)
    assert words["distortion1"] == "distortion (focus)"


def test_modulation_target_after_a_dot(translator):
    words = complete(translator, "connect saw1 to acid_filter1.re")
    assert words == {"acid_filter1.resonance": "ratio 0–0.95  now 0.5"}


def test_note_names_after_play(translator):
    words = complete(translator, "play c#")
    assert {"c#1", "c#3"} <= set(words)


def test_tracks_after_play_pattern_on(translator):
    words = complete(translator, "play x..x on ")
    assert words["hats"] == "track → hat1"
    assert "kick" in words


def test_session_names_after_load(translator):
    assert complete(translator, "load n") == {"night-drive": "session"}


def test_file_paths_after_record_to(translator, tmp_path):
    (tmp_path / "take-one.wav").touch()
    completer = ChronusCompleter(translator, sessions=list)
    text = f"record to {tmp_path}/ta"
    found = list(completer.get_completions(Document(text), CompleteEvent(completion_requested=True)))
    assert [Document(text).text + c.text for c in found] == [f"{text}ke-one.wav"]


def test_help_and_list_topics(translator):
    assert {"cutoff", "saw", "tempo"} <= set(complete(translator, "help "))
    assert set(complete(translator, "list ")) >= {"modules", "types", "params", "tracks", "sessions"}


def test_nothing_after_a_broken_line(translator):
    assert complete(translator, "status foo ") == {}
