"""Harmony phrasings by CLASS: moving notes by an interval in any order (harmony_moves), one chord
strummed, over a bass note or counted in a key said in the line; each test one class said several
ways — wordings invented here, none copied from a corpus."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_time_harmony_classes import ACID, last, refused


@pytest.mark.parametrize("phrase, notes", [
    ("the bass notes up a tone", "b1 b1 d2 b1"),
    ("bass line, a 5th higher", "e2 e2 g2 e2"),
    ("shift the riff on the bass down two semis", "g1 g1 a#1 g1"),
    ("take the bassline down by a minor third", "f#1 f#1 a1 f#1"),
    ("melody +12", "a2 a2 c3 a2"),                                   # a signed number: semitones of the notes
    ("transpose the tune -2", "g1 g1 a#1 g1"),
    ("the 808 line up a fifth", "e2 e2 g2 e2"),                      # a nickname, then its notes
])
def test_the_notes_of_a_voice_move_however_the_interval_and_the_notes_are_said(phrase, notes):
    assert last(*ACID, phrase) == [f"/seq/notes bass {notes}"]


@pytest.mark.parametrize("phrase, freq, notes", [
    ("transpose the bass up a tone", "61.735413", "b1 b1 d2 b1"),
    ("drop the 808 2 semis", "48.999429", "g1 g1 a#1 g1"),
    ("raise the 808 a fifth", "82.406889", "e2 e2 g2 e2"),
    ("the bass, an octave up", "110.0", "a2 a2 c3 a2"),
])
def test_a_voice_said_moves_as_a_whole_its_pitch_and_its_notes(phrase, freq, notes):
    assert last(*ACID, phrase) == [f"/mod/saw1/freq {freq}", f"/seq/notes bass {notes}"]


@pytest.mark.parametrize("phrase, key", [
    ("move the song up a whole step", "b minor"),
    ("key change up a semitone", "bb minor"),
    ("modulate down a tone", "g minor"),
    ("take the key up a fifth", "e minor"),
])
def test_the_song_or_the_key_moved_moves_the_key_and_every_note_track(phrase, key):
    messages = last(*ACID, "in a minor", phrase)
    assert messages[0] == f"/seq/key {key}" and messages[1].startswith("/seq/notes bass ")


@pytest.mark.parametrize("phrase", ["bass up a step", "move the bass up one step", "can we hear the notes down 2 steps"])
def test_a_bare_step_is_asked_about_not_guessed(phrase):
    assert "whole step (2 semitones), a half step (1) or a step of the scale" in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase", ["move the bass up 3 semitones down", "transpose the banana notes up a fifth",
                                    "bass up 12"])
def test_a_move_with_a_word_or_a_direction_it_cannot_place_is_not_read_as_one(phrase):
    with pytest.raises(LanguageError):
        last(*ACID, phrase)


# --- one chord: strummed letters, slash chords said with 'over', a degree chord with its key --------------
PAD = ("add a triangle at 220 hz",)


@pytest.mark.parametrize("phrase, hz", [
    ("strum a g on the triangle", "195.997718 246.941651 293.664768"),          # strummed: a chord, 'a' the article
    ("strumming e on the triangle", "164.813778 207.652349 246.941651"),
    ("play a barre f", "174.614116 220.0 261.625565"),                           # a barre shape: a chord, not the note
])
def test_a_strummed_or_barre_letter_is_a_chord(phrase, hz):
    assert last(*PAD, phrase) == [f"/gate/triangle1 1 {hz}"]


@pytest.mark.parametrize("phrase", ["c over e", "the triangle: c over e", "c/e"])
def test_a_slash_chord_said_with_over_is_played_alone(phrase):
    assert last(*PAD, phrase) == ["/gate/triangle1 1 164.813778 195.997718 261.625565"]


@pytest.mark.parametrize("phrase, hz", [
    ("play a IV chord in c", "174.614116 220.0 261.625565"),
    ("in c, play the IV chord", "174.614116 220.0 261.625565"),                  # before: the key alone, no chord
    ("play the V chord in d", "220.0 277.182631 329.627557"),
    ("play the iv chord in the key of g minor", "130.812783 155.563492 195.997718"),
])
def test_a_degree_chord_with_its_key_in_the_line_is_counted_in_that_key(phrase, hz):
    assert last(*PAD, phrase) == [f"/gate/triangle1 1 {hz}"]


def test_blues_in_a_key_is_not_the_blues_scale():
    with pytest.raises(LanguageError):                # a twelve-bar blues in A, not '/seq/key a blues'
        last(*PAD, "blues in a")
    assert "/seq/key a blues" not in last(*PAD, "blues in A, I IV V, A7 D7 E7")    # (its chords, said: s23)


def test_the_blues_scale_is_a_key_when_called_a_scale():
    assert last(*PAD, "blues scale in a") == ["/seq/key a blues"]


@pytest.mark.parametrize("phrase, error", [("decay: 2", "decay 2 is out of range"),
                                           ("resonance: 3", "resonance 3 is out of range")])
def test_a_param_then_a_colon_and_a_number_is_a_setting_never_scale_degrees(phrase, error):
    assert error in refused(*ACID, "in a minor", phrase)


def test_a_param_colon_value_in_range_sets_it():
    assert last(*ACID, "in a minor", "resonance: 0.3") == ["/mod/acid_filter1/resonance 0.3"]


# --- a key stated in a sentence ('the song is in e minor'), never a change of key or a chord -------------
@pytest.mark.parametrize("phrase, key", [
    ("the song is in e minor", "e minor"), ("this tune is in Bb major", "bb major"),
    ("we're gonna be in f# minor", "f# minor"), ("key = e minor", "e minor"), ("the key's d dorian", "d dorian"),
    ("stick to a minor", "a minor"), ("the whole track is in g", "g major"),
])
def test_a_key_stated_among_words_that_only_say_it_is_the_key(phrase, key):
    assert last(*PAD, phrase) == [f"/seq/key {key}"]


@pytest.mark.parametrize("phrase", ["the song is in a minor chord", "tune it to e", "put it in E"])
def test_a_key_sentence_with_a_chord_a_tuning_or_a_change_is_not_a_key_set(phrase):
    translator = Translator()
    for line in PAD:
        translator.translate(line)
    try:
        sent = [str(m) for m in translator.translate(phrase)]
    except LanguageError:
        sent = []
    assert not any(m.startswith("/seq/key") for m in sent)


# --- time: fading an effect named by its type fades its mix (its volume would be the voice's) -------------
@pytest.mark.parametrize("phrase, expected", [
    ("fade the delay out over 4 bars", ["/ramp/delay1/mix 0.0 16"]),
    ("fade out the reverb", ["/ramp/reverb1/mix 0.0 16"]),
    ("fade the delay and the sine out over 2 bars", ["/ramp/delay1/mix 0.0 8", "/ramp/sine1/gain 0.0 8"]),
    ("fade the sine out over 4 bars", ["/ramp/sine1/gain 0.0 16"]),
])
def test_fading_an_effect_fades_its_mix_and_a_voice_its_level(phrase, expected):
    assert last("add a sine at 440 hz", "add a delay", "add a triangle", "add a reverb", phrase) == expected


@pytest.mark.parametrize("phrase", ["am f c g one per bar", "am f c g, one each bar", "am f c g one a bar"])
def test_one_chord_per_bar_said_several_ways(phrase):
    assert last(*PAD, phrase)[0] == "/seq/add chords triangle1 " + "x" + "-" * 15 + ("x" + "-" * 15) * 3


@pytest.mark.parametrize("phrase", ["bass -2 st", "bass 2 st down", "the bass -2 semitones"])
def test_a_signed_interval_or_st_moves_the_voice(phrase):
    assert last(*ACID, phrase) == ["/mod/saw1/freq 48.999429", "/seq/notes bass g1 g1 a#1 g1"]


@pytest.mark.parametrize("phrase", ["play g7 on the triangle", "g7", "hold a d7"])
def test_a_seventh_or_ninth_said_alone_is_the_chord_not_a_note_in_octave_7(phrase):
    assert len(last(*PAD, phrase)[0].split()) == 6          # /gate/triangle1 1 and four pitches


def test_a_sixth_alone_stays_the_note():
    assert last(*PAD, "play c6") == ["/gate/triangle1 1 1046.502261"]


# --- a bare number on a param the line does not name is refused; an effect said mono loses its width ------
DRUMS = ("kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.", "tempo 120")


@pytest.mark.parametrize("phrase", ["lower 20", "kick 50 lower", "hats 30 lower"])
def test_a_bare_number_on_an_inferred_param_is_asked_about(phrase):
    assert "of what? say it with the param and a unit" in refused(*DRUMS, phrase)


@pytest.mark.parametrize("phrase, expected", [("faster 10", ["/seq/bpm 130.0"]), ("kick decay 20 longer", ["/mod/kick1/decay 320.0"])])
def test_a_number_on_the_tempo_or_a_param_said_is_still_an_amount(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [("delay mono please", "/mod/delay1/width 0.0"),
                                              ("make the reverb mono", "/mod/reverb1/width 0.0")])
def test_an_effect_said_mono_loses_its_stereo_width_not_a_voice_its_polyphony(phrase, expected):
    assert last("add a sine", "add a delay", "add a reverb", phrase) == [expected]


# --- notes with a note value: a hit every that many steps, each note held to the next ---------------------
SINE = ("add a triangle at 220 hz", "add a sine at 440 hz")


@pytest.mark.parametrize("phrase, pattern, notes", [
    ("play the tune on the sine in quarter notes: d4 g4 a4 b4", "x...x...x...x...", "d4 - - - g4 - - - a4 - - - b4 - - -"),
    ("melody on the sine in 8ths: g5 f5 d5 bb4", "x.x.x.x.x.x.x.x.", "g5 - f5 - d5 - bb4 -"),
    ("sine notes e4 g4 a4 c5, quarter notes", "x...x...x...x...", "e4 - - - g4 - - - a4 - - - c5 - - -"),
    ("arp a3 c4 e4 a4 in 16ths on the sine", "xxxxxxxxxxxxxxxx", "a3 c4 e4 a4"),
    ("a g major arpeggio on the sine, g4 b4 d5 g5, in 8ths", "x.x.x.x.x.x.x.x.", "g4 - b4 - d5 - g5 -"),
    ("sine melody e5 . d5 c5 in 8ths", "x...x.x.", "e5 - . . d5 - c5 -"),         # a rest keeps its place
])
def test_notes_said_with_a_note_value_play_one_a_value(phrase, pattern, notes):
    messages = last(*SINE, phrase)
    assert messages[0].split()[2:] == ["sine1", pattern] and messages[1].split(maxsplit=2)[2] == notes


@pytest.mark.parametrize("phrase, expected", [
    ("sine on c2", "/mod/sine1/freq 65.406391"), ("sub sine on g1", "/mod/sine1/freq 48.999429"),
    ("put the triangle on g3", "/mod/triangle1/freq 195.997718"), ("make the sine drone on f2", "/mod/sine1/freq 87.307058"),
])
def test_a_voice_put_on_a_note_with_its_octave_is_tuned_there(phrase, expected):
    assert last(*SINE, phrase) == [expected]


def test_an_effect_put_on_a_voice_is_still_a_chain_edit_never_a_tuning():
    assert "is on sine1 already" in refused(*SINE, "add a delay", "put the delay on the sine")   # no tuning, no 2nd delay


# --- chords said for no voice never replace a bass line with its own rhythm (the README tour) --------------
TOUR = ("add a saw at 110 hz", "add acid filter at 800hz", "bass notes a1 a1 c2 a1 e2 a1 g1 a1",
        "play x.xX.x.xx.Xx.x.x on saw1")


@pytest.mark.parametrize("phrase", ["chords am7 f c g", "am f c g", "chords am f, a bar each"])
def test_chords_for_no_voice_never_replace_a_bass_line_written_with_its_rhythm(phrase):
    assert "say 'chords" in refused(*TOUR, phrase) and "on saw1' to replace it" in refused(*TOUR, phrase)


def test_chords_on_the_voice_named_replace_its_line():
    assert last(*TOUR, "chords am7 f c g on saw1")[0].startswith("/seq/add bass saw1 x---")


# --- time: a value dropped to, a param whose name ends in 'back', the whole mix, a remark, a swell open ----
@pytest.mark.parametrize("phrase, expected", [
    ("in 2 bars drop the cutoff to 400", ["/at 2 bar /mod/filter1/cutoff 400.0"]),          # a value, not a mute
    ("over 3 seconds, ramp the delay feedback to 0.9", ["/ramp/delay1/feedback 0.9 6"]),   # 'feedback' whole
    ("fade the whole mix out over 16 bars", ["/ramp/master/gain -60.0 64"]),
    ("fade out over 4 bars for the amen", ["/ramp/master/gain -60.0 16"]),                 # a remark, not a voice
    ("swell the filter open over 8 bars", ["/ramp/filter1/cutoff 1189.207115 32"]),
])
def test_time_lines_said_the_ways_musicians_say_them(phrase, expected):
    assert last("add a triangle at 220 hz", "add a filter", "add a sine", "add a delay", "tempo 120", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("next bar switch bass to f1 f1 f2 f1", ["/at 1 bar /seq/notes bass f1 f1 f2 f1"]),
    ("change the bass to c2 c2 eb2 c2", ["/seq/notes bass c2 c2 eb2 c2"]),
    ("after 8 bars change bass to c2 c2 g1 g1", ["/at 8 bar /seq/notes bass c2 c2 g1 g1"]),
])
def test_a_voice_switched_or_changed_to_notes_plays_them(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_a_track_said_then_reverse_is_reversed():
    assert last(*DRUMS, "hats reverse") == ["/seq/reverse hats"]


def test_the_head_is_a_tune_its_notes_played_in_the_value_said():
    assert last(*SINE, "play the head on the sine: e4 g4 a4 c5, quarter notes")[0] == "/seq/add sine sine1 x...x...x...x..."


@pytest.mark.parametrize("phrase", ["chords c am f g, one to a bar", "hymn chords: c am f g, one per bar",
                                    "amen on the triangle: c am f g, a bar each"])
def test_a_style_word_before_chords_and_one_to_a_bar(phrase):
    assert last(*PAD, phrase)[0] == "/seq/add chords triangle1 " + ("x" + "-" * 15) * 4


@pytest.mark.parametrize("phrase", ["sustain an e minor on the triangle", "ring out an e minor"])
def test_a_verb_that_sounds_said_first_plays_a_chord_named_like_a_key(phrase):
    assert last(*PAD, phrase) == ["/gate/triangle1 1 164.813778 195.997718 246.941651"]


def test_a_suspension_resolved_is_two_chords():
    assert last(*PAD, "play a D sus4 then resolve to D")[1].split()[1:] == ["chords", "d3+g3+a3"] + ["-"] * 15 + \
        ["d3+f#3+a3"] + ["-"] * 15


@pytest.mark.parametrize("phrase", ["hold that chord for 2 bars", "play that chord"])
def test_that_chord_is_asked_about_not_called_an_unknown_chord(phrase):
    assert refused(*PAD, phrase).startswith("which chord?")


@pytest.mark.parametrize("phrase", ["add the 9", "add a 9th", "add the ninth"])
def test_a_chord_tone_added_by_its_number_alone(phrase):
    assert last(*PAD, "play cmaj7", phrase) == ["/patch/poly triangle1 5",          # room for the fifth note
                                                "/gate/triangle1 1 130.812783 164.813778 195.997718 246.941651 293.664768"]


@pytest.mark.parametrize("phrase", ["Would you transpose that progression up by a whole tone?",
                                    "Would you be good enough to raise the chords a whole step?",
                                    "transpose those chords up 2 semitones"])
def test_a_polite_move_of_that_progression(phrase):
    assert last(*PAD, "chords c am f g", phrase)[0].startswith("/seq/notes chords d3+f#3+a3 ")
