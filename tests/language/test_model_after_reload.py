"""A hot reload that drops a param: the shell's model forgets its value and its modulation, as the
engine does, so `show me the patch` and undo do not name a param that is gone."""
from chronus_shell.engine.params import ModuleSpec, number
from chronus_shell.engine.user_modules.install import register_user_module, spec_class, unregister_user_module
from chronus_shell.language import Translator


def _version(*names: str):
    return spec_class(ModuleSpec("shaper", "processor", tuple(number(n, "ratio", 0.5, 0, 1, n) for n in names),
                                 "a test shaper"))


def test_the_model_forgets_a_param_the_new_version_lost():
    register_user_module(_version("drive", "level"))
    try:
        translator = Translator()
        for line in ("add a saw", "add shaper", "drive 70%", "level 20%", "add an lfo on the shaper drive at 2 hz"):
            translator.translate(line)
        model = translator.model
        assert model.mod_edges == [("lfo1", "shaper1.drive")] and "drive" in model.values["shaper1"]
        register_user_module(_version("level"))                    # saved without `drive`
        model.forget_vanished_params("shaper")
        assert model.mod_edges == [] and set(model.values["shaper1"]) == {"level"}
        assert model.edges and "lfo1" in model.modules              # the lfo itself stays
    finally:
        unregister_user_module("shaper")
