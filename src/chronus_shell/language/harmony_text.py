"""A harmony line tidied before it is read (parser_harmony): politeness and asides out, and chords said
in other words or notations written as the readers know them."""
from __future__ import annotations

import math
import re

from .chords import Chord
from .parser_harmony_keys import SCALE
from .errors import LanguageError
from .harmony_constituents import ASIDE
from .harmony_sargam import sargam
from .harmony_solfege import solfege
from .literal_needs import rewritten


_POLITE = re.compile(r"^(?:(?:please|pls|ok|okay|so|now|and|then|just|hey|yo|can you|could you|would you|will you|"
                     r"i want(?: to)?|i'?d like(?: to)?|i would like(?: to)?|i should like(?: to)?|let'?s(?: have)?|we need|i need|"
                     r"can (?:i|we) (?:get|have|hear)|would you be (?:so kind|good enough|so good) as to|would you be good enough to|"
                     r"might i ask you to|would it be possible to|kindly|lemme|let me (?=hear|have|get|try)|"
                     r"could (?:i|we) (?:get|have|hear)|(?:(?:can|could|shall|should) (?:we|i|you) |let'?s )?try(?: out)?)\s+)+|[\s,]+(?:please|pls|"
                     r"thanks|thank you|now|btw|tonight|lol|ok|okay|yeah)$")


#: Sonic Pi's chord(:e2, :minor7) and scale(:e1, :minor_pentatonic): the chord and the key they name.
_SONIC_PI_CHORD = re.compile(r"\(?\s*chord[\s(]+:?([a-g](?:s|b|#)?)-?\d?\s*,\s*:?'?([\w#]+)'?\s*\)")
_SONIC_PI_SCALE = re.compile(r"\(?\s*scale[\s(]+:?([a-g](?:s|b|#)?)-?\d?\s*,\s*:?'?([a-z_]+)'?\s*\)")
_SONIC_PI_QUALITY = re.compile(r"^(major|minor|dom)(?=\d)")


def _sonic_pi_chord(match: re.Match) -> str:
    quality = _SONIC_PI_QUALITY.sub(r"\1 ", match.group(2))               # 'minor7' → 'minor 7'
    return f" {_sonic_pi_root(match.group(1))} {quality} chord "


def _sonic_pi_root(root: str) -> str:
    return root[0] + "#" if root.endswith("s") and len(root) == 2 else root


#: What _clean takes out or rewrites, in order (pattern, replacement).
#: A section of a song, said to place a change ('for the last chorus').
#: An oscillator said by its type in a line of notes or a drone ('a drone on the sine').
_OSCILLATOR = "saw|square|sine|triangle|tri"
_SECTION = r"(?:(?:last|final|first|second|third|next|big) )?(?:chorus|verse|bridge|intro|outro|hook|refrain|drop|tag|coda)"
#: A chord named by its function in the key, as its degree ('the dominant of G' is D, never G7; the
#: dominant major in a minor key too, as harmony writes it).
_FUNCTIONS = {"tonic": "1", "supertonic": "2", "mediant": "3", "subdominant": "4", "dominant": "V", "submediant": "6"}


def _function_chord(match: re.Match) -> str:
    said = match.group(0)
    return f"the {_FUNCTIONS[match.group(1)]} chord" + (" in" if said.endswith((" of", " in")) else "")


_CLEANING = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    (r"^(?:could|can|would|will) (?:you|ya|u|we) (?:please |kindly |just )?(?=(?:play|hold|strum|give|try|put)\b)", ""),
    (r"^(?:i'?d like|i would like|i should like|i want|might|could|can|would|will) (?:the |my )?(?P<v>[\w-]+) (?:to )?"
     r"(?P<verb>play|hold|strum)\b", r"the \g<v> \g<verb>s"),                          # 'might the triangle play an Am chord'
    (r"^(?:i'?d|i would|we'?d|we would) (?:like|love|prefer) (?=(?:the|it|this|that) )", ""),   # 'I would like the music in A minor'
    (r"\s*\([^)]*\)\s*", " "),                                                        # (an aside)
    (r"^an? (?=chord (?:part|track|line|pattern|loop)\b)", ""),     # 'A chord part on the bells: C, …': an article
    (r",?\s*\bs'il (?:vous|te) pla[iî]t\b|^(?:voilà|voila|bon|alors|allez)\b,?\s*", ""),          # French courtesy
    (r"^et maintenant\b|^maintenant\b", "now"),
    (r"\b((?:12|twelve)[- ]bar(?: blues)?)( in [a-g][#b]?(?: major| minor)?),? with (?:a |the )?quick[- ](change|four)\b",
     r"\1 with the quick \3\2"),                                                        # the quick change said after the key
    (r"^(?:the\s+)?(\w+)\s+(?:tuned|pitched|retuned)\s+(?=to\b)", r"tune the \1 "),       # 'kick tuned to e'
    (r",\s*(?:it'?s|its|it is|because|cause|cuz|since|too)\b[^,]*$", ""),            # ', its too high for me'
    (r",?\s+like (?:the|a|an|every|in|on|my|that|those|they|you)\b[^,]*$", ""),      # ' like the video'
    (r"\b(?:sad|happy|dark|moody|dreamy|bright|lush|warm|jazzy|pretty|nice|fat|gloomy|cheerful)\s+"
     r"(?=(?:minor|major|maj|min|dominant|sus\w*|diminished|augmented|chords|progression|[a-g](?:#|b)?\S*\s+chord)\b)", ""),   # a mood said with its chord
    (r"\s+in (?:the|this|our) (?:current |same )?key(?=\s*[:,]|$)", ""),               # 'chords in the key: ii V I': the key set
    (r"\b(?:passing|approach|neighbou?r|pivot|substitute)\s+(?=chord)", ""),            # 'E dim7 passing chord': its role
    (r"\b((?:up|down|higher|lower) (?:a |an |one |two )?(?:half step|whole step|semitone|half tone|whole tone|tone|fifth|"
     r"fourth|octave)s?),? (to [a-g](?:#|b)?)$", r"\1, \2"),                          # 'up a half step to A': where it lands (checked)
    (r",? (?:the |in its |in the |its )?(harmonic|melodic|natural) (?:form|version|kind|one|variant)$", r", \1"),   # a kind of minor
    (rf"^(?:a |the )?(?P<what>melody|riff|lead|line|notes) on an? (?P<voice>{_OSCILLATOR})(?: wave| synth| oscillator)?:",
     r"add a \g<voice> and \g<what> on the \g<voice>:"),                              # 'melody on a square wave: e5 …'
    (r"^(?:now |then |and )?(?:make it |play )?(?:an? |the )?(sad|happy)(?: chord| version| one)$", r"make it \1"),     # 'now a sad chord'
    (r"\b(?:should|must|could|can|will|would) (?=(?:last|go|ring|play)\b)", ""),          # 'each chord should last 2 bars'
    (r",? instead$", ""),
    (r"\bthe (tonic|supertonic|mediant|subdominant|dominant|submediant)(?: (?:chord|triad))?"
     r"(?: (?:of|in)(?= [a-g](?:#|b)?(?: major| minor|m)?\b)|(?<=chord|triad))", _function_chord),   # 'the dominant of G': V
    (r"\b(?P<q>power|sus2|sus4|minor|major|maj7|m7|min7|dim|diminished|augmented|aug) chords:? (?P<list>[a-g](?:#|b)?"
     r"(?:(?:,? and |, | - |-| )[a-g](?:#|b)?)+)(?=$|[ ,])",
     lambda m: "chords " + re.sub(r"\b([a-g](?:#|b)?)\b", lambda n: n.group(1) + _LIST_QUALITY[m.group("q")], m.group("list"))),
     # 'power chords E A D': each letter that chord
    (r"\b(?:an? )?power chord (?:in|of) (?P<root>[a-g](?:#|b)?)(?= |$)(?! (?:major|minor)\b)", r"an \g<root> power chord"),
     # 'a power chord in E': an E power chord, E5 (never the article read as A)
    (r"\b(go|play|strum|walk|com|runn|climb|descend|ascend|hold|ring)in'?(?=\s|$|,)", r"\1ing"),   # 'goin up'
    (r"^(?:play |give |gimme )?(?:me |us )?(?:an? |the )?(?P<root>[a-g](?:#|b)?) (?:run|lick|riff|line|fill)(?P<on> on (?:the )?[\w-]+)?:\s*",
     r"notes \g<on> "),                                                              # 'a G run on the triangle: g a b d e'
    (r"^(?!.*\b(?:scale|melody|arp\w*|run|riff|line|tune)\b)(?!.*(?<!whole )\bnotes?\b)(?P<chords>.*?)(?:,?\s+(?:in |as )?whole notes$|"
     r"\b(?:a |one )?whole bars? each\b|\bone (?:chord )?to a bar\b|\bone (?:chord )?per bar\b)",
     r"\g<chords>, a bar each"),                                                                 # a chord a bar, said as a whole note
    (rf"^(?P<v>take|bring|move|put|kick|push|shift|knock) it (?=(?:up|down)\b.*,?\s+(?:for|in|on) (?:the )?{_SECTION}$)",
     r"\g<v> everything "),                              # 'take it up a step for the last verse': the song, every part
    (rf",?\s+(?:for|in|on) (?:the )?{_SECTION}$", ""),                                 # 'key up 2 for the last chorus': when, said by section
    (r",?\s+for (?:the |our |my |her |his )?(?:lead )?(?:singer|vocalist|soloist|choir|congregation|"
     r"tenor|alto|soprano|baritone|kids)s?$|,?\s+for (?:the )?(?:women|men|ladies|guys|girls|boys)(?:'s)?(?: key| range| voices)?$",
     ""),                                     # 'down a step for the lead': whose range
    (rf"^(?:the )?{_SECTION}[:,.]?\s+(?=.*\b(?:key|transpose|up|down)\b)", ""),         # 'last chorus key up half step'
    (r"\b(up|down) (half|whole) (step|tone)\b", r"\1 a \2 \3"),                          # 'up half step'
    (r"^(?:transpose|take|bring|move|put|go)? ?(?:it |everything |the song |this |us )?(?P<way>up|down) to "
     r"(?P<key>[a-g](?:#|b)?(?: major| minor)?)(?P<why> for the .+)?$", r"transpose to \g<key> going \g<way>\g<why>"),
     # 'up to E (for the next tune)': the music goes up to E
    (r"\bhole (step|tone)\b", r"whole \1"),                                       # a phone's 'hole step'
    (r"^(?:ping|hit|strike|trigger|fire|excite) (?P<voice>(?:the |a )?[\w-]+?)(?: osc(?:illator)?)? with (?:an? |the )?(?:note )?"
     r"(?P<what>[a-g](?:#|b)?\S*)$", r"play \g<what> on \g<voice>"),                    # 'ping the triangle with a c3'
    (r"^(?:stack|layer) (?P<what>(?:an? )?[a-g](?:#|b)?(?:maj|min|m|dim|aug|sus|add|\d)\S*)(?P<on> on (?:the )?[\w-]+?)"
     r"(?: osc(?:illator)?)?$", r"play \g<what>\g<on>"),
    (r"^(?:the )?blues in [a-g](?:#|b)?\s*,\s*(?:[iv]+[\s,-]+){2,4}(?=[a-g])", "chords "),   # 'blues in A, I IV V, A7 D7 E7'
    (r"(?<=[\w#+])\s*,\s+(?!(?:[a-z'-]+ )*?(?:all|seventh|sevenths|7th|major|minor|ninth|9th|sus\w*|dim\w*|aug\w*|power|open|"
     r"close|closed|drop|rootless|inverted|root|triads?|quarter|eighth|8th|16th|sixteenth|whole|half|notes?|short|long|staccato|"
     r"legato|stabs?|offbeat|off-beat|strummed|held)\b)(?:[a-z'-]+ ){0,2}(?:chords|voicings|changes)"
     r"(?P<on> on (?:the |a )?[\w-]+)?$", r"\g<on>"),
     # 'Dm Gm A7 Dm, brass chords on the triangle': what they are, then where
    (r"^(?:the )?(bass|bassline|melody|lead|chords|pad|arp|riff|strings|keys|organ|piano|guitar|vocals?) key "
     r"(?=(?:up|down|\+|-)\s*\S)", r"transpose the \1 "),                             # 'bass key up 2': that part
    (r"\bby (?:a |an )?perfect (fourth|fifth|octave)\b", r"up a \1"),                  # 'by a perfect fifth': up
    (r"\b(?:a |an )?perfect (fourth|fifth|octave)\b", r"a \1"),                          # perfect is what a fifth is
    (r"\b([1-7]) (?:minor|min)\b", r"\1m"),                                           # 'the 2 minor': 2m, a Nashville minor
    (r"\b([1-7]m?) (?:to|then|into|->|→) (?=[b#]?[1-7]\b)", r"\1 "),                  # '2m to 5 to 1': a run of numbers
    (r"^chords? (?:also |too )?(?:i want|i'?d like|please|we need)\s*:\s*", "chords "),    # 'chords also I want: C, Am'
    (r"^(?:play |sing )?(?:an? |the |some )?(?:alaa?p|aalaa?p|taan|phrase|lick|tune)(?: (?:slowly|slow|fast|softly))?\s*:\s*",
     "notes "),                                                                       # 'play alaap slowly: sa re ga re sa'
    (r"\s+[-–—]\s+(?:(?:'?\d0s|old school|classic|retro|typical|proper)\s+)?(?:(?!(?:half|double|time|swing|shuffle|"
     r"straight|triplets?|slow|fast)\b)[\w-]+\s+){0,2}(?:style|vibe|feel)$", ""),   # ('- half time feel' is kept)
    (r"\b(?:give (?:me |us )?|play |add |start |put )?(?:a |an |the )?(?:low |soft |quiet |steady )?drones? (?:of|on|with) "
     r"(?P<notes>[a-g](?:#|b)?\d?(?:(?:,? and |, | & | )[a-g](?:#|b)?\d?)+)(?P<rest>(?: on (?:the )?[\w-]+)?)$",
     r"play \g<notes> together\g<rest>"),                                             # 'drone of Sa and Pa': held together
    (r"^(?:the )?(?:chords|progression|changes)\s*:\s*(?=[a-g])", "chords "),       # 'chords: Am / F / C / G' (one 'chord:' is its notes)
    (r"(?<=[\w#])\s+/\s+(?=[a-g])", ", "),                                             # a spaced slash separates chords
    (r"^(?:play )?(?P<a>[a-g]\S*) for (?P<n>a|one|two|four|\d+) (?P<u>bars?|beats?) then (?P<b>[a-g]\S*) for (?P=n) (?P=u)"
     r"(?P<rest>(?: then [a-g]\S* for (?P=n) (?P=u))*)$",
     lambda m: _each_for(m)),                                                          # 'Am for 2 bars then F for 2 bars'
    (r"^(?:try |how about )?(?:the )?(?:(?:harmony|changes|chords|progression|chord chart) (?:of|for|from|in) [^:,]{1,40}|"
     r"(?:vamp|intro|verse|pre-?chorus|chorus|bridge|outro|tag|turnaround|[ab] section)(?: \d)?(?: chords)?|"
     r"(?:the|my|our|an?|this|that) (?!(?:[a-z'-]+ )*?(?:organ|piano|keys|pad|strings|synth|guitar|bass|lead|rhodes)\b)"
     r"(?:[a-z'-]+ ){0,3}(?:progression|changes)|"
     r"(?:ii[- ]v[- ]i|2[- ]5[- ]1|i[- ]vi[- ]ii[- ]v|i[- ]iv[- ]v)(?: (?:in|en|em) [a-g](?:#|b)?(?: major| minor)?)?):\s*"
     r"(?=[a-g])", "chords "),                                                        # 'vamp: Bb, Gm7 …', 'harmony of <song>: …'
    (r",? (?:un)?till? (?:ready|the cue|cue|we'?re ready)$|,? 'til (?:ready|the cue|cue)$", ""),   # a vamp's 'till ready': it loops
    (r"^(?:the )?(?:tone|tom|tono) (?:of|de|in|em) (?=[a-g](?:#|b)?(?: (?:major|minor|maj|min|m))?$)", "key of "),   # 'tom de C menor'
    (r"\bmeio tom (acima|pra cima|para cima|abaixo|pra baixo|para baixo)\b(?:,? half ?tone (?:up|down))?",
     lambda m: "up a half step" if "cima" in m.group(1) or "acima" in m.group(1) else "down a half step"),
    (r"(?<=\w)(?:\s+[-–—]\s+|\s*,\s*)(?:an? |the |classic |typical |jazz )?(?:minor |major )?"
     r"(?:two[- ]five[- ]one|2[- ]?5[- ]?1|ii[- ]v[- ]i)(?: minor| major| in minor| in major)?(?=\s*(?:,|$))",
     lambda m: "" if len(_SYMBOLS.findall(m.string[:m.start()])) >= 2 else m.group(0)),   # chords, then their name
    (r"\bwalking bass(?: ?line)?\b", "bass"),
    (rf"^(?:(?:play|give me|gimme|hold) )?(?:an? |the )?(?:(?P<voice>{_OSCILLATOR}) )?(?:drone on |drone of )?"
     r"(?:an? )?(?:low |deep |bass (?=note [a-g](?:#|b)? on ))(?:note )?(?P<n>[a-g](?:#|b)?)(?: (?:drone|note))?"
     r"(?P<on> on (?:the |a )?\w+)?$",
     lambda m: f"play {m['n']}2" + (m["on"] or (f" on the {m['voice']}" if m["voice"] else ""))),   # 'a low A': A2
    (rf"^(?:(?P<voice>{_OSCILLATOR}) )?drone on (?:an? )?(?P<n>[a-g](?:#|b)?\d?)$",
     lambda m: f"play {m['n']}" + (f" on the {m['voice']}" if m["voice"] else "")),                # 'sine drone on A'
    (r"^note (?=[a-g](?:#|b)?\d on )", "play "),                                                     # 'note Ab2 on the sine'
    (rf"^(?:add|put|give me) an? (?P<voice>{_OSCILLATOR})(?: wave| synth| oscillator)? (?:playing|that plays|to play) "
     r"(?P<notes>.+)$", r"add a \g<voice> and notes \g<notes> on the \g<voice>"),      # 'add a square wave playing c d e g'
    (r"^resolve (?:it|that|this|the chord)(?: back)? (?:to|into|on) (?:the )?", "play the chord of "),   # 'resolve it to C'
    (r"^(?P<a>.+?)(?P<on> on (?:the |my )?[\w-]+)(?:,? please)?,? in (?P<n>first|second|third|root) (?P<w>inversion|position)$",
     r"\g<a> in \g<n> \g<w>\g<on>"),                        # 'a C minor triad on the viola in first inversion'
    (r"^(?P<a>[^,]+?) for (?P<n>a|one|two|four|\d+) (?P<u>bars?|beats?) then (?P<b>[^,]+)$",    # 'Eb7sus4 for a bar then Eb7'
     r"\g<a> then \g<b>, \g<n> \g<u> each"),
))
def _bracketed_chord(match: re.Match) -> str:
    """'Dm7(b5)': the chord's symbol; tensions no chord here has are refused, never dropped as an aside."""
    chord = Chord.parse(match.group(0))
    if chord is None:
        raise LanguageError(f"I can't voice {match.group(0)!r}: in brackets I know b5 #5 b9 9 #9 11 #11 b13 13 and add9, "
                            f"as a chord has them (e.g. Dm7(b5), G7(b9), Am7(9), C6(9), G7(9,13))")
    return chord.symbol


def _each_for(match: re.Match) -> str:
    """'Am for 2 bars then F for 2 bars': the chords, then how long each lasts (said once)."""
    rest = re.sub(r" for \S+ \S+", "", match.group("rest"))
    return f"{match.group('a')} then {match.group('b')}{rest}, {match.group('n')} {match.group('u')} each"


#: Chord symbols with a quality (the name of a progression after them is only its name: 'Dm7b5 G7b9 Cm7, a 2-5-1').
_SYMBOLS = re.compile(r"\b[a-g](?:#|b)?(?:m|maj|min|dim|aug|sus|add|\d)[\w#+°ø]*")


#: A quality said once for a list of bare roots ('power chords E A D', 'minor chords a d e').
_LIST_QUALITY = {"power": "5", "sus2": "sus2", "sus4": "sus4", "minor": "m", "major": "", "maj7": "maj7", "m7": "m7", "min7": "m7",
                 "dim": "dim", "diminished": "dim", "augmented": "aug", "aug": "aug"}
_MAJOR_M = re.compile(r"\b([A-Ga-g](?:#|b)?)M(?=[79]\b)")
#: A chord with its tensions in brackets ('Dm7(b5)', 'G7(b9)', 'C7M(9)'): one symbol ('dm7b5'), never an aside.
_BRACKETED_CHORD = re.compile(r"\b[a-g](?:#|b)?[a-z0-9#+°ø]*\([^()]*\)")
_END_STOP = re.compile(r"(?<=\w)[.!?]+$")
_TIDAL_NAME = re.compile(r"\b([a-g](?:#|b)?)'(?=[a-z0-9])")
_TIDAL_N = re.compile(r"\bn\s+\"([^\"]*)\"")
_SPACES = re.compile(r"\s+")
#: A note said with 'flat' or 'sharp' ('b flat', 'f-sharp'); 'a' only where a note goes on ('a flat major', 'a flat 4', 'a
#: sharp', 'a flat, then c'), never the article before a word ('make it a flat sound', 'a sharp attack').
_FLAT_SHARP = re.compile(r"\b(?:([b-g])|(a))[\s-]+(flat|sharp)\b(?(2)(?=\s*$|\s*[,.;!?]|\s+(?:major|minor|maj|min|m\b|chord|key|"
                         r"note|scale|mode|dorian|lydian|mixolydian|phrygian|locrian|aeolian|ionian|dim|aug|sus|\d|and\b|on\b|in\b|"
                         r"to\b|then\b|over\b|please\b|instead\b|for\b)))")
#: German H is B ('h-minor', 'h minor'): only with its quality, never the letter alone.
_GERMAN_H = re.compile(r"\bh(?=[\s-](?:minor|major|min|maj)\b)")
#: 'a-minor', 'f#-dim': one chord symbol (not the article 'a' and a quality).
_HYPHENED = re.compile(r"\b([a-g](?:#|b)?)-(minor|major|min|maj|dim|diminished|aug|augmented)\b")
_HYPHEN_QUALITY = {"minor": "m", "min": "m", "major": "", "maj": "", "dim": "dim", "diminished": "dim", "aug": "aug",
                   "augmented": "aug"}


#: A chord's quality said in words, then the root it stands on ('a diminished seventh on b', 'major seventh
#: chord on c'): the chord symbol, so every chord reader takes it.
_QUALITY_WORDS = {
    "diminished seventh": "dim7", "diminished 7th": "dim7", "half-diminished": "m7b5", "half diminished": "m7b5",
    "half-diminished seventh": "m7b5", "half diminished seventh": "m7b5", "diminished": "dim", "augmented": "aug",
    "major seventh": "maj7", "major 7th": "maj7", "minor seventh": "m7", "minor 7th": "m7", "dominant seventh": "7",
    "dominant 7th": "7", "seventh": "7", "7th": "7", "major ninth": "maj9", "minor ninth": "m9", "ninth": "9",
    "suspended fourth": "sus4", "suspended 4th": "sus4", "suspended second": "sus2", "suspended 2nd": "sus2",
    "major sixth": "6", "minor sixth": "m6", "major": "", "minor": "m",
}
_QUALITY_ON = re.compile(r"(?<!harmonic )(?<!melodic )(?<!natural )(?<!jazz )(?<!hungarian )(?<!gypsy )(?<!romanian )"
                         r"\b(?:an? |the )?(?P<q>" + "|".join(sorted(map(re.escape, _QUALITY_WORDS), key=len, reverse=True)) +
                         r")(?: (?:chord|triad))? (?:on|built on|from) (?P<root>[a-g](?:#|b)?)(?=$|[,.]|\s+(?:on|for|to|please|now|"
                         r"and|then)\b)")


#: Nashville numbers: a chord a degree of the key, major unless marked minor ('1 6m 2m 5', '1 5 6m 4').
_NUMBER_SUFFIX = r"(?:maj7|m7b5|m7|m|7|°7|°|dim|sus4|sus2|6|9)"
_NUMBER_CHORD = rf"[b#]?[1-7]{_NUMBER_SUFFIX}?"
_NASHVILLE = re.compile(rf"^(?:(?:play|give me|gimme) )?(?P<said>(?:the |a |my )?(?:nashville(?: numbers?| number system| chart)?|(?:number |nashville )?chart)(?: (?P<key>in [a-g](?:#|b)?"
                        rf"(?: major| minor)?))?:?\s+)?(?P<run>{_NUMBER_CHORD}(?:(?:\s*[,|]\s*|\s+-\s+|\s+){_NUMBER_CHORD})+)"
                        rf"(?P<rest>(?:,? .*)?)$")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def _nashville(text: str) -> str:
    """Nashville numbers as roman numerals ('1 6m 2m 5' → 'I vi ii V'): where the line says
    'nashville' or marks a chord minor ('6m'), since a bare '2 5 1' is the jazz cadence, read
    in the key's own chords; a number alone is a major chord (the Nashville way)."""
    match = _NASHVILLE.fullmatch(text) if any(digit in text for digit in "1234567") else None
    if not match or not (match.group("said") or re.search(r"\dm(?!aj)", match.group("run"))):
        return text

    tokens = re.findall(_NUMBER_CHORD, match.group("run"))
    key = f" {match.group('key')}" if match.group("key") else ""
    return " ".join(_numeral(token) for token in tokens) + key + match.group("rest")


def _numeral(token: str) -> str:
    """A Nashville number as a roman numeral ('6m7' → 'vi7', '5' → 'V', 'b7' → 'bVII')."""
    found = re.fullmatch(r"([b#]?)([1-7])(.*)", token)
    accidental, roman, suffix = found.group(1), _ROMAN[int(found.group(2)) - 1], found.group(3)
    if suffix.startswith("m") and not suffix.startswith("maj"):
        return accidental + roman.lower() + suffix[1:].replace("7b5", "ø")
    if suffix in ("°", "°7", "dim"):
        return accidental + roman.lower() + "°"
    return accidental + roman + suffix


_COUNTED = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7"}
_DEGREE = r"(?:#|flat |sharp )?(?:[1-7]|one|two|three|four|five|six|seven)"      # ('b7 chord' is B7)
_SPOKEN_QUALITY = r"(?:minor|major|dominant|min|maj|dom) ?(?:7|seven|seventh|7th)|" + "|".join(
    sorted(map(re.escape, [w for w in _QUALITY_WORDS if w]), key=len, reverse=True))
#: One chord named by its number in the key, as a chart or a band leader says it: 'the 5 chord',
#: 'the 6 minor', '6m7', 'minor 7 on the 6', 'go to the 4'. A number alone is never a chord.
_ONE_NUMBER = re.compile(rf"^(?P<lead>(?:(?:play|give me|gimme|hit|now|then|and) )*)(?:(?:the )?(?P<q1>{_SPOKEN_QUALITY})"
                         rf"(?: chord)? on the (?!(?:1|one)\b)(?P<n1>{_DEGREE})|(?:the |a |an )?(?P<n2>{_DEGREE})(?P<sym>{_NUMBER_SUFFIX})?"
                         rf"(?: (?P<q2>{_SPOKEN_QUALITY}|7|seven))?(?P<chord> chord)?)(?P<rest>(?:,? (?:please|now|for .+))?)$")
_GO_TO = re.compile(rf"^(?:go|move|walk|head) (?:to|on to|up to|down to) the (?P<n>{_DEGREE})(?: chord)?$")


def _number_chord(text: str) -> str:
    """One Nashville number as its roman numeral chord, where the line marks it a chord: the word
    'chord', a quality ('6m', 'the 2 minor', 'minor 7 on the 6'), or a move to it ('go to the 4')."""
    if went := _GO_TO.fullmatch(text):
        return f"the {_numeral(_digit(went.group('n')))} chord"
    match = _ONE_NUMBER.fullmatch(text)
    if not match or not (match.group("q1") or match.group("q2") or match.group("sym") or match.group("chord")):
        return text
    spoken = match.group("q1") or match.group("q2")
    if match.group("sym") == "m" and spoken in ("7", "seven"):
        quality = "m7"                                 # 'the 2 minor 7' (read '2m 7' by then)
    else:
        quality = match.group("sym") or (_spoken(spoken) if spoken else "")
    return f"{match.group('lead')}the {_numeral(_digit(match.group('n1') or match.group('n2')) + quality)} chord{match.group('rest')}"


def _digit(degree: str) -> str:
    degree = degree.replace("flat ", "b").replace("sharp ", "#")
    return degree[:-len(degree.lstrip("b#"))] + _COUNTED.get(degree.lstrip("b#"), degree.lstrip("b#"))


def _spoken(quality: str) -> str:
    said = re.fullmatch(r"(minor|major|dominant|min|maj|dom) ?(?:7|seven|seventh|7th)", quality)
    if said:
        return {"min": "m7", "minor": "m7", "maj": "maj7", "major": "maj7"}.get(said.group(1), "7")
    return "7" if quality in ("7", "seven") else _QUALITY_WORDS[quality]          # 'the 5 7 chord': V7


_BUT_WITH = re.compile(r"^(?P<run>.+?),?\s+but\s+(?:with|use|using)\s+"
                       r"(?P<subs>[a-g](?:#|b)?\S*(?:(?:\s*,\s*|\s+and\s+|\s+)[a-g](?:#|b)?\S*)*)$")


def _but_with(text: str) -> str:
    """'em c g d but with em7 and cadd9': each chord named after 'but with' takes the place of the
    one on its root; a chord no root matches is asked about (never added to the run)."""
    match = _BUT_WITH.match(text) if "but" in text else None
    if not match:
        return text
    run = re.split(r"(\s*,\s*|\s+-\s+|\s+)", match.group("run"))
    subs = [s for s in re.split(r"\s*,\s*|\s+and\s+|\s+", match.group("subs")) if s]
    if not all(Chord.parse(sub) for sub in subs):
        return text                                   # 'but with a bass', 'but with more reverb': not chords
    chords = {i: Chord.parse(token) for i, token in enumerate(run) if token.strip(" ,-")}
    for sub in subs:
        new = Chord.parse(sub)
        places = [i for i, chord in chords.items() if chord is not None and new is not None and chord.root == new.root]
        if not places:
            raise LanguageError(f"'but with {sub}': no chord on its root to replace in '{match.group('run')}' — "
                                f"say the chords again with it", 0)
        for i in places:
            run[i] = sub
    return "".join(run)


_SCALE_OF = re.compile(rf"\b(?:the )?scale of (?:the )?{SCALE} (?:from|on|starting on|starting from|in) (?P<tonic>[a-g](?:#|b)?)\b")


#: A chord and how long it lasts, said one after another ('bb major one bar, f major one bar, g minor two bars, c7 one
#: bar', 'am for 2 bars then f for a bar'): a chord a bar, a chord of two bars said twice.
_LASTING = (r"(?P<root>[a-g](?:#|b)?)\s*(?P<q>major|minor|maj|min|m)?\s*(?P<ext>maj7|m7|7|9|11|13|6|sus2|sus4|dim7|dim|aug)?"
            r"\s+(?:for\s+)?(?P<n>a|an|one|two|three|four|half\s+a|\d)\s+(?P<unit>bars?|beats?)")
_CHORD_LASTING = re.compile(_LASTING)
_ANY_LASTING = re.sub(r"\?P<\w+>", "?:", _LASTING)
_CHORDS_LASTING = re.compile(rf"^(?:(?:the\s+)?chords?:?\s+)?{_ANY_LASTING}(?:\s*(?:,|;|\s+then|\s+and)\s+(?:then\s+)?{_ANY_LASTING})+$")
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _chords_lasting(text: str) -> str:
    """'bb major one bar, g minor two bars' → 'chords bb bb… , a bar each' (half a bar: 2 beats each)."""
    items = []
    for said in _CHORD_LASTING.finditer(text):
        minor = said["q"] in ("minor", "min", "m")
        ext = said["ext"] or ""
        symbol = said["root"] + ("m" if minor else "") + ("maj7" if said["q"] in ("major", "maj") and ext == "7" else ext)
        n = said["n"]
        beats = 2 if n.startswith("half") else (_COUNTS.get(n) or int(n)) * (1 if said["unit"].startswith("beat") else 4)
        items.append((symbol, beats))
    unit = math.gcd(*(beats for _, beats in items))
    each = "a bar" if unit == 4 else ("2 bars" if unit == 8 else f"{unit} beats")
    return "chords " + " ".join(symbol for symbol, beats in items for _ in range(beats // unit)) + f", {each} each"


def cleaned(line: str) -> str:
    """The line as the harmony readers take it: lower case, politeness, asides and moods out, chords
    said in words or other notations (Sonic Pi, Tidal, German H, 'a-minor') as symbols. (Each
    rewrite is skipped where the line lacks a letter or word it cannot match without.)"""
    text = line.strip()
    if "M" in text:
        text = _MAJOR_M.sub(r"\1maj", text)                                       # CM7 is C major 7, Cm7 minor
    if text.endswith((".", "!", "?")):
        text = _END_STOP.sub("", text)
    text = solfege(sargam(text.strip().lower()))                                  # 'la menor': a minor; 'Sa is C#'…
    if "'" in text:
        text = _TIDAL_NAME.sub(r"\1", text)                                      # tidal chord names: c'min7
    if '"' in text:
        text = _TIDAL_N.sub(r"notes \1", text).replace('"', "")                  # tidal: n "a c e"
    text = text.replace("$", " ")
    if "chord" in text:
        text = _SONIC_PI_CHORD.sub(_sonic_pi_chord, text)
    if "scale" in text:
        text = _SONIC_PI_SCALE.sub(lambda m: f" key {_sonic_pi_root(m.group(1))} {m.group(2).replace('_', ' ')} ", text)
    if "(" in text:
        text = _BRACKETED_CHORD.sub(_bracketed_chord, text)
    if ("bar" in text or "beat" in text) and _CHORDS_LASTING.match(text):
        text = _chords_lasting(text)                                              # 'g minor two bars, c7 one bar'
    text = rewritten(text, _CLEANING)                                             # (each rule whose words are there)
    text = _SPACES.sub(" ", _POLITE.sub("", _POLITE.sub("", text))).strip()
    text = ASIDE.sub("", text).strip(" ,")                                        # 'for the last chorus
    if "flat" in text or "sharp" in text:
        text = _FLAT_SHARP.sub(lambda m: (m.group(1) or m.group(2)) + ("b" if m.group(3) == "flat" else "#"), text)
    if "min" in text or "maj" in text:
        text = _GERMAN_H.sub("b", text)
    if "-" in text:
        text = _HYPHENED.sub(lambda m: m.group(1) + _HYPHEN_QUALITY[m.group(2)], text)
    text = _but_with(_nashville(_number_chord(text)))
    if "scale of" in text:
        text = _SCALE_OF.sub(lambda m: f"the {m.group('tonic')} {m.group(1)} scale", text)   # 'scale of hijaz from d'
    if "on " in text or "from " in text:
        text = _QUALITY_ON.sub(lambda m: f"{m.group('root')}{_QUALITY_WORDS[m.group('q')]} chord", text)
    if "minor" in text or "major" in text or "th" in text:
        text = _ROOT_QUALITY.sub(lambda m: m["root"] + _QUALITY_WORDS[m["q"]], text)   # 'g minor seventh': gm7
        text = _CHANGED_CHORD.sub(lambda m: f"{m['the']}{m['root']}{'m' if m['q'] == 'minor' else ''}", text)
    text = text.replace("♯", "#").replace("♭", "b")
    return _SPACES.sub(" ", text)


#: A chord said root first with a quality of more than a triad ('g minor seventh', 'c major 7th', 'b diminished').
_ROOT_QUALITY = re.compile(r"(?<!interval of )(?<!intervals of )\b(?P<root>[a-g](?:#|b)?) (?P<q>" + "|".join(
    sorted((re.escape(q) for q in _QUALITY_WORDS if q not in ("major", "minor", "seventh", "7th", "ninth")), key=len, reverse=True))
    + r")\b(?! (?:above|below|up|down|from|over|under|higher|lower)\b)")     # (an interval: 'a major sixth above c4')
#: The chord a change names ('the g minor should be gm7', 'that c major becomes c6'): its symbol.
_CHANGED_CHORD = re.compile(r"\b(?P<the>the |that )(?P<root>[a-g](?:#|b)?) (?P<q>minor|major)(?= (?:should|becomes|must|could|has to|needs to|to|->|→)\b)")


__all__ = ["cleaned"]
