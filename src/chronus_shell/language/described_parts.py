"""Parts named by how they sound, as someone without a drummer's words names them: 'the deep drum'
(the kick), 'the sharp drum' (the snare), 'the tapping sound', 'the ticking thing', 'the tss one'
(the hats), 'that buzzing sound', 'the squelchy thing' (the bass line). Said as the part's name
only when the patch has that part (else the line is left for the usual refusal).
"""
from __future__ import annotations

import re

from .patch_model import PatchModel

_DET = r"\b(?:the|that|this|those)\s+"
_NOUN = r"(?:\s+(?:drum|one|sound|thing|noise))"
#: (how it is described, the part it means, the modules' type that plays it)
_DESCRIBED = [(re.compile(p, re.I), part, kind) for p, part, kind in (
    (_DET + r"(?:(?:deep|big|low|thumpy|thumping|booming|boomy)" + _NOUN + r"|boom(?:\s+one)?\b(?!\s+bap))", "kick", "kick"),
    (_DET + r"(?:sharp|snappy|clapping|cracking|slappy|crack)" + _NOUN, "snare", "snare"),
    (_DET + r"(?:high\s+)?(?:tapping|ticking|tick|tss+|tinkly|sizzly|sizzling|shimmery)" + _NOUN + r"?\b", "hats", "hat"),
    (_DET + r"(?:buzzy|buzzing|squelchy|squelching)" + _NOUN, "bass", None),
)]


#: A tone described ('the beeping', 'that whine', 'the humming sound'): the one oscillator droning on its own.
_TONE = re.compile(_DET + r"(?:beep(?:ing|s)?|bleep(?:ing|s)?|whin(?:e|ing)|whistl(?:e|ing)|hum(?:ming)?|ringing|"
                   r"droning|high[- ]pitched|piercing)" + _NOUN + r"?\b", re.I)


def described_parts(line: str, model: PatchModel) -> str:
    """The line with each part described by its sound said by its name ('the deep drum quieter' →
    'the kick quieter', 'the beeping' → the oscillator that drones); the same line when it describes
    none, or one the patch does not have (or two a tone could be)."""
    if line.lstrip().startswith("/"):
        return line
    own = set(model.modules) | set(model.tracks) | set(model.labels)
    if _TONE.search(line) and not _names_own(_TONE, line, own):
        tones = [v[0] for v in model.sounding_voices() if model.modules[v[0]] in _TONE_TYPES
                 and not any(t.target in v for t in model.tracks.values())]
        if len(tones) == 1:
            line = _TONE.sub(tones[0], line)
    for pattern, part, kind in _DESCRIBED:
        if pattern.search(line) and (part in model.tracks or kind is not None and kind in model.modules.values()) \
                and not _names_own(pattern, line, own):
            line = pattern.sub(lambda m: m.group(0) if _AMOUNT_BEFORE.search(line[:m.start()]) else f"the {part}", line)
    return line


def _names_own(pattern: re.Pattern, line: str, own: set[str]) -> bool:
    """A description that is a name the musician gave ('the hum' for a sine called hum): that part, as named."""
    return any(w in own for m in pattern.finditer(line) for w in m.group(0).lower().split()[1:])


_TONE_TYPES = frozenset({"sine", "saw", "square", "triangle"})
#: 'less of that squelchy sound': the quality, not the part.
_AMOUNT_BEFORE = re.compile(r"\b(?:less|more|no|much|too)\s+(?:of\s+)?$", re.I)


__all__ = ["described_parts"]
