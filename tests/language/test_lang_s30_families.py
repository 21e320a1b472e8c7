"""Issue 13, session 30: families of phrasing the dev sets and the trial refused (or read wrong without a word),
made to work in the general case — a bare number after 'faster'/'slower', a Spanish-speaking musician's words —
each with the near misses that must still be refused or asked."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, last


# -- a bare number after faster/slower: the tempo to go to, never a step to 268 bpm --------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("faster 140", ["/seq/bpm 140.0"]),
    ("speed up 140", ["/seq/bpm 140.0"]),
    ("tempo up 140", ["/seq/bpm 140.0"]),          # a step to 260 is no tempo: the number is
    ("a bit faster 130", ["/seq/bpm 130.0"]),
    ("slow down 100", ["/seq/bpm 100.0"]),
    ("slower 70", ["/seq/bpm 70.0"]),
    ("Schneller 128", ["/seq/bpm 128.0"]),
    ("faster 10", ["/seq/bpm 130.0"]),             # a small number: a step, as before
    ("slower 20", ["/seq/bpm 100.0"]),
    ("faster 50", ["/seq/bpm 170.0"]),             # a step to 170 fits, 50 is not faster: the step
    ("tempo down 50", ["/seq/bpm 70.0"]),          # 'down' said: a step where both fit
    ("faster by 140", ["/seq/bpm 260.0"]),         # 'by' said: a step, whatever it makes
    ("faster to 140", ["/seq/bpm 140.0"]),
    ("up 140 bpm", ["/seq/bpm 140.0"]),            # (it made 260)
    ("down 100 bpm", ["/seq/bpm 100.0"]),
    ("up 10 bpm", ["/seq/bpm 130.0"]),
])
def test_a_bare_number_after_faster_or_slower_is_the_tempo_when_no_step_of_it_is_played(phrase, expected):
    assert last(*DRUMS, "tempo 120", phrase) == expected


@pytest.mark.parametrize("phrase, says", [
    ("slower 50", "that could mean 'tempo down by 50' — or — 'tempo 50'"),   # both fit: asked
    ("faster 100", "100 bpm is not faster than now (120 bpm)"),               # neither fits: both ways named
    ("slower 130", "130 bpm is not slower than now"),
    ("más rápido, 105", "105 bpm is not faster than now (120 bpm)"),   # read in English first: as 'faster, 105', neither fits
])
def test_a_number_that_fits_both_ways_or_neither_is_asked_or_refused(phrase, says):
    assert says in refused(*DRUMS, "tempo 120", phrase)


def test_the_question_asked_is_answered_by_the_next_line():
    translator = Translator()
    for line in (*DRUMS, "tempo 120"):
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate("slower 50")
    assert [str(m) for m in translator.translate("the second")] == ["/seq/bpm 50.0"]


# -- a Spanish-speaking musician's words ----------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("pan the hats a la izquierda", ["/mod/hat1/pan -0.5"]),
    ("snare menos fuerte", ["/mod/snare1/gain 0.7"]),
    ("kick más grave", ["/mod/kick1/freq 42.044821"]),
    ("dale!", ["/seq/start"]),
])
def test_spanish_words_for_more_less_sides_and_verbs(phrase, expected):
    assert last(*DRUMS, "/seq/stop", phrase) == expected


def test_mas_after_more_reverb_is_more_again():
    lines = ("add a triangle", "add a reverb", "más reverb, como en la iglesia")
    assert last(*lines) == ["/mod/reverb1/mix 0.35"]
    assert last(*lines, "más") == ["/mod/reverb1/mix 0.45"]


def test_spanish_verbs_remove_and_save():
    assert last("add a triangle", "add a filter", "add an lfo", "connect lfo1 to filter1 cutoff",
                "quita el lfo del filtro") == ["/patch/disconnect lfo1 filter1.cutoff"]
    assert last("add a triangle", "guárdalo como cielito_lindo") == ["/session/save cielito_lindo"]


def test_a_raw_line_keeps_its_spanish_track_name():
    assert last(*ACID, "/seq/add bajo saw1 x.......x.......") == ["/seq/add bajo saw1 x.......x......."]


# -- how long a part's notes ring, said of the part --------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["bass staccato", "make the bass staccato", "shorter bass notes", "bass short notes",
                                    "the bass notes shorter", "play the bass detached", "bass notes more staccato"])
def test_a_voice_with_an_envelope_gets_shorter_notes_from_it(phrase):
    assert last(*ACID, phrase) == ["/mod/adsr1/decay 84.089642"]


@pytest.mark.parametrize("phrase", ["bass legato", "longer bass notes", "let the bass play legato"])
def test_a_voice_with_an_envelope_gets_longer_notes_from_it(phrase):
    assert last(*ACID, phrase) == ["/mod/adsr1/decay 118.920712", "/mod/adsr1/release 237.841423"]


@pytest.mark.parametrize("phrase, expected", [("snare staccato", ["/mod/snare1/decay 126.134462"]),
                                              ("longer kick notes", ["/mod/kick1/decay 356.762135"])])
def test_a_drum_gets_shorter_or_longer_notes_from_its_decay(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_a_voice_without_an_envelope_made_short_gets_one_and_made_longer_is_told_why_not():
    assert last("add a triangle", "triangle notes c4 e4", "triangle staccato")[:2] == [
        "/patch/create adsr1 adsr", "/patch/disconnect triangle1 master"]
    assert "'add an envelope to triangle'" in refused("add a triangle", "triangle legato")


# -- an interval corrected on the next line --------------------------------------------------------------------------
@pytest.mark.parametrize("before, phrase, expected", [
    ("transpose the triangle up a fifth", "no, a fourth", ["/mod/triangle1/freq 293.664768"]),     # up a fourth from 220
    ("transpose the triangle up a fifth", "I meant a minor third", ["/mod/triangle1/freq 261.625565"]),
    ("triangle a fifth higher", "make that a fourth", ["/mod/triangle1/freq 293.664768"]),
    ("transpose the triangle up a fifth", "no, down a fourth", ["/mod/triangle1/freq 164.813779"]),
])
def test_an_interval_corrected_lands_where_the_right_word_would_have(before, phrase, expected):
    assert last("add a triangle at 220 hz", before, phrase) == expected


def test_an_interval_correction_moves_a_voices_notes_too():
    assert last(*ACID, "transpose the bass up a fifth", "sorry, a fourth") == \
        ["/mod/saw1/freq 73.416192", "/seq/notes bass d2 d2 f2 d2"]


@pytest.mark.parametrize("before, phrase, says", [
    ("tempo 90", "no, a fourth", "the last line made none"),
    ("transpose the triangle up a fifth", "no, a fifth", "is the move the last line made"),
    ("transpose the triangle up a fifth", "wait a second", ""),             # no interval: no correction
])
def test_an_interval_correction_with_nothing_to_correct_is_refused(before, phrase, says):
    assert says in refused("add a triangle at 220 hz", before, phrase)


# -- questions about the state, answered and changing nothing ---------------------------------------------------------
@pytest.mark.parametrize("phrase", ["is it playing", "Thank you. Is it playing now?", "are the drums going?",
                                    "is anything playing at all"])
def test_is_it_playing_is_what_is_playing(phrase):
    assert last(*DRUMS, phrase) == ["/shell/list tracks"]


def test_where_is_a_part_shows_it_and_a_missing_one_says_why():
    assert last(*ACID, "where did my bass go?") == ["/shell/show saw1"]
    assert "there is no piano now" in refused(*DRUMS, "where did my piano go?")
    assert "'redo' brings back" in refused("add a triangle called piano", "undo", "where did my piano go?")


# -- a drummer's words: a metronome, a 2-step kick, open hats said the other way round ------------------------------
def test_a_metronome_is_a_hat_of_its_own_on_every_beat_and_goes_off_and_on():
    lines = (*DRUMS, "add a metronome")
    assert last(*lines) == ["/patch/create hat2 hat", "/patch/connect hat2 master", "/seq/add hat2 hat2 x...x...x...x..."]
    assert last(*lines, "metronome off") == ["/seq/mute hat2 1"]
    assert last(*lines, "metronome off", "click on") == ["/seq/mute hat2 0"]
    assert "a click plays already" in refused(*lines, "I need a click track")


@pytest.mark.parametrize("phrase, expected", [
    ("Set the metronome to 72.", ["/seq/bpm 72.0"]),                   # a number: the tempo, as before
    ("the bassdrum should have more click", ["/mod/kick1/punch 0.6"]),   # the kick's click, no metronome
])
def test_a_metronome_with_a_number_or_a_kicks_click_is_not_a_click_track(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_no_click_to_stop():
    assert "no click plays here" in refused(*DRUMS, "metronome off")


@pytest.mark.parametrize("phrase", ["2-step kick", "two step kick", "kick 2-step", "a 2 step kick please"])
def test_a_2_step_kick_is_the_garage_kick(phrase):
    assert last(*DRUMS, phrase) == ["/seq/add kick kick1 x.........x....."]


def test_hats_open_on_the_offbeat_are_open_hats_on_the_offbeats():
    assert last(*DRUMS, "hats decay 50", "hats open on the offbeat") == \
        ["/seq/add hats hat1 ..x...x...x...x.", "/mod/hat1/decay 59.460356"]


@pytest.mark.parametrize("phrase, expected", [("hats open", ["/mod/hat1/decay 59.460356"]),
                                              ("hats open, longer", ["/mod/hat1/decay 70.710678"]),
                                              ("hats closed", ["/mod/hat1/decay 42.044821"]),
                                              ("the hi-hat shut", ["/mod/hat1/decay 42.044821"])])
def test_hats_open_or_closed_said_after_them(phrase, expected):
    assert last(*DRUMS, "hats decay 50", phrase) == expected


# -- a voice said to play notes: 'a' before two more notes is the first of them -------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("triangle plays a c e", ["/seq/add triangle triangle1 xxx", "/seq/notes triangle a3 c4 e4"]),   # it read c e
    ("let the triangle play a c e", ["/seq/add triangle triangle1 xxx", "/seq/notes triangle a3 c4 e4"]),
    ("sine plays algoza melody b4 a4 g#4 e4", ["/seq/add sine sine1 xxxx", "/seq/notes sine b4 a4 g#4 e4"]),
    ("sine plays a melody e5 d5 c5", ["/seq/add sine sine1 xxx", "/seq/notes sine e5 d5 c5"]),
])
def test_a_voice_plays_the_notes_said(phrase, expected):
    assert last("add a triangle at 220 hz", "add a sine at 440 hz", phrase) == expected


def test_a_voice_plays_a_note_alone_is_asked_never_two_notes():
    assert "could be notes one after another" in refused("add a sine at 440 hz", "the sine plays a d")


# -- a part that comes in at a bar ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["the snare comes in at bar 9", "snare enters at bar 9", "snare hits at bar 9"])
def test_a_muted_part_comes_in_at_the_bar_said(phrase):
    assert last(*DRUMS, "mute the snare", phrase) == ["/at 8 bar /seq/mute snare 0"]


def test_a_part_that_plays_already_or_has_nothing_to_play_is_told_the_line_that_does_it():
    assert "'mute the snare' now, then 'at bar 17 bring in the snare'" in refused(*DRUMS, "snare hits at bar 17")
    assert "'at bar 17 play a d minor chord on the triangle'" in refused("add a triangle", "triangle hits at bar 17")


# -- a refusal names the part or the nearest phrasing, never an unrelated lookalike ------------------------------------
def test_a_part_named_in_a_refused_line_is_named_with_what_it_lacks():
    says = refused("add a noise called riser", "open the filter on the riser over 8 bars")
    assert says.startswith("riser has no filter") and "'add a filter to the riser'" in says


@pytest.mark.parametrize("phrase", ["noise riser 8 bars", "add a riser"])
def test_a_riser_is_no_raise(phrase):
    says = refused("add a saw", phrase)
    assert "raise" not in says and "'add a noise'" in says


# -- notes left out at random, said of a part --------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("the hats random, 80 percent chance", ["/seq/chance hats 0.8"]),
    ("the chimbal with random, 80% of the hits", ["/seq/chance hats 0.8"]),
    ("some notes of the hats random, not all", ["/seq/chance hats 0.5"]),
    ("random velocity on the hats", ["/seq/humanize hats 0.5"]),
])
def test_a_parts_notes_left_out_at_random(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_an_arpeggios_track_random_is_its_chance_never_an_arpeggio():
    lines = ("add a sine", "/seq/add arp sine1 xxxx", "/seq/notes arp e4 g4 b4 e5")
    assert last(*lines, "the arp a bit random, 90% of the notes") == ["/seq/chance arp 0.9"]
    assert last(*lines, "arp only plays half the notes randomly") == ["/seq/chance arp 0.5"]


def test_random_with_other_words_is_not_guessed():
    refused(*DRUMS, "the hats random and the kick louder 80 percent")


@pytest.mark.parametrize("phrase", ["the hats random 80 percent", "random on the snare 30%"])
def test_a_bare_share_is_asked_played_or_left_out(phrase):
    assert refused(*DRUMS, phrase).startswith("that could mean")


# -- a roll on the last beat -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["the snare does a roll across the whole last beat",
                                    "Could you play a little drum roll at the end of each bar, on the last beat?",
                                    "snare roll at end of bar pf pf pf pf"])
def test_a_roll_on_the_last_beat_keeps_the_bar_and_rolls_its_last_beat(phrase):
    assert last(*DRUMS, phrase) == ["/seq/add snare snare1 ....x.......xxxx"]


def test_a_roll_in_32nds_is_not_guessed():
    refused(*DRUMS, "snare roll 32nds on the last beat")


def test_randomize_the_notes_is_no_chance():
    refused(*ACID, "randomize the bass notes")


@pytest.mark.parametrize("lines, says", [
    (("master volume -60 db",), "the master is at -60 dB — 'master volume 0 db'"),
    (("mute everything",), "every track is muted"),
    (("/seq/stop",), "the patterns are stopped — 'start'"),
])
def test_why_nothing_is_heard_is_said_from_the_state(lines, says):
    assert says in refused(*DRUMS, "/seq/start", *lines, "why can't I hear anything?")


def test_why_nothing_is_heard_in_an_empty_patch():
    assert "nothing is in the patch yet" in refused("why can't I hear anything")


# -- the review's near misses: what these readings must not catch ------------------------------------------------------
def test_faster_with_a_number_on_an_lfo_in_focus_is_not_the_tempo():
    refused("add a triangle", "add an lfo", "slower 50")                  # its rate, said without a unit: asked as before


def test_a_layer_at_an_interval_is_not_corrected_by_a_second_layer():
    refused("add a triangle at 220 hz", "add a filter", "layer a square a fifth above the triangle", "no, a fourth")


@pytest.mark.parametrize("phrase", ["I don't want a metronome", "make the hats tick like a metronome"])
def test_a_metronome_not_wanted_or_a_part_like_one_adds_no_click(phrase):
    refused(*DRUMS, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("play x............... on the kick every 4 bars", "/seq/add kick kick1 x" + "." * 63),   # ('x' was an unknown word)
    ("kick x............... every 2 bars", "/seq/add kick kick1 x" + "." * 31),
    ("snare ....x........... once every four bars", "/seq/add snare snare1 ....x" + "." * 59),
])
def test_a_bar_played_once_every_few_bars_is_the_bar_then_rests(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


# -- a correction in the middle of a line: 'no sorry', an interval for an interval --------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("sine1 freq 250 Hz, no sorry, 500", ["/mod/sine1/freq 500.0"]),
    ("sine up a fifth, no sorry, a fourth", ["/mod/sine1/freq 587.329536"]),
    ("transpose the sine up a fifth, no, a minor third", ["/mod/sine1/freq 523.251131"]),
])
def test_a_correction_mid_line_replaces_the_value_or_the_interval(phrase, expected):
    assert last("add a sine at 440 hz", phrase) == expected


def test_a_share_dropped_is_the_rest_played():
    assert last(*ACID, "randomly drop hits from the kick loop, 30 percent of them") == ["/seq/chance kick 0.7"]


# -- a zydeco player's French -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lines, expected", [
    (("plus doucement les tambours",), ["/mod/kick1/gain 0.7", "/mod/snare1/gain 0.7", "/mod/hat1/gain 0.7"]),
    (("plus doucement les tambours", "encore"), ["/mod/kick1/gain 0.6", "/mod/snare1/gain 0.6", "/mod/hat1/gain 0.6"]),
    (("arrête!",), ["/seq/stop"]),
    (("master volume -6 db", "plus fort!"), ["/mod/master/gain -3.0"]),
])
def test_french_words_for_louder_softer_again_and_stop(lines, expected):
    assert last(*DRUMS, *lines) == expected


# -- at once, in other words than 'now' --------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["tempo 126 now, straight away", "jump straight to 126 NOW", "now instantly 126"])
def test_a_tempo_said_at_once(phrase):
    assert last(*DRUMS, "tempo 140", phrase) == ["/seq/bpm 126.0 now"]


def test_a_bare_number_at_once_after_another_setting_is_not_the_tempo():
    refused(*ACID, "cutoff 200", "jump straight to 128 NOW")


def test_subtler_is_less_of_what_moved_last_and_again_the_same_way():
    lines = ("add a saw", "add an lfo", "connect lfo1 to saw1 freq", "lfo1 depth 0.5", "subtler")
    assert last(*lines) == ["/mod/lfo1/depth 0.4"]
    assert last(*lines, "a bit more subtle") == ["/mod/lfo1/depth 0.3"]
