"""A Spanish-, Portuguese-, French- or German-speaking musician's words for parts, bars and a few verbs, said the
language's way before any reading (the bombo or bumbo is the kick, the caja or caixa the snare, a compás,
compasso or mesure a bar, 'tira' takes a part out, a tabla player's matra a step): whole words that mean nothing else in English. (Key, chord and note words — 'la menor', 'acorde', solfège — are read by the harmony
readers: harmony_solfege.py.)"""
from __future__ import annotations

import re

from .korean_words import korean_in_english
from .literal_needs import rewritten
from .world_words import world_in_english

#: Spanish, Portuguese and French words for parts, bars and a few verbs → the language's words (one way each).
OTHER_LANGUAGES = {
    "bombo": "kick", "caja": "snare", "platillo": "hats", "platillos": "hats", "charles": "hats",
    "compás": "bar", "compas": "bar", "compases": "bars", "tonality": "key", "secuencer": "sequencer",
    "secuenciador": "sequencer",
    "semicorchea": "sixteenth", "semicorcheas": "sixteenths", "corchea": "eighth", "corcheas": "eighths",
    "negra": "quarter", "negras": "quarters",
    "grave": "low", "graves": "low", "agudo": "high", "aguda": "high", "agudos": "high", "fuerte": "loud",
    "subir": "raise", "sube": "raise", "bajar": "lower", "baja": "lower",
    "charge": "load",                                  # cargar: a false friend
    # Spanish verbs and comparisons (cumbia, mariachi, salsa): 'bajo más fuerte', 'pan the hats a la izquierda'
    "más": "more", "menos": "less", "izquierda": "left", "derecha": "right",
    "rápido": "fast", "rápida": "fast", "deshacer": "undo", "deshaz": "undo", "graba": "record",
    "cargar": "load", "carga": "load", "guardar": "save", "guarda": "save", "guárdalo": "save", "guardalo": "save",
    "quita": "remove", "quitar": "remove", "filtro": "filter", "distorsión": "distortion", "distorsion": "distortion",
    "eco": "echo", "abre": "open", "abrir": "open", "cierra": "close", "une": "a", "oups": "oops",
    "mas": "more", "los": "the", "todo": "everything", "afuera": "out", "vuelve": "back", "ahora": "now",
    "acordes": "chords", "abajo": "down", "arriba": "up", "mitad": "half", "flauta": "flute", "acordeon": "accordion",
    "acordeón": "accordion", "grabar": "record", "ancho": "wide", "pulso": "pulse",
    # Portuguese (baile funk, bossa): 'tira the chimbal', 'surdo more grave', 'in 2 compassos'
    "chimbal": "hats", "bumbo": "kick", "surdo": "kick", "caixa": "snare", "baixo": "bass", "compasso": "bar",
    "compassos": "bars", "colcheia": "eighth", "colcheias": "eighths", "semicolcheia": "sixteenth",
    "semicolcheias": "sixteenths", "andamento": "tempo", "tira": "mute", "inverte": "reverse", "sobe": "raise",
    "desce": "lower", "grava": "record", "gravar": "record", "distorção": "distortion", "resonância": "resonance",
    # French (chanson): 'in 4 mesures', 'la résonance'
    "mesure": "bar", "mesures": "bars", "résonance": "resonance", "doucement": "slowly", "sinusoïde": "sine",
    "encore": "again", "arrête": "stop", "arrete": "stop", "arrêtez": "stop", "tambours": "drums", "les": "the",
    "batterie": "drums",
    # German (schlager, a Berlin studio): 'lauter', '4 Takte', 'Tonart C-Dur', 'eine Achtel', 'für 2 Takte'
    "lauter": "louder", "leiser": "quieter", "schneller": "faster", "langsamer": "slower", "höher": "higher",
    "hoeher": "higher", "tiefer": "lower", "takt": "bar", "takte": "bars", "takten": "bars", "tonart": "key",
    "achtel": "eighth", "achtelnoten": "eighths", "viertel": "quarter", "sechzehntel": "sixteenth", "halbton": "semitone",
    "halbtöne": "semitones", "ganzton": "whole tone", "oktave": "octave", "prozent": "percent", "für": "for",
    "fuer": "for", "über": "over", "ueber": "over", "nein": "no", "bitte": "please", "danke": "thanks",
    "speichern": "save", "laden": "load", "aufnahme": "recording", "starten": "start", "stoppen": "stop",
    "mehr": "more", "weniger": "less", "noch": "even", "kurz": "short", "kürzer": "shorter", "länger": "longer",
    "zufall": "chance", "gesamt": "everything", "langsam": "slowly", "schnell": "fast", "mit": "with", "und": "and",
    "ein": "one", "eine": "one", "einen": "one", "auf": "to", "verzerrung": "distortion",
    "schlagzeug": "drums", "wieder": "again", "bisschen": "a bit", "bißchen": "a bit",
    "ein bisschen": "a bit", "ein wenig": "a little", "mais baixo": "quieter", "mais alto": "louder",
    "jetzt": "now", "alles": "everything", "hart": "hard", "links": "left", "rechts": "right", "halten": "hold",
    "akkorde": "chords", "akkord": "chord", "nur": "only", "auf dem": "on the", "auf der": "on the", "auf den": "on the",
    "punktiert": "dotted", "schmaler": "narrower", "breiter": "wider", "dunkler": "darker", "heller": "brighter",
    "resonanz": "resonance", "als": "as", "lade": "load", "dasselbe": "the same", "stumm": "muted", "raus": "out",
    "rein": "in", "pulsweite": "pulse width", "ausblenden": "fade out", "einblenden": "fade in", "ende": "end",
    "vom": "of the", "nee": "no", "lautstärke": "volume", "verzögerung": "delay",
    # Portuguese (baile funk): 'segura um acorde', 'agora A', 'desfaz', 'salva como …', 'pan synth esquerda 30'
    "segura": "hold", "agora": "now", "tudo": "everything", "desfaz": "undo", "mais": "more", "salva": "save",
    "salvar": "save", "como": "as", "pontuado": "dotted", "esquerda": "left", "direita": "right", "oitava": "octave",
    "escala": "scale", "pros": "for the", "carrega": "load", "desculpa": "sorry", "pouquinho": "little bit",
    "na": "on the", "filtre": "filter", "volta": "back", "distorcao": "distortion", "com": "with",
    "frigia": "phrygian", "dorico": "dorian", "dórico": "dorian", "lidio": "lydian", "lídio": "lydian",
    # Portuguese (fado): 'mais devagar, 58 em 8 compassos', 'demasiado, metade', 'larga o acorde', 'parar', 'sem swing'
    "parar": "stop", "passou": "too much", "aumenta": "raise", "diminui": "lower", "abaixa": "lower", "bateria": "drums",
    "acelera": "speed up", "abafado": "darker", "maior": "major", "entra devagar": "comes in slowly", "mais devagar": "slower", "demasiado": "too much", "metade": "half that",
    "larga": "release", "escura": "darker", "escuro": "darker", "entra": "comes in", "repetições": "repeats",
    "repeticoes": "repeats", "semínima": "quarter", "seminima": "quarter", "continua": "continue", "sem": "no",
    "de onde parou": "from where it stopped", "um compasso cada": "one bar each",
    "da": "of the", "tudo direito": "straight", "mais escura": "darker", "mais escuro": "darker",
    # Italian (italo disco, a conservatory): 'muta la cassa per 2 battute', 'delay sul lead, 1/8 puntato', 'registra'
    "cassa": "kick", "rullante": "snare", "batteria": "drums", "battuta": "bar", "battute": "bars", "misure": "bars",
    "sul": "on the", "sulla": "on the", "sullo": "on the", "sui": "on the", "sugli": "on the",
    "della": "of the", "dello": "of the", "gli": "the",
    "troppo": "too much", "adesso": "now", "ancora": "again", "muta": "mute", "smuta": "unmute", "registra": "record",
    "carica": "load", "annulla": "undo", "ferma": "stop", "fermati": "stop", "riparti": "start", "ricomincia": "start",
    "suona": "play", "semitono": "semitone", "semitoni": "semitones", "ottava": "octave", "ottave": "octaves",
    "puntato": "dotted", "sedicesimo": "sixteenth", "sedicesimi": "sixteenths", "ottavi": "eighths",
    "ciascuno": "each", "ciascuna": "each", "ognuno": "each", "ognuna": "each", "tutto": "everything",
    "trasponi": "transpose", "trasporta": "transpose", "aperto": "open", "apri": "open", "chiudi": "close",
    "richiudilo": "close it", "richiudi": "close", "poi": "then", "sopra": "up", "sotto": "down",
    "veloce": "fast", "destra": "right", "sinistra": "left", "accelera": "speed up", "rallenta": "slow down",
    "anzi": "no", "grazie": "thanks", "dissolvenza": "fade", "volume": "volume", "riverbero": "reverb",
    "basso": "bass", "tonalità": "key", "tonalita": "key", "alla": "at the", "due": "two", "tre": "three", "quattro": "four",
    "cinque": "five", "sei": "six", "otto": "eight", "sedici": "sixteen",
    # French (French house, a chanson): 'le clap -2 dB', 'delay sur le clap, croche pointée', 'remets les hats'
    "le": "the", "sur": "on", "ouvre": "open", "ouvre-le": "open it", "ferme": "close", "ferme-le": "close it",
    "remets": "bring back", "trop": "too much", "maintenant": "now", "lache": "release", "lâche": "release",
    "chacun": "each", "chacune": "each", "tonalite": "key", "tonalité": "key", "croche": "eighth", "croches": "eighths",
    "pointee": "dotted", "pointée": "dotted", "puis": "then", "basse": "bass", "et": "and", "gauche": "left",
    "droite": "right", "montee": "build", "montée": "build", "caisse": "snare", "grosse caisse": "kick",
    # French (zouk, kompa): 'monte la basse un peu', 'pareil pour la chacha', 'enlève le lfo des keys', 'annule'
    "caisse claire": "snare", "monte": "turn up", "baisse": "turn down", "pareil": "the same", "pour": "for", "des": "of the",
    "du": "of the", "enlève": "remove", "enleve": "remove", "retire": "remove", "accord": "chord", "accords": "chords",
    "tiens": "hold", "tout": "everything", "annule": "undo", "annuler": "undo", "ralentis": "slow down",
    "ralentir": "slow down", "accélère": "speed up", "accelere": "speed up", "coupe": "cut", "coupez": "cut",
    "pendant": "for", "enregistre": "record", "enregistrer": "record", "appelle": "call", "attends": "wait",
    "attendez": "wait", "juste": "just", "doubles croches": "sixteenths", "double croche": "sixteenth",
    # Hindustani (tabla): a matra is a beat of the taal (a step of its cycle), laya the tempo, an avartan a cycle (a bar)
    "matra": "step", "matras": "steps", "laya": "tempo", "avartan": "bar", "avartans": "bars", "badhao": "up",
    "ghatao": "down",
    # Hinglish (a film-session arranger): 'strings thoda louder', 'zyada ho gaya, wapas karo', 'sab kuch ek semitone upar'
    "thoda": "a bit", "thodi": "a bit", "zyada ho gaya": "too much", "zyada": "more", "wapas": "back", "nahi": "no",
    "nahin": "no", "sab kuch": "everything", "sab": "everything", "aur": "and", "upar": "up", "neeche": "down",
    "niche": "down", "pe": "on", "sirf": "only", "ke liye": "", "karo": "", "ek": "one", "lao": "",
    # Finglish (a santur player): 'arom tar' slower, 'kamtar' less, 'tombak va daf', 'bebakhshid', 'kami' a bit
    "arom": "slowly", "aroom": "slowly", "tond": "fast", "kamtar": "less", "bishtar": "more", "kami": "a bit", "va": "and",
    "bebakhshid": "sorry", "dobare": "again", "bala": "up", "payin": "down", "paeen": "down",
}
_WORDS = re.compile(r"(?<!\w)(?:" + "|".join(sorted(OTHER_LANGUAGES, key=len, reverse=True)) + r")(?!\w)", re.I)
#: The part a Spanish verb's pronoun points at, said after it: 'al bajo', 'a la guitarra', 'a los platillos'.
_TO_PART = r"(?:al|a\s+(?:la|las|los|el|the))\s+(?P<part>[\w-]+)"


def _part(match: re.Match) -> str:
    part = match.group("part")
    return f"the {_BAJO.get(part.lower(), part)}" if part else "it"


#: 'bajo' after an article is the bass (alone it is also 'low': never rewritten there).
_BAJO = {"bajo": "bass"}


def _german_root(root: str) -> str:
    """A German key's root in English letters: h is B, b is B flat, -is sharp, -es (or -s) flat."""
    if root in ("h", "b"):
        return "b" if root == "h" else "bb"
    return root[0] + ("#" if root.endswith("is") else "b" if len(root) > 1 else "")


#: Parts by the words musicians call them by, for a part joined to another by 'e' (the note E is no part).
_PART_WORDS = ("kick|snare|hats|hat|clap|bass|lead|pad|drums|guitar|rim|rimshot|shaker|piano|synth|organ|strings|"
               "chords|ride|toms?|keys|bell|sub|808|cowbell|vocals?|melody")


#: Turns of phrase said word for word in English (el doble de rápido, al final del compás, entra la caja; para
#: tudo, bota … back, um tom; et maintenant).
_PHRASES = [(re.compile(p, re.I), r) for p, r in (
    (r"\bthe\s+double\s+of\s+(fast|slow|quick)\b", r"twice as \1"),
    (r"\b(?:appears|appear|appearing)\b", "fades in"), (r"\b(?:disappears|disappear|disappearing)\b", "fades out"),   # (aparece)
    (r"(?<=,)\s*the\s+double[.!]*$", " the double speed"), (r"^undo\s*,\s*(?=undo\b)", ""),   # ('desfaz, undo that')
    (r"^(put|play|hold)\s+(?:in|on)\s+the\s+([\w-]+)\s+(a\s+chord\s+.+?)[.!]*$", r"\1 \3 on the \2"),   # ('put in the pad a chord
    #                                                                                 of la minor': poner en el pad un acorde)     # ('the hats more fast, the double': el doble, said again)
    (r"\bthe\s+half\s+of\s+(fast|slow|quick)\b", r"half as \1"),
    (r"\b(?:in|at)\s+the\s+final\s+of\b", "at the end of"),
    (r"(?:^|(?<=bars )|(?<=bar )|(?<=beats )|(?<=, ))enters?\s+(?=(?:the\s+)?[a-z])", "bring in "),   # (never 'the pad enter')
    (r"^para\s+(?:tudo|todo|everything)$", "stop"), (r"\bpara\s+de\s+(?:gravar|record)\b", "stop recording"),   # ('gravar' is 'record' by now)
    (r"^bota\s+(.+?)\s+back$", r"put \1 back"), (r"\b(up|down|sobe|desce|higher|lower)\s+(?:one|um|a)\s+tom\b", r"\1 a whole step"),
    (r"\b(?:one|um)\s+tom\b", "a whole step"),
    (r"\bun\s+demi-ton\b", "a semitone"),
    (r"^et\s+maintenant\b", "and now"),
    (r"\bdas\s+gleiche\b", "the same"), (r"\bje\s+one\s+(bar|beat)\b", r"one \1 each"), (r"\bzu\s+viel\b", "too much"),
    (r"^(.+?)\s+again\s+in$", r"bring \1 back"), (r"\bagain\s+(start|stop)$", r"\1 again"), (r"\bfor\s+die\b", "for the"),
    (r"\b(h|[a-g](?:is|es|s)?)-(moll|dur)\b", lambda m: f"{_german_root(m.group(1).lower())} "
     f"{'minor' if m.group(2).lower() == 'moll' else 'major'}"),     # ('d-moll', 'B-Dur' is B flat, 'h-moll' B, 'fis-moll')
    (r"\bchords\s+im\s+", "chords on the "), (r"\bless\s+o\s+(?=\S)", "except the "),
    (r"\bmesma\s+coisa\b", "the same"), (r"\b(?:uma|one)\s+octave\s+(acima|abaixo)\b",
     lambda m: f"{'up' if m.group(1).lower() == 'acima' else 'down'} an octave"), (r"^o\s+(?!k\b)(?=[a-z]{2})", "the "),
    (r"\b(?:um\s+)?acorde\s+de\s+([a-g](?:#|b)?(?:m|maj|min|dim|aug|sus)?\d*)(?=\s|$)", r"a \1 chord"),   # ('segura um acorde de G')
    (r"(?<=[^\W\d_]\s)(?<!\band\s)(?<!\bok\s)no\s+(?=(?:viol[ãa]o|baixo|bumbo|caixa|sanfona|acorde[ãa]o|teclado|guitarra|"
     r"chimbal|surdo|pandeiro|zabumba|tri[âa]ngulo|violino|cavaquinho|bateria)\b)", "on the "),   # ('reverb no violão': on
    #                                                   the — never after a comma or 'and': '…, no piano' is without it)
    (r"\bum\s+acorde\b", "a chord"), (r"^solta\s+(?:o\s+)?(?:acorde|chord)\b", "let the chord go"),
    (r"(?<=\s)o\s+(?!clock\b)(?=[a-z0-9]{2})", "the "), (r"\bpor\s+favor\b", "please"),
    (r"\bpor\s+(?=\d)", "for "),  (r"^((?:hold|sustain)\s+(?:the\s+|o\s+)?[\w-]+)\s+em\s+(?=[a-g](?:#|b)?\d\b)", r"\1 on "), (r"\be\s+para[.!]*$", "and stop"),
    (r"\bsame\s+pro\s+", "same for the "), (r"\bum\s+little\s+bit\b", "a little bit"),
    (r"\bpra\s+(?=\d)", "to "),
    (r"\s+pra\s+ficar\b.*$", ""), (r"\bno\s+fim\s+(?:desse|deste|do)\s+(?:compasso|bar)\b", "at the end of this bar"),
    (r"^para\s+(?:tudo|todo|everything)\b", "stop"), (r"^(?:grava|record)\s+(?:a[ií]|[çc]a)[.!]*$", "record"),
    (r"\s+tipo\s+(?=\d)", ", "), (r"^tempo\s+raise\s+", "tempo up "), (r"\bless\s+(?=\d+(?:\.\d+)?\s*db\b)", "-"),
    (r"\b(phrygian|dorian|lydian|mixolydian|aeolian|locrian|ionian|major|minor)\s+em\s+(?=[a-g](?:#|b)?\b)", r"\1 in "),
    (r"(?<=\d)\s+eighth$", ", eighth notes"), (r"^recording\s+start$", "start recording"),
    (r"^recording\s+(?:stop|beenden)$", "stop recording"), (r"\bganz\s+(?=slowly|fast)", ""),   # (the words in English by then)
    (r"\b(?:again\s+)?im\s+tempo\b", "a tempo"),
    # Spanish: 'un poco' a bit, 'a la izquierda' to the left, 'más fuerte' louder, 'medio tono' a semitone, '¡…!'
    (r"\bun\s+poco\b", "a bit"), (r"\ba\s+la\s+(left|right)\b", r"to the \1"), (r"¡", ""),
    (r"\bmore\s+(loud|fast|slow|low|high)\b", lambda m: {"loud": "louder", "fast": "faster", "slow": "slower",
                                                          "low": "lower", "high": "higher"}[m.group(1).lower()]),
    (r"\bplus\s+(?:fort|loud)\b", "louder"), (r"\b(?:plus\s+slowly|moins\s+fort)\b", "quieter"),   # (zydeco: 'plus fort!')
    (r"\bplus\s+vite\b", "faster"), (r"\bplus\s+lent\b", "slower"),
    (r"\bmedio\s+tono\b", "a semitone"), (r"\bun\s+tono\b", "a whole step"),
    (r"\bsave\s+como\b", "save as"), (r"^dale[\s!.]*$", "start"),
    # Italian turns: 'salva come …', 'come prima', 'un'ottava sopra', 'fino a 2000', 'su 2 e 4', 'anche il lead'
    (r"\bsave\s+come\b", "save as"), (r"^(?:no\s*,?\s*)?(?:torna\s+)?come\s+(?:era\s+)?prima$", "back to how it was"),
    (r"\bun'\s*octave\b", "an octave"), (r"\bfino\s+a(?:l)?\b", "to"), (r"\bsu\s+di\b", "up"), (r"\bgiù\s+di\b", "down"),
    (r"\bsu\s+(?=\d)", "on "),  (r"\bl'ultimo\b", "the last"), (r"\bl'", "the "),
    (r"\b(più|meno)\s+(?!mosso|moto|forte|piano|lento|presto|allegro|vivo|animato)", lambda m: "more " if m.group(1) == "più"
     else "less "), (r"(?:^|(?<=\s))il\s+(?=[a-z])", "the "), (r"(?<=\S)\s+del\s+(?=[a-z])", " of the "), (r"\bper\s+(?=\d|the\b)", "for "), (r"\buna\s+(?=bar\b)", "a "),
    (r"^anche\s+(?:the\s+|la\s+|lo\s+|i\s+|le\s+)?([\w-]+)[.!]*$", r"and the \1 too"),
    (r"\bla\s+(?=(?:kick|snare|hats|bass|drums|chord|chords|bar|filter|lead|pad|clap|reverb|delay|distortion|melody|build)\b)", "the "),
    (r"^basta\s+(?:con\s+)?(?:the\s+)?(?:accordo|chord)[.!]*$", "let the chord go"), (r"\bmore\s+(?=the\s+last\b)", "plus "),
    (r"\bmore\s+(?=\d+(?:\.\d+)?\s*db\b)", "+"),
    (r"\bat\s+the\s+fine\b", "at the end"), (r"\bfade\s+in\s+uscita\b", "fade out"), (r"\bfade\s+in\s+entrata\b", "fade in"),
    (r"^e\s+(?=then\b|now\b|the\b|more\b)", "and "),
    # a part and another joined by Italian or Portuguese 'e' ('hats e clap -2 dB', 'surdo e rim'): and
    (rf"\b({_PART_WORDS})\s+e\s+(?=(?:the\s+|o\s+)?(?:{_PART_WORDS})\b)", r"\1 and "),

    (r"^(?:the\s+)?([\w-]+)\s+é\s+(?:o|a|os|as|the|meu|minha)\s+", r"the \1 is the "),   # ('triangle é o violão': a part named)
    (r"^(remove)\s+(?:el|the)\s+(\S+)\s+(?:del|of\s+the)\s+", r"\1 the \2 from the "), (r"^otra\s+vez\b", "again"),
)]
#: A Spanish verb with its pronoun on it (súbele, bájale, ponle, dame, quítale): 'súbele al bajo', 'bájale un poco',
#: 'ponle más reverb a la guitarra', 'dame más delay', 'quítale el delay' — said of 'it' or the part after 'al'. Tried
#: only on a line that starts with one of the verbs (or has 'más de'): no other line pays for them.
_PRONOUN_VERBS = [(re.compile(p, re.I), r) for p, r in (
    (rf"^(?:s[úu]b(?:ele|elo|anle)|raise(?:le|lo))(?:\s+{_TO_PART})?(?P<rest>(?:\s+a\s+bit)?)$",
     lambda m: f"turn {_part(m)} up{m.group('rest')}"),
    (rf"^(?:b[áa]j(?:ale|alo|enle)|lower(?:le|lo))(?:\s+{_TO_PART})?(?P<rest>(?:\s+a\s+bit)?)$",
     lambda m: f"turn {_part(m)} down{m.group('rest')}"),
    (rf"^(?:p[óo]n(?:le|ele|me|nos)|m[ée]tele|[ée]chale)\s+(?P<more>more\s+|less\s+|a\s+bit\s+(?:of\s+|more\s+)?)?(?:(?:un|una|el|la|some)\s+)?"
     rf"(?P<what>[a-z]+)(?:\s+{_TO_PART})?$",
     lambda m: f"{m.group('more').strip()} {m.group('what')} on {_part(m)}" if m.group("more")
     else f"put {m.group('what')} on {_part(m)}"),
    (r"^(?:d[áa]me|d[áa]nos)\s+(?=(?:a\s+bit\s+)?(?:more|less)\b)", ""), (r"^(?:d[áa]me|d[áa]nos)\s+", "give me "),
    (r"\b(more|less)\s+de\s+(?=[a-z])", r"\1 "),      # 'un poco más de reverb': a bit more reverb
    (r"^(raise|lower)\s+(?:el|la|los|las|the)\s+(bajo|bass|kick|snare|hats|drums|reverb|delay|echo|filter|distortion)\b",
     lambda m: f"{m.group(1)} the {_BAJO.get(m.group(2).lower(), m.group(2))}"),      # (a part: never 'el volumen')
    (rf"^(?:qu[íi]tale|s[áa]cale)\s+(?:el|la|los|las|the)\s+(?P<what>[a-z]+)(?:\s+{_TO_PART})?$",
     lambda m: f"remove the {m.group('what')}" + (f" from {_part(m)}" if m.group("part") else "")),
)]
_PRONOUN_VERB = re.compile(r"^(?:s[úu]b|b[áa]j|p[óo]n|m[ée]t|[ée]ch|d[áa]m|d[áa]n|qu[íi]t|s[áa]c|raise|lower|remove)|\b(?:more|less)\s+de\s", re.I)


#: A save, a load or a recording and the words before its name ('speichern als', 'salva como', 'save as', 'record to'): the
#: name after them is the musician's, said as typed ('load links', 'save as tudo', 'record to links.wav').
_NAMED_AFTER = re.compile(r"^\s*(?:(?:please\s+)?(?:save|load|record|rec|rename|overwrite|delete(?=\s+(?:the\s+)?session)|"
                          r"open(?!\s+(?:the(?!\s+session)|up|it|a)\b)|bounce|export|speichern|sichern|lade|laden|salva|salvar|"
                          r"carrega|grava|gravar|guarda|guardar|carga|cargar|graba|grabar|carica|registra)\b(?:\s+(?:it|this|"
                          r"the\s+session|session|as|als|como|come|to|unter|under|called|named)\b)*)\s*|"
                          r"^.*?\b(?:name\s+it|call\s+it|called|named|appelle\s+[çc]a|nomme(?:[\s-](?:la|le|ça|ca))?)\s+", re.I)


def in_english(line: str, kept=frozenset()) -> str:
    """The line with its Spanish, Portuguese, French or German part and bar words in English; the same line when it has
    none. A word in `kept` (a track the musician so named: 'mute the baixo') stays as said, and so does a session's or a
    recording's name."""
    line = world_in_english(korean_in_english(line), _NAMED_AFTER)
    named = _NAMED_AFTER.match(line)
    if named is not None and named.end() < len(line) and line[named.end():].strip(" .!").lower() not in ("ai", "aí", "ca", "ça"):
        return _in_english(named.group(0), kept) + line[named.end():]
    return _in_english(line, kept)


#: An Italian span: 'in 4 battute' is over 4 bars (an English 'in 4 bars' is after them), read before the words.
_SPAN_IN_BARS = re.compile(r"\bin\s+(\d+|una|due|tre|quattro|otto|sedici)\s+battut[ae]\b", re.I)
#: French turns said before the words are: a span ('sur 8 mesures', 'en 16 mesures'), put back as before, held ('…, tenu').
_FRENCH = [(re.compile(p, re.I), r) for p, r in (
    (r"\b(?:en|sur)\s+(\d+)\s+mesures?\b", r"over \1 bars"), (r"\bremets?\s+(?:[çc]a\s+)?comme\s+avant\b", "back to how it was"),
    (r"\bun\s+peu\s+(?:de|d')\s*", "a little "), (r"\bun\s+peu\b(?!\s*(?:,|$))", "a bit"), (r"(?<=\w)\s+un\s+peu[.!]*$", " a bit"),
    (r"\btiens\s+un\b", "hold a"), (r"\bnon(?=[\s,.!]|$)", "no"),
    (r"(?<!\ba\s)(?<!['\"])(?<!\bload\s)(?<!\bopen\s)(?<!\bcharge\s)\bla\s+(?!(?:menor|mayor|mineur|majeur|minore|maggiore|minor|major|min|maj\w*|m|dim|aug|sus\w*|"
     r"sostenido|bemol|bémol|bemolle|dièse|diese|diesis|flat|sharp|la|do|re|ré|mi|fa|sol|si|ti|te|sib|mib|lab|solb|reb|dob|fab|"
     r"[a-g](?:#|b)?\d*)\b)(?=[a-z])", "the "),   # ('la basse'; never la mineur, 'la ti do' (A), nor Spanish 'a la')
    (r"^enregistre[\s,.!—–-]+(?=record\b)", ""), (r"\bc'est\s+trop\b", "too much"), (r"\bplus\s+de\s+", "more "), (r"\bmoins\s+(?:de\s+|d')", "less "),
    (r"\bplus\s+brillante?s?\b", "brighter"), (r"\bplus\s+sombres?\b", "darker"), (r"\bd'une?\s+", "a "),
    (r"\bcroches?\s+point[ée]es?\b", "dotted eighth"), (r"\ben\s+(?=(?:doubles?\s+)?croches\b)", "in "),
    (r"\ben\s+(?=(?:dotted\s+eighth|croche)\b)", "at a "), (r"\bà\s+(?=\d)", "to "),
    (r"\bde\s+(\d+\S*)\s+(?:à|a)\s+(?=\d)", r"from \1 to "), (r"\bappelle\s+[çc]a\b", "call it"),
    (r",\s*[çc]a\s+(?:tangue|bouge|fatigue|g[èe]ne|saoule)\b.*$", ""),      # ('…, ça tangue trop': why, said after)
    (r"^(.+?),\s*tenue?[.!]*$", r"hold \1"), (r"\ben\s+reverse\b", "reversed"), (r"\bplus\s+haut\b", "higher"),
    (r"\bplus\s+bas\b", "lower"), (r"^plus[.!]*$", "more"), (r"\bpour\s+(?=\d)", "for "), (r"\bde\s+la\s+(?=(?:basse|batterie|caisse|guitare|voix|m[ée]lodie|filtre|reverb|snare|kick|hats|chords|lead|pad)\b)",
     "of the "),
    (r"\b(?:à|a)\s+(gauche|droite)\b", r"to the \1"), (r"\bune\s+mesure\b", "a bar"),
)]


#: Said before the words are: a tempo gone to ('accelera a 130': an English 'slow down a 20' is by 20), 'più basso' lower
#: (never more bass), beats joined by 'e' after 'su' or 'no' ('su 2 e 4', 'no 2 e no 4': an English '1 e' is a 16th).
_BEFORE_THE_WORDS = [(re.compile(p, re.I), r) for p, r in (
    (r"^(?:accelera|rallenta)\s+a\s+(?=\d)", "tempo to "), (r"\bpiù\s+bass[oa]\b", "lower"), (r"\bmeno\s+bass[oa]\b", "higher"),
    (r"\bpiù\s+alt[oa]\b", "higher"), (r"\bmeno\s+alt[oa]\b", "lower"),
    (r"\b(?:su|no)\s+(\d)\s+e\s+(?:(?:su|no)\s+)?(\d)\b", r"on \1 and \2"), (r"\bem\s+(\d+)\s+compassos?\b", r"over \1 bars"),
    (r"^volta\s+como\s+estava\b", "back to how it was"),
    (r"\bvolta\s+(?:a\s+|pela\s+)?metade\b", "halfway back"), (r"^volta\s+(?:o\s+|a\s+|os\s+|as\s+)?(?=[a-z])", "bring back the "),
    # Finglish turns: 'arom tar' slower, 'kheili shod, nesfesh kon' too much, half of it back, 'samte chap' to the left,
    # 'vel kon' let go, 'bargard' undo
    (r"\barom\s*tar\b|\baroom\s*tar\b", "slower"), (r"\btond\s*tar\b", "faster"), (r"\bboland\s*tar\b", "louder"),
    (r"\bkheili\s+shod\b", "too much"), (r"\bnesf(?:esh)?\s+kon\b", "halfway back"), (r"\bsamte\s+chap\b", "to the left"),
    (r"\bsamte\s+rast\b", "to the right"), (r"\bvel\s+kon\b", "release"), (r"^bargard(?:un)?[.!]*$", "undo"),
    # Spanish turns (a cumbia producer): 'en 4 compases' over them, 'en el 2 y el 4' on the beats, 'el bajo' the bass
    # ('bajo' alone is also 'low'), 'lo mismo pa la caja', 'todo menos el bombo', 'corchea con puntillo', '…, sostenido'
    (r"\bacorde\s+de\s+(?=(?:do|re|mi|fa|sol|la|si)(?:\s+(?:sostenido|bemol))?\s+(?:mayor|menor)\b)", ""), (r"\ben\s+(\d+)\s+compas(?:es)?\b", r"over \1 bars"), (r"\ben\s+(?:el\s+)?(\d)\s+y\s+(?:en\s+)?(?:el\s+)?(\d)\b", r"on \1 and \2"),
    (r"\ben\s+el\s+(\d)\b", r"on \1"), (r"\bel\s+bajo\b", "the bass"), (r"\bdel\s+bajo\b", "of the bass"), (r"\bde\s+todo\b", "everything"), (r"\btodo\s+menos\b", "everything except"),
    (r"\blo\s+mismo\s+(?:pa|para)\s+(?:la|el|los|las)\b", "the same for the"), (r"\blo\s+mismo\b", "the same"),
    (r"\b(corchea|negra|semicorchea)\s+con\s+puntillo\b", r"dotted \1"), (r"^((?=.*\b(?:acordes?|chords?|mayor|menor|major|minor)\b).+?),\s*sostenid[oa][.!]*$", r"hold \1"),
    (r"\b(?:un|1)\s+compas\s+cada\s+uno\b", "one bar each"), (r"\bcada\s+uno\b", "each"), (r"(?<=[a-z])\s+y\s+(?=[a-z])", " and "),
    (r"\ben\s+(?:el|la|los|las|the)\s+(?=[a-z])", "on the "), (r"(?<=\w\s)(?:del|de\s+la|de\s+el)\s+(?=[a-z])", "of the "),
    (r"\bsolo\s+(?=on\b|en\b)", "only "), (r"\bpor\s+(\d+)\s+compas(?:es)?\b", r"for \1 bars"),
    (r"^mucho(?=\s*(?:,|!|\.|$))(?![\s,]+too\s+much)", "too much"), (r"^(?:el|la|the)\s+([\w-]+)\s+es\s+(?:el|la|the)\s+", r"the \1 is the "),
    (r"(?:^|(?<=\s))el\s+(?=[a-z])", "the "), (r"\bsub[ií](?:lo)?\s+todo\b", "transpose everything up"),
    (r"\bbaj[aáé](?:lo)?\s+todo\b", "transpose everything down"), (r"\bun\s+semitono\b", "a semitone"), (r"^bajo\b", "bass"),
    (r"\b(?:la|el|los|las)\s+(?=(?:caja|bombo|bajo|flauta|acorde[oó]n|platillos?|guacharaca|g[üu]iro|drop|chords?)\b)", "the "),
    (r"\ben\s+(negras|corcheas|semicorcheas)\b", r"in \1"), (r"\ben\s+(?=(?:corchea|negra|semicorchea|dotted)\b)", "at "),
)]


def _in_english(line: str, kept=frozenset()) -> str:
    line = rewritten(rewritten(_SPAN_IN_BARS.sub(r"over \1 battute", line), _BEFORE_THE_WORDS), _FRENCH)
    line = _WORDS.sub(lambda m: m.group(0) if m.group(0).lower() in kept else OTHER_LANGUAGES[m.group(0).lower()], line) \
        if _WORDS.search(line) else line
    line = rewritten(line, _PHRASES)                 # (a turn whose words are not in the line is not tried)
    return rewritten(line, _PRONOUN_VERBS) if _PRONOUN_VERB.search(line) else line


__all__ = ["in_english", "OTHER_LANGUAGES"]
