"""Harmony and rhythm phrasings a blind live-shell trial and the s24 development set got wrong (session 24),
by class: the notes named move ('transpose the chords …' is the chord track, not the voice in focus), 'it'
moved by a step with several note tracks is the tune, drop voicings, rootless voicings, a walk in quarter
notes, the key the notes are in when none is set, a bass line of one note a chord, an analogy after a command
('…, like capo 2'), a groove named with its tempo, meters, a note asked for by its letter, a remark beside a
command left out, a word after 'record' asked about."""
import pytest

from chronus_shell.language.errors import LanguageError
from chronus_shell.language.translator import Translator

from .test_time_harmony_classes import last, refused

#: A chord voice with a ii–V–I and a bass voice with a walking line, the bass touched last.
JAZZ = ("add a sine", "ii V I in Bb", "add a triangle",
        "triangle notes c2 d2 eb2 e2 f2 a2 c3 eb3 bb1 c2 d2 f2 in quarter notes")
SONG = ("add a triangle", "chords G D Em C", "add a sine")


def _notes(messages: list[str], track: str) -> list[str]:
    found = [m.split()[2:] for m in messages if m.startswith(f"/seq/notes {track} ")]
    assert found, messages
    return [t for t in found[0] if t != "-"]


def _understood(*lines) -> str:
    translator = Translator()
    for line in lines:
        translator.translate(line)
    return " | ".join(translator.understood)


@pytest.mark.parametrize("phrase", ["transpose the chords down a half step", "move the chords down a semitone",
                                    "the progression down a half step", "take the changes down 1 semitone"])
def test_the_chords_named_move_the_chord_track_not_the_voice_in_focus(phrase):
    messages = last(*JAZZ, phrase)
    assert [m.split()[1] for m in messages] == ["chords"]
    assert _notes(messages, "chords") == ["b2+d3+f#3", "e3+g#3+b3", "a3+c#4+e4"]


def test_the_melody_named_moves_the_track_called_so():
    messages = last("add a sine", "chords am f c g", "add a saw", "/seq/add melody saw1 xxxx", "/seq/notes melody e4 d4 c4 b3",
                    "add a triangle", "notes a c e", "transpose the melody up 2 semitones")
    assert [m.split()[1] for m in messages] == ["melody"]


@pytest.mark.parametrize("lines", [("take the triangle down a half step", "take it down a half step"),
                                   ("triangle notes c2 d2", "take it up a whole step")])
def test_it_is_the_voice_just_touched_never_every_track(lines):
    messages = last(*JAZZ, *lines)
    assert "chords" not in " ".join(messages)


@pytest.mark.parametrize("phrase, how", [("drop 2 voicing", 2), ("use drop 2 voicings", 2), ("voice it as drop 2", 2),
                                         ("drop-2 voicings", 2), ("drop 3 voicing", 3), ("drop three voicings", 3)])
def test_a_drop_voicing_lowers_the_nth_note_from_the_top_of_the_closed_chord(phrase, how):
    messages = last("add a triangle", "chords cmaj7 am7", phrase)
    first = _notes(messages, "chords")[0]
    expected = {2: "g2+c3+e3+b3", 3: "e2+c3+g3+b3"}[how]
    assert first == expected


@pytest.mark.parametrize("phrase", ["rootless voicings", "voice it rootless", "go rootless"])
def test_rootless_voicings_take_the_root_out_of_every_chord(phrase):
    messages = last("add a triangle", "chords cm9 f9 bbmaj9", phrase)
    assert _notes(messages, "chords") == ["eb3+g3+bb3+d4", "a3+c4+eb4+g4", "d4+f4+a4+c5"]


def test_a_walk_steps_in_quarter_notes_to_the_end_of_its_bar_spelled_as_said():
    messages = last("add a triangle", "walk the bass up chromatic from F to Bb on the triangle")
    assert messages[0] == "/seq/add triangle triangle1 x...x...x...x...x...x..........."
    assert _notes(messages, "triangle")[:6] == ["f2", "f#2", "g2", "g#2", "a2", "bb2"]
    down = last("add a triangle", "walk the bass down chromatic from Bb to F on the triangle")
    assert _notes(down, "triangle")[:6] == ["bb2", "a2", "ab2", "g2", "gb2", "f2"]


def test_a_run_stays_a_step_a_note():
    assert last("add a sine", "run up chromatic from c to e on the sine")[-1].split()[2:] == ["c4", "c#4", "d4", "d#4", "e4"]


def test_the_key_the_notes_are_in_is_said_when_none_is_set():
    assert last(*JAZZ, "what key are we in") == ["/shell/show key 'none set (the notes are in bb major)'"]
    assert last(*JAZZ, "modulate up a half step", "what key are we in") == [
        "/shell/show key 'none set (the notes are in b major)'"]
    assert last("what key are we in") == ["/shell/show key 'none set'"]


def test_a_key_set_apart_from_the_notes_playing_says_they_stay():
    said = _understood(*JAZZ, "modulate up a half step", "in Bb major")
    assert "the notes playing stay in b major" in said and "'transpose to bb' moves them" in said
    assert _understood(*JAZZ, "in g minor") == ""           # the relative minor: the same notes, nothing to say
    assert _understood(*JAZZ, "in Bb major") == ""


def test_a_key_change_from_the_notes_names_the_key_with_flats_where_it_has_them():
    assert "bb major → b major" in _understood(*JAZZ, "modulate up a half step")


@pytest.mark.parametrize("phrase", ["melody on the sine: e5 d5 c5 b4", "sine plays e5 d5 c5 b4", "sine notes a4 c5 e5 g5"])
def test_a_melody_of_as_many_notes_as_chords_keeps_its_own_steps(phrase):
    assert last(*SONG, phrase)[0].split()[3] == "xxxx"


def test_a_bass_line_with_a_note_for_each_chord_holds_each_under_its_chord():
    messages = last(*SONG, "sine1 notes a2 e2 f#2 d2")
    pattern = messages[0].split()[3]
    assert pattern == ("x" + "-" * 15) * 4
    assert _notes(messages, "sine1") == ["a2", "e2", "f#2", "d2"]
    longer = last(*SONG[:2], "can you play each chord for 2 bars", "add a sine", "sine1 notes a2 e2 f#2 d2")
    assert longer[0].split()[3] == ("x" + "-" * 31) * 4


@pytest.mark.parametrize("notes", ["a2 e2 f#2", "a2 . e2 f#2", "a2 e2 f#2 d2 a2"])
def test_a_bass_line_of_another_length_keeps_its_own_rhythm(notes):
    assert last(*SONG, f"sine1 notes {notes}")[0].split()[3] == "".join("." if n == "." else "x" for n in notes.split())


@pytest.mark.parametrize("phrase", ["up a tone, like capo 2", "up a whole step, like a capo on 2"])
def test_an_analogy_after_a_command_is_not_a_second_command(phrase):
    messages = last("add a triangle", "chords am g f e", phrase)
    assert len(messages) == 1 and _notes(messages, "chords")[0] == "b3+d4+f#4"


KIT = ("add a kick", "add a snare", "add a hat")


@pytest.mark.parametrize("phrase, bpm", [("waltz at 180", 180), ("polka, 120", 120), ("polka 2/4, fast, 120", 120),
                                         ("a big waltz, 160", 160), ("waltz, 160 bpm", 160),
                                         ("waltz at 180 for the fouettés", 180)])
def test_a_groove_named_with_its_tempo_plays_both(phrase, bpm):
    messages = last(*KIT, phrase)
    assert messages[-1] == f"/seq/bpm {bpm:.1f}"
    assert any(m.startswith("/seq/add kick") for m in messages)


def test_a_groove_already_playing_named_with_a_tempo_changes_only_the_tempo():
    assert last(*KIT, "waltz", "waltz at 180") == ["/seq/bpm 180.0"]


@pytest.mark.parametrize("phrase, kick", [("in 6/8", "x.....x....."), ("6/8 feel", "x.....x....."),
                                          ("6/8 at 100", "x.....x....."), ("in 2/4 at 104", "x......."),
                                          ("2/4 feel", "x......."), ("in 3/4", "x...........")])
def test_a_meter_said_as_one_plays_its_bar_on_the_kit(phrase, kick):
    assert f"/seq/add kick kick1 {kick}" in last(*KIT, phrase)


@pytest.mark.parametrize("phrase", ["6/8", "3/4", "2/4", "6/8 time", "2/4 time"])
def test_a_fraction_alone_is_no_meter(phrase):
    assert not any(m.startswith("/seq/add") for m in _tried(*KIT, phrase))


def _tried(*lines) -> list[str]:
    try:
        return last(*lines)
    except LanguageError:      # (refused: nothing sent)
        return []


@pytest.mark.parametrize("phrase, hz", [("play an A", "220.0"), ("give me an A", "220.0"), ("gimme an A please", "220.0"),
                                        ("give me an a", "220.0"), ("give me an a please", "220.0"),
                                        ("give the singer an A", "220.0"), ("blow me a Bb", "233.081881"),
                                        ("play an Ab", "207.652349")])
def test_a_note_asked_for_by_its_letter_sounds_that_note(phrase, hz):
    assert last("add a triangle at 220 hz", phrase) == [f"/gate/triangle1 1 {hz}"]


def test_an_a_chord_asked_for_is_the_chord():
    assert len(last("add a triangle at 220 hz", "give me an A minor")[0].split()) == 5


@pytest.mark.parametrize("phrase", ["a minor version", "the minor version please", "same in minor",
                                    "a minor version for the adagio"])
def test_a_minor_version_is_the_parallel_minor(phrase):
    assert _notes(last("add a triangle", "chords c f g c", phrase), "chords") == [
        "c3+eb3+g3", "f3+ab3+c4", "g3+bb3+d4", "c3+eb3+g3"]


def test_a_barbershop_seventh_is_a_dominant_seventh():
    assert len(last("add a triangle at 220 hz", "ring a barbershop 7th on F")[0].split()) == 6


@pytest.mark.parametrize("phrase, pattern", [("8th note triplets on the snare", "[xxx]@4" * 4),
                                             ("eighth note triplets on the snare", "[xxx]@4" * 4),
                                             ("quarter note triplets on the snare", "[xxx]@8" * 2)])
def test_triplets_said_before_the_part_play_on_it(phrase, pattern):
    assert last(*KIT, phrase) == [f"/seq/add snare snare1 {pattern}"]


@pytest.mark.parametrize("phrase, sent, left", [
    ("petit allegro, 6/8 at 100", "/seq/bpm 100.0", "petit allegro"),
    ("grand allegro, a big waltz, 160", "/seq/bpm 160.0", "grand allegro"),
    ("snare decay shorter, we play on kevlar heads", "/mod/snare1/decay", "we play on kevlar heads"),
])
def test_a_remark_beside_a_command_is_left_out_and_said(phrase, sent, left):
    translator = Translator()
    for line in KIT:
        translator.translate(line)
    messages = [str(m) for m in translator.translate(phrase)]
    assert any(m.startswith(sent) for m in messages)
    assert f"left out: '{left}'" in translator.understood


@pytest.mark.parametrize("phrase", [
    "who can tell me what this does, clear",          # never a destructive command beside words not understood
    "lfo on the cutoff, synced to the beat",         # 'beat' is a word of the shell's: no remark
    "check pattern: 8ths, 16ths, triplets, 16ths",   # one unknown word alone is no remark
    "the heart chakra is F, play F",                 # a note said: no remark
    "gabber! 180",
    "kick louder, except the downbeats",             # a clause that limits the command is never a remark
    "mute the kick, only briefly", "hats off, until the chorus", "tempo 100, in the outro",
    "stop, only briefly", "record - jones wedding",  # nor beside a stop, a recording, a mute
])
def test_a_clause_that_might_mean_something_is_never_left_out(phrase):
    translator = Translator()
    for line in KIT + ("add a saw", "add a filter"):
        translator.translate(line)
    try:
        translator.translate(phrase)
    except LanguageError:
        return
    assert not any(u.startswith("left out") for u in translator.understood)


@pytest.mark.parametrize("phrase, sent", [("record again", "/record/start"), ("record it", "/record/start"),
                                          ("record drums", "/record/start"), ("record take1", "/record/start take1.wav")])
def test_a_take_is_unnamed_unless_its_name_is_said(phrase, sent):
    assert last(*KIT, phrase) == [sent]


@pytest.mark.parametrize("word", ["lancaran", "gig"])
def test_one_word_the_shell_does_not_know_after_record_is_asked_about_never_dropped(word):
    assert f"say 'record to {word}'" in refused(*KIT, f"record {word}")


@pytest.mark.parametrize("phrase", ["phrygian on E, play the scale", "e phrygian, play the scale"])
def test_a_key_and_its_scale_played_in_one_line_do_both(phrase):
    messages = last("add a triangle at 220 hz", phrase)
    assert messages[0] == "/seq/key e phrygian"
    assert _notes(messages, "triangle1") == ["e3", "f3", "g3", "a3", "b3", "c4", "d4", "e4"]


def test_a_pattern_typed_in_full_keeps_its_length_in_a_groove_of_another_bar():
    assert last(*KIT, "waltz", "kick x...x...x...x...") == ["/seq/add kick kick1 x...x...x...x..."]


ACID = ("add a saw", "add an acid filter", "cutoff 500")


@pytest.mark.parametrize("phrase, there, back", [
    ("filter sweep down to 300 hz over 8 bars then back up over 8", "300.0 32", "500.0 32"),
    ("sweep the cutoff down to 300 over 8 bars then back up over 8 bars", "300.0 32", "500.0 32"),
    ("cutoff to 2k over 4 bars then back in 4 bars", "2000.0 16", "500.0 16"),
])
def test_then_back_over_a_length_ramps_to_where_the_line_began(phrase, there, back):
    assert last(*ACID, phrase) == [f"/ramp/acid_filter1/cutoff {there}",
                                   f"/at {there.split()[1]} beat /ramp/acid_filter1/cutoff {back}"]


def test_a_fade_then_back_in_returns_to_the_level_before():
    messages = last("add a saw", "fade out the saw over 4 bars then bring it back in over 2 bars")
    assert messages == ["/ramp/saw1/gain 0.0 16", "/at 16 beat /ramp/saw1/gain 0.5 8"]


@pytest.mark.parametrize("phrase, amount", [("swing it", "0.2"), ("add some swing", "0.2"), ("shuffle it", "0.2"),
                                            ("swing the 16ths", "0.2"), ("a little swing", "0.2"), ("heavy swing", "0.3"),
                                            ("triplet swing", "0.333333"), ("more swing", "0.2")])
def test_a_swing_said_in_words_from_none_is_a_swing_heard(phrase, amount):
    assert last(*KIT, phrase) == [f"/seq/swing {amount}"]


def test_swing_it_on_a_heavier_swing_keeps_it():
    assert last(*KIT, "heavy swing", "swing it") == ["/seq/swing 0.3"]


@pytest.mark.parametrize("phrase", ["straight again", "play it straight", "take the swing off", "swing off", "lose the swing"])
def test_straight_is_no_swing(phrase):
    assert last(*KIT, "heavy swing", phrase) == ["/seq/swing 0.0"]


def test_the_key_set_moves_with_the_chords():
    lines = ("add a triangle", "key of G", "chords 1 4 1 5")
    assert last(*lines, "take it down a tone")[-1] == "/seq/key f major"
    assert last(*lines, "take it down a tone", "what key are we in") == ["/shell/show key 'f major'"]
    assert "/seq/key" not in " ".join(last(*lines, "tritone sub on the 5"))      # a substitution is no new key
    assert last("add a triangle", "chords g c d", "take it down a tone")[-1].startswith("/seq/notes")   # no key set
