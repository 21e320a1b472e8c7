"""Issue 13, session 19: families of musicians' phrasing (each a table of our own wordings, with
near-misses that must not be read that way)."""
import pytest

from chronus_shell.language import Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


@pytest.mark.parametrize("phrase, bpm", [
    ("andante", 92.0), ("Andante, please.", 92.0), ("allegro", 132.0), ("play it presto", 180.0), ("adagio now", 70.0),
    ("tempo largo", 50.0), ("and now moderato", 112.0),
])
def test_an_italian_tempo_marking_sets_the_middle_of_its_range(phrase, bpm):
    assert last(*PAD, phrase) == [f"/seq/bpm {bpm}"]


@pytest.mark.parametrize("phrase", ["adagio for strings", "andante on the sine", "allegro bass"])
def test_a_tempo_marking_with_other_words_is_not_a_tempo(phrase):
    refused(*PAD, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("A crescendo over four bars, please.", "/ramp/master/gain 3.0 16"),      # two parts heard: the whole mix
    ("and a diminuendo over two bars", "/ramp/master/gain -3.0 8"),
    ("a ritardando to 60 over the last two bars", "/seq/bpm 60.0 ramp 8"),
    ("an accelerando to 140 over 4 bars", "/seq/bpm 140.0 ramp 16"),
])
def test_dynamics_and_tempo_changes_said_with_an_article(phrase, expected):
    assert last(*PAD, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("waaay louder", "/mod/hat1/gain 1.0"), ("make it fasterrr", "/seq/bpm 125.0"), ("sooo much quieter", "/mod/hat1/gain 0.5"),
])
def test_a_word_stretched_for_emphasis_is_read_as_the_word(phrase, expected):
    assert last(*DRUMS, "hats gain 0.8", phrase) == [expected]


def test_a_stretched_rhythm_is_never_a_stretched_word():
    assert last(*DRUMS, "hats xxxxxxxxxxxxxxxx") == ["/seq/add hats hat1 xxxxxxxxxxxxxxxx"]


@pytest.mark.parametrize("follow, expected", [
    ("more", "/mod/reverb1/mix 0.35"), ("more!!", "/mod/reverb1/mix 0.35"), ("a lil less", "/mod/reverb1/mix 0.15"),
    ("waaay more", "/mod/reverb1/mix 0.55"), ("way less", "/mod/reverb1/mix 0.025"),   # (s31: a small amount halves)
])
def test_more_or_less_right_after_adding_an_effect_is_that_effect(follow, expected):
    assert last(*DRUMS, "hats decay 50", "add reverb", follow) == [expected]


def test_more_distortion_is_more_drive_its_mix_starting_at_full():
    assert last(*DRUMS, "put some distortion on the kick", "more distortion") == ["/mod/distortion1/drive 9.9"]
    assert last(*DRUMS, "put some distortion on the kick", "more") == ["/mod/distortion1/drive 9.9"]
    assert last(*DRUMS, "put some distortion on the kick", "distortion level 0.5") == ["/mod/distortion1/mix 0.5"]


@pytest.mark.parametrize("before", [("humanize the drums",), ("add a filter",), ("kick x.x.x.x.x.x.x.x.",)])
def test_more_or_less_after_a_line_that_moved_no_setting_asks_of_what(before):
    """Never the param moved lines before (the hats' decay): the musician means what they just did."""
    assert "of what?" in refused(*DRUMS, "hats decay 50", *before, "a bit less")


def test_more_after_a_setting_still_moves_it():
    assert last(*DRUMS, "hats decay 50", "more") == ["/mod/hat1/decay 59.460356"]
    translator = Translator()
    for line in (*ACID, "cutoff 800", "what is the cutoff"):      # a question between: the setting stays
        translator.translate(line)
    assert [str(m) for m in translator.translate("more")] == ["/mod/acid_filter1/cutoff 951.365692"]


@pytest.mark.parametrize("phrase, expected", [
    ("cut the filter to 200 hz at bar 5", "/at 4 bar /mod/filter1/cutoff 200.0"),
    ("at bar 17 mute the sine", "/at 16 bar /mod/sine1/gain 0.0"),
    ("at bar 3, tempo 100", "/at 2 bar /seq/bpm 100.0"),
    ("on bar 9 cutoff 300", "/at 8 bar /mod/filter1/cutoff 300.0"),
])
def test_a_hit_point_at_bar_n_counts_this_bar_as_bar_one(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_at_bar_one_is_refused_and_a_bar_count_is_not_a_bar_number():
    assert "bar 1 is the bar playing now" in refused(*PAD, "cutoff 300 at bar 1")
    assert last(*PAD, "in 4 bars cutoff 300") == ["/at 4 bar /mod/filter1/cutoff 300.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("lol ok thats fire save it as banger", ["/session/save banger"]),
    ("yeah louder", ["/mod/hat1/gain 0.9"]),
    ("hmm ok, tempo 132", ["/seq/bpm 132.0"]),
    ("that's sick, mute the snare", ["/seq/mute snare 1"]),
])
def test_leading_chatter_is_left_out(phrase, expected):
    assert last(*DRUMS, "hats gain 0.8", phrase) == expected


def test_no_is_never_chatter():
    assert last(*PAD, "no more reverb") == ["/mod/reverb1/mix 0.0"]


@pytest.mark.parametrize("phrase", ["too much, undo that", "nah too much, undo that", "ugh no, take it back"])
def test_a_complaint_then_undo_undoes(phrase):
    assert last(*ACID, "cutoff 300", phrase) == ["/mod/acid_filter1/cutoff 800.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("reverb mix 0.5, real big", ["/mod/reverb1/mix 0.5", "/mod/reverb1/room 0.7"]),
    ("cutoff 300, nice and squelchy", ["/mod/filter1/cutoff 300.0", "/mod/filter1/q 2.697"]),
])
def test_a_quality_after_a_comma_moves_its_own_param(phrase, expected):
    assert last(*PAD, "reverb room 0.6", phrase) == expected


def test_a_quality_describing_the_value_just_set_is_left_out():
    assert last(*ACID, "decay 30ms, real plucky") == ["/mod/acid_filter1/decay 30.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("the bombo more strong", ["/mod/kick1/gain 0.9"]), ("the bombo more grave", ["/mod/kick1/freq 42.044821"]),
    ("the kick stronger", ["/mod/kick1/gain 0.9"]), ("snare weaker", ["/mod/snare1/gain 0.7"]),
    ("semicorcheas on the charles", ["/seq/add hats hat1 xxxxxxxxxxxxxxxx"]),
    ("corcheas on the charles", ["/seq/add hats hat1 x.x.x.x.x.x.x.x."]),
    ("stop in the final of the compás", ["/seq/stop bar"]), ("charge the session ensayo", ["/session/load ensayo"]),
])
def test_a_spanish_speakers_words(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_enter_brings_a_muted_part_back_in():
    assert last(*DRUMS, "mute the snare", "in 2 compases enter the caja") == ["/at 2 bar /seq/mute snare 0"]


@pytest.mark.parametrize("phrase, expected", [
    ("make the snare hit on every beat", ["/seq/add snare snare1 x...x...x...x..."]),
    ("the snare should hit on 3", ["/seq/add snare snare1 ........x......."]),
    ("kick plays on every beat", ["/seq/add kick kick1 x...x...x...x..."]),
    ("only like 70% of the hats should hit", ["/seq/chance hats 0.7"]),
    ("make the kick hit harder", ["/mod/kick1/punch 0.6"]),
])
def test_a_part_that_hits_or_plays_on_beats_is_a_rhythm(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase", ["the hats are annoying", "the tsss thing is annoying", "the hats are in the way",
                                    "the hats are way too much"])
def test_a_part_said_to_be_in_the_way_is_made_quieter(phrase):
    assert last(*DRUMS, "hats gain 0.8", phrase) == ["/mod/hat1/gain 0.7"]


@pytest.mark.parametrize("phrase, expected", [
    ("hats pan from left to right over 2 bars", ["/mod/hat1/pan -1.0", "/ramp/hat1/pan 1.0 8"]),
    ("pan the snare from hard right to hard left over 4 bars", ["/mod/snare1/pan 1.0", "/ramp/snare1/pan -1.0 16"]),
])
def test_a_pan_sweep_from_side_to_side_goes_edge_to_edge(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_back_to_a_choice_sets_it_again():
    assert last(*PAD, "highpass the pad at 150", "back to lowpass") == ["/mod/filter1/mode lowpass"]
    assert last(*PAD, "lfo shape square", "go back to the sine wave") == ["/mod/lfo1/shape sine"]


@pytest.mark.parametrize("phrase, expected", [
    ("reverb like a big church", ["/mod/reverb1/mix 0.35", "/mod/reverb1/room 0.7"]),
    ("Could the reverberation sound more like a concert hall?", ["/mod/reverb1/mix 0.35", "/mod/reverb1/room 0.7"]),
    ("cathedral reverb, 60% wet", ["/mod/reverb1/room 0.7", "/mod/reverb1/mix 0.6"]),
    ("more reverb, like a cathedral", ["/mod/reverb1/mix 0.35", "/mod/reverb1/room 0.7"]),
    ("more reverb, like singing in a church", ["/mod/reverb1/mix 0.35"]),      # how it feels: more reverb only
])
def test_a_big_space_named_for_the_reverb_is_a_bigger_room(phrase, expected):
    assert last(*PAD, "reverb mix 0.25", "reverb room 0.6", phrase) == expected


@pytest.mark.parametrize("phrase", ["listen to my midi keyboard", "connect my midi keyboard", "plug in my controller",
                                    "Would it trouble you to listen to my MIDI keyboard?"])
def test_a_midi_keyboard_plugged_in_is_the_midi_input(phrase):
    assert last(*PAD, phrase) == ["/midi/in auto"]


def test_a_tempo_goes_back_to_the_tempo_before_the_change():
    lines = (*PAD, "tempo 96", "a ritardando to 60 over 2 bars")
    assert last(*lines, "a tempo") == ["/seq/bpm 96.0"]
    assert last(*lines, "back to the original tempo") == ["/seq/bpm 96.0"]
    assert "has not changed" in refused(*PAD, "a tempo")


@pytest.mark.parametrize("phrase, expected", [
    ("some hats drop out randomly", "/seq/chance hats 0.75"), ("half the hats randomly drop", "/seq/chance hats 0.5"),
    ("kick sometimes skips, like 80%", "/seq/chance kick 0.8"),
    ("at the next bar, the hats go twice as fast", "/at 1 bar /seq/speed hats 2.0"),
    ("in 4 bars kick goes double time", "/at 4 bar /seq/speed kick 2.0"),
])
def test_hits_that_drop_out_at_random_and_a_part_that_goes_faster(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("midi in auto", "/midi/in auto"), ("midi clock out on", "/midi/clock on"), ("send midi clock out", "/midi/clock on"),
    ("sine gain -12 dbfs", "/mod/sine1/gain 0.251189"),
])
def test_gear_words_said_short(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_a_fade_in_starts_from_where_a_fade_out_left_it_and_a_sounding_part_from_nothing():
    assert last(*PAD, "fade the sine out over 4 bars", "bring the sine back in at bar 9") == ["/at 8 bar /ramp/sine1/gain 0.5 16"]
    assert last(*PAD, "fade the sine in from nothing over 4 bars") == ["/mod/sine1/gain 0.0", "/ramp/sine1/gain 0.5 16"]


def test_a_reading_with_only_chatter_left_out_is_taken_over_guessed_ones():
    assert last(*PAD, "remove the wobble entirely") == ["/patch/remove lfo1"]


@pytest.mark.parametrize("phrase, expected", [
    ("square plays a4", ["/mod/square1/freq 440.0"]),                   # one note: its pitch
    ("the square will play c5", ["/mod/square1/freq 523.251131"]),
    ("the square should play c5 b4 a4 g4", ["/seq/add square square1 xxxx", "/seq/notes square c5 b4 a4 g4"]),
])
def test_a_voice_that_plays_one_note_is_tuned_to_it(phrase, expected):
    assert last("add a square", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("delay time an eighth triplet", "/mod/delay1/time 0.166667"), ("delay time 1/8 triplet", "/mod/delay1/time 0.166667"),
    ("delay time 1/8t", "/mod/delay1/time 0.166667"), ("delay time a quarter note triplet", "/mod/delay1/time 0.333333"),
    ("delay time 1/16 triplet", "/mod/delay1/time 0.083333"),
])
def test_a_triplet_note_length_is_two_thirds_of_it(phrase, expected):
    assert last(*PAD, phrase) == [expected]


def test_triplets_of_a_track_are_still_its_speed():
    assert last(*DRUMS, "hats in triplets") == ["/seq/speed hats 1.5"]


def test_twice_as_fast_alone_is_the_track_just_played_else_it_asks_of_what():
    scale = "Play a C major scale in sixteenth notes, one octave up from middle C."
    assert last(*PAD, scale, "Twice as fast.") == ["/seq/speed sine1 2.0"]
    assert "of what?" in refused(*PAD, "tempo 100", "twice as fast")
    assert last(*DRUMS, "the drums but like twice as fast") == ["/seq/speed kick 2.0", "/seq/speed snare 2.0",
                                                                "/seq/speed hats 2.0"]


SQUARE = ("add a square wave playing c d e g",)


@pytest.mark.parametrize("phrase", ["make it darker", "square darker", "make the square darker"])
def test_darker_on_a_voice_with_nothing_that_darkens_names_the_ways_to_it(phrase):
    """Adding a filter, or a softer wave: a guess between them would be a wrong; the refusal names both."""
    said = refused(*SQUARE, phrase)
    assert "add a filter to square1" in said and "softer wave" in said


@pytest.mark.parametrize("lines, phrase", [(SQUARE, "make it brighter"), (DRUMS, "kick darker")])
def test_brighter_on_a_raw_oscillator_and_darker_on_a_drum_without_tone_are_refused(lines, phrase):
    said = refused(*lines, phrase)
    assert "nothing in" in said or "as bright as it goes" in said


def test_a_remark_on_how_a_part_sounds_then_make_it_is_that_part():
    assert last(*DRUMS, "the kick sounds like a pillow make it hit harder") == ["/mod/kick1/punch 0.6"]
    assert last(*DRUMS, "the hats with more human, less robot") == ["/seq/humanize hats 0.5"]


def test_a_number_after_a_rhythm_is_the_tempo_with_bpm_else_it_asks():
    assert last("kick on 1 and 3, 140 bpm")[-1] == "/seq/bpm 140.0"
    assert "tempo 140" in refused("kick on 1 and 3, 140")        # never the kick's pitch, silently
    assert last("add a saw, 220")[-1] == "/mod/saw1/freq 220.0"  # after a sound: its own setting, as before


@pytest.mark.parametrize("phrase, expected", [
    ("boom boom boom boom", ["/seq/add kick kick1 x...x...x...x..."]), ("make the boom deeper", ["/mod/kick1/freq 42.044821"]),
    ("shorter boom", ["/mod/kick1/decay 252.268925"]),
])
def test_a_kick_said_as_it_sounds(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_a_kick_sound_word_after_a_value_set_only_describes_it():
    assert last(*ACID, "kick decay 800 ms, longer boom") == ["/mod/kick1/decay 800.0"]


@pytest.mark.parametrize("phrase, expected", [
    ("kick to the left, snare to the right", ["/mod/kick1/pan -0.5", "/mod/snare1/pan 0.5"]),
    ("the kick to the left, the hats quieter", ["/mod/kick1/pan -0.5", "/mod/hat1/gain 0.7"]),
])
def test_clauses_each_a_command_of_their_own_are_read_one_by_one_as_one_step(phrase, expected):
    translator = Translator()
    for line in DRUMS:
        translator.translate(line)
    depth = len(translator.undo_stack)
    assert [str(m) for m in translator.translate(phrase)] == expected and len(translator.undo_stack) == depth + 1


@pytest.mark.parametrize("phrase", ["swing a little bit, no too much", "longer boom on the kick, like an 808 tail",
                                    "darker reverb tail, damp it more"])
def test_clauses_that_lean_on_or_describe_each_other_are_not_read_one_by_one(phrase):
    translator = Translator()
    for line in (*PAD, "add a kick"):
        translator.translate(line)
    try:
        produced = [m.address for m in translator.translate(phrase)]
    except Exception:
        return
    assert len(produced) == len(set(produced))           # never the same thing set twice


@pytest.mark.parametrize("lines, expected", [
    (("bounce it out",), ["/record/start"]), (("bounce it out", "stop the bounce"), ["/record/stop"]),
    ((*PAD, "slow down the wah wah"), ["/mod/lfo1/rate 0.840896"]),
])
def test_a_bounce_is_a_recording_and_a_wah_is_the_wobble(lines, expected):
    assert last(*lines) == expected
