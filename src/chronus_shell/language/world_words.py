"""The studio words of musicians typing Turkish, Indonesian, Swedish, Polish, Swahili, Vietnamese (without its accents)
or Mandarin (in pinyin), said in English before any reading: 'ney biraz daha yüksek', 'tamborin kiri dikit',
'orgeln lite starkare', 'hihaty trochę w prawo', 'reverb zaidi kwenye pad', 'bass nho lai', 'hats jing yin'. Whole
turns first (a word's meaning depends on the words around it), then single words — only words no English line uses
('to', 'la', 'na', 'i', 'di' stay as they are, but in a turn). A wish ('lebih goyang dong') stays unread, so it is
refused as before. The turns are screened by their words (literal_needs.py): an English line pays a few searches."""
from __future__ import annotations

import re

from .literal_needs import rewritten
from .parser_harmony_keys import SCALE_WORDS
from .vocabulary import is_known_word

#: A sound given a name ('triangle shi gangqin', 'kick itu gendang', 'square är synthen', 'saw to mój bas', 'hat ni
#: shaker', 'sine la melody', 'sine ney olsun', 'triangle benim bağlamam', 'kalla squaren för arpen', 'goi triangle la
#: guitar', 'yung square ay synth', "saw'a reese diyorum"): said as 'the triangle is the gangqin'. An English 'to' names
#: only with a Polish 'mój' ('hats to offbeats', 'kick to min level' name nothing); a 'la' or 'ay' only when a verb of
#: naming or a particle of the language says it is one ('hats la izquierda' pans, 'triangle la mp' is a level); a name
#: with no word between only before a particle no English line has ('keys ko yan', 'reese diyorum'), never 'kick louder ya'.
_SOUND = r"(?P<sound>saw|sine|square|triangel|triangle|tri|kick|snare|hat|hats|hihat|clap|noise|pulse|fm|pluck|sub|808)" \
         r"(?:'?(?:a|e|ya|ye|ı|i|u|ü)|en|n|et)?"
_COPULA = r"är|heter|kallar\s+vi|för|ni|ndiyo|itu|tuh|adalah|shi|jiu\s+shi|jiao|dat\s+ten\s+la|la|là|to|jest|" \
          r"niech\s+będzie|będzie|nazwijmy|ay|=|itakuwa|tuiite|tuite|benim"
_CALLING = r"(?:goi|gọi|kalla)"          # a verb of naming before the sound (an English "call": part_labels.py)
_PARTICLES = r"gue|ya|nhe|yangu|wangu|ko\s+yan|ko|natin|diyorum|diyelim|olsun|saya|ku|min|mitt"
_OWN_PARTICLE = re.compile(r"\s+(?:ko\s+yan|natin|diyorum|diyelim|olsun|yangu|wangu|nhe|gue)\b", re.I)
_MINE = {"to": "mój|moja|moje", "är": "min|mitt|mina", "ni": "wangu|yangu", "itu": "saya|ku", "adalah": "saya|ku"}


def _named(match: re.Match) -> str:
    copula, name = re.sub(r"\s+", " ", match["copula"] or "").lower(), match["name"]
    mine = (match["mine"] or "").strip().lower()
    own = bool(match["calling"] or match["yung"] or _OWN_PARTICLE.search(match["after"] or ""))
    if mine and not re.fullmatch(_MINE.get(copula, "(?!)"), mine) or copula == "to" and not mine or \
            not own and (not copula or copula in ("la", "ay")):
        return match[0]
    if copula == "benim":                     # ('benim padim', 'benim melodim': my pad, my melodi)
        name = re.sub(r"(?<=[aeıioöuü])m$|(?<=[^aeıioöuü])[ıiuü]m$", "", name, flags=re.I)
    elif copula == "będzie" and len(name) > 4:
        name = re.sub(r"i?em$", "", name)     # ('będzie basem': the bas)
    sound = "triangle" if match["sound"].lower() == "triangel" else match["sound"].lower()
    return f"the {sound} is the {name}"


_NAMING = [(re.compile(p, re.I), r) for p, r in (
    (rf"^(?:(?P<calling>{_CALLING})\s+)?(?:the\s+|(?P<yung>yung)\s+)?{_SOUND},?\s+(?:(?P<copula>{_COPULA})\s+)?"
     rf"(?P<mine>(?:mój|moja|moje|min|mitt|mina|wangu|yangu|saya|ku)\s+)?(?P<name>[^\W\d_][\w-]*)"
     rf"(?P<after>(?:\s+(?:{_PARTICLES}))+)?[.!]?$", _named),
)]


def _tempo_to(match: re.Match) -> str:
    """'8 ölçüde 120'ye hızlan': sped up (or slowed down) to that tempo, over the bars said before it."""
    way = "speed up" if match["verb"].lower() == "hızlan" else "slow down"
    return f"{way} to {match['bpm']}" + (f" over {match['bars']} bars" if match["bars"] else "")


def _solfege_key(match: re.Match) -> str:
    """'Mi thu', 'Re truong': a Vietnamese key in solfège, minor (thứ) or major (trưởng)."""
    return f"{_SOLFEGE[match[1].lower()]} {'minor' if match[2].lower() == 'thu' else 'major'}"


_WAY = {"lakasan": "up", "hinaan": "down"}


def _tagalog_step(match: re.Match) -> str:
    """'lakasan mo yung keys ng 2db': the keys up 2 dB ('hinaan': down)."""
    return f"{match[2]} {_WAY[match[1].lower()]} "


def _beat_of(match: re.Match) -> str:
    """'zhi zai di san pai': only on the third beat."""
    return f"only on {'yi er san si'.split().index(match[1].lower()) + 1}"


#: A Turkish case ending after a name's apostrophe ('Hicazkar'a', "A'dan"): the name alone (its capital: never "let's").
_ENDING = r"'(?:y?[ae]|[dt][ae]n?|n?[ıiuü]n|y?[ıiuü])\b"        # a Turkish case ending after an apostrophe
_CASE_ENDING = re.compile(rf"\b([A-G](?:#|b)?|[A-ZÇŞÖÜ][a-zçğıöşü]+){_ENDING}")
_SOLFEGE = {"do": "c", "re": "d", "rê": "d", "mi": "e", "fa": "f", "sol": "g", "la": "a", "si": "b"}
_TURNS = [(re.compile(p, re.I), r) for p, r in (
    # session 47's second round first (each a whole turn, before the general words of the rules below)
    (r"^save\s+(?:jadi|sebagai|bilang)\s+", "save as "), (r"^(load|open)\s+(?:yang|si|ang)\s+(?=\S+$)", r"\1 "),
    (r"^(?:oturumu\s+)?(\S+)\s+olarak\s+kaydet$", r"save as \1"), (r"^(\S+?)'?(?:n?[ıiuü])?\s+yükle$", r"load \1"),
    (r"\b(\d+)\s+ölçü\s+sonra\s+girsin\b", r"comes in after \1 bars"),
    (r"^(\S+?)\s+geri\s+getir$", r"bring back the \1"), (r"\byarım\s+tempo\b", "half time"), (r"%(\d+)\b", r"\1%"),
    (r"^ton\s+(?=[A-Ga-g](?:#|b)?\b)", "key "), (r"\byok\s+yok\b", "no"),
    (r"^(\d+)\s+ölçüde\s+(fade\s+(?:out|in))(?:\s+yap)?\b", r"\2 over \1 bars"),
    (r"\b(\d+)\s+ölçüde\s+kabarsın\b", r"swells over \1 bars"), (r"\s+ve\s+dur$", " and stop"),
    (r"\bcofnij\s+połowę\b", "halfway back"), (r"^(.+?)\s+też\s+tak\s+samo$", r"the same for \1"),
    (r"\bmiało\s+być\b", "i meant"), (r"\bprzyspiesz\s+do\b", "speed up to"), (r"\bzwolnij\s+do\b", "slow down to"),
    (r"\bkażdy\s+po\s+dwa\s+takty\b", "two bars each"), (r"\bkażdy\s+po\s+jednym\s+takcie\b", "one bar each"),
    (r"\bw\s+(\d+)\.?\s+takcie\b", r"at bar \1"), (r"\bharmoniczn[ąa]\s+molow[ąa]\b", "harmonic minor"),
    (r",?\s*dalej\s+od\s+([A-Ga-g](?:#|b)?)$", r" on \1"), (r"\bo\s+(?=\d+(?:\.\d+)?\s*db\b)", "by "),
    (r"\bi\s+koniec$", "and stop"), (r"\bwięcej\s+pogłosu\b", "more reverb"), (r"\bchoi\s+tiep\b", "continue"),
    (r"\ba\s+nham\b", "no"), (r"\bnhanh\s+gap\s+doi\b", "double time"), (r"\bthem\s+chut\b", "a bit of"),
    (r"\btha\s+hop\s+am\s+ra\b", "release the chord"), (r"\bmoi\s+hop\s+am\s+hai\s+o\s+nhip\b", "two bars each"),
    (r"\btat\s+ca\s+ha\s+nua\s+cung\b", "transpose everything down a semitone"),
    (r"\btat\s+ca\s+len\s+nua\s+cung\b", "transpose everything up a semitone"),
    (r"\bkep\s+capo\s+(?:phim\s+)?(\d+)\b", r"capo \1"), (r"\bvao\s+tu\s+tu\b", "fades in"),
    (r"\bto\s+dan\s+len\b", "swells"), (r"^mo\s+bai\b", "load"), (r"^ngung\s+thu\s+am\b", "stop recording"),
    (r"^thu\s+am\s*,\s*ten\b", "record, call it"), (r"^thu\s+am$", "record"), (r"\bdung\s+giong\s+", "key "),
    (r"\b(do|re|mi|fa|sol|la|si)\s+thu\s+hoa\s+am\b", lambda m: f"{_SOLFEGE[m[1].lower()]} harmonic minor"),
    (r"\bxian\s+ting\s+yi\s+xia\b", "stop"), (r"\bbu\s+hao\s+yi\s+si\b", "sorry"),
    (r"\bmei\s+ge\s+shi\s+liu\s+fen\s+yin\s+fu\b", "every 16th"), (r"\b(\d+)%\s+gai\s+lv\b", r"chance \1%"),
    (r"\b(?:shi\s+)?([A-G](?:#|b)?)\s+diao\s+wu\s+sheng\b", r"key \1 major pentatonic"),
    (r"\byong\s+([A-G](?:#|b)?)\s+xiao\s+diao\b", r"key \1 minor"), (r"\bxian\s+zai\b", "now"),
    (r"^song\s+kai\b", "release"), (r"\blv\s+bo\s+qi\b", "filter"),
    (r"\bcong\s+(\d\S*)\s+dao\s+(?=\d)", r"from \1 to "),
    (r"\b(\d+)\s+ge\s+xiao\s+jie\s+hou\s+jin\s+lai\b", r"comes in after \1 bars"),
    (r"^kai\s+shi\s+lu\s+yin\s*,?\s*jiao\b", "record, call it"), (r"^kai\s+shi\s+lu\s+yin\b", "start recording"),
    (r"\bwang\s+(zuo|you)\b", lambda m: "left" if m[1].lower() == "zuo" else "right"),
    (r"^di\s+(\d+)\s+xiao\s+jie\s+ting\s+zhi$", r"stop at bar \1"),
    (r"^di\s+(\d+)\s+xiao\s+jie\s+(\S+)\s+ting$", r"\2 drops out at bar \1"),
    (r"^(.+?)\s+ye\s+yiyang$", r"the same for \1"), (r"\bxiao\s+(?=\d+(?:\.\d+)?\s*db\b)", "down "),
    (r"\b(\w+)\s+chui\s+(?=[a-g](?:#|b)?\d)", r"\1 plays "),
    # Tagalog (Taglish): 'lakasan mo yung keys ng 2db', 'sobra, ibalik mo yung kalahati', 'lipat tayo sa A major'
    (r"\bay\s+hindi\b|\bay\s+mali\b", "no"), (r"\bibalik\s+mo\s+(?:yung\s+)?kalahati\b", "halfway back"),
    (r"\blipat\s+tayo\s+sa\b", "switch to"), (r"^balik\s+na\s+(?:yung\s+)?(\S+)$", r"bring back the \1"),
    (r"\blagyan\s+(?:ng\s+)?", "add "), (r"\bsa\s+(kanan|kaliwa)\b", r"\1"),
    (r"\bsa\s+bawat\s+beat\b", "on every beat"), (r",\s*parang\s+.*$", ""),
    (r"\b(lakasan|hinaan)\s+(?:mo\s+)?(?:yung\s+)?(\S+)\s+ng\s+(?=\d)", _tagalog_step),
    (r"\b(\S+)\s+tsaka\s+(\S+)\s+(lakasan|hinaan)\s+ng\s+(?=\d)", lambda m: f"{m[1]} and {m[2]} {_WAY[m[3].lower()]} "),
    (r"\bng\s+(?=\d)", "by "), (r"\s+na\s+lang\b", ""), (r"\s+pala[.!]*$", ""), (r"\bmga\s+(?=\d)", ""),
    (r"^sige\s*,?\s*tuloy\s+lang\b", "continue"),
    # Turkish: a name's case ending after an apostrophe ('Hicazkar'a', "A'dan", "120'ye"), 'X için de aynısı', spans
    (r"^(.+?)\s+(\d+)'?[dt][ae]n\s+(\d+)'?y?[ae]\s+aç$", r"sweep \1 from \2 to \3"),
    (r"^(?:tempo\s+)?(?:(?P<bars>\d+)\s+ölçüde\s+)?(?P<bpm>\d+)'?y?[ae]\s+(?P<verb>hızlan|yavaşla)\b", _tempo_to),
    (r"^(\S+)\s+makam(?:ı|ına)\s+geç\b", r"switch to \1"),
    (r"^(\S+)\s+makam(?:ı|ında)?\s*,?\s*(?:yine\s+)?([A-Ga-g](?:#|b)?)$", r"\1 on \2"),
    (r"^makam\s+(\S+)$", r"switch to \1"), (r"\bmakam(?:ı|ına|ında)\b", "makam"), (r"^(\S+)\s+geç\b", r"switch to \1"),
    (rf"(?<=\d){_ENDING}", ""),
    (r"^(\S+?)(?:da|de|ta|te)\s+(.+?)\s+tut\b", r"hold \2 on the \1"), (r"\s+ile\s+", " and "),
    (r",\s*\w+\s+gibi$", ""), (r"^(.+?)\s+için\s+de\s+aynısı$", r"the same for \1"),
    (r"^aynısı\s+(.+?)\s+için$", r"the same for \1"), (r"\b(\d+)\.\s*ölçüde\s+dur\b", r"stop at bar \1"),
    (r"^dur$", "stop"), (r"\b(\d+)\s+ölçüde\b", r"over \1 bars"), (r"\b(\d+)\.\s*ölçüde\b", r"at bar \1"),
    (r"\bher\s+biri\s+bir\s+ölçü\b", "one bar each"), (r"\bdaha\s+hızlı\b", "faster"), (r"\bdaha\s+yavaş\b", "slower"),
    (r"\bdaha\s+az\b", "less"), (r"\bdaha\s+fazla\b", "more"), (r"\byarım\s+ton\b", "a semitone"),
    (r"\btam\s+ton\b", "a whole step"), (r"\bçok\s+oldu\b|\bfazla\s+oldu\b", "too much"),
    (r"\byarısını\s+geri\s+al\b", "halfway back"), (r"^geri\s+al$", "undo"), (r"\bgeri\s+gelsin\b", "back in"),
    (r"\beskisi\s+gibi(?:\s+olsun)?\b", "back to how it was"), (r"\bkayda\s+başla\b", "start recording"),
    (r"\bkaydı\s+durdur\b", "stop recording"), (r"\bher\s+şeyi\b", "everything"), (r"\byarım\s+ses\b", "a semitone"),
    (r"\btam\s+ses\b", "a whole step"), (r"\biki\s+kat\s+hızlı\b", "double time"), (r"\byarım\s+hız\b", "half time"),
    (r"\bher\s+vuruşta\b", "on every beat"), (r"\bnoktalı\s+sekizlik\b", "dotted eighth"), (r"\bdaha\s+çok\b", "more"),
    (r"\bdaha\s+(?:yüksek|sesli)\b", "louder"), (r"\bdaha\s+(?:alçak|kısık|sessiz)\b", "quieter"),
    (r"\bdaha\s+parlak\b", "brighter"), (r"\bdaha\s+(?:karanlık|koyu)\b", "darker"),
    (r"\byavaşça\s+girsin\b", "fades in"), (r"\b(\w+?)(?:nın|nin|ın|in)\s+sesini\b", r"\1"),
    (r"\bsesini\s+(\d+(?:\.\d+)?)\s*db\s+aç\b", r"up \1 db"),
    (r"\bsesini\s+(\d+(?:\.\d+)?)\s*db\s+kıs\b", r"down \1 db"), (r"\b(\d+(?:\.\d+)?)\s*db\s+aç$", r"up \1 db"),
    (r"\b(\d+(?:\.\d+)?)\s*db\s+kıs$", r"down \1 db"), (r"\bkapo\s+(\d+)\.?\s+perdeye\b", r"capo \1"),
    (r"\b(\S+)'?(?:den|dan|ten|tan)\s+(\S+?)'?(?:e|a|ye|ya)\s+aç\b", r"from \1 to \2"),
    (r"^(\S+)\s+(\d+)\s+ölçüde\s+yavaşça\s+girsin$", r"fade in \1 over \2 bars"),
    # Indonesian: 'dari awal' from the top, 'balikin setengahnya', 'turunin 2 db', 'nyala lagi', 'N birama'
    (r"^mulai\s+dari\s+awal$", "start"), (r"\bdari\s+awal\b", "from the top"),
    (r"\bbalikin\s+setengah(?:nya)?\b", "halfway back"),
    (r"\b(?:turunin|turunkan|kecilin)\s+(\d+(?:\.\d+)?)\s*db\b", r"down \1 db"),
    (r"\b(?:naikin|naikkan|gedein|besarin)\s+(\d+(?:\.\d+)?)\s*db\b", r"up \1 db"),
    (r"\b(\w+)\s+juga\s+sama\b", r"the same for \1"), (r"\bsama\s+juga\s+(?:buat|untuk)\s+(\w+)", r"the same for \1"),
    (r"^(\w+)\s+berhenti\b", r"\1 drops out"), (r"^berhenti\b", "stop"), (r"\bkebanyakan\b", "too much"),
    (r"\bmpaka\s+(?=\d)", "to "), (r"\bnyala\s+lagi\b", "back in"), (r"^normal\s+lagi$", "normal speed"),
    (r"\bdi\s+birama\s+(\d+)\b", r"at bar \1"), (r"\b(?:dalam|selama)\s+(\d+)\s+birama\b", r"over \1 bars"),
    (r"\b(\d+)\s+birama\b", r"over \1 bars"),
    (r"\bsatu\s+birama\s+satu\b|\bsatu\s+birama\s+masing-masing\b", "one bar each"), (r"\bnada\s+dasar\b", "key"),
    (r"\blebih\s+cepat\b", "faster"), (r"\blebih\s+lambat\b", "slower"), (r"\blebih\s+terang\b", "brighter"),
    (r"\blebih\s+gelap\b", "darker"), (r"\bke\s+tengah\b|\bdi\s+tengah\b", "center"), (r"\blebih\s+keras\b", "louder"),
    (r"\blebih\s+pelan\b", "quieter"), (r"\bpelan-pelan\b", "slowly"),
    (r"\bsemua\s+naik\s+satu\s+nada\b", "everything up a whole step"),
    (r"\bsemua\s+naik\s+setengah\s+nada\b", "everything up a semitone"), (r"\bke\s+(kiri|kanan)\b", r"\1"),
    (r"\bsimpan\s+jadi\b", "save as"), (r"\bbuka\s+sesi\b", "load"), (r"\btetap\s+(?=[a-g]\b)", "on "),
    (r"\b(?:kecepetan|kecepatan)\s*,\s*(?=\d)", "too fast, "), (r"\bkelambatan\s*,\s*(?=\d)", "too slow, "),
    (r"\bterus\s+berhenti\b", "then stop"), (r"\bdi\s+(?=keyboard\b)", "on "),
    # Swedish: 'för mycket', 'ta tillbaka hälften', 'en takt var', 'över 8 takter', 'vid takt 16', 'tona ut', 'spela in'
    (r"\b([a-g](?:#|b)?)\s+(dur|moll)\b", lambda m: f"{m[1]} {'major' if m[2].lower() == 'dur' else 'minor'}"),
    (r"\bhåll\s+(?:ett|en)\s+", "hold a "), (r"\b([A-G](?:#|b)?\w{0,5})-ackord(?:et)?\b", r"\1 chord"),
    (r"\bför\s+mycket\b", "too much"), (r"\bi\s+mitten\b", "center"), (r"\ben\s+gång\s+till\b", "again"),
    (r"\bta\s+tillbaka\s+hälften\b", "halfway back"), (r"\ben\s+takt\s+var\b", "one bar each"),
    (r"\böver\s+(\d+)\s+takter?\b", r"over \1 bars"), (r"\bvid\s+takt\s+(\d+)\b", r"at bar \1"),
    (r"\btona\s+ut\b", "fade out"), (r"\btonar\s+in\b", "fades in"), (r"\bsväller\s+upp\b", "swells"),
    (r"^spela\s+in\b", "record"), (r"\bdöp\s+den\s+till\b", "call it"), (r"\bpunkterad\s+åttondel\b", "dotted eighth"),
    (r"\bi\s+sextondelar\b", "in 16ths"), (r"\bi\s+åttondelar\b", "in eighths"), (r"\bbara\s+på\b", "only on"),
    (r"\bbyt\s+till\b", "switch to"), (r"\bhöj\s+allt\b", "everything up"), (r"\bsänk\s+allt\b", "everything down"),
    (r"\ben\s+halvton\b", "a semitone"), (r"\ben\s+helton\b", "a whole step"), (r"\ben\s+oktav\b", "an octave"),
    (r"\btill\s+sista\s+refrängen\b", ""), (r"(?<=\w)\s+och\s+(?=\w)", " and "), (r"\bpå\s+(?=[a-zåäö])", "on the "),
    (r"\böka\s+till\b", "speed up to"), (r"\bsakta\s+ner\s+till\b", "slow down to"), (r"\b(\d+)\s+procent\b", r"\1%"),
    (r",\s*det\s+är\s+\w+$", ""),
    # Polish: 'za dużo, połowa tego', 'tak samo X', 'w prawo', 'przez 8 taktów', 'w takcie 16', 'po 4 taktach'
    (r"\bza\s+dużo\b", "too much"), (r"\bjeszcze\s+raz\b", "again"), (r"\bna\s+środek\b|\bdo\s+środka\b", "center"),
    (r"\bpołowa\s+tego\b", "halfway back"), (r"^tak\s+samo\s+(.+)$", r"the same for \1"),
    (r"\btrochę\s+w\s+(prawo|lewo)\b", r"a bit \1"), (r"\bw\s+(prawo|lewo)\b", r"\1"),
    (r"\bprzez\s+(\d+)\s+takt(?:ów|y|ach)?\b", r"over \1 bars"), (r"\bw\s+takcie\s+(\d+)\b", r"at bar \1"),
    (r"\bpo\s+(\d+)\s+taktach\b", r"after \1 bars"), (r"\bpo\s+jednym\s+takcie\b", "one bar each"),
    (r"\bo\s+pół\s+tonu\b", "a semitone"), (r"\bo\s+cały\s+ton\b", "a whole step"), (r"\bw\s+górę\b", "up"),
    (r"\bw\s+dół\b", "down"), (r"\bod\s+(\d\S*)\s+do\s+(?=\d)", r"from \1 to "),
    (r"\btempo\s+do\s+(?=\d)", "tempo to "),
    (r"\b(cutoff|rezonans|resonance|tempo|swing|feedback|drive)\s+na\s+(?=\d)", r"\1 "),
    (r"\b(\d+)%\s+szansy\b", r"chance \1%"), (r"\bstop\s+nagrywania\b", "stop recording"),
    (r"(?<=\w )i\s+stop$", "and stop"),
    (r"\b(kick|clap|bas|snare|hihaty?|stab)\s+i\s+(?=(?:kick|clap|bas|snare|hihaty?|stab)\b)", r"\1 and "),
    (r"\b(\w+)\s+(?:gra|main|spelar|danh|chal)\s+(?=[a-g](?:#|b)?\d)", r"\1 plays "),
    (r"\bna\s+każdą\s+ćwiartkę\b", "on every beat"), (r"\bplus\s+ostatnia\s+szesnastka\b", "and the last 16th"),
    # Swahili: 'vivyo hivyo kwa X', 'juu kidogo', 'bar moja kila moja', 'kwa bar 8', 'baada ya bar 4', 'bar ya 16'
    (r"\bharaka\s+zaidi\b", "faster"), (r"\bpolepole\s+zaidi\b", "slower"), (r"\bkatikati\b", "center"),
    (r"^vivyo\s+hivyo\s+kwa\s+(.+)$", r"the same for \1"), (r"\bbar\s+moja\s+kila\s+moja\b", "one bar each"),
    (r"\bkwa\s+bar\s+(\d+)\b", r"over \1 bars"), (r"\bbaada\s+ya\s+bar\s+(\d+)\b", r"after \1 bars"),
    (r"\bbar\s+ya\s+(\d+)\b", r"at bar \1"), (r"\brudisha\s+nusu\b", "halfway back"), (r"\bsauti\s+juu\b", "louder"),
    (r"\bsauti\s+chini\b", "quieter"), (r"\b(\d)\s+na\s+(\d)\b", r"\1 and \2"),
    (r"\bna\s+16th\s+ya\s+mwisho\b", "and the last 16th"), (r"\bchord\s+ya\b", "chord"),
    (r"\b(kick|clap|bass|lead|pad|shaker)\s+na\s+(?=(?:kick|clap|bass|lead|pad|shaker)\b)", r"\1 and "),
    (r"^(\w+)\s+iwe\s+", r"\1 "), (r"\bsimamisha\s+rekodi\b", "stop recording"),
    (r"\brekodi\s*,\s*jina\b", "record, call it"), (r"\bhifadhi\s+kama\b", "save as"), (r"\bongeza\s+tempo\b", "tempo"),
    (r"\bkila\s+kitu\b", "everything"), (r"\bpunguza\s+tempo\b", "tempo"), (r"\bongeza\s+sauti\s+ya\b", "louder"),
    # Vietnamese, typed without its accents: 'to hon' louder, 'nho lai' quieter, 'mot chut' a bit, 'o nhip' bars
    (r"\bcham\s+lai\s+con\b", "slow down to"), (r"\bnhanh\s+len\s+con\b", "speed up to"),
    (r"\bqua\s+to\s+roi\b", "too much"), (r"\bgiam\s+mot\s+nua\b", "halfway back"), (r"\bto\s+hon\b", "louder"),
    (r"\bnho\s+(?:hon|lai)\b", "quieter"), (r"^bat\s+dau\b", "start"), (r"^tat\s+(?=[a-z])", "mute "),
    (r"^bat\s+lai\s+(?=[a-z])", "unmute "), (r"\bo\s+giua\b|\bra\s+giua\b", "center"), (r"\bnhanh\s+hon\b", "faster"),
    (r"\bcham\s+(?:hon|lai)\b", "slower"), (r"\btoi\s+hon\b", "darker"), (r"\bsang\s+hon\b", "brighter"),
    (r"\bmot\s+chut\b|\bchut\s+xiu\b", "a bit"), (r"\bnhieu\s+hon\b", "more"), (r"\bit\s+hon\b", "less"),
    (r"^(.+?)\s+cung\s+vay$", r"the same for \1"),
    (r"\bqua\s+(trai|phai)\b", lambda m: "left" if m[1].lower() == "trai" else "right"),
    (r"\btren\s+(?=[a-z])", "on the "), (r"\bcho\s+(?=[a-z])", "on the "), (r"\bdoi\s+giong\s+(?:sang\s+)?", "key "),
    (r"\b(do|re|rê|mi|fa|sol|la|si)\s+(thu|truong)\b", _solfege_key), (r"\bnot\s+den\b", "quarter notes"),
    (r"\bnot\s+moc\s+doi\b", "sixteenths"), (r"\bnot\s+moc\b", "eighths"),
    (r"\b(?:trong|qua)\s+(\d+)\s+o\s+nhip\b", r"over \1 bars"), (r"\b(\d+)\s+o\s+nhip\b", r"\1 bars"),
    (r"\b(?:o|tu)\s+o\s+nhip\s+(\d+)\b", r"at bar \1"), (r"\bmoi\s+hop\s+am\s+mot\s+o\s+nhip\b", "one bar each"),
    (r"\bgiu\s+hop\s+am\b", "hold"), (r"\b(?:nha|tha)\s+hop\s+am\b", "release the chord"), (r"\bhop\s+am\b", "chord"),
    (r"\bngan\s+lai\b", "shorter"), (r"\bluu\s+lai\s+ten\s+la\b", "save as"),
    (r"\bghi\s+am\s*,\s*ten\s+file\s+la\b", "record, call it"), (r"^ghi\s+am$", "record"),
    (r"\bdung\s+ghi\s+am\b", "stop recording"),
    (r"\b(?:ha|giam)\s+tat\s+ca\s+xuong\s+nua\s+cung\b", "transpose everything down a semitone"),
    (r"\b(?:nang|tang)\s+tat\s+ca\s+len\s+nua\s+cung\b", "transpose everything up a semitone"),
    (r"\b(?:ha|giam)\s+tat\s+ca\s+xuong\s+mot\s+cung\b", "transpose everything down a whole step"),
    (r"\b(?:nang|tang)\s+tat\s+ca\s+len\s+mot\s+cung\b", "transpose everything up a whole step"),
    (r"\btat\s+ca\b", "everything"), (r"\bhoan\s+tac\b", "undo"), (r"\broi\s+dung\b", "then stop"),
    (r"^mo\s+(?=[\w-]*[_\d][\w-]*$)", "load "), (r"\btu\s+(\d\S*)\s+len\s+(?=\d)", r"from \1 to "),
    (r"\bchi\s+danh\s+(?=\d+\s*%)", "chance "), (r"\blen\s+(\d+)\s+quang\s+tam\b", r"up \1 octave"),
    (r"\bxuong\s+(\d+)\s+quang\s+tam\b", r"down \1 octave"), (r"\bxin\s+loi\s*,?\s*y\s+la\b", "sorry, i meant"),
    (r"\bxin\s+loi\b", "sorry"),
    (r"\b(kick|snare|bass|keys|melody)\s+voi\s+(?=(?:kick|snare|bass|keys|melody)\b)", r"\1 and "),
    # Mandarin in pinyin: 'da sheng yi dian' louder, 'tai duo le' too much, 'hui qu yi ban', 'ge xiao jie' bars
    (r"\bbu\s+dui\b|\bbu\s+shi\b", "no"), (r"\bkuai\s+yi\s+dian\b", "faster"), (r"\bman\s+yi\s+dian\b", "slower"),
    (r"^kai\s+shi\b", "start"), (r"^ting\s+zhi\b|^ting$", "stop"), (r"\bbao\s+cun\s+(?:wei\s+)?", "save as "),
    (r"^lu\s+yin\b", "record"), (r"\bqu\s+xiao\s+jing\s+yin\b", "unmute"), (r"\bzhong\s+jian\b", "center"),
    (r"\bquan\s+yin\b", "a whole step"), (r"\bzai\s+lai\s+yi\s+ci\b", "again"), (r"\btai\s+duo\s+le\b", "too much"),
    (r"\bhui\s+qu\s+yi\s+ban\b", "halfway back"), (r"\bduo\s+yi\s+dian\b", "more"), (r"\bshao\s+yi\s+dian\b", "less"),
    (r"\ban\s+yi\s+dian\b", "darker"), (r"\bliang\s+yi\s+dian\b", "brighter"), (r"\bda\s+sheng\b", "louder"),
    (r"\bxiao\s+sheng\b", "quieter"), (r"\byi\s+dian\b", "a bit"), (r"^(.+?)\s+ye\s+yi\s+yang$", r"the same for \1"),
    (r"\bfang\s+(zuo|you)\s+bian\b", lambda m: "left" if m[1].lower() == "zuo" else "right"),
    (r"\bfu\s+dian\s+ba\s+fen\s+yin\s+fu\b", "dotted eighth"), (r"\bba\s+fen\s+yin\s+fu\b", "eighths"),
    (r"\bsi\s+fen\s+yin\s+fu\b", "quarter notes"), (r"\bshi\s+liu\s+fen\s+yin\s+fu\b", "sixteenths"),
    (r"\bguan\s+diao\b", "off"), (r"\bjing\s+yin\b", "mute"), (r"\bhui\s+lai\b", "back in"),
    (r"\bban\s+su\b", "half time"), (r"\bjia\s+bei\b", "double time"),
    (r"\bzhi\s+zai\s+di\s+(yi|er|san|si)\s+pai\b", _beat_of), (r"\bcun\s+dang\s*:?\s*", "save as "),
    (r"^da\s+kai\b", "load"), (r"\bgai\s+cheng\s+(\S+)\s+xiao\s+diao\b", r"key \1 minor"),
    (r"\bgai\s+cheng\s+(\S+)\s+diao\b", r"key \1 major"), (r"\bfang\s+kai\s+he\s+xian\b", "release the chord"),
    (r"\bhe\s+xian\b", "chords"), (r"\bmei\s+ge\s+(?:yi\s+)?(?:liang\s+)?xiao\s+jie\b", "one bar each"),
    (r"\bche\s+xiao\b", "undo"), (r"^man\s+man\s+jiang\s+dao\b", "slow down to"),
    (r"^man\s+man\s+sheng\s+dao\b|^jia\s+kuai\s+dao\b", "speed up to"),
    (r"\b(\d+)\s+ge\s+xiao\s+jie\b", r"over \1 bars"),
    (r"\bhui\s+dao\s+yuan\s+lai\s+de\s+su\s+du\b", "back to the original tempo"), (r"\bdan\s+chu\b", "fade out"),
    (r"\bdan\s+ru\b", "fade in"), (r"\bran\s+hou\s+ting\b", "then stop"),
    (r"\bdi\s+(\d+)\s+xiao\s+jie\s+ting\b", r"stop at bar \1"), (r"\b(\d+)\s+xiao\s+jie\b", r"over \1 bars"),
    (r"\bjiang\s+yi\s+ge\s+ba\s+du\b", "down an octave"), (r"\bsheng\s+yi\s+ge\s+ba\s+du\b", "up an octave"),
    (r"\bquan\s+bu\b", "everything"), (r"\bsheng\s+ban\s+yin\b", "up a semitone"),
    (r"\bjiang\s+ban\s+yin\b", "down a semitone"), (r"\ban\s+zhu\b", "hold"),
    (r"\b(kick|snare|hats|bass|gangqin|erhu)\s+he\s+(?=(?:kick|snare|hats|bass|gangqin|erhu)\b)", r"\1 and "),
    (r"\bdou\s+(?=[+-]?\d)", ""), (r",\s*xiang\s+da\s+ting$", ""),
    # the general words last: the turns above that hold them are read whole first
    (r"\bsetengah\s+nada\b", "a semitone"), (r"\bsatu\s+nada\b", "a whole step"), (r"\bnua\s+cung\b", "a semitone"),
    (r"\bmot\s+cung\b", "a whole step"),
)]

#: Single words: a word's one meaning in a studio line (the same in every line).
_WORDS = {
    # Turkish
    "yok": "no", "hayır": "no", "ve": "and", "biraz": "a bit", "daha": "more", "sağa": "right", "yankısı": "echo",
    "yankı": "echo", "olsun": "", "sustur": "mute", "şimdi": "now", "bırak": "release", "akorları": "chords",
    "akor": "chord", "yukarı": "up", "aşağı": "down", "hızlan": "speed up", "yavaşla": "slow down",
    "filtreyi": "the filter", "geç": "switch to", "yine": "on", "davulu": "davul", "dörtlüklerle": "in quarter notes",
    "sekizliklerle": "in eighths", "oktav": "octave", "bir": "one", "başlat": "start", "durdur": "stop",
    "kaydet": "save", "yükle": "load", "minör": "minor", "majör": "major", "ortaya": "center", "kısık": "quieter",
    "çek": "", "notaları": "notes", "akoru": "chord", "yap": "", "filtre": "filter", "kabarsın": "swells",
    "çık": "speed up",
    # Indonesian
    "bukan": "no", "nggak": "no", "enggak": "no", "maaf": "sorry", "dikit": "a bit", "sedikit": "a bit",
    "kecilin": "quieter", "gedein": "louder", "kiri": "left", "kanan": "right", "dikurangin": "less",
    "ditambahin": "more", "pola": "", "matiin": "mute", "nyalain": "unmute", "rekam": "recording", "sekarang": "now",
    "tahan": "hold", "akor": "chord", "batalin": "undo", "seperdelapan": "in eighths", "masuk": "comes in",
    "berhenti": "stops", "turun": "down", "naik": "up", "aja": "", "sama": "and", "semua": "everything",
    "tonacja": "key", "pakai": "use", "tetap": "on", "tambah": "more", "kurangi": "less", "ulang": "again",
    "oktaf": "octave",
    # Swedish
    "nej": "no", "förlåt": "sorry", "lite": "a bit", "starkare": "louder", "svagare": "quieter", "mer": "more",
    "mindre": "less", "eko": "echo", "tysta": "mute", "tillbaka": "back in", "spara": "save", "som": "as",
    "ladda": "load", "tonart": "key", "släpp": "release", "håll": "hold", "ackordet": "chord", "ackord": "chord",
    "ångra": "undo", "ner": "down", "upp": "up", "stanna": "stop", "stoppa": "stop", "nu": "now", "snabbare": "faster",
    "långsammare": "slower", "allt": "everything", "mörkare": "darker", "ljusare": "brighter", "starta": "start",
    "vänster": "left", "höger": "right", "tystare": "quieter", "igen": "again",
    # Polish
    "nie": "no", "przepraszam": "sorry", "głośniej": "louder", "ciszej": "quieter", "trochę": "a bit", "więcej": "more",
    "mniej": "less", "jedziemy": "", "rezonans": "resonance", "zapisz": "save", "jako": "as", "wczytaj": "load",
    "nagrywaj": "record", "nazwa": "call it", "trzymaj": "hold", "akord": "chord", "akordy": "chords", "teraz": "now",
    "wszystko": "everything", "cofnij": "undo", "otwieraj": "open", "zamykaj": "close", "filtr": "filter",
    "wyciszenie": "fade out", "wypada": "drops out", "wchodzi": "comes in", "oktawę": "an octave", "wyżej": "up",
    "niżej": "down", "dodaj": "add", "szybciej": "faster", "wolniej": "slower", "feedbacku": "feedback",
    "delayu": "the delay", "basie": "the bas", "stabie": "the stab", "kicka": "the kick", "jaśniej": "brighter",
    "ciemniej": "darker", "wycisz": "mute", "połowę": "half", "pogłosu": "reverb", "daj": "use", "puść": "release",
    "grają": "play", "wyciszaj": "fade out", "koniec": "stop", "wchodzą": "come in", "powoli": "slowly",
    "zwolnij": "slow down",
    # Swahili
    "hapana": "no", "samahani": "sorry", "nilimaanisha": "i meant", "anza": "start", "simama": "stop", "juu": "up",
    "chini": "down", "kidogo": "a bit", "punguza": "down", "ongeza": "louder", "kushoto": "left", "kulia": "right",
    "zaidi": "more", "kwenye": "on", "zima": "mute", "rudisha": "back in", "fungua": "load", "ufunguo": "key",
    "shika": "hold", "sasa": "now", "achia": "release", "tengua": "undo", "polepole": "slowly", "iingie": "fades in",
    "ianze": "comes in", "iondoke": "drops out", "imezidi": "too much", "kila": "every", "kitu": "thing", "weka": "set",
    "washa": "unmute", "tena": "again",
    # Tagalog
    "hindi": "no", "teka": "wait", "sige": "ok", "tuloy": "continue", "lakasan": "louder", "hinaan": "quieter",
    "yung": "the", "sobra": "too much", "tsaka": "and", "kanan": "right", "kaliwa": "left", "dagdagan": "more",
    "bawasan": "less", "bawat": "every", "konting": "a bit of",
    # Vietnamese (without accents)
    "khong": "no", "thoi": "no", "xuong": "down", "choi": "plays", "trai": "left", "phai": "right", "giu": "hold",
    "giam": "down", "tang": "up", "gio": "now", "dung": "stop",
    # Mandarin (pinyin)
    "xian": "now", "xianzai": "now",
}
_WORD = re.compile(r"(?<![\w'-])(" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")(?![\w'-])", re.I)
_LETTERS = re.compile("[çğışåäąćęłńśźżÇĞİŞÅÄĄĆĘŁŃŚŹŻ]")   # (never under IGNORECASE: a dotless ı would match every i)


#: A Turkish line ('…olsun', 'biraz', 'daha', a ğ, ı or ş), and a case ending on a word of it ('neyin yankısı', 'bağlamaya',
#: 'darbukayı', 'davulu'): a part's name with its ending is the part, when the word with it means nothing of its own.
_TURKISH = re.compile(r"[ğışĞİŞ]|\b(?:[Oo]lsun|[Dd]aha|[Bb]iraz|[Gg]eri)\b")   # (no IGNORECASE: see _LETTERS)
_CASE = re.compile(r"(?<![\w'])([^\W\d_]{3,}?)(?:n[ıiuü]n|y[ıiuü]|y[ae]|[dt][ae]|[ıiuü]n|[ıiuü])(?![\w'])")


def _stem(match: re.Match) -> str:
    word = match[0].lower()
    return match[0] if is_known_word(word) or word in _WORDS or word in SCALE_WORDS else match[1]


_LETTER_RUN = re.compile(r"[^\W\d_]+")
#: A word joining a save or a load to its name ('save jadi senja_di_kemang', 'load yang demo_akustik'): left out before a
#: name of a file's shape (never 'load yang intro', a name of two words).
_CONNECTOR = re.compile(r"^(?:jadi|yang|sebagai|bilang|si|ang)\s+(?=[\w-]*[_\d][\w-]*$)", re.I)
#: A name given in English ('call the triangle sola', 'the kick is the tang'): its words are the musician's.
_GIVES_A_NAME = re.compile(r"^\s*(?:call|name|label|rename)\b|\b(?:is|are)\s+(?:the|my)\s+[\w-]+[.!]?\s*$", re.I)
#: Words of one language only where that language is spoken: a Turkish 'sola' (an Italian or Spanish 'sola' is a solo).
_TURKISH_WORDS = {"sola": "left"}


def world_in_english(line: str, named_after: re.Pattern) -> str:
    """The line with its Turkish, Indonesian, Swedish, Polish, Swahili, Vietnamese or pinyin studio words in English;
    the same line when it has none. A name after `named_after` ('save as', 'load', 'record, call it') stays as said."""
    named = rewritten(line, _NAMING)
    if named != line or _GIVES_A_NAME.search(line):
        return named
    typed = named_after.match(line)            # ('save as la pala', 'load si intro': the name as typed)
    if typed is not None and typed.end() < len(line):
        return typed.group(0) + _CONNECTOR.sub("", line[typed.end():])
    line = rewritten(_CASE_ENDING.sub(r"\1", line) if _LETTERS.search(line) else line, _TURNS)   # (screened: a turn
    #                                                                                  whose words are not there is skipped)
    name = named_after.match(line)
    head, tail = (line[:name.end()], line[name.end():]) if name is not None and name.end() < len(line) else (line, "")
    if not _WORDS.keys().isdisjoint(_LETTER_RUN.findall(head.lower())):   # (one pass of a dict: most lines have none)
        head = _WORD.sub(lambda m: _WORDS[m.group(1).lower()], head)
    if _TURKISH.search(line):
        head = _CASE.sub(_stem, re.sub(r"\bsola\b", _TURKISH_WORDS["sola"], head, flags=re.I))
    return head + tail


__all__ = ["world_in_english"]
