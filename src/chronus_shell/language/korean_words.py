"""A Korean-speaking producer's words, said in English before any reading ('템포 128', '킥 좀 더 크게 +3db', 'snare도
똑같이', 'hats 16비트로', '전체 반음 올려', '취소', '원래대로', '녹음 시작'): the studio words of K-pop sessions, typed in
Hangul or mixed with English, with the particles Korean puts on a word ('minor로', '3박에만') read as English says
them. Only a line with Hangul in it is read here; a wish ('더 청량하게') stays unread, so it is refused as before."""
from __future__ import annotations

import re


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
#: Whole turns first (a word's meaning depends on the words around it), then single words.
_TURNS = [(re.compile(p, re.I), r) for p, r in (
    (r"(\S+?)도\s+똑같이", r"same for the \1"), (r"^똑같이$", "same again"),
    (r"멈춘\s*(?:데|곳)서\s*다시\s*(?:시작|재생)(?:해(?:줘)?)?", "continue from where it stopped"),
    (r"^(?:취소|되돌려(?:줘)?|실행\s*취소)$", "undo"), (r"^다시(?:\s*한\s*번)?$", "again"),
    (r"^원래대로(?:\s*돌려(?:줘)?)?$", "back to how it was"),
    (r"녹음\s*(?:시작|해(?:줘)?)", "start recording"), (r"녹음\s*(?:멈춰|정지|중지|끝)(?:줘)?", "stop recording"),
    (r"전체\s*반음\s*(올려|내려)(?:줘)?", lambda m: f"transpose everything {'up' if m[1] == '올려' else 'down'} a semitone"),
    (r"전체\s*온음\s*(올려|내려)(?:줘)?", lambda m: f"transpose everything {'up' if m[1] == '올려' else 'down'} a whole step"),
    (r"반음\s*(올려|내려)(?:줘)?", lambda m: f"{'up' if m[1] == '올려' else 'down'} a semitone"),
    (r"(\d+)\s*비트로?", r"in \1ths"), (r"(\d+)\s*마디", r"\1 bars"), (r"(\d+)\s*박에만", r"only on \1"), (r"(\d+)\s*박에", r"on \1"),
    (r"(?:좀\s*)?더\s*크게\s*(?=[+-]?\d)", "louder, "), (r"(?:좀\s*)?더\s*작게\s*(?=[+-]?\d)", "quieter, "),
    (r"좀\s*더\s*크게", "a bit louder"), (r"좀\s*더\s*작게", "a bit quieter"), (r"더\s*크게|크게", "louder"),
    (r"더\s*작게|작게", "quieter"), (r"왼쪽\s*끝까지", "hard left"), (r"오른쪽\s*끝까지", "hard right"),
    (r"가운데로?", "center"), (r"아니\s*잠깐", "no wait"), (r"(\S+?)(?:으로|로)\s*바꿔(?:줘)?", r"\1"),
    (r"^마지막\s*(?:후렴|코러스)\s+(?=\S)", ""),
)]
_WORDS = {"템포": "tempo", "킥": "kick", "스네어": "snare", "하이햇": "hats", "햇": "hats", "베이스": "bass", "패드": "pad",
          "리드": "lead", "드럼": "drums", "훅": "hook", "리버브": "reverb", "딜레이": "delay", "필터": "filter",
          "살짝": "a bit", "조금": "a bit", "좀": "a bit", "아니": "no", "잠깐": "wait", "왼쪽": "left", "오른쪽": "right",
          "시작": "start", "정지": "stop", "멈춰": "stop", "빠르게": "faster", "느리게": "slower", "저장": "save"}
_WORD = re.compile(r"(?<![\uac00-\ud7a3])(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")(?![\uac00-\ud7a3])")
#: A Korean particle on an English word or a number ('snare도', 'minor로', 'lead는'): the word alone.
_PARTICLE = re.compile(r"(?<=[A-Za-z0-9#])(?:에서|에만|으로|로|에|도|는|은|를|을|이|가|만)(?![\uac00-\ud7a3])")


def korean_in_english(line: str) -> str:
    """The line with its Korean studio words in English; the same line when it has no Hangul."""
    if not _HANGUL.search(line):
        return line
    for pattern, said in _TURNS:                      # (a Hangul line only: the few there are all tried)
        line = pattern.sub(said, line)
    line = _WORD.sub(lambda m: _WORDS[m.group(1)], line)
    return _PARTICLE.sub("", line)


__all__ = ["korean_in_english"]
