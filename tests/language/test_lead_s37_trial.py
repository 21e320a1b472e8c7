"""Session 37 (lead): the blind trial's lines that did something else, each now meant as said."""
from __future__ import annotations

import pytest

from chronus_shell.language import Translator
from chronus_shell.language.errors import LanguageError

from .test_time_harmony_classes import last

SCALE_AND_CHORDS = ("add a triangle", "in c major", "play the scale", "add a saw", "chords ii V I on the saw")
LEAD_AND_PAD = ("add a saw", "call it lead", "arpeggiate am up in 16ths", "add another saw for the pads",
                "make the pad play chords am f c g, a bar each")


def test_a_new_saw_for_the_pads_is_the_pad_said_later():
    made = last("add a saw", "add another saw for the pads", "make the pad play chords am f c g, a bar each")
    assert made[0].startswith("/seq/add chords saw2 ")


def test_the_scale_again_is_the_scale_track_not_the_part_in_focus():
    assert last(*SCALE_AND_CHORDS, "play the scale descending") == ["/seq/notes triangle1 c5 b4 a4 g4 f4 e4 d4 c4"]
    assert last(*SCALE_AND_CHORDS, "mute the scale")[0] == "/seq/mute triangle1 1"
    assert last(*SCALE_AND_CHORDS, "the scale a bit louder") == ["/mod/triangle1/gain 0.6"]


def test_same_for_after_a_refused_line_is_asked_never_an_older_change():
    translator = Translator()
    for line in ("add a saw", "add a sine", "saw louder"):
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate("blorp the saw")
    with pytest.raises(LanguageError, match="'blorp the saw' was not done"):
        translator.translate("same for the sine")


def test_chords_in_a_key_other_than_the_one_set_set_it():
    setup = ("add a triangle", "e phrygian", "add a saw")
    assert last(*setup, "chords ii V I in c major on the saw")[0] == "/seq/key c major"
    assert last(*setup, "chords ii V I in c major on the saw", "transpose it to g major")[-1].startswith(
        "/seq/notes chords a2+c3+e3 ")
    assert last("add a saw", "chords ii V I in c major")[0].startswith("/seq/add")      # (no key set: read in it only)


def test_an_unmute_undone_leaves_the_next_unmute_to_bring_the_drone_back():
    setup = ("add a triangle", "in c major", "play the scale", "mute the triangle", "unmute the triangle", "undo")
    assert last(*setup, "unmute triangle1") == ["/seq/mute triangle1 0", "/mod/triangle1/gain 0.5"]


def test_an_arpeggio_said_again_another_way_is_the_one_playing():
    assert last(*LEAD_AND_PAD, "arp over two octaves")[-1] == "/seq/notes arp a3 c4 e4 a4 c5 e5"
    assert last(*LEAD_AND_PAD, "arp it")[0].startswith("/seq/add chords saw2 ")


def test_a_key_change_said_with_a_colon_moves_every_track():
    made = last(*LEAD_AND_PAD, "key change: up a semitone")
    assert made[0] == "/seq/notes arp bb3 db4 f4" and made[1].startswith("/seq/notes chords bb3+db4+f4 ")


def test_chords_on_a_rhythm_written_alone_keep_it():
    assert last("add a square", "square offbeats", "square plays am d")[0] == \
        "/seq/add square square1 ..x...x...x...x...x...x...x...x."


def test_a_timed_drop_says_it_comes_back():
    translator = Translator()
    for line in ("play x... on kick", "play ..x. on snare", "start"):
        translator.translate(line)
    assert [str(m) for m in translator.translate("drop the drums for a bar")] == ["/seq/mute kick 1 1", "/seq/mute snare 1 1"]
    assert translator.understood[-1] == "kick, snare out for 1 bar, then back by itself"


def test_a_wobble_moves_the_parts_filter_never_its_pitch_unasked():
    made = last("add a saw called bass", "add a lowpass filter to the bass", "add some wobble to the bass")
    assert "/patch/connect lfo1 filter1.cutoff" in made
    with pytest.raises(LanguageError, match="a wobble bass moves a filter"):
        last("add a sine called bass", "add some wobble to the bass")


DRUM_PARTS = ("play x... on kick", "play ..x. on snare", "play xxxx on hats")


def test_a_part_corrected_may_be_several_or_said_with_not():
    assert last(*DRUM_PARTS, "kick louder", "no, I meant the hats and the snare") == \
        ["/mod/kick1/gain 0.8", "/mod/hat1/gain 0.9", "/mod/snare1/gain 0.9"]
    assert last(*DRUM_PARTS, "add a reverb to the kick", "the snare, not the kick")[-3:] == \
        ["/patch/disconnect snare1 master", "/patch/connect snare1 reverb1", "/patch/connect reverb1 master"]


def test_a_second_thought_said_with_an_interjection_corrects_the_move():
    setup = ("add a saw", "saw notes c3 e3", "transpose the saw up a fifth")
    assert last(*setup, "ah no, whole step up")[-1] == "/seq/notes saw d3 f#3"
    assert last(*setup, "No, I'm sorry — up an octave, I meant.")[-1] == "/seq/notes saw c4 e4"
    assert last(*setup, "ooh no, down an octave I mean, from where it was")[-1] == "/seq/notes saw c2 e2"


def test_a_note_length_alone_is_the_shells_own_hint_taken():
    setup = ("add a saw", "saw notes c3 e3 g3")
    assert last(*setup, "quarter notes") == ["/seq/add saw saw1 x...x...x...", "/seq/notes saw c3 - - - e3 - - - g3 - - -"]
    assert last(*setup, "half notes")[0] == "/seq/add saw saw1 x.......x.......x......."


def test_review_fixes_keep_what_was_meant():
    assert last("add a saw called lead", "lead notes c4 d4 e4 d4 c4", "add a triangle", "in c major", "play the scale")[0] == \
        "/seq/add triangle1 triangle1 xxxxxxxx"                  # a melody moving by steps is no scale
    assert last(*DRUM_PARTS, "mute everything, hats stay")[:2] == ["/seq/mute kick 1", "/seq/mute snare 1"]
    with pytest.raises(LanguageError):
        last(*DRUM_PARTS, "mute the drums, kick stays")        # which drums is not guessed
    assert last("add a sine called bass", "the bass lower than c3") == ["/mod/bass/freq 110.0"]
    assert last("add a saw", "play x... on saw", "start", "mute the saw for 2 bars", "no, 4")[1] == "/seq/mute saw 1 4"
    assert last("add a saw called stabs", "chords am f c g on stabs", "what chords do the stabs play") == \
        ["/shell/show 'the chords track (stabs) plays' 'Am F C G'"]
    with pytest.raises(LanguageError, match="no rate"):
        last("add a saw", "add a lowpass filter", "lfo on the filter, one every 0 bars")


def test_actually_before_an_interval_corrects_the_move_just_made():
    setup = ("add a saw", "saw notes c4 e4", "take the saw down a semitone")
    assert last(*setup, "Actually, a whole tone down.")[-1] == "/seq/notes saw a#3 d4"
    assert last("add a saw", "saw notes c3 e3", "actually, a whole tone down")[-1] == "/seq/notes saw a#2 d3"
