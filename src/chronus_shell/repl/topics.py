"""`help [topic]` and `list [what]`: tables from the grammar's command forms, the ParamSpecs and
the live patch. Module tables come from catalogue_table (the same ones `chronus modules` prints).
"""
from __future__ import annotations

import re
from functools import lru_cache

from rich.table import Table
from rich.text import Text

from ..engine.catalogue import specs
from ..engine.notes import note_to_hz
from ..engine.params import did_you_mean, format_number
from ..language.command_forms import command_forms, form_areas
from ..engine.sequencer_verbs import TEMPO
from ..language.param_words import SEQ_PARAMS
from ..language.resolve import type_named
from ..language.slips import slips
from ..language.timed_forms import DOC_FORMS as TIME_FORMS, HELP_TOPICS as TIME_TOPICS
from .catalogue_table import module_table
from ..session.snapshot import list_sessions
from .completer import LIST_TOPICS, param_meta
from .line_tokens import NOTE_LETTERS, keyword_of


class TopicError(ValueError):
    """An unknown help or list topic; `.suggestions` holds close topics."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.suggestions = suggestions


def _forms_table(forms, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("command", style="bold")
    table.add_column("examples", style="green")
    for form, examples in forms:                  # Text: '[set]' is syntax here, not rich markup
        table.add_row(Text(form), Text("\n".join(examples)))
    return table


def help_renderables(topic: str | None, model) -> list:
    """What `help` prints: the areas (a screen), an area's forms, every form (`help all`), or one
    module type, live module, param or command."""
    if not topic:
        return [_areas_table(), Text("help <area> for its commands · help all · help <module|param|command> · "
                                     "list modules|types|params|tracks|sessions", style="dim")]
    words = tuple(topic.lower().split())
    areas = {name: forms for name, _, forms in form_areas()}
    if words == ("all",):
        return [_forms_table([form for forms in areas.values() for form in forms], "commands")]
    if len(words) == 1 and words[0] in areas:
        return [_forms_table(areas[words[0]], f"help {topic}")]
    if words[0] in TIME_TOPICS:                   # help time / ramps / fade: the timed forms
        return [_forms_table(TIME_FORMS, f"help {topic}")]
    module_type = model.modules.get(words[0]) if len(words) == 1 else None
    module_type = module_type or type_named(words)
    if module_type and module_type in {s.type for s in specs()}:
        return [module_table(next(s for s in specs() if s.type == module_type))]
    joined = "_".join(words)
    owners = [s for s in specs() if s.has_param(joined)]
    if owners:
        return [_param_table(joined, owners, model)]
    terminal = keyword_of(words[0])
    forms = [(f, e) for f, e in command_forms() if terminal and any(
        keyword_of(w.strip("[]<>")) == terminal for w in f.replace("/", " ").split())]
    forms = forms or _forms_naming(words, [form for _, _, forms in form_areas() for form in forms])
    if forms:
        return [_forms_table(forms, f"help {topic}")]
    pool = [s.type for s in specs()] + [n for s in specs() for n in s.names()] + [f.split()[0] for f, _ in command_forms()] \
        + [name for name, _, _ in form_areas()]
    hints = slips(topic, did_you_mean(topic, sorted(set(pool))))      # a slip only: 'swing' is not 'sine'
    extra = f" — did you mean {hints[0]}?" if hints else " (help alone lists the areas; docs/commands.md every form)"
    raise TopicError(f"no help on {topic!r}{extra}", hints)


def _areas_table() -> Table:
    """`help` alone: one row an area with two examples, so it fits a screen."""
    table = Table(title="help <area>", title_justify="left")
    table.add_column("area", style="bold")
    table.add_column("what")
    table.add_column("for example", style="green")
    for name, covers, forms in form_areas():
        table.add_row(name, covers, Text(" · ".join(examples[0] for _, examples in forms[:2] if examples)))
    return table


def _forms_naming(words: tuple[str, ...], forms) -> list:
    """Forms whose text says the topic's word (`help chords`, `help arp`): harmony and time forms
    are not grammar rules, so their words are not keywords."""
    stems = {w.rstrip("s") for w in words if len(w) > 2}
    return [(form, examples) for form, examples in forms          # ('help swing': the forms its examples show)
            if stems & {w.rstrip("s") for w in re.findall(r"[a-z]+", " ".join((form, *examples)).lower())}]


def _param_table(name: str, owners, model) -> Table:
    """One row per module type with the param; `now` is its value on each live module of that type."""
    table = Table(title=f"param {name}", title_justify="left")
    for column in ("module", "unit", "range", "default", "now", "doc"):
        table.add_column(column)
    for spec in owners:
        param = spec.param(name)
        now = ", ".join(f"{module_id} {_shown(model.value(module_id, param.name))}"
                        for module_id in model.of_type(spec.type))
        table.add_row(spec.type, param.unit, param.range_text(), _shown(param.default), now or "—", Text(param.doc))
    return table


def _shown(value) -> str:
    return value if isinstance(value, str) else format_number(value)


def list_renderables(what: str | None, model) -> list:
    """What `list` prints; the live patch by default."""
    topic = (what or "modules").lower().strip()
    topic = {"module": "modules", "type": "types", "param": "params", "track": "tracks",
             "session": "sessions", "patch": "modules"}.get(topic, topic)
    if topic == "modules":
        return [_patch_table(model)]
    if topic == "types":
        return [_types_table()]
    if topic == "params":
        if not model.focus or model.spec(model.focus) is None:
            return [Text("no module in focus yet: add one first (add a saw)", style="yellow")]
        return [_focus_table(model)]
    if topic == "tracks":
        return [_tracks_table(model)]
    if topic == "sessions":
        names = list_sessions()
        return [Text("\n".join(names) if names else "no saved sessions yet (save session as NAME)")]
    hints = did_you_mean(topic, LIST_TOPICS)
    extra = f" — did you mean {hints[0]}?" if hints else ""
    raise TopicError(f"cannot list {topic!r}{extra} (try: {', '.join(LIST_TOPICS)})", hints)


def _patch_table(model) -> Table:
    table = Table(title=f"patch · {format_number(model.bpm)} bpm{_key_text(model)}", title_justify="left")
    for column in ("id", "type", "→", "values"):
        table.add_column(column)
    for module_id, type_name in model.modules.items():
        outputs = model.outputs(module_id) + [dst for src, dst in model.mod_edges if src == module_id]
        values = model.values.get(module_id, {})
        shown = ", ".join(f"{k} {v if isinstance(v, str) else format_number(v)}" for k, v in values.items())
        style = "bold" if module_id == model.focus else ""
        table.add_row(Text(module_id, style=style), type_name, ", ".join(outputs), shown)
    return table


def _types_table() -> Table:
    table = Table(title="module types", title_justify="left")
    for column in ("type", "role", "aliases", "doc"):
        table.add_column(column)
    for spec in specs():
        table.add_row(spec.type, spec.role, ", ".join(spec.aliases), spec.doc)
    return table


def _focus_table(model, module_id: str | None = None) -> Table:
    module_id = module_id or model.focus
    spec = model.spec(module_id)
    table = Table(title=f"{module_id} ({spec.type})", title_justify="left")
    table.add_column("param")
    table.add_column("unit, range, value")
    table.add_column("doc")
    for param in spec.params:
        table.add_row(param.name, param_meta(param, model.value(module_id, param.name)), param.doc)
    return table


def show_renderables(args: tuple, model, ramps: list[dict] = ()) -> list:
    """`what is the cutoff` (/shell/show acid_filter1.cutoff 800): one line; `show saw1`: its table.
    `ramps` (the engine's running ramps, engine/ramps.py `in_progress`): a param on its way to a
    target shows where it is now and where it goes, not only the target the language knows."""
    name = str(args[0]) if args else ""
    value = args[1] if len(args) > 1 else None
    module_id, _, param_name = name.partition(".")
    spec = model.spec(module_id) if module_id in model.modules else None
    if spec is not None and not param_name:
        return [_focus_table(model, module_id)]
    param = spec.param(param_name) if spec is not None and spec.has_param(param_name) else SEQ_PARAMS.get(name)
    shown = value if isinstance(value, str) else "–" if value is None else format_number(value)
    if param is None:
        return [Text(f"{name.replace('.', ' ')} {shown}")]
    unit = "" if param.is_enum or param.unit in ("", "ratio") else f" {param.unit}"
    allowed = f"one of {param.range_text()}" if param.is_enum else f"range {param.range_text()}{unit}"
    target = "seq.bpm" if SEQ_PARAMS.get(name) is TEMPO else name           # ('swing' is no tempo ramp)
    ramp = next((r for r in ramps if r["target"] == target), None)
    if ramp is not None:
        shown = f"{format_number(ramp['from'])}{unit}, ramping to {format_number(ramp['to'])}"
        allowed = f"{ramp['beats']:.1f} beats left; {allowed}"
    return [Text.assemble((f"{name.replace('.', ' ')} ", "cyan"), (f"{shown}{unit}", "bold"),
                          (f"   ({allowed})", "dim"))]


def _tracks_table(model) -> Table:
    state = "playing" if model.running else "stopped"
    table = Table(title=f"tracks · {state}", title_justify="left")
    for column in ("track", "target", "pattern", "notes", "plays"):
        table.add_column(column)
    for name, track in model.tracks.items():
        plays = ", ".join(["muted"] * track.muted
                          + [f"{k} {v:g}" if not isinstance(v, bool) else k for k, v in track.style.items()])
        table.add_row(name, track.target, track.pattern, " ".join(map(_as_written, track.notes)), plays,
                      style="dim" if track.muted else None)
    return table


def _as_written(step) -> str:
    """A step of /seq/notes as a musician writes it: a loaded session or an autosave brings notes
    back as the engine keeps them (Hz, chords 'Hz+Hz'); a note's exact Hz reads as its name."""
    if isinstance(step, str) and "+" in step:
        return "+".join(_as_written(part) for part in step.split("+"))
    try:
        hz = float(step)
    except (TypeError, ValueError):
        return str(step)
    return _note_of_hz().get(hz, str(step))


@lru_cache(maxsize=1)
def _note_of_hz() -> dict[float, str]:
    return {note_to_hz(name): name for name in (f"{letter}{octave}" for octave in range(-1, 10)
                                                for letter in NOTE_LETTERS)}


def _key_text(model) -> str:
    """' · key d minor' when the session has a key (/seq/key; the language's model keeps it), else ''."""
    key = getattr(model, "key", None)
    if not key:
        return ""
    return f" · key {' '.join(key) if isinstance(key, (tuple, list)) else key}".replace("_", " ")


__all__ = ["help_renderables", "list_renderables", "show_renderables", "TopicError"]
