"""Texture words for how a sound feels, said the language's way for the second stage: crunchy, grainy, fuzzy, raspy
are drive ('crunchier' alone: more drive on the sound in focus, as 'dirtier' is); crispy, brilliant, sparkly are
brightness and murky, muffled darkness ('tame the highs', 'add some top end'); washy, roomy, spacious, shimmery are
reverb ('the pad washier': more reverb on it, one added if it has none); 'give it some room' (space, air) is more
reverb on it, 'give the bass some crunch' more drive. The grammar knows only its own comparatives ('dirtier',
'cleaner', 'brighter', 'darker') and 'more reverb on X': each form here is one of those, never a new param."""
from __future__ import annotations

import re

from .described_modules import described_module
from .missing_effects import absent_effect
from .chords import token_pitches
from .mapper_note_tracks import BASS_BELOW
from .patch_model import PatchModel
from .qualities import quality_request
from .rephrasings import rephrasings
from .part_naming import part_named
from .type_words import type_named

#: Stems of drive's textures ('crunchy', 'crunchier', 'some crunch').
_DRIVE = r"crunch|grain|fuzz|grung|rasp|hair|grit|dirt|filth"
#: The part the texture is of, or none ('it', 'this': the sound in focus).
_PART = r"(?:(?:it|this|that|them)|(?:the\s+|my\s+)?(?!(?:a|an|bit|little|some|more|less|too|way|much|everything|all)\b)(?P<part>[a-z][\w-]*))"
_HOW_MUCH = r"(?:(?:a\s+)?(?:bit|little|touch|tad|lot|lil)\s+(?:of\s+)?|some\s+|more\s+|lots\s+of\s+|plenty\s+of\s+|loads\s+of\s+)"
_COMPARED = (rf"(?:(?P<drive_er>{_DRIVE})(?:ier|er)|(?P<reverb_er>washier|roomier|spacier|shimmerier|airier|more\s+(?:washy|roomy|"
             rf"spacious|shimmery|shimmering|ambient))|more\s+(?P<drive_more>crunchy|grainy|fuzzy|grungy|raspy|hairy)|"
             rf"(?P<bright>crispier|sparklier|shinier|glassier|more\s+(?:crispy|brilliant|sparkly|shiny|glassy))|"
             rf"(?P<dark>murkier|more\s+(?:murky|muffled)))")
_FORMS = [re.compile(p, re.I) for p in (
    # 'crunchier', 'the bass a bit grainier', 'make the pad washier', 'more shimmery'
    rf"^(?:make\s+|get\s+)?(?:{_PART}\s+)?(?:{_HOW_MUCH})?{_COMPARED}(?:\s+please)?$",
    # 'crunchier bass', 'washier pad'
    rf"^(?:a\s+(?:bit|little|touch|tad)\s+)?{_COMPARED}\s+(?:on\s+)?(?:the\s+)?(?P<part>[a-z][\w-]*)$",
    # 'give it some room', 'give the bass some crunch', 'give the pad a bit more space to breathe'
    rf"^(?:give|add|put)\s+{_PART}\s+{_HOW_MUCH}*(?:(?P<drive_noun>crunch|grain|fuzz|grit|dirt|bite|filth)|"
    rf"(?P<reverb_noun>room|space|ambience|wash|shimmer)|(?P<air>air))(?:\s+to\s+breathe)?(?:\s+please)?$",
    # 'tame the highs', 'cut some of the top end on the pad', 'add some top end'
    rf"^(?:(?P<dark_cut>cut|tame|shave\s+off|take\s+off|lose|soften)|(?P<bright_add>add|give\s+(?:it|me)|more))\s+{_HOW_MUCH}?"
    rf"(?:of\s+)?(?:the\s+)?(?:highs|high\s+end|top\s+end|treble|top)(?:\s+(?:on|of|off)\s+(?:the\s+|my\s+)?(?P<part>[a-z][\w-]*))?$",
    # 'too washy', 'the pad is too roomy', 'less grainy'
    rf"^(?:(?:it'?s|it\s+is|{_PART}(?:\s+is|\s+are|\s+sounds?)?)\s+)?(?:(?:a\s+bit|way|much|far)\s+)?(?:too|less|not\s+so)\s+"
    rf"(?:(?P<drive_less>crunchy|grainy|fuzzy|grungy|raspy|hairy)|(?P<reverb_less>washy|roomy|spacious|shimmery|ambient))$",
)]


#: An effect said with its size on a part ('big reverb on the pad', 'a long echo on the sine'): one added there.
_SIZED_EFFECT = re.compile(r"^(?:an?\s+|some\s+)?(?P<size>big|huge|massive|lush|long|small|short|tiny|subtle|little|gentle|soft)\s+"
                           r"(?P<effect>reverb|delay|echo|distortion)\s+(?:on|to|for)\s+(?:the\s+|my\s+)?(?P<part>[a-z][\w-]*)$", re.I)


def texture_line(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line the grammar's way) for a texture asked of a sound (more reverb with none in the
    patch: one added), or an effect said with its size on a part without one; None for any other line."""
    sized = _SIZED_EFFECT.match(text.strip().rstrip("!."))
    if sized:
        part = part_named(sized.group("part").lower(), model)
        effect = type_named((sized.group("effect").lower(),))
        if part is None:
            return None
        line = f"add a {sized.group('size').lower()} {effect} to {part}"
        line = (described_module(line, model) or rephrasings(line, model)[:1] and rephrasings(line, model)[0] or (None, line))[1]
        there = [m for m in model.voice_of(part) if model.modules.get(m) == effect]
        if there:                                         # one there already: that one made so ('big reverb on the pad')
            size = line.partition(", ")[2]
            line = f"{there[0]} {size}" if size and len(there) == 1 else None
        return (f"{sized.group('size').lower()} {effect}: {line}", line) if line else None   # ('add a reverb to X, bigger')
    for form in _FORMS:
        match = form.match(text.strip().rstrip("!.").strip())
        if match is None:
            continue
        said = {k: v for k, v in match.groupdict().items() if v}
        part = said.get("part")
        of = f" on {'' if part[-1].isdigit() else 'the '}{part}" if part else ""
        if said.keys() & {"drive_er", "drive_more", "drive_noun"}:
            line = f"make the {part} dirtier" if part else "make it dirtier"
            line = (quality_request(line, model) or (None, line))[1]     # (a voice with no drive: a distortion added)
        elif said.keys() & {"reverb_er", "reverb_noun"}:
            if said.get("reverb_noun", "").lower() in ("room", "space") and _low_or_drum(part or model.focus, model):
                return None                               # (room for a kick or a bass is space in the mix: asked)
            line = f"more reverb{of}"
            line = (absent_effect(line, model) or (None, line))[1]
        elif said.keys() & {"bright", "bright_add", "dark", "dark_cut", "air"}:     # (air: a mixer's top end)
            way = "brighter" if said.keys() & {"bright", "bright_add", "air"} else "darker"
            line = f"make the {part} {way}" if part else way
        elif "drive_less" in said:
            line = f"{part} cleaner" if part else "cleaner"
        else:
            line = f"less reverb{of}"
        word = next(v for k, v in said.items() if k != "part") if not said.keys() & {"dark_cut", "bright_add"} else "the highs"
        return f"{word.split()[-1]}: {line}", line
    return None


def _low_or_drum(part: str | None, model: PatchModel) -> bool:
    """A drum, or a voice playing below C3 (a bass): room for it means space in the mix, not a reverb."""
    module = (part_named(part.lower(), model) or part) if part and part not in ("it", "this", "that", "them") else model.focus
    spec = model.spec(module) if module in model.modules else None
    notes = [p for t in model.tracks.values() if t.target in (model.voice_of(module) or [module]) for n in t.notes
             for p in (token_pitches(n) or ())]
    return spec is not None and (spec.role == "drum" or bool(notes) and max(notes) < BASS_BELOW or module == "bass")


__all__ = ["texture_line"]
