"""The wording of a refusal the second stage could not turn into a reading: a weak lookalike
('sweep' → 'sleep') or several words taken for one name ('no module called kick play twice') give
way to the nearest documented phrasing, so the musician sees a form that works."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from .errors import LanguageError
from .nearest import nearest_phrasing
from .nicknames import NICKNAMES, STAND_INS, nickname
from .resolve import Resolver
from .unavailable import not_here
from .vocabulary import module_words

#: Where a refusal with no nearer phrasing sends the musician: the shell's own help, at the prompt.
SEE_HELP = " ('help' lists what I know, 'help <area>' more)"


#: A rhythm typed with a symbol that is no step ('x.x.z.', 'x..xk...'): letters and dots, mostly x and dots.
_STEPS_WITH_A_SLIP = re.compile(r"(?<!\S)(?=[xX.\-|]*[^\sxX.\-|])(?=(?:[^\s]*[xX.]){3})[xX.\-|a-zA-Z]{4,}(?!\S)")


def _bad_step(line: str) -> LanguageError | None:
    """'play x.x.z.': the symbol that is no step named (the words around it are fine)."""
    for match in _STEPS_WITH_A_SLIP.finditer(line):
        token = match.group(0)
        bad = [c for c in token if c not in "xX.-|"]
        if len(bad) <= 2 and token.count(".") >= 2:
            at = match.start() + token.index(bad[0])
            return LanguageError(f"'{bad[0]}' in {token!r} is no step: a rhythm is x (hit), X (accent), . (rest) and "
                                 f"- (tie), e.g. '{token.replace(bad[0], 'x')}'", at, (), line)
    return None


#: Where a refusal worded without the patch names the mute of the part in focus (filled in by `naming_focus`).
FOCUSED_MUTE = "'mute <the part in focus>'"


def naming_focus(err: LanguageError, model) -> LanguageError:
    """A refusal's 'mute <the part in focus>' said with the part in focus now ('drop it' with the saw in
    focus: 'mute the bass', the track it plays; the part's name asked for when nothing is in focus)."""
    if FOCUSED_MUTE not in err.message:
        return err
    if model.focus not in model.modules:
        return LanguageError(err.message.replace(FOCUSED_MUTE, "'mute' and the part's name"), err.column, err.suggestions, err.line)
    voice = Resolver(model).focused_voice() or [model.focus]      # an lfo in focus: the voice it shapes
    track = next((name for name, t in model.tracks.items() if t.target in voice), None)
    said = err.message.replace(FOCUSED_MUTE, f"'mute the {track}'" if track else f"'mute {voice[0]}'")
    return LanguageError(said, err.column, err.suggestions, err.line)


def with_nearest(err: LanguageError, line: str, works=lambda text: True) -> LanguageError:
    """An unknown word whose lookalike is a weak guess ('sweep' → 'sleep') or does not make the line work ('dub the
    snare out' → 'db', 'brush the hats' → 'bitcrush': `works` says): the nearest documented phrasing instead, so the
    musician sees a form that works; a rhythm with a slip names the slip."""
    slip = _bad_step(line)
    if slip is not None:
        return slip
    missing = not_here(line)                       # 'duck the bass', 'render it': what can be done nearby
    if missing is not None:
        return LanguageError(missing, err.column, (), line)
    match = re.match(r"I don't know the word '([^']+)'(?: — did you mean ([^?]+)\?)?$", str(err))
    if not match:
        return _misread_name(err, line)
    word, guess = match.groups()
    leading = not guess and line.lower().split()[:1] == [word.lower()]     # 'tenderly open the filter': what follows may work
    closeness = SequenceMatcher(None, word, guess).ratio() if guess else 0.0 if leading else 1.0
    if guess and (_agent_noun_of(word, guess) or abs(len(word) - len(guess)) > 2):
        closeness = 0.0                              # ('brush' is no slip of 'bitcrush': another word)
    if (closeness >= 0.75 or (closeness >= 0.65 and guess in module_words())) and \
            (not guess or works(re.sub(rf"(?<![\w']){re.escape(word)}(?![\w'])", guess, line, count=1))):   # "zuttof" → cutoff
        return err
    example = nearest_phrasing(line)
    if example is None:
        return LanguageError(f"I don't know the word {word!r}{SEE_HELP}", err.column,
                             err.suggestions, line)
    return LanguageError(f"I don't know the word {word!r} — a phrasing I know: '{example}'", err.column,
                         err.suggestions, line)


def nickname_unread(err: LanguageError, line: str, model) -> LanguageError | None:
    """A refused line whose 'unknown word' is a voice's nickname ('pad rev 50%', 'sub too much, the acid
    bass'): never a lookalike of it ('pan', 'sus') — the part it names now, and the nearest phrasing for the rest."""
    match = re.match(r"I don't know the word '([^']+)'", str(err))
    if match and (match.group(1) in model.modules or match.group(1) in model.tracks):
        return _part_unread(match.group(1), line, model, err)
    if not match or match.group(1).lower() not in NICKNAMES.keys() | STAND_INS.keys():
        return None
    word, part = match.group(1), nickname(match.group(1).lower(), model)
    example = nearest_phrasing(line)
    rest = f" — a phrasing I know: '{example}'" if example else SEE_HELP
    if part is None:
        return LanguageError(f"'{word}' names a voice by what it plays, and none here is one yet: add one first "
                             f"(e.g. 'add a triangle'), or name the part{rest}", err.column, (), line)
    return LanguageError(f"'{word}' is {part} here, but I can't read the rest of the line{rest}", err.column, (), line)


#: Effects a line may name on a part, and the types that are one ('open the filter on the riser').
_EFFECTS = {"filter": ("filter", "acid_filter"), "reverb": ("reverb",), "delay": ("delay",), "echo": ("delay",),
            "distortion": ("distortion",), "envelope": ("adsr",), "adsr": ("adsr",)}


def _part_unread(word: str, line: str, model, err: LanguageError) -> LanguageError:
    """A part's own name refused as an unknown word ('open the filter on the riser' said 'did you mean raise?'): the
    part named, and an effect the line names that its voice has not, with the line that adds one."""
    module = word if word in model.modules else model.tracks[word].target
    voice = model.voice_of(module) or [module]
    lacking = [name for name, types in _EFFECTS.items() if re.search(rf"\b{name}\b", line, re.I)
               and not any(model.modules.get(m) in types for m in voice)]
    if lacking:
        return LanguageError(f"{word} has no {lacking[0]} — add one first ('add a {lacking[0]} to the {word}'), then say it "
                             f"again", err.column, (), line)
    example = nearest_phrasing(line)
    rest = f" — a phrasing I know: '{example}'" if example else SEE_HELP
    return LanguageError(f"'{word}' is {module} here, but I can't read the rest of the line{rest}", err.column, (), line)


#: A refusal naming words the grammar took for a module or a param name, with its lookalike if any.
_NAME_REFUSED = re.compile(r"^(?:no module called|no module has a param|unknown module type) '([^']+)'"
                           r"(?: — did you mean ([^?]+)\?)?(?P<rest>.*)$")


def _misread_name(err: LanguageError, line: str) -> LanguageError:
    """Several words taken for one name ('no module called kick play twice'), or one whose lookalike
    is a weak guess ('gate' → master): the nearest documented phrasing instead, when there is one."""
    match = _NAME_REFUSED.match(str(err))
    if not match:
        return err
    name, guess = match.group(1), match.group(2)
    closeness = SequenceMatcher(None, name, guess).ratio() if guess else 0.0
    if guess and len(name) > 2 and (closeness >= 0.75 or closeness >= 0.65 and guess in module_words()
                                    or name.startswith(guess)):
        return err                                   # 'cutof', 'sine wav': the lookalike is the answer
    if not guess and len(re.split(r"[ _]+", name.strip())) == 1:
        return err                                   # 'connect saw1 to nowhere': that one word is the answer
    example = nearest_phrasing(line)
    if example is None and guess:                    # 'gate' is not 'master': no lookalike rather than that one
        rest = match.group("rest") or SEE_HELP
        return LanguageError(str(err)[:match.end(1) + 1] + rest, err.column, err.suggestions, line)
    if example is None:
        return err
    return LanguageError(f"I can't place '{name.replace('_', ' ')}' — a phrasing I know: '{example}'{match.group('rest')}",
                         err.column, err.suggestions, line)


def _agent_noun_of(word: str, guess: str) -> bool:
    """'fader' for 'fade', 'slider' for 'slide', 'riser' for 'raise': a verb's doer (or a comparative) is another
    meaning, not a typo — a word ending in -er whose lookalike does not."""
    return word.lower().endswith("er") and not guess.lower().endswith(("er", "r"))


__all__ = ["with_nearest", "nickname_unread"]
