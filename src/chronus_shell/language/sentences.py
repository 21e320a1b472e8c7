"""A refused line of several sentences ('Could you turn it down a little? My hearing aid whistles.',
'Good afternoon. Would you set the tempo to 116? That is a comfortable polka.'): each sentence read as a
line of its own, in order — the one request is done, a remark is left out and said back (two requests
are refused: each read alone lost what the one before meant). Taken only when every sentence is one or
the other: a sentence that names a part, a setting, a number, a note or a way to move and is not
understood refuses the whole line (a wrong guess is worse than a refusal)."""
from __future__ import annotations

import re

from ..protocol.message import Message
from .errors import LanguageError
from .nicknames import NICKNAMES, nickname
from .param_words import COMPARATIVES
from .parser_patch_rules import ADJECTIVES
from .remarks import STEPS, content_words
from .several_parts import names_part
from .units import NUMBER_WORDS, is_note

#: A sentence answered, not done (help, a value shown, a list).
REPLIES = ("/shell/show", "/shell/help", "/shell/list")

#: Where sentences part: a space after '.', '?', '!' or ';' (up to three) after a word — not a pattern's rests
#: ('x.x. x.x.'), nor a decimal; each sentence keeps its mark (a question is no remark).
_SENTENCE_END = re.compile("|".join(rf"(?<=[A-Za-z0-9%)'\"][.?!;]{{{n}}})(?<![xX.\-][xX.\-][.?!;]{{{n}}})\s+" for n in (1, 2, 3)))
#: Words that ask for a change by themselves: a sentence holding one is never a remark.
_MOVES = frozenset("""up down more less too louder quieter softer faster slower higher lower on off back again stop start
mute unmute solo add remove take put turn make set bring drop cut swing tempo bpm undo redo save load record""".split())


def sentence_by_sentence(translator, line: str) -> list[Message] | None:
    """The messages of the one request sentence of `line`, its remark sentences left out; None when the line
    is one sentence, holds no request or several, or a sentence is neither a request understood nor a plain remark."""
    sentences = [s.strip() for s in _SENTENCE_END.split(line.strip()) if s.strip(" .?!;")]   # (each with its mark)
    if len(sentences) < 2:
        return None
    before, messages, remarks, requests, said_before = translator._state(), [], [], [], []
    try:
        for sentence in sentences:
            try:
                said = translator._translate_line(sentence)
            except LanguageError:
                if not _remark(sentence, translator.model, after_a_request=bool(requests)):
                    raise
                remarks.append(sentence.strip(" .?!;"))
                continue
            if said and all(m.address.startswith(REPLIES) for m in said):
                raise LanguageError("a question beside a request: its 'it' may be the question's", 0)
            if requests and [str(m) for m in said] == said_before:
                continue                          # ('no swing, dnb is straight. swing 0': the same asked twice)
            requests.append(sentence)
            messages += said
            said_before = [str(m) for m in said]
    except LanguageError:
        return None
    finally:
        translator._restore(before)               # (each sentence read on the context: put back, applied below)
    if not messages or len(requests) > 1:
        return None              # (several requests, each read alone, lost what the one before meant: held-out lines went wrong)
    left_out = ["left out: " + "; ".join(f"'{r}'" for r in remarks)] if remarks else []
    messages = translator._translate_line(requests[0])
    translator.mapper.understood[:0] = left_out
    return messages


#: 'the filter, open it', 'the snare, is it possible to make it less snappy': a part named first, then what to do
#: to 'it' — the part said where 'it' is (its last 'it': 'is it possible' is no part).
_ASKING = re.compile(r".*\b(?:is|can|could|would|will)\s+it\b", re.I)   # 'is it possible': no part
_TOPIC_FIRST = re.compile(r"^(?:the\s+|my\s+)?(?P<topic>[\w-]+(?:\s+[\w-]+)?),\s+(?P<rest>.*\bit\b.*)$", re.I)
#: A part, then how much of a quality it gets ('First violin, a touch of vibrato.', 'Cello, a bit brighter too'): said
#: of the part, as 'first violin a touch of vibrato'.
_TOPIC_THEN_HOW = re.compile(r"^(?:the\s+|my\s+)?(?P<topic>[\w-]+(?:\s+[\w-]+)?),\s+(?P<rest>(?:a\s+(?:touch|bit|little|tad|lot)|some|more|"
                             r"less|much)\b[^,]*?|[a-z]+er)(?:,?\s+(?:too|as\s+well|also))?[.!]*$", re.I)


def topic_first(translator, line: str) -> list[Message] | None:
    """The messages of a line that names a part and then says what to do to 'it', read with the part said
    there ('the kick, tune it down' → 'tune the kick down'); None when the first words name no part now,
    or the line so said is refused too."""
    match = _TOPIC_FIRST.match(line.strip()) or _TOPIC_THEN_HOW.match(line.strip())
    if match is None:
        return None
    model, topic = translator.model, match["topic"]
    if not (names_part(topic, model) or nickname(topic.split()[-1], model) is not None):
        return None
    rest = match["rest"]
    its = [m for m in re.finditer(r"\bit\b", rest, re.I) if not _ASKING.match(rest, max(m.start() - 6, 0))]
    if match.re is _TOPIC_THEN_HOW and not its:
        its = [re.match("", rest)]                # (how much, said of the part: the part before it)
    elif len(its) != 1 or re.search(r",\s*(?:the|my)\s+[\w-]+(?:\s+[\w-]+)?,", rest, re.I):
        return None                               # ('the saw, bring it up and the kick, turn it down': whose 'it'?)
    at = its[0]
    said = f"{rest[:at.start()]}the {match['topic']}{' ' if at.end() == 0 else ''}{rest[at.end():]}"
    before = translator._state()
    try:
        messages = translator._translate_line(said)
    except LanguageError:
        translator._restore(before)
        return None
    translator.mapper.understood.insert(0, f"read as '{said}'")
    return messages


#: Words of a sentence that takes back, turns round or limits the request before it — never a remark passed over.
_TAKING_BACK = frozenset("""kidding joking joke bad mistake mistaken wrong reverse revert cancel scratch nevermind never mind
wait no not nope only just except instead rather opposite other way actually oops sorry undo forget""".split())


def _remark(sentence: str, model, after_a_request: bool = False) -> bool:
    """A sentence that names nothing the shell could act on: no part, module, param, number, note, quality
    or word of moving ('My knees are not what they were', 'That is a comfortable polka', 'Thank you') —
    and asks nothing ('who can tell me what this does?' is no remark to pass over)."""
    if sentence.rstrip().endswith("?"):
        return False
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[\w'#-]+", sentence.lower())]
    if after_a_request and any(w in _TAKING_BACK for w in words):
        return False                              # ('Mute the kick. Just kidding.', '… Only in the chorus.')
    names = content_words() | set(model.modules) | set(model.tracks) | set(NICKNAMES) | set(model.labels)
    if STEPS.search(sentence):
        return False                              # a step pattern ('tbel x..x..x..x..'): something to play
    return not any(re.search(r"\d", w) or w in names or w.rstrip("s") in names or w in _MOVES or w in COMPARATIVES
                   or w in ADJECTIVES or w in NUMBER_WORDS or is_note(w) and w != "a" for w in words)


__all__ = ["sentence_by_sentence", "topic_first"]
