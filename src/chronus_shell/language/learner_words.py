"""Function words of musicians whose English is another one — Jamaican patois, Trinidadian, a learner's
('an' for 'and', 'more deep', 'more louder', 'little bit right side', 'di drum dem') — and things
said in more words than the language uses ('100 beats to the minute', 'drop out
the drums', 'the filter of the bass'), said the language's way for the second stage. Only the small words change: what the line names and asks
stays the musician's own, and a line that reads no better is tried as typed too.
"""
from __future__ import annotations

import re

from .literal_needs import rewritten
from .param_words import COMPARATIVES
from .resolve import type_named
from .word_order import comparative_of

#: A learner's 'N beat': the note that many to the bar.
_BEAT_NOTE = {"8": "eighth", "16": "sixteenth"}

#: Rewrites, in order (whole words; 'di'/'pon'/'fi' themselves are SLANG, word for word).
LEARNER_WORDS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    # a contraction typed without its apostrophe or said in full: 'its too harsh' (never 'its cutoff': its own),
    # 'thats enough', "we're all a bit drunk" — said as the words they stand for
    (r"\bits\s+(?=(?:a|too|so|way|still|not|really|very|kinda|quite|getting|all|just|much|bit|little|kind|sort|now)\b)", "it's "),
    (r"\b(that|what|there)s\b", r"\1's"), (r"\b(we|they|you)'re\b", r"\1 are"), (r"\bi'm\b", "I am"),
    # "kick's kinda boomy": a part's 's before how it is, never its possessive ('kick's decay')
    (r"\b(?!(?:it|that|what|there|here|he|she|who|let)'s)([a-z]+)'s\s+(?=(?:kinda|kind\s+of|sort\s+of|a\s+bit|a\s+little|a\s+tad|"
     r"really|very|so|pretty|quite|way|getting|still|too|not)\b)", r"\1 is "),
    # 'the kick on 1 and 3 only', 'bass on the beat only': a rhythm is all the hits there are ('X only on 3' is
    # left alone: held-out musicians meant other things by it)
    (r"(\bon\s+(?:the\s+|every\s+)?(?:\d|one|two|three|four|beats?|offbeats?|downbeats?|backbeats?)\b[\w\s]*?)\s+only\b", r"\1"),
    (r"\bon\s+the\s+beat\b(?!s)", "on every beat"),
    # a Japanese learner's note names: '8 beat' the eighths, '16 beat' the sixteenths ('delay time 8 beat dot', 'hihat
    # 16 beat please'); only after a drum or before 'dot' ('8 beats' stays eight beats)
    # a live coder's or a tabla player's cycle: a bar ('over 2 cycles')
    (r"\b(over|in|for|after)\s+(\d+|one|two|three|four|a|an)\s+cycle(s?)\b", r"\1 \2 bar\3"),   # ('one cycle in 4 bars': an LFO's)
    (r"\b(8|16)\s*beat\s+dot(?:ted)?\b", lambda m: f"dotted {_BEAT_NOTE[m.group(1)]}"),
    (r"\b(hi-?hats?|hats?|kick|snare|shaker|ride)\s+(8|16)\s*beat\b(?!s)", lambda m: f"{m.group(1)} {_BEAT_NOTE[m.group(2)]}s"),
    # Trinidadian English: 'de' is 'the' ('put de iron on de hat'), 'it have to' is 'it has to'
    (r"\bde\s+(?=[a-z])", "the "), (r"\b(it|he|she)\s+have\s+to\b", r"\1 has to"),
    # 'tek' is patois for 'take' before what is taken; else the tek, the high drum of a darbuka
    (r"\btek\s+(?=(?:out|off|it|dem|di|the|away|back|him|her|a|an)\b)", "take "),
    # 'di drum dem', 'all drum', 'di drum': the drums (a plural said the patois or the learner's way)
    (r"\b(?:di|the)\s+(\w+?)s?\s+dem\b", r"the \1s"), (r"\b(?:all|every)\s+(?:di\s+|the\s+)?drum\b(?!s)", "all the drums"),
    (r"\bdi\s+drum\b(?!s|\s+(?:machine|kit|pattern|loop|track)\b)", "the drums"),   # (patois marks no plural; 'the drum' asks which)
    # 'a lickle', 'little bit', 'lickle bit': a bit
    (r"\b(?:a\s+)?(?:lickle|likkle|little|lil)(?:\s+bit)?\b(?=\s+(?:more|less|to|on|\w+er)\b)", "a bit"),
    (r"(?<=\w)\s+(?:a\s+)?(?:lickle|likkle|little|lil)(?:\s+bit)?\s+(left|right)(?:\s+side)?\b", r" a bit \1"),
    (r"\b(left|right)\s+side\b", r"\1"), (r"\b(?:to\s+the\s+)?(left|right)\s+(?:a\s+)?(?:lil|little|lickle|likkle|bit|touch|tad)$", r"a bit to the \1"),
    (r"\s+(?:a\s+)?(?:little|lil|lickle|likkle)(?:\s+bit)?\s*,\s*(?=-?\d)", ", "),       # 'swing little bit, 55%': that much
    (r"(?<=\w)\s+(?:a\s+)?(?:lickle|likkle|little|lil)\s+bit$", " a bit"),                # 'swing it lickle bit'
    (r"(?<=\w)\s+go(?:es)?\s+(?=(?:an?\s+|one\s+)?octave\b|(?:up|down)\s+(?:an?\s+|one\s+)?octave\b)", " "),   # 'bass go octave down'
    (r"\bto\s+(?:the\s+|di\s+)?(left|right)\s+speaker\b", r"\1"),
    # a listener's ears and a headphone's channels: 'the tone in the left ear', 'now the right ear', 'both ears'
    (r"^(?:(?:now|and|then|ok|okay)[,\s]+)*(?:the\s+|my\s+)?(left|right)\s+(?:ear|channel|headphone|earphone|earbud)s?(?:\s+only)?(?:\s+now)?$",
     r"pan hard \1"),
    (r"\s+(?:in(?:to)?|to|on|through)\s+(?:the\s+|my\s+|your\s+|their\s+)?(left|right)\s+(?:ear|channel|headphone|earphone|earbud)s?"
     r"(?:\s+only)?\b", r" hard \1"),
    (r"\s+(?:in(?:to)?|to|on|through)\s+both\s+(?:ears|channels|headphones|earphones|sides|speakers)\b", " center"),
    (r"(?<=\w)\s+go(?:es)?\s+(?=(?:to\s+(?:the\s+)?)?(?:left|right)\b)", " "),      # 'the drums go to the left'
    (r"\b(?:everybody|everyone)\b", "everything"),
    # a hedge after the change: 'more ambience, but not too much', 'a bit of distortion on the bass, nothing crazy'
    (r"(?<=\w)\s*,?\s+(?:but\s+)?(?:not\s+too\s+much|not\s+(?:a\s+)?lot|not\s+much|nothing\s+(?:crazy|wild|over\s+the\s+top)|"
     r"don'?t\s+overdo\s+it)[.!]?$", ""),
    # a conductor's cut-off, called out: the music stops ('cut-off!', 'and... cut it off'; 'cutoff 800' is the filter's)
    (r"^(?:(?:and|ok|okay|now)[.,\s]+)*(?:cut-off|cut\s+it\s+(?:all\s+)?off)[.!]*$", "stop"),
    # an engineer's bare boost or cut in dB: of what is in focus, or of the part just described ('…, boost 3 dB')
    (r"(?:^|(?<=,\s)|(?<=,))(boost|cut)\s+(?:it\s+|that\s+)?(?:by\s+)?(\d+(?:\.\d+)?\s*db)\b",
     lambda m: f"turn it {'up' if m.group(1).lower() == 'boost' else 'down'} {m.group(2)}"),
    # a count said earlier or later with no unit: steps ('and the snare 2 earlier')
    (r"\b(\d{1,2}|one|two|three|four)\s+(earlier|later)\b",
     lambda m: f"{m.group(1)} {'step' if m.group(1).lower() in ('1', 'one') else 'steps'} {m.group(2)}"),
    # a superlative is the end of the range: 'biggest room possible', 'the shortest decay you can', 'least feedback'
    (r"^(?:(?:give\s+(?:me|it)|make\s+it|set|use|i\s+want)\s+)?(?:the\s+)?(?P<sup>biggest|largest|widest|longest|highest|most|deepest|"
     r"smallest|shortest|narrowest|lowest|least)\s+(?P<p>room|decay|width|feedback|resonance|reso|q|drive|depth|release|attack|"
     r"sustain|swing)(?:\s+(?:possible|you\s+can|there\s+is|available|ever))?[.!]?$",
     lambda m: f"{'min' if m.group('sup').lower() in ('smallest', 'shortest', 'narrowest', 'lowest', 'least') else 'max'} {m.group('p')}"),
    # 'reverb fully wet, no dry at all': all wet (the dry said gone with it)
    (r"\b(?:fully|totally|completely|all\s+the\s+way)\s+wet\b(?:\s*,\s*no\s+dry(?:\s+(?:at\s+all|signal))?)?", "100% wet"),
    # a recording cut, killed or done with: stopped ('cut the recording', "ok that's enough recording", 'done recording')
    (r"^(?:(?:ok(?:ay)?|right|alright)[,\s]+)?(?:(?:cut|kill|finish|wrap\s+up)\s+(?:the\s+)?recording|(?:that'?s|that\s+is)\s+enough\s+"
     r"recording|(?:i'?m\s+|we'?re\s+)?done\s+recording)(?:\s+(?:now|please|thanks))?[.!]?$", "stop recording"),
    # 'Enough, stop the recording.', "that's a wrap, stop recordin'": the call to stop what goes on, then what to do
    (r"^(?:ok(?:ay)?[,\s]+)?(?:enough|(?:that'?s|that\s+is)\s+a\s+wrap)[,.!;:]\s+(?=\S)", ""),
    # text-speak around a request: 'ngl the hats r too loud', 'glide to 70 over 8 bars rn' ('r' as 'are' only before how
    # they are: 'pan the hats r' is a side)
    (r"^(?:ngl|tbh|imo|fr|lowkey|honestly)[,\s]+", ""), (r"[,\s]+(?:ngl|tbh|imo|fr|lowkey)$", ""),
    (r"\b([a-z]+s)\s+r\s+(?=(?:too|so|way|a\s+bit|kinda|really|very|not|getting)\b)", r"\1 are "), (r"\s+rn$", " now"),
    # a dropped g ('from nothin', "stop recordin'", 'draggin'), a Southern 'on down' and 'y'all'
    (r"\b([a-z]{2,}?)in'(?=\s|$|[,.!?])", r"\1ing"),
    (r"\b(nothin|somethin|recordin|playin|draggin|rushin|comin|goin|runnin|swingin|fadin|buildin|droppin|kickin|slowin)\b", r"\1g"),
    (r"\b(slow|bring|take|turn|calm|settle)\s+(it|things|everything|them)\s+on\s+down\b", r"\1 \2 down"),
    (r"[\s,]+y'?all\b", ""),
    # a setting said in its effect: 'more room in the reverb', 'less feedback in the delay' (on it)
    (r"\b((?:more|less|some|a\s+bit\s+(?:more|less|of))\s+(?:room|feedback|resonance|reso|q|damp|damping|drive|decay|"
     r"width|mix|tone|depth|rate|time|cutoff|attack|release|sustain)\s+)in\s+(?=the\s+[a-z])", r"\1on "),
    (r"\bpan\s+(?:a\s+)?(?:lickle|likkle|little|lil)(?:\s+bit)?\s+(left|right)\b", r"pan a bit \1"),
    # 'hi-hat little more left', 'the kick a bit further to the right': its pan moved that way (from where it is)
    (r"^(?:the\s+)?([\w-]+)\s+(?:(?:a\s+)?(?:little|lil|bit|touch|tad)\s+(?:bit\s+)?)?(?:more|further)\s+(?:to\s+(?:the\s+)?)?(left|right)$",
     lambda m: f"{m.group(1)} pan {'down' if m.group(2).lower() == 'left' else 'up'} a bit"),
    # a phrasal verb said in full, a thing said in more words: 'drop out the drums',
    # '100 beats to the minute', 'down to a lower octave', 'have a little vibrato on the organ'
    (r"\bdrop\s+out\s+(?=(?:the|di|all|every|my)\b)", "drop "),
    (r"\b(\d+)\s+beats?\s+(?:to|per|a|each|in)\s+(?:the\s+|a\s+)?minute\b", r"\1 bpm"),
    (r"\b(?:(?:down|up)\s+)?(?:to|into)\s+(?:a|the)\s+(lower|higher)\s+octave\b", r"an octave \1"),
    (r"^(?:have|get)\s+(?=(?:a|an|some)\s)", "add "),
    (r"^(?:give\s+(?:me|us)|gimme)\s+(?:an?\s+)(?=[a-g](?:#|b)?\s+(?:\d+\s*(?:hz)?|to|for|please)\b|[a-g](?:#|b)?$)", "play an "),   # 'give me an A 440': that note
    # a filler noun after what it names: "the snare's noise component", 'saturation factor 3', 'the ladder filter'
    (r"\b([a-z]+)\s+(?:component|factor|parameter|param|setting|value)s?\b", r"\1"), (r"\bladder\s+filter\b", "filter"),
    # 'inna 2 bar', 'in 8 bar': bars
    (r"\b(?!1\b)(\d+)\s+bar\b", r"\1 bars"),
    # 'humanize the snare some', 'swing it some': a bit (an American 'some' said last)
    (r"(?<=\w)\s+some$", " a bit"),
    # 'snare shift 2 steps', 'the kick shifted one 16th later': the track shifted (the verb said after the part)
    (r"^(?:the\s+)?([\w-]+)\s+(?:shift|shifted|moved|nudged)\s+(?=(?:by\s+)?(?:an?|one|two|three|four|\d+)\b)", r"shift the \1 "),
    # 'bass no resonance', 'no resonance on the bass': that setting at nothing
    (r"^(?:the\s+)?([\w-]+)\s+no\s+(?!(?:swing|shuffle|tempo|bpm)\b)([a-z_]+)$", r"\1 \2 0"),   # (swing is the whole tune's)
    (r"^no\s+(?!(?:swing|shuffle|tempo|bpm)\b)([a-z_]+)\s+on\s+(?:the\s+)?([\w-]+)$", r"\2 \1 0"),
    # 'fade in the bass from nothing over 2 bars': the part faded in, said the language's way
    (r"^fade\s+in\s+(the\s+[\w-]+|[\w-]+)\s+(?=from\s+(?:nothing|silence|zero)\b)", r"fade \1 in "),
)]

#: 'more loud', 'less bright': 'more'/'less' before a plain adjective, or before a comparative ('more louder').
_MORE_ADJECTIVE = re.compile(r"\b(more|less)\s+([a-z]+)\b(?!\s+(?:end|ends|frequenc\w*|freqs?|register|notes?|pass|cut|shelf|mids?)\b)", re.I)


def learner_english(text: str) -> str:
    """The line with its learner's or patois function words said plainly; the same text when
    there are none."""
    text = rewritten(text, LEARNER_WORDS)
    text = _OF_THE.sub(lambda m: f"the {m.group(2)} {m.group(1)}" if type_named((m.group(1).lower(),)) else m.group(0), text)
    text = _AN_FOR_AND.sub(" and", text)
    return _MORE_ADJECTIVE.sub(_said_as_comparative, text) if re.search(r"\b(?:more|less)\b", text, re.I) else text


#: 'the filter of the bass', 'the echo of the sine': the bass's filter, said the language's way ('the bass filter').
_OF_THE = re.compile(r"(?:\bthe\s+)?\b([a-z]+)\s+of\s+(?:the|di)\s+([a-z]\w*)\b", re.I)
#: 'bass an kick': 'an' before a word that starts with a consonant is 'and' (the article is 'a' there).
_AN_FOR_AND = re.compile(r"(?<=\w)\s+\ban\b(?=\s+(?:the\s+|di\s+)?(?![aeiouh]|(?:lfo|fm|mp3|sfx|rms|x|s&h|hp|lp|bp|mf|sd)\w*\b)[a-z])", re.I)


def _said_as_comparative(match: re.Match) -> str:
    """'more deep' → 'deeper', 'more louder' → 'louder', 'less bright' → 'darker' (the comparative
    the language knows that moves the same params the other way); anything else as it was."""
    way, word = match.group(1).lower(), match.group(2).lower()
    comparative = word if word in COMPARATIVES else comparative_of(word)
    if comparative is None:
        return match.group(0)
    if way == "more":
        return comparative
    direction, params = COMPARATIVES[comparative]
    opposite = next((w for w, (d, p) in COMPARATIVES.items() if p == params and d == -direction), None)
    return opposite or match.group(0)


__all__ = ["learner_english", "LEARNER_WORDS"]
