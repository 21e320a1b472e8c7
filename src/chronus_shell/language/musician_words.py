"""The second stage's word lists (second_stage.py reads them): musicians' words for what the language
names otherwise, chatter that carries no instruction, English words never taken for typos, and words
naming several parts at once. Each list is declared here only."""
from __future__ import annotations

#: Musicians' words for what the language names otherwise (whole words, one way).
SLANG = {
    "bassline": "bass", "bass-line": "bass", "hihat": "hats", "hi-hat": "hats", "hihats": "hats",
    "hi-hats": "hats", "hh": "hats", "sn": "snare", "verb": "reverb", "fb": "feedback", "rez": "resonance",
    "overall": "master", "oscs": "oscillators", "tuned": "tune", "wee": "little",
    "echo": "delay", "echoes": "delay", "slapback": "delay", "slap-back": "delay", "plz": "please", "hats": "hats", "speed": "tempo",
    "rm": "remove", "del": "delete", "hush": "stop", "dist": "distortion", "vol": "volume",
    "tri": "triangle", "delaytime": "delay time", "delayfeedback": "delay feedback", "tighter": "shorter",
    "looser": "longer", "sweep": "lfo", "spring": "reverb", "plate": "reverb", "teh": "the", "hte": "the",
    "period": "rate", "dly": "delay", "bp": "bandpass", "hp": "highpass", "general": "master", "metronome": "tempo",
    "blend": "mix", "saturation": "distortion", "saturator": "distortion", "tail": "decay", "envelope": "adsr", "env": "adsr", "wobbling": "wobble", "reverberation": "reverb", "sqr": "square", "amp": "adsr", "its": "it", "it's": "it",
    "rly": "really", "rlly": "really", "lil": "little", "abit": "a bit", "dont": "don't", "doesnt": "doesn't",
    "isnt": "isn't", "hall": "reverb", "halftone": "semitone", "halftones": "semitones", "quint": "fifth",
    "quints": "fifths", "takt": "bar", "takts": "bars", "takte": "bars", "cant": "can't", "wont": "won't", "thats": "that's", "theres": "there's",
    "vco": "osc", "vcos": "oscs", "vcf": "filter", "volt": "octave", "volts": "octaves",   # modular: 1 V per octave
    "hot": "loud",                                                                       # a level running hot
    "lp": "lowpass", "lpf": "lowpass", "hpf": "highpass",                                # an engineer's filter letters
    "tss": "hats", "tsss": "hats", "tssss": "hats",                                      # what a beginner hears
    "repetitions": "repeats", "wah": "wobble", "wahwah": "wobble", "wah-wah": "wobble",
    "bitcrushed": "bitcrush", "crushed": "bitcrush", "folded": "foldback", "clipped": "hard",   # a mode said as what it did
    # Jamaican patois (dancehall, dub): 'echo pon di snare' ('tek' is learner_words.py's: take, or a drum)
    "pon": "on", "di": "the", "inna": "in", "fi": "for", "lickle": "little", "likkle": "little", "mek": "make",
    "den": "then", "ova": "over", "lef": "left", "nuff": "more",
    # Trinidadian (soca): 'put de iron on de hat', 'take off de swing'
    "dem": "them", "dat": "that", "dis": "this", "ting": "thing",
    # a gamer's chat: 'moar bass', 'pan hats lft'
    "moar": "more", "lft": "left", "rght": "right", "rite": "right", "panned": "pan",
    # text-speak: 'snare on 2 n 4', 'can u make it louder', 'thx'
    "n": "and", "u": "you", "thx": "thanks", "pls": "please", "w/": "with", "bc": "because",
    "gonna": "going to", "wanna": "want to", "lemme": "let me",
    # a hurried texter's: 'tmpo up to 140 ovr 16 bars', 'nvm back down', 'stp rec', 'add reverb to da bass'
    "ovr": "over", "nvm": "never mind", "stp": "stop", "shft": "shift", "da": "the", "tmpo": "tempo", "temp0": "tempo",
    # a jazz player's 'comp the chords on 2 and 4': play them (never 'completely')
    "comp": "play", "comping": "playing",
    # a choreographer's counts: 'kick on every count', 'the shaker on the off counts'
    "count": "beat", "counts": "beats",
    # German words kept in English: 'schneller, 135', 'mute the bassdrum for 16 Takten'
    "schneller": "faster", "langsamer": "slower", "lauter": "louder", "leiser": "quieter", "takten": "bars",
    "bassdrum": "kick",
    # a band leader's and a pit conductor's calls: 'everybody out but the kick', 'percussion tacet 4 bars'
    "everybody": "everything", "everyone": "everything", "percussion": "drums", "tacet": "out", "clicks": "bpm",
    # a synthesist's terms: 'instantiate a sine', 'phase-shift the hats', 'band-pass mode'
    "instantiate": "add", "spawn": "add", "phase-shift": "shift", "band-pass": "bandpass", "low-pass": "lowpass",
    "high-pass": "highpass", "sample-and-hold": "random", "s&h": "random",
    # British note values: 'delay time a dotted crotchet', 'kick in minims', 'hats semiquavers on the last beat'
    "semibreve": "whole note", "semibreves": "whole notes", "minim": "half note", "minims": "half notes",
    "crotchet": "quarter note", "crotchets": "quarter notes", "quaver": "eighth note", "quavers": "eighth notes",
    "semiquaver": "sixteenth note", "semiquavers": "sixteenth notes", "demisemiquaver": "thirty-second note",
    "demisemiquavers": "thirty-second notes",
}
#: Who a line is said to, after it or after a name ('kick louder bruv', 'the saw is the bass bruv'): chatter, never a name.
VOCATIVES = frozenset({"bruv", "blud", "bruh", "bredrin", "cuz", "homie", "innit", "fam", "mate", "dude", "bro", "man"})
#: Chatter that carries no instruction here ("real plucky", "like 200hz", "nice, now ...").
NOISE = {"like", "real", "nice", "yeah", "yes", "ok", "okay", "nah", "right", "super", "pretty", "kinda",
         "sorta", "too", "also", "hmm", "cool",
         "ah", "oh", "alright", "lol", "wow", "sweet", "y'know", "basically", "totally", "quite",
         "tiny", "even", "still", "yo", "gentle", "subtle", "slight", "lovely", "entirely",
         "habibi", "yalla", "khalas", "bitte", "bredren", "seen", "wah gwaan", "bare",
         "very", "lmao", "lmfao", "rofl", "lol", "haha",
         "exactly", "obviously", "honestly", "definitely", "seriously", "precisely", "literally", "clearly", "throughout"} | VOCATIVES   # an intensifier: 'very slow' is slower, never 'verb slow'
#: English words one letter off a word of the language, typed meaning themselves: never typos of it
#: ('made' is not 'mode', 'listen' not 'list', 'stone' not 'store', 'kind' not 'wind').
NOT_TYPOS = {"made", "listen", "listening", "stone", "kind", "mind", "wonder", "walls", "want", "mine", "lone",
             "sing", "sung", "song", "tell", "take", "gave", "tone", "mood", "move", "warm", "mellow", "band",
             "human", "very", "grain", "grains", "grainy",       # ('more grain' is no 'more gain')
             # English words one letter off a word of the language ('call it piano' is no 'all', 'than' no 'that')
             "call", "hear", "than", "done", "its", "how", "side", "train", "ones", "stomp", "still",
             # ... and ones an idiom uses ('heat it up' is no 'hat up', 'let it roll' no rollback, 'shine' no sine)
             "heat", "bash", "fall", "feel", "fill", "filthy", "float", "roll", "shine", "spin", "sway", "tall", "wire",
             "wipe", "dive", "chunky", "crack", "charge", "cold", "nice", "sick", "wake", "wash", "wish",
             "write", "tube", "spice", "shake", "stream", "stale", "love", "lean", "good", "bang", "bite", "bland",
             "chant", "haul", "hiss", "mast", "muck", "rattle", "seat", "tough", "wail", "whose", "wound", "nope",
             "come", "came", "camp",
             # a show's and a studio's words ('cue 3' is no 'cut', 'dub the snare out' no 'db', 'brush' no 'bitcrush')
             "cue", "cues", "dub", "dubs", "brush", "brushes", "mud", "muddy", "same", "ought", "count",
             # a song's sections: 'no hats in the chorus' is not 'the chords'
             "chorus", "verse", "verses", "intro", "outro", "breakdown", "coda", "hook"}
#: Words of named rhythms the grammar reads in phrases ("on the offbeat"): never typos.
RHYTHM_WORDS = {"offbeat", "offbeats", "backbeat", "backbeats", "downbeat", "downbeats", "sixteenths",
                "eighths", "quarters", "later", "earlier"}
#: Words that name several parts at once.
GROUPS = {"drums": ("drum",), "kit": ("drum",), "oscillators": ("source",), "oscs": ("source",),
          "synths": ("source",), "sounds": ("source",), "voices": ("source",)}


__all__ = ["SLANG", "NOISE", "VOCATIVES", "NOT_TYPOS", "RHYTHM_WORDS", "GROUPS"]
