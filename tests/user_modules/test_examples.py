"""The worked examples in examples/modules/ pass the pool, and an accepted type is usable in English."""
from __future__ import annotations

import pytest

from chronus_shell.engine import catalogue
from chronus_shell.engine.user_modules.install import register_user_module, unregister_user_module

from .conftest import EXAMPLES, copy_example

NAMES = sorted(p.stem for p in EXAMPLES.glob("*.py"))


def test_there_are_worked_examples():
    assert {"bitwarp", "fm"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_validates(pool, folder, name):
    verdict = pool.validate(copy_example(folder, name))
    assert verdict.ok, verdict.line()
    assert verdict.stats["rt_factor"] < 0.1, verdict.stats
    assert verdict.stats["peak"] <= 1.0
    again = pool.validate(folder / f"{name}.py")  # numba code now comes from the cache
    assert again.ok and again.stats["compile_s"] < 0.5, again.stats


def test_accepted_type_is_usable_in_english_at_once(pool, folder):
    from chronus_shell.language import Translator
    from chronus_shell.language.vocabulary import module_words

    verdict = pool.validate(copy_example(folder, "bitwarp"))
    assert verdict.ok, verdict.line()
    register_user_module(verdict.catalogue_class())
    try:
        assert catalogue.CATALOGUE["bitwarp"].spec == verdict.spec
        translator = Translator()
        translator.translate("add a saw")
        created = [str(m) for m in translator.translate("add bitwarp")]
        assert "/patch/create bitwarp1 bitwarp" in created and "/patch/connect saw1 bitwarp1" in created
        assert [str(m) for m in translator.translate("bits 5")] == ["/mod/bitwarp1/bits 5.0"]
        assert [str(m) for m in translator.translate("warp 40%")] == ["/mod/bitwarp1/fold 0.4"]
        assert {"bitwarp", "lofi", "fold", "warp", "hard"} <= module_words()
    finally:
        unregister_user_module("bitwarp")


def test_the_guide_s_anatomy_example_validates(pool, folder):
    """docs/modules.md's first complete module (class Grit) is accepted as printed."""
    import re

    guide = (EXAMPLES.parents[1] / "docs" / "modules.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", guide, re.S)
    grit = next(b for b in blocks if "class Grit(Module)" in b)
    (folder / "grit.py").write_text(grit)
    verdict = pool.validate(folder / "grit.py")
    assert verdict.ok, verdict.line()
    assert verdict.spec.aliases == ("crunch",)


def test_the_guide_s_numba_snippet_compiles_for_read_only_and_writable_arrays():
    import re

    import numpy as np

    guide = (EXAMPLES.parents[1] / "docs" / "modules.md").read_text()
    snippet = next(b for b in re.findall(r"```python\n(.*?)```", guide, re.S) if "def onepole" in b)
    namespace: dict = {}
    snippet = __import__("textwrap").dedent(snippet).replace("cache=True", "cache=False")  # no file to cache next to
    exec(compile(snippet, "snippet", "exec"), namespace)
    onepole = namespace["onepole"]
    x, coef = np.ones(8), np.full(8, 0.5)
    coef.flags.writeable = False
    state, out = np.zeros(1), np.empty(8)
    onepole(x, coef, state, out)
    onepole(x, np.full(8, 0.5), state, out)
    assert len(onepole.signatures) == 1 and 0.99 < out[-1] <= 1.0
