"""Politeness, hedging and chatter around a command, taken out for the second stage ('Could the kick
be tuned to 45 Hz, please?' → 'make the kick tuned to 45 Hz', 'would you mind bringing the tempo
down to 92' → 'bring the tempo down to 92'): words that ask nicely, never words that say what to do.
"""
from __future__ import annotations

import re

from .literal_needs import rewritten

_POLITE = [(re.compile(p, re.I), r) for p, r in (
    (r"^i'?d\s+(?:love|like|prefer)\s+(?:it\s+)?(?:if\s+)?(?:the\s+)?(.+?)\s+(?:were|was|could be|would be|to be)\s+",
     r"make \1 "),
    (r"^(?:i\s+(?:think|feel|guess|reckon|suppose)|i\s+feel\s+like|it\s+feels\s+like)\s+(?:that\s+)?", ""),
    (r"^(?:good\s+(?:morning|afternoon|evening|day)|hello|hi there|greetings)\b[\s,.!]*", ""),
    (r"^(?:(?:lol|lmao|haha+|omg|ok(?:ay)?|yeah|yes|nah|hm+|ah+|oh+|eish|och|huh|meh|wow|alright|yo|bro|man|dude|whoa+|woah|oof|ugh|"
     r"yikes|ouch|geez|jeez|eh|uh+|um+|erm|blimey|crikey|chale|abeg|ayy+|aiyo|arre|arey|yaar|bhai|oye|oi|mate|fam|bruh|sheesh)\b[\s,.!]*)+", ""),
    (r"^(?:the\s+)?(\w+)\s+sounds?\s+like\s+(?:a|an|the|some)?\s*[\w'-]+(?:\s+(?:lol|lmao|haha))?[,.!]*\s+"
     r"(make|turn|give|take|bring|set|pull|push)\s+it\b",     # 'the kick sounds like a pillow make it hit harder'
     lambda m: f"{m.group(2)} {'it' if m.group(1).lower() in ('it', 'this', 'that') else 'the ' + m.group(1)}"),
    (r"^(?:that'?s|thats|this\s+is|it'?s|its|sounds?|that\s+sounds?)\s+(?:so\s+|really\s+|pretty\s+)?(?:fire|sick|dope|lit|great|"
     r"awesome|amazing|perfect|nice|good|cool|sweet|beautiful|lovely|gorgeous|better|wicked|banging|slaps)\b[\s,.!]*(?=\w)", ""),
    (r"\b(?:(?:would|could|will)\s+you\s+)?be\s+(?:so\s+(?:kind|good)\s+as|(?:kind|good)\s+enough)\s+to\b|"
     r"\b(?:might|may|can|could)\s+i\s+ask\s+you\s+to\b|\bwould\s+it\s+trouble\s+you\s+to\b|"
     r"\bwould\s+you\s+care\s+to\b|\bi\s+wonder\s+(?:whether|if)\b\s*|^i'?m\s+afraid\b\s*|^i\s+am\s+afraid\b\s*|"
     r"\bi\s+(?:would|should|'d)\s+(?:like|love|want)\s+to\b\s*", ""),
    (r"^i\s+(?:would|should|'d)\s+(?:appreciate|welcome|like|love)\s+(?=(?:a|an|some|more|less)\b)", "add "),
    (r"\b(?:for the time being|if i may|nothing excessive|nothing too much|if you please|that will do(?: for now)?)\b",
     ""),
    (r"\b(?:make|do|take)\s+a\s+recording(?:\s+of\s+(?:this|it|that))?\b", "record"),
    (r"\bunder\s+the\s+name\b", "as"), (r"\btowards?\s+the\s+(left|right)\b", r"\1"),
    (r"\b(?:dang|darn|damn|danged|durn|freakin[g']?|frickin[g']?|bloody|flippin[g']?)\s+(?=\w)", ""),  # said for force
    (r"\bthe\s+amount\s+of\s+", ""), (r"\bsomewhat\b|\brather\b", "a bit"),
    (r"\s*;\s*", ", "),
    (r"^(?:the\s+)?([\w-]+(?:\s+[\w-]+)?)\s+(?:could|should|might|would|shall|must|needs? to)\s+(?:be|get|sound|become)\s+(?:made\s+)?(?=\w)",
     r"make \1 "),
    (r"\b(?:would|do|if)\s+you\s+(?:mind|don'?t mind)(?:\s+(?:terribly|awfully|very\s+much|at\s+all))?\b|^mind\b", ""),
    (r"\b(?:would|is)\s+it\s+be\s+possible\s+(?:to\s+)?|\bis\s+it\s+possible\s+(?:to\s+)?|"
     r"\bdo\s+you\s+think\s+(?:you\s+could\s+)?|\bif\s+that'?s\s+(?:alright|all right|ok|okay|fine|cool)\b|"
     r"\bpossibly\b|\bkindly\b|\b(?:might|may|shall)\s+(?:we|i)\b\s*", ""),
    (r"^(?:let'?s\s+|we\s+could\s+|could\s+we\s+|can\s+we\s+)?(?:try|have|get)\s+(?=the\s+\w)", "make "),
    (r"\b(?:we\s+)?try\s+(?=the\s+)", ""),
    (r"^(?:have|get)\s+(?=(?:more|less|some|a\s+bit\s+(?:more|less))\b)", ""),
    (r"\bsay\s+(?=-?[\d.])", ""),
    (r"\ba\s+few\s+(?:bpm|beats|hz|db|ms|percent)\b|\ba\s+couple\s+(?:of\s+)?(?:bpm|hz|db|ms)\b", "a bit"),
    (r"\bat\s+half\s+(?:volume|level|gain)\b", "at 50%"),
    (r"\b(?:could|can|would|will)\s+(?:you|we|i|u)\s+(?:please\s+)?", ""),
    (r"^(?:could|can|would|will|should|might|may)\s+(?:the\s+|this\s+|that\s+)?(.+?)\s+(?:be|get|sound)\s+(?:made\s+)?",
     r"make \1 "),
    (r"^(?:could|can|would|will|should|might|may)\s+(?=(?:the|it|this|that)\b)", ""),
    (r"(?<=\w)(?:\s*,\s*|\s+)(?:it'?s|its|it\s+is|that'?s|thats|they'?re|theyre)\s+(?:(?:way|much|a\s+bit|a\s+little|just)\s+)?too\s+\w+$", ""),
    #   ('sine quieter, its too loud': the reason says the request again)
    (r"^(?=.*\b(?:play|plays|chord|chords|notes?|every|on\s+(?:the\s+)?(?:\d|one|two|three|four|beat|off)|pattern|rhythm)\b)"
     r"(.*?\w)\s+instead$", r"\1"),   # 'play an a minor chord instead', 'gong every 4 bars instead': the new replaces the old
    (r"\b(?:please|pls|plz|thanks|thank you|ty|thx|rn|tbh|ngl|imo|fr|sorry|maybe|perhaps|about|around|roughly|approximately|"
     r"entirely|for now|for me|i think|if possible|would be lovely|would be great|so i can hear|"
     r"a little bit|let'?s|i'?d like|go ahead and)\b", ""),
    (r"(?<=\w)(?:\s*[?!]|(?<![xX.\-|]{3})\.)\s+(?=\w)", ", "),   # (a dot with a space before it is a rest: 'wob: a1 . c2 .';
    #   one ending a rhythm is its last step: 'hats x.x.x.x. louder')
    (r"(?<=[xX.\-|]{3})(?<!xxx)\s+(?=(?:a\s+(?:bit|little|touch|tad)\s+)?(?:[a-z]{2,}er|more|less)\b(?!\s+than\b))", ", "),
    #   ('kick x...x... softer': the rhythm, then how it sounds)

    (r"(?<=\w)\s*,\s*(?=(?:slightly|a\s+(?:little\s+)?bit|a\s+little|a\s+touch|a\s+tad|a\s+hair|just\s+a\s+(?:bit|touch))[.!]*$)",
     " "),                                          # 'harmonics to the right, slightly': how far, not a second command
    (r"(?<=\d)\s*(?:percent|per\s+cent|pct)\b", "%"),                            # 'back to 25 percent'
    (r"(?<=\w)\s*,\s*not\s+(?:-?\d[\d.]*\s*(?:bpm|hz|db|%|ms)?|(?:the\s+)?(?:eighths|sixteenths|quarters|triplets|"
     r"halves|quavers|semiquavers|crotchets|16ths|8ths))[.!]*$", ""),      # '44, not 40': the one said, what it was after
    (r"\s+[—–]\s+", ", "),
    (r"^(?:(?:please\s+)?forgive\s+me|pardon(?:\s+me)?|my\s+apologies)\b[,.!]*", ""),     # (one after: 'Mute the kick. My
    #   bad.' takes the line back)
    (r"^that(?:'?s|\s+is|\s+was)\s+(?=(?:way\s+|much\s+|a\s+bit\s+|still\s+)?too\s+\w+\s*[,.!])", ""),   # 'That is too much, go
    #   back to 25 percent': the complaint, then the value                                                      # 'Even slower — 40.'
    (r"\s+from\s+(?:there|here|where\s+it\s+is)(?=[.!]*$)", ""),               # 'up 3 from there'
    (r"^((?:way\s+|much\s+|a\s+bit\s+|still\s+)?too\s+[a-z]+)\s*[,.!]\s*(?:less|more|lower|higher|down|up)(?:\s+please)?$", r"\1"),
    #   ('too bright, less': the complaint says which way)
    (r"^(?:the\s+|my\s+)?([a-z][\w'-]*)\s+(?:transposed|moved|shifted)\s+(?=(?:up|down)\b)", r"transpose the \1 "),
    #   ('harp transposed down a semitone': a move of the harp's notes)
    (r"\b(tuned?)\s+(\d+(?:\.\d+)?\s*cents?)\s+(up|down|higher|lower)\b", r"\1 \3 \2"),   # 'drone tune 5 cents down'
    (r"\b(?:starts?\s+)?(one|a|an|\d+)\s+(steps?|16ths?|sixteenths?|8ths?|eighths?|beats?)\s+(late|early)\b",
     lambda m: f"{m.group(1)} {m.group(2)} {m.group(3).replace('late', 'later').replace('early', 'earlier')}"),   # 'start one step late'
    (r"^(undo|redo)\s+x\s*(\d+)$", r"\1 \2 times"),                           # 'undo x2'
    (r"\btwice\s+(fast|slow)\b", r"twice as \1"), (r"^back\s+(?=normal\b)", "back to "),
    (r"^(?!.*\b[a-g][#b]?\d?\s+[a-g][#b]?\d?\b)(?!.*\b(?:is|are|was|sounds?|seems?|feels?)\b|.*'s\s)"   # ('the organ is an octave
     r"(.*\b(?:one|an?|two|three|\d+)\s+(?:octaves?|semitones?|fifths?|fourths?))\s+(high|low)\b",       # high': a complaint)
     r"\1 \2er"),      # 'guzheng one octave high' (a riff's notes 'e e g a, octave low' are said where they sit)
    (r"\bto\s+(right|left)\b", r"to the \1"),
    (r"(?:^|(?<=,\s))(?:the\s+)?([a-z][\w'-]*)\s+pan(?:ned)?\s+(\d+\s*%?)\s+(left|right)\b", r"pan the \1 \2 \3"),   # 'vibes pan 30 right'

    (r"^(?!.*\b(?:mute|solo|stop|drop|kill|cut|silence|out)\b)(.*?)\s+during\s+the\s+(?!next\b|last\b)[a-z]+(?:\s+[a-z]+)?(?=[.!]*$)",
     r"\1"),   # 'organ softer during the prayer' (a mute 'during the chorus' would last for good: not left out)
    (r"^(.*\b(?:for|over)\s+(?:\d+|one|two|three|four|eight|a|an)\s+(?:bars?|beats?)\b.*?)\s+(?:on|in|during|for)\s+the\s+(?:next\s+)?"
     r"(?:break|bridge|chorus|verse|breakdown|turnaround|solo|hook|vamp|tag)(?=[.!]*$)", r"\1"),   # 'Drop the piano out for two bars
    #   on the break': the section where it is played live; its own time says how long
    (r"\bminus\s+(?=\d)", "-"),
    (r"(?<=\w)\s+(?=i\s+(?:can'?t|cannot|can\s+not)\s+(?:hear|feel)\b)", ", "),   # 'bass louder i cant feel it': a reason
    (r"(?<=\d)\s*&\s*(?=\d)", " and "),
    (r"(?<!\w)['\"]|['\"](?!\w)", ""),
    (r"\b(add|put)\s+(?:a|an)\s+(?:second|2nd|third|new|extra)\b", r"\1 a"),
    (r"(?<=[xX.\-|])\s+(?=[A-Za-z][\w-]*\s+\|?[xX.][xX.\-| ]{2,})", ", "),
    (r"^dub\s+(?:out\s+(the\s+[\w-]+|it|them|everything)|(the\s+[\w-]+|it|them|everything)\s+out)\b", r"drop \1\2"),   # 'dub the snare out': taken out a while
    (r"\bstraight\s+(?=back\s+(?:to|down|up|in)\b)", ""),     # 'straight back to 75': at once, as any change is
    (r"\breal quick\b", ""), (r"\bright now\b(?=.)", "now"),
    (r"(?:,\s*|\s+)(?:no|without|skip(?:\s+the)?)\s+quanti[sz](?:e|ation|ing)\b|\bunquanti[sz]ed\b", " now"),
    (r"\bnow(?:[\s,]+now)+\b", "now"),
    (r"(?<=\b[a-g]\d)\s+(?:then|and then|and)\s+(?=[a-g][#b]?\d\b)|(?<=\b[a-g][#b]\d)\s+(?:then|and then|and)\s+(?=[a-g][#b]?\d\b)",
     " "),                                                 # 'a1 c2 d2 then e2 g1': one list of notes
    (r"\b(?:the\s+)?(?:high|higher|top|upper)\s+(?:one|tone|sound|beep|voice|note|synth)\b(?!\s+on\b)", "the lead"),
    (r"^(?:a\s+)?(higher|lower)\s+(?:note|pitch)\s+on\s+(?:the\s+)?(\w+)$", r"the \2 \1"),   # 'higher note on the sine'
    (r"\b(?:the\s+)?(?:low|lower|bottom|deep)\s+(?:one|tone|sound|beep|voice|note|synth)\b", "the sub"),
    (r"\b(?:4\s*/\s*4|4\s*x\s*4|four four)\b", "four on the floor"),
    (r"\b(?:on\s+)?all (?:four|4) beats\b", "on every beat"),
    (r"(?<![/\d])\b(1|2|3|4|5|8|16|32)(?:st|nd|rd|th)(s?)\b", lambda m: _ORDINAL[m.group(1)] + m.group(2)),
    (r"(?<=/)(\d+)(?:st|nd|rd|th)\b", r"\1"),
    (r"\bin\s+(?:straight\s+)?(eighth|sixteenth|quarter)(?:s|\s+notes)\b", r"\1s"),
    (r"\b(hats?|kick|snare)\s+(eighth|sixteenth|quarter)\s+notes\b", r"\1 \2s"),   # a part's rhythm, not its decay
    (r"^(303|808)\b", r"the \1"),
    (r"\b(?:the\s+)?whole\s+(?:beat|mix|track|thing|song|tune|band)\b", "everything"),
    (r"^(?:everything|everybody|everyone|all)\s+(?=(?:stop|start)(?:\s+(?:after|at|now)\b|[.!]*$))", ""),   # 'everything stop after
    #   this bar' (the transport; 'everything stop for 2 bars' is a break: every part muted a while)
    (r"^(stop|start)\s+(?:everything|the\s+band)(?=\s+(?:after|at|on|in)\b|$)", r"\1"),   # 'start the band': the transport
    #   ('the band down 3 db' may be a filter's band: never the mix)
    (r"\b1/4 notes?\b", "quarter note"), (r"\b1/8 notes?\b", "eighth note"), (r"\b1/16 notes?\b", "sixteenth note"),
    (r"\b3/16\b", "dotted eighth"),
    (r"^((?:the\s+)?\w+)\s+as\s+well$", r"\1 too"),                      # 'the snare as well': a follow-up
    (r"\b(?:for a (?:bit|sec|second|moment|while)|as well|for me)\b", ""),
    (r"\b([a-g])\s*-?\s*(flat|sharp)\s*(-?\d)\b", lambda m: m.group(1) + ("b" if m.group(2).lower() == "flat" else "#") + m.group(3)),
    (r"^(?:(?:build|push|bring|take|ramp|speed|go)(?:\s+(?:it|things|the\s+tempo))?(?:\s+(?:up|down))?\s+)?(?:up\s+)?(?:to|2)\s+"
     r"(\d+)\s*bpm\b", r"tempo \1"),                                       # 'build 2 200 bpm over 8 bars': the bpm says tempo
    (r"^(?:bpm|tempo)\s+(\d+)\s+ramp\s+(\d+)$", r"tempo \1 over \2 beats"),  # the protocol's own order
    (r"^(?:give\s+(?:it|the\s+(\w+))\s+)?(?:an?\s+)?(?:slow|long|soft|softer|gentle|fast|quick|short|snappy|sharp)(?:er)?\s+"
     r"(attack|release|decay)[\s,:]+(?:like\s+|of\s+|about\s+)?((?:\d[\d.]*|one|two|three|four|five|ten)\s*(?:ms|s|secs?|seconds?)\b)",
     lambda m: " ".join(filter(None, m.groups()))),                       # the number says how slow
    (r"\b808s?\s+(?=kick\b|bd\b|bass\s+drum\b)", ""),                     # '808 kick': the kick, said like an 808
    (r"^(?:the\s+)?([a-z]\w*)(?:\s*,\s*|\s+with\s+|\s+)(?:an?\s+)?(long|short)(?:er)?\s+(?:tail|decay|ring)(?:\s*,\s*(.+))?$",
     lambda m: f"{m.group(1)}, decay {m.group(3)}" if m.group(3) and re.match(r"(?:like\s+|about\s+)?[\d.]", m.group(3))
     else f"{m.group(1)} decay {m.group(2)}er" + (f", {m.group(3)}" if m.group(3) else "")),   # 'kick, long tail(, 400 ms)'
    (r"^(?:add|give\s+me|put)\s+(?:an?\s+)?(saw|sine|square|triangle|tri)(?:\s+wave)?\s+(?:playing|that\s+plays|which\s+plays|to\s+play)\s+(.+)$",
     r"add a \1, notes \2"),                                              # 'add a square wave playing c d e g'
    (r"^make\s+(it|them|the\s+\w+)\s+(?:echo|echoey|echoy)$", r"add a delay to \1"),   # 'make it echo': an echo on it
    (r"^(?:continue|resume|carry\s+on|go\s+on)\s+(?:from\s+)?where\s+(?:it|we|you)\s+(?:was|were|left\s+off|stopped)$", "continue"),
    (r"^return\s+(?:the\s+)?([a-z]\w*)$", r"unmute \1"),                     # 'return the kick': back in
    (r"^return\s+to\s+(?:before|how\s+it\s+was|the\s+(?:last|previous)(?:\s+one)?)$", "undo"),
    (r"\b(sine|square|saw|triangle)\s+(?:tone|sound)\b", r"\1"),              # 'the sine tone is too loud'
    (r"\b([a-z]+)'s\s+(?=(?:way\s+|a\s+bit\s+|much\s+|so\s+)?too\b)", r"\1 is "),   # "kick's too boomy"
    (r"\bmore\s+(?:distorted|overdriven|saturated|driven|crunchy|gritty)\b", "dirtier"),
    (r"\bless\s+(?:distorted|overdriven|saturated|driven|crunchy|gritty)\b", "cleaner"),
    (r"^((?:the\s+)?[a-z]\w*)\s+([a-z]+er)\s+and\s+(?:on\s+the\s+|to\s+the\s+)?(left|right)$", r"\1 \2, \1 \3"),   # 'hats louder and on the right'
    (r"\boff[\s-](beats?)\b", r"off\1"),                                # 'on the off-beats'
    (r"^(?:give me |add |put )?(?:some )?open (hats?|hi-?hats?) (?!.*\b(?:decay|release|ring|longer|shorter)\b)(.+)$",
     r"\1 \2, open the \1"),                                           # an open hat: a longer decay (unless the line sets it)
    (r"^(?:give me |add |put )?(?:some )?open (hats?|hi-?hats?) (.+)$", r"\1 \2"),
    (r"^(?:give me |add |put )?(?:some )?closed (hats?|hi-?hats?) (.+)$", r"\1 \2"),
    (r"\bdarken\b", "darker"),
    (r"(?<![\w-])(?<!mode )(?<!to )(?:(?:dead|totally|fully|perfectly)\s+|(?:play|make|keep)\s+it\s+)?straight(?:en\s+(?:it|them|the\s+\w+)(?:\s+out)?)?"
     r"(?:\s+(?:80s\s+)?(?:grid|time|feel|timing))?(?=\s*(?:,|$))", "no swing"),          # 'dead straight': no swing
    (r"^(?:put\s+|add\s+|give\s+(?:it|me)\s+)?(?:a\s+)?(?=(?:lil|little|tiny|bit|touch|some)\b)(?:(?:lil|little|tiny)\s+)?(?:(?:bit|touch|some)\s+)?"
     r"(?:of\s+)?(?:shuffle|swing)(?:\s+on\s+(?:it|this|that|them|the\s+\w+))?$", "more swing"),   # 'lil bit of swing on it'
    (r"\s+like\s+(?:in\s+)?(?:an?\s+|the\s+)?\w+\s+(?:music|songs?|tracks?|records?|tunes?)$", ""),   # 'like in house music'
    (r"\bdead\s+(?=cent(?:er|re)\b)", ""),
    (r"\bbrighten\b|\bcrisper\b", "brighter"),
    (r"\bresonant\b", "resonance"),
    (r"(?<=\w)\s+only\b", ""),
    (r"\s*,(?:\s*,)+", ","),
    (r"^[\s,]+|[\s,]+$", ""),
    (r"\s{2,}", " "),
)]


def polite(text: str) -> str:
    """Politeness and hedging out ('Could the kick be tuned to 45 Hz, please?' → 'make the kick
    tuned to 45 Hz'): words that ask nicely, never words that say what to do."""
    text = rewritten(text, _POLITE)    # each rule in turn, those whose words are absent skipped
    return _GERUND.sub(lambda m: _VERB_OF.get(m.group(1).lower(), m.group(1)), text.strip(), count=1)


#: '8th' → 'eighth', '2nd' → 'second': an ordinal in digits said the grammar's way.
_ORDINAL = {"1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth", "8": "eighth", "16": "sixteenth",
            "32": "thirty-second"}
#: 'mind bringing the tempo down': the verb of a request said as a gerund, first word only.
_VERB_OF = {"bringing": "bring", "dropping": "drop", "turning": "turn", "taking": "take", "making": "make",
            "putting": "put", "adding": "add", "setting": "set", "muting": "mute", "giving": "give",
            "raising": "raise", "lowering": "lower", "pulling": "pull", "pushing": "push", "removing": "remove",
            "moving": "move", "switching": "switch", "changing": "change", "unmuting": "unmute", "playing": "play",
            "stopping": "stop", "starting": "start", "saving": "save", "swapping": "swap", "cutting": "cut",
            "boosting": "boost", "slowing": "slow", "speeding": "speed", "tuning": "tune", "detuning": "detune"}
_GERUND = re.compile(r"^(\w+ing)\b", re.I)


__all__ = ["polite"]
