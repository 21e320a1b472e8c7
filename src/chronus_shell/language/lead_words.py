"""The words a musician says before the line itself, declared once: a word taking back what was just said ('no',
'sorry', 'wait', a 'no' in their own language) and a word only opening the line ('ok', 'and', 'so', 'hmm'). Every
reader that lets them lead a line derives its pattern here, so a word one reader lets through leads every other."""
from __future__ import annotations

import re

#: The words that take back what was just said (a 'no' in the musician's own language too: nahin, nein, non, não, nee,
#: nej, nie, yok, bukan, khong, hapana, bu dui, hindi; a Scot's 'och').
TAKE_BACK = r"(?:no+|nope|nah|wrong|nahin|nahi|nein|non|não|nao|nee|nej|nie|yok|hayır|bukan|khong|thoi|hapana|bu\s+dui|bu|hindi|och|so?rr?y|oops|wait|actually|(?:please\s+)?forgive\s+me|pardon(?:\s+me)?|" \
            r"(?:i'?m|i\s+am)\s+sorry|my\s+(?:bad|mistake|fault)|correction|ah+|oh+|o+h|um+|hm+)"     # ('ah no, …', 'No, I'm sorry — …': the same second thought)
#: The words that only open a line ('ok, …', 'and …', 'hmm, …').
OPENERS = r"(?:ok(?:ay)?|alright|and|so|now|then|hmm+|um+|uh+|ah|oh|whoa|ugh)"


def leading(*more: str) -> str:
    """A run of them before a line ('no, ok, …'), each with its comma, stop or space; `more` a reader's own openers
    ('next', 'right' before a chord)."""
    return rf"(?:(?:{'|'.join((TAKE_BACK, OPENERS, *more))})[\s,.!]+)*"


#: The run with no reader's own openers.
LEAD = leading()

#: Words that make the words after a command a command of their own ('…, we mute the kick', '… so fade the strings'):
#: a reader leaving a remark out after its command leaves none of these out.
_COMMANDING = re.compile(r"\b(?:mute|unmute|solo|fade|swell|add|remove|delete|stop|start|pan|drop|bring|cut|kill|play|transpose|"
                         r"record|save|load|raise|lower|turn)\s+(?:the|my|it|them|everything|all|this|that|in|out|up|down)\b|"
                         r"\b(?:louder|quieter|softer|tempo|bpm|then)\b", re.I)


def commands_in(tail: str) -> bool:
    """The words after a command command something too ('…, we mute the kick', '… so fade the strings'); a clause
    saying when ('… when we cut the body loose') commands nothing."""
    return _COMMANDING.search(tail) is not None and not re.match(r"[\s,]*(?:when|while|as|before|after|until|till)\b", tail, re.I)


__all__ = ["LEAD", "OPENERS", "TAKE_BACK", "commands_in", "leading"]
