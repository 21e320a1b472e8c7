"""Issue 13, session 24: classes of silent wrongs in the dev corpora, each fixed as a class — a level word
with no part named while the focus is only a script's, a switch said before its part ('limiter off on
the mains'), an effect switched off (never the part it colours muted), parts named by how they sound,
a DJ's 'on the one', a slip of a rhythm verb."""
import pytest

from chronus_shell.language import Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last

#: A set-up sent as raw messages (a script, a controller, a loaded set-up): the focus it leaves is no
#: part the musician named.
RAW_KIT = ("/patch/create kick1 kick", "/patch/connect kick1 master", "/patch/create snare1 snare",
           "/patch/connect snare1 master", "/patch/create hat1 hat", "/patch/connect hat1 master",
           "/seq/add kick kick1 x...x...x...x...", "/seq/add snare snare1 ....x.......x...",
           "/seq/add hats hat1 x.x.x.x.x.x.x.x.", "/mod/hat1/decay 50")


# -- a level with no part named: the whole mix unless the musician named a part --------------------
@pytest.mark.parametrize("phrase, expected", [
    ("louder", ["/mod/master/gain 3.0"]),
    ("LOUDER!!!", ["/mod/master/gain 3.0"]),
    ("a bit softer", ["/mod/master/gain -3.0"]),
    ("quieter please", ["/mod/master/gain -3.0"]),
    ("softer over the next 4 bars", ["/ramp/master/gain -3.0 16"]),
])
def test_a_level_word_after_a_raw_set_up_is_the_whole_mix(phrase, expected):
    assert last(*RAW_KIT, phrase) == expected


@pytest.mark.parametrize("lines, expected", [
    (("hats decay 30", "louder"), ["/mod/hat1/gain 0.9"]),            # a part named in words: that part
    (("snare tone up", "softer"), ["/mod/snare1/gain 0.7"]),
    (("/seq/mute kick 1", "kick back on, softer"), ["/seq/mute kick 0", "/mod/kick1/gain 0.7"]),
    (("/seq/mute snare 1", "bring the snare back and louder"), ["/seq/mute snare 0", "/mod/snare1/gain 0.9"]),
])
def test_a_part_named_in_words_keeps_the_level_word_on_it(lines, expected):
    assert last(*RAW_KIT, *lines) == expected


def test_one_voice_alone_is_still_that_voice():
    assert last("/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/freq 110", "louder") == \
        ["/mod/saw1/gain 0.6"]


# -- a switch said before its part: the part's switch, never 'on' of the part ------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    ((), "limiter off on the mains", ["/mod/master/limiter off"]),
    ((), "limiter off on the master", ["/mod/master/limiter off"]),
    ((*ACID, "add a reverb to the saw"), "reverb off on the saw", ["/mod/reverb1/mix 0.0"]),
    ((*ACID, "add a distortion to the saw"), "distortion off on the bass", ["/mod/distortion1/mix 0.0"]),
])
def test_a_switch_then_its_part(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("context, phrase", [((), "on the kick"), (DRUMS, "off the hats, on the snare")])
def test_on_or_off_of_a_part_with_nothing_named_is_refused(context, phrase):
    refused(*context, phrase) if context else refused(phrase)


# -- an effect switched off in a voice that plays a track: its own level, never the part muted --------
@pytest.mark.parametrize("phrase, expected", [
    ("reverb off", ["/mod/reverb1/mix 0.0"]),
    ("bypass the reverb", ["/mod/reverb1/mix 0.0"]),
    ("turn the reverb off", ["/mod/reverb1/mix 0.0"]),
    ("mute the reverb", ["/mod/reverb1/mix 0.0"]),
])
def test_an_effect_on_a_playing_part_is_switched_by_its_mix(phrase, expected):
    assert last(*ACID, "add a reverb to the saw", phrase) == expected


def test_an_effect_switched_off_comes_back_on():
    assert last(*ACID, "add a reverb to the saw", "reverb off", "reverb on") == ["/mod/reverb1/mix 0.25"]


def test_a_modulator_off_is_its_depth_and_the_part_itself_is_still_its_track():
    assert last(*ACID, "lfo on the cutoff", "lfo off") == ["/mod/lfo1/depth 0.0"]
    assert last(*ACID, "add a reverb to the saw", "bass off") == ["/seq/mute bass 1"]
    assert last(*ACID, "add a reverb to the saw", "mute the saw") == ["/seq/mute bass 1"]


# -- parts named by how they sound -----------------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "the deep drum quieter", ["/mod/kick1/gain 0.7"]),
    (DRUMS, "the big drum louder", ["/mod/kick1/gain 0.9"]),
    (DRUMS, "the boom one louder", ["/mod/kick1/gain 0.9"]),
    (DRUMS, "the sharp drum softer", ["/mod/snare1/gain 0.7"]),
    (DRUMS, "the snappy one a bit to the left", ["/mod/snare1/pan -0.25"]),
    (DRUMS, "the tss one on every step", ["/seq/add hats hat1 xxxxxxxxxxxxxxxx"]),
    (DRUMS, "the ticking sound quieter", ["/mod/hat1/gain 0.7"]),
    (DRUMS, "mute the tapping", ["/seq/mute hats 1"]),
    (DRUMS, "the boom and the tss both quieter", ["/mod/kick1/gain 0.7", "/mod/hat1/gain 0.7"]),
    (ACID, "the buzzy one softer", ["/mod/saw1/gain 0.4"]),
    (ACID, "mute that buzzing sound", ["/seq/mute bass 1"]),
    (ACID, "stop that squelchy thing", ["/seq/mute bass 1"]),
])
def test_a_part_named_by_its_sound(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "less of that squelchy sound", ["/mod/acid_filter1/resonance 0.405"]),   # the quality, not the part
    (DRUMS, "boom bap kick x.......x.x.....", ["/seq/add kick kick1 x.......x.x....."]),
])
def test_a_sound_word_that_is_no_part_stays_what_it_was(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_part_described_that_the_patch_lacks_is_not_guessed():
    refused(*PAD, "the deep drum quieter")


# -- a DJ's 'on the one': the next bar, for a part coming back or going --------------------------------
@pytest.mark.parametrize("lines, expected", [
    (("mute the bass", "bass back on the one"), ["/at 1 bar /seq/mute bass 0"]),
    (("mute the hats", "hats back in on the one"), ["/at 1 bar /seq/mute hats 0"]),
    (("mute the hats", "all back on the one"), ["/at 1 bar /seq/mute hats 0"]),
    (("mute the hats", "everybody in on the 1"), ["/at 1 bar /seq/mute hats 0"]),
    (("hats out on the one",), ["/at 1 bar /seq/mute hats 1"]),
])
def test_back_in_or_out_on_the_one_is_the_next_bar(lines, expected):
    assert last(*ACID, *lines) == expected


def test_a_part_on_the_one_is_still_a_rhythm():
    assert last(*ACID, "kick on the one") == ["/seq/add kick kick1 x..............."]


def test_a_part_back_on_the_one_that_plays_already_is_refused():
    refused(*ACID, "bass back on the one")


# -- a slip of a rhythm verb is that verb (not the effect one letter off) -----------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("bass revers", ["/seq/reverse bass"]),
    ("revers the hats", ["/seq/reverse hats"]),
    ("humanze the hats", ["/seq/humanize hats 0.5"]),
])
def test_a_slip_of_a_rhythm_verb(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_a_line_that_names_no_part_leaves_the_scripts_focus_as_it_was():
    translator = Translator()
    for line in RAW_KIT:
        translator.translate(line)
    translator.translate("tempo 100")
    assert [str(m) for m in translator.translate("louder")] == ["/mod/master/gain 3.0"]


# -- a pan 'a touch' further: from where it is, never across the centre --------------------------------
@pytest.mark.parametrize("lines, expected", [
    (("saw hard right", "saw left a touch"), ["/mod/saw1/pan 0.75"]),
    (("pan the saw right", "pan the saw a little left"), ["/mod/saw1/pan 0.25"]),
    (("saw hard left", "saw a bit to the right"), ["/mod/saw1/pan -0.75"]),
    (("hats a little to the right",), ["/mod/hat1/pan 0.25"]),          # from the centre: a quarter
    (("saw hard right", "saw 30% left"), ["/mod/saw1/pan -0.3"]),       # an amount said: where it goes
    (("saw hard right", "saw left"), ["/mod/saw1/pan -0.5"]),
])
def test_a_pan_a_touch_moves_from_where_it_is(lines, expected):
    assert last(*ACID, *lines) == expected


# -- a refusal's example names the part in focus, and 'unavailable' only what is asked for ------------
@pytest.mark.parametrize("context, phrase, named", [
    (ACID, "drop it", "'mute the bass'"),
    (DRUMS, "drop it", "'mute the kick'"),                 # (a rhythm line keeps the first drum in focus)
    ((*ACID, "kick decay 200"), "kill it", "'mute the kick'"),
    (PAD, "drop it", "'mute sine1'"),
])
def test_drop_it_names_the_part_in_focus(context, phrase, named):
    assert named in refused(*context, phrase)


@pytest.mark.parametrize("phrase", ["let it ride", "mute the backing", "the backing quieter", "ride the filter"])
def test_words_said_as_something_else_are_not_called_unavailable(phrase):
    said = refused(*DRUMS, phrase)
    assert "the kit here is" not in said and "whole parts" not in said


@pytest.mark.parametrize("phrase, said", [
    ("ride cymbal on every beat", "the kit here is"), ("add a crash", "the kit here is"),
    ("write me a backing", "whole parts"), ("give me some accompaniment", "whole parts"),
])
def test_what_the_shell_cannot_do_is_still_said(phrase, said):
    assert said in refused(*DRUMS, phrase)


# -- 'very': an intensifier, never a slip of 'verb' (which added a reverb) ---------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "slower, very slightly", ["/seq/bpm 115.0"]),
    (ACID, "very slow", ["/seq/bpm 115.0"]),
    (ACID, "make it very dark", ["/mod/acid_filter1/cutoff 672.717132"]),
    (ACID, "the hats very quiet", ["/mod/hat1/gain 0.7"]),
    (PAD, "a drone on C, very long, low", ["/gate/sine1 1 65.406391"]),
])
def test_very_is_an_intensifier(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_very_is_never_offered_as_verb():
    assert "verb" not in refused(*ACID, "very very slow")


# -- a front-of-house fader move: dB said after the part, or a signed number 'on' it ----------------
@pytest.mark.parametrize("phrase, expected", [
    ("kick 3 dB down", ["/mod/kick1/gain 0.566357"]),
    ("bass 3 db down", ["/mod/saw1/gain 0.353973"]),
    ("-3 on the bass", ["/mod/saw1/gain 0.353973"]),
    ("-3 db on the kick", ["/mod/kick1/gain 0.566357"]),
    ("+1 on the bass", ["/mod/saw1/gain 0.561009"]),
])
def test_a_fader_move_in_db(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_a_fader_move_past_the_top_is_refused():
    refused(*ACID, "+2 on the hats")


# -- a track named like a param: the track ('the tune slower' is its speed, not the detune) ----------
@pytest.mark.parametrize("phrase, expected", [
    ("the tune slower please", ["/seq/speed tune 0.5"]),
    ("the tune faster", ["/seq/speed tune 2.0"]),
    ("double the tune", ["/seq/speed tune 2.0"]),
])
def test_a_track_named_like_a_param_is_the_track(phrase, expected):
    assert last(*PAD, "/seq/add tune sine1 x...x...x...x...", "/seq/notes tune c4 d4 e4 g4", phrase) == expected


# -- the lead's trial items: a number alone on a drum, 'back up' after a fade, full volume, drones after a stop --
def test_a_number_alone_on_a_drum_in_focus_is_no_note():
    said = refused(*DRUMS, "hold 144")
    assert "tempo 144" in said
    assert last(*PAD, "hold 220") == ["/gate/sine1 1 220.0"]       # a voice in focus: its note


@pytest.mark.parametrize("phrase", ["bring it back up", "turn it back up", "louder"])
def test_up_after_a_fade_out_is_the_level_before_it(phrase):
    assert last(*DRUMS, "fade out over 4 bars", phrase) == ["/mod/master/gain 0.0"]


@pytest.mark.parametrize("phrase", ["back to full volume", "bring it back to full volume", "full volume again"])
def test_back_to_full_volume_is_unity(phrase):
    assert last(*DRUMS, "master volume -6 db", phrase) == ["/mod/master/gain 0.0"]


def test_full_volume_alone_is_still_the_top():
    assert last(*DRUMS, "full volume") == ["/mod/master/gain 6.0"]


@pytest.mark.parametrize("start", ["start", "play"])
def test_start_after_stop_everything_brings_the_drones_back(start):
    drone = ("add a sine", "hold a D2 on the sine", "stop everything")
    assert last(*drone, start) == ["/seq/start", "/mod/sine1/gain 0.5"]
    assert last(*drone, start, "stop", start) == ["/seq/start", "/mod/sine1/gain 0.5"]   # each stop, each start
    assert last(*drone, start, start) == ["/seq/start"]                                    # once


# -- a complaint then the change it asks for: one change, not two ------------------------------------
CHORDS = (*PAD, "/seq/add chords triangle1 x...x...x...x...", "/seq/notes chords g3+b3+d4 d4+f#4+a4 e3+g3+b3 c4+e4+g4")


@pytest.mark.parametrize("context, phrase, expected", [
    (CHORDS, "bride says it's too high, down a whole step", ["/mod/triangle1/freq 195.997718",
                                                            "/seq/notes chords f3+a3+c4 c4+e4+g4 d3+f3+a3 bb3+d4+f4"]),
    (CHORDS, "too low, up a half step", ["/mod/triangle1/freq 233.081881",
                                         "/seq/notes chords ab3+c4+eb4 eb4+g4+bb4 f3+ab3+c4 db4+f4+ab4"]),
    (ACID, "too bright, cutoff down a bit", ["/mod/acid_filter1/cutoff 672.717132"]),
    (ACID, "too fast, tempo 100", ["/seq/bpm 100.0"]),
    (ACID, "it's too fast, slow it down", ["/seq/bpm 115.0"]),
    (ACID, "too bright, make it darker", ["/mod/acid_filter1/cutoff 672.717132"]),
    (ACID, "too quiet, louder", ["/mod/saw1/gain 0.6"]),
])
def test_a_complaint_then_its_change_changes_once(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_complaint_then_another_command_does_both():
    assert last(*ACID, "too loud, add a reverb")[0] == "/mod/master/gain -3.0"     # the band's: no part named


# -- a clause that keeps or leaves out a part is no aside to leave out --------------------------------
@pytest.mark.parametrize("context, phrase", [
    (PAD, "everybody out, just the tenor"), (DRUMS, "everybody out, only the bombo"), (DRUMS, "all out, except the cajon"),
])
def test_a_clause_of_exception_is_never_left_out(context, phrase):
    refused(*context, phrase)


def test_a_remark_is_still_left_out():
    assert last(*DRUMS, "tempo 96, its a ballad") == ["/seq/bpm 96.0"]


# -- an LFO effect said after the wobble that makes it: that wobble shaped, never an lfo on its rate ---
@pytest.mark.parametrize("phrase", ["wobble on the sine pitch, vibrato", "wobble on the sine pitch, gentle vibrato"])
def test_a_wobble_then_its_effect_word_is_one_lfo(phrase):
    assert last(*PAD, phrase) == ["/patch/create lfo2 lfo", "/patch/connect lfo2 sine1.freq",
                                  "/mod/lfo2/rate 5.0", "/mod/lfo2/depth 0.01"]
