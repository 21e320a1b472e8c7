"""Sessions, recording, shell verbs and queries ('what is the cutoff').

These intents mostly become /session, /record and /shell messages that the REPL or the
supervisor handles; the mapper only resolves what a query or a list asks about.
"""
from __future__ import annotations

import re

from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .file_names_said import when_off
from .mapper_changes import current_value, near_param
from .mapper_messages import message
from .mapper_targets import module_or_everything, typo_checked
from .param_words import QUERY_PARAMS, seq_param
from .resolve import EVERYTHING
from .target_words import LIST_TOPICS


#: A session name, then a clause saying why ('… before i mess it up', '… just in case').
_NAME_THEN_CLAUSE = re.compile(r"^(\S+(?:\s+\S+)??)\s+((?:i|we|you|u|it|me|before|so|because|cause|cos|coz|since|just|in case|incase|for now|"
                               r"then|while|until|now|and|ok|okay|please|b4|real quick|quick)\b.*)$", re.I)


#: What is saved, then the name ('the beat like dembow_01', 'this groove called night-2'): a name-like word.
_CALLED = re.compile(r"^(.+?\s+(?:like|as|called|named|en|como|comme|come)|(?:(?:the|my|la|le|el|a|o)\s+)?"
                     r"(?:session|sesi[oó]n|sess[aã]o))\s+(\S*[\d_-]\S*)$", re.I)


def save_session(ctx, intent: it.SaveSession) -> list[Message]:
    overwrite = ("overwrite",) if intent.overwrite else ()
    return [message("/session/save", _name_only(ctx, _sentence_end_off(intent.name.text)), *overwrite)]


def _name_only(ctx, name: str) -> str:
    """'dusty_loop before i mess it up': the name, not the reason said after it (a tail that
    starts with 'before', 'so', 'just in case'... after a name-like word, or a long one)."""
    called = _CALLED.match(name)
    if called:                                            # 'the beat like dembow_01': the name after 'like'
        ctx.understood.append(f"saved as {called.group(2)!r} ('{called.group(1)}' left out of the name)")
        return called.group(2)
    match = _NAME_THEN_CLAUSE.match(name)
    if match is None:
        return name
    head, tail = match.groups()
    if not (re.search(r"[\d_-]", head) or len(tail.split()) >= 3):
        return name
    ctx.understood.append(f"saved as {head!r} ('{tail}' left out of the name)")
    return head


def load_session(ctx, intent: it.LoadSession) -> list[Message]:
    part = _part_named(ctx, intent.name)
    if part is not None:                                  # 'restore the kick': bring the part back
        try:
            return ctx.map(it.Mute("unmute", part, intent.name.column))
        except LanguageError:
            raise LanguageError(f"'{intent.name.text}' is a part of the patch, not a saved session, and it is "
                                f"playing — to load a session say 'load <session name>' ('sessions' lists them)",
                                intent.name.column) from None
    if _SETTING_TO.fullmatch(intent.name.text.strip()):   # 'restore the tempo to 120': a value, never a session
        raise LanguageError(f"'{intent.name.text}' is a value, not a saved session: say it as one, e.g. 'tempo back to 120'",
                            intent.name.column)
    now = ("now",) if intent.now else ()
    said = _sentence_end_off(intent.name.text)
    name = _saved_as(ctx, when_off(said))
    if (_NO_NAME.fullmatch(name) or _NO_NAME.fullmatch(said)) and name not in ctx.model.sessions_saved:   # 'the tape'
        raise LanguageError(f"which session is '{name}'? say its name — 'sessions' lists them", intent.name.column)
    if _SAMPLES_SAID.search(said) and not re.search(r"\b(?:called|named|session)\b", ctx.line or "", re.I) and \
            name not in ctx.model.sessions_saved:       # 'load the footstep samples from my drive'
        raise LanguageError(f"'{said}' sounds like sound files, not a saved session: a sample loads by its file "
                            f"('load footsteps.wav'), a session by its name ('sessions' lists them)", intent.name.column)
    return [message("/session/load", name, *now)]


#: Sound files said, not a session ('the footstep samples from my drive', 'my drum kit folder').
_SAMPLES_SAID = re.compile(r"(?<![\w-])(?:samples?|wavs?|(?:audio|sound)\s+files?|(?:from|on|in)\s+(?:(?:my|the|a)\s+)?(?:hard\s+)?"
                           r"(?:drive|disk|desktop|downloads|folder|usb|computer|laptop))(?![\w-])", re.I)


#: A setting and the value it goes back to ('restore the tempo to 120'): no session's name.
_SETTING_TO = re.compile(r"(?:the\s+)?[a-z_]+(?:\s+[a-z_]+)?\s+(?:back\s+)?to\s+-?\d[\d.]*\s*[a-z%]*", re.I)

#: What a session is called when its name is not said ('the tape', 'the last one').
_NO_NAME = re.compile(r"(?:(?:the|my|our|that|this|la|le|el|a|o)\s+)?(?:(?:last|previous|old)\s+)?"
                      r"(?:tape|recording|thing|stuff|session|sesi[oó]n|sess[aã]o|one|it)", re.I)


#: Words around a session's name that are no part of it ('load the friday night one', 'the acid session').
_AROUND_A_NAME = frozenset("the a my our that this one session".split())


def _sentence_end_off(name: str) -> str:
    """"save this as 'Tosca act 2'." — the full stop ends the sentence, not the name."""
    return name.rstrip(".!?,;:") or name


def _saved_as(ctx, name: str) -> str:
    """The name a session was saved under here that `name` says in other words ('the friday night one' for
    friday_night), when exactly one fits; else the name as said."""
    if name in ctx.model.sessions_saved:
        return name
    found = [s for s in ctx.model.sessions_saved if _name_key(s) == _name_key(name) and _name_key(name)]
    if len(found) != 1:
        return name
    ctx.understood.append(f"'{name}': the session saved as {found[0]!r}")
    return found[0]


def _name_key(text: str) -> str:
    return " ".join(w for w in re.split(r"[\s_-]+", text.lower()) if w and w not in _AROUND_A_NAME)


def _part_named(ctx, name: it.Word) -> it.Words | None:
    """The words of a 'session' name that name a part of the patch ('the kick drum'), else None."""
    words = it.Words(tuple(it.Word(w, name.column) for w in name.text.split() if w.lower() != "the"))
    if not words.items:
        return None
    try:
        ctx.resolve.module(words, hints=False)
    except LanguageError:
        return None
    return words


def delete_session(ctx, intent: it.DeleteSession) -> list[Message]:
    return [message("/session/delete", intent.name.text)]


def record(ctx, intent: it.Record) -> list[Message]:
    return [message("/record/start", *((intent.path,) if intent.path else ()))]


def fixed(ctx, intent: it.Fixed) -> list[Message]:
    """A message as it is; 'start' after 'stop' brings back the drones it silenced."""
    back = []
    if intent.address in ("/seq/start", "/seq/continue"):
        back = [d for d in ctx.model.stopped_drones if d in ctx.model.modules and ctx.model.value(d, "gain") == 0]
        ctx.model.stopped_drones = ()
        if back:
            ctx.understood.append(f"{', '.join(back)} back too ('stop' had silenced {'it' if len(back) == 1 else 'them'})")
    return [Message(intent.address, intent.args),
            *(message(f"/mod/{d}/gain", ctx.model.unmuted_value(d, ctx.model.spec(d).param("gain"))) for d in back)]


def shell_verb(ctx, intent: it.ShellVerb) -> list[Message]:
    if intent.verb == "list" and intent.arg is not None and intent.arg.texts in EVERYTHING:
        return [message("/shell/list", "modules")]
    if intent.verb == "list" and intent.arg is not None and intent.arg.text not in LIST_TOPICS:
        try:
            return ctx.map(it.Show(intent.arg, intent.column, "show"))
        except LanguageError:
            pass
    if intent.verb == "list" and intent.arg is not None and intent.arg.text in LIST_TOPICS:
        return _listed(intent.arg.text)
    return [message(f"/shell/{intent.verb}", *((intent.arg.text,) if intent.arg else ()))]


def _listed(topic: str) -> list[Message]:
    """The saved sessions are the session store's list (as 'list sessions'); the rest the REPL's."""
    if LIST_TOPICS[topic] == "sessions":
        return [message("/session/list")]
    return [message("/shell/list", LIST_TOPICS[topic])]


def show(ctx, intent: it.Show) -> list[Message]:
    """'what is the cutoff' → /shell/show acid_filter1.cutoff 800.0 (the REPL prints it)."""
    what = intent.what
    if what is None:
        return [message("/shell/list", "modules")]
    if what.texts in (("status",), ("engine",), ("engine", "status")):
        return [message("/engine/status")]
    if what.text in LIST_TOPICS:
        return _listed(what.text)
    seq = seq_param(what)
    if seq is not None:
        return [message("/shell/show", seq.name, current_value(ctx, None, seq))]
    names = QUERY_PARAMS.get(intent.verb)
    typo_checked(ctx, lambda w: None, what)
    try:
        module_id, spec = ctx.resolve.param(what, hints=False)
    except LanguageError:
        try:
            module_id = module_or_everything(ctx, what, hints=False)
        except LanguageError:
            ctx.resolve.param(what)
            raise
        if names is None:
            return [message("/shell/show", module_id)]
        module_id, spec = near_param(ctx, what, names, intent.column)
        if module_id is None:                          # "how fast is it": the tempo
            return [message("/shell/show", spec.name, current_value(ctx, None, spec))]
    return [message("/shell/show", f"{module_id}.{spec.name}", ctx.model.value(module_id, spec.name))]


def wait(ctx, intent: it.Wait) -> list[Message]:
    raise LanguageError("wait only works in scripts (chronus run / render)", intent.value.column)


#: The intents this family maps.
HANDLERS = {it.SaveSession: save_session, it.LoadSession: load_session, it.DeleteSession: delete_session,
            it.Record: record, it.Fixed: fixed, it.ShellVerb: shell_verb, it.Show: show, it.Wait: wait}
