"""Names a musician gives a sound in a label before a colon ('UI blip: sine, 1200 hz', 'impact:
kick, long decay'): the sound the line made answers to that name afterwards ('pan the blip left',
'distort the impact'). A label word the language already knows (a module, a param, 'bass') names
nothing new and is never taken. A part said next to the oscillator the line makes ('sine sub at 55', 'add a
square lead') names it too: 'the sub' is that sine afterwards, not another low voice."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from ..protocol.message import Message
from .errors import LanguageError
from .intents import Word, Words
from .musician_words import VOCATIVES
from .patch_model import PatchModel
from .resolve import BASS
from .units import is_note
from .vocabulary import is_known_word

#: (after a sentence of its own: 'ok new cue. wind: give me some pink noise' — the label is 'wind')
_LABEL = re.compile(r"^\s*(?:[^:.!?]{0,40}[.!?]\s+)?(?P<label>[A-Za-z][A-Za-z' -]{0,30}?)\s*:\s*\S")
_ROLES = ("source", "drum")
#: The part a new sound is said to be, without a colon ('sine sub at 55', 'add a square lead'): it answers to it.
_ROLE = re.compile(r"\b(?:sine|saw|square|triangle|noise)\s+(?P<a>sub|lead|pad|riser|stab|pluck)\b|"
                   r"\b(?P<b>sub|lead|pad|riser|stab|pluck)\s+(?:sine|saw|square|triangle|noise)\b", re.I)


def remember_label(line: str, messages: list[Message], model: PatchModel) -> None:
    """After a line 'LABEL: …' that created a sound, the label (and each unknown word of it) names it."""
    match = _LABEL.match(line)
    created = [str(m.args[0]) for m in messages if m.address == "/patch/create" and len(m.args) > 1
               and str(m.args[1]) in CATALOGUE and CATALOGUE[str(m.args[1])].spec.role in _ROLES]
    if match is None and len(created) == 1:           # 'sine sub at 55': the new sine is the sub from now on
        role = _ROLE.search(line)
        named = NEW_NAMED.match(line)                 # 'a square wave for the accordion, at g4': the accordion
        if (role or named) and CATALOGUE[_type_of(messages, created[0])].spec.role == "source":
            name = named.group("name") if named else role.group("a") or role.group("b")
            model.labels = {**model.labels, name.lower(): created[0]}
        return
    if match is None or not created:
        return
    words = [w for w in match.group("label").lower().split() if w not in _ARTICLES]
    if not words or any(is_known_word(w, tuple(model.modules) + tuple(model.tracks)) and not _only_a_verb(w)
                        for w in words[-1:]):
        return                                        # 'bass: saw 55 hz': the bass is a part already
    names = {" ".join(words), *(w for w in words if len(w) >= 3 and (not is_known_word(w) or _only_a_verb(w)))}
    model.labels = {**model.labels, **{name: created[0] for name in names}}


#: 'call the sine keys', 'name it piano', "let's call the saw the lead": a name the musician gives a part.
#: A drum machine's or a synth's model number said as a part's name ('the sine is the 808', 'call the saw 909').
_MACHINE = r"(?:808|909|707|606|303|101)s?\b"
_CALL = re.compile(r"^\s*(?:(?:ok|okay|now|and|so),?\s+)?(?:let'?s\s+|i'?ll\s+|please\s+)?(?:call|name|label|rename)\s+"
                   r"(?P<what>it|this|that|this\s+one|that\s+one|(?:the\s+|my\s+)?[\w-]+)\s+(?:as\s+|to\s+)?(?:the\s+|my\s+)?"
                   rf"[\"']?(?P<name>[a-z][\w-]*|{_MACHINE})[\"']?\s*[.!]?\s*$", re.I)
#: 'call it quits', 'call it a day', "let's call it done": the end of playing, never a name.
_CALL_IT_A_DAY = re.compile(r"^\s*(?:(?:ok|okay|now|and|so|right|alright),?\s+)?(?:let'?s\s+|i'?ll\s+|we'?ll\s+)?call\s+"
                            r"(?:it|this|that)\s+(?:quits|done|good|even|finished|over|there|a\s+(?:day|night|wrap|session))\b"
                            r"(?:\s+for\s+(?:now|today|tonight))?[\s.!]*$", re.I)


#: 'the sine is my theremin', 'the triangle will be the drone', 'use the saw as my fiddle': a name given in passing.
_IS_NAMED = re.compile(r"^\s*(?:(?:ok|okay|now|and|so|right),?\s+)?(?:(?:use|take)\s+)?(?P<what>(?:the\s+|my\s+)?[\w-]+)"
                       r"(?:\s+one)?(?:(?:'s|\s+(?:is|are|=|will\s+be|becomes|is\s+going\s+to\s+be|as))\s+(?:my|the|our)\s+|\s*=\s*|"
                       r"(?P<bare>\s+is\s+))"
                       rf"(?P<name>{_MACHINE}|[a-z][\w-]*(?:\s+(?!(?:part|voice|sound|now|today)\b)[a-z][\w-]*)?)"
                       r"(?:\s+(?:part|voice|sound|now|today))?\s*[.!]?\s*$", re.I)   # ('the bass strings': two words)
#: 'a square wave for the accordion, at g4', 'ok a sine as my theremin': a new sound made with its name.
NEW_NAMED = re.compile(r"^\s*(?:(?:ok|okay|so|now|and|then|right|alright),?\s+)*(?:(?:add|give\s+me|i\s+(?:want|need)|"
                       r"let'?s\s+(?:have|use|get)|use|make|take)\s+)?(?:an?|one|another)\s+(?:new\s+)?(?P<type>[a-z]+(?:\s+[a-z]+)?)"
                       r"(?:\s+(?:wave|synth|osc(?:illator)?|voice|sound))?\s+(?:for|as)\s+(?:the|my|our)\s+(?P<name>[a-z][\w-]*)"
                       r"(?:\s+(?:part|sound|voice))?(?:\s+then)?(?P<rest>(?:\s*,\s*|\s+)(?:at|on|in|tuned\s+to)\s+[^,]+)?\s*[.!]?\s*$",
                       re.I)


def new_named(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, 'add a square at g4') for a new oscillator made for a part the musician names ('ok a square wave for the accordion then, at g4'); None for an effect, or a name the language knows."""
    from .nicknames import NICKNAMES
    from .resolve import type_named

    match = NEW_NAMED.match(line)
    kind = type_named(tuple(match.group("type").lower().split())) if match else None
    name = match.group("name").lower() if match else ""
    if kind is None or CATALOGUE[kind].spec.role != "source" or _no_name(name) or \
            is_known_word(name, model.names()) and name not in NICKNAMES:
        return None
    rest = re.sub(r"^\s*,?\s*(?:tuned\s+)?", " ", match.group("rest") or "").rstrip()
    return f"a new {kind}, the {name} from now on", f"add a {kind}{rest}"      # (named after it: remember_label)


def name_given(line: str, model: PatchModel) -> str | None:
    """'call the sine keys': 'keys' names that sound from now on (as a label does); what was understood,
    or None when the line gives no name. A name the language knows already is refused (it would change
    what the word means everywhere)."""
    from .nicknames import NICKNAMES      # (a nickname given to one part: that one, no other)
    from .resolve import Resolver

    if _CALL_IT_A_DAY.match(line):
        raise LanguageError("that could mean 'stop' — or — 'quit': say which (the music stopped, or the shell left)",
                            0, (), line)
    match = _CALL.match(line)
    passing = _IS_NAMED.match(line) if match is None else None
    if passing is not None and passing.group("what").lower().split()[-1] in ("this", "that", "it", "these", "those", "here"):
        passing = None                                # 'this is my jam', "that's the vibe": a remark, no name
    if passing is not None and passing.group("bare") and (not _bare_name(passing.group("name").lower(), model) or
                                                          not _OSCILLATOR.fullmatch(passing.group("what"))):
        passing = None                                # 'sine is flat', 'the kick is boomy': how it is, no name
    said = (match or passing) and ((match or passing).group("what"), (match or passing).group("name"))
    if passing is not None and _name_first(*said, model):
        said = (said[1], said[0].split()[-1])        # 'the violão is the triangle': the name said first
    if passing is not None and (is_known_word(said[1], model.names()) and said[1].lower() not in (*NICKNAMES, BASS, *model.tracks)
                                and not _only_a_verb(said[1].lower())      # ('the noise is the wind': a name)
                                or _no_name_said(said[1].lower()) and said[1].lower() not in model.tracks):
        return None                                   # 'the kick is the loudest', 'the saw is my bass': no new name
    match = match or passing
    if match is None:
        return None
    what, name = said[0].lower(), _VOCATIVE_AT_END.sub("", said[1].lower())    # ('the saw is the bass bruv': 'bass')
    if not name:
        return None                                   # ('the kick is my bruv': no name)
    words = [w for w in what.split() if w not in ("the", "my", "one")]
    if not words:
        return None                                   # 'call the kick': no name given
    try:
        part = Resolver(model).module(Words(tuple(Word(w, match.start("what")) for w in words)), hints=False)
    except LanguageError:
        return None                                   # 'call it a day', 'name the session ...': not a part named
    if passing is not None and passing.group("bare") and name in model.tracks and model.tracks[name].target != part:
        return None                                   # ('sine is bass', the saw's track 'bass': no name said bare)
    if name == BASS:                                  # 'call it bass' with its filter in focus: the voice is the bass
        part = (model.voice_of(part) or [part])[0]
    elif name in model.tracks and model.tracks[name].target == part:
        return f"'{name}' is {part}'s track: it names {part} already"   # ('the sine is the jingle', its track 'jingle')
    elif name in model.tracks and any(word in _WHAT_IT_PLAYS for word in name.split()):
        raise LanguageError(f"'{name}' is the track {model.tracks[name].target} plays: to play it on {part}, add it there "
                            f"('/seq/add {name} {part} <pattern>')", match.start("name"), (), line)
    elif is_known_word(name, model.names()) and name not in (*NICKNAMES, *_ROLE_NAMES) and not _only_a_verb(name):
        raise LanguageError(f"'{name}' already means something here: give {part} a name of its own "
                            f"(e.g. 'call {what} {_EXAMPLE_NAME}')", match.start("name"), (), line)
    words = name.split() if len(name.split()) > 1 else []
    own = [w for w in words if len(w) >= 3 and not _no_name(w) and not is_known_word(w, model.names())]
    own += [w for w in _SHORT_FORMS.get(name, ()) if not is_known_word(w, model.names())]   # 'vibraphone': 'the vibes'
    model.labels = {**model.labels, name: part, **{w: part for w in own}}     # ('the tenor pan': 'the tenor' too)
    return f"'{name}' names {part} from now on"


_EXAMPLE_NAME = "blip"

#: The short names players use for an instrument, each way: a sound called the vibraphone is 'the vibes' too.
_SHORT = (("vibraphone", "vibes", "vibe", "vibraharp"), ("saxophone", "sax"), ("synthesizer", "synth"),
          ("synthesiser", "synth"), ("percussion", "perc"), ("vocals", "vox", "vocal"), ("glockenspiel", "glock"),
          ("keyboard", "keys"), ("keyboards", "keys"), ("contrabass", "upright"),
          ("double bass", "upright"), ("electric piano", "rhodes", "ep"), ("rhodes", "ep"), ("trombone", "bone"),
          ("baritone sax", "bari"), ("guitar", "gtr"), ("accordion", "squeezebox"))
_SHORT_FORMS = {group[0]: group[1:] for group in _SHORT} | {short: (group[0],) for group in _SHORT for short in group[1:]}


def _bare_name(name: str, model: PatchModel) -> bool:
    """'sine is ping', 'triangle is vco', 'saw is kamancheh' (no 'the', 'my'): a name only when the name of a part's role,
    a player's nickname for a part or a word the language does not know that is not shaped as how a thing is, and no
    other part's label already (nor its track: name_given) — never a word of how it sounds ('sine is flat', 'sine is
    inaudible', 'the kick is boomy', 'triangle is mud'), which bare may be any word."""
    from .nicknames import NICKNAMES

    if name in model.labels or " " in name:
        return False
    return name in (*_ROLE_NAMES, *NICKNAMES) or not is_known_word(name) and not name.endswith(_HOW_WORDS_END) and \
        name not in _STATES and name not in _HOW_IT_IS


#: The oscillators a name is given bare ('sine is ping', 'triangle is vco': a patcher's shorthand; never 'kick is dope').
_OSCILLATOR = re.compile(r"(?:sine|saw|square|triangle|noise|pulse|tri|sqr)\d*", re.I)
#: A part's role said as its name ('sine is ping', 'triangle is vco'), though the language knows the word.
_ROLE_NAMES = frozenset({"ping", "vco", "osc", "lead", "pad", "drone", "sub", "pluck", "stab", "blip", "beep", "keys", "bass"})
#: How words of a sound's character end ('boomy', 'tinnish', 'overdriven', 'atonal', 'inaudible', 'hollow'): no name bare.
_HOW_WORDS_END = ("y", "ish", "ed", "en", "er", "ly", "est", "ing", "al", "ic", "ent", "ant", "ible", "able", "ow", "ous", "ive",
                  "less", "ful")
#: A part's state said bare ('sine is gone', 'triangle is mud'): never its name.
_STATES = frozenset({"gone", "missing", "dead", "broken", "fine", "good", "great", "bad", "wrong", "weird", "off", "out", "on",
                     "back", "done", "there", "here", "enough", "perfect", "ok", "okay", "mine", "ours", "nowhere", "meh", "mid",
                     "lit", "fire", "hot", "cold", "dull", "thin", "fat", "dark", "bright", "harsh", "dope", "tight", "sick",
                     "mint", "peak", "class", "wicked", "sweet", "nuts", "insane", "unreal", "bomb", "awesome", "amazing",
                     "ugly", "terrible", "awful", "boring", "loud", "mud", "mush", "trash", "garbage", "rubbish", "crap",
                     "mono", "stereo", "static", "first", "last", "next", "below", "above", "warm", "thick", "mellow", "worse"})
#: A vocative after a name ('the saw is the bass bruv'): no part of it.
_VOCATIVE_AT_END = re.compile(rf"(?:\s+(?:{'|'.join(sorted(VOCATIVES - {'man'}))}))+$|"   # ('the bass man': a name)
                              rf"^(?:{'|'.join(sorted(VOCATIVES))}|yeah)$")


def _no_name_said(name: str) -> bool:
    """How a part is or what it plays ('the loudest', 'the main melody'), not a name — 'rhythm guitar' is one."""
    words = name.split()
    if _no_name(words[-1]) or words[0] in _WHICH_ONE or words[0].endswith("est"):
        return True                                   # ('the loudest drum', 'the only pad', 'the main bass')
    return _no_name(words[0]) and not (words[0] in _WHAT_IT_PLAYS and _an_instrument(words[-1]))


_WHICH_ONE = frozenset({"only", "other", "main", "same"})


def _an_instrument(word: str) -> bool:
    """'rhythm guitar', 'melody synth': a player's name for an instrument, though its first word says what it plays."""
    from .nicknames import NICKNAMES      # (an instrument's nickname: the sound it stands for)
    return word in NICKNAMES or word in _SHORT_FORMS or word in _MORE_INSTRUMENTS


#: Instruments the nicknames do not list (they name no sound of their own).
_MORE_INSTRUMENTS = frozenset("guitars synth bass horns horn drum drums voice vox harp banjo mandolin ukulele uke".split())


def _name_first(what: str, name: str, model: PatchModel) -> bool:
    """'the violão is the triangle', 'caixa is the snare': a word the language knows not, then a sound of the patch."""
    from .resolve import type_named

    first = what.lower().split()[-1]
    return not is_known_word(first, model.names()) and len(name.split()) == 1 and \
        (name.lower() in model.modules or type_named((name.lower(),)) in model.modules.values())


def _only_a_verb(word: str) -> bool:
    """A word the language knows only as one of its own verbs or small words ('wind' as in 'wind it down'): a sound may
    be called so ('wind: pink noise'), read as that sound only where a name stands ('the wind', "wind's", 'wind and …').
    Never a module's, a param's or a part's word, nor a section of the music ('drop', 'break')."""
    from .vocabulary import module_words

    return word.isalpha() and len(word) >= 3 and word not in module_words() and not _no_name(word) and \
        word not in _CHANGES and is_known_word(word) and not is_note(word)


#: What follows a verb said first ('wind it down', 'wind down the tempo', 'wind back'): any other word after a sound's
#: name said first is about that sound ('wind gain 0', 'wind louder', 'wind color pink').
_AS_A_VERB = r"(?:it|them|this|that|things|everything|down|up|back|the|a|an|some|on|off|out|in)\b"


def _type_of(messages: list[Message], module_id: str) -> str:
    return next(str(m.args[1]) for m in messages if m.address == "/patch/create" and str(m.args[0]) == module_id)


def with_labels(line: str, model: PatchModel) -> str:
    """The line with each label naming a sound still in the patch said as that sound: its type's word when it is the
    only one of its type ('melody on the theremin: …' as '… on the sine: …', the words every phrasing knows), else its
    id. A label said again before a colon ('blip: …') is a label line, left as it is."""
    names = [n for n, module_id in model.labels.items() if module_id in model.modules
             and n not in model.tracks and n != BASS]    # a track of that name is what the word names ('sygyt' the
    #                                                      track); 'bass' is the bass part's word already (resolve.py)
    if _SESSION_LINE.match(line) or line.lstrip().startswith("/"):
        return line                                   # 'save as my jam', 'load theremin': a session's name as said;
    #                                                   a raw message names its track as written ('/seq/add sygyt …')
    label = _LABEL.match(line)
    if not names or label and " ".join(w for w in label.group("label").lower().split() if w not in _ARTICLES) in names:
        return line
    verbs = [n for n in names if _only_a_verb(n)]     # ('wind: pink noise': 'the wind', never 'wind it down')
    plain = "|".join(re.escape(n) for n in sorted(set(names) - set(verbs), key=len, reverse=True))
    named = "|".join(re.escape(n) for n in verbs)
    pattern = re.compile("|".join(([rf"\b(?P<plain>{plain})\b"] if plain else []) +
                                  ([rf"\b(?:the|my|our|this|that)\s+(?P<verb>{named})\b(?!\s+(?:it|them|this|that)\b)|"
                                    rf"\b(?P<owner>{named})(?='s\b|\s+and\b)|"
                                    rf"^(?P<first>{named})(?=\s+(?!{_AS_A_VERB})[a-z])"] if named else [])), re.I)

    def said_as(match: re.Match) -> str:
        name = next(n for n in match.groupdict().values() if n)
        return match.group(0)[:match.group(0).lower().rindex(name.lower())] + _said_as(model, model.labels[name.lower()])
    return pattern.sub(said_as, line)


_ARTICLES = ("a", "an", "the", "my", "some")
_SESSION_LINE = re.compile(r"^\s*(?:save|load|open|delete|remove\s+session|overwrite|rename)\b(?=.*\b(?:as|session|called)\b|"
                           r"\s+\S+\s*$)", re.I)
def _no_name(word: str) -> bool:
    """'the kick is the loudest', 'the sine is the melody', 'the saw is my favourite': how it is or what it plays."""
    return word in _WHAT_IT_PLAYS or word.endswith(("est", "ly")) or word in _HOW_IT_IS


_HOW_IT_IS = frozenset({"one", "problem", "issue", "same", "thing", "main", "star", "favourite", "favorite", "best", "worst",
                        "culprit", "winner", "key", "point", "idea", "plan", "goal", "boss", "king", "queen", "hero",
                        # the music itself, or a section of it ('this is my jam', 'that's the vibe', 'for the song')
                        "jam", "vibe", "song", "track", "tune", "piece", "verse", "chorus", "bridge", "intro", "outro",
                        "drop", "break", "breakdown", "session", "mix", "sound", "music", "set", "end", "start", "way"})
#: What a part plays, never its name ('the sine is the melody': 'melody on the triangle: …' still a melody).
_WHAT_IT_PLAYS = frozenset({"melody", "tune", "riff", "line", "hook", "notes", "note", "chords", "chord", "arp", "arpeggio",
                            "ostinato", "bassline", "harmony", "rhythm", "beat", "groove", "part", "loop", "solo", "pitch"})
#: How a sound changes over time: 'stop the fade' is about the change, so never a sound's name ('fade: …').
_CHANGES = frozenset({"fade", "swell", "sweep", "ramp", "build", "crescendo", "diminuendo"})


def _said_as(model: PatchModel, module_id: str) -> str:
    kind = model.modules[module_id]
    return kind.replace("_", " ") if model.of_type(kind) == [module_id] else module_id


#: A chord name as a lead sheet writes it, capital root first ('Ab', 'Bb7', 'F#m', 'G/B'); 'C4' (an octave) is a note.
_CHORD_NAME = r"[A-G](?:#|b|♯|♭)?(?:(?:m|maj|min|dim|aug|sus|add|M|°|ø|\+)[\w#+°ø]*|6|7|9|11|13)?(?:/[A-G](?:#|b)?)?"
_SECTION_CHORDS = re.compile(rf"^\s*(?P<label>[A-Za-z][A-Za-z' -]{{0,30}}?)\s*:\s*(?P<chords>{_CHORD_NAME}(?:[\s,|-]+{_CHORD_NAME})*)"
                             r"\s*[.!]?\s*$")


def labelled_chords(line: str, model: PatchModel) -> tuple[str, str] | None:
    """'amen: Ab Eb', 'verse: G C D G': chord names after a label that names no part are chords (the chord
    part's, or asked), never a melody's notes overwritten."""
    match = _SECTION_CHORDS.match(line)
    if match is None:
        return None
    words = [w for w in match.group("label").lower().split() if w not in _ARTICLES]
    if not words or any(is_known_word(w, tuple(model.modules) + tuple(model.tracks) + tuple(model.labels)) for w in words):
        return None                                   # 'flute: E D C': the flute's notes
    chords = re.sub(r"[\s,|-]+", " ", match.group("chords")).strip()
    _no_melody_overwritten(chords, model)
    return f"'{match.group('label').strip()}:' a label — {chords} read as chords", f"chords {chords}"


def _no_melody_overwritten(chords: str, model: PatchModel) -> None:
    """Chords with no chord part yet, the part in focus playing a melody: asked where, the melody kept."""
    if any(any("+" in str(n) for n in t.notes) for t in model.tracks.values()):
        return                                        # a chord part: the harmony's own question or change
    focus = model.voice_of(model.focus)
    melody = next((name for name, t in model.tracks.items() if t.target in focus and t.notes), None)
    if melody is None:
        return
    others = [v[0] for v in model.voices() if v[0] not in focus and CATALOGUE[model.modules[v[0]]].spec.role == "source"]
    where = f"'chords {chords.lower()} on {others[0]}'" if others else f"'add a triangle called keys', then 'chords {chords.lower()} on keys'"
    raise LanguageError(f"{focus[0]} plays a melody (the {melody} track) — chords where? {where}, or 'chords {chords.lower()} on "
                        f"{focus[0]}' to replace the melody", 0)


__all__ = ["labelled_chords", "remember_label", "with_labels"]
