"""A line that only praises or thanks ('big tune', 'respect', 'what a tune', 'grazie mille'): no command hides in it.

Read word by word it would be one ('big tune' as 'tune bigger', a detune; 'what a tune' as a list of sessions), so it
is answered first: nothing changes, and the musician hears that the shell took it as praise."""
from __future__ import annotations

import re

from .remarks import taken_back

#: Words that praise or thank, in the languages the corpora's musicians used.
PRAISE = frozenset("""respect wicked banger bangers lovely beautiful gorgeous perfect awesome amazing great brilliant
excellent sick dope mint sweet nice cool superb fantastic fab bravo brava bravi bellissimo bellissima magnifique
magnifico thanks thank thx ty cheers gracias merci danke grazie obrigado obrigada ameseginalehu shukran choukran
love loving beaut massive tremendous yes""".split())
#: Words that may stand around praise without asking for anything.
AROUND = frozenset("""that that's thats this is it it's its so a an the what really very proper absolutely totally man
mate bro guys all everyone y'all you oh wow yeah up one tune tunes sounds sound sounding i we much lol haha big
just now mille beaucoup schön sehr om shanti asere qué que bueno muy muchas buenas vielen dank for""".split())


def praised(line: str) -> str | None:
    """The one-line answer to a line of praise or thanks alone, else None."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", line.lower())
    if not words or not all(w in PRAISE or w in AROUND for w in words) or words == ["yes"] or \
            not any(w in PRAISE for w in words) and words[-1] != "tune" and words[:2] != ["big", "up"]:
        return None                   # ('what a tune', 'big tune': praise of the tune; 'yes' alone answers a question)
    return f"glad you like it — nothing changed ('{line.strip()}' is praise, not a command)"


def nothing_asked(line: str, asked: bool) -> str | None:
    """The answer to a line that asks for nothing: one that takes itself back, or praise alone (unless it answers a
    question the shell asked); else None."""
    if (back := taken_back(line)) is not None:
        return f"ok — nothing changed ('{back}' takes the line back)"
    return None if asked else praised(line)


def after_praise(line: str) -> tuple[str, str] | None:
    """'nice, now more reverb', 'wicked! kick louder': (what was left out, the command after the praise), else None."""
    head, mark, rest = line.partition("," if "," in line.split("!")[0] else "!")
    if not mark or not rest.strip() or praised(head) is None or praised(rest) is not None:
        return None
    return f"'{head.strip()}' left out", rest.strip()


__all__ = ["after_praise", "nothing_asked", "praised"]
