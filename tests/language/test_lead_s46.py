"""Session 46 (lead): a chord said to the stabs or to the voice that plays them changes their chord on its hits; notes
going round a track's hits at its pace; parts coming in; the next song's key; a fast typist's slips; a step's size after
the comma; halfway back; and a kompa player's French, a sertanejo producer's Portuguese, a santur player's Finglish and a
K-pop producer's Korean — with the two reviews' finds."""
from __future__ import annotations

import pytest

from chronus_shell.language.errors import LanguageError

from .test_lead_s39 import DRUMS, PAD
from .test_time_harmony_classes import last, refused

STABS = (*DRUMS, "/patch/create square1 square", "/patch/connect square1 master", "/seq/add stabs square1 ...x.....x......",
         "/seq/notes stabs f4+g#4+c5+d#5", "/seq/start", "square = the organ stabs")
BBM7 = ["/seq/notes stabs bb3+db4+f4+ab4"]


@pytest.mark.parametrize("phrase", ["stabs: Bbm7 now", "stabs play Bbm7", "Bbm7 on the stabs", "Bbm7 on the organ",
                                    "Bbm7 on the square"])
def test_a_chord_said_to_the_stabs_is_their_chord_on_their_hits(phrase):
    """'stabs: Bbm7 now' held the chord on the square (its stabs cut it at their next hit): 'stabs' was a style word."""
    assert last(*STABS, phrase) == BBM7


def test_a_chord_held_on_the_stabs_mutes_their_track():
    assert last(*STABS, "hold Bbm7 on the organ") == [
        "/seq/mute stabs 1", "/gate/square1 1 233.081881 277.182631 349.228231 415.304698"]


def test_the_stabs_naming_nothing_leave_the_chord_where_it_would_go():
    """With no stabs, 'stab(s)' is a chart's word for short chords, never a refusal ('no module called stabs')."""
    assert last(*PAD, "Cm on the stabs") == last(*PAD, "Cm")
    assert last(*PAD, "stab chords am7 fmaj7, two bars each") == last(*PAD, "chords am7 fmaj7, two bars each")
    assert last(*PAD, "stabs chords am7 fmaj7") == last(*PAD, "chords am7 fmaj7")


def test_a_voice_with_a_line_of_notes_holds_the_chord():
    lead = (*DRUMS, "/patch/create square1 square", "/patch/connect square1 master", "/seq/add lead square1 x...x...",
            "/seq/notes lead e5 . . . g5 . . .", "/seq/start", "square is the lead")
    assert last(*lead, "Bbm7 on the square")[-1].startswith("/gate/square1 1 ")


@pytest.mark.parametrize("phrase", ["half time breakdown on the drums", "drums half time breakdown",
                                    "half-time feel on the drums"])
def test_a_half_time_breakdown_halves_the_drums(phrase):
    assert last(*DRUMS, phrase) == ["/seq/speed kick 0.5", "/seq/speed snare 0.5", "/seq/speed hats 0.5"]


@pytest.mark.parametrize("phrase", ["back to full speed", "full speed", "original speed", "drums back to full speed",
                                    "back to full time"])
def test_back_to_full_speed_after_half_time(phrase):
    """'back to full speed' was 'no module called to'; 'full speed' the fastest tempo (300 bpm)."""
    assert last(*DRUMS, "half time on the drums", phrase) == [
        "/seq/speed kick 1.0", "/seq/speed snare 1.0", "/seq/speed hats 1.0"]
    assert last(*DRUMS, "half time on the drums", "hats full speed") == ["/seq/speed hats 1.0"]


SAW = ("/patch/create saw1 saw", "/patch/connect saw1 master", "/seq/add riff saw1 x.x.", "/seq/notes riff e2 . g2 .",
       "/seq/key e minor")


@pytest.mark.parametrize("phrase, key", [("next song is in C# minor", "c# minor"), ("this one is in A", "a major"),
                                         ("next tune's in G", "g major"), ("the next number is in Bb major", "bb major"),
                                         ("this one's in d dorian", "d dorian")])
def test_the_next_songs_key_is_the_key(phrase, key):
    assert last(*SAW, phrase) == [f"/seq/key {key}"]


@pytest.mark.parametrize("phrase", ["strum an F, the barre one", "hold a G chord on the saw for the slow one"])
def test_a_chord_for_the_next_one_is_no_key(phrase):
    assert not any(m.startswith("/seq/key") for m in last(*SAW, phrase))


@pytest.mark.parametrize("phrase", ["halfway back", "Hmm, halfway back please", "go halfway back", "split the difference"])
def test_halfway_back_alone_takes_half_the_last_step_back(phrase):
    assert last("/patch/create sine1 sine", "/patch/connect sine1 master", "Master volume down 6 dB", phrase) == \
        ["/mod/master/gain -3.0"]


@pytest.mark.parametrize("phrase, gain", [
    ("kick up a hair, 2 db", 0.50357), ("kick a bit louder, +2 db", 0.50357), ("kick louder small, +2db", 0.50357),
    ("kick up a little, like 2 db", 0.50357), ("kick down a bit, -2 db", 0.317731), ("kick quieter a touch, 1.5 db", 0.336558),
    ("kick louder, 2 db", 0.50357)])
def test_a_level_step_with_its_size_after_the_comma(phrase, gain):
    """'banjo up a hair, 2 db' set the gain to 2 dB (out of range): the 2 dB is the hair's size."""
    made = last(*DRUMS, "/mod/kick1/gain 0.4", phrase)
    assert len(made) == 1 and made[0].startswith("/mod/kick1/gain ") and float(made[0].split()[1]) == pytest.approx(gain)


@pytest.mark.parametrize("word", ["Chale", "abeg", "ayy", "arre yaar", "mate,"])
def test_an_interjection_opens_a_line(word):
    assert last(*DRUMS, "/mod/kick1/gain 0.4", f"{word} kick louder") == last(*DRUMS, "/mod/kick1/gain 0.4", "kick louder")


EIGHTHS = ("/patch/create square1 square", "/patch/connect square1 master", "/seq/add lead square1 x.x.x.x.x.x.x.x.",
           "/seq/notes lead a4 . c5 . e5 . a5 . g5 . e5 . c5 . e5 .", "/seq/start")


@pytest.mark.parametrize("phrase, said", [
    ("lead notes a4 c5 d5 e5", ["/seq/notes lead" + " a4 . c5 . d5 . e5 ." * 2]),       # twice round the eight hits
    ("lead: a4 c5", ["/seq/notes lead" + " a4 . c5 ." * 4]),
    ("lead notes a4 c5 d5 e5 f5 g5 a5 b5 c6 b5 a5 g5 f5 e5 d5 c5",
     ["/seq/add lead square1 x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.",
      "/seq/notes lead a4 . c5 . d5 . e5 . f5 . g5 . a5 . b5 . c6 . b5 . a5 . g5 . f5 . e5 . d5 . c5 ."]),
    ("lead notes a4 c5 d5", ["/seq/add lead square1 " + "x." * 24, "/seq/notes lead" + " a4 . c5 . d5 ." * 8]),  # (three on eight:
])                                                                                                     # the rhythm thrice)
def test_notes_for_a_part_or_a_multiple_of_the_hits_keep_the_rhythm(phrase, said):
    """Four notes on an eighth-note lead became four 16ths ('xxxx'): the rhythm is kept, the notes go round its hits."""
    assert last(*EIGHTHS, phrase) == said


def test_notes_gone_round_are_the_tracks_own_for_the_next_notes():
    assert last(*EIGHTHS, "lead notes a4 c5 d5 e5", "lead notes a4 c5 d5 e5 f5 g5") == [
        "/seq/add lead square1 " + "x." * 24, "/seq/notes lead" + " a4 . c5 . d5 . e5 . f5 . g5 ." * 4]


@pytest.mark.parametrize("before, phrase, said", [
    (("bass notes a . c e",), "notes c e flat g b flat", "/seq/add bass saw1 xxxx"),     # an uneven rhythm: the notes' own
    (("bass x.x.x.x.", "bass notes a1 c2 e2 g2"), "bass notes a1 a1 c2 a1", "/seq/notes bass a1 a1 c2 a1"),  # written apart
])
def test_notes_on_a_rhythm_that_is_no_pace_keep_their_old_reading(before, phrase, said):
    assert last("add a saw at 110 hz", *before, phrase)[0] == said


def test_notes_more_than_a_track_holds_take_their_own_rhythm():
    """160 notes on eight hits would be 320 steps (a track holds 256): a 16th each, as before."""
    notes = " ".join(["a4", "c5", "d5", "e5"] * 40)
    assert last(*EIGHTHS, f"lead notes {notes}")[0] == "/seq/add lead square1 " + "x" * 160


MUTED = (*DRUMS, "/seq/mute kick 1", "/seq/mute hats 1", "/seq/start")


@pytest.mark.parametrize("phrase, said", [
    ("drums in", ["/seq/mute kick 0", "/seq/mute hats 0"]), ("drums in now", ["/seq/mute kick 0", "/seq/mute hats 0"]),
    ("kick and hats in now", ["/seq/mute kick 0", "/seq/mute hats 0"]), ("kick comes in now", ["/seq/mute kick 0"]),
    ("now kick in", ["/seq/mute kick 0"]), ("the hats come in", ["/seq/mute hats 0"]),
])
def test_muted_parts_said_to_come_in_are_unmuted(phrase, said):
    assert last(*MUTED, phrase) == said


def test_a_part_of_two_words_comes_in():
    log = (*MUTED, "/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/add logdrum sine1 x.....x...x..x..",
           "/seq/notes logdrum f2", "/seq/mute logdrum 1", "sine is the log drum")
    assert last(*log, "log drum in now") == ["/seq/mute logdrum 0"]


@pytest.mark.parametrize("phrase, said", [("key of G minor for the next one", "/seq/key g minor"),
                                          ("tempo 100 for the next one", "/seq/bpm 100.0")])
def test_a_change_for_the_next_song_is_made_now(phrase, said):
    """'for the next one' was the next bar's downbeat (an /at 1 bar)."""
    assert last(*SAW, "/seq/start", phrase) == [said]
    assert last(*SAW, "/seq/start", "tempo 100 on the next one") == ["/at 1 bar /seq/bpm 100.0"]


def test_a_correction_of_a_line_with_a_typo_corrects_it_as_read():
    """'tempo 130 ovr 8 bars' (read with 'over'), then 'no 132': the glide's target, not a jump to 132."""
    assert last(*DRUMS, "/seq/bpm 120", "tempo 130 ovr 8 bars", "no 132") == ["/seq/bpm 132.0 ramp 32"]


VIOLAO = ("/patch/create triangle1 triangle", "/patch/connect triangle1 master", "/patch/create saw1 saw",
          "/patch/connect saw1 master", "/seq/add baixo saw1 x.......x.......", "/seq/notes baixo d2", "/seq/start",
          "triangle é o violão", "saw é o baixo")


@pytest.mark.parametrize("phrase, said", [
    ("segura um acorde de G no violão", ["/gate/triangle1 1 195.997718 246.941651 293.664768"]),
    ("violão mais alto", ["/mod/triangle1/gain 0.6"]),
])
def test_portuguese_parts_named_and_a_chord_on_one(phrase, said):
    assert last(*VIOLAO, phrase) == said


@pytest.mark.parametrize("before, phrase, said", [
    ((), "tempo 12o", ["/seq/bpm 120.0"]), ((), "kick -3bd", ["/mod/kick1/gain 0.566357"]),
    ((), "hats of", ["/seq/mute hats 1"]), (("hats of",), "hats bakc on", ["/seq/mute hats 0"]),
    ((), "kick on 1 and 3 onyl", ["/seq/add kick kick1 x.......x......."]),
    ((), "nwo kick louder", ["/mod/kick1/gain 0.9"]),
    ((), "fadeout 8 bars then stop", ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]),
    ((), "fade out 8 bars and stop", ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]),
    (("key of e minor",), "srry meant d minor", ["/seq/key d minor"]),
])
def test_a_fast_typists_slips(before, phrase, said):
    assert last(*DRUMS, "/seq/start", *before, phrase) == said


KOMPA = (*DRUMS, "/patch/create triangle1 triangle", "/patch/create filter1 filter", "/patch/connect triangle1 filter1",
         "/patch/connect filter1 master", "/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/gain 0.5",
         "/seq/add basse saw1 x..x..x.....x...", "/seq/notes basse a1 . . a1 . . c2 . . . e2 . . . . .", "/seq/start",
         "triangle is the keys", "saw is the basse")


@pytest.mark.parametrize("before, phrase, said", [
    (("tempo 100",), "tempo 104... non attends, 96", ["/seq/bpm 96.0"]),
    ((), "keys hard left... non, left 40", ["/mod/triangle1/pan -0.4"]),
    ((), "tiens un Dm7 sur les keys", ["/gate/triangle1 1 146.832384 174.614116 220.0 261.625565"]),
    (("tiens un Dm7 sur les keys",), "lâche l'accord", ["/gate/triangle1 0"]),
    ((), "ralentis à 90 sur 8 mesures", ["/seq/bpm 90.0 ramp 32"]),
    ((), "ouvre le filtre des keys de 500 à 5000 en 8 mesures", ["/mod/filter1/cutoff 500.0", "/ramp/filter1/cutoff 5000.0 32"]),
    ((), "coupe les drums pendant 2 mesures", ["/seq/mute kick 1 2", "/seq/mute snare 1 2", "/seq/mute hats 1 2"]),
    ((), "swell sur les keys, 4 mesures", ["/mod/triangle1/gain 0.0", "/ramp/triangle1/gain 0.5 16"]),
    ((), "enregistre, appelle ça prise1", ["/record/start prise1.wav"]),
])
def test_a_kompa_players_french(before, phrase, said):
    assert last(*KOMPA, *before, phrase) == said


@pytest.mark.parametrize("phrase, english", [("monte la basse un peu", "raise the basse a bit"),
                                             ("keys plus brillant", "keys brighter")])
def test_french_said_as_in_english(phrase, english):
    assert last(*KOMPA, phrase) == last(*KOMPA, english)


@pytest.mark.parametrize("phrase", ["un-reverse it", "the filter more open, un peu", "swing un poco, like 10%"])
def test_french_words_leave_english_and_spanish_as_they_were(phrase):
    """'un' is no 'a' inside 'un-reverse' nor before Spanish 'poco'; 'un peu' after a comma is as before."""
    from chronus_shell.language.other_languages import in_english
    assert "a-reverse" not in in_english(phrase) and "a poco" not in in_english(phrase)


@pytest.mark.parametrize("phrase, said", [
    ("keys hard left... no, left 40", "-0.4"), ("keys left... no, right", "0.5"), ("keys hard left... no, the middle", "0.0"),
])
def test_a_side_corrected_mid_line(phrase, said):
    assert last(*KOMPA, phrase) == [f"/mod/triangle1/pan {said}"]


@pytest.mark.parametrize("phrase, key", [("dastgah Mahur on C", "c major"), ("Mahur on D", "d major"),
                                         ("Chahargah on E", "e double_harmonic"), ("shur on e", "e phrygian")])
def test_a_dastgah_on_its_tonic_is_its_twelve_semitone_scale(phrase, key):
    assert last(*PAD, phrase) == [f"/seq/key {key}"]


SANTUR = (*DRUMS, "/patch/create triangle1 triangle", "/patch/connect triangle1 master", "/mod/triangle1/gain 0.4",
          "/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/bpm 90", "/seq/start", "triangle = santur",
          "the sine is the ney", "the kick is the tombak", "the snare is the daf")


@pytest.mark.parametrize("before, phrase, english", [
    ((), "arom tar", "slower"), ((), "tond tar", "faster"), ((), "tombak va daf kamtar, -2db", "kick and snare down 2 db"),
    ((), "ney samte chap kami", "sine to the left a bit"), (("santur +2 db",), "kheili shod, nesfesh kon", "halfway back"),
    (("hold an Em on the santur",), "vel kon", "release"), (("santur +2 db",), "bargard", "undo"),
])
def test_a_santur_players_finglish(before, phrase, english):
    assert last(*SANTUR, *before, phrase) == last(*SANTUR, *before, english)


BAIXO = (*DRUMS, "/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/gain 0.5",
         "/seq/add baixo saw1 x.......x.......", "/seq/notes baixo d2 . . . . . . . a1 . . . . . . .", "/seq/start",
         "saw é o baixo")


@pytest.mark.parametrize("before, phrase, english", [
    ((), "aumenta o baixo", "raise the bass"), (("baixo +3db",), "passou, volta metade", "too much, halfway back"),
    ((), "tira a bateria por 2 compassos", "mute the drums for 2 bars"), (("tira a bateria",), "volta a bateria", "unmute the drums"),
    ((), "tom de Lá maior", "key of a major"), (("tom de Lá maior",), "não, Sol maior", "no, g major"),
])
def test_a_sertanejo_producers_portuguese(before, phrase, english):
    assert last(*BAIXO, *before, phrase) == last(*BAIXO, *before, english)


def test_a_step_said_in_db_once_for_two_parts():
    """'kick up 2 db, snare up 1' set the snare's gain to 1.6 (out of range): the 1 is dB too."""
    assert last(*DRUMS, "/mod/kick1/gain 0.4", "/mod/snare1/gain 0.4", "kick up 2 db, snare up 1") == [
        "/mod/kick1/gain 0.50357", "/mod/snare1/gain 0.448807"]
    assert last(*DRUMS, "/mod/kick1/gain 0.4", "kick louder, +3") == ["/mod/kick1/gain 0.565015"]


# -- the reviews' finds ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["drums only, no piano", "and no piano", "mute the bass, no viola"])
def test_no_before_an_english_part_is_without_it_not_portuguese(phrase):
    piano = (*DRUMS, "/patch/create triangle1 triangle", "/patch/connect triangle1 master", "triangle is the piano")
    try:
        made = last(*piano, phrase)
    except LanguageError:
        return
    assert not any(m.startswith("/patch/connect") for m in made)


@pytest.mark.parametrize("phrase, kept", [
    ("bounce it, name it la bamba", "la bamba"), ("delete the session la bamba", "la bamba"), ("open la bamba", "la bamba"),
    ("enregistre, appelle ça la nuit", "la nuit"), ("save as tout va bien", "tout va bien")])
def test_a_name_said_is_kept_as_typed(phrase, kept):
    from chronus_shell.language.other_languages import in_english
    assert in_english(phrase).endswith(kept)


@pytest.mark.parametrize("phrase, notes", [("bell: la ti do", "a3 b3 c4"), ("bell: la sib la sol", "a3 bb3 a3 g3")])
def test_la_before_a_note_is_the_note(phrase, notes):
    bell = ("/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/add bell sine1 x.x.x.x.", "sine is the bell")
    assert last(*bell, phrase) == [f"/seq/notes bell {notes}"]


@pytest.mark.parametrize("before, said", [
    (("/seq/bpm 70", "tempo 90"), ["/seq/bpm 80.0"]), (("pan the sine left",), ["/mod/sine1/pan -0.25"]),
    (("/mod/filter1/cutoff 2000", "cutoff 500"), ["/mod/filter1/cutoff 1000.0"]),
])
def test_halfway_back_is_half_the_move_of_any_setting(before, said):
    """'halfway back' after a cutoff or a pan moved them further the same way; after a tempo, a step of 5 bpm."""
    assert last("add a sine", "add a filter", *before, "halfway back") == said


@pytest.mark.parametrize("before", [("kick up 4 db", "undo"), ("saw1 an octave down",)])
def test_halfway_back_after_an_undo_or_a_pitch_is_refused(before):
    assert "halfway back" in refused(*DRUMS, "add a saw", "/mod/kick1/gain 0.5", *before, "halfway back")


@pytest.mark.parametrize("phrase, said", [("kick quieter, +2 db", "0.397164"), ("kick quieter, plus 2 db", "0.397164")])
def test_a_plus_after_quieter_is_the_size_of_the_step(phrase, said):
    assert last(*DRUMS, "/mod/kick1/gain 0.5", phrase) == [f"/mod/kick1/gain {said}"]


@pytest.mark.parametrize("phrase, said", [("a bit louder, 2 db", "2.0"), ("a touch quieter, 1 db", "-1.0")])
def test_a_step_with_no_part_is_the_masters(phrase, said):
    assert last(*DRUMS, phrase) == [f"/mod/master/gain {said}"]


@pytest.mark.parametrize("phrase, said", [
    ("tempo 90 for the next bar", ["/at 1 bar /seq/bpm 90.0"]), ("next one's in G", ["/seq/key g major"]),
    ("next one is in G", ["/seq/key g major"]),
])
def test_the_next_bar_waits_and_the_next_songs_key_does_not(phrase, said):
    assert last(*DRUMS, "/seq/start", phrase) == said


@pytest.mark.parametrize("phrase", ["Bbm7 on the organ and let it ring", "long Bbm7 on the organ"])
def test_a_chord_said_to_ring_is_held(phrase):
    assert last(*STABS, phrase)[0] == "/seq/mute stabs 1"


@pytest.mark.parametrize("phrase", ["fade the hats out 4 bars then stop", "out of", "master of", "kick: a bit of"])
def test_lines_that_stay_refused(phrase):
    refused(*DRUMS, "/seq/start", phrase)


@pytest.mark.parametrize("before, again, said", [
    (("master -3db",), "again", "/mod/master/gain -6.0"), (("/mod/kick1/gain 0.5", "kick +2db"), "again", "/mod/kick1/gain 0.792447")])
def test_a_signed_level_again_is_the_step_again(before, again, said):
    """'master -3db', then 'again' set -3 dB once more (no change): the same step again, -6 dB."""
    assert last(*DRUMS, *before, again) == [said]


KPOP = (*DRUMS, "/patch/create saw1 saw", "/patch/connect saw1 master", "/patch/create square1 square",
        "/patch/connect square1 master", "/seq/add hook square1 x.x.x.x.", "/seq/notes hook a4 . c5 .", "/seq/key a minor",
        "/seq/start", "the saw is the bass", "the square is the lead")


@pytest.mark.parametrize("before, phrase, english", [
    ((), "템포 128", "tempo 128"), (("/mod/kick1/gain 0.5",), "킥 좀 더 크게 +3db", "kick louder, +3 db"), (("hats -4db",), "snare도 똑같이", "same for the snare"),
    ((), "hats 16비트로", "hats in 16ths"), ((), "key F# minor로 바꿔", "key F# minor"), (("key of f# minor",), "아니 잠깐, G minor", "no wait, G minor"),
    ((), "전체 반음 올려", "transpose everything up a semitone"), (("tempo 100",), "취소", "undo"), (("master -3db",), "다시", "again"),
    ((), "녹음 시작", "start recording"), ((), "녹음 멈춰", "stop recording"), ((), "스네어 3박에만", "snare only on 3"),
    ((), "bass 가운데로, lead 왼쪽 끝까지", "bass center, lead hard left"), (("stop",), "멈춘 데서 다시 시작", "continue"),
])
def test_a_kpop_producers_korean(before, phrase, english):
    assert last(*KPOP, *before, phrase) == last(*KPOP, *before, english)


@pytest.mark.parametrize("phrase", ["make it more 청량", "BLACKPINK 같은 drop 만들어줘"])
def test_a_korean_wish_stays_refused(phrase):
    refused(*KPOP, phrase)


@pytest.mark.parametrize("phrase, pattern", [("kick on 1, the and of 2, and 4", "x.....x.....x..."),
                                             ("kick on 1, the and of 2, and the and of 3", "x.....x...x....."),
                                             ("kick on 1, the a of 1, and 3", "x..x....x.......")])
def test_beats_listed_with_a_comma_and_and(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add kick kick1 {pattern}"]


@pytest.mark.parametrize("phrase, said", [("pingpong on the marimba delay", "/mod/delay1/mode pingpong"),
                                          ("ping pong on the delay", "/mod/delay1/mode pingpong"),
                                          ("highpass on the marimba filter", "/mod/filter1/mode highpass")])
def test_a_mode_said_on_an_effect_switches_it(phrase, said):
    marimba = ("/patch/create square1 square", "/patch/create delay1 delay", "/patch/create filter1 filter",
               "/patch/connect square1 filter1", "/patch/connect filter1 delay1", "/patch/connect delay1 master",
               "square is the marimba")
    assert last(*marimba, phrase) == [said]


@pytest.mark.parametrize("phrase, mode", [("switch the fuzz to hard clip", "hard"), ("make the fuzz fold back", "foldback"),
                                          ("bitcrush the fuzz", "bitcrush")])
def test_a_distortions_modes_as_engineers_say_them(phrase, mode):
    fuzz = ("/patch/create saw1 saw", "/patch/create distortion1 distortion", "/patch/connect saw1 distortion1",
            "/patch/connect distortion1 master")
    assert last(*fuzz, phrase.replace("the fuzz", "the distortion")) == [f"/mod/distortion1/mode {mode}"]


@pytest.mark.parametrize("phrase", ["pick it up where we left off", "pick up where we left off", "carry on where we stopped"])
def test_picking_up_where_we_left_off_continues(phrase):
    assert last(*DRUMS, "/seq/start", "stop", phrase) == ["/seq/continue"]


@pytest.mark.parametrize("phrase, said", [
    ("kick down 2 db, cutoff up 200", ["/mod/kick1/gain 0.635463", "/mod/acid_filter1/cutoff 700.0"]),
    ("kick down 2 db, resonance down 0.2", ["/mod/kick1/gain 0.635463", "/mod/acid_filter1/resonance 0.3"]),
    ("tempo up a bit, +5", ["/seq/bpm 133.0"]),
])
def test_a_settings_step_keeps_its_own_unit(phrase, said):
    """A step's dB carried to the next part, or a signed size read as dB, made 'cutoff up 200' 200 dB."""
    assert last("/patch/create saw1 saw", "/patch/create acid_filter1 acid_filter", "/patch/connect saw1 acid_filter1",
                "/patch/connect acid_filter1 master", "/mod/acid_filter1/cutoff 500", "/mod/acid_filter1/resonance 0.5",
                "/patch/create kick1 kick", "/patch/connect kick1 master", "/seq/bpm 128", phrase) == said


def test_it_louder_with_its_size_is_the_sound_in_focus():
    assert last("/patch/create saw1 saw", "/patch/connect saw1 master", "it louder, 2 db") == ["/mod/saw1/gain 0.629463"]


@pytest.mark.parametrize("before, said", [
    (("master -6db", "master -3db"), "/mod/master/gain -3.0"),       # a level set (up from -6): set again
    (("kick gain -6 db",), "/mod/kick1/gain 0.501187"),              # the param said: a level set
    (("/mod/hat1/gain 0.5", "hats -3db", "again"), "/mod/hat1/gain 0.177407"),   # a step, a third time
])
def test_again_after_a_level_set_sets_it_and_after_a_step_steps(before, said):
    assert last(*DRUMS, *before, "again") == [said]


@pytest.mark.parametrize("phrase, said", [("open the session la bamba", "open the session la bamba"),
                                          ("charge la bamba", "load la bamba"), ("charge le filtre", "load the filter")])
def test_a_session_named_in_french_is_its_name(phrase, said):
    from chronus_shell.language.other_languages import in_english
    assert in_english(phrase) == said


def test_the_last_chorus_alone_is_no_command():
    refused(*DRUMS, "마지막 후렴")
