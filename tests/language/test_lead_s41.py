"""Session 41 (lead): a chord held 'soft', an effect said as a verb ('delay the keys'), a track named like a rhythm
('mute the clave'), a section said before a length ('for the intro, 4 bars'), a chord's purpose ('F7 to turn it
around') and a loud marking that never lowers a part (nor a soft one raises it)."""
from __future__ import annotations

import pytest

from .test_lead_s39 import DRUMS, PAD
from .test_time_harmony_classes import echo, last, refused


@pytest.mark.parametrize("phrase", ["hold a soft d major chord on the pad", "hold a warm d major chord on the pad",
                                    "Hold a gentle D major chord on the pad, please."])
def test_a_chord_said_soft_or_warm_is_held(phrase):
    """'Hold a soft D major chord on the pad' was refused ('no module called soft d major chord'), so the next chord
    change ('Now change the chord to G major') went to the bell."""
    assert last(*PAD, phrase) == ["/gate/triangle1 1 146.832384 184.997211 220.0"]


def test_an_effect_said_as_a_verb_on_a_part_adds_it_there():
    made = last(*PAD, "delay the pad")
    assert made[0] == "/patch/create delay1 delay" and "/patch/connect triangle1 delay1" in made
    assert "/patch/connect triangle1 delay1" in last(*PAD, "dly pad")


CLAVE = ("/patch/create snare1 snare", "/patch/connect snare1 master", "/seq/add clave snare1 x..x..x...x.x...",
         "/patch/create triangle1 triangle", "/patch/connect triangle1 master", "/seq/add montuno triangle1 x.xx.x.xx.xx.x.x")


@pytest.mark.parametrize("phrase, made", [
    ("Mute the clave for 2 bars.", ["/seq/mute clave 1 2"]),      # 'no module called mute': the rhythm called clave
    ("mute the clave", ["/seq/mute clave 1"]),
    ("solo the clave", ["/seq/mute montuno 1"]),
])
def test_a_track_named_like_a_rhythm_is_that_track(phrase, made):
    assert last(*CLAVE, phrase) == made


def test_a_named_rhythm_on_a_part_still_plays_it():
    assert last(*CLAVE, "the snare plays a tresillo") == ["/seq/add clave snare1 x..x..x.x..x..x."]


@pytest.mark.parametrize("phrase, made", [
    ("Lay the snare out for the intro, 4 bars.", ["/seq/mute snare 1 4"]),
    ("hats off for the intro, 4 bars", ["/seq/mute hats 1 4"]),
    ("kick out in the bridge, for 2 bars", ["/seq/mute kick 1 2"]),
])
def test_a_section_said_before_a_length_is_the_length(phrase, made):
    assert last(*DRUMS, phrase) == made


def test_a_chord_to_turn_it_around_is_the_chord():
    made = last(*PAD, "hold an eb chord on the pad", "F7 to turn it around.")
    assert made[-1] == "/gate/triangle1 1 174.614116 220.0 261.625565 311.126984"


@pytest.mark.parametrize("marking", ["forte", "forte please"])
def test_a_loud_marking_never_lowers_a_part(marking):
    """'snare forte' on a snare at 0.8 set it to forte's −3 dB (0.71): quieter, on a word that means loud."""
    lines = (*DRUMS, "/mod/snare1/gain 0.8", f"snare {marking}")
    assert float(last(*lines)[0].split()[-1]) > 0.8 and "a step louder" in echo(*lines)


def test_a_soft_marking_never_raises_a_part_and_a_marking_the_right_way_is_its_level():
    lines = (*DRUMS, "/mod/snare1/gain 0.05", "snare pianissimo")
    assert float(last(*lines)[0].split()[-1]) < 0.05 and "quieter" in echo(*lines)
    assert last(*DRUMS, "/mod/snare1/gain 0.5", "snare forte") == ["/mod/snare1/gain 0.707946"]
    assert last(*DRUMS, "/mod/snare1/gain 0.5", "snare pianissimo") == ["/mod/snare1/gain 0.125893"]


def test_a_held_chord_changed_with_a_manner_is_played_at_once_and_said_so():
    lines = (*PAD, "hold a c chord on the pad", "now to A minor, slowly")
    assert last(*lines) == ["/gate/triangle1 1 220.0 261.625565 329.627557"]
    assert "'slowly': at once" in echo(*lines)


@pytest.mark.parametrize("phrase, made", [
    ("Stop the song after 4 bar", ["/at 4 bar /seq/stop"]),
    ("Start the recorder, please.", ["/record/start"]),
    ("stop the recorder", ["/record/stop"]),
    ("Less volume for the drums", ["/mod/kick1/gain 0.7", "/mod/snare1/gain 0.7", "/mod/hat1/gain 0.7"]),
])
def test_the_song_the_recorder_and_less_of_something_for_a_part(phrase, made):
    assert last(*DRUMS, "/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8", "/mod/hat1/gain 0.8", phrase) == made


def test_a_part_given_an_echo_a_note_long_sets_its_echo():
    made = last(*PAD, "/seq/bpm 120", "/patch/create delay1 delay", "/patch/disconnect sine1 master",
                "/patch/connect sine1 delay1", "/patch/connect delay1 master", "the sine is the chimes",
                "Give the chimes an echo, a quarter note long.")
    assert made == ["/mod/delay1/time 0.5"]


@pytest.mark.parametrize("phrase", ["Strings and piano both hold C major", "strings and piano hold a C major together."])
def test_several_parts_said_first_hold_a_chord(phrase):
    made = last("/patch/create saw1 saw", "/patch/connect saw1 master", "/patch/create triangle1 triangle",
                "/patch/connect triangle1 master", "the saw is the strings", "the triangle is the piano", phrase)
    assert sorted(m.split()[0] for m in made) == ["/gate/saw1", "/gate/triangle1"]


def test_a_chord_held_on_a_drone_the_stop_silenced_brings_it_back():
    made = last(*PAD, "/seq/add bass sine1 x...", "/seq/start", "/mod/sine1/gain 0.5", "stop",
                "hold a c chord on the sine")
    assert made[-1] == "/mod/sine1/gain 0.5" and made[0].startswith("/gate/sine1 1")


TRACKS_CALLED_SO = ("/patch/create saw1 saw", "/patch/connect saw1 master", "/patch/create saw2 saw", "/patch/connect saw2 master",
                    "/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/add riff saw1 x.x.x.x.x.x.x.x.",
                    "/seq/add bass saw2 x.x.x.x.x.x.x.x.", "/seq/add pulse sine1 x.x.x.x.x.x.x.x.")


@pytest.mark.parametrize("phrase, made", [
    ("riff: e2 e2 f2 e2", ["/seq/notes riff e2 e2 f2 e2"]),          # the notes went to the bass (the part in focus)
    ("Mute the pulse for 2 bars.", ["/seq/mute pulse 1 2"]),          # 'pulse' is a square's word: the sine was muted
    ("pulse in 16ths", ["/seq/add pulse sine1 xxxxxxxxxxxxxxxx"]),      # a new square was added
])
def test_a_track_called_by_a_word_of_the_language_is_that_track(phrase, made):
    assert last(*TRACKS_CALLED_SO, phrase)[:len(made)] == made


@pytest.mark.parametrize("phrase, notes", [
    ("drone: hold a fifth, A and E.", "220.0 329.627557"),          # refused, so 'release' let another part go
    ("hold c4 e4 g4 on the pad", "261.625565 329.627557 391.995436"),   # a tune of three 16ths
    ("pad: hold c e g", "130.812783 164.813778 195.997718"),
])
def test_notes_held_after_a_label_or_without_and_sound_together(phrase, notes):
    assert last(*PAD, "the triangle is the drone", phrase) == [f"/gate/triangle1 1 {notes}"]


def test_hold_a_chord_symbol_is_no_note_a_before_it():
    assert last(*PAD, "hold a G7 on the pad") == ["/gate/triangle1 1 195.997718 246.941651 293.664768 349.228231"]


ITALO = (*DRUMS, "/patch/create saw1 saw", "/patch/connect saw1 master", "/seq/add bass saw1 x.x.x.x.x.x.x.x.",
         "/patch/create square1 square", "/patch/connect square1 master", "/seq/add lead square1 x.x.x.x.x.x.x.x.",
         "the saw is the bass", "the square is the lead")


@pytest.mark.parametrize("phrase, made", [
    ("salva come notte_italo", ["/session/save notte_italo"]),      # saved a session called 'come notte_italo'
    ("carica notte_italo", ["/session/load notte_italo"]),
    ("registra", ["/record/start"]),
    ("muta la cassa per 2 battute", ["/seq/mute kick 1 2"]),
    ("hats e snare -2 dB", ["/mod/hat1/gain 0.397164", "/mod/snare1/gain 0.397164"]),
    ("cassa e basso più 1 dB", ["/mod/kick1/gain 0.785413", "/mod/saw1/gain 0.561009"]),
    ("dissolvenza in uscita in 8 battute", ["/ramp/master/gain -60.0 32"]),
    ("ferma alla fine della battuta", ["/seq/stop bar"]),
])
def test_an_italian_musicians_words(phrase, made):
    assert last(*ITALO, "/mod/kick1/gain 0.7", "/mod/saw1/gain 0.5", "/mod/hat1/gain 0.5", "/mod/snare1/gain 0.5",
                phrase)[:len(made)] == made


def test_an_italian_key_corrected_in_solfege():
    assert last("tonalità la minore", "no, mi minore") == ["/seq/key e minor"]


@pytest.mark.parametrize("phrase", ["in 2 bars mute everything", "stop the music in 4 bars", "Più mosso.",
                                    "Set the tempo to one hundred and thirty beats per minute"])
def test_english_and_score_words_an_italian_word_resembles_are_read_as_before(phrase):
    """'in 2 bars' is after them (an Italian 'in 2 battute' is over them), 'per' in 'beats per minute' and 'più mosso'
    stay as they were (the first Italian words broke them)."""
    assert last(*ITALO, "start", phrase)


def test_beats_and_the_last_sixteenth_said_in_one():
    assert last(*DRUMS, "clap on 2 and 4 plus the last sixteenth") == ["/seq/add clap snare1 ....x.......x..x"] or \
        last(*DRUMS, "snare on 2 and 4 plus the last sixteenth") == ["/seq/add snare snare1 ....x.......x..x"]


# -- the review's findings (a read-only reviewer compared ~650 phrases with the tree before this session) ------------------
def test_a_track_called_the_tune_is_that_track_never_the_whole_music():
    lines = ("/patch/create saw1 saw", "/patch/connect saw1 master", "/patch/create sine1 sine", "/patch/connect sine1 master",
             "/seq/add tune sine1 x...x...x...x...", "/seq/add bass saw1 x.x.x.x.", "/seq/start")
    assert last(*lines, "clear the tune") == ["/seq/remove tune"]
    assert last(*lines, "stop the tune")[0] == "/seq/mute tune 1"
    assert last(*lines[:-2], "/seq/start", "stop the song")[0] == "/seq/stop"


def test_a_label_on_a_part_with_two_tracks_is_that_track():
    lines = ("/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/add arp sine1 x.x.x.x.x.x.x.x.",
             "/seq/add melody sine1 x...x...x...x...", "/seq/start")
    assert last(*lines, "melody: c4 d4 e4") == ["/seq/notes melody c4 d4 e4"]


def test_a_marking_said_twice_stays_and_a_silent_part_takes_its_level():
    assert last(*PAD, "pad forte", "pad forte") == ["/mod/triangle1/gain 0.707946"]
    assert last(*PAD, "/mod/triangle1/gain 0", "pad pp") == ["/mod/triangle1/gain 0.125893"]


@pytest.mark.parametrize("phrase, made", [
    ("slow down a 20 bpm", ["/seq/bpm 100.0"]),                     # 'rallenta a 90' made it tempo 20
    ("accelera a 130 in 16 battute", ["/seq/bpm 130.0 ramp 64"]),
    ("volume più basso", ["/mod/master/gain -3.0"]),                 # 'più basso' made the bass louder
    ("less kick for the verse", ["/mod/kick1/gain 0.7"]),            # 'for the verse' was read 'on the verse'
])
def test_english_said_as_before_and_italian_said_right(phrase, made):
    assert last(*DRUMS, "/mod/kick1/gain 0.8", "/seq/bpm 120", "/seq/start", phrase) == made


def test_an_english_1_e_is_no_italian_and():
    refused(*DRUMS, "kick on 1 e 2")


def test_notes_held_on_a_part_whose_track_plays_are_held_with_its_track_muted():
    """Session 43: held, as musicians expect (77 of 78 corpus cases a gate); the track muted, or its next note would
    end the chord. Said without 'hold', the notes go on the track's hits."""
    made = last(*PAD, "/seq/add pad triangle1 x...x...x...x...", "/seq/start", "hold c e g on the pad")
    assert made == ["/seq/mute pad 1", "/gate/triangle1 1 130.812783 164.813778 195.997718"]
    made = last(*PAD, "/seq/add pad triangle1 x...x...x...x...", "/seq/start", "play c e g together on the pad")
    assert made == ["/seq/notes pad c3+e3+g3"]


def test_a_drum_and_a_minus_number_is_a_fader_cut_and_a_pitched_part_asks():
    """'snr -3' set the snare's tone to −3 Hz (out of range); 'bass -13' is 13 semitones down to one musician and
    13 dB down to another: asked."""
    assert last(*DRUMS, "/mod/snare1/gain 0.8", "snare -3") == ["/mod/snare1/gain 0.566357"]
    said = refused(*PAD, "the sine is the bass", "bass -6")
    assert "6 dB down or 6 semitones down" in said


@pytest.mark.parametrize("phrase, made", [
    ("Stop after 2 more bars.", "/at 2 bar /seq/stop"), ("stop end bar", "/seq/stop bar"),
    ("the hats in each sixteenth", "/seq/add hats hat1 xxxxxxxxxxxxxxxx"),
    ("double kick every 16th", "/seq/add kick kick1 xxxxxxxxxxxxxxxx"),
    ("Fade everything out over 8 bars for savasana.", "/ramp/master/gain -60.0 32"),
    ("Fade out over 8 bars at the end.", "/ramp/master/gain -60.0 32"),
    ("snare louder, plus 3 dB", "/mod/snare1/gain 0.706269"),
])
def test_terse_and_wordy_lines_of_the_s39_and_s40_rounds(phrase, made):
    assert last(*DRUMS, "/mod/snare1/gain 0.5", "start", phrase)[0] == made


@pytest.mark.parametrize("phrase, made", [("Strings, pianissimo.", "/mod/triangle1/gain 0.125893"),
                                          ("Strings, forte!", "/mod/triangle1/gain 0.707946")])
def test_a_conductor_addresses_a_section_then_gives_its_marking(phrase, made):
    assert last(*PAD, "the triangle is the strings", "/mod/triangle1/gain 0.5", phrase) == [made]


CARIOCA = (*DRUMS, "/patch/create sine1 sine", "/patch/connect sine1 master", "the sine is the 808", "/seq/bpm 130", "start")


@pytest.mark.parametrize("phrase, made", [
    ("bpm 150 pra ficar mais pesado", ["/seq/bpm 150.0"]),
    ("tempo sobe pra 150 em 8 compassos", ["/seq/bpm 150.0 ramp 32"]),
    ("kick e snare menos 2 db", ["/mod/kick1/gain 0.635463", "/mod/snare1/gain 0.635463"]),
    ("escala frigia em E", ["/seq/key e phrygian"]),
    ("grava ai", ["/record/start"]),                                  # a take called 'ai'
])
def test_a_brazilian_producers_words(phrase, made):
    assert last(*CARIOCA, "/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8", phrase)[:len(made)] == made


@pytest.mark.parametrize("phrase, made", [
    ("le snare -2 dB", ["/mod/snare1/gain 0.397164"]),
    ("mute le kick pour 4 mesures", ["/seq/mute kick 1 4"]),
    ("remets les hats", ["/seq/mute hats 0"]),
    ("fade out sur 8 mesures", ["/ramp/master/gain -60.0 32"]),
    ("record ça", ["/record/start"]),                                # a take called 'ça'
])
def test_a_french_producers_words(phrase, made):
    assert last(*DRUMS, "/mod/snare1/gain 0.5", "start", "mute the hats", phrase)[:len(made)] == made


def test_notes_held_with_a_remark_or_after_a_chord_named_by_kind_sound_together():
    """'hold D and A on the drone, like the bordun strings' played D major then A major chords, a bar each."""
    assert last(*PAD, "the triangle is the drone", "hold D and A on the drone, like the bordun strings") == \
        ["/gate/triangle1 1 146.832384 220.0"]
    made = last(*PAD, "Hold a diminished chord on the pad: B, D, F, A flat.")
    assert made == ["/gate/triangle1 1 246.941651 293.664768 349.228231 415.304698"]


def test_a_spanish_chord_of_la_is_still_a_minor():
    assert last(*PAD, "acorde de la menor")[0].endswith(" 1 220.0 261.625565 329.627557")


# -- the second review's findings ----------------------------------------------------------------------------------------
BAND = (*DRUMS, "/patch/create saw1 saw", "/patch/connect saw1 master", "/seq/add bass saw1 x.x.x.x.", "the saw is the bass",
        "/patch/create triangle1 triangle", "/patch/connect triangle1 master", "the triangle is the pad", "start")


@pytest.mark.parametrize("phrase", ["delay no bass, only the pad", "reverb no drums", "kick no 2", "stop 2 bars",
                                    "hold c4 e4 g4 on the pad, for 2 bars", "hold the chord on c4", "ouvre le filtre"])
def test_english_no_and_lengths_and_unknown_things_are_refused_never_done_otherwise(phrase):
    """'delay no bass' put a delay on the bass (a Portuguese 'no' is 'on the'); ', for 2 bars' after held notes was
    dropped; 'ouvre le filtre' loaded a session called filtre."""
    refused(*BAND, phrase)


@pytest.mark.parametrize("phrase, made", [
    ("pad holds chord c", "/gate/triangle1 1 130.812783 164.813778 195.997718"),
    ("back the bass down a bit", "/mod/saw1/gain 0.4"),
    ("the bass at 2 o clock", "/mod/saw1/pan 0.4"),
    ("double kick", "/seq/speed kick 2.0"),
])
def test_english_the_foreign_words_resembled_reads_as_before(phrase, made):
    assert last(*BAND, "/mod/saw1/gain 0.5", phrase)[0] == made


def test_chords_with_an_em_and_a_length_are_chords():
    assert last(*BAND, "chords: em 2 bars, c 2 bars")[-1].startswith("/seq/notes chords e3+g3+b3")
