"""The harmony English (issue 14): the phrase table harmony_phrases.txt, and the theory under it."""
from pathlib import Path

import pytest

from chronus_shell.engine.notes import is_note
from chronus_shell.language import LanguageError, Translator
from chronus_shell.language.chords import Chord, analyse, nearest, respell, transpose_token

from .phrase_table import actual_lines, load_table

BLOCKS = load_table(Path(__file__).with_name("harmony_phrases.txt"))


def test_the_table_covers_every_form():
    phrases = {case.line for block in BLOCKS for case in block.cases}
    assert len(phrases) >= 140


@pytest.mark.parametrize("block", BLOCKS, ids=[b.title for b in BLOCKS])
def test_block(block):
    translator = Translator()
    for case in block.cases:
        assert actual_lines(translator, case.line) == case.expected, f"input: {case.line!r}"


@pytest.mark.parametrize("symbol, intervals, bass", [
    ("c", (0, 4, 7), None), ("cm", (0, 3, 7), None), ("c7", (0, 4, 7, 10), None),
    ("cmaj7", (0, 4, 7, 11), None), ("cm7", (0, 3, 7, 10), None), ("c9", (0, 4, 7, 10, 14), None),
    ("cm9", (0, 3, 7, 10, 14), None), ("csus2", (0, 2, 7), None), ("csus4", (0, 5, 7), None),
    ("cdim", (0, 3, 6), None), ("caug", (0, 4, 8), None), ("c6", (0, 4, 7, 9), None), ("c/e", (0, 4, 7), 4),
    ("C major 7", (0, 4, 7, 11), None), ("c minor seventh", (0, 3, 7, 10), None), ("C minor", (0, 3, 7), None),
    ("c-7", (0, 3, 7, 10), None), ("CM7", (0, 4, 7, 11), None), ("c half diminished", (0, 3, 6, 10), None),
])
def test_chord_symbols_and_words(symbol, intervals, bass):
    chord = Chord.parse(symbol)
    assert chord is not None and chord.root == 0 and chord.intervals == intervals and chord.bass == bass


@pytest.mark.parametrize("text", ["cm13#5", "h7", "bass", "add", "dim", "x7", "c majestic"])
def test_what_is_not_a_chord(text):
    assert Chord.parse(text) is None


def test_chord_tones_are_spelled_by_degree():
    assert Chord.parse("c7").spell(Chord.parse("c7").pitches(60)) == "c4+e4+g4+bb4"
    assert Chord.parse("e").spell(Chord.parse("e").pitches(64)) == "e4+g#4+b4"
    assert Chord.parse("E flat major").spell(Chord.parse("eb").pitches(63)) == "eb4+g4+bb4"


def test_close_voicing_sits_around_the_register_and_a_slash_chord_is_an_inversion():
    assert Chord.parse("am").pitches(57) == [57, 60, 64]          # a3 c4 e4 around a3
    assert Chord.parse("f").pitches(57) == [53, 57, 60]           # f3: nearer a3 than f4
    assert Chord.parse("c/e").pitches(57) == [52, 55, 60]         # e3 g3 c4: first inversion
    assert Chord.parse("am/g").pitches(57) == [55, 57, 60, 64]    # g below a3 c4 e4


def test_the_nearest_octave_and_a_tritone_below():
    assert nearest(4, 57) == 52            # e nearest a3: e3 (5 below) not e4 (7 above)
    assert nearest(0, 57) == 60            # c nearest a3: c4 (3 above)
    assert nearest(3, 57) == 51            # eb is a tritone from a3 either way: the one below


def test_tokens_move_as_chords_and_keep_their_spelling():
    assert transpose_token("a3+c4+e4", 2) == "b3+d4+f#4"
    assert transpose_token("c4+eb4+g4", -12) == "c3+eb3+g3"
    assert transpose_token("-", 5) == "-" and transpose_token(".", 5) == "."
    assert respell([57, 61, 64], "a3+c4+e4") == "a3+c#4+e4"
    assert analyse([52, 55, 60]) == (0, (0, 4, 7))              # e g c: C major, first inversion


def test_random_notes_are_the_same_for_the_same_line():
    def notes() -> list[str]:
        translator = Translator()
        translator.translate("add a saw at 110 hz")
        translator.translate("in d minor")
        return [str(m) for m in translator.translate("random notes in the scale")]
    assert notes() == notes()


def test_every_harmony_message_holds_notes_the_sequencer_reads():
    translator = Translator()
    lines = ["add a saw at 110 hz", "in f# harmonic minor", "notes 1 2 3 4 5 6 7 8", "chords f#m c#7 d e",
             "voice it wide", "arp up-down", "transpose to the relative major", "transpose the melody up 3 semitones"]
    for line in lines:
        for message in translator.translate(line):
            if message.address == "/seq/notes":
                for token in message.args[1:]:
                    assert token in ("-", ".") or all(is_note(p) for p in str(token).split("+")), (line, token)


def test_the_echo_says_the_octaves_chosen():
    translator = Translator()
    translator.translate("add a saw at 110 hz")
    translator.translate("notes a c e g")
    assert any("a2 c3 e3 g3" in said for said in translator.understood)
    translator.translate("chords am f")
    assert any("a2+c3+e3 | f2+a2+c3" in said for said in translator.understood)


def test_undo_takes_a_chord_track_back_to_the_melody():
    translator = Translator()
    for line in ("add a saw at 110 hz", "notes a c e g", "chords am f"):
        translator.translate(line)
    undone = [str(m) for m in translator.translate("undo")]
    assert "/seq/add saw1 saw1 xxxx" in undone and "/seq/notes saw1 a2 c3 e3 g3" in undone


def test_a_failed_line_leaves_the_key_as_it_was():
    translator = Translator()
    translator.translate("add a saw at 110 hz")
    translator.translate("in d minor")
    with pytest.raises(LanguageError):
        translator.translate("in e minor, notes 1 3 99")
    assert translator.model.key == ("d", "minor")


def test_chronus_translate_says_the_octaves_and_voicing_chosen():
    import json
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "chronus_shell.cli", "translate", "add a saw at 110 hz",
                             "play an A minor chord", "notes a c e g"], capture_output=True, text=True, timeout=60)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert lines[1]["messages"] == [["/gate/saw1", 1, 110.0, 130.812783, 164.813778]]
    assert lines[1]["understood"] == ["am → a2 c3 e3 on saw1, close voicing near saw1 at 110 Hz"]
    assert lines[2]["messages"][-1] == ["/seq/notes", "saw1", "a2", "c3", "e3", "g3"]
    assert "a c e g → a2 c3 e3 g3" in lines[2]["understood"][0]


def test_random_harmony_words_give_messages_or_one_line_never_a_crash():
    import random
    words = ("play chords notes arp arpeggiate invert voice wide it the a on pad saw bass in key of d minor major am7 f c "
             "g e flat sharp cm13#5 h3 1 3 5 8 0 99 i iv V7 vii° ii6 every 2 beats bars each up down octave semitones "
             "transpose relative capo tritone sub poly 4 32 mono scale random melody 808 : , then and + a3+c4+e4 c/e "
             "rootless second inversion tristan german sixth pedal point together . - n \" |+ 12 4A blues pent").split()
    rng = random.Random(14)
    translator = Translator()
    translator.translate("add a saw at 110 hz")
    for _ in range(400):
        line = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        try:
            translator.translate(line)
        except LanguageError as err:
            assert "\n" not in str(err), line


def test_the_engine_admits_every_message_of_the_table():
    """The harmony English sends only what the engine takes (chords as '+' tokens, holds, several
    Hz on a gate, /seq/key, /patch/poly): every message of the table passes the engine's check."""
    from chronus_shell.engine.timeline import Timeline
    for block in BLOCKS:
        translator, timeline = Translator(), Timeline(48000)
        for case in block.cases:
            try:
                messages = translator.translate(case.line)
            except LanguageError:
                continue
            for message in messages:
                timeline.admit(message)


def test_a_verb_before_a_chordlike_word_is_no_voice_name():
    """'add fm' adds a module named fm (a user module), never an F minor chord on a voice 'add'."""
    from chronus_shell.language.parser_harmony import harmony_intent
    assert harmony_intent("add fm") is None and harmony_intent("pad fmaj7") is not None
