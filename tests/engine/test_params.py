"""ParamSpec validation: ranges, enums, aliases and readable errors."""
import pytest

from chronus_shell.engine.catalogue import module_spec
from chronus_shell.engine.params import ParamError


def test_out_of_range_names_the_range():
    spec = module_spec("acid_filter").param("resonance")
    with pytest.raises(ParamError, match="resonance 3 is out of range 0–0.95"):
        spec.coerce(3)


def test_alias_resolves_to_canonical_param():
    assert module_spec("saw").param("frequency").name == "freq"
    assert module_spec("acid_filter").param("res").name == "resonance"


def test_unknown_param_suggests():
    with pytest.raises(ParamError) as err:
        module_spec("acid_filter").param("cutof")
    assert err.value.suggestions[0] == "cutoff"
    assert "did you mean cutoff" in str(err.value)


def test_enum_choices():
    mode = module_spec("distortion").param("mode")
    assert mode.coerce("Foldback") == "foldback"
    with pytest.raises(ParamError, match="tanh, hard, foldback, bitcrush"):
        mode.coerce("fold")


def test_percent_of_range():
    assert module_spec("acid_filter").param("resonance").from_percent(80) == pytest.approx(0.76)


def test_unknown_module_type_suggests():
    with pytest.raises(ParamError, match="did you mean saw"):
        module_spec("sawx")
