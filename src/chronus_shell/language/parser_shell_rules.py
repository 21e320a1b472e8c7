"""Grammar rules → intents for transactions, sessions, recording and the shell verbs.

One small method per command rule of grammar/chronus.lark; most become fixed messages
(/patch/begin, /session/list, /shell/quit) or shell verbs the REPL answers.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lark import Token

from . import intents as it
from .errors import LanguageError
from .grammar_template import FILLER
from .parser_values import first_of, has_token, word_of
from .units import parse_number


#: Words a transaction verb may take ('commit the changes', 'begin a transaction'); any other
#: word is a different command ('apply some reverb', 'discard the hats'), never a transaction.
_TRANSACTION_WORDS = {"a", "the", "transaction", "changes", "change", "edits", "edit", "it", "that", "this", "them",
                      "everything", "all", "now", "patch", "those", "these", "new", "my"}
#: Words said with 'quit'/'bye' that still mean leaving ('bye for now', 'quit the shell'); any other
#: word ('exit the loop', 'bye bye hats') is not a reason to close the shell.
_LEAVING_WORDS = {"now", "the", "shell", "chronus", "app", "program", "it", "all", "everyone", "everybody", "folks",
                  "guys", "later", "then", "for", "today", "tonight", "bye", "session", "this", "thanks", "thank", "you"}
_PLAYBACK_WORDS = {"playback", "playing", "play", "music", "song", "beat", "sequencer", "loop", "track", "tracks",
                   "the", "a", "it", "again", "now"}


def _names_playback(what: it.Words) -> bool:
    return all(w.lower() in _PLAYBACK_WORDS for w in what.texts) and not set(what.texts) <= {"the", "a", "it", "now"}


def _transaction(kw: Token, what: it.Words | None, address: str) -> it.Fixed:
    if what is not None and not all(w.lower() in _TRANSACTION_WORDS for w in what.texts):
        raise LanguageError(f"'{kw}' {address.split('/')[-1]}s a transaction of patch edits — didn't expect "
                            f"'{what.text}' (say 'add …', 'remove …' or 'mute …' for a part)", what.column)
    return it.Fixed(address)


def _known(word: str) -> bool:
    """A word that says something of the recording ('record again', 'record now'), not its name."""
    from .vocabulary import is_known_word             # (the vocabulary builds on the grammar: imported when needed)
    return word.lower() in _NOT_A_NAME or is_known_word(word)


#: Words after 'record' that say how, not what the take is called.
_NOT_A_NAME = frozenset("again now please live here once more it this that everything all me us together properly "
                        "anew fresh straight away immediately".split())
#: Words after 'record'/'rec' that end the take rather than name it ('REC stop', 'record off').
_RECORD_STOPS = frozenset({"stop", "off", "end", "done", "finish", "stopped"})   # ('record over': again, not a stop)


class ShellRules:
    """Part of the parse-tree Transformer: sessions, recording, shell verbs."""

    # -- transactions, sessions, recording -------------------------------------------------
    def begin(self, kw, what=None):
        if what is not None and _names_playback(what):                  # "begin playback"
            return it.Fixed("/seq/start")
        return _transaction(kw, what, "/patch/begin")

    def commit(self, kw, what=None):
        return _transaction(kw, what, "/patch/commit")

    def abort(self, kw, what=None):
        return _transaction(kw, what, "/patch/abort")

    def save(self, *children):
        forced = has_token(children, "OVERWRITE") or has_token(children, "FORCE_FLAG")
        return it.SaveSession(first_of(children, it.Word), forced)

    def save_over(self, *children):
        """'overwrite night-drive', 'save over night-drive', 'replace session night-drive'."""
        return it.SaveSession(first_of(children, it.Word), True)

    def save_what(self, kw):
        raise LanguageError("save as what? e.g. 'save session as night-drive' ('list sessions' shows "
                            "the saved ones)", kw.start_pos + len(kw))

    def load(self, *children):
        return it.LoadSession(first_of(children, it.Word))

    def list_sessions(self, *children):
        session = children[-1]
        if str(session).lower() == "patch":      # "show the patch", "patch": the modules
            return it.ShellVerb("list", it.Words((word_of(session),)), children[0].start_pos)
        return it.Fixed("/session/list")

    def delete_session(self, _kw, *rest):
        return it.DeleteSession(first_of(rest, it.Word))

    def record(self, *children):
        path = next((str(c) for c in children if isinstance(c, Token) and c.type == "PATH"), None)
        words = first_of(children, it.Words)
        if path is None and words is not None and words.text.lower() in _RECORD_STOPS:
            return it.Fixed("/record/stop")                # 'REC stop', 'record off': the take ends
        if path is None and words is not None and len(words.items) == 1 and re.search(r"[\d_-]", words.text):
            path = f"{words.text}.wav"                    # "record jam1": a take named jam1, not an unnamed one
        verb = next((c for c in children if isinstance(c, Token) and c.type == "RECORD"), None)
        right_after = verb is not None and verb.end_pos is not None and words is not None and \
            words.items[0].column <= verb.end_pos + 1
        if path is None and words is not None and len(words.items) == 1 and right_after and not _known(words.text):
            raise LanguageError(f"is {words.text!r} the take's name? say 'record to {words.text}' — or 'record' for "
                                f"a take named by the time", words.items[0].column)   # ('record lancaran': never dropped)
        named = re.search(r"\b(?:called|named|as)\s+(\S+)$", words.text, re.I) if path is None and words else None
        if named:
            path = f"{named.group(1)}.wav"                # "record a take called boss_theme"
        return it.Record(path)

    def stop_recording(self, *_):
        return it.Fixed("/record/stop")

    # -- shell verbs -----------------------------------------------------------------------
    def undo(self, _kw, *times):
        return it.Undo(_count(times))

    def redo(self, _kw, *times):
        return it.Redo(_count(times))

    def duplicate(self, _kw, target):
        return it.Duplicate(target)

    def help(self, kw, topic=None):
        if topic is not None:              # "help with the cutoff", "how do i add a filter"
            kept = tuple(w for w in topic.items if w.text.lower() not in ("with", "about", "for", "on"))
            topic = it.Words(kept) if kept else None
        return it.ShellVerb("help", topic, kw.start_pos)

    def query(self, kw, what=None):
        if what is not None:                      # "what's the cutoff set to"
            kept = tuple(w for w in what.items if w.text.lower() not in ("set", "to", "at", "currently"))
            what = it.Words(kept) if kept else None
        return it.Show(what, kw.start_pos, str(kw).lower())

    def query_sessions(self, *_):
        return it.Fixed("/session/list")

    def status(self, _kw):
        return it.Fixed("/engine/status")

    def crash(self, kw, slot):
        found = [w for w in slot.texts if w in ("active", "standby")]
        if len(found) != 1:
            raise LanguageError("crash which slot? 'crash active' or 'crash standby'", slot.column,
                                ("active", "standby"))
        return it.Fixed("/engine/crash", (found[0],))

    def list(self, kw, what=None):
        return it.ShellVerb("list", what, kw.start_pos)

    def verbose(self, kw, state=None):
        switch = "off" if state is not None and state.type == "OFF" else "on"
        return it.Fixed("/shell/verbose", (switch,))

    def reload(self, kw, what=None):
        return it.ShellVerb("reload", what, kw.start_pos)

    def quit(self, kw, what=None):
        if what is not None and not all(w in _LEAVING_WORDS for w in what.texts):
            raise LanguageError(f"'{kw}' leaves the shell — didn't expect '{what.text}' (to take a part out, "
                                f"say 'mute …' or 'remove …')", what.column)
        return it.Fixed("/shell/quit")

    def wait(self, _kw, value):
        if isinstance(value, Token):      # "wait a bar"
            value = it.Value("unit", str(value), value.start_pos, None, str(value))
        return it.Wait(value)


#: The words the lexer drops between 'as'/'called' and a session name ('save it as my song'): part of the name.
_DROPPED_BEFORE_NAME = re.compile(rf"(?:\b(?:as|called|named|name|session|load)\s+)((?:(?:{'|'.join(FILLER)})\s+)+)$", re.I)


#: What may follow a name saved: the overwrite flag, a full stop (the name runs to the end of the line).
_AFTER_A_SAVED_NAME = re.compile(r"(?:\s+(?:overwrite|replace|force|--?force|-f))?[\s.!?]*$", re.I)
#: Words after a name saved that are no part of it: 'save jam over it' (the saved one replaced), 'save over jam
#: with this version'.
_NOT_THE_NAME = re.compile(r"\s+(?:(?P<over>over\s+(?:it|that|the\s+(?:old|last|saved)(?:\s+(?:one|version|session))?|the\s+top))|"
                           r"(?:with|using)\s+(?:this|the\s+(?:new|current|latest))(?:\s+(?:one|version|take|mix|patch|session))?)"
                           r"[\s.!?]*$", re.I)
_WHEN_SAID = re.compile(r"\s+(?:now|(?:at|on|in)\s+the\s+next\s+(?:bar|downbeat)|(?:at|on)\s+the\s+(?:bar|downbeat))\s*$", re.I)


def whole_session_name(intent, line: str):
    """A session name after 'as'/'called' taken whole: 'save session as my song' saves 'my song',
    'load session my song' loads it (the filler words the grammar skips are part of a name given)."""
    if isinstance(intent, it.Sequence) and len(intent.items) == 2 and isinstance(intent.items[0], it.SaveSession) \
            and isinstance(intent.items[1], it.SaveSession) and intent.items[1].name.text == "it" and intent.items[1].overwrite:
        intent = replace(intent.items[0], overwrite=True)        # 'save as jam, overwrite it': one save, over the old
        line = line[:line.rindex(",")] if "," in line[intent.name.column:] else line
    if not isinstance(intent, (it.SaveSession, it.LoadSession)) or intent.name.column > len(line):
        return intent
    named = _as_typed(_named_whole(intent, line), line)
    if isinstance(named, it.SaveSession) and _AGAIN.search(named.name.text):      # 'save as jam again': jam
        named = replace(named, name=it.Word(_AGAIN.sub("", named.name.text), named.name.column))
    if _NAME_WORD.match(named.name.text) and _NAME_SAID.search(line):   # 'save to name natsu no uta': what follows
        named = replace(named, name=it.Word(_NAME_WORD.sub("", named.name.text).strip("'\""), named.name.column))
    if isinstance(named, it.LoadSession):             # 'load my first song' (saved as that): the noun kept —
        after = _WHEN_SAID.sub("", line[named.name.column + len(named.name.text):])   # the session layer finds
        noun = _NOUN_AFTER.fullmatch(after)                                      # 'my first' without it too
        if noun:
            named = replace(named, name=it.Word(f"{named.name.text} {noun.group(1)}", named.name.column))
    return named


_AGAIN = re.compile(r"\s+(?:again|once\s+more)$", re.I)
_NAME_WORD = re.compile(r"^(?:name|title)\s+(?=\S)", re.I)
_NAME_SAID = re.compile(r"\b(?:to|with|under|by)\s+(?:the\s+)?(?:name|title)\s+", re.I)   # ('save as name tag': its name)


def _as_typed(named, line: str):
    """The name with its words as typed: 'save as monday 6am' is 'monday 6am' (the grammar reads '6 am')."""
    want, typed, count = named.name.text.replace(" ", "").lower(), line[named.name.column:], 0
    for end, char in enumerate(typed):
        count += not char.isspace()
        if count == len(want):
            said = typed[:end + 1]
            return replace(named, name=it.Word(said, named.name.column)) \
                if said.replace(" ", "").lower() == want and said != named.name.text else named
    return named


#: A word the grammar reads as 'session' said after a loaded name ('load my first song', 'load night drive session').
_NOUN_AFTER = re.compile(r"\s+(songs?|tunes?|projects?|sessions?)\s*[.!]*", re.I)


def _named_whole(intent, line: str):
    tail = _NOT_THE_NAME.search(line) if isinstance(intent, it.SaveSession) else None
    if tail and intent.name.column < tail.start():      # 'save jam over it': the saved one overwritten
        line = line[:tail.start()]
        intent = replace(intent, name=it.Word(line[intent.name.column:].strip(), intent.name.column),
                         overwrite=intent.overwrite or bool(tail.group("over")))
    if isinstance(intent, it.LoadSession) and intent.name.text.lower() in ("called", "named"):
        start = intent.name.column + len(intent.name.text) + 1       # 'load the session called my song'
        name = _WHEN_SAID.sub("", line[start:]).strip()
        return replace(intent, name=it.Word(name, start)) if name else intent
    dropped = _DROPPED_BEFORE_NAME.search(line[:intent.name.column])
    start = intent.name.column if dropped is None else dropped.start(1)
    rest = _AFTER_A_SAVED_NAME.sub("", line[start:]) if isinstance(intent, it.SaveSession) else \
        _WHEN_SAID.sub("", line[start:])                  # (a load: a time may follow it)
    said = _said_name(intent.name.text.lower().split(), rest.split()) if rest else None
    if said:                                               # small words skipped inside it or a key after it:
        return replace(intent, name=it.Word(said, start))  # 'blues in a', 'sonata in a minor'
    if dropped is None:
        return intent
    return replace(intent, name=it.Word(line[start:intent.name.column] + intent.name.text, start))


#: What may end a name after the words the grammar read: a key ('blues in a', 'side b', 'sonata in a minor'),
#: never 'now', 'please' or 'for me' said after it.
_KEY_AFTER = re.compile(r"[a-g](?:#|b|flat|sharp)?|minor|major|flat|sharp", re.I)


def _said_name(read: list[str], said: list[str]) -> str | None:
    """The name as said when the grammar skipped some of its words: the words read, in order, with
    what was skipped between them and a key after them; None when the first word differs."""
    if not read or read[0] != said[0].lower():
        return None
    found, kept = 0, []
    for word in said:
        if found < len(read) and word.lower() == read[found]:
            found += 1
        elif found == len(read) and not _KEY_AFTER.fullmatch(word):
            break
        kept.append(word)
    return " ".join(kept) if found == len(read) else None


def _count(tokens) -> int | None:
    """'twice', '3 times', 'three' → how many times (1 when not said; None: 'everything', every step)."""
    if not tokens:
        return 1
    if tokens[0].type == "EVERY_STEP":
        return None
    text = str(tokens[0]).lower()
    count = {"twice": 2, "thrice": 3}.get(text)
    if count is None:
        number = parse_number(text)
        if number.denominator != 1 or not 1 <= number <= 50:
            raise LanguageError("how many times? a whole number from 1 to 50", tokens[0].start_pos)
        count = int(number)
    return count
