"""Two parts panned two ways in one line (session 19): each keeps its own side, whatever word stands
between the part and its side ('slight', 'kinda'); never the first part's side carried to the second."""
import pytest

from .test_time_harmony_classes import PAD, last


@pytest.mark.parametrize("phrase, expected", [
    ("pan sine slight left, triangle slight right", ["/mod/sine1/pan -0.25", "/mod/triangle1/pan 0.25"]),
    ("pan sine left, triangle kinda right", ["/mod/sine1/pan -0.5", "/mod/triangle1/pan 0.5"]),
    ("pan the sine a slight bit left", ["/mod/sine1/pan -0.25"]),
    ("sine slightly left, triangle slightly right", ["/mod/sine1/pan -0.25", "/mod/triangle1/pan 0.25"]),
])
def test_each_part_keeps_its_own_side(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_right_as_chatter_is_still_chatter():
    messages = last(*PAD, "ok right that's good, louder")
    assert len(messages) == 1 and "/gain " in messages[0] and "pan" not in messages[0]
