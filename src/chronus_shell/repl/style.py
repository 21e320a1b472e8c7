"""Colours of the prompt, the highlighted input, the completion menu and the toolbar."""
from __future__ import annotations

from prompt_toolkit.styles import Style

SHELL_STYLE = Style.from_dict({
    "prompt": "ansimagenta bold",
    "keyword": "ansiblue bold",
    "module-id": "ansicyan bold",
    "module-type": "ansicyan",
    "param": "ansiyellow",
    "choice": "ansigreen",
    "number": "ansigreen bold",
    "unit": "ansigreen",
    "note": "ansimagenta",
    "pattern": "ansimagenta bold",
    "path": "underline",
    "name": "italic",
    "address": "ansibrightblack",
    "unknown": "ansired underline",
    "completion-menu.meta.completion": "bg:#303030 #a0a0a0",
    "completion-menu.meta.completion.current": "bg:#505050 #ffffff",
    "bottom-toolbar": "noreverse bg:#202020 #c0c0c0",
    "toolbar.strong": "bold #ffffff",
    "toolbar.dim": "#707070",
    "toolbar.playing": "ansigreen bold",
    "toolbar.alert": "ansired bold",
    "toolbar.meter": "ansigreen",
    "toolbar.meter.hot": "ansiyellow bold",
    "toolbar.meter.clip": "ansired bold",
    "prompt.continuation": "#707070",
    "aborting": "#707070",
    "exiting": "#707070",
    "toolbar.recording": "ansired bold blink",
})

__all__ = ["SHELL_STYLE"]
