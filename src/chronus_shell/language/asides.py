"""Words around a command that carry no instruction, left out for the second stage (and said so):
a colouring clause ('decay 30ms, real plucky'), a reason ('less verb, it's washing out the
snare'), a label before a colon ('sub: sine 40hz'), a description before the request ('the sine
is a bit harsh, take it down an octave')."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .param_words import COMPARATIVES
from .musician_words import SLANG
from .nicknames import NICKNAMES, STAND_INS
from .resolve import type_named
from .patch_model import PatchModel
from .remarks import DOING, STEPS
from .units import is_note
from .vocabulary import is_known_word, module_words
from .word_order import comparative_of


#: Words for the sequencer's own settings: a clause naming one is never an aside ('lazy swing, like 55%').
_SEQUENCER_PARAMS = {"swing", "shuffle", "tempo", "bpm", "groove"}
#: Words tying a setting to the beat: a clause with one says how, never only colours ('synced to the beat').
_TIMING = {"sync", "synced", "synched", "synchronised", "synchronized", "clock", "clocked", "grid", "quantised",
           "quantized", "triplet", "triplets", "dotted", "beat", "beats", "bar", "bars", "bpm", "tempo",
           "sixteenth", "sixteenths", "eighth", "eighths", "quarters", "semiquavers", "quavers", "crotchets", "32nds"}


#: A chord or a note named by its letter ('try C, A minor, …'): never chatter.
_CHORD_NAME = re.compile(r"[a-g](?:#|b|♯|♭)?(?:m|min|maj|dim|aug|sus[24]?|add)?\d{0,2}(?:/[a-g](?:#|b)?)?")
#: Words that say when (or for how long): a part holding one is timing, never left out as an aside
#: ('at the next barline, …', '… for the rest of the bar').
_SAYS_WHEN = re.compile(r"\b(?:after|before|until|till|til|next|every|during|"
                        r"bars?|bar-?lines?|beats?|downbeats?|measures?|takts?|now|later|soon|"
                        r"seconds|secs?|minutes)\b|\d", re.I)


#: A side of the stereo field ('banjo to the right, chords left'): a pan asked of what the clause names, never colour.
_A_SIDE = re.compile(r"\b(?:to|on|at|in)\s+the\s+(?:left|right|cent(?:re|er)|middle)\b|\s(?:left|right|cent(?:re|er))$|"
                     r"\bpan(?:ned)?\b", re.I)                      # ('ok right, that's good': chatter)
#: A count of repeats ('one repeat', 'no echoes'): a delay's feedback asked for, never only colour.
_COUNTED = re.compile(r"\b(?:one|two|three|four|a\s+single|single|no)\s+(?:repeats?|echo(?:es)?|reflections?)\b", re.I)


def without_asides(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'decay 30ms, real plucky': a clause that only colours the request (a word nobody knows,
    and no module, param, value or note; not an adverb of a known word, 'slowly') is left out, and said so."""
    clauses = [c.strip() for c in text.split(",")]
    if len(clauses) < 2:
        return None
    extra = tuple(model.modules) + tuple(model.tracks)
    content = module_words() | set(extra) | _SEQUENCER_PARAMS | _TIMING | set(STAND_INS)   # ('tek more sharp' names the tek)
    asides = [c for c in clauses if c and len(c.split()) <= 4 and not _SAYS_WHEN.search(c)
              and any(not is_known_word(w, extra) and w not in SLANG for w in c.lower().split())
              and not any(w.endswith("ly") and is_known_word(w[:-2], extra) for w in c.lower().split())
              and not _COUNTED.search(c) and not _EXCEPTING.search(c) and not _A_SIDE.search(c) and not _CORRECTING.search(c)
              and not _OUT_OF_TUNE.search(c) and not _ACTING_FEEL.search(c)
              and not _UNKNOWN_CHANGED.match(c)                        # ('the tbel deeper': a part unknown, changed)
              and not _RESTORING.search(c)                             # ('too fast. normal again': what it asks for)
              and not DOING.match(c) and c.split()[0].lower() != "from"     # ', doubling the first', ', from pp'
              and not STEPS.search(c)                                  # ('x . x .': steps to play)
              and (_STYLE_LABEL.fullmatch(c) or not any(w in content or re.search(r"\d", w) or is_note(w) or
                                                         _CHORD_NAME.fullmatch(w) for w in c.lower().split()))]
    qualities = {a: _as_comparative(a, text) for a in asides if _as_comparative(a, text)}
    asides = [a for a in asides if a not in qualities]
    kept = [qualities.get(c, c) for c in clauses if c and c not in asides]
    if not kept or not asides and not qualities:
        return None
    if asides and clauses[0] in asides and all(re.fullmatch(r"(?:quieter|louder|softer)", k, re.I) for k in kept) \
            and not any(is_known_word(w, extra) for w in clauses[0].lower().split() if w not in ("more", "less", "a", "bit")) \
            and not _STYLE_LABEL.fullmatch(clauses[0]):   # ('bacalhau mais baixinho, softer': 'more' names nothing)
        return None                           # 'vinyl crackle underneath': the thing said quieter is not in the patch
    said = [f"{', '.join(repr(a) for a in asides)} left out"] if asides else []
    said += [f"{a} → {q}" for a, q in qualities.items()]
    named = next((w for a in asides for w in re.findall(r"[a-z0-9]+", a.lower()) if w in NICKNAMES), None)
    if named is not None:                     # 'the beep is annoying, lower it': it is the beep
        kept = [_PRONOUN.sub(f"the {named}", k, count=1) for k in kept]
    return "; ".join(said), ", ".join(kept)


_PRONOUN = re.compile(r"\b(?:it|that|them)\b", re.I)
#: A clause that asks for what was before ('normal again', 'back to normal', 'as it was'): the request itself.
_RESTORING = re.compile(r"\b(?:normal|as\s+(?:it\s+)?(?:was|were|before)|original(?:ly)?)\b|^back\b", re.I)
#: A clause that changes what it names first ('the tbel deeper', 'my zorg way louder'): a command, never colour.
_UNKNOWN_CHANGED = re.compile(r"^(?:the\s+|my\s+)?[a-z][\w'-]*\s+(?:\w+\s+)?(?:" + "|".join(sorted(COMPARATIVES)) + r")$", re.I)
#: A style named after a change ('…, soca style', '…, dub vibes'): what the music is, not what to change.
_STYLE_LABEL = re.compile(r"(?:(?:a|an|the|some|proper|real)\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+(?:style|vibes?|feel|ting|mode)", re.I)
#: A feel the sequencer plays ('tempo 96, shuffle feel', '…, half-time feel'): a change, never a label of the music.
_ACTING_FEEL = re.compile(r"\b(?:shuffle|shuffled|shuffly|swing|swung|swingy|straight|half[\s-]?time|double[\s-]?time)\s+(?:feel|vibe|groove)\b", re.I)
#: A clause that says a part is out of tune ('the drones are flat, bring them up'): what the command moves — its pitch.
_OUT_OF_TUNE = re.compile(r"\b(?:is|are|sounds?|'s|'re)\s+(?:a\s+(?:bit|little|touch|tad)\s+|slightly\s+|way\s+|too\s+)?(?:flat|sharp)\b|"
                          r"\bout\s+of\s+tune\b|\boff[\s-](?:key|pitch)\b|\bpitchy\b", re.I)
#: A clause that keeps or leaves out a part ('everybody out, just the tenor'): an instruction, never chatter.
#: A clause that corrects the command ('…, i meant down', '…, my bad, up'): never chatter — the line is asked again.
_CORRECTING = re.compile(r"\b(?:i\s+mean|i\s+meant|my\s+bad|my\s+mistake|oops|sorry)\b", re.I)
_EXCEPTING = re.compile(r"\b(?:just|only|except|but|without|apart\s+from|save\s+for)\b|\bnot\s+(?:the|my)\b", re.I)


_INTENSIFIERS = frozenset({"real", "really", "very", "super", "so", "more", "extra", "nice", "and"})


def _as_comparative(clause: str, line: str) -> str | None:
    """'huge' after 'reverb 100% wet': a clause naming only a quality the language moves (its
    comparative) on a param the line does not set — on one it sets it only describes that value
    ('decay 30ms, real plucky')."""
    words = [w for w in clause.lower().split() if w not in _INTENSIFIERS]
    comparative = comparative_of(words[0]) if len(words) == 1 else None
    if comparative is None or any(re.search(rf"\b{p}\b", line, re.I) for p in COMPARATIVES[comparative][1]):
        return None
    return comparative


_REASON = re.compile(r"(?:,\s*|\s+)(?:so\s+(?:that\s+)?(?:it|they|i|we|you|the\s+\w+)\b|because\b|cause\b|cos\b|coz\b|"
                     r"it'?s\s+(?!cutoff|resonance|decay|gain|level|pitch)\w+ing\b|they'?re\b|that'?s\b|"
                     r"(?:(?<=,)|(?<=,\s))\s*(?:it'?s|it\s+is|this\s+is)\s+(?:a|an|for|my|our|just)\s+\w+).*$", re.I)   # ', its a ballad'


def without_reason(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'less verb, it's washing out the snare', 'an lfo on the hat tone so they move a bit': the
    reason said after a command is left out (said so), the command stays; so is a remark after a
    comma ('no swing, dnb is straight', 'turn off the delay, there are no echoes in church')."""
    match = _REASON.search(text) or _remark(text, model)
    if match is None or match.start() == 0 or _SAYS_WHEN.search(match.group(0)):
        return None
    return f"'{match.group(0).strip(', ')}' left out", text[:match.start()].strip(" ,")


#: A statement after a comma: something is (or is not) so — a remark, not a request.
_STATEMENT = re.compile(r",\s*(?:there(?:'?s|\s+is|\s+are|\s+were|\s+was)|(?:the\s+|my\s+|our\s+|this\s+|that\s+)?"
                        r"(?P<subject>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:is|are|isn'?t|aren'?t|don'?t|doesn'?t|do\s+not|"
                        r"does\s+not|was|were|wasn'?t|never|always|usually|has|have|had))\b(?P<said>.*)$", re.I)
#: What makes a statement a request after all: a value, a pattern, 'too …', a direction.
_ASKS = re.compile(r"\d|[xX.]{4}|\b(?:too|up|down|more|less|louder|quieter|on|off)\b", re.I)


def _remark(text: str, model: PatchModel) -> re.Match | None:
    """'…, dnb is straight', '…, the stone walls are bright': a statement about no part of the
    patch (its subject names none) that asks nothing (no value, no 'too', no direction)."""
    match = _STATEMENT.search(text)
    if match is None or _ASKS.search(match.group(0)) or any(is_note(w) for w in match.group("said").split()):
        return None
    subject = (match.group("subject") or "").lower().split()
    names = module_words() | set(model.modules) | set(model.tracks) | set(NICKNAMES) | {"it", "they", "that", "this"}
    if any(w in names or w.rstrip("s") in names for w in subject):
        return None
    return match


_PURPOSE = re.compile(r"(?:,\s*|\s+)(?P<why>for\s+(?:the|a|an|that|this|some|more|extra|my|our)\s+[\w\s'-]+|"
                      r"to\s+(?:tune|check|test|warm\s+up|match|compare|practi[cs]e|sing\s+along|accompany)\s+[\w\s'-]+|"
                      r"for\s+(?:last|next|first|final|second|third|each|every)\s+[\w\s'-]+|"
                      r"for\s+(?:thick(?:ness)?|fat(?:ness)?|width|warmth|weight|clarity|presence|punch|air|space|depth|energy|lift|"
                      r"momentum|impact|headroom|balance|masking|safety|comfort|calm|focus|reference)|"
                      r"while\s+(?:i|we|you|they|he|she|the\s+\w+)\s+(?:talk|speak|sing|solo|tune|think|announce|explain|count|read|"
                      r"introduce|pray|preach)\w*(?:\s+[\w\s'-]+)?|"
                      r"for\s+(?:an?\s+|the\s+|that\s+)?[a-z]+\s+(?:feel(?:ing)?|vibe|style|sound|mood|flavou?r|colou?r)|"
                      r"for\s+(?:tension|drama|effect|fun|contrast|atmosphere|mood|vibes?|texture|colou?r|[a-z][a-z-]+(?:ton|ing|ic|ness|core|step|hop|house|wave)|"
                      r"(?:techno|trance|jungle|garage|dub|reggae|funk|jazz|disco|trap|drill|grime|lo-?fi|metal|rock|pop|edm|dnb))|"
                      r"(?:it'?s|it\s+is|this\s+is|that'?s)\s+(?:a|an|the|just|my|our|for)\b[\w\s'-]*)$", re.I)


_ARTICLES = {"a", "an", "the", "that", "this", "some", "my", "our", "is", "it's", "its", "just", "for", "not", "in"}


#: A beat or a time unit named by its kind, not counted ('for the train beat', 'for the double seconds' — a steel band's
#: pans): no when.
_WHEN_NAMED = re.compile(r"\b(?!(?:the|a|an|one|each|every|last|next|first|final|this|that|per)\b)[a-z][\w'-]*\s+"
                         r"(?:beats?|seconds)\b", re.I)
#: The music itself said in a purpose ('for the bossa tune'): no part named.
_THE_MUSIC = frozenset({"tune", "song", "number", "piece"})


def without_purpose(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'mute the kick for the breakdown', 'snare quieter, it's a ballad': what the change is for
    is left out (said so) — when it names no part, param or value ('reverb for the hats' says where)."""
    match = _PURPOSE.search(text)
    if match is None or match.start() == 0 or _SAYS_WHEN.search(_WHEN_NAMED.sub("", match.group("why"))):
        return None
    content = (module_words() | set(model.modules) | set(model.tracks) | _SEQUENCER_PARAMS | set(NICKNAMES)) - _THE_MUSIC
    said = re.findall(r"[\w'-]+", match.group("why").lower())           # (\w: 'fouettés' is one word)
    words = [w for w in said[2 if said[0] == "to" else 1:] if w not in _ARTICLES]   # ('to tune the band': its verb is no part)
    if any(w in content or w.rstrip("s") in content or re.search(r"\d", w) or is_note(w) for w in words):
        return None
    return f"'{match.group('why').strip()}' left out", text[:match.start()].strip(" ,")


def without_label(text: str, model: PatchModel, parts) -> tuple[str, str] | None:
    """'lets go full acid: cutoff 300, reso 90%', 'dub siren: square …': a label before a colon
    that names no part is left out. Each: (how it was read, the rest of the line)."""
    label, colon, rest = text.partition(":")
    words = label.lower().split()
    if not colon or not rest.strip() or len(words) > 4:
        return None
    names = module_words() | set(parts()) | set(model.labels) | {"bass", "drums"}
    if any(w in names or w.rstrip("s") in names for w in words):
        return None
    if any(re.search(r"\d", w) or w.rstrip("s") in _WHEN_WORDS for w in words):
        return None                               # 'launch quantize 2 bars:' says when or how much: never dropped
    return f"'{label.strip()}:' left out", rest.strip()


#: Words that make a label say when (a label holding one, or a number, is not an aside).
_WHEN_WORDS = frozenset({"bar", "beat", "now", "next", "later", "quantize", "quantise", "after", "before",
                         "until", "every", "second", "minute"})


_NOTE = re.compile(r"^[a-g](?:#|b|s)?-?\d$", re.I)
_ON_PART = re.compile(r"\s+on\s+(?:the\s+|my\s+)?(\w+)$", re.I)


_LENGTH = r"(?:quarter|eighth|sixteenth|half|whole)s?(?:\s+notes?)?|(?:8th|16th)s?(?:\s+notes?)?|crotchets|quavers|semiquavers|minims"
_LENGTH_AFTER = re.compile(rf",\s*(?:slow|fast|steady|even)?\s*({_LENGTH})[\s.!]*$", re.I)
#: A length said in the label ('Viola, the passage in crotchets: c4 d4 eb4'): the notes' length, never left out.
_LENGTH_IN_LABEL = re.compile(rf"\b(?:in\s+)?({_LENGTH})\b", re.I)
_BRITISH = {"crotchets": "quarter notes", "quavers": "eighth notes", "semiquavers": "sixteenth notes", "minims": "half notes"}


def _note_length_after(rest: str, label: str) -> tuple[str, str | None]:
    """The notes and a note length said after them ('…, slow quarter notes') or in the label, else the text as it is."""
    match, said = _LENGTH_AFTER.search(rest), _LENGTH_IN_LABEL.search(label)
    length = match.group(1) if match else said.group(1) if said else None
    return (rest[:match.start()] if match else rest), length and _BRITISH.get(length.lower(), length)


def label_names_part(text: str, model: PatchModel, parts) -> tuple[str, str] | None:
    """'melody on the sine: e5 d5 c5', 'boom bap kick: x.......x.x.....', 'sequencer: a1 c2 d2':
    the label says whose notes or steps follow (a part named in it, or after the list; else the bass)."""
    label, colon, rest = text.partition(":")      # ('Viola, the passage in crotchets:', "the first violin's line:")
    words, rest = [re.sub(r"'s$", "", w) for w in re.findall(r"[a-z0-9'-]+", label.lower())], rest.strip()
    if not colon or not rest or len(words) > 5 or not re.fullmatch(r"[a-z][a-z0-9\s,'-]*", label.strip(), re.I):
        return None
    names = set(parts()) | {"bass"} | {w for w in words if _a_drum(w)}      # 'boom bap kick:' with no kick yet: one
    on_label, on_rest = _ON_PART.search(label), _ON_PART.search(rest)
    if on_rest:
        rest = rest[:on_rest.start()]
    absent = [t for t in (type_named((w,)) for w in words) if t and not model.of_type(t) and CATALOGUE[t].spec.role == "source"]
    if absent and not on_rest:                        # 'melody on a square wave: …' with no square: never the bass
        return None
    named = [w for w in words if w in names]
    if "," in label and len(set(named)) > 1:
        return None                               # ('Piano, like the kick: x...x...': whose steps?)
    part = (on_label or on_rest).group(1) if (on_label or on_rest) else named[-1] if named else \
        "bass" if "bass" in model.tracks else None
    rest, length = _note_length_after(rest, label)
    tokens = rest.replace(",", " ").split()
    if part is None or not tokens:
        return None
    if length and all(_NOTE.match(t) for t in tokens):  # 'melody on the sine: d5 f5 e5, slow quarter notes'
        return f"'{label.strip()}:' notes for {part}, {length}", f"notes {' '.join(tokens).lower()} on the {part}, {length}"
    if all(_NOTE.match(t) for t in tokens) and re.search(r"\b(?:chord|stab|triad|voicing|stack)\b", label, re.I):
        return f"'{label.strip()}:' a chord on {part}", f"play {' '.join(tokens)} together on the {part}"
    if all(_NOTE.match(t) for t in tokens):           # (rests among notes would rewrite the part's rhythm)
        return f"'{label.strip()}:' notes for {part}", f"{part} notes {' '.join(tokens)}"
    if re.fullmatch(r"[xX.\-|~ ]{4,}", rest):
        return f"'{label.strip()}:' steps for {part}", f"{part} {rest}"
    return None


def _a_drum(word: str) -> bool:
    """A word naming a kind of drum ('kick', 'snare'): steps for it add one when there is none."""
    kind = type_named((word,))
    return kind is not None and CATALOGUE[kind].spec.role == "drum"


_DESCRIBED = re.compile(r"^(?:the\s+)?(?P<x>[a-z0-9_-]+(?:\s+[a-z0-9_-]+)?)\s+(?:is|are|sounds?|seems?|feels?|gets?)\s+"
                        r"[^,]+,\s*(?:so\s+|then\s+)?(?P<cmd>.+)$", re.I)


#: 'move it up a bit', 'turn it down': a move that names no setting (what it moves is in the words left out).
BARE_MOVE = re.compile(r"^(?:move|turn|bring|take|push|pull|put|go)?\s*(?:it|them|that)?\s*(?:up|down)\b(?:\s+(?:a\s+)?(?:bit|little|touch|lot))?$", re.I)


#: 'I made a mistake, undo that', 'we messed up, go back': what happened (past tense), then the request.
_HAPPENED = re.compile(r"^(?:i|we)\s+(?:made|did|messed|screwed|broke|went|got|\w+ed)\b[^,]*,\s*(?:so\s+|then\s+)?(?P<cmd>.+)$",
                       re.I)


def described_then_asked(text: str) -> tuple[str, str] | None:
    """'The sine is a bit harsh, could you take it down an octave?': the request, with 'it' (or
    'them') the part described; 'I made a mistake, undo the last change': the request."""
    happened = _HAPPENED.match(text)
    if happened:
        return f"'{text[:happened.start('cmd')].strip(' ,')}' left out", happened.group("cmd")
    match = _DESCRIBED.match(text)
    if match is None:
        return None
    part, command = match.group("x"), match.group("cmd")
    if (part.lower() in ("it", "that", "this", "they") or _OUT_OF_TUNE.search(text[:match.start("cmd")])) and BARE_MOVE.match(command):
        return None                               # "it's too low, move it up": its pitch or its level? not guessed ('the
                                                  # organ is sharp, bring it up': never its level — tuning_words.py)
    named = re.sub(r"\b(?:it|them|that|this)\b", f"the {part}", command, count=1, flags=re.I)
    if named == command and not any(w in module_words() for w in re.findall(r"[a-z0-9_]+", command.lower())):
        return None                               # 'the kick is a bit dull, brighter': whose? never the focus's
    return f"'{text[:match.start('cmd')].strip(' ,')}' left out", named


#: A simile after the change it colours: 'like a metal bar', ', like the patio', 'like a marching snare'.
_SIMILE = re.compile(r"(?:,\s*|\s+)(?:just\s+|kind\s+of\s+|sort\s+of\s+|a\s+bit\s+)?like\s+(?:a|an|the|some|in\s+a|in\s+the|on\s+a|"
                     r"at\s+the|we'?re|we\s+are|it'?s|it\s+is|they'?re|i'?m|you'?re)\s+[\w' -]+?(?=\s*,|$)", re.I)


def without_simile(text: str) -> tuple[str, str] | None:
    """'kick a bit deeper like the cajon bass': the change, its simile left out (said) — never a bare verb left
    ('play it like a waltz' is not 'play it')."""
    simile = _SIMILE.search(text)                         # (or before a value: 'kick long like an 808, 1 second')
    if simile and re.search(r"\bto\s+\d|\d\s*(?:bpm|bars?|beats?|%|hz|db|ms)\b", simile.group(0), re.I):
        return None                                       # ('like at a wedding up to 170': a value is no colour)
    rest = (text[:simile.start()] + text[simile.end():]).strip(" ,") if simile else ""
    if not rest or re.match(r"^(?:play|do|make|have|get|go)\b", rest, re.I) or re.search(r"\b(?:it|that|this|them)$", rest, re.I):
        return None
    return f"'{simile.group(0).strip(' ,')}' left out", rest



__all__ = ["without_simile", "without_asides", "without_reason", "without_purpose", "label_names_part", "without_label", "described_then_asked",
           "BARE_MOVE"]
