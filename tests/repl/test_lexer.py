"""Highlighting: each word's style class, from the real catalogue and the live ids."""
from __future__ import annotations

from prompt_toolkit.document import Document

from chronus_shell.repl.lexer import ChronusLexer


def styles(translator, text: str, cursor: int | None = None) -> dict[str, str]:
    lexer = ChronusLexer(lambda: set(translator.model.modules), lambda: set(translator.model.tracks))
    document = Document(text, len(text) if cursor is None else cursor)
    return {text: style for style, text in lexer.lex_document(document)(0) if text.strip()}


def test_command_words_types_numbers_and_units(translator):
    got = styles(translator, "add a saw at 110 hz")
    assert got == {"add": "class:keyword", "a": "", "saw": "class:module-type", "at": "class:keyword",
                   "110": "class:number", "hz": "class:unit"}


def test_ids_params_and_values(translator):
    got = styles(translator, "set acid_filter1 cutoff to 1.2khz")
    assert got["acid_filter1"] == "class:module-id"
    assert got["cutoff"] == "class:param"
    assert got["1.2khz"] == "class:number"
    assert styles(translator, "distortion1 mode foldback")["foldback"] == "class:choice"


def test_notes_patterns_paths_and_names(translator):
    assert styles(translator, "play c#3 on saw1")["c#3"] == "class:note"
    assert styles(translator, "play x..x..x. on kick")["x..x..x."] == "class:pattern"
    assert styles(translator, "record to take1.wav")["take1.wav"] == "class:path"
    assert styles(translator, "save session as night-drive")["night-drive"] == "class:name"
    assert styles(translator, "connect lfo1 to acid_filter1.cutoff")["acid_filter1.cutoff"] == "class:module-id"


def test_unknown_word_is_underlined_before_enter(translator):
    got = styles(translator, "set the cutof to 800", cursor=0)
    assert got["cutof"] == "class:unknown"
    assert styles(translator, "add a sawz")["sawz"] == "class:unknown"


def test_a_word_still_being_typed_is_not_flagged(translator):
    assert styles(translator, "set the cuto")["cuto"] == ""
    assert styles(translator, "set the cutoz")["cutoz"] == "class:unknown"


def test_raw_lines_are_addresses(translator):
    assert set(styles(translator, "/mod/saw1/freq 110").values()) == {"class:address"}


def test_whole_line_is_covered(translator):
    text = "  add   a saw,  at 110hz "
    lexer = ChronusLexer(lambda: set(), set)
    assert "".join(t for _, t in lexer.lex_document(Document(text))(0)) == text
