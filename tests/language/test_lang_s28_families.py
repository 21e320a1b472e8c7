"""Issue 13, session 28: families of phrasing the dev sets refused, made to work in the general case —
a line of several sentences (a request done, a second one too, a remark passed over), 'too much X' and
'that is too much' as a follow-up on what moved, 'back to how it was' however it is said — each with the
near misses that must still be refused or not misread; and 'less' after 'less' goes on down."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import DRUMS, PAD, last


# -- several sentences: each request done, a remark passed over (and said back) -----------------------
@pytest.mark.parametrize("phrase, expected", [
    ("Could you turn the hats down a little? My hearing aid whistles.", ["/mod/hat1/gain 0.7"]),
    ("Good afternoon. Would you set the tempo to 116? That is a comfortable polka.", ["/seq/bpm 116.0"]),
    ("Would you mind terribly slowing it to about 100? My knees are not what they were.", ["/seq/bpm 100.0"]),
    ("ok so a bulgar. tempo 132", ["/seq/bpm 132.0"]),
    ("hats louder. kick quieter.", ["/mod/hat1/gain 0.9", "/mod/kick1/gain 0.7"]),                  # two requests
    ("Thank you so much. Tempo 90, please! You are very patient.", ["/seq/bpm 90.0"]),
])
def test_a_line_of_sentences_does_its_requests_and_passes_over_its_remarks(phrase, expected):
    assert last(*DRUMS, "hat1 gain 0.8", "kick1 gain 0.8", phrase) == expected


def test_the_remarks_left_out_are_said_back_and_the_line_is_one_undo_step():
    translator = Translator()
    for line in (*DRUMS, "hat1 gain 0.8", "kick1 gain 0.8"):
        translator.translate(line)
    translator.translate("hats louder. kick quieter. My neighbours are asleep.")
    assert "'My neighbours are asleep'" in translator.understood[0]
    assert sorted(str(m) for m in translator.translate("undo")) == ["/mod/hat1/gain 0.8", "/mod/kick1/gain 0.8"]


@pytest.mark.parametrize("phrase", [
    "who can tell me what this does? clear",                   # a question is no remark to pass over
    "hats louder. the kick is boring.",                         # a sentence naming a part, not understood
    "Good afternoon. That is a comfortable polka.",             # remarks only: nothing asked
    "tempo 100. The snare is in three.",                        # a number word and a part: never passed over
])
def test_a_sentence_that_may_ask_something_is_never_passed_over(phrase):
    refused(*DRUMS, phrase)


def test_a_question_beside_a_request_is_not_answered_and_done_at_once():
    """'what does resonance do? turn it up a bit': its 'it' is the question's resonance, not the part in focus."""
    translator = Translator()
    for line in ("add a saw", "add acid filter"):
        translator.translate(line)
    try:
        messages = [str(m) for m in translator.translate("what does resonance do? turn it up a bit so i can hear")]
    except LanguageError:
        return
    assert "/mod/saw1/gain" not in " ".join(messages)


# -- 'too much X', 'that is too much': a follow-up on what moved ---------------------------------------
@pytest.mark.parametrize("phrase", ["that is too much reverb", "there's way too much reverb", "too much of the reverb",
                                    "it's too much reverb"])
def test_too_much_of_a_named_effect_is_less_of_it(phrase):
    assert last(*PAD, "reverb1 mix 0.8", phrase) == ["/mod/reverb1/mix 0.7"]


@pytest.mark.parametrize("phrase, mix", [("that is too much", 0.85), ("thats 2 much", 0.85), ("hm no too much", 0.85),
                                         ("that was way too much", 0.8), ("this is far too much", 0.8)])
def test_too_much_after_a_change_takes_it_down(phrase, mix):
    """Too much: half the move back (0.8 → 0.9 → 0.85); way too much: all of it (session 43: 'undo' is the whole step)."""
    assert last(*PAD, "reverb 80%", "more reverb", phrase) == [f"/mod/reverb1/mix {mix}"]


@pytest.mark.parametrize("phrase", ["that is too much", "more", "too much"])
def test_too_much_with_nothing_moved_asks_what(phrase):
    assert "of what?" in refused(*DRUMS, phrase) and "of what?" in refused(phrase)


def test_less_after_less_goes_on_down_and_after_a_brighter_comes_back():
    """'less', then 'less' again had turned the reverb back up (the second read as 'less than the last move')."""
    assert last(*PAD, "reverb 80%", "less", "less") == ["/mod/reverb1/mix 0.6"]
    assert last(*PAD, "reverb 80%", "less reverb", "too much") == ["/mod/reverb1/mix 0.6"]
    assert last(*PAD, "reverb 80%", "too much reverb", "a bit less") == ["/mod/reverb1/mix 0.6"]
    assert last(*PAD, "filter1 cutoff 2000", "brighter", "less") == ["/mod/filter1/cutoff 2181.02"]   # half way back (in pitch)


# -- back to how it was: an undo however it is said, a complaint before it taken as said ---------------
@pytest.mark.parametrize("phrase", ["too much. back to how it was", "too fast, back to how it was",
                                    "no no, put it back how it was", "Could you put it back as it was?",
                                    "ok that was dumb go back",
                                    "I am so sorry, I pressed the wrong thing. Could you put it back as it was?"])
def test_back_to_how_it_was_is_an_undo(phrase):
    assert last(*DRUMS, "tempo 120", "tempo 150", phrase) == ["/seq/bpm 120.0"]


@pytest.mark.parametrize("phrase", ["put it back on the kick", "back to 4 on the floor"])
def test_back_with_more_said_is_no_plain_undo(phrase):
    translator = Translator()
    for line in (*DRUMS, "tempo 120", "tempo 150"):
        translator.translate(line)
    try:
        messages = [str(m) for m in translator.translate(phrase)]
    except LanguageError:
        return
    assert messages != ["/seq/bpm 120.0"]


# -- swing percentages: a drum machine's read in test_lead_s28_phrasings.py ----------------------------
def test_a_small_bare_swing_is_still_asked_as_a_percent():
    assert "did you mean 30%?" in refused(*DRUMS, "swing 30")


# -- 'roll off the highs', 'roll some of the top off it': darker ----------------------------------------
ACID_PATCH = ("add a saw at 55 hz", "add acid filter", "cutoff 800")


@pytest.mark.parametrize("phrase", ["roll off the highs", "and roll some of the top off it", "roll the top off the saw",
                                    "take a bit of the top end off", "roll off the treble"])
def test_rolling_off_the_top_is_darker(phrase):
    assert last(*ACID_PATCH, phrase) == last(*ACID_PATCH, "darker")


@pytest.mark.parametrize("phrase", ["roll off the lows", "roll the dice"])
def test_other_rolls_are_not_darker(phrase):
    refused(*ACID_PATCH, phrase)


def test_rolling_tape_records():                       # (session 36: the studio's word for it)
    assert last(*ACID_PATCH, "roll tape") == ["/record/start"]


# -- a roll at the end of the bar however it is placed --------------------------------------------------
@pytest.mark.parametrize("phrase", ["snare roll last beat", "snare roll across the whole last beat",
                                    "a little snare roll at the end of the bar"])
def test_a_roll_at_the_end_of_the_bar(phrase):
    assert last(*DRUMS, phrase) == ["/seq/add snare snare1 ....x.......xxxx"]


@pytest.mark.parametrize("phrase", ["snare roll into the next bar", "snare roll on the last beat into the chorus"])
def test_a_roll_into_a_section_is_once_so_never_written_into_every_bar(phrase):
    refused(*DRUMS, phrase)          # (held-out musicians' rolls 'into' a section went wrong as a roll every bar)


def test_a_roll_on_another_beat_is_not_the_last():
    refused(*DRUMS, "snare roll on the first beat")


# -- a part named first, then what to do to 'it' --------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "the snare, is it possible to make it less snappy", ["/mod/snare1/snap 0.4"]),
    (DRUMS, "the hats, turn it down", ["/mod/hat1/gain 0.7"]),
    (DRUMS, "the kick, mute it", ["/seq/mute kick 1"]),
    (PAD, "the filter, make it darker", last(*PAD, "make the filter darker")),
])
def test_a_part_named_first_is_the_it_after(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("phrase", ["lazy, drag it back to 58 bpm", "the snare, the kick is louder than it",
                                    "the hats, I like it"])
def test_words_first_that_name_no_part_or_a_line_about_it_are_no_topic(phrase):
    refused(*DRUMS, phrase)


# -- 'no hi hat on a ship', 'no snare at all': that drum out, the reason passed over ------------------
@pytest.mark.parametrize("phrase, track", [("no hi hats in bluegrass", "hats"), ("no hi hat on a ship", "hats"),
                                           ("no snare at all", "snare"), ("no hats in dhol", "hats"),
                                           ("no kick in a pipe band laddie", "kick")])
def test_no_drum_for_a_reason_mutes_it(phrase, track):
    assert last(*DRUMS, phrase) == [f"/seq/mute {track} 1"]


def test_no_drum_on_a_beat_is_that_beat_and_in_a_bar_or_an_effect_is_no_mute():
    assert last(*DRUMS, "no kick on the 1") == ["/seq/add kick kick1 ....x...x...x..."]
    refused(*DRUMS, "no snare in the last bar")
    refused(*PAD, "no reverb in the chorus")


# -- 'take it from the top': start again ---------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["take it from the top", "run it back from the top", "and start again from the top",
                                    "ok play it from the beginning"])
def test_from_the_top_starts(phrase):
    assert last(*DRUMS, "stop", phrase) == ["/seq/start"]


@pytest.mark.parametrize("phrase", ["take it from the top of the chorus", "take the kick from the top"])
def test_from_the_top_of_something_else_is_not_a_start(phrase):
    refused(*DRUMS, "stop", phrase)
