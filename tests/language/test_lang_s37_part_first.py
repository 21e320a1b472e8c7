"""Session 37: a part named first, then how much of a quality it gets ('First violin, a touch of vibrato.', 'Cello, a
touch of vibrato too'); a tone softened with its top rolled off ('Soften the piano's tone, roll off the top.'): darker."""
from .test_phrasing_classes import last

QUARTET = ("add a sine", "the sine is the first violin", "add a triangle", "add a filter to the triangle",
           "the triangle is the piano")


def test_a_part_then_a_touch_of_a_quality():
    assert last(*QUARTET, "First violin, a touch of vibrato.") == last(*QUARTET, "first violin a touch of vibrato")


def test_a_softened_tone_is_darker():
    assert last(*QUARTET, "Soften the piano's tone, roll off the top.") == last(*QUARTET, "piano darker")


def test_softening_a_part_alone_is_not_only_its_tone():
    assert last(*QUARTET, "soften the piano") != last(*QUARTET, "piano darker")


def test_a_change_said_with_too_is_the_change():
    assert last("add a saw", "add an adsr", "connect saw1 to adsr1", "attack 200 ms", "release longer too") == \
        last("add a saw", "add an adsr", "connect saw1 to adsr1", "attack 200 ms", "release longer")


def test_a_section_after_a_timed_drop_is_where_it_is_played():
    lines = QUARTET + ("/seq/add comp triangle1 x.......",)
    assert last(*lines, "Drop the piano out for two bars on the break.") == last(*lines, "drop the piano for two bars")
