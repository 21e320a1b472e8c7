"""Issue 13, session 26: the classes behind the development corpora's refusals and the blind trials'
did-you-means that pointed elsewhere — a track's name names its voice for any setting ('tumbi quieter'),
a comparison with another part ('the kick louder than the hats': a step for the first), a voice's
nickname that cannot be read in a line is never a lookalike ('pad' is no 'pan'), a name given to a part
('call the sine keys'), contractions ('its too harsh', "we're …"), and English words that are no typos."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import DRUMS, PAD, last
from .test_phrasing_s25_classes import said

#: A melody on a square, its track named after the instrument it stands in for.
TUMBI = ("add a square", "/seq/add tumbi square1 x.x.xx.x.x.xx.x.", "/seq/notes tumbi e5 e5 g5 e5 d5")


# -- a track's name names its voice, for any setting -----------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("tumbi quieter", ["/mod/square1/gain 0.4"]),
    ("make the tumbi louder", ["/mod/square1/gain 0.6"]),
    ("the tumbi to the right", ["/mod/square1/pan 0.5"]),
    ("tumbi gain 0.3", ["/mod/square1/gain 0.3"]),
    ("tumbi backwards", ["/seq/reverse tumbi"]),                      # (the track's own verbs, as before)
])
def test_a_track_name_names_its_voice(phrase, expected):
    assert last(*TUMBI, phrase) == expected


def test_a_typo_next_to_a_track_name_is_still_the_typo():
    assert "did you mean cutoff" in refused(*TUMBI, "tumbi cutof 300")


# -- 'X <comparative> than Y': a step that way for X ---------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "the kick should be louder than the hats", ["/mod/kick1/gain 0.9"]),
    (DRUMS, "kick louder than the snare", ["/mod/kick1/gain 0.9"]),
    (PAD, "sine a little quieter than the triangle", ["/mod/sine1/gain 0.4"]),
    (PAD, "the sine softer than the chords", ["/mod/sine1/gain 0.4"]),
])
def test_a_part_compared_with_another_moves_a_step(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_comparison_with_no_part_first_is_still_refused():
    refused(*PAD, "louder than the sine")


def test_the_comparison_is_said_back():
    assert any("kick louder" in line for line in said(*DRUMS, "the kick should be louder than the hats"))


# -- a nickname in a line that cannot be read: the part it names, never a lookalike ------------------
@pytest.mark.parametrize("context, phrase, part", [
    (PAD, "pad rev 50%", "triangle1"),
    (PAD, "the pad should glisten over 6 seconds", "triangle1"),     # ('… swell in …': a reading, s34)
    (("add a saw at 40 hz", "add a sine at 440 hz"), "sub too much, the acid bass", "saw1"),
])
def test_a_nickname_in_an_unread_line_names_its_part(context, phrase, part):
    message = refused(*context, phrase)
    assert f"'{phrase.split()[0] if phrase.split()[0] != 'the' else phrase.split()[1]}' is {part} here" in message
    assert "did you mean" not in message


@pytest.mark.parametrize("phrase", ["sub", "piano louder", "sub louder"])
def test_a_nickname_with_no_voice_for_it_says_so(phrase):
    message = refused(*DRUMS, phrase)
    assert "none here is one yet" in message and "did you mean" not in message


def test_a_nickname_that_reads_still_works():
    assert last(*PAD, "pad louder") == ["/mod/triangle1/gain 0.6"]


# -- a name given to a part -------------------------------------------------------------------------
@pytest.mark.parametrize("naming, name", [
    ("call the sine keys", "keys"), ("name the sine lead", "lead"), ("let's call the sine blip", "blip"),
    ('call the sine "shimmer"', "shimmer"),
])
def test_a_name_given_to_a_part_names_it_from_then_on(naming, name):
    assert last(*PAD, naming) == []
    assert said(*PAD, naming) == [f"'{name}' names sine1 from now on"]
    assert last(*PAD, naming, f"{name} louder") == ["/mod/sine1/gain 0.6"]


def test_it_is_named_by_the_part_in_focus():
    assert last(*PAD, "sine louder", "call it piano", "piano quieter") == ["/mod/sine1/gain 0.5"]


@pytest.mark.parametrize("phrase", ["call it cutoff", "call the triangle saw"])   # ('call the sine bass': the bass part,
# test_lang_s34_families.py)
def test_a_name_the_language_knows_is_refused(phrase):
    assert "already means something here" in refused(*PAD, phrase)


@pytest.mark.parametrize("phrase", ["call it a day", "name the session gig", "call the kick", "label the saw",
                                    "rename session1 to gig", "call my sine"])
def test_a_naming_that_names_no_part_is_no_naming(phrase):
    assert "names" not in refused(*PAD, phrase)


# -- contractions and English words that are no typos ----------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (("add a sine", "play a4 on the sine"), "thats enough, stop the note", ["/gate/sine1 0"]),
    (DRUMS, "slower, we're pulling a heavy rope", ["/seq/bpm 115.0"]),
    (TUMBI, "tumbi quieter its too harsh", ["/mod/square1/gain 0.4"]),
])
def test_a_contraction_is_read_as_its_words(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_its_before_a_param_is_still_its_own():
    assert last("add a saw", "add acid filter", "its cutoff to 700") == ["/mod/acid_filter1/cutoff 700.0"]


@pytest.mark.parametrize("phrase, word", [
    ("call it a day", "call"), ("can i hear the drums again please", "hear"), ("done for today", "done"),
])
def test_an_english_word_is_offered_no_lookalike(phrase, word):
    message = refused(*DRUMS, phrase)
    assert "did you mean" not in message


# -- 'them both', 'both of them', and 'them' after a change of several parts ---------------------------
PANNED = (*PAD, "pan the sine left", "pan the triangle right")


@pytest.mark.parametrize("context, phrase, expected", [
    (PANNED, "bring them both to the middle", ["/mod/sine1/pan 0.0", "/mod/triangle1/pan 0.0"]),
    ((*DRUMS, "kick and snare louder"), "both quieter", ["/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8"]),
    ((*DRUMS, "kick and snare louder"), "both of them down 2 db", ["/mod/kick1/gain 0.714895", "/mod/snare1/gain 0.714895"]),
    ((*DRUMS, "kick and snare louder"), "make them quieter", ["/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8"]),
    ((*DRUMS, "drums louder"), "them quieter", ["/mod/kick1/gain 0.8", "/mod/snare1/gain 0.8", "/mod/hat1/gain 0.8"]),
])
def test_them_both_is_each_of_the_two(context, phrase, expected):
    assert sorted(last(*context, phrase)) == sorted(expected)


def test_the_two_are_said_back():
    assert said(*PANNED, "make them both quieter")[0] in ("them both: triangle1 and sine1", "them both: sine1 and triangle1")


@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "kick and snare both louder", ["/mod/kick1/gain 0.9", "/mod/snare1/gain 0.9"]),   # the parts said: as before
    ((*DRUMS, "mute the hats"), "bring them back", ["/seq/mute hats 0"]),                   # one part changed: as before
    ((*DRUMS, "kick louder"), "make them quieter", ["/mod/kick1/gain 0.8"]),
])
def test_them_that_names_one_part_or_the_parts_said_is_unchanged(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_them_both_with_no_pair_asks_which_two():
    assert "which two?" in refused("add a saw", *DRUMS, "them both louder")


def test_em_played_is_still_the_chord():
    assert last("add a saw at 110 hz", "play em")[0].startswith("/gate/saw1 1 ")


# -- 'back to N' with nothing said before: the tempo (a value a script set: which?) -------------------
@pytest.mark.parametrize("context, phrase, expected", [
    ((), "back to 200", ["/seq/bpm 200.0"]),
    (("add a kick",), "nah back to 140", ["/seq/bpm 140.0"]),
    (("tempo 90",), "go back to 140 now", ["/seq/bpm 140.0 now"]),
    (("add a saw", "add acid filter", "cutoff 800"), "back to 300", ["/mod/acid_filter1/cutoff 300.0"]),   # as before
])
def test_back_to_a_number_is_the_tempo_when_nothing_else_moved(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_back_to_a_number_after_a_raw_setting_asks_which():
    message = refused("/patch/create kick1 kick", "/mod/kick1/decay 300", "back to 200")
    assert "the tempo ('tempo 200') or kick1 decay" in message


def test_back_to_a_number_no_tempo_can_be_is_not_the_tempo():
    refused("back to 1000")


# -- 'tumbi down 2': a whole number said of a part whose voice plays notes — semitones or decibels, asked
@pytest.mark.parametrize("phrase, ways", [
    ("tumbi down 2", ("tumbi down 2 semitones", "tumbi down 2 db")),
    ("square up 3", ("square up 3 semitones", "square up 3 db")),
])
def test_steps_said_of_a_melody_ask_semitones_or_decibels(phrase, ways):
    assert refused(*TUMBI, phrase) == f"that could mean '{ways[0]}' — or — '{ways[1]}': say which"


def test_the_answer_takes_the_way_picked():
    translator = Translator()
    for line in TUMBI:
        translator.translate(line)
    with pytest.raises(LanguageError):
        translator.translate("tumbi down 2")
    assert str(translator.translate("the first")[-1]) == "/seq/notes tumbi d5 d5 f5 d5 c5"


@pytest.mark.parametrize("context, phrase, expected", [
    (TUMBI, "tumbi down 0.1", ["/mod/square1/gain 0.4"]),             # a level's step: the level
    (TUMBI, "tumbi gain down 0.1", ["/mod/square1/gain 0.4"]),
])
def test_a_level_s_step_is_still_the_level(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("context, phrase", [(TUMBI, "tumbi down 20"), (DRUMS, "kick down 2")])
def test_steps_no_melody_can_take_are_still_out_of_range(context, phrase):
    assert "out of range" in refused(*context, phrase)


# -- 'only' with a rhythm: the hits there are ---------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "snare only on 3", ["/seq/add snare snare1 ........x......."]),
    (DRUMS, "the kick on 1 and 3 only", ["/seq/add kick kick1 x.......x......."]),
    (("add a saw", "bass notes a1 c2"), "bass on the beat only", ["/seq/add bass saw1 x...x...", "/seq/notes bass a1 - - - c2 - - -"]),
])
def test_only_with_a_rhythm_is_that_rhythm(context, phrase, expected):
    assert last(*context, phrase) == expected


# -- the world's drums by their register: the kit part that stands in for them ------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("dagga deeper, more boom", ["/mod/kick1/freq 42.044821"]),
    ("dagga on the left a little and tilli on the right a little", ["/mod/kick1/pan -0.25", "/mod/snare1/pan 0.25"]),
])
def test_a_world_drum_is_the_kit_part_of_its_register(phrase, expected):
    assert last("add a kick", "add a snare", "add a hat", phrase) == expected


def test_a_world_drum_in_an_unread_line_names_its_part():
    assert "'tamborim' is hat1 here" in refused("add a kick", "add a snare", "add a hat", "some notes of tamborim random, not all")


# -- a misspelt comparative one edit from two that move different things: asked, never guessed --------
@pytest.mark.parametrize("phrase, ways", [
    ("kick a bit lowder", ("kick a bit louder", "kick a bit lower")),
    ("make the kick lowder", ("make the kick louder", "make the kick lower")),
])
def test_a_comparative_between_two_is_asked(phrase, ways):
    assert refused(*DRUMS, phrase) == f"that could mean '{ways[0]}' — or — '{ways[1]}': say which"


@pytest.mark.parametrize("phrase, expected", [("kick lower", ["/mod/kick1/freq 42.044821"]),
                                              ("kick a bit lowr", ["/mod/kick1/freq 42.044821"])])
def test_a_comparative_said_or_one_edit_from_one_is_taken(phrase, expected):
    assert last(*DRUMS, phrase) == expected
