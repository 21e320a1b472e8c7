"""A refused line whose command has a remark beside it ('softer, the clients are lying down', 'petit
allegro, 6/8 at 100', 'no swing, corps style'): a clause that names nothing the shell knows — no part, no
param, no number, no note, and a word the language does not know — is left out and said back; the rest
is read as a whole line would be. A clause with anything the shell could act on is never left out."""
from __future__ import annotations

import re
from functools import lru_cache

from ..engine.catalogue import specs
from ..protocol.message import Message
from .chords import Chord
from .units import is_note
from .errors import LanguageError
from .nicknames import NICKNAMES
from .vocabulary import is_known_word

#: Where a line's clauses part: commas, colons, semicolons, '!' or a dash between words (not '?': a
#: question is no remark; not dots: a pattern's rests).
_CLAUSES = re.compile(r"\s*(?:[,;:!]|\s[—–-]\s)\s*")
#: Words that carry no command of their own: a remark may hold them beside words the language does not know.
_FUNCTION = frozenset("""the a an this that these those it its it's we we're i i'm you they he she me us them my our your
their is are was were be been being am do does did have has had can could will would should must may might just so
really also and or but if then now here there on in at of for to with from by about like as up down out off over into
some any all not yeah ok okay oh please thanks thank play playing plays make makes get go goes going want wants need
needs let lets let's sound sounds""".split())
#: How the echo says a line was read by a guess ('read as …', 'speeed → speed').
_GUESSED = re.compile(r"^read as\b| → |^that could mean")
#: Words that correct the command beside them ('up a whole step, i meant down'): that clause is never a remark.
_CORRECTING = frozenset("mean meant oops sorry wrong mistake".split()) | frozenset(("up", "down", "higher", "lower"))
#: What a line that left a remark out may do: changes heard and undone at once, nothing removed, stopped,
#: started, muted, saved or loaded (what the remark might have qualified).
_BESIDE_A_REMARK = ("/mod/", "/ramp/", "/gate/", "/seq/bpm", "/seq/add", "/seq/notes", "/seq/swing", "/seq/key",
                    "/seq/speed", "/seq/humanize", "/seq/chance", "/patch/create", "/patch/connect")
#: A clause that starts so limits or places the command ('…, only briefly', '…, until the chorus', '…, in
#: the outro'): never a remark, whatever its other words.
_LIMITS = frozenset("only except until till unless but while when before after during for in at on from with without "
                    "by just not never".split())


#: A clause doing something to a part ('doubling the first', 'following the bass'): an instruction, never colour.
DOING = re.compile(r"^(?:doubl|follow|copy|mirror|shadow|answer|echo|harmoni[sz]|accompany|replac|play|support|lead)ing\s+"
                   r"(?:the|it|them|my|our|a|an|that|this|each|every)\b", re.I)


#: A line that ends by taking itself back ('capo 2? nah thats guitar talk, forget it', 'cutoff 300, never mind',
#: 'add a reverb... nah'): nothing is done — the remark is the musician's last word on the line.
_TAKEN_BACK = re.compile(r"(?:^|[,;:.!?]|\s[—–-]|\s(?=nah\b|no\b))\s*(?:(?:nah|no|oh|ah|hmm+|ok|okay|actually|so|just|lol)\W*\s*)*"
                         r"(?:never\s*mind|nvm|forget\s+(?:it|that|about\s+(?:it|that))|scratch\s+that|cancel\s+that|ignore\s+"
                         r"(?:that|me|this)|actually\s+(?:no|not)|don'?t(?:\s+bother)?)\W*(?:lol|sorry|pls|please)?\W*$|[,;:.!?]\s*(?:nah+|nope)\W*$", re.I)


def taken_back(line: str) -> str | None:
    """What a line that takes itself back ends with, else None (a line of only that is the grammar's)."""
    match = _TAKEN_BACK.search(line.strip())
    if match is None or not line[:match.start()].strip(" ,.;:!?"):
        return None
    return match.group(0).strip(" ,.;:!?—–-")


def without_remarks(translator, line: str) -> list[Message] | None:
    """The messages of the line without its remarks, or None (no remark, nothing else, or the rest refused)."""
    clauses = [c.strip(" .") for c in _CLAUSES.split(line.strip()) if c.strip(" .")]
    if len(clauses) < 2 or translator.remarking:
        return None
    translator.remarking = True                       # (the clauses are read whole, never for remarks again)
    try:
        remarks = [c for c in clauses if _remark(c, translator.model) and not _read(translator, c)]
        kept = [c for c in clauses if c not in remarks]
        if not remarks or not kept:
            return None
        before = translator._state()
        try:
            messages = translator.translate(", ".join(kept))
        except LanguageError:
            translator._restore(before)
            return None
        if not all(m.address.startswith(_BESIDE_A_REMARK) for m in messages) or \
                any(_GUESSED.search(u) for u in translator.understood):
            translator._restore(before)               # (the rest read by a guess: two guesses are one too many)
            return None
    finally:
        translator.remarking = False
    translator.mapper.understood.insert(0, "left out: " + "; ".join(f"'{r}'" for r in remarks))
    return messages


def _read(translator, clause: str) -> bool:
    """Whether the clause alone is a command ('a big waltz': a groove's name is no word of the grammar)."""
    before, last = translator._state(), (translator._last_intent, translator._last_text)
    try:
        translator.translate(clause)
        return True
    except LanguageError:
        return False
    finally:
        translator._restore(before)
        translator._last_intent, translator._last_text = last     # ('again' after the line: not this clause)


#: A step pattern among words ('tbel x..x..x..x..'): something to play, never a remark.
STEPS = re.compile(r"(?<![\w.])[xX.\-]*[xX][xX.\-]*\.[xX.\-]*(?![\w.])|(?<!\w)(?=(?:[.\-]\s+)*[xX])(?:[xX.\-]\s+){2,}[xX.\-](?!\w)")
#: (spaced as well: 'x . . . x . x .')


def _remark(clause: str, model) -> bool:
    """Words the language does not know, beside function words only: no part, param, number, note or steps."""
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[\w'#-]+", clause.lower())]   # ("kick's kinda boomy")
    names = content_words() | set(model.modules) | set(model.tracks) | set(NICKNAMES) | set(model.labels)
    if STEPS.search(clause):
        return False
    if len(words) < 2 or words[0] in _LIMITS or {"only", "except", "until", "till", "unless"} & set(words) or any(re.search(r"\d", w) or w in names or w.rstrip("s") in names for w in words):
        return False                                  # (one word alone may be a term the grammar lacks: 'triplets')
    if _CORRECTING & set(words) or DOING.match(clause):
        return False                                  # '…, i meant down': a correction, never a remark
    if any(w != "a" and (is_note(w) or Chord.parse(w) is not None) for w in words):
        return False                                  # 'the heart chakra is F': a note said
    unknown = [w for w in words if not is_known_word(w)]
    return bool(unknown) and all(w in unknown or w in _FUNCTION for w in words)


@lru_cache(maxsize=1)
def content_words() -> frozenset[str]:
    """The words that name something to act on: every module type, alias and param name (not the
    choices of a param, which include everyday words)."""
    words: set[str] = set()
    for spec in specs():
        for name in (spec.type, *spec.aliases, *spec.names()):
            words.update(w for w in re.split(r"[ _]", name) if len(w) > 2)
    return frozenset(words)


__all__ = ["DOING", "STEPS", "content_words", "taken_back", "without_remarks"]
