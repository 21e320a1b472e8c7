"""Issue 13, session 27: idioms read literally and pronouns of several parts — the review's silent wrongs
('pump it' raised a level, 'make them louder than the hats' raised one part, 'call it quits' named a
sound), and the same class elsewhere: a band's idiom ('hit it', 'shut it down') is asked, never guessed;
an English word is no typo of a part ('heat it up' is no 'hat up'); a name given leaves an undo step."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


# -- 'pump': louder only with 'up'; alone it is a sidechain's pumping, which the shell has not --------
@pytest.mark.parametrize("phrase", ["pump it", "pump the bass", "make it pump", "get it pumping", "more pump"])
def test_pumping_is_no_level(phrase):
    assert "sidechain" in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase", ["pump it up", "pump up the bass", "pump the bass up"])
def test_pump_up_is_louder(phrase):
    assert last(*ACID, "saw1 gain 0.5", phrase) == ["/mod/saw1/gain 0.8"]      # a big step, as crank


# -- 'them' after a change of several parts, compared with another part: each of them ---------------
@pytest.mark.parametrize("phrase, expected", [
    ("make them louder than the hats", ["/mod/kick1/gain 1.0", "/mod/snare1/gain 1.0"]),
    ("them quieter than the hats", ["/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8"]),
])
def test_them_compared_with_a_part_is_each_part_changed(phrase, expected):
    assert last(*DRUMS, "kick and snare louder", phrase) == expected


# -- 'call it quits': the end of playing, asked — never a name ----------------------------------------
@pytest.mark.parametrize("phrase", ["call it quits", "call it a day", "let's call it done for now", "call it good",
                                    "ok call it a night"])
def test_calling_it_a_day_is_no_name(phrase):
    said = refused(*ACID, phrase)
    assert "'stop'" in said and "'quit'" in said


def test_calling_it_quits_then_the_first_way_stops():
    translator = Translator()
    for line in ACID:
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate("call it quits")
    assert [str(m) for m in translator.translate("the first one")] == ["/seq/stop"]


def test_a_name_given_is_an_undo_step():
    translator = Translator()
    for line in ("add a saw", "add a sine"):
        translator.translate(line)
    assert translator.translate("call the saw bob") == []
    assert translator.translate("undo") == []               # the name taken back, nothing sent
    assert "bob" not in translator.model.labels
    assert translator.model.modules.get("saw1") == "saw"     # the line before it still stands
    translator.translate("redo")
    assert translator.model.labels["bob"] == "saw1"


# -- a band's idiom with 'it': asked -------------------------------------------------------------------
@pytest.mark.parametrize("context, phrase, ways", [
    ((*ACID, "stop"), "hit it", ("'start'", "'trigger'")),        # parts waiting for a start: a count-in, or a hit?
    (ACID, "shut it down", ("'stop'", "'close the filter'")),
])
def test_band_idioms_are_asked(context, phrase, ways):
    said = refused(*context, phrase)
    assert all(way in said for way in ways)


def test_hit_it_with_nothing_to_start_strikes_the_voice():
    assert last("add a saw", "hit it") == ["/gate/saw1 1"]


def test_naming_the_part_still_works():
    assert last(*ACID, "hit the saw") == ["/gate/saw1 1"]
    assert last(*ACID, "shut the filter")[0].startswith("/mod/acid_filter1/cutoff")


# -- an English word is no typo of a part ----------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["heat it up", "spin it", "let it roll", "shine"])
def test_an_english_word_is_not_corrected_to_a_part(phrase):
    refused(*DRUMS, phrase)


# -- a follow-up after a change of several parts: of them all ------------------------------------------
@pytest.mark.parametrize("follow, expected", [
    ("too much", ["/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8"]),
    ("more", ["/mod/kick1/gain 1.0", "/mod/snare1/gain 1.0"]),
    ("again", ["/mod/kick1/gain 1.0", "/mod/snare1/gain 1.0"]),
])
def test_a_follow_up_of_several_parts_moves_them_all(follow, expected):
    assert last(*DRUMS, "kick and snare louder", follow) == expected


def test_them_after_several_tracks_muted_is_each_track():
    assert last(*DRUMS, "mute the snare and the hats", "bring them back") == ["/seq/mute snare 0", "/seq/mute hats 0"]


def test_a_follow_up_after_one_part_stays_on_it():
    assert last(*DRUMS, "kick and snare louder", "kick quieter", "more") == ["/mod/kick1/gain 0.7"]


# -- an effect named with 'no', a pace word, an echo: what the word means of that module ----------------
#: The pad with a track of chords on the triangle (triangle → filter → reverb) and a melody on the sine (→ delay).
PLAYING = (*PAD, "/seq/add chords triangle1 x...............", "/seq/notes chords e3+b3 a3+e4",
           "/seq/add melody sine1 x...x...x...x...", "/seq/notes melody e5 g5 a5 g5", "start")


@pytest.mark.parametrize("phrase, expected", [
    ("no reverb", ["/mod/reverb1/mix 0.0"]),                 # its mix — never the chords muted
    ("no reverb, its punk not church", ["/mod/reverb1/mix 0.0"]),
    ("echo slower", ["/mod/delay1/time 0.297302"]),          # the repeats, never the melody at half speed
    ("the delay faster", ["/mod/delay1/time 0.210224"]),
    ("the song faster", ["/seq/bpm 125.0"]),
    ("the music slower", ["/seq/bpm 115.0"]),
])
def test_an_effect_or_the_song_said_with_a_word_moves_what_the_word_means_of_it(phrase, expected):
    assert last(*PLAYING, phrase) == expected


def test_no_filter_is_asked():                                   # its lowest cutoff is near silence
    said = refused(*PLAYING, "no filter")
    assert "'filter1 cutoff max'" in said and "'remove filter1'" in said


def test_a_pace_word_on_a_param_without_pace_is_refused():       # 'the tune faster' is no detune up
    assert "not sine1 detune" in refused(*PLAYING, "the tune faster")


# -- session names: said another way, the same session ---------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("save jam over it", ["/session/save jam overwrite"]),
    ("save jam over the old one", ["/session/save jam overwrite"]),
    ("load scotland the brave", ["/session/load 'scotland the brave'"]),     # the small word inside kept
])
def test_session_names_as_said(phrase, expected):
    assert last(phrase) == expected


# -- the speed is the tempo unless an LFO is in focus --------------------------------------------------
def test_the_speed_is_the_tempo():
    assert last(*PAD, "sine louder", "bpm 60", "double the speed") == ["/seq/bpm 120.0"]
    assert last(*PAD, "lfo1 rate 2", "double the speed") == ["/mod/lfo1/rate 4.0"]


# -- forms the second stage reads again: a comparative after its part or twice, a pitch, all the way, ------
# -- a level knocked off, a simile before a value, 'a wee bit', an interjection -------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "wetter on the echo", ["/mod/delay1/mix 0.4"]),
    (PAD, "a bit brighter on the filter", ["/mod/filter1/cutoff 1189.207115"]),
    (PAD, "cutoff lower lower", ["/mod/filter1/cutoff 594.603557"]),          # twice: much lower
    (PAD, "sine higher pitch", ["/mod/sine1/freq 880.0"]),
    (PAD, "reverb all the way", ["/mod/reverb1/mix 1.0"]),
    (PAD, "knock 3 db off everything", ["/mod/master/gain -3.0"]),
    (PAD, "sine a wee bit louder", ["/mod/sine1/gain 0.6"]),
    (PAD, "hm, louder", ["/mod/sine1/gain 0.6"]),
    (DRUMS, "kick long like an 808, 1 second", ["/mod/kick1/decay 1000.0"]),
    (DRUMS, "kick decay long, 1 second", ["/mod/kick1/decay 1000.0"]),
])
def test_musicians_forms_read_again(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_part_said_out_of_tune_is_never_left_out():
    refused(*PAD, "the drones are flat, bring them up a bit")   # its pitch, not its level: asked, never louder


# -- an effect muted or killed in a voice that plays a track: the effect, never the part it colours --------
@pytest.mark.parametrize("phrase, expected", [
    ("mute the reverb", ["/mod/reverb1/mix 0.0"]),
    ("kill the reverb", ["/patch/remove reverb1", "/patch/connect filter1 master"]),    # as with no track
])
def test_an_effect_muted_or_killed_is_the_effect(phrase, expected):
    assert last(*PLAYING, phrase) == expected


def test_an_effect_with_no_level_muted_is_refused():
    assert "no level to mute" in refused(*PLAYING, "mute the filter")


# -- a param's value said as a quality; a line that takes itself back; words after a name saved --------
@pytest.mark.parametrize("phrase, expected", [
    ("kick decay long", ["/mod/kick1/decay 356.762135"]),
    ("hats decay short", ["/mod/hat1/decay 42.044821"]),
])
def test_a_param_said_with_a_quality_moves_that_way(phrase, expected):
    assert last(*DRUMS, "hats decay 50", phrase) == expected


@pytest.mark.parametrize("phrase", ["capo 2? nah thats guitar talk, forget it", "mute the kick - never mind",
                                    "cutoff 300, scratch that"])
def test_a_line_that_takes_itself_back_changes_nothing(phrase):
    assert "nothing changed" in refused(*ACID, phrase)


def test_words_after_a_name_saved_are_no_part_of_it():
    assert last("could you save over beer barrel with this version?") == ["/session/save 'beer barrel' overwrite"]


# -- dialect and chat words; a modulator already there is that one, never a second unasked --------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "humanize de iron", ["/seq/humanize hats 0.5"]),          # soca: the iron plays the ticking part
    (DRUMS, "kick every 16th lmao", ["/seq/add kick kick1 xxxxxxxxxxxxxxxx"]),
    (ACID, "moar bass", ["/mod/saw1/gain 0.6"]),
    (ACID, "pan hats lft", ["/mod/hat1/pan -0.5"]),
])
def test_dialect_and_chat_words(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("phrase", ["the lfo on the filter", "lfo on the filter"])
def test_a_modulator_already_on_the_target_is_not_added_again(phrase):
    assert "lfo1 is already on filter1 cutoff" in refused(*PAD, phrase)


def test_another_modulator_asked_for_is_added():
    assert last(*PAD, "add another lfo on the filter") == ["/patch/create lfo2 lfo", "/patch/connect lfo2 filter1.cutoff"]


# -- a choreographer's counts; a reason said without a comma; 'normal'; a rhythm said for no part after one -
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "claps on every count", ["/seq/add snare snare1 x...x...x...x..."]),
    (DRUMS, "mute the snare for 8 counts", ["/seq/mute snare 1 2"]),
    (DRUMS, "kick on every beat and the offbeats", ["/seq/add kick kick1 x.x.x.x.x.x.x.x."]),   # both, on the kick
    (ACID, "bass louder i cant feel it", ["/mod/saw1/gain 0.6"]),
    ((*ACID, "hats half time"), "nah normal", ["/seq/speed hats 1.0"]),
])
def test_counts_reasons_and_rhythms(context, phrase, expected):
    assert last(*context, phrase) == expected


# -- Trinidadian 'de', a style named after a change ------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("de snare on de and of every beat, soca style", ["/seq/add snare snare1 ..x...x...x...x."]),
    ("snare louder, soca style", ["/mod/snare1/gain 0.9"]),
    ("fade in de whole band over 4 bar", ["/mod/master/gain -60.0", "/ramp/master/gain 0.0 16"]),
])
def test_dialect_and_a_style_named(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("triangle left, 40%", ["/mod/triangle1/pan -0.4"]),          # how far — its level was set to 40%
    ("sine a bit left, 20%", ["/mod/sine1/pan -0.2"]),
])
def test_a_value_after_a_pan_is_how_far(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "triangle panned left, 40%", ["/mod/triangle1/pan -0.4"]),
    (DRUMS, "hat pan right a lil, 20%", ["/mod/hat1/pan 0.2"]),
])
def test_a_part_panned_to_a_side_then_how_far(context, phrase, expected):
    assert last(*context, phrase) == expected
