"""Words from the tools musicians come from, said the language's way for the second stage: a DAW's
('the bass clip', 'reverb device', 'project tempo', 'deactivate the track'), a modular synth's
('VCF cutoff', 'amp env', 'pulse wave', 'mult the lfo to …'), a dub or acid musician's
('steppers', 'one drop', 'reverb tail', 'pwm it') and a live coder's ('use_bpm 140',
'cutoff: 1480'). Whole words only, one way each.
"""
from __future__ import annotations

import re

from .band_turns import BAND_TURNS
from .errors import LanguageError
from .literal_needs import rewritten
from .parser_patch_rules import ADJECTIVES
from .second_thoughts import SECOND_THOUGHT, second_thought

#: Italian tempo markings → bpm, each the middle of the range metronomes print for it.
TEMPO_MARKINGS = {"prestissimo": 200, "presto": 180, "vivace": 160, "allegro": 132, "allegretto": 116, "moderato": 112,
                  "andantino": 96, "andante": 92, "adagio": 70, "larghetto": 63, "lento": 52, "largo": 50}

#: A note length's triplet as a fraction of a whole note: 1/N·2/3.
_TRIPLET_OF = {"4": 6, "quarter": 6, "8": 12, "eighth": 12, "8th": 12, "16": 24, "sixteenth": 24, "16th": 24, "32": 48}

#: A big space a reverb should sound like ('like a big church', 'like singing in a cathedral').
_PLACE = (r"(?:big\s+|huge\s+|large\s+|massive\s+|grand\s+)?"
          r"(?:church|cathedral|concert\s+hall|hall|arena|stadium|cave|canyon|temple)")
_SPACE = rf"(?:(?:singing|playing|being)\s+in\s+)?(?:a|an|the)\s+{_PLACE}"

SCENE_WORDS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    (r"\bhi\s+hats?\b", "hats"),                                                 # 'no hi hat on a ship': two words
    (r"\b(?:the\s+)?log[\s-]?drums?\b", "the bass"),                 # amapiano's log drum: its bass line, never a drum
    # a DAW's words
    (r"^(delete|remove|rm|clear|erase)\s+(?:the\s+)?(\w+)\s+clips?\b", r"\1 the \2 track"),   # the part stays
    (r"(?<=\w)(?<!\bthe)(?<!\ball)\s+clips?\b", ""),                             # 'the bass clip': the bass
    (r"(?<=\w)(?<!\bthe)(?<!\ball)\s+(?:devices?|channel|fader|chain|lane)\b", ""),   # 'reverb device': the reverb
    (r"\b(?:project|song|session|global|master|tap)\s+(tempo|bpm)\b", r"\1"),
    (r"^(?:launch|fire|trigger|play)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:clips?|scenes?|set)$", "start"),
    (r"^stop\s+all(?:\s+the)?\s+clips$", "stop"),
    (r"^(?:stop|end|finish)\s+(?:the\s+)?bounc(?:e|ing)(?:\s+(?:it\s+)?out)?$", "stop recording"),   # a bounce: a recording
    (r"^bounce\s+(?:it|this|that|the\s+(?:track|song|mix|beat|loop))(?:\s+(?:out|down))?$", "record"),
    (r"^(?:deactivate|disable|switch off)\s+(?:the\s+)?(\w+)(?:\s+track)?$", r"mute \1"),
    (r"^(?:activate|enable|switch on)\s+(?:the\s+)?(\w+)\s+track$", r"unmute \1"),
    (r"^(?:enable|join|turn on|start|sync to|sync with|connect to)\s+(?:ableton\s+)?link$", "link on"),
    (r"^(?:disable|leave|turn off|stop)\s+(?:ableton\s+)?link$", "link off"),
    (r"\b(\w+)\s+track\s+(?=(?:gain|volume|level|pan|louder|quieter|up|down)\b)", r"\1 "),
    # a modular synth's words
    (r"\bvcf\b", "filter"), (r"\b(?:vco|osc(?:illator)?)\s+(?=\d)", "freq "),
    (r"\b(?:amp|vca)\s+(?:env(?:elope)?|eg)\b|\beg\b", "adsr"),
    (r"\bpulse\s+width\b|\bpw\b", "width"), (r"\bpulse(?:\s+wave)?\b", "square"),
    (r"^(?:add\s+)?(?:an?\s+)?(?:wave\s*folder|folder)\b", "add a foldback distortion"),
    (r"^(highpass|lowpass|bandpass)\s+mode(?=,)", r"filter mode \1"),
    (r"^mult\s+", "connect "), (r"\breverb\s+size\b", "reverb room"), (r"\bsize\b(?=\s+(?:bigger|smaller|up|down|\d))", "room"),
    (r"^attenuate\s+(?:the\s+)?(\w+),\s*(?=depth\b)", r"\1 "), (r"^attenuate\s+(?:the\s+)?(\w+)$", r"\1 depth down"),
    (r"\b(sine|square|saw|triangle)\s+(?:wave|shape)\b(?=$|,)", r"\1"),
    (r"^(lfo\d*)\s+to\s+(?=(?:sine|square|saw|triangle|random)$)", r"\1 shape "),
    # a mixing engineer's words: a level moved in dB ('take 2 dB off the kick', 'pull the hats 2 dB', 'gain stage …')
    (r"^(?:take|cut|pull|knock|shave)\s+(\d+(?:\.\d+)?)\s*db\s+(?:off|from|out\s+of)\s+(?:the\s+)?(.+)$", r"\2 down \1 db"),
    (r"\b(?:pull|drop)\s+(?:the\s+)?(\w+)\s+(?:down\s+)?(\d+(?:\.\d+)?)\s*db\b", r"\1 down \2 db"),
    (r"\b(?:push|boost|bump)\s+(?:the\s+)?(?!up\b)([a-z]\w*)\s+(?:up\s+)?(\d+(?:\.\d+)?)\s*db\b", r"\1 up \2 db"),
    (r"^gain[\s-]stage\s+", ""), (r"\bboth\s+-(\d+(?:\.\d+)?)\s*db\b", r"both down \1 db"),
    (r"\b(?:low|bass)[\s-]?cut(?:\s+filter)?\b(?=\s+(?:at\s+)?\d)", "highpass"),
    (r"(?:\b(?:add|put|insert)\s+)?(?:\ban?\s+)?\b(?:low|bass)[\s-]?cut(?:\s+filter)?\b(?=\s+(?:on|to|for)\b|$)",
     "add a highpass filter at 100 hz"),   # a low corner, the body kept
    (r"\b(?:low|bass)[\s-]?cut(?:\s+filter)?\b", "highpass"), (r"\b(?:high|hi|treble)[\s-]?cut(?:\s+filter)?\b", "lowpass"),
    (r"^(?:roll\s+off|cut|thin\s+out)\s+(?:the\s+)?(?:low\s+end|lows|bass|bottom(?:\s+end)?|sub|mud)\s+(?:of|on|from|in)\s+"
     r"(?:the\s+)?(.+)$", r"add a highpass filter to the \1 at 100 hz"),   # a low cut: a corner low, the tone filter kept
    (r"^(?:roll\s+off|cut|tame)\s+(?:the\s+)?(?:highs|top(?:\s+end)?|treble|high\s+end|fizz)\s+(?:of|on|from|in)\s+"
     r"(?:the\s+)?(.+)$", r"lowpass the \1"),
    # a dub, acid or techno musician's words
    (r"\bsteppers\b(?:\s+kick)?|\bfour\s+to\s+the\s+floor\b", "four on the floor"),
    (r"^(?:a\s+)?one[\s-]+drop(?:\s+kick)?$|\bone[\s-]+drop\s+kick\b", "kick on 3"), (r",\s*skank(?:\s+style)?$", ""), (r"\bskank(?:\s+style)?\b", "offbeats"),
    (r"\briddim\s+(?=at\s+\d|\d)", "tempo "),
    (r"\b(?:on\s+)?(?:the\s+)?(?:ands|and\s+beats|&s)\b(?:\s+of\s+(?:each|every)\s+beat)?$", "on the offbeats"),
    (r"\b(?:reverb|verb)\s+tail\b", "reverb room"), (r"\b(?:echo|delay)\s+tail\b", "delay feedback"),
    (r"^pwm\s+(?:it|this|that|the\s+(\w+))$", lambda m: f"lfo on the {m.group(1) + ' ' if m.group(1) else ''}width"),
    (r"\bpitch\s+(?:wobble|modulation|mod|lfo)\b", "vibrato"), (r"\b(?:volume|level|amp)\s+(?:wobble|modulation|mod|lfo)\b", "tremolo"),
    (r"^(?:(?:a\s+|some\s+|subtle\s+|slight\s+|gentle\s+|little\s+)*(vibrato|tremolo|wobble))\s+(?:on|to)\s+(?:the\s+)?(\w+)"
     r"(?:\s*,\s*(?:subtle|slight|gentle))?(?=$|\s*,\s*(?:at\s+)?[\d.]+\s*hz$)", r"add \1 to the \2"),   # 'vibrato on the sine(, 6 hz)'
    (r"^(?:the\s+)?(\w+)\s+(vibrato|tremolo)$", r"add \2 to the \1"),
    (r"^(?:a\s+)?(?:huge|massive|giant|enormous|big|bigger|vast)\s+(?:reverb|verb|room|hall)$", "reverb bigger"),
    # a groove said as how human it sounds
    (r"(more\s+human\w*),?\s+(?:and\s+)?less\s+(?:robot|robotic|mechanical|stiff)\b", r"\1"),
    (r"\bless\s+(?:robot|robotic|mechanical|stiff)\b", "more human"),
    (r"^(?:the\s+)?(\w+)\s+with\s+(?=(?:more|less)\s)", r"\1 "),
    # a producer's note lengths: a triplet is two thirds of the length ('1/8 triplet' = 1/12 of a whole note)
    (r"\b(?:an?\s+)?(?:1/(4|8|16|32)|(quarter|eighth|8th|sixteenth|16th))(?:[\s-]+notes?)?(?:[\s-]*triplets?\b|t\b)",
     lambda m: m.group(0) if _RHYTHM_BEFORE.search(m.string[:m.start()]) else f"1/{_TRIPLET_OF[(m.group(1) or m.group(2)).lower()]}"),
    (r"^(?:boom[\s,!.]+){3}boom[\s!.]*$", "four on the floor"),                     # a kick said as it sounds
    (r"^(make\s+)?the\s+boom\b", r"\1the kick"), (r"^(\w+er)\s+boom$", r"\1 kick"),      # (after a value: how it sounds)
    # a drummer's words: a part that hits, plays or lands on beats is a rhythm on them
    (r"^(?:make|have|let)\s+(?:the\s+)?(\w+)\s+(?:hit|play|land|go)\s+(?=on\s)", r"\1 "),
    (r"^(?:the\s+)?(\w+)\s+(?:should|must|has\s+to|needs\s+to|will|to)\s+(?:hit|play|land|go)\s+(?=on\s)", r"\1 "),
    (r"^(?:the\s+)?(\w+)\s+(?:plays|lands|goes)\s+(?=on\s)", r"\1 "),
    (r"^(?:the\s+)?(\w+)\s+(?:shall|should|will|must|can|could|would)\s+play\s+", r"the \1 plays "),
    (r"^(?:the\s+)?(\w+)\s+plays\s+([a-g](?:#|b|sharp|flat)?-?\d)$", r"tune the \1 to \2"),     # one note: its pitch
    (r"^(?:only\s+)?(?:like\s+|about\s+|around\s+)?(\d+)\s*%\s+of\s+(?:the\s+)?(\w+)\s+(?:should\s+|will\s+|to\s+)?"
     r"(?:hit|play|sound|land|fire|trigger)s?$", r"\2 \1% of the time"),
    (r"\b(?:hit|hits|hitting)\s+harder\b", "punchier"),
    (r"^(.+?)\s+(?:goes|go|going|but(?:\s+like)?)\s+(?=(?:twice|double|half|triple)\b)", r"\1 "),   # 'the hats go twice as fast'
    # hits that drop out at random: a chance (some: 75% play; half: 50%; 'skips, like 80%': 80% play)
    (r"^(?:some|a\s+few)\s+(?:of\s+the\s+)?(\w+)\s+(?:randomly\s+)?(?:drop|skip)(?:\s+out)?(?:\s+randomly)?$", r"\1 75% of the time"),
    (r"^half\s+(?:of\s+)?the\s+(\w+)\s+(?:randomly\s+)?(?:drop|skip)(?:\s+out)?(?:\s+randomly)?$", r"\1 50% of the time"),
    (r"^(?:the\s+)?(\w+)\s+(?:sometimes|randomly)\s+(?:skips?|drops?(?:\s+out)?),?\s+(?:like\s+|about\s+)?(\d+)\s*%$",
     r"\1 \2% of the time"),
    # a listener's complaint: a part that is in the way is to be quieter ('that is too much' is of the last change)
    (r"^(?:the\s+)?(?!(?:that|this|it)\s)(.+?)\s+(?:thing\s+)?(?:is|are|'s|sounds?)\s+(?:so\s+|really\s+|kinda\s+|a\s+bit\s+|way\s+|too\s+)?"
     r"(?:annoying|distracting|overpowering|in\s+the\s+way|too\s+present|too\s+much)$", r"\1 quieter"),
    # a MIDI keyboard plugged in: the MIDI input, and the voice it plays when one is named
    (r"^(?:listen\s+to|connect|plug\s+in|hook\s+up|use|set\s+up)\s+(?:my\s+|the\s+|a\s+)?(?:midi\s+(?:keyboard|controller|keys)|"
     r"keyboard|controller)(?:\s+to\s+(?:the\s+)?(\w+))?$",
     lambda m: "use midi input auto" + (f", midi plays the {m.group(1)}" if m.group(1) else "")),
    (r"^midi\s+in(?:put)?\s+(?!off\b)(\S+)$", r"use midi input \1"),
    (r"^(?:send\s+|turn\s+on\s+)?(?:the\s+)?midi\s+clock\s+out(?:\s+on)?$", "midi clock on"),
    # a room named for a reverb: a big space is a bigger room (and, asked for, more of it)
    (rf"^(?:make\s+)?(?:the\s+)?(?:reverb|verb|reverberation)\s+(?:sound\s+)?(?:more\s+)?like\s+{_SPACE}$",
     "more reverb, reverb bigger"),
    (rf"^(more\s+(?:reverb|verb|reverberation)),?\s+(?:sound\s+)?like\s+(?:a|an|the)\s+{_PLACE}$", r"\1, reverb bigger"),
    (rf",?\s+like\s+(?:singing|playing|being)\s+in\s+(?:a|an|the)\s+{_PLACE}$", ""),   # how it feels: a remark
    (rf"^(?:an?\s+)?{_PLACE}\s+(?:reverb|verb)\b",
     "reverb bigger"),
    (r"^half[- ]?time\s+feel$", "half time everything"),      # a feel: every track at half speed, not the tempo
    # a classical player's words: a tempo marking is the middle of its usual metronome range
    (rf"^(?:(?:and|now|then)\s+)*(?:(?:play|take|make)\s+(?:it\s+|this\s+|that\s+)?|go\s+|tempo\s+|at\s+)?(?:an?\s+)?"
     rf"({'|'.join(TEMPO_MARKINGS)})(?:\s+tempo)?(?:\s+(?:now|please|then))*$",
     lambda m: f"tempo {TEMPO_MARKINGS[m.group(1).lower()]}"),
    # a live coder's words
    (r"^(?:use_bpm|set_bpm|setbpm|bpm\s*=)\s*\(?\s*(\d+(?:\.\d+)?)\s*\)?$", r"tempo \1"),
    (r"^([a-z_]+(?:\s+[a-z_]+)?):\s*(?=-?\d|\d*\.\d)", r"\1 "),                 # 'cutoff: 1480'
)]


#: Terms of several words the grammar would split into other commands ('sample and hold' is no
#: sampler): said as one word before the grammar reads a line.
_FIXED = re.compile(r"\b(?:s\s*&\s*h|s\s*/\s*h|sample\s+(?:and|&|n)\s+hold)\b(?:\s+(?:style|vibe))?", re.I)


_SCRATCH = re.compile(r"^\s*scrap\s+(?:that|this)\s*[.!]?\s*$", re.I)


#: 'fade in from nothing over 2 bars', 'fade up from silence': no part named — the whole mix, as 'fade in' is.
#: Cents said with flat or sharp: 'tune the kora 20 cents flat' moves it down; 'the sine is 20 cents sharp' is a
#: complaint, so it moves the other way (down), as a tuner's reading is corrected.
_CENTS_TO = re.compile(r"^(?P<head>(?:(?:re)?tune|make|put|set|detune|take)\s+.+?)\s+(?P<n>\d+(?:\.\d+)?)\s*cents?\s+"
                       r"(?P<way>flat|sharp)(?P<tail>[,.!].*)?$", re.I)
_CENTS_OFF = re.compile(r"^(?P<part>(?:the\s+|my\s+)?[\w-]+)\s+(?:is|'s|sounds|seems|feels)\s+(?:about\s+)?(?P<n>\d+(?:\.\d+)?)"
                        r"\s*cents?\s+(?P<way>flat|sharp)(?P<tail>[,.!].*)?$", re.I)
#: A delay named by the gear it imitates ('a tape delay on the snare', 'analog echo'): the delay there is.
_GEAR_DELAY = re.compile(r"\b(?:tape|analog(?:ue)?|space|digital|bbd|bucket[- ]brigade)\s+(?:delay|echo)\b", re.I)
#: The whole band, piece or orchestra: the whole mix ('the whole orchestra down 3 db', 'fade in the whole piece').
_WHOLE_BAND = re.compile(r"\bthe\s+(?:whole|entire|full)\s+(?:band|piece|orchestra|ensemble|group)\b|"
                         r"^(?:everybody|everyone)(?=\s+(?:back|to|at|in|out|down|up|louder|quieter|softer|faster|slower|half|double)\b)",
                         re.I)      # ('Everybody back to normal speed.': the whole band)
_FADE_UP_FROM = re.compile(r"^(?P<lead>(?:and\s+|now\s+|then\s+)?(?:slowly\s+)?)(?:fade|swell|bring)\s+(?:everything\s+)?(?:in|up)\s+"
                           r"from\s+(?:nothing|silence|zero|scratch)\b", re.I)

#: 'faster! 140', 'slower! 110': an exclamation before a number ends a clause as a comma does (never 'faster by 140').
_EXCLAIMED = re.compile(r"(?<=[^\W\d_])!+\s+(?=[+-]?\d)")

#: 'half time drums, snare on the 3': the snare on 3 is how the half-time feel is played — said once.
_HALF_TIME_THEN_SNARE = re.compile(r"^\s*half[- ]?time(?:\s+(?:feel|drums|groove|beat))?\s*,\s*(?=(?:the\s+|a\s+)?"
                                   r"(?:snare|clap)s?\b[^,]*\b(?:on|at)\s+(?:the\s+|beat\s+)?(?:3|three|third)\b)", re.I)


#: 'a dotted eighth delay on the saw', 'a 300 ms echo for the hats': an effect with its setting said first
#: (the grammar reads the setting as the effect's and 'on the saw' as switching the saw on).
_LENGTH = (r"(?:dotted\s+|triplet\s+)?(?:\d+(?:\.\d+)?\s*(?:ms|s|secs?|seconds?|%)|\d+/\d+(?:\s*t|\s+triplets?)?"
           r"|(?:an?\s+)?(?:quarter|eighth|8th|sixteenth|16th|half|whole)(?:[\s-]+notes?)?(?:\s+triplets?)?)")
#: A dotted note length said after its length ('1/8d', '1/4 dotted', 'quarter dotted'): 'dotted 1/8' is 3/16.
_DOTTED = re.compile(r"\b(?:dotted\s+1/(\d+)|1/(\d+)(?:d|\s+dotted)|(quarter|eighth|8th|sixteenth|16th|half)(?:[\s-]+notes?)?"
                     r"\s+dotted)\b", re.I)
_VALUED_EFFECT = re.compile(rf"^\s*(?P<verb>(?:please\s+)?(?:add|put|give(?:\s+(?:me|it))?|throw|stick|slap|i\s+want)\s+)?"
                            rf"(?:an?\s+)?(?P<value>{_LENGTH})[\s-]+(?P<effect>delay|echo|reverb|verb|distortion)\s+"
                            rf"(?:on|to|for|onto)\s+(?P<part>.+?)\s*[.!]?\s*$", re.I)
#: 'delay on the saw, dotted eighth': the setting of the effect said on that part.
_EFFECT_THEN_VALUE = re.compile(rf"^\s*(?P<effect>delay|echo|reverb|verb|distortion)\s+(?:on|to|for)\s+(?P<part>[^,]+?)\s*,\s*"
                                rf"(?P<value>{_LENGTH})\s*[.!]?\s*$", re.I)


#: 'make the pulse wider', 'a wider pulse', 'widen the pulse': the pulse width ('wider' alone is a stereo width).
_PULSE = re.compile(r"^\s*(?:make\s+)?(?:(?:the|a)\s+)?(?:pulse\s+(?P<a>wider|narrower|thinner)|(?P<b>wider|narrower|thinner)\s+pulse"
                    r"|(?P<c>widen|narrow)\s+the\s+pulse)(?!\s*width)\b", re.I)


#: 'on the and of every beat', 'on the upbeats': the offbeats (the grammar reads 'and' as a second command).
_AND_OF_EVERY = re.compile(r"\b(?:on\s+)?(?:(?:the|de|di)\s+)?(?:(?:and|&)\s+of\s+(?:every|each|all\s+the|the)\s+beats?|up-?\s?beats)\b", re.I)


#: 'start the record, name it kater_live', 'save what we have? Call it "Sunday Afternoon"', 'record start, name
#: mv_take1', "record please, file 'ensaio'", "load last weeks set, it's called easter_2026": a recording or a
#: session named in a clause of its own (the grammar takes 'what we have' for the name, or drops it).
_NAMED_AFTER = re.compile(r"^(?P<cmd>(?!.*\bsampl)(?!.*\binto\b).*?\b(?P<verb>record\w*|sav\w+|bounce|load\w*)\b.*?)\s*[,;:?.!]\s*(?:and\s+)?(?:please\s+)?"
                          r"(?:(?:(?:name|call|title)\s+it\s+(?:as\s+)?|(?:it'?s|its|it\s+is)\s+(?:called|named)\s+)['\"“]?(?P<name>[\w\- ]+?)"
                          r"(?:\.(?:wav|flac|aiff?))?['\"”]?|(?P<file>[\w-]+)\.(?:wav|flac|aiff?)|"
                          r"(?:the\s+)?(?:file\s*name|filename|file|name|title)\s*(?:[:=]\s*['\"“]?(?P<word>[\w-]+)['\"”]?|\s['\"“](?P<quoted>[\w-]+)['\"”]|"
                          r"\s(?P<token>[a-z-]*[_\d][\w-]*)))\s*[.!]*\s*$", re.I)   # (a bare 'name X': X looks like a file's name)
#: 'Save the current state as study_no_4': what is saved said in words (the session is all there is to save).
_SAVED_AS = re.compile(r"^\s*(?:save|store)\s+(?:the\s+|my\s+|this\s+|our\s+)?(?:current\s+|whole\s+)?(?:state|set|session|song|"
                       r"project|work|everything|jam)\s+(?=(?:as|under)\s)|(?<=^overwrite\s)\s*([\w-]+)\s+with\s+(?:this|it|that|"
                       r"what\s+we\s+have|the\s+current\s+\w+)\s*[.!]*$", re.I)   # ('overwrite mix_v3 with this': that name)


def _named_after(match: re.Match) -> str:
    name = re.sub(r"\s+", "_", (match["name"] or match["word"] or match["quoted"] or match["token"] or match["file"]).strip()).lower()
    verb = match["verb"].lower()
    return f"load {name}" if verb.startswith("load") else f"{'save' if verb.startswith('sav') else 'record'} as {name}"


#: A DAW's pan readout: 'pan 20 L', 'pan L20', '30R' — percent to that side.
_PAN_READOUT = re.compile(r"^\s*(?:(?:the\s+)?(?P<part>[a-z]\w*)\s+)?pan\s+(?:(?:the\s+)?(?P<part2>[a-z]\w*)\s+)?"
                          r"(?:(?P<n>\d+)\s*%?\s*(?P<side>[LR])|(?P<side2>[LR])\s*(?P<n2>\d+)\s*%?)\s*$")


def _pan_readout(match: re.Match) -> str:
    side = "left" if (match["side"] or match["side2"]) == "L" else "right"
    part = match["part"] or match["part2"]
    return f"pan {'the ' + part + ' ' if part else ''}{match['n'] or match['n2']}% {side}"


#: 'another saw detuned 15 cents', 'anotehr sine at 330': a new one with its setting (never the one there).
_ANOTHER = re.compile(r"^\s*(?:(?:and|now|then|add|give\s+me|gimme)\s+)?(?:another|anotehr|anuther|one\s+more)\s+"
                      r"(?P<type>[a-z]+)\s+(?:with\s+)?(?P<rest>(?:detuned|tuned|at|detune|pan(?:ned)?)\b.*)$", re.I)


def _another(match: re.Match) -> str:
    rest = re.sub(r"^detuned\b", "detune", match["rest"], flags=re.I)
    return f"add another {match['type']}{' ' if rest.lower().startswith('at') else ', '}{rest}"


#: 'stop that chord', 'end the note': the held note or chord released (no track plays it to stop).
_HELD = re.compile(r"^\s*(?:please\s+)?(?:stop|end|kill|cut|silence|let\s+go\s+of)\s+(?:the|that|this)\s+(?:held\s+)?"
                   r"(?:note|chord|drone|tone)(?:\s+now)?\s*[.!]?\s*$", re.I)


#: A DJ's 'on the one' after a part comes or goes: the next bar's first beat ('hats back in on the one'),
#: never beat 1 of a pattern ('kick on the one' is still a rhythm).
_ON_THE_ONE = re.compile(r"\b(back(?:\s+in)?|in|out)\s+on\s+the\s+(?:one|1)(?=\s*[.!]*\s*$)", re.I)


#: 'very' before a word: an intensifier — an adjective that ends the line, its comparative ('make it very
#: dark': darker); else the words say it well enough ('very gently', 'the snare is very high', 'very long, low').
_VERY = re.compile(r"(?P<before>\b(?:is|are|'s|sounds?|feels?|seems?|too|so)\s+)?\bvery\s+(?P<adj>[a-z]+)\b(?P<end>\s*[.!]*\s*$)?", re.I)


def _very(m: re.Match) -> str:
    adj = m["adj"].lower()
    said = ADJECTIVES[adj][1] if adj in ADJECTIVES and m["end"] is not None and not m["before"] else m["adj"]
    return (m["before"] or "") + said + (m["end"] or "")


#: 'back to full volume': the level it was made at (unity, 0 dB), not the top of the master's range (+6 dB).
_FULL_AGAIN = re.compile(r"^\s*(?:and\s+|now\s+|ok,?\s+)?(?:(?:go|bring\s+it|put\s+it|take\s+it|turn\s+it)\s+)?back\s+(?:up\s+)?to\s+"
                         r"full\s+(?:volume|level)\s*[.!]*$|^\s*full\s+(?:volume|level)\s+again\s*[.!]*$", re.I)


#: 'bring em back', 'turn 'em up': the pronoun, never the chord E minor (a verb that moves parts before it and a
#: direction or nothing after it; 'hold em' and 'play em' stay chords).
_EM_PRONOUN = re.compile(r"\b(bring|get|turn|take|put|pull|cut|drop|kill|mute|unmute|fade|pump|send|let|keep|kick|"
                         r"knock|push|throw|leave|lift|bump|crank|boost|pan|move|shift|slow|speed|mix|sit)\s+'?em\b"
                         r"(?=\s+(?:back|in|out|up|down|off|on|over|together|away|under|louder|quieter|softer|left|"
                         r"right|a\s+bit|a\s+little|a\s+touch|some|again)\b|\s*[.!?]*\s*$)|(?<![\w'])'em\b", re.I)

#: A line of notes with its bars marked ('bass notes d2 f2 a2 c3 | g2 b2 d3 f3'): each bar's notes share it.
_BARRED_NOTES = re.compile(r"^(?P<head>.*?\bnotes?:?)\s+(?P<body>[^|]+(?:\|[^|]*)+)$", re.I)
_NOTE_VALUES = {1: "whole", 2: "half", 4: "quarter", 8: "eighth", 16: "sixteenth"}


def _barred_notes(match: re.Match) -> str:
    """'bass notes d2 f2 a2 c3 | g2 b2 d3 f3': four to a bar, so quarter notes (the bars said are
    the line's rhythm, never flattened to one note a step); bars of other counts are refused, said."""
    bars = [bar.split() for bar in match["body"].split("|") if bar.strip()]
    counts = {len(bar) for bar in bars}
    if len(counts) != 1 or next(iter(counts)) not in _NOTE_VALUES:
        raise LanguageError(f"the bars hold {', '.join(str(len(bar)) for bar in bars)} notes: give each bar 1, 2, 4, 8 or "
                            f"16 (one note value), or say the notes without bars and their length ('… in eighth notes')",
                            match.start("body"))
    return f"{match['head']} {' '.join(n for bar in bars for n in bar)} in {_NOTE_VALUES[counts.pop()]} notes"

#: 'cut the hats by 3 dB', 'attenuate the hats by 6 dB': a level lowered by that much (a cut with no amount is a mute).
_CUT_BY = re.compile(r"\b(?:cut|attenuate)\s+(?P<what>.+?)\s+by\s+(?P<db>\d+(?:\.\d+)?\s*db)\b", re.I)   # (attenuating
#: something else, 'attenuate the highs', is a filter's: never a level)
#: 'A cadence in D minor: Dm, Gm, A7, Dm', 'a plagal cadence in C: F then C': the chords said after the colon are the
#: cadence (its name and key a label; never 'A' as a chord — the chords say their notes themselves).
_NAMED_THEN_CHORDS = re.compile(r"^\s*(?:a|an|the|my|our)\s+(?:[a-z]+\s+)?(?:cadence|progression|turnaround)\s*"
                                r"(?P<key>in\s+[a-g][#b]?(?:\s+(?:major|minor|dorian|mixolydian|phrygian|lydian|aeolian))?\s*)?:", re.I)
#: 'cut it to 70 percent', 'cut to 70%': the verb cut, a level brought down — never the cutoff's word 'cut'.
_CUT_TO = re.compile(r"^\s*(?:(?:please|now|then|and),?\s+)?cut\s+(?:(?:it|that|this|them)\s+)?(?:down\s+|back\s+)?to\s+(?=\d+(?:\.\d+)?\s*(?:%|percent\b))", re.I)

#: 'the filter cutoff of the bass', 'envelope attack of the bass': the param of that part (its module found from
#: the param, as 'the cutoff of the bass' is).
_TYPED_PARAM_OF = re.compile(r"\b(?:the\s+)?(?:filter|envelope|env|amp|adsr|oscillator|osc)\s+(?=[a-z]+\s+of\s+(?:the|my|that|this)\s)", re.I)

#: An ellipsis ('snare... i mean shime', 'kick… louder'): a pause in the sentence, never three rests of a rhythm
#: (a pattern of dots alone played the part silent and the rest of the line went to another).
_ELLIPSIS = re.compile(r"(?:(?<!\S)(?=[A-Za-z'’-]*[A-WYZa-wyz])(?P<word>[A-Za-z][A-Za-z'’-]*)(?:\.{2,3}|…)(?=\s|$)|(?<=\s)(?:\.{2,3}|…)(?=\s+[A-WYZa-wyz]))\s*")

#: 'new session', 'a new song', 'clean slate': a fresh start ('start over'), as a new shell (undo brings it back).
_NEW_PIECE = re.compile(r"^\s*(?:(?:ok|right|now|so),?\s+)?(?:let'?s\s+(?:do\s+|start\s+|have\s+)?|start\s+)?(?:a\s+)?(?:new|fresh)\s+"
                        r"(?:session|song|piece|tune|project)(?:\s+please)?[\s.!]*$|^\s*(?:a\s+)?(?:blank|clean)\s+(?:slate|sheet)[\s.!]*$", re.I)
#: 'what is the decay on the bass': of the bass (a question about a setting 'on' a part).
_WHAT_ON = re.compile(r"^(\s*what(?:'s|\s+is|\s+are)\s+the\s+\w+(?:\s+\w+)?)\s+on\s+(?=(?:the|my)\s+\w+\s*\??\s*$)", re.I)
#: 'pump it up': louder (the idiom) — never more of a wobble an LFO in focus has.
_PUMP_UP = re.compile(r"^\s*pump\s+(?:it|this|that)\s+up\b", re.I)
#: 'tune down a whole step' with no part said (half or whole steps): the band's tuning — every part, as 'transpose down a whole step' (it moved
#: the part in focus alone: the lead a tone below the riff).
_TUNE_DOWN = re.compile(r"^\s*(?:(?:let'?s|we'?ll|i'?ll)\s+)?(?:re)?tune\s+(?=(?:down|up)\s+(?:by\s+)?(?:(?:an?|one)\s+)?"
                        r"(?:half|whole|semitone|step|tone|[1-3]\s+(?:semitones?|half[\s-]?steps?|whole[\s-]?steps?|steps?))\b)"
                        r"(?!.*\band\s+a\s+half\b)", re.I)   # (an octave, a fifth: the part in focus, as before)
#: 'back it off' is less of what just moved, never 'it off' (a mute); after 'too much gain' it says the same once.
_BACK_IT_OFF = re.compile(r"^\s*(?:(?P<much>too\s+much\s+\w+(?:\s+\w+)?)\s*[,;:-]+\s*)?back\s+(?:it|that|them)\s+off\b", re.I)

#: 'high pass the hat at 8 khz', 'a low-pass': the filter's mode is one word ('highpass the hat' reads).
_SPLIT_PASS = re.compile(r"\b(high|low|band)[\s-]+pass\b", re.I)
#: An engineer's 'roll off everything below 30 hz on the kick', 'cut the highs above 8k on the hats': a low or high cut
#: there (with no part said, the whole mix has no filter: refused as before).
_ROLL_OFF = re.compile(r"\b(?:roll\s+off|cut|filter\s+out|take\s+out|get\s+rid\s+of)\s+(?:everything|all|the\s+(?:lows?|highs?|"
                       r"low\s+end|top\s+end|rumble|mud|hiss|fizz))?\s*(?P<way>below|under|above|over)\s+"
                       r"(?P<f>\d+(?:\.\d+)?\s*(?:k(?:hz)?|hz)\b)(?=\s+(?:on|for|from|in)\s)", re.I)   # (a part said)
#: The rewrites fixed_terms makes, in this order (a rule sees the line the ones before it left), a band leader's turns
#: first (band_turns.py) — one tuple, so `rewritten` builds its screen once.
_TERMS = BAND_TURNS + (
    (SECOND_THOUGHT, second_thought),
    (_SPLIT_PASS, r"\1pass"),
    (_ROLL_OFF, lambda m: f"{'low' if m['way'].lower() in ('below', 'under') else 'high'} cut at {m['f']}"),
    (_PUMP_UP, "much louder"),
    (_BACK_IT_OFF, lambda m: m["much"] or "back off"),
    (_TUNE_DOWN, "transpose "),
    (_NEW_PIECE, "start over"),
    (_WHAT_ON, r"\1 of "),
    (_ELLIPSIS, lambda m: f"{m['word'] or ''}, "),
    (_HALF_TIME_THEN_SNARE, ""),
    (_BARRED_NOTES, _barred_notes),
    (_TYPED_PARAM_OF, "the "),
    (_CUT_BY, r"lower \g<what> by \g<db>"),
    (_CUT_TO, "level to "),
    (_NAMED_THEN_CHORDS, "chords"),
    (_EM_PRONOUN, lambda m: f"{m.group(1)} them" if m.group(1) else "them"),
    (_PULSE, lambda m: "pulse width " + ("up" if (m["a"] or m["b"] or m["c"]).lower() in ("wider", "widen") else "down")),
    (_HELD, "release"),
    (_ON_THE_ONE, r"\1 at the next bar"),
    (_VERY, _very),
    (_FULL_AGAIN, "master volume 0 db"),
    (_AND_OF_EVERY, "on the offbeats"),
    (_ANOTHER, _another),
    (_PAN_READOUT, _pan_readout),
    (_SAVED_AS, lambda m: m.group(1) or "save "),
    (_NAMED_AFTER, _named_after),
    (_DOTTED, lambda m: f"dotted {m.group(3)}" if m.group(3) else f"3/{2 * int(m.group(1) or m.group(2))}"),
    (_VALUED_EFFECT, lambda m: f"add a {m['effect']} to {m['part']}, {m['value']}" if m["verb"] else
     f"{m['effect']} on {m['part']} at {m['value']}"),                           # asked to add: added
    (_EFFECT_THEN_VALUE, r"\g<effect> on \g<part> at \g<value>"),
    (_EXCLAIMED, ", "),
    (_WHOLE_BAND, "the whole thing"),
    (_FADE_UP_FROM, r"\g<lead>fade everything in from nothing"),
    (_GEAR_DELAY, "delay"),
    (_CENTS_TO, lambda m: f"{m['head']} {'down' if m['way'].lower() == 'flat' else 'up'} {m['n']} cents{m['tail'] or ''}"),
    (_CENTS_OFF, lambda m: f"{m['part']} {'up' if m['way'].lower() == 'flat' else 'down'} {m['n']} cents{m['tail'] or ''}"),
)


def em_as_them(line: str) -> str:
    """'bring em back': the pronoun said in full (the parts a change named read it before fixed_terms)."""
    return _EM_PRONOUN.sub(lambda m: f"{m.group(1)} them" if m.group(1) else "them", line) if "em" in line.lower() else line


_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u266C\u2670-\u27BF\uFE0F\u200D]+")   # (♭ ♮ ♯ kept: notes)


def fixed_terms(line: str) -> str:
    """The line with its fixed terms said as one word ('sample and hold lfo' → 'random lfo'; 'scrap
    that' is 'scratch that', never mind — not 'remove' the part in focus; a half-time feel said
    with the snare on 3 that plays it is that snare; 'a dotted eighth delay on the saw' is a delay
    added to the saw, its time a dotted eighth)."""
    line = _EMOJI.sub("", line).strip() or line       # 'more wobble 😎', "that's fire 🔥 again": the words
    if _SCRATCH.match(line):
        return "scratch that"
    line = rewritten(line, _TERMS)                    # each in turn, skipped where its words are not in the line
    if line.lstrip().startswith("/") or not ("&" in line or "/" in line or "hold" in line.lower()):
        return line                                   # a raw message, or no such term: as it is
    return _FIXED.sub("random", line)


#: What makes a triplet note value a rhythm rather than a length: a part just before it ('hats 8th triplets'), or
#: 'in'/'as' ('the snare in 1/8 triplets').
_RHYTHM_BEFORE = re.compile(r"(?:\b(?:hats?|hi-?hats?|kick|snare|drums?|claps?|perc\w*|toms?|rides?|shakers?|in|as|on)\s+)$",
                            re.I)


def scene_words(text: str) -> str:
    """The line with other tools' words said the language's way; the same line when it has none."""
    return rewritten(text, SCENE_WORDS)              # each rule in turn, those whose words are absent skipped


__all__ = ["scene_words", "fixed_terms", "em_as_them", "TEMPO_MARKINGS"]
