"""The vocabulary the REPL completes and highlights: from the grammar, catalogue and context."""
from chronus_shell.language import Translator
from chronus_shell.language.vocabulary import command_words, completion_vocabulary


def test_command_words_come_from_the_grammar():
    assert {"add", "remove", "turn", "tempo", "save", "undo", "sessions", "session"} <= set(command_words())


def test_completion_vocabulary_follows_the_context():
    translator = Translator()
    for line in ("add a saw at 110 hz", "add a filter", "cutoff 2k"):
        translator.translate(line)
    vocabulary = completion_vocabulary(translator)
    assert vocabulary.focus == "filter1"
    assert vocabulary.ids == ("master", "saw1", "filter1")
    cutoff = next(p for p in vocabulary.params if p.name == "cutoff")
    assert (cutoff.unit, cutoff.range, cutoff.current) == ("Hz", "20–20000", 2000.0)
    assert {"lowpass", "highpass", "bandpass"} <= set(vocabulary.choices)
    assert "303" in vocabulary.types and "master" not in vocabulary.types
