"""Session 37: a note length said in the label before the notes, or after them in British words ('Viola, the passage in
crotchets: c4 d4 eb4', "The first violin's line: g4 ab4 bb4 c5, crotchets.") is the notes' length — never left out
(a 16th each)."""
from .test_phrasing_classes import last

QUARTET = ("add a triangle", "the triangle is my viola", "add a sine", "the sine is the first violin")


def test_a_length_in_the_label_is_the_notes_length():
    said = last(*QUARTET, "Viola, the passage in crotchets: c4 d4 eb4 f4 g4")
    assert any(m.startswith("/seq/notes") and "c4 - - - d4 - - - eb4" in m for m in said)


def test_a_british_length_after_the_notes_is_their_length():
    said = last(*QUARTET, "The first violin's line: g4 ab4 bb4 c5, crotchets.")
    assert any(m.startswith("/seq/notes") and "g4 - - - ab4 - - - bb4 - - - c5" in m for m in said)
    said = last(*QUARTET, "viola: c4 d4 eb4 f4 g4, quavers")
    assert any(m.startswith("/seq/notes") and "c4 - d4 - eb4" in m for m in said)
