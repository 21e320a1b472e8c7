"""The small lexicon of a harmony sentence (harmony_sentences.py): the words a chord or key line may
hold besides its chords, notes and voices. A word outside it means the line is not only harmony."""
from __future__ import annotations

from .harmony_pitches import PITCH_VERBS

#: Words that only colour a chord line ('dark', 'lofi loop'): left out, said back by the echo.
COLOUR = frozenset(
    "loop looping loops vamp vamping play playing strum comp chords chord progression changes dark sad happy moody "
    "dreamy lofi lo-fi jazzy pretty nice lush big sounds sound vibe vibes it a an the some just then to and for "
    "that this me gimme give with keep going repeat repeating cycle over pad thing please minor major from back "
    "simple classic cheesy emotional chill warm cadence turnaround lay down out but now again round go lets let's "
    "slow long dub reggae".split())
#: Verbs that play what the sentence names, and words that say to keep it sounding.
PLAY_VERBS = frozenset("play playing plays hold holding strum strumming hit sound sounding drone droning sit ring hang "
                       "sustain lay put throw use make have want need do bring loop looping vamp vamping comp walk "
                       "comping gimme give hear get write blow hum".split())
#: Words joining chords in a run ('sus4 to 7', 'csus4 drifting into c', 'am then f').
JOINS = frozenset("to into then and moving going resolve resolves resolving drifting sliding falling rising leading over up changing "
                  "switching switch change".split())
#: Words that say nothing to the harmony (articles, pronouns, politeness, feel).
FILLER = frozenset("a an the some that this it me us we my our just so yeah now please pls let lets let's on in of with "
                   "for chord chords triad progression changes stab stabs riff feel style vibe church gospel kind sort "
                   "like bit little nice big fat lush wide open spread but also thing set is as note signature everything short two three four five six every hits part verse chorus bridge intro outro breakdown section jazz pop rock soul funk rnb power triads minor major suspended dominant diminished augmented barre sub hymn hymns amen low deep "
                   "underneath beneath very singer singers choir guys pipe barbershop".split()) | COLOUR
#: What musicians call a run of notes ('ostinato on the sine: …', 'bass riff e e g a').
NOTE_NOUNS = frozenset("notes note melody riff line bassline ostinato sequence sequencer hook motif lick figure theme tune head "
                       "fingerpicking picking".split())
#: Words that make a line about the key ('root note G, scale mixolydian', 'quantize to a minor').
KEY_WORDS = frozenset("key scale mode root tonic tonality quantize quantise quantizer quantiser".split())


def known(word: str) -> bool:
    """Whether a harmony sentence may hold the word ('-ish' colours a chord: 'jazz-ish')."""
    return word in FILLER or word in PLAY_VERBS or word in PITCH_VERBS or word in JOINS or word in KEY_WORDS or word in NOTE_NOUNS or \
        word.endswith("-ish")
