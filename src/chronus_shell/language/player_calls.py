"""A player's calls and shorthand said the language's way, before any reading (studio_words passes every line here): a
director's 'Cut! stop', a band's 'count it off and let's roll', the music picked up again, a patcher's clock and reset, a
take sent 'to disk', a session saved 'under' a name, a glide said as building up, a feel then its amount, a part's
filter or LFO said after it or with 'of', a part coming in or resting for some bars, a chord track's one bar each said
otherwise, a remark after a value ('just under runaway') or a caveat after a change ('but don't let it self-oscillate')."""
from __future__ import annotations

import re

from .literal_needs import rewritten

_MODES = r"(?:mixolydian|dorian|lydian|phrygian|locrian|aeolian|ionian)"
#: A chord symbol as written (a capital root: 'Fm7', 'Dbmaj7', 'C'), whatever the rules' case.
_CHORD = r"(?-i:[A-G][#b]?[\w#+/]*)"

_CALLS = [(re.compile(pattern, re.I), replacement) for pattern, replacement in (
    # where a take goes said ('record to disk', 'record it to a file'): the take, in the recordings folder
    (r"^((?:start\s+)?record(?:ing)?(?:\s+(?:it|this|that|everything))?)\s+(?:to|onto)\s+(?:the\s+|a\s+)?(?:disk|disc|hard\s*drive|"
     r"file|wav)\s*[.!]*$", r"\1"),
    # a session's name said with 'name' or 'under' ('save name tokyo_night', 'save it under demo2'): saved as it ('save as
    # name tag', 'save name badge', 'save under pressure' are names of two words)
    (r"^(save\s+(?:it|this|that|the\s+session|session|everything))\s+under\s+(?=[\w-]+\s*[.!]*$)", r"\1 as "),
    (r"^(save(?:\s+(?:it|this|that|the\s+session|session|everything))?)\s+(?:with\s+(?:the\s+)?name|name)\s+"
     r"(?=[\w-]*[_\d-][\w-]*\s*[.!]*$)", r"\1 as "),
    # a patcher's reset then run ('reset and run'): the sequence from its first step
    (r"^reset\s*(?:,|and|&|then|\+)\s*(?:then\s+)?(?:run|start|go|play)(?:\s+it)?\s*[.!]*$", "start"),
    # the end of a piece ('fade it out 4 bars and stop'): the whole mix fades, then the music stops
    (r"^fade\s+it\s+out\b(?=.*\band\s+(?:then\s+)?stop\s*[.!]*$)", "fade it all out"),
    # a part's module said with 'of' ('filter of rhodes up', 'the lfo of the keys slower'): the part's module
    (r"\b(the\s+)?(filter|lfo|delay|reverb|distortion|envelope|adsr|echo)\s+of\s+(?:the\s+|my\s+)?(?!(?:it|this|that|them|a|an|one|"
     r"two|three|four|half|quarter|eighth|sixteenth|dotted|about|some|around|roughly|just|only)\b)([a-z][\w-]*)", r"\1\3 \2"),
    # a part's filter said open after it ('rhodes filter more open', 'bass filter open up to 2500'): the filter opened
    (r"^(?:the\s+)?((?:[a-z][\w-]*\s+)?filter)\s+(?:more\s+|a\s+bit\s+(?:more\s+)?|a\s+little\s+(?:more\s+)?)?open\b(?:\s+up\b)?",
     r"open the \1"),
    # a part filtered from one cutoff to another ('filter the bass from 200 up to 2000 over 8 bars'): its filter swept
    (r"^filter\s+(?:the\s+|my\s+)?([a-z][\w-]*)\s+(?=from\s+\d)", r"sweep the \1 filter "),
    # a director's and an engineer's calls ('cut it', 'Cut! stop', 'cut tape'): the music stopped, the take ended ('cut'
    # alone is the cutoff's word)
    (r"^cut(?:\s+it|\s+the\s+music|\s+everything)(?:\s+(?:bruv|mate|man|dude|guys|please))?[\s!.]*$|^cut\s*[!.]*\s*,?\s*stop[\s!.]*$",
     "stop"),
    (r"^cut\s+(?:the\s+)?tape[\s!.]*$", "stop recording"),
    # a band's go ('count it off and let's roll', "let's roll"): started at the top of the bar (there is no count-in)
    (r"^(?:count\s+(?:it|us|me)\s+(?:off|in)\s*(?:,|and)\s*)?let'?s\s+(?:roll|rock|jam|go|do\s+it|play)(?:\s+it)?[\s!.]*$", "start"),
    # a glide said as building or getting there ('build it up to 136 over 8 bars', 'get slower gradually, to 80 over 4 bars')
    (r"^build\s+(?:it\s+)?up\s+to\s+(?=\d{2,3}(?:\.\d+)?\s*(?:bpm\s+)?over\b)", "speed up to "),
    (r"^(?:get|go|getting)\s+(slower|faster)(?:\s+(?:gradually|slowly|bit\s+by\s+bit))?\s*,?\s*(?:to\s+)?(?=\d{2,3}(?:\.\d+)?\s*(?:bpm\s+)?"
     r"over\b)", r"\1 to "),
    # a feel said, then its amount ('give it that shuffle, swing 20%', 'shuffle it a little, swing 30 percent'): the amount
    (r"^(?:give\s+it\s+(?:that|some|a|a\s+bit\s+of|a\s+little)?\s*(?:shuffle|swing|bounce)|(?:shuffle|swing)\s+it|make\s+it\s+(?:swing|shuffle))"
     r"(?:\s+(?:a\s+)?(?:little|bit|touch|tad))?\s*[,;:—–-]+\s*(?=(?:swing|shuffle)\s+\d)", ""),
    # a patcher's clock ('clock to 124', 'ramp the clock to 132 over 8 bars', 'stop the clock'): the tempo, the transport
    (r"\b(stop|halt|start|run|restart)\s+(?:the\s+)?(?:master\s+)?clock\b", r"\1"),
    (r"^(?:the\s+)?(?:master\s+)?clock\b(?=\s+(?:to|at|up|down|\d))", "tempo"),
    (r"\b(set|ramp|slew|glide|bring|push|pull|take|drop|raise|lower|speed\s+up|slow\s+down)\s+the\s+(?:master\s+)?clock\b", r"\1 the tempo"),
    # a part resting or coming in after some bars ('bass 2 bar rest', 'the bass rests for 2 bars'): out for those bars
    (r"^((?:the\s+)?(?!(?:a|an|one|the|take|give|have|add)\b)[a-z][\w-]*)\s+(?:(\d+)\s*-?\s*bars?\s+rest|rests?\s+(?:for\s+)?(\d+)\s+bars?)[\s.!]*$",
     lambda m: f"{m[1]} out for {m[2] or m[3]} bars"),
    # a chord track's one bar each said otherwise ('one bar one chord', 'one chord per bar'): a bar each
    (r",?\s*(?:one|1)\s+(?:bar|measure)\s+(?:one|per|a|each|for\s+each)\s+chord[\s.!]*$|,?\s*(?:one|1)\s+chord\s+(?:one|per|a|each)\s+"
     r"(?:bar|measure)[\s.!]*$", ", a bar each"),
    # a part's chords said with 'go' ('keys go Fm7 Dbmaj7 Bbm7 C7, a bar each'): the part plays them
    (rf"^((?:the\s+)?[a-z][\w-]*)\s+go(?:es)?\s+(?=(?:{_CHORD}\s*,?\s+)*(?-i:[A-G][#b]?(?:m|maj|min|dim|aug|sus|add)[\w#+/]*|"
     rf"[A-G][#b]?\d[\w#+/]*)(?:\s*,?\s+{_CHORD})*(?:\s*,|\s*$))", r"\1 plays "),
    # a drum machine's 'sixteen beat' ('hihat 16 beat please'): that drum in 16ths ('8 beat': 8ths)
    (r"^((?:the\s+)?(?:hi-?hats?|hats?|hh|kick|snare|shaker|ride))\s+(16|8)\s*-?\s*beats?(?=(?:\s+please)?[\s.!]*$)", r"\1 \2ths"),
    # everything said as the instruments ('all instrument up half tone'): everything
    (r"\b(?:all|every)\s+(?:the\s+)?instruments?\b", "everything"),
    # a capo said as on a guitar ('capo 3 like guitar'): the capo
    (r"^(capo\s+(?:on\s+)?\d+)\s*,?\s*(?:like|as)\s+(?:on\s+)?(?:an?\s+|the\s+)?(?:real\s+)?guitars?\b.*$", r"\1"),
    # a key change said as going there ("let's go to A", 'now go to E minor'): the music moved there
    (r"^(?:(?:ok|so|now|and)\s*,?\s+)*(?:let'?s\s+)?go\s+(?:up\s+|down\s+)?to\s+(?:the\s+key\s+of\s+)?([a-g](?:#|b)?)(\s+(?:major|minor))?"
     r"[\s.!]*$", lambda m: f"switch to {m[1]}{m[2]}" if m[2] else f"transpose to {m[1]}"),
    # a mode asked for by name ('give me the mixolydian', 'try dorian'): the key's tonic in that mode, as 'dorian instead'
    (rf"^(?:give\s+me|let'?s\s+(?:have|hear|try)|try)\s+(?:the\s+|a\s+|some\s+)?({_MODES})(?:\s+(?:mode|scale|sound))?[\s.!]*$",
     r"\1 instead"),
    # a chord pointed at, then named ('hold that 9 chord, Ab9 on the organ'): the chord named
    (r"^(hold|play)\s+(?:that|this|the)\s+[\w#-]+\s+chord\s*,\s*(?=[a-g])", r"\1 "),
    # a bass walk announced, then its notes ('walk it up, bass plays ab1 bb1 c2 db2'): the notes
    (r"^walk\s+it\s+(?:up|down)\s*[,:;—–-]+\s*(?=(?:the\s+)?[a-z][\w-]*\s+plays?\b|[a-g][#b]?\d(?:\s|$))", ""),
    # a euclidean rhythm named ('euclidean kick, 5 hits in 16'): the hits over the steps
    (r"^euclid(?:ean)?\s+(?:the\s+)?([a-z][\w-]*)\s*[,:]?\s*(\d+)\s+(?:hits|pulses|onsets)?\s*(?:in|over|of|out\s+of)\s+(\d+)",
     r"\1 \2 hits over \3"),
    # a second thought after a glide's target ('no, only to 66'): the target corrected
    (r"^(no|nope|nah)\s*[,—–:]\s*(?:only|just)\s+(?:to\s+)?(?=\d)", r"\1, "),
    # a ring-out before the fade ('ring it out, fade everything over 4 bars and stop'): the fade; everything faded 'out'
    (r"^(?:let\s+it\s+ring(?:\s+out)?|ring\s+it\s+out)\s*[,;:—–-]+\s*(?=fade\b)", ""),
    (r"^fade\s+(everything|it\s+all|the\s+whole\s+thing)\s+(?=over\s+\d+\s+bars?\b.*\band\s+(?:then\s+)?stop\s*[.!]*$)", r"fade \1 out "),
    # a part said to play on a rhythm ('hats play on every beat', 'can the kick play on 1 and 3?'): the part on it
    (r"^(?:(?:can|could|would|will)\s+(?:the\s+|my\s+)?([a-z][\w-]*)\s+play|(?:the\s+|my\s+)?([a-z][\w-]*)\s+plays?)\s+"
     r"(?=(?:only\s+)?on\s|every\s|in\s+(?:\d|eighths|sixteenths|quarters|triplets))", lambda m: f"{m[1] or m[2]} "),
    # a part played on the beats only ('can the hi-hats play only on the beats'): on every beat
    (r"\b(?:only\s+)?on\s+the\s+beats(?:\s+only)?\b", "on every beat"),
    # a drum machine's note repeat ('note repeat the hats in 16ths'): the drum in those notes
    (r"^note\s+repeat\s+(?:on\s+)?(?:the\s+)?([a-z][\w-]*)\s+(?:in|at|on)\s+", r"\1 in "),
    # a hit stuck on ('stick a snare on the last 16th an all'): put there; 'an all', 'and all' said as 'too'
    (r"^stick\s+(?=an?\s+[a-z][\w-]*\s+on\b)", "put "), (r"\s+(?:an|and)\s+all[.!]*$", " too"),
    # a part's filter opened slowly ('filter slowly open over 32 bars'): opened over that time
    (r"^(?:the\s+)?((?:[a-z][\w-]*\s+)?filter)\s+(slowly|gradually)\s+open(?:\s+up)?\b", r"\2 open the \1"),
    # 'again' said before a new rhythm ('and now again four to the floor'), a play said again ('play again'): the rhythm, a start
    (r"^(?:and\s+)?now\s+again\s+(?=\S)", ""), (r"^play\s+(?:it\s+)?again[\s!.]*$", "start"),
    # a German count of notes ('on the last 16tel', 'in Achteln'): sixteenths, eighths
    (r"\b(16|8|32)tel\b", r"\1th"), (r"\bsechzehntel(?:n)?\b", "sixteenth"), (r"\bachtel(?:n)?\b", "eighth"),
    # a reason after a change ('hats 80% chance so its less robotic'): the change
    (r"\s*,?\s+so\s+(?:that\s+)?(?:it'?s|its|it|they'?re|they)\b(?![^,]*(?:\d|\band\b|\bkey\b|\bmajor\b|\bminor\b|\bdb\b|%))[^,]*[.!]*$", ""),
    # how far a setting goes ('the room as big as it goes'): all the way
    (r"\s+as\s+(?:big|high|loud|long|much|bright)\s+as\s+it\s+(?:goes|can\s+go|gets|can\s+get)[.!]*$", " all the way up"),
    (r"\s+as\s+(?:small|low|quiet|short|dark)\s+as\s+it\s+(?:goes|can\s+go|gets|can\s+get)[.!]*$", " all the way down"),
    # a time said as the tempo's own ('delay time 1/16 at tempo'): the note value (it follows the tempo)
    (r"(?:(?<=/\d)|(?<=/\d\d))\s+(?:at|in|to|synced\s+to|locked\s+to)\s+(?:the\s+)?tempo\b", ""),
    # the end said at a bar ('we end at bar 8, full stop'): the stop there
    (r"^(?:we|let'?s|the\s+(?:song|tune|piece|track))\s+(?:end|ends|stop|stops|finish|finishes)\s+(?:at|on)\s+bar\s+(\d+)"
     r"(?:\s*,?\s*(?:full|dead|hard)\s+stop)?[\s.!]*$", r"stop at bar \1"),
    # a part named first, then 'only' ('only kick on the first beat'): that part there
    (r"^only\s+(?:the\s+)?((?:kick|snare|hats?|hi-?hats?|clap|ride|bass)\s+on\s+)(?!bar\s*\d)", r"\1"),
    (r"\bon\s+all\s+the\s+beats\b", "on every beat"),
    # a session found by what it is called ('open the one from last week its called cool_beat'): loaded by that name
    (r"^(?:open|load)\b.*?\b(?:it'?s|its)\s+called\s+([\w-]+)[\s.!]*$", r"load \1"),
    # two parts set 'both' ('bass and guitar both -2'): each
    (r"(?<=\w)\s+both\s+(?=[-+]?\d)", " "),
    # a note list said with 'on' ('bass on g2 e2 c2 d2, two beats each'): the part's notes
    (r"^((?:the\s+)?(?!(?:delay|reverb|filter|lfo|distortion|echo|adsr|envelope|acid_filter\w*|master)\b)[a-z][\w-]*)\s+on\s+"
     r"(?=(?:[a-g][#b]?\d\s*,?\s+){2,}[a-g][#b]?\d\b)", r"\1 notes "),
    # everyone back in ('full band back in', 'everybody in'): every part un-muted
    (r"^(?:and\s+)?(?:everything|everyone|everybody|all|(?:the\s+)?(?:full|whole)\s+band)\s+(?:back\s+)?in(?:\s+now)?[\s.!]*$",
     "unmute everything"),
    # a preference said as the correction ('no, I prefer lydian'): the one preferred instead
    (r"^(?:no|nah|nope)\s*[,.!]*\s+i'?d?\s+(?:prefer|rather(?:\s+have)?)\s+(.+?)[\s.!]*$", r"\1 instead"),
    # how long each chord lasts said with 'each one' ('play C Am F G, each one two beats'): that long each
    (r"\beach\s+(?:one|chord)\s+((?:a|an|one|two|three|four|half\s+a|\d+)\s+(?:beats?|bars?|measures?))[\s.!]*$", r"\1 each"),
    # a shuffle said with its amount ('shuffle 25% on the hats'): the swing
    (r"^shuffle\s+(?=\d+(?:\.\d+)?\s*(?:%|percent)?(?:\s|$))", "swing "),
    # everyone said first ('everyone up a tone for the singer'): everything (it moved the part in focus alone)
    (r"^(?:(?:ok|okay|now|and)\s*,?\s+)?(?:everyone|everybody)\b(?!\s*[,!.:]|\s*$)", "everything"),
    # a voice's pitch moved 'a bit' ('pitch the keys down a bit'): detuned a little, never an octave (a drum's, its tone)
    (r"^(?:pitch|tune)\s+((?:the\s+|my\s+)?(?!(?:kick|bd|snare|sd|hats?|hi-?hats?|hh|claps?|cymbals?|cowbell|shaker|toms?|ride|perc\w*|"
     r"drums?|kit|beat|filter|acid\w*|cutoff|reverb|delay|echo|lfo|wobble|distortion|drive|adsr|envelope|master|mix|it|this|that|"
     r"everything|everyone|everybody|all)\b)[a-z][\w-]*)\s+"
     r"(down|up)\s+(?:a\s+)?(?:(?:little\s+)?bit|touch|hair|little|tad|smidge|notch)[\s.!]*$", r"detune \1 \2 a bit"),
    # an organist's courtesies ('Could we have it at 84 beats per minute, please?', '…, if I may', 'Let us try …')
    (r"\bbeats\s+per\s+minute\b", "bpm"), (r"^could\s+we\s+have\s+(?:it|the\s+tempo)\s+at\s+(?=\d{2,3}\s*bpm\b)", "tempo "),
    (r"\s*,?\s*if\s+(?:i|we)\s+may[.!?]*$", ""), (r"^let\s+us\b", "let's"),
    # a part rested for some bars ('Please rest the flute for 2 bars'): out for those bars
    (r"^(?:please\s+)?rest\s+((?:the\s+|my\s+)?[a-z][\w-]*)\s+for\s+(\d+|one|two|four|eight)\s+bars?[\s.!]*$", r"\1 out for \2 bars"),
    # play pressed ('ok hit play', 'press stop'): the transport
    (r"^(?:(?:ok|okay|now|and)\s*,?\s+)?(?:hit|press|push)\s+(play|stop)[\s.!]*$", lambda m: "start" if m[1].lower() == "play" else "stop"),
    # a chord swapped to ('swap to Em7', 'switch to Fmaj7'): the next chord held (a capital root: never a word)
    (r"^(?:swap|switch|change|move)\s+to\s+(?=(?-i:[A-G])[#b]?(?:m|maj|min|dim|aug|sus|add|6|7|9|11|13)[\w#]*\s*[.!]*$)", "now "),
    # a live-coder's camel case ('fadeIn the pad over 4 bars', 'fadeOut over 8 bars then stop'): the fade
    (r"\bfade(in|out)\b", r"fade \1"),
    # a part dropped now and then ('sometimes drop the hats'): its hits by chance
    (r"^sometimes\s+(?:drop|mute|skip|lose)\s+(?:the\s+)?([a-z][\w-]*)[\s.!]*$", r"\1 sometimes"),
    # a note said with 'flat' or 'sharp' ('now B flat'): its letter (a capital: 'a flat sound' is no A flat)
    (r"(?-i:\b([A-G]))\s+flat\b(?:\s+(\d)\b)?", lambda m: f"{m[1]}b{m[2] or ''}"),
    (r"(?-i:\b([A-G]))\s+sharp\b(?:\s+(\d)\b)?", lambda m: f"{m[1]}#{m[2] or ''}"),
    # a choir's cut-off ('cut off together'): the music stopped
    (r"^(?:and\s+)?cut\s+off\s+(?:together|everyone|everybody|all\s+together)[\s.!]*$", "stop"),
    # a remark after a value ('feedback to 0.8, just under runaway'), a caveat after a change ('more resonance but don't
    # let it self-oscillate'): the value, the change
    (r"(?<=\d)\s*,\s*just\s+(?:under|below|short\s+of|shy\s+of)\s+(?!.*\bbar\s*\d)[a-z][\w\s-]*[.!]*$", ""),
    (r"\s*,?\s+but\s+(?:don'?t|do\s+not|never)\s+let\s+it\s+(?:self[\s-]?oscillate|clip|distort|run\s+away|scream|squeal|"
     r"feed\s?back|whistle|howl|get\s+harsh|explode|blow\s+up)[.!]*$", ""),
)]


#: The music picked up again where it stopped ('pick it back up', 'bring it back in where it was'): said while it is
#: stopped only (playing, 'pick it back up' is a part un-muted or a tempo, 'bring it back in' a part).
_AGAIN = [(re.compile(r"^(?:pick\s+it\s+(?:back\s+)?up|bring\s+it\s+back(?:\s+in)?(?=\s+(?:from\s+)?where))(?:\s+(?:from\s+)?where\s+"
                      r"(?:it|we)\s+(?:was|were|left\s+off|stopped))?[\s!.]*$", re.I), "continue")]
_CALLS_STOPPED = _CALLS + _AGAIN


def player_calls(line: str, running: bool = True) -> str:
    """The line with a player's calls said the language's way; the same line when it has none. `running`: the
    transport plays."""
    return rewritten(line, _CALLS if running else _CALLS_STOPPED)


__all__ = ["player_calls"]
