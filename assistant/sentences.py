"""Sentences of a passage, and the Dutch terms they contain, for composing and highlighting.

A passage is read the way an officer reads it: paragraphs, list items under their lead-in,
table rows, and sentences within paragraphs. Lines that a PDF or a law text wrapped are
joined again, and abbreviations ("art.", "ca.", "nr.", "o.a.") do not end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from index.bm25_store import DutchAnalyzer
from index.models import DocumentRecord
from ingest.chunking import shown_path
from ingest.metadata import OPSCHRIFT

# also where a conversion glued two paragraphs ("… te treffen.Woningcorporaties spelen …", "… behoeven.De
# Tijdelijke …"), but not inside a web address ("www.Rijksoverheid.nl")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-ZÀ-Ý0-9\"'“‘(])"
                           r"|(?<=[a-zà-ÿ0-9]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])(?![A-Za-zÀ-ÿ]+\.[a-z]{2,})")
# a word or two without an end after the last sentence of a line: the text of a link ("… voor jongeren. klik", from
# "[klik](…)"), a page number's label; glued to the sentence, they made it no statement
_TRAILING_FRAGMENT = re.compile(r"(?<=[a-zà-ÿ0-9)][.!?])\s+(?=[a-zà-ÿ][\w'-]*(?:\s+[\w'-]+)?\s*$)")
# bullets as Word and PDF conversions leave them too (Symbol-font \uf0b7, \uf0a7, a stray \u085f),
# also twice over: Utrecht's Beleidsnota in Markdown writes "- \u085f Door …"
LIST_MARK = re.compile(
    r"^\s*(?:(?:[-*•–▪◦●■□➢►‣⁃∙\uf0b7\uf0a7\u085f]|\d{1,2}°?[.)]|\d{1,2}°|[a-z][.)]|\([a-z0-9]{1,2}\)|[ivx]{2,4}[.)])\s+"
    # "–maatschappelijke ondersteuning:": a law text in Markdown glues some of its dashes to the term
    r"|[–•](?=[^\W\d_]))+")
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
# a row as the loaders write a table: "Huishoudtype: Gezin · Maximale huur (euro): 879"
_NAMED_ROW = re.compile(r"^[^·:]{1,60}:\s*[^·]+(?:\s·\s[^·:]{1,60}:\s*[^·]*)+$")
# the word before a full stop that does not end a sentence (Dutch official texts abbreviate a lot)
ABBREVIATIONS = frozenset(
    "art artt ca circa nr nrs no blz bijv bv vgl o.a e.d e.a m.b.t i.v.m t.a.v t.b.v t.o.v m.u.v jo jº "
    "mr dr drs ir prof ing st stb stcrt kst ah resp incl excl max min gem ong zgn z.g.n d.w.z w.o a.s "
    "i.p.v m.n o.m e.v etc.al p pp par sub lid jl aanh afd hfdst hst red ref".split()
)
# a wrapped line ends on a word that cannot end a sentence or heading: the next line goes on
_OPEN_END = re.compile(
    r"(?:\b(?:de|het|een|van|in|op|voor|met|en|of|die|dat|te|aan|bij|als|door|om|tot|naar|over|uit|is|zijn|"
    r"wordt|worden|dan|dit|deze|bedoeld|onder|tussen|waar|wie|waarin|waarbij)|[,\-–(])$",
    re.I,
)
QUESTION_WORDS = frozenset(
    "wat wie hoe welk welke waar waarom wanneer waarmee waarvoor hoeveel kan kunnen moet moeten mag mogen "
    "is zijn wordt worden regel regelt regelen doe doen doet je we wij u ik ons onze jullie er eigenlijk "
    "precies nou nu gaat gaan graag verschil verschillen tussen samen vergeleken betekent betekenen houdt "
    "inhoud betekenis "
    # "Wat zegt dit document over betaalbaarheid?", "Wat noemt de nota …": how the officer asks, not
    # what a passage must say. Not "staat": without it, "Welke afspraken … staan in de prestatieafspraken
    # van Rotterdam …?" was answered from Utrecht's (a held-out refusal lost, 2026-12-04)
    "zegt zeggen noemt noemen vermeldt vermelden beschrijft beschrijven "
    # "Hoe zit het met …?", "Hoe zat dat vóór die wetswijziging?"; "tot welk bedrag loopt dat middensegment?"
    # (helper-62: refused, no text says the segment "loopt")
    "zit zat loopt lopen liep liepen "
    # "Welke inkomensgrenzen gelden volgens de Wet betaalbare huur …?": whose word is asked, which the
    # law's own text does not say of itself, while "Volgens artikel 12 lid 3 …" of a summary shared it
    "volgens "
    # "Hoeveel gemeenten telt Parkstad Limburg?" asks what "… tussen zeven gemeenten" says (a fresh user)
    "telt "
    # conjunctions and split-off particles: "… nadat iemand zich heeft gemeld?", "… het onderzoek af te
    # ronden", "… voor de wet zoals die vanaf juli 2026 geldt?" (bm25s's Dutch stopwords lack them)
    "zoals nadat voordat terwijl zodat doordat hoewel totdat zodra tenzij mits zolang echter daarom namelijk "
    "af toe".split()
)
# "Hoe lang mag een huisvestingsverordening maximaal gelden?", "Voor welk percentage van de woningen …?":
# the bound and the unit are part of the number asked, which a text states as "ten hoogste vier jaar" or
# "50 procent"; as terms they drew art. 11c's "met een termijn van maximaal vijftien jaren"
_BOUND_WORDS = r"maxima(?:al|le)|minima(?:al|le)|maximum|minimum|ten\s+(?:hoogste|minste)"
_BOUND_OR_UNIT = re.compile(rf"\b(?:{_BOUND_WORDS}|percentage|procent)\b", re.I)
# a bound asked ("Wat is het maximum …?", "Hoe lang mag … maximaal gelden?") is answered by a bound stated
_ASKS_BOUND = re.compile(rf"\b(?:{_BOUND_WORDS})\b", re.I)
_STATES_BOUND = re.compile(rf"\b(?:{_BOUND_WORDS}|minstens|hoogstens"
                           r"|niet\s+(?:meer|minder|hoger|lager|langer|korter|groter|kleiner)\s+dan|\w*grens)\b", re.I)
# "Hoe lang mag een ministeriële regeling gelden …?": a scheme is what is asked about
_SCHEME = re.compile(r"\bregelingen\b|\bregeling\b", re.I)
# "… bij welke gemeente iemand zich daarvoor meldt", "Welke regels gelden hierbij?": a word that points
# at what was said, rare in texts, so weighed as if it were what is asked
_POINTING_WORD = re.compile(r"\b(?:daar|hier|er|waar)(?:van|bij|mee|voor|aan|over|in|uit|op|onder|tussen|naast|door|na"
                            r"|om|tegen|toe)\b", re.I)
# "Wat moet erin staan?", "Wat staat daarin?": what is written in what was asked about before, which a text
# heads "Inhoud van een woonzorgvisie" and says without "staan"; not "Welke afspraken staan in de
# prestatieafspraken …?", which asks for afspraken, nor "Wat staat er in artikel 12?", which asks its text
_WRITTEN_IN = re.compile(r"^\W*wat\b(?=.*\bsta(?:at|an)\b)(?=.*\b(?:er|daar|hier)in\b)", re.I)
# "En hoe zat dat vóór die wetswijziging?" (helper-60, after the groups of the Huisvestingswet as of 1 juli 2026):
# which text of the law is asked, not a word its passages hold
BEFORE_THE_CHANGE = re.compile(r"\bv[oó]{2}r\s+(?:de|die|deze|dat|dit)\s+(?:wets)?wijziging\b", re.I)
_WORD = re.compile(r"\w[\w-]*")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# laws by name or by acronym ("Wmo", "Wlz"), the state and its papers: the frame of every passage
_NATIONAL = re.compile(r"[\w-]*wet|Wmo|Wlz|Zvw|Awb|Wabo|Wvggz|Wzd|Rijk|Rijksoverheid|Nederlands?e?|Kamer\w*|"
                       r"Staten-Generaal|Minister\w*|Staatssecretaris|Staatsblad|Staatscourant", re.I)
# "Binnen welke termijn …", "Wat is de beslistermijn …": how long, asked by its noun
_TERM_ASKED = r"welke\s+\w*termijn|wat\s+is\s+de\s+\w*termijn"
# "Hoeveel invloed hebben huurders …?", "Hoe groot is de invloed …?": how much of what no number measures
_UNMEASURED = r"(?:invloed|zeggenschap|inspraak|impact|effect|belang|rol|draagvlak|aandacht)\b"
_AMOUNT = (rf"(?:hoe\s*veel(?!\s+{_UNMEASURED})|hoe\s*(?:lang|hoog|vaak|oud)|wat\s+kost|welk(?:e)?\s+(?:percentage|"
           rf"bedrag|aantal|leeftijd)|{_TERM_ASKED})\b")
# a measure only at the start: "Hoe groot is de invloed …, en hoe ver is de gemeente?" asks no number;
# "In welk deel van de Huisvestingswet …" asks a place, "Tot welk orgaan …" an authority
_UP_TO_WHICH = r"tot\s+welk(?:e)?\s+\w*(?:bedrag|inkomen|percentage|aantal|leeftijd|niveau|hoogte|grens|maximum)\b"
# "Wat is het minimum en maximum van de eigen bijdrage …?", "Wat is de huurgrens …?" ask an amount;
# "Wat is de grens tussen regionaal en lokaal?" does not
_MEASURE_ASKED = r"wat\s+(?:is|zijn|was|waren)\s+(?:het|de)\s+(?:minimum|maximum|hoogte|\w+grens)\b"
# "Hoe ver zijn de Parkstad-gemeenten met hun woonzorgvisie?" asks how far along, not a distance
_AMOUNT_AT_START = (rf"(?:{_AMOUNT}|hoe\s+groot\b(?!\s+(?:is|zijn|was|wordt)\s+(?:de|het)\s+{_UNMEASURED})"
                    rf"|hoe\s+ver\b(?![^?]*\bmet\b)|{_UP_TO_WHICH}|welk(?:e)?\s+deel\b|{_MEASURE_ASKED})")
_AMOUNT_PREPOSITION = r"(?:voor|om|over|na|binnen|met|in|op|vanaf|per|bij|tot|van|door|aan|uit|sinds|gedurende|" \
                      r"tegen|boven|onder|tussen)"
# at the start, also after a preposition ("Voor hoeveel jaar …", "Voor welk deel …") or a request
# ("Kunt u aangeven hoeveel …", as Kamervragen ask)
_QUANTITY_AT_START = re.compile(
    rf"^\s*(?:en\s+|(?:kunt u (?:aangeven|zeggen|vertellen)|weet u|is (?:het )?bekend)\s+)?"
    rf"(?:{_AMOUNT_AT_START}|voor\s+welk(?:e)?\s+deel\b|{_AMOUNT_PREPOSITION}\s+{_AMOUNT})", re.I)
# or in a clause of its own ("Welke gemeenten werken samen …, en hoeveel opvangplekken …?")
_QUANTITY_CLAUSE = re.compile(
    rf"(?:[,;:]\s*|\s(?:en|of|maar)\s+)(?:(?:en|of|maar|bijvoorbeeld|zoals|zo\s+ja,?)\s+)?"
    rf"(?:{_AMOUNT_PREPOSITION}\s+)?{_AMOUNT}", re.I)
_AMOUNT_ANYWHERE = re.compile(rf"\b{_AMOUNT}", re.I)
ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
            "elfde", "twaalfde")
_ORDINAL = rf"(?:{'|'.join(ORDINALS)})"
_REFERENCE = re.compile(r"\b(?:artikel|art\.|lid|leden|onderdeel|hoofdstuk|paragraaf|§|bijlage|pagina|p\.|nr\.|nummer|"
                        r"stb\.|staatsblad|kamerstukk?en|dossier|bwbr)\s*[\d.:,a-z-]*\d[\w.-]*|\b(?:19|20)\d{2}\b"
                        # "het derde lid", "de vierde volzin", "de Tweede Kamer": ordinals that point, not count
                        rf"|\b{_ORDINAL}(?:(?:\s*,\s*|\s+(?:en|of|tot en met)\s+){_ORDINAL})*\s+"
                        r"(?:lid|leden|volzin|volzinnen|zin|alinea|onderdeel|hoofdstuk|paragraaf|afdeling|kamer|tranche)\b",
                        re.I)
# Dutch writes a number as one word: "achttien", "drieëntwintig", "vijfenzeventig"
NUMBER_WORDS = (r"(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]?n)?"
                r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|"
                r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
                r"zeventien|achttien|negentien|honderd|duizend|miljoen|miljard")
# number words with the endings of plurals ("tientallen", "honderden"), not "achtergrond"; not an ordinal:
# "hoeveel ‘tweede woningen’ er in de stad zijn" counts no woningen (helper-48). "derde" stays, for "een derde"
_QUANTITY = re.compile(
    rf"\d|%|€|\bprocent\b|\b(?:{NUMBER_WORDS}|"
    r"helft|kwart|half|dubbel|enkele|derde)(?:en|tal|tallen|honderd|duizend)?\b", re.I)
# "ten hoogste vier jaar", "binnen zes weken", "een werkingsduur van", "een termijn van": a text that
# says how long; not "procedure" or "langdurig", whose stems end alike, nor "zo snel mogelijk", which
# an officer asking "Hoe snel moet de gemeente beslissen?" reads in many lids besides the one with
# the term (Wmo art. 2.3.5: "binnen twee weken")
_DURATION = re.compile(rf"\b(?:\d+|een|één|{NUMBER_WORDS})\s+(?:kalender|werk)?(?:jaar|jaren|maanden|maand|weken|week|"
                       r"dagen|dag)\b|\w+duur\b|\b\w*termijn\w*", re.I)
DURATION_TERM = "dur"  # the stem of "duur", what "Hoe lang …" asks (`question_terms`)
STATED_DURATION = "#duur"  # in `terms` of a text that states a duration; no stem looks like it
_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_DATE_QUESTION = re.compile(
    r"\b(?:sinds|vanaf|per|tot|met ingang van)\s+wanneer\b|\bwelke datum\b|\bin welk jaar\b|"
    r"\bwanneer\b.*\b(?:in ?werking|ingaan|ingegaan|ingevoerd|van kracht|vervalt|vervallen|verloopt|afgeschaft)", re.I)
# a whole date as a table's key cell writes it: "1 januari 2026", "1 juli"
FULL_DATE = re.compile(rf"\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d{{2}})?", re.I)
_DATE = re.compile(rf"\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{1,2}}-\d{{1,2}}-\d{{4}}\b|\b(?:19|20)\d{{2}}\b", re.I)
# also a name of several words: "de Wet maatschappelijke ondersteuning 2015", "Wet forensische zorg 2019"
_LAW_NAME_YEAR = re.compile(
    r"\b(?:[\w-]*wet|wmo|[\w-]*besluit|(?-i:Wet)(?:\s+(?-i:[a-z][\w-]*)){1,4})\s+(?:19|20)\d{2}\b", re.I)
_REASON_QUESTION = re.compile(r"^\s*(?:en\s+)?(?:waarom|waartoe)\b|\bwat is de reden\b|\bmet welk doel\b", re.I)
# "Daarom …", "Hierdoor …" at the start: a consequence, shown with the sentence before it, the
# reason (compose's _LEANS_BACK); "… is daarom wettelijk verankerd" restates the conclusion alone
# "… verhoogd met 25 procent, met als doel het stimuleren van nieuwbouw …": a purpose is the reason asked (helper-54)
_REASON = re.compile(r"\b(?:omdat|doordat|vanwege|zodat|teneinde|ter voorkoming|met het oog op|reden|bedoeld om|"
                     r"met (?:als|het) doel|(?:ten|tot) doel)\b"
                     r"|^\s*(?:daarom|hierom|daardoor|hierdoor)\b|\bom\b[^.;:]{1,80}?\bte\s+\w+", re.I)
_ARTICLE_QUESTION = re.compile(r"\bwelke?\s+(?:wets)?(?:artikel|bepaling)(?:en)?\b", re.I)
_ARTICLE_NAMED = re.compile(r"\bart(?:ikel|\.)\s*\d+[a-z]?\b", re.I)
_NUMBER_TOKEN = re.compile(r"\d[\d.,]*\s?%?|%|€|\w+")
# a number that is part of a word names a thing, it does not count one: "0-meting", "65-plussers", "1-op-1"
_NUMBER_IN_WORD = re.compile(r"\b\d+-[^\W\d][\w-]*", re.I)
_ASKS_DURATION = re.compile(rf"\bhoe\s*lang\b|\b(?:{_TERM_ASKED})\b", re.I)
_SHORT_MONTH = r"(?:jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\."
_DAY = r"(?:[12]?\d|3[01])e?"
# a day of the month ("11 maart 2024", "25 en 26 november", "12 sept. 2024", "12-05-2024", "2024-05-12")
_CALENDAR_DATE = re.compile(
    rf"\b(?:{_DAY}\s*(?:en|tot|t/m|-|–)\s*)?{_DAY}\s+(?:{_MONTH}\b|{_SHORT_MONTH})(?:\s+\d{{4}})?"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)
# a span of time: "vier jaar", "25 jaar", "zes weken", "een jaar", "vijf kalenderjaren", "10 werkdagen"
_TIME_SPAN = re.compile(rf"(?P<number>\b\d[\d.,]*|\b(?:{NUMBER_WORDS}|een|één|anderhalf)\w*)\s+"
                        r"(?:jaar|jaren|kalenderjaar|kalenderjaren|maand|maanden|week|weken|werkdag|werkdagen|dag|"
                        r"dagen|uur|uren)\b", re.I)
# a date that bounds a period answers "Hoe lang …?" ("tot 1 januari 2027"); another does not
_BOUND = re.compile(r"\b(?:tot(?:\s+en\s+met)?|t/m|vanaf|sinds|uiterlijk|per|na|voor)\s*$", re.I)
# "Hoeveel statushouders …", "Hoeveel woningen …": a plural noun says what the number counts
_COUNTED = re.compile(r"\bhoeveel\s+([^\W\d_]{3,}(?:en|s))\b", re.I)
# a number and the plural noun right after it, past a range ("twee of meer", "drie tot vijf", "twee à
# drie") and one adjective: "zeven gemeenten", "tien verplichte urgentiegroepen", "7 sociale huurwoningen";
# or the measure Dutch writes in the singular after a number: "onder de 24 jaar" counts no statushouders
_COUNTING = re.compile(r"(?P<number>\b\d[\d.,]*|\b[^\W\d_]+)"
                       r"(?:\s+(?:of\s+(?:meer|minder)|(?:tot(?:\s+en\s+met)?|à|a|of)\s+(?:\d[\d.,]*|[^\W\d_]+)))?"
                       r"(?:\s+[^\W\d_]+e\b)?(?:\s+(?P<counted>[^\W\d_]{3,}(?:en|s)|jaar|uur|keer|maal|procent|euro"
                       r"|(?:kilo)?meter)\b)?", re.I)
_ASKS_PERCENTAGE = re.compile(r"\b(?:percentage|procent)\b", re.I)
# how often is said in words as often as in numbers: "elke week", "wekelijks", "eens per kwartaal"
_ASKS_FREQUENCY = re.compile(r"\bhoe\s*vaak\b", re.I)
_FREQUENCY = re.compile(r"\b(?:elke|iedere|ieder|elk|per|eens\s+per|één\s+keer\s+per|een\s+keer\s+per)\s+"
                        r"(?:dag|week|maand|kwartaal|half\s*jaar|jaar|halfjaar)\b"
                        r"|\b(?:dagelijks|wekelijks|maandelijks|jaarlijks|tweejaarlijks|driemaandelijks)\b", re.I)
# "Hoeveel geld krijgt Parkstad …?" is not answered by "zeven gemeenten", only by an amount of money
_ASKS_MONEY = re.compile(r"\bhoeveel\s+(?:geld|euro)\b|\bwat\s+kost|\bwelk(?:e)?\s+bedrag\b", re.I)
# older texts write guilders as "f 130 miljoen"; not onderdeel "f." of a lid
_MONEY = re.compile(r"€|\beuro\b|\bgulden\b|ƒ|(?<![\w.])(?-i:f)\s?\d", re.I)
_PERCENTAGE = re.compile(r"(\d[\d.,]*|\b[^\W\d_]+)\s*(?:%|procent\b)", re.I)  # "87 procent", "35%", "tien procent"
MIN_PART = 5  # shorter stems ("won", "zorg") are part of too many compounds to mean anything
PART_CREDIT = 0.5
LIST_NAME_WORDS = 6  # a heading this short over a list names what it holds (`_names_list`)
# words a Dutch sentence does not end on: conjunctions, prepositions, articles, auxiliaries
_UNFINISHED = frozenset("als wanneer indien zodra omdat dat die waarbij waarin zoals bij voor om door met van aan op in "
                        "over naar tot te en of de het een is zijn wordt worden moet moeten kan kunnen mag mogen".split())

# text about the text: the document itself, disclaimers, cross-references, reading tips, and a
# law's notes on its own history ("Wijzigt de Wet basisregistratie personen.", "Treedt in werking
# per 01-01-2016", "Dit onderdeel is nog niet in werking getreden"), footnotes
_BOILERPLATE = re.compile(
    r"\b(deze|dit|de)\s+(handreiking|document|samenvatting|notitie|rapport|tekst|publicatie|factsheet|pagina|"
    r"paragraaf|hoofdstuk|bijlage|praktijkvoorbeeld|regioprofiel|begrippenlijst)\s+"
    r"(is|gaat|beschrijft|bevat|geeft|vat|biedt|richt|bespreekt|werd|wordt|volgt)\b"
    # "Het is een samengesteld, geanonimiseerd voorbeeld …", "Het beschrijft niet één bestaande regio …"
    r"|^\s*het is een (?:samengesteld|geanonimiseerd|fictief|verzonnen)\b|^\s*het (?:beschrijft|bevat) (?:niet|geen)\b"
    r"|\bgeen officiële (?:(?:wet)?tekst|publicatie)\b|\bsamenvatting in eigen woorden\b|^\s*(zie|lees)\s"
    r"|^\s*meer (informatie|lezen)\b|\braadpleeg\b.*\b(officiële|actuele)\b|^\s*bron(nen)?\s*:"
    r"|^\s*wijzigt (de|het)\b[^.;]{0,80}[.;]?\s*$|^\s*treedt in werking\b|\bnog niet in ?werking getreden\b"
    # a footnote ("Noot 10: https://wetgevingskalender… (voetnoot aanpassen …)"), as the XML loader writes one
    r"|^\s*(?:voet)?noot\s*\d*\s*:"
    # a figure's or model's legend ("MA = gehele populatie met uitsluiting van …" opened the PBL's answer on why
    # people move, helper-70)
    r"|^\s*[A-Z][\w-]{0,5}\s*=\s"
    # a reference to where the official text is ("Huisvestingswet 2014, BWBR0035303, op wetten.overheid.nl.")
    r"|^[^;]{0,100}\bBWBR\d{7}\b[^;]{0,40}$"
    # how a summary was checked against the law ("De artikelnummers zijn gecontroleerd in …", "… alleen
    # de wijzigingen van de Huisvestingswet 2014 zijn gecontroleerd"), and to check it yourself
    r"|\b(?:samenvatting|artikelnummers|wettekst|officiële tekst|geconsolideerde|wijzigingen)\b[^.]*\bgecontroleerd\b"
    r"|\bgecontroleerd\b[^.]*\b(?:samenvatting|wettekst|officiële tekst|geconsolideerde)\b"
    r"|^\s*controleer\s+(?:altijd\s+)?(?:de|het)\s+actuele\b",
    re.I,
)


@dataclass
class Unit:
    """One readable piece of a passage: a sentence, a lead-in with its list, or a table row."""

    text: str
    kind: str = "sentence"  # "sentence" | "lead" (announces a list and carries its items) | "row"
    items: list[str] = field(default_factory=list)
    paragraph: int = 0  # units of one paragraph share it: a "Dit …" sentence leans on its neighbour
    # the number of the lid it stands in ("2. De bijdrage …"); also set by numbered lines outside
    # law texts, so a reader checks that the passage is an article (`versions.article_of`)
    lid: int | None = None
    opens_lid: bool = False  # the unit is the first of its lid (or of a numbered line elsewhere)
    # the text's own mark of each item, in the order of `items` ("a.", "1°.", "(b)"; "" for a
    # bullet): an officer cites "artikel 12, derde lid, onder g", so the g stays with its item
    marks: list[str] = field(default_factory=list)
    # the words that close a lead-in's sentence after its list ("…, telkens uiterlijk op een tijdstip dat
    # bij koninklijk besluit wordt bepaald."): the deadline or condition of every item
    tail: str = ""
    # the lead-in is a heading that names the list (`units`): its items are statements of their own, each
    # said or not said before in a follow-up, as sentences are (`compose.candidates`)
    from_heading: bool = False

    @property
    def parts(self) -> list[str]:
        return [self.text, *self.items, *([self.tail] if self.tail else [])]

    @property
    def definition_text(self) -> str:
        """The words the unit may define a term with: its text, and for a lead-in that is a term
        alone ("woongelegenheid:" over "a. woning …", "b. woonwagen …") its text and first item."""
        return f"{self.text} {self.items[0]}" if self.items and _TERM_LEAD.match(self.text) else self.text

    def levels(self) -> list[int]:
        """Per item, how many items it is nested under: a mark of a kind not yet open starts a list
        within the one above it, a kind already open goes back to that list ("d." after "2°." under
        "c." is an item of the outer list again, helper-70: it had been shown under "2°.")."""
        open_kinds: list[str] = []
        found = []
        for _, mark in self.marked_items():
            kind = mark_kind(f"{mark} x") if mark else "bullet"
            if kind in open_kinds:
                del open_kinds[open_kinds.index(kind) + 1:]
            else:
                open_kinds.append(kind)
            found.append(len(open_kinds) - 1)
        return found

    def nested(self, position: int) -> list[tuple[str, str]]:
        """(item, mark) of the items nested under item `position` (`levels`): "– woongelegenheid:"
        over "a." to "c."; a list within a list is read flat, each item with its mark."""
        levels, marked = self.levels(), self.marked_items()
        inner = []
        for later in range(position + 1, len(marked)):
            if levels[later] <= levels[position]:
                break
            inner.append(marked[later])
        return inner

    def parent_position(self, position: int) -> int | None:
        """The position of the item that item `position` is nested under (`levels`), or None: "2°. ten
        minste zes jaar onafgebroken ingezetene …" stands under "b. maatschappelijk gebonden … indien hij:"."""
        levels = self.levels()
        return next((earlier for earlier in range(position - 1, -1, -1) if levels[earlier] < levels[position]), None)

    def parent(self, position: int) -> str:
        """The text of the item that item `position` is nested under, or ""."""
        above = self.parent_position(position)
        return self.items[above] if above is not None else ""

    def depth(self, position: int) -> int:
        """How many items item `position` is nested under (0 for an item of the list itself)."""
        return self.levels()[position]

    def item_definition(self, position: int) -> str:
        """Item `position` as it may define a term: a term alone before a colon with the first
        item nested under it ("woongelegenheid: woning met de daarbij behorende grond;")."""
        item = self.items[position]
        inner = self.nested(position) if _TERM_LEAD.match(item) else []
        return f"{item} {inner[0][0]}" if inner else item

    def definition_parts(self) -> list[str]:
        """The lead-in and every item as they may define a term (`definition_text`, `item_definition`)."""
        return [self.definition_text, *(self.item_definition(position) for position in range(len(self.items)))]

    def marked_items(self) -> list[tuple[str, str]]:
        """(item, its mark or "") in order."""
        return list(zip(self.items, self.marks + [""] * (len(self.items) - len(self.marks))))

    def with_items(self, keep: Callable[[str], bool]) -> "Unit":
        """This unit with only the items `keep` accepts, each with its own mark."""
        kept = [(item, mark) for item, mark in self.marked_items() if keep(item)]
        return replace(self, items=[item for item, _ in kept], marks=[mark for _, mark in kept])


def logical_lines(text: str) -> list[tuple[int, str]]:
    """(paragraph number, line) with wrapped lines joined; list items, rows and headings stay apart."""
    lines: list[tuple[int, str]] = []
    for paragraph, block in enumerate(re.split(r"\n\s*\n", text)):
        current = ""
        for raw in block.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if current and _continues(current, line):
                current = current[:-1] + line if current.endswith("-") and line[:1].islower() else f"{current} {line}"
            else:
                if current:
                    lines.append((paragraph, current))
                current = line
        if current:
            lines.append((paragraph, current))
    return lines


# "VOORBEELD", "Rekenvoorbeeld 2:": a label on a line of its own over the worked example below it
EXAMPLE_LABEL = re.compile(r"(?:reken)?voorbeeld(?:\s+\d+)?\s*:?", re.I)


def example_paragraphs(text: str) -> set[int]:
    """The paragraph numbers (`logical_lines`) of a passage's worked examples: those under an EXAMPLE_LABEL
    line, to the passage's end (an example's case, then its sums as a list: "Onderdeel I: € 300.000 / € 16.954
    = 17,69 punten", helper-69). The Huurcommissie's "De maximale redelijke huurprijs bij 100 punten is in 2026
    € 637,67" is the figure of a made-up dwelling, not the maximum rent (helper-67)."""
    lines = logical_lines(text)
    label = next((paragraph for paragraph, line in lines if EXAMPLE_LABEL.fullmatch(line)), None)
    return set() if label is None else {paragraph for paragraph, _ in lines if paragraph > label}


# a sentence that announces the list after it ("Er is sprake van een zorgwoning als aan de volgende
# vier voorwaarden is voldaan.") is its lead-in as much as one ending in a colon
_ANNOUNCES = re.compile(r"\b(?:(?:de|het)\s+volgende|onderstaande|hieronder|hierna\s+genoemde|als\s+volgt)\b", re.I)


def announces_list(sentence: str) -> bool:
    """Whether `sentence` (one line or its last sentence) is written as the lead-in of a list:
    it ends in a colon, or in a full stop after words that point at what follows ("de
    volgende vier voorwaarden.", "als volgt.")."""
    sentence = sentence.rstrip()
    return sentence.endswith(":") or (sentence.endswith(".") and bool(_ANNOUNCES.search(split_sentences(sentence)[-1])))


def _continues(previous: str, line: str) -> bool:
    if LIST_MARK.match(line) or _MD_ROW.match(line) or line.startswith("#") or _MD_ROW.match(previous):
        return False
    if previous.endswith(":"):
        return False
    starts_low = line[:1].islower() or line[:1] in "[(€%0123456789"
    return starts_low and not previous.endswith((".", "!", "?", ";")) or bool(_OPEN_END.search(previous))


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one line of prose; no split after an abbreviation or an initial."""
    pieces, start = [], 0
    for match in [*_SENTENCE_END.finditer(paragraph), *_TRAILING_FRAGMENT.finditer(paragraph)]:
        before = paragraph[start : match.start()].rstrip("\"'”’)")
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        stem = last_word.rstrip(".").lower().lstrip("(")
        if stem in ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", stem):
            continue
        pieces.append(paragraph[start : match.start()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def table_rows(lines: list[str]) -> list[str]:
    """Markdown table lines as rows that keep their column names: "Huishoudtype: Gezin · Huur: 879"."""
    rows, header = [], None
    for line in lines:
        if _MD_RULE.match(line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            continue
        named = [f"{h}: {c}" if h else c for h, c in zip(header, cells) if c]
        if named:
            rows.append(" · ".join(named))
    return rows


def units(text: str, heading: str = "", above: str = "") -> list[Unit]:
    """The readable units of a passage, in order.

    "In ieder geval behoren hiertoe:" is only an answer together with its list, so a lead-in
    carries the items that follow it; table rows carry their column names. The passage's
    `heading` (its nearest one, which the chunker keeps out of the text) is the lead-in of a
    list the passage opens with when the items continue it ("Kies voor een formele organisatie
    als" over "- de regio gezamenlijk gaat uitvoeren;", `_continued_heading`): alone, such an
    item reads as debris. So is a short heading that names what the list holds ("Nadelen",
    `_names_list`), read with the heading `above` it, which says of what.
    """
    found: list[Unit] = []
    lines = logical_lines(text)
    pending = heading  # the heading above the passage, until a line of text comes between it and a list
    # the kind of marker the last lead-in had itself ("1. … voor:") and that of its first item ("a. …")
    lead_mark = item_mark = None
    lid = None
    i = 0
    while i < len(lines):
        paragraph, line = lines[i]
        if _MD_ROW.match(line):
            block = []
            while i < len(lines) and _MD_ROW.match(lines[i][1]):
                block.append(lines[i][1])
                i += 1
            found += [Unit(row, "row", paragraph=paragraph) for row in table_rows(block)]
            pending = ""
            continue
        i += 1
        is_item = bool(LIST_MARK.match(line))
        cleaned = LIST_MARK.sub("", line).strip().lstrip("#").strip()
        if not cleaned:
            continue
        lead = found[-1] if found and found[-1].kind == "lead" else None
        if (lead is not None and lead.items and is_item and lead_mark not in (None, item_mark)
                and (mark_kind(line) == lead_mark or (mark_kind(line) == "number" and item_mark in LAW_PARTS))):
            # "2. De bijdrage bedraagt voorts …" after "1. … voor:" with its "a." to "d." is the next
            # lid of the article, not one more item of the first lid's list (a list of one kind
            # under a lead-in of that kind may be nested: "- een ministerie:" over "- Defensie");
            # so is a "2." after "– woongelegenheid:" with its "a." to "c.": lids stand above parts
            lead = None
        if is_item and lead is None and pending and _continued_heading(pending, cleaned):
            lead = Unit(f"{pending.rstrip(' :')}:", "lead", paragraph=paragraph)
            found.append(lead)
        elif is_item and lead is None and pending and _names_list(pending):
            # "Nadelen" alone does not say of what: "Voordelen en nadelen van de formele organisatie › Nadelen:";
            # "Voorwaarden voor Housing First" does, and under "Wat is Housing First?" the path read as clutter
            lead = Unit(f"{above} › {pending}:" if above and not _SAYS_OF_WHAT.search(pending) else f"{pending}:",
                        "lead", paragraph=paragraph, from_heading=True)
            found.append(lead)
        pending = ""
        if lead is not None and lead.items and not is_item and not lead.tail and _closes_list(lead, cleaned):
            # "…, en | – de gemeenteraad de regionale afspraken vastlegt, | telkens uiterlijk op …": the
            # list's sentence goes on after its last item; its closing words belong to it
            tail, *rest = split_sentences(cleaned)
            lead.tail = tail
            if not rest:
                continue
            cleaned = " ".join(rest)
        if (lead is not None and lead.items and not is_item and item_mark == "bullet" and not cleaned.endswith(":")
                and i < len(lines) and mark_kind(lines[i][1]) == "bullet"):
            # "- Uren echt vrijmaken: …" | "Uren die alleen op papier bestaan, leveren niets op." | "- Vaste
            # overlegstructuur: …": a paragraph between two bullets of a list goes on with the item above it
            lead.items[-1] = f"{lead.items[-1]} {cleaned}"
            continue
        if not (is_item and lead is not None):
            # a lid runs on to its list and its next lines; a paragraph of its own without a number
            # (a Staatsblad's "C", "In artikel 15 … wordt …") is no part of it
            opens_paragraph = i == 1 or lines[i - 2][0] != paragraph
            lid = lid_number(line) or (None if opens_paragraph and not is_item else lid)
        if is_item and lead is not None:
            if not lead.items:
                item_mark = mark_kind(line)
            lead.items.append(cleaned)
            lead.marks.append(own_mark(line))
            continue
        if _NAMED_ROW.match(cleaned) and not cleaned.endswith("."):
            found.append(Unit(cleaned, "row", paragraph=paragraph))
            continue
        values = _field_values(lines, i) if not is_item and COLOPHON_FIELD.fullmatch(cleaned) else []
        if values:
            found.append(Unit(f"{cleaned}:", "lead", list(values), paragraph=paragraph, marks=[""] * len(values)))
            i += len(values)
            continue
        opens_lid = lid_number(line) is not None
        sentences = split_sentences(cleaned)
        list_follows = i < len(lines) and bool(LIST_MARK.match(lines[i][1]))
        for n, sentence in enumerate(sentences, 1):
            leads = sentence.endswith(":") or (list_follows and n == len(sentences) and announces_list(sentence))
            if sentence.endswith(":") and sentence[:1].islower() and _explains_formula(found):
                found[-1] = _with_formula(found, sentence)
            elif len(sentence.split()) >= 3 or leads:
                found.append(Unit(sentence, "lead" if leads else "sentence", paragraph=paragraph,
                                  lid=lid, opens_lid=opens_lid))
                opens_lid = False
                lead_mark, item_mark = (mark_kind(line) if is_item else None), None
    # a lead-in whose list never came is an ordinary (unfinished) sentence
    for unit in found:
        if unit.kind == "lead" and not unit.items:
            unit.kind = "sentence"
    return found


def _closes_list(lead: Unit, line: str) -> bool:
    """Whether `line`, right after the list of `lead`, ends that list's sentence: it opens in lower
    case, and the last item breaks off with a comma or "en"/"of", as no item that ends a sentence does."""
    last = lead.items[-1].rstrip()
    return line[:1].islower() and (last.endswith(",") or re.search(r"[,;]?\s(?:en|of)$", last) is not None)


# a report's colophon sets a field's name over its values, each on a line of its own ("Auteurs" over
# "Christian Lennartz", "Stefan Troost", "Frans Schilder"); read line by line, the name and the
# names are words without a sentence, and "Wie zijn de auteurs?" finds nothing. Read as a lead-in
# with its list, the answer shows the names as the passage writes them. Only these names of
# fields: a heading over short lines elsewhere (a table of contents) stays as it is
COLOPHON_FIELD = re.compile(r"(?:auteurs?|redactie|eindredactie|(?:eind)?redacteur|samenstelling|contact(?:persoon)?"
                            r"|opdrachtgever|uitgave|uitgegeven door|vormgeving|fotografie|met medewerking van)",
                            re.I)
_FIELD_VALUE = re.compile(r"[A-ZÀ-Ý][^.!?:;]{0,60}|[\w.+-]+@[\w.-]+\.\w+")
MAX_FIELD_VALUES = 8


def _field_values(lines: list[tuple[int, str]], start: int) -> list[str]:
    """The values on the lines from `start` on under a colophon field's name: short lines that
    are names (or an e-mail address), not sentences; [] when the next line is none."""
    values = []
    for _, line in lines[start:start + MAX_FIELD_VALUES]:
        if not _FIELD_VALUE.fullmatch(line) or len(line.split()) > 5 or COLOPHON_FIELD.fullmatch(line):
            break
        values.append(line)
    return values


# the marks of the parts of a law's lid (onderdelen "a.", and their "1°"): a "2." after them is the next lid
LAW_PARTS = ("letter", "degree")


def mark_kind(line: str) -> str | None:
    """The kind of a list line's first marker: "number" (1. 2)), "degree" (1° 2°.), "letter"
    (a. b)), "bracketed" ((a) (1)), "roman" (ii. iv)) or "bullet"; None for a line that is no item.
    A law numbers its lids 1. 2., their parts a. b. and the parts of those 1° 2°."""
    marker = LIST_MARK.match(line)
    if not marker:
        return None
    first = marker.group(0).split()[0]
    if "°" in first:
        return "degree"
    if first[0].isdigit():
        return "number"
    if first.startswith("("):
        return "bracketed"
    if first[0].isalpha():
        return "letter" if len(first.rstrip(".)")) == 1 else "roman"
    return "bullet"


def own_mark(line: str) -> str:
    """The marks a list line is numbered with ("a.", "1°.", "(b)", "ii."), as written; "" for a
    bullet or a line that is no item."""
    marker = LIST_MARK.match(line)
    return " ".join(m for m in marker.group(0).split() if mark_kind(f"{m} ") != "bullet") if marker else ""


_LID = re.compile(r"^\s*(\d{1,2})(?:\.\s+|\s+(?=[A-Z]))")  # "2. De bijdrage …", and regelrecht's "3 Tot de …"


def without_lid_number(text: str) -> str:
    """`text` without the lid number it opens with ("3 Tot de …" → "Tot de …")."""
    return _LID.sub("", text, count=1)


def lid_number(line: str) -> int | None:
    """The number of the lid a line of law opens ("2. De bijdrage …" → 2), or None."""
    found = _LID.match(line)
    return int(found.group(1)) if found else None


# a law names a lid of its own article with "het": "bedoeld in het eerste lid", "het eerste en
# tweede lid"; one of another article or law without it ("artikel 11, tweede en derde lid") or
# with what it belongs to after it ("het eerste lid, onderdeel a, van de Wet …")
_OWN_LIDS = re.compile(
    rf"\bhet\s+({_ORDINAL}(?:(?:\s*,\s*|\s+(?:en|of|tot en met)\s+){_ORDINAL})*)\s+lid\b"
    r"(?!(?:\s*,\s*(?:aanhef|onderdeel|onderdelen|onder|sub)\b[^,]*)*,?\s+van\s+(?:de|het|dat|die|deze|artikel)\b)",
    re.I)
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")  # an amendment quotes the words it puts in: «tweede lid»


def names_lid(text: str, lid: int) -> bool:
    """`text` points at that lid of its own article: "De bijdrage, bedoeld in het eerste lid, …",
    "De onderdelen a en b van het eerste lid zijn niet van toepassing indien:", "het eerste tot en
    met derde lid"; not at a lid of another article or law ("artikel 15, tweede lid", "het eerste
    lid van artikel 12", "het eerste lid, onderdeel a, van de Wet langdurige zorg")."""
    for found in _OWN_LIDS.finditer(_QUOTED.sub(" ", text)):
        named = [ORDINALS.index(o.lower()) + 1 for o in re.findall(_ORDINAL, found.group(1), re.I)]
        through = re.search(r"tot en met", found.group(1), re.I) is not None
        if lid in named or (through and len(named) == 2 and named[0] <= lid <= named[1]):
            return True
    return False


def passage_units(hit) -> list[Unit]:
    """The units of a retrieved passage (`index.models.Hit`), read under its nearest heading (and the
    one above it, unless that is the document's own title)."""
    shown = shown_path(hit.chunk.section, hit.document.title, hit.document.metadata.document_heading)
    path = [part.strip() for part in shown.split("›")]
    return units(hit.chunk.text, path[-1], path[-2] if len(path) > 1 else "")


def _continued_heading(heading: str, item: str) -> bool:
    """The item continues a sentence that the heading begins: the item opens in lower case
    ("de regio …", "bestuurders nog geen mandaat …"), as no statement of its own does, and the
    heading breaks off where a sentence cannot end ("Kies voor een formele organisatie als").
    A heading that names a topic ("1.4 Zelfstandige woonruimte of onzelfstandige woonruimte")
    is no lead-in: a passage under it may start in the middle of a list begun further up."""
    words = heading.rstrip().split()
    return item[:1].islower() and len(words) >= 3 and (heading.rstrip().endswith(":") or words[-1].lower() in _UNFINISHED)


# a heading that says what its list is of: "Voorwaarden voor Housing First", not "Randvoorwaarden voor beide vormen"
_SAYS_OF_WHAT = re.compile(r"\b(?:voor|van|bij|over)\s+(?!(?:beide|deze|die|dit|dat|dezelfde|elk|elke)\b)\w+", re.I)


def _names_list(heading: str) -> bool:
    """A heading of a few words without a number names what the list under it holds ("Nadelen"
    under "Voordelen en nadelen van de formele organisatie", "Randvoorwaarden voor beide vormen"): the list's
    lead-in. A numbered heading ("1.4 Zelfstandige woonruimte") names a part of a document."""
    words = heading.split()
    return (0 < len(words) <= LIST_NAME_WORDS and not any(c.isdigit() for c in heading) and heading[:1].isupper()
            and words[0].lower() not in _UNFINISHED  # "In het kort", "Over deze handreiking" name no list
            and not heading.rstrip().endswith("?"))  # nor does "Wie beslist over urgentie?"


def _explains_formula(found: list[Unit]) -> bool:
    """A law states a formula as "… is de uitkomst van de formule:", the formula (or, where the
    source has an image, a placeholder) and "waarbij:" / "in welke formule voorstelt:" with
    what its letters stand for; the lower-case lead-in continues the one before the formula."""
    return bool(found) and not found[-1].items and (
        found[-1].text.endswith(":") or (len(found) > 1 and not found[-2].items and found[-2].text.endswith(":")))


def _with_formula(found: list[Unit], lead: str) -> Unit:
    """The formula's lead-in, the formula and the lead-in of its legend as one lead-in (replaces
    the last unit of `found`; see `_explains_formula`)."""
    if not found[-1].text.endswith(":"):
        opening = found.pop(-2)
        return Unit(f"{opening.text} {found[-1].text} {lead}", "lead", paragraph=opening.paragraph, lid=opening.lid)
    return Unit(f"{found[-1].text} {lead}", "lead", paragraph=found[-1].paragraph, lid=found[-1].lid)


@lru_cache(maxsize=1)
def analyzer() -> DutchAnalyzer:
    return DutchAnalyzer()


_YOUNG_AGES = ("vijftien|zestien|zeventien|achttien|negentien|twintig|eenentwintig|tweeëntwintig|drieëntwintig|"
               "vierentwintig|vijfentwintig|zesentwintig|zevenentwintig|1[5-9]|2[0-7]")
# officers say "jongeren" where laws write an age limit: "de leeftijd van achttien jaar doch niet
# de leeftijd van drieëntwintig jaar" (Huisvestingswet art. 12 lid 3 onder g), "jonger dan 27
# jaar", "onder de 24 jaar". A duration ("een werkingsduur van 25 jaar") or an adult ("van 21
# jaar en ouder") is no young age.
_YOUNG_AGE = re.compile(rf"\b(?:nog niet de leeftijd van\s+(?:{_YOUNG_AGES})\s+jaar"
                        rf"|leeftijd van\s+(?:{_YOUNG_AGES})\s+jaar\s+(?:doch|maar|en)\s+(?:nog\s+)?niet"
                        rf"|(?:jonger dan|onder de)\s+(?:{_YOUNG_AGES})\s+jaar)", re.I)


def terms(text: str) -> list[str]:
    """The stems the BM25 analyzer makes of `text`, "jonger" when it names a young age limit
    (`_YOUNG_AGE`): a law's "de leeftijd van achttien jaar doch niet …" is about jongeren, and
    STATED_DURATION when it states a duration (`_DURATION`): "binnen zes weken" says in part what
    "Hoe lang …" asks (`credit`)."""
    found = analyzer().terms(text)
    if "jaar" in text and "jonger" not in found and _YOUNG_AGE.search(text):
        found.append("jonger")
    if _DURATION.search(text):
        found.append(STATED_DURATION)
    return found


def question_terms(question: str) -> list[str]:
    """The terms of a question that say what it is about; for a measure asked ("Hoe lang …"),
    the noun texts state it with (`measure_nouns`) instead of the adjective."""
    stop = set(analyzer().terms(" ".join(QUESTION_WORDS)))
    if _SCHEME.search(question):  # "regeling" shares the stem of "regelen", how an officer asks
        stop -= set(terms("regeling"))
    stop |= {t for m in _MEASURE.finditer(question) for t in terms(f"{m.group(0)} {m.group(1)}")}  # "Hoelang" too
    stop.add(STATED_DURATION)  # "jongeren onder de 27 jaar" asks about an age, not how long
    stop |= {t for m in _SELF_REFERENCE.finditer(question) for t in terms(m[1] or m[2])}
    stop |= {t for m in _POINTING_WORD.finditer(question) for t in terms(m[0])}
    if _WRITTEN_IN.search(question):
        stop |= set(terms("staan staat"))
    stop |= {t for m in BEFORE_THE_CHANGE.finditer(question) for t in terms(m[0])}
    stop |= {t for m in _HOW_MUCH_TIME.finditer(question) for t in terms(m[1])}
    if asks_quantity(question):
        stop |= {t for m in _BOUND_OR_UNIT.finditer(question) for t in terms(m[0])}
        # "Wat kost de huur …?" is answered by "275 euro per maand": the amount is what "kost" asks
        stop |= {t for m in _ASKS_MONEY.finditer(question) for t in terms(m[0])}
    found = [t for t in terms(question) if t not in stop]
    return found + [t for t in analyzer().terms(" ".join(measure_nouns(question))) if t not in found]


# "Wie zijn de auteurs van deze publicatie?", "Hoeveel bronnen worden in de publicatie aangehaald?":
# the document is the one read (the "Alleen in" filter, or the one the chat is about), not a word a
# passage must hold; few passages say "publicatie" of themselves, and those that do (a colophon's
# "Delen uit deze publicatie …") answer nothing by it; nor does "deze wet" ask for the word "wet".
# After "de" or "het" only the words for a publication, and not when it is named or qualified: "de
# publicatie van de internetconsultatie" asks about that act of publishing, "de wet" about the law;
# "Wat staat er in de nota over middenhuur?" asks the note about middenhuur
_SELF_REFERENCE = re.compile(
    r"\b(?:(?:deze|dit)\s+(publicaties?|rapport(?:en)?|document(?:en)?|nota'?s?|notities?|stuk(?:ken)?|wet(?:ten)?"
    r"|besluit(?:en)?|regelingen|regeling|circulaires?|brie(?:f|ven)|tekst(?:en)?|voorbeeld(?:en)?)"
    r"|(?:de|het)\s+(publicatie|rapport|document|nota|notitie|stuk)\b(?!\s+(?:van|met|(?-i:[A-Z0-9]))))\b", re.I)


# "Waar gaat deze publicatie over?", "Waarover handelt deze circulaire?", "Wat is de samenvatting?",
# "Vat dit rapport samen", "Kun je dit document samenvatten?", "Geef de hoofdlijnen", "Wat is de kern
# van deze nota?", "Wat regelt deze wet?", "Wat houdt deze wet in?", "Wat is de inhoud van dit
# besluit?": the words that ask it, and the kind of text asked about, are no subject of their own
_ASKS_OVERVIEW = re.compile(r"\bwaar(?:over)?\s+(?:gaat|gaan|handelt|handelen)\b|\bwaarover\b|\bsamenvatt?(?:ing|en)\b"
                            r"|\bvat\b.*\bsamen\b|\bin het kort\b|\bstrekking\b|\bhoofdlijnen\b|\bkern\b|\binhoud\b"
                            r"|\bessentie\b|\bonderwerp(?:en)?\b|\bbehandel(?:t|en)\b|\bhet doel van\b"
                            r"|^\s*wat\s+(?:regelt|regelen|houdt|houden)\b"
                            # "Wat is de Wet betaalbare huur?" asked of that law (`versions.as_asked_of_the_law`)
                            r"|^\s*wat\s+is\s+(?:deze|dit)\s+(?:wet|besluit|regeling)\s*\??\s*$", re.I)
_ASKING_WORDS = ("samenvatting samenvatten vat samen kort strekking hoofdlijnen kern inhoud handelt handelen waarover "
                 "geef geven kun kunt kunnen je u in staat er hierin daarin belangrijkste essentie onderwerp onderwerpen "
                 "behandelt behandelen doel paar zinnen enkele woorden")
# what an officer calls the document read ("dit beleidsboek", "deze kamervragen")
DOCUMENT_KINDS = ("publicatie rapport document nota notitie stuk wet besluit regeling circulaire brief tekst "
                  "beleidsboek beleidsnota kamervragen kamerbrief memorie toelichting verordening handreiking "
                  "regioprofiel praktijkvoorbeeld voorbeeld factsheet publicaties rapporten documenten stukken wetten "
                  "besluiten regelingen circulaires brieven teksten voorbeelden")
# "Wat houdt een verordening in?", "Wat regelt een besluit?": a kind of document, not the one read
_A_KIND = re.compile(r"\been\s+(?:" + "|".join(DOCUMENT_KINDS.split()) + r")\b", re.I)
# "Waar gaat die regel over?", "Waar gaat deze bepaling over?": a rule just read, not the document
# ("Waar gaat dit over?", "Wat houdt dit in?" may be either: the conversation decides, `points_back_first`)
_POINTS_AT = re.compile(r"\b(?:die|dat|dit|deze|diens|daar)\s+(?!(?:" + "|".join(DOCUMENT_KINDS.split())
                        + r"|over|in|om|samen)\b)[a-z]\w*", re.I)
_NAMES_KIND = re.compile(r"\b(?:" + "|".join(DOCUMENT_KINDS.split()) + r"|samenvatt?(?:ing|en)|vat)\b", re.I)


def names_a_document(question: str) -> bool:
    """Whether `question` says it is about a document ("deze publicatie", "Vat … samen")."""
    return bool(_NAMES_KIND.search(question))


def asks_overview(question: str, document: DocumentRecord | None = None) -> bool:
    """Whether `question` asks what a document is about, and nothing besides (answered by
    `assistant.overview` when one document is chosen); naming that `document` is nothing besides:
    "Waar gaat de Woningwet over?" with the Woningwet chosen."""
    if not _ASKS_OVERVIEW.search(question) or _POINTS_AT.search(question) or _A_KIND.search(question):
        return False
    rest = set(question_terms(question)) - set(terms(f"{_ASKING_WORDS} {DOCUMENT_KINDS}"))
    # "Wat houdt maatschappelijke ondersteuning in?" with the Wmo chosen asks a definition: words of
    # a title count as the document's name only where they name it (`names_document`)
    if rest and document is not None and names_document(rest, document):
        rest -= set(terms(f"{document.title} {document.doc_id} {document.metadata.display_title or ''}"))
    return not rest


# "Hoe lang mag een huisvestingsverordening gelden?", "Hoe snel moet de gemeente beslissen?": "lang"
# and "snel" name the measure asked, not what the question is about. A text says it with the noun
# ("voor de duur van …") or states a duration ("ten hoogste vier jaar", see `terms`); a passage that
# says "langer" or "zo snel mogelijk" answers nothing by that. How expensive, high, big, far or
# often is asked of an amount, a size, a distance or a frequency that has no one noun in the texts
# (a number is weighed apart, `asks_quantity`); "vaak" would even find "vak" (subjects,
# compartments). "Hoe oud …" keeps "oud": a law states an age as "18 jaar" or "21 jaar of ouder".
MEASURE_NOUNS = {"lang": "duur", "snel": "duur", "duur": "", "hoog": "", "groot": "", "ver": "", "vaak": ""}
_MEASURE = re.compile(rf"\bhoe\s*({'|'.join(MEASURE_NOUNS)})\b", re.I)

# "Voor hoeveel jaar mag een huisvestingsverordening gelden?" asks how long, as "Hoe lang …" does: art. 4's
# "voor de duur van ten hoogste vier jaar", not art. 11c's omgevingsvergunning "met een termijn van
# maximaal vijftien jaren" in a sentence that names the huisvestingsverordening
_IN_TIME_UNITS = re.compile(rf"\bhoeveel\s+(?:tijd|jaar|jaren|maanden|weken|dagen)\b|\b(?:{_TERM_ASKED})\b", re.I)
# "Hoeveel tijd heeft de gemeente …?" asks how long; no text states a term as "tijd"
_HOW_MUCH_TIME = re.compile(r"\bhoeveel\s+(tijd)\b", re.I)


def measure_nouns(question: str) -> list[str]:
    """The nouns texts state what a question asks with: "Hoe lang …", "Hoeveel jaar …" and "Binnen welke
    termijn …" → ["duur"]; "Wat moet erin staan?" → ["inhoud"]."""
    nouns = [noun for m in _MEASURE.findall(question) if (noun := MEASURE_NOUNS[m.lower()])]
    if _IN_TIME_UNITS.search(question) and "duur" not in nouns:
        nouns.append("duur")
    if _WRITTEN_IN.search(question):
        nouns.append("inhoud")
    return nouns


_WRITTEN_AS_NAME = re.compile(r"\b[A-Z][\w-]*")


def name_terms(question: str) -> set[str]:
    """The stems of the words a question writes as names, with a capital after its first word
    ("volgens de Woningwet", "het PBL-rapport"): a document is named by those, not by a common
    word its title shares ("huisvesten" and "Kamervragen huisvesting Nederlandse evacués")."""
    return set(terms(" ".join(_WRITTEN_AS_NAME.findall(question.strip().split(None, 1)[-1]))))


def names_document(stems: set[str] | frozenset[str], document: DocumentRecord, by_word: bool = True) -> bool:
    """Whether a question's `stems` (`question_terms`) name `document` by a word of its title or
    id, or by every word of the longer name it gives itself (`Metadata.display_title`): "volgens de
    Woningwet" names "BWBR0005181 woningwet lawsmd 2015", "de Wet maatschappelijke ondersteuning"
    names "BWBR0035362 wmo 2015 lawsmd 2015", whose citeertitel that is. A number names nothing:
    "de Woningwet 2015" does not name every text whose id ends in "lawsmd-2015". Without `by_word`,
    only the longer name counts."""
    if by_word and any(not stem.isdigit() for stem in stems & set(terms(f"{document.title} {document.doc_id}"))):
        return True
    own = {t for t in terms(document.metadata.display_title or "") if not t.isdigit()}
    return len(own) >= 2 and own <= stems


# what officers say and what the laws write for the same thing: Woningwet art. 19 "toegelaten
# instelling", Huisvestingswet art. 28 "vergunninghouder" (and the circulars' "verblijfsgerechtigde").
# The first groups were kept only if leaving them out lowered a tuning figure (docs/evaluation.md)
SAME_MEANING = (
    ("statushouder", "vergunninghouder", "verblijfsgerechtigde"),
    # the stemmer keeps "corporaties" whole, so the plurals are listed too
    ("corporatie", "corporaties", "woningcorporatie", "woningcorporaties", "woningbouwcorporatie",
     "woningbouwcorporaties", "toegelaten instelling"),
    # Huisvestingswet art. 12 lid 3: woningzoekenden die beschermd wonen "verlaten"; not
    # "vertrekken", whose stem "vertrek" is also a room (the woningwaarderingsstelsel's "vertrekken")
    ("verlaten", "vertrekt"),
    # Wmo art. 2.3.5 lid 2: "Het college geeft de beschikking binnen twee weken"; an officer asks when
    # there is a "beslissing". Found by hand in a follow-up, not on a tuning question: no tuning
    # figure moves, one held-out follow-up does (docs/evaluation.md, twentieth round). Not "besluit",
    # which is also the name of every Besluit
    ("beslissing", "beschikking"),
    # Huisvestingswet art. 12 lid 3 onder h: woningzoekenden die "een penitentiaire inrichting" verlaten; an
    # officer asks about iemand "die uit de gevangenis komt" (helper-59)
    ("gevangenis", "penitentiaire inrichting"),
    # "Welke partners moeten we betrekken bij de woonzorgvisie?": the handreiking lists them under "Betrokken
    # partijen" (helper-68); found by hand, like the two groups above. Not also "betrekken" for "betrokken": with
    # it, a held-out answer on ervaringsdeskundigen lost a point (docs/evaluation.md, forty-fourth round)
    ("partner", "partners", "partij", "partijen"),
    # Participatiewet art. 22a: the kostendelersnorm leaves out a home where only "studerenden" live and a person who
    # follows "onderwijs waarvoor aanspraak op studiefinanciering kan bestaan"; "Geldt dat ook voor studenten?" was
    # refused (helper-70)
    ("student", "studenten", "studerende", "studerenden"),
)


@lru_cache(maxsize=1)
def _same_meaning() -> dict[str, list[tuple[str, ...]]]:
    """Per stem, the stems of the other wordings of the same thing."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for group in SAME_MEANING:
        wordings = [tuple(terms(w)) for w in group]
        for wording in wordings:
            if len(wording) == 1:
                table.setdefault(wording[0], []).extend(w for w in wordings if w != wording)
    return table


def credit(term: str, found: set[str]) -> float:
    """1.0 when `term` is in `found`, or another wording of it (`SAME_MEANING`); PART_CREDIT
    when it is a part of a compound there, or a compound of a term there ("urgentieregel" and
    "urgentie", "groep" and "aandachtsgroep"): Dutch glues words together, and the question and
    the passage seldom glue them alike."""
    if term in found or any(all(t in found for t in other) for other in _same_meaning().get(term, ())):
        return 1.0
    if term == DURATION_TERM and STATED_DURATION in found:
        # "Hoe lang …" asked: "ten hoogste vier jaar" or "een termijn van" say how long, but so do
        # many lids besides the one about what is asked
        return PART_CREDIT
    if any(stem in found for stem in _participle_stems(term)):
        return PART_CREDIT  # "gemeld" asked, "melding" or "melden" written
    wordings = _same_meaning().get(term)
    for other in found:
        short, long = (term, other) if len(term) < len(other) else (other, term)
        if wordings and len(other) < len(term):
            # a word whose wordings are listed is not half-named by a word inside it: "statushouder"
            # ends in "ouder", and "de groep ouderen" says nothing of statushouders
            continue
        if len(short) >= MIN_PART and (long.startswith(short) or long.endswith(short)):
            return PART_CREDIT
    return 0.0


def same_verb(conjugated: str, other: str) -> bool:
    """Whether the stem of a verb as a question conjugates it ("beslist", "stelt", "bepaalt",
    "beoordeelt") is the verb whose infinitive or participle gave `other` ("besliss", "stell",
    "bepal", "beoordel"; "bepaald", "gesteld"): the Dutch stemmer keeps the -t, and doubles or
    undoubles what the spelling does.
    Not for a short stem without a doubled consonant: "geldt" is "gelden", but "geld" is money.
    The stems of nouns collide with it ("beslissing" is "besliss" too), so `credit` leaves it out."""
    if not conjugated.endswith("t") or len(conjugated) < 5:
        return False
    if other in (conjugated[:-1] + "d", "ge" + conjugated[:-1] + "d", "ge" + conjugated[:-1] + "t"):
        return True  # its participle: "bepaald", "gesteld" ("Bij verordening kan worden bepaald dat …")
    if other.endswith("t"):
        return False
    root = _verb_root(conjugated[:-1])
    doubled = len(other) >= 2 and other[-1] == other[-2] and other[-1] not in "aeiou"
    return root == _verb_root(other) and (len(root) >= 5 or doubled)


@lru_cache(maxsize=4096)
def _participle_stems(term: str) -> frozenset[str]:
    """The stems a past participle's verb and its noun take in a text ("gemeld": "meld", "melding";
    "geregeld": "regel"; "gesteld": "stell"; "gemaakt": "mak"), or none for a word that is no participle."""
    if not (term.startswith("ge") and term[-1] in "dt" and len(term) >= 6):
        return frozenset()
    roots = {_verb_root(term[2:]), _verb_root(term[2:-1])}
    return frozenset({stem for root in roots for stem in (root, f"{root}ing", root + root[-1])})


def _verb_root(stem: str) -> str:
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stem = stem[:-1]  # "stell" → "stel"
    stem = re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", stem)  # "bepaal" → "bepal"
    return stem[:-1] + {"z": "s", "v": "f"}.get(stem[-1:], stem[-1:])  # "wijz" → "wijs"


def coverage(wanted: set[str], found: set[str], weights: dict[str, float]) -> float:
    """The idf-weighted share of `wanted` terms that `found` holds (0–1), compounds by `credit`."""
    total = sum(weights.get(t, 1.0) for t in wanted)
    return sum(weights.get(t, 1.0) * credit(t, found) for t in wanted) / total if total else 0.0


STATEMENT_SHARE = 0.9  # a statement with this share of a question's terms states it in its own words


def statement_share(wanted: set[str], hit, weights: dict[str, float]) -> float:
    """The largest share (`coverage`) of the `wanted` terms that one statement of the passage
    (`index.models.Hit`) holds: a sentence, or a list item read with its lead-in."""
    return max((coverage(wanted, set(terms(f"{u.text} {part}" if u.items else part)), weights)
                for u in passage_units(hit) if not is_boilerplate(u.text) for part in (u.items or [u.text])),
               default=0.0)


def anchors(question: str) -> list[str]:
    """The stems of what pins a question to one case: names (a capital after the first word:
    "Utrecht", "Den Haag", "ETHOS") and years ("in 2025"). A passage that answers the question
    names them too; one that does not is about a neighbouring case (assistant.evidence). Laws,
    the state and the country are the frame of every passage, not a case (a law text seldom
    names itself), and passages spell out what acronyms abbreviate ("BRP": "basisregistratie
    personen"), so none of these are anchors."""
    words = _WORD.findall(question)
    # "Wmo-ondersteuning" is support under a law, not a case: a compound counts by its first part
    pinned = [w for w in words[1:] if (w[:1].isupper() and not w.isupper()
                                       and not (_NATIONAL.fullmatch(w) or _NATIONAL.fullmatch(w.split("-")[0])))
              or _YEAR.fullmatch(w)]
    wanted = set(question_terms(question))
    # "Zuid-Limburg" is one name: a table row with "Zuid-Holland" and "Limburg (Noord)" does not name it
    named = [stem for word in pinned for name in [hyphenated_name(word)] for stem in ([name] if name else terms(word))]
    return [t for t in dict.fromkeys(named) if t in wanted or set(t.split("_")) <= wanted]


# a name written as a place: "in Rotterdam", "de gemeente Utrecht", "regio Amsterdam", "in de provincie Limburg",
# and after a municipality's own text or body: "de huisvestingsverordening van Amersfoort", "het college van Zwolle",
# "de prestatieafspraken van Rotterdam"
_OF_PLACE = (r"(?<=verordening\s)van|(?<=visie\s)van|(?<=beleid\s)van|(?<=college\s)van|(?<=raad\s)van"
             r"|(?<=afspraken\s)van|(?<=nota\s)van|(?<=programma\s)van|(?<=begroting\s)van")
_PLACE = re.compile(rf"\b(?:(?i:in|uit|voor|gemeente|regio|provincie|stad|dorp|wijk)|{_OF_PLACE})\s+"
                    r"(?:de\s+(?:gemeente|regio|provincie)\s+)?"
                    r"([A-ZÀ-Ý][\w']+(?:(?:-|\s|\s(?:op|bij|aan den|aan de)\s)[A-ZÀ-Ý][\w']+)*)")


_PLACE_NOUN = re.compile(r"(?i:gemeente|regio|provincie|stad|dorp|wijk)\b")


# what a law answers: what may, must or can be done, what holds, who decides ("Hoe lang mag een
# verordening gelden?"); not what a place did or has ("Op welke datum heeft Limburg … aangewezen?")
_ASKS_RULE = re.compile(r"\b(?:mag|mogen|moet|moeten|kan|kunnen|geldt|gelden|verplicht\w*|toegestaan|regels?|regelt|"
                        r"recht op|beslist|bevoegd\w*|krijg\w* (?:urgentie|voorrang))\b", re.I)


def places(question: str) -> list[str]:
    """The places (`named_places`) of `question` when it asks a rule, which a law gives for every
    municipality alike (`_ASKS_RULE`); [] for a question about what a place did or has."""
    return named_places(question) if _ASKS_RULE.search(question) else []


def named_places(question: str) -> list[str]:
    """The anchors (`anchors`) of `question` that it writes as a place ("… in Rotterdam?", "… de
    gemeente Súdwest-Fryslân …"), as written."""
    pinned = set(anchors(question))
    found = []
    for match in _PLACE.finditer(question):
        name = match.group(1)
        stems = place_terms(name)
        if stems and stems <= pinned and not _NATIONAL.fullmatch(name.split()[0]):
            found.append(name)
    return list(dict.fromkeys(found))


def without_places(question: str, kept: Callable[[str], bool]) -> str:
    """`question` without the places (`places`) for which `kept(name)` is false, with the word
    that sets them ("… in Rotterdam gelden?" → "… gelden?") unless that is a noun ("de gemeente
    Heerlen" → "de gemeente")."""
    named = set(places(question))

    def cut(found: re.Match) -> str:
        if found.group(1) not in named or kept(found.group(1)):
            return found.group(0)
        # "de gemeente Heerlen" keeps its noun: "Hoeveel statushouders moet de gemeente in 2025 huisvesten?",
        # not "… moet de in 2025 huisvesten?" (helper-59)
        noun = _PLACE_NOUN.match(found.group(0))
        return noun.group(0) if noun else ""

    return re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", _PLACE.sub(cut, question))).strip()


def place_terms(name: str) -> set[str]:
    """The stems of a place's name ("Den Haag": "den", "hag"; "Zuid-Limburg": "zuid_limburg")."""
    return {hyphenated_name(name)} if hyphenated_name(name) else set(terms(name))


def hyphenated_name(word: str) -> str:
    """One stem for a name written with hyphens, each part a name ("Zuid-Limburg", "Zuid-Limburgse"
    → "zuid_limburg"), "" for any other word ("Parkstad-gemeenten" are the municipalities of a name)."""
    if "-" not in word or not all(part[:1].isupper() for part in word.split("-")):
        return ""
    parts = [t for part in word.split("-") for t in terms(part)]
    return "_".join(parts) if len(parts) > 1 else ""


def hyphenated_names(text: str) -> set[str]:
    """The stems `hyphenated_name` makes of the names written with hyphens in `text`."""
    return {name for word in _WORD.findall(text) if "-" in word for name in [hyphenated_name(word)] if name}


# the Dutch ways of asking what a term means; the more specific forms first ("Wat is de
# definitie van X?" asks about X, not about "definitie van X")
_ASKS_MEANING = (
    re.compile(r"^\s*wat\s+(?:versta|verstaat|verstaan)\s+.{1,60}?\s+onder\s+(?P<term>[^?]+)", re.I),
    re.compile(r"^\s*wat\s+(?:moet|moeten|kan|kun|kunnen|mag|mogen)\s+(?:ik|je|jij|we|wij|u|men)\s+onder\s+"
               r"(?P<term>.+?)\s+verstaan\b", re.I),
    re.compile(r"^\s*wat\s+(?:wordt|worden)\s+(?:er\s+)?(?:.{1,60}?\s+)?verstaan\s+onder\s+(?P<term>[^?]+)", re.I),
    re.compile(r"^\s*wat\s+(?:moet|moeten|kan|kun|kunnen|mag|mogen)\s+(?:ik|je|jij|we|wij|u|men)\s+(?:\w+\s+)?"
               r"verstaan\s+onder\s+(?P<term>[^?]+)", re.I),
    re.compile(r"^\s*wat\s+(?:wordt|worden)\s+(?:er\s+)?(?:.{1,60}?\s+)?bedoeld\s+met\s+(?P<term>[^?]+)", re.I),
    re.compile(r"^\s*wat\s+(?:bedoelt|bedoelen)\s+.{1,60}?\s+met\s+(?P<term>[^?]+)", re.I),
    # "Wat houdt de Wonen Eerst-aanpak in Utrecht in, en …": the "in" that ends the question or its first part
    re.compile(r"^\s*wat\s+(?:houdt|houden)\s+(?P<term>.+?)\s+in\s*(?:$|[?,.;]|\s(?:en|of)\s)", re.I),
    re.compile(r"^\s*hoe\s+(?:wordt|worden)\s+(?P<term>.+?)\s+(?:gedefinieerd|omschreven)\b", re.I),
    # "Hoe definieert de Wmo beschermd wonen?": a law named in one word (and its year)
    re.compile(r"^\s*hoe\s+(?:definieert|definiëren|omschrijft|omschrijven)\s+(?:de|het)\s+\S+(?:\s+\d{4})?\s+"
               r"(?P<term>[^?]+)", re.I),
    # "Wat zegt de Woningwet over het huishoudinkomen?": what the law says of a term opens with what it means
    re.compile(r"^\s*(?i:wat\s+(?:zegt|zeggen)\s+(?:de|het))\s+[A-Z][\w-]*(?:\s+\d{4})?\s+(?i:over)\s+(?P<term>[^?]+)"),
    re.compile(r"^\s*wat\s+(?:is|zijn)\s+(?:precies\s+|eigenlijk\s+)?het\s+verschil\s+tussen\s+(?P<term>.+?)"
               r"\s+en\s+(?P<other>[^?]+)", re.I),
    re.compile(r"^\s*wat\s+(?:is|zijn)\s+de\s+betekenis\s+van\s+(?P<term>[^?]+)", re.I),
    # "Welke groepen vallen onder de bredere definitie van dakloosheid …?" asks for that definition too
    re.compile(r"\b(?:definitie|begripsomschrijving|omschrijving)\s+van\s+(?P<term>[^?]+)", re.I),
    re.compile(r"^\s*wat\s+(?:is|zijn|(?P<brings>betekent|betekenen))\s+(?:nou\s+|nu\s+)?(?:precies\s+|eigenlijk\s+)?"
               r"(?P<term>[^?]+)", re.I),
)
# "Wat is dat precies?", "Wat betekent dit voor …": a word that points back at the last answer is no term
_POINTS_BACK = re.compile(r"^(?:dat|dit|die|deze|daarmee|hiermee)\b", re.I)
# what follows the term: "volgens de Wmo", "in de wet", "in Utrecht", "bij de urgentieregeling", "die
# Utrecht gebruikt"; and the topic a follow-up carries over in brackets ("En wat is een algemene
# voorziening?" after a maatwerkvoorziening: "Wat is een algemene voorziening (maatwerkvoorziening)?")
_QUALIFIER = re.compile(r"\s+(?:precies|eigenlijk|volgens\b.*|in\s+(?:de\s|het\s|(?-i:[A-Z])).*|bij\s+(?:de|het)\s+.*"
                        r"|(?:die|dat)\s+.*|\([^()]*\))$", re.I)
# "Wat is een woningmarktregio, en wie wijst die aan?": the term ends where the second question begins
_SECOND_QUESTION = re.compile(r"\s*(?:,|\s(?:en|of)\s+(?:wie|wat|hoe|waar\w*|welke?|wanneer|waarom)\b).*$", re.I)
# "Wat houdt het begrip passend toewijzen in?" asks about "passend toewijzen"
_TERM_WORD = re.compile(r"^(?:(?:een|de|het)\s+)?(?:begrip|term|woord)\s+", re.I)
_ARTICLE_WORD = re.compile(r"^(?:een|de|het)\s+", re.I)
# "opvang: onderdak en begeleiding …" (a law's definitions), "Beschermd wonen is een …",
# "Onder opvang wordt … verstaan", "… wordt onder opvang verstaan"
_DEFINITION = (
    re.compile(r"^(?P<head>[^:;.]{1,60}?)\s*:\s*\S"),
    re.compile(r"^(?P<head>[^:;.,]{1,60}?)\s+(?:(?:is|zijn)\s+(?:een|de|het)|betekent|betekenen)\s+", re.I),
    re.compile(r"\bonder\s+(?P<head>[^:;.,]{1,60}?)\s+(?:wordt|worden)\s+(?:[^.;:]{0,60}\s)?verstaan", re.I),
    re.compile(r"\b(?:wordt|worden)\s+(?:[^.;:]{0,40}\s)?onder\s+(?P<head>[^:;.,]{1,60}?)\s+verstaan", re.I),
)
# a glossary written as a table: "Begrip: Extramuralisering · Beschrijving: Het streven …"
_GLOSSARY_ROW = re.compile(r"^(?:begrip|begrippen|term|termen|afkorting|woord)\s*:\s*(?P<head>[^:·]{1,60}?)\s+·\s+"
                           r"[^:·]{1,40}:\s*\S", re.I)
MAX_DEFINED_WORDS = 5
# a law's definition whose meaning is a list: "– woongelegenheid:" over its parts a., b. and c.
_TERM_LEAD = re.compile(r"^\W*(?:[^\s:]+\s+){0,3}[^\s:]+\s*:$")
# what every form of `_DEFINITION` has in it
_MAY_DEFINE = re.compile(r":|\b(?:is|zijn)\s+(?:een|de|het)\b|\bbetekent\b|\bbetekenen\b|\bverstaan\b", re.I)


def defined_terms(question: str) -> list[tuple[str, ...]]:
    """The stems, in order, of what a question asks the meaning of: "Wat verstaat de Wmo onder
    opvang?" → [("opvang",)]; "Wat is het verschil tussen beschermd wonen en opvang?" → both;
    [] for any other question ("Wat is er veranderd …"), or when what follows "Wat is …" is too
    long to be a term."""
    for pattern in _ASKS_MEANING:
        match = pattern.search(question)
        if not match:
            continue
        asked = [match.group("term")] + ([match.group("other")] if "other" in pattern.groupindex else [])
        found = []
        for phrase in asked:
            phrase = _SECOND_QUESTION.sub("", phrase.strip())
            # "Wat betekent de urgentieregeling voor statushouders?" asks what a rule brings them
            if _POINTS_BACK.match(phrase) or ("brings" in pattern.groupindex and match.group("brings")
                                              and re.search(r"\svoor\s", phrase)):
                continue
            phrase = _ARTICLE_WORD.sub("", _TERM_WORD.sub("", _QUALIFIER.sub("", phrase)))
            stems = tuple(terms(phrase))
            if stems and len(phrase.split()) <= MAX_DEFINED_WORDS and not phrase.lower().startswith("er "):
                found.append(stems)
        return found
    return []


def defines(text: str, asked: list[tuple[str, ...]]) -> bool:
    """Whether `text` (a sentence or a list item) gives the meaning of one of the `asked` terms
    (`defined_terms`): "opvang: onderdak …", "Beschermd wonen is een …", "Onder urgent
    woningzoekende wordt verstaan …". The words defined must be the words asked or their last
    ones, as stems: a law defines "opvang" where an officer asks about "maatschappelijke opvang"."""
    return any(head in asked or (len("".join(head)) >= MIN_PART  # "won" ends "beschermd won", and means little
                                 and any(stems[len(stems) - len(head):] == head for stems in asked
                                         if len(head) < len(stems)))
               for head in defined_heads(text))


# "Toegelaten instelling (woningcorporatie)", "Statushouder / vergunninghouder", "Urgentie, urgentieregeling en
# urgentiecategorie": a glossary's heading names one term in several words
_HEADING_ALTERNATIVES = re.compile(r"\s*(?:/|\(|\)|,|\sen\s|\sof\s)\s*")


def glossary_entry(text: str, heading: str, asked: list[tuple[str, ...]]) -> bool:
    """Whether `text`, the first unit under `heading`, is a glossary's entry for one of the `asked`
    terms (`defined_terms`): the heading is that term alone ("Prestatieafspraken", "Toegelaten
    instelling (woningcorporatie)") and the text goes on from it without naming it whole
    ("Afspraken tussen gemeente, woningcorporatie en huurdersorganisatie over …"). A text that
    names the term again is a sentence about it ("Het woord centrumgemeente staat niet als
    definitie in de Wmo 2015"), or defines it in words of its own (`defines`)."""
    named = set(entry_heads(heading))
    found = set(terms(text))
    # "Afspraken …" under "Prestatieafspraken" names a part of the term, not the term
    return any(term in named and not all(credit(stem, found) == 1.0 for stem in term) for term in asked)


def entry_heads(heading: str) -> list[tuple[str, ...]]:
    """The stems of each term a glossary's `heading` names ("Toegelaten instelling
    (woningcorporatie)" → [("toegelat", "instell"), ("woningcorporatie",)])."""
    heads = [tuple(terms(_ARTICLE_WORD.sub("", alternative.strip())))
             for alternative in _HEADING_ALTERNATIVES.split(heading) if alternative.strip()]
    return [head for head in heads if head]


_NAMES_GLOSSARY = re.compile(r"\b(?:begrippen(?:lijst)?|(?:verklarende\s+)?woordenlijst|glossarium|definities|"
                             r"afkortingen(?:lijst)?)\b", re.I)


def names_glossary(title: str) -> bool:
    """Whether a title or heading path says it holds a glossary ("Begrippenlijst wonen, zorg en
    aandachtsgroepen", "Bijlage › Begrippen")."""
    return bool(_NAMES_GLOSSARY.search(title))


def defined_heads(text: str) -> list[tuple[str, ...]]:
    """The stems of what `text` (a sentence or a list item) may define, one per definition form
    it has ("opvang: …" → [("opvang",)])."""
    heads = [tuple(terms(_ARTICLE_WORD.sub("", match.group("head").strip()))) for match in _definition_forms(text)[1]]
    if glossary_row(text):  # "Begrip: DAEB en niet-DAEB · Beschrijving: DAEB staat voor …" defines each
        heads += [head for match in _definition_forms(text)[1] for head in entry_heads(match.group("head"))]
    return list(dict.fromkeys(head for head in heads if head))


def glossary_row(text: str) -> bool:
    """Whether `text` opens a row of a glossary written as a table ("Begrip: Extramuralisering ·
    Beschrijving: …"); its description may run over several sentences (`units` splits them)."""
    return bool(_GLOSSARY_ROW.match(text))


def may_define(unit: Unit) -> bool:
    """Whether `unit` can define a term: a sentence or a list, not a table row ("Woning: bij
    Housing First een zelfstandige woning" names a column), unless the row is a glossary's; nor a
    question: the Huurcommissie's "Voldoet de woonruimte aan de eisen van artikel 234 van boek 7 het
    BW?" opened the answer to "Wat is een onzelfstandige woonruimte?" as the entry under its heading
    (helper-60)."""
    return (unit.kind != "row" or glossary_row(unit.text)) and not unit.text.rstrip().endswith("?")


def _definition_forms(text: str) -> tuple[str, list[re.Match]]:
    """`text` without its list mark and leading article, and the `_DEFINITION` forms it matches."""
    if " · " in text:  # a table row as the loaders write one: "De huurprijs is: hoger dan de · …" names
        glossary = _GLOSSARY_ROW.match(text)  # columns; only a glossary's row defines its first cell
        return text, [glossary] if glossary else []
    if not _MAY_DEFINE.search(text):  # most sentences (the library's glossary reads them all)
        return text, []
    plain = _ARTICLE_WORD.sub("", LIST_MARK.sub("", text).strip())
    return plain, [match for match in (pattern.search(plain) for pattern in _DEFINITION) if match]


_REFERENCE_TO = re.compile(r"\b(?:als\s+)?bedoeld\s+in\b", re.I)
# "persoonsgegevens, …, verantwoordelijke en bewerker: hetgeen daaronder wordt verstaan in artikel 1 van de Wet
# bescherming persoonsgegevens": terms, however many, defined by where another law defines them
_DEFINED_ELSEWHERE = re.compile(r"^[^:;]{1,200}:\s*hetgeen\s+daaronder\s+(?:wordt|worden)\s+verstaan\s+in\b", re.I)


def only_refers(text: str) -> bool:
    """Whether `text` defines a term by nothing but that term and where a law defines it:
    "volkshuisvestingsprogramma: volkshuisvestingsprogramma als bedoeld in artikel 3.6 van de
    Omgevingswet" tells an officer where to read more than what it is. Such a definition is
    still one (`defines`); the answer prefers one that says what the term is
    (`compose.pointers_below_definitions`)."""
    if _DEFINED_ELSEWHERE.match(text.strip()):
        return True
    plain, forms = _definition_forms(text)
    if not forms:
        return False
    head = set(terms(forms[0].group("head")))
    reference = _REFERENCE_TO.search(plain, forms[0].end() - 1)
    return bool(head) and bool(reference) and set(terms(plain[forms[0].end() - 1: reference.start()])) <= head


def asks_quantity(question: str) -> bool:
    """"Hoeveel …", "Hoe lang …", "Welk percentage …", "Wat kost …": the answer is a number; also
    after a preposition ("Voor hoeveel jaar …") and in a clause of its own ("…, en hoeveel plekken
    …?"). Not a question about how a number is found, however many it names ("Hoe wordt bepaald
    hoeveel statushouders … en hoeveel woningen …?")."""
    if _QUANTITY_AT_START.search(question):
        return True
    clause = _QUANTITY_CLAUSE.search(question)
    if clause is None:
        return False
    before = question[:clause.start()]
    return not _AMOUNT_ANYWHERE.search(before)


# "Het aantal woningen dat in 2026 wordt gereserveerd is afhankelijk van de uitkomsten van de telling",
# "iedere gemeente huisvest een deel van het landelijke aantal dat past bij haar aandeel in de bevolking"
_NUMBER_DEPENDS = re.compile(
    r"\b(?:aantal|hoeveelheid|omvang)\b[^.;]{0,120}?\b(?:afhankelijk|hangt\s+\w+\s+af|afhangt|wordt\s+bepaald|"
    r"worden\s+bepaald|volgt\s+uit|naar\s+rato|naar\s+verhouding|evenredig|aandeel)\b", re.I)


def says_what_a_number_depends_on(text: str) -> bool:
    """Whether `text` says what a number depends on or how it is set, without giving it: where no
    text states the number a "Hoeveel …?" asks, that is what the library says of it."""
    return bool(_NUMBER_DEPENDS.search(text))


def states_quantity(text: str, question: str = "") -> bool:
    """A number that measures something: digits, a Dutch number word, a percentage or an amount;
    not an article, member or page reference, not a year and not part of a word ("0-meting").
    Given the `question`, not a number it names itself ("… na twee jaar …" is not answered by
    "twee jaar"), for "Welk percentage …" or "Hoeveel procent …" only a percentage, and for
    "Hoeveel geld …" or "Wat kost …" only an amount of money, unless the question also asks how long or,
    before it, another measure."""
    asked = set(_quantities(question))
    text = without_lid_number(text)  # "1 Bij ministeriële regeling …" (regelrecht's lid 1) states no number
    if _ASKS_BOUND.search(question) and not _STATES_BOUND.search(text):
        # "Wat is het minimum en maximum van de eigen bijdrage …?" is answered by "ten minste € 158,60 en niet
        # meer dan € 832,60", not by "een bijdrage per maand van 12,5%"
        return False
    # "Om hoeveel gezinnen ging het?" is not answered by "ingezonden 11 maart 2024"; "Hoe lang geldt
    # de regeling?" may be, by "tot 1 januari 2027", not by "de wet van 7 oktober 2020"
    duration = bool(_ASKS_DURATION.search(question))
    text = _CALENDAR_DATE.sub(lambda date: date.group(0) if duration and _BOUND.search(text[:date.start()]) else " ",
                              text)
    money = _ASKS_MONEY.search(question)
    # "Hoe groot mag een mantelzorgwoning … zijn en wat kost de huur?" asks a size too (helper-55)
    other = _QUANTITY_AT_START.search(question)
    if money and not duration and not (other and other.end() <= money.start()):
        return bool(_MONEY.search(text))
    if _ASKS_PERCENTAGE.search(question):
        # "87 procent": the word the question asks with is part of the answer's percentage
        return any(_QUANTITY.match(number) and number.lower().rstrip(".,") not in asked
                   for number in _PERCENTAGE.findall(_REFERENCE.sub(" ", text)))
    if duration and len(_AMOUNT_ANYWHERE.findall(question)) == 1:
        # "Hoe lang is een huisvestingsvergunning geldig?" is not answered by "ten hoogste 50 procent"; "Hoe
        # lang liep de regeling en hoeveel geld was ervoor beschikbaar?" asks a number besides
        return bool(_CALENDAR_DATE.search(text)) or any(
            span.group("number").lower() not in asked for span in _TIME_SPAN.finditer(_REFERENCE.sub(" ", text)))
    if _ASKS_FREQUENCY.search(question) and _FREQUENCY.search(text):
        return True  # "Hoe vaak komt de wijkcoach op huisbezoek?": "elke week" (helper-56)
    noun = counted_noun(question)
    if noun is not None:
        return _counts(text, noun, asked)
    return any(q not in asked for q in _quantities(text))


NEAR_WORDS = 12  # words either side of a number that it is read with (`near_quantity`)


def near_quantity(text: str, question: str) -> set[str]:
    """The stems within NEAR_WORDS words of each number in `text` that `question` does not name
    itself, less the word after it, which names its unit ("vier jaar"): what the number is said of.
    Art. 11c's "met een termijn van maximaal vijftien jaren" is said of an omgevingsvergunning,
    though its sentence names the huisvestingsverordening fifty words before."""
    asked = set(_quantities(question))
    words = without_lid_number(_REFERENCE.sub(" ", text)).split()
    found: set[str] = set()
    for i, word in enumerate(words):
        if set(_quantities(word)) - asked:
            found |= set(terms(" ".join(words[max(0, i - NEAR_WORDS):i] + words[i + 2:i + 2 + NEAR_WORDS])))
    return found


def counted_noun(question: str) -> str | None:
    """The stem of what "Hoeveel …" counts when a plural noun follows it ("Hoeveel statushouders
    …" → "statushouder"); None otherwise ("Hoeveel kost …", "Hoeveel procent …")."""
    found = _COUNTED.search(question)
    stems = terms(found.group(1)) if found else []
    return stems[0] if len(stems) == 1 else None


def _counts(text: str, noun: str, asked: set[str]) -> bool:
    """Whether `text` states a number (not one in `asked`) that does not count something else than
    `noun`: "zeven gemeenten" and "tien verplichte urgentiegroepen" count no statushouders, "25
    vergunninghouders" does (`credit`), and so does "De taakstelling bedraagt 48": a number with no
    plural noun after it may count what is asked."""
    plain = _NUMBER_IN_WORD.sub(" ", _REFERENCE.sub(" ", text))
    at = 0
    while (number := _COUNTING.search(plain, at)) is not None:
        value = number.group("number").lower().replace(" ", "").rstrip(".,")
        if not _QUANTITY.match(value) or value in asked:
            # read on after the word itself: in "ten hoogste dertien weken" the words after "ten" are no
            # noun it counts, and "dertien" is the number
            at = number.end("number")
            continue
        at = number.end()
        counted = number.group("counted")
        if not counted or counted.lower() in analyzer_stopwords() or _names(counted, noun):
            return True
    return False


@lru_cache(maxsize=1)
def analyzer_stopwords() -> frozenset[str]:
    """The Dutch stopwords BM25 leaves out ("worden", "zijn", "hebben"): no plural noun after a
    number, no separable verb. Imported on first use: bm25s pulls in numba (`index.bm25_store`)."""
    from bm25s.stopwords import STOPWORDS_DUTCH
    return frozenset(STOPWORDS_DUTCH)


@lru_cache(maxsize=20_000)
def _names(word: str, noun: str) -> bool:
    return any(credit(stem, {noun}) for stem in terms(word))


def _quantities(text: str) -> list[str]:
    """The number tokens of `text`, lower case ("35%", "twee", "€", "tweede")."""
    tokens = _NUMBER_TOKEN.findall(_NUMBER_IN_WORD.sub(" ", _REFERENCE.sub(" ", text)))
    return [t.lower().replace(" ", "").rstrip(".,") for t in tokens if _QUANTITY.match(t)]


def asks_date(question: str) -> bool:
    """"Sinds wanneer …", "Vanaf wanneer …", "Op welke datum …", "Wanneer treedt … in werking?":
    the answer is a date. A bare "Wanneer …" is as often a condition ("Wanneer is een woonruimte
    zelfstandig?"), so it only counts with coming into force or ending."""
    return bool(_DATE_QUESTION.search(question))


def asks_reason(question: str) -> bool:
    """"Waarom …", "Wat is de reden …", "Met welk doel …": the answer gives a reason or a purpose."""
    return bool(_REASON_QUESTION.search(question))


def asks_article(question: str) -> bool:
    """"Op welk wetsartikel …", "In welk artikel …", "Op grond van welke bepaling …": the answer names an article."""
    return bool(_ARTICLE_QUESTION.search(question))


def states_article(text: str) -> bool:
    """An article by its number: "op grond van artikel 31, eerste lid, van de Huisvestingswet 2014"."""
    return bool(_ARTICLE_NAMED.search(text))


def states_reason(text: str) -> bool:
    """A reason or a purpose: "omdat", "doordat", "vanwege", "zodat", "om … te", "met het oog op", "met als doel";
    or a consequence of the sentence before: "Daarom …", "Hierdoor …"."""
    return bool(_REASON.search(text))


def states_date(text: str) -> bool:
    """A day ("1 juli 2024", "01-01-2016") or a year ("sinds 2015"), not the year in a law's name
    ("Huisvestingswet 2014", "Wmo 2015")."""
    return bool(_DATE.search(_LAW_NAME_YEAR.sub(" ", text)))


# a law's name: "Participatiewet", "Huisvestingswet", "Veegwet" (not "wet" alone: "de Wet op de huurtoeslag")
COMPOUND_LAW = re.compile(r"\b[^\W\d_]{3,}wet\b")
_IN_EFFECT = re.compile(r"\bin\s+werking\b", re.I)


def asked_statement(question: str) -> Callable[[str], bool] | None:
    """The test a text must pass to state what a question asks for when that is a date
    (`asks_date`) or a number (`asks_quantity`), or None for other questions. Asked when a law
    named by its word took effect, a date of another law's taking effect is none: "Wanneer is de
    Veegwet wonen in werking getreden?" opened with "Per 1 juli 2015 is de Herzieningswet … in
    werking getreden", a sentence of the Veegwet's own memorie van toelichting (helper-57)."""
    if asks_date(question):
        laws = laws_asked_in_effect(question)
        return (lambda text: states_date(text) and not of_another_law(text, laws)) if laws else states_date
    if asks_quantity(question):
        return lambda text: states_quantity(text, question)
    return None


def laws_asked_in_effect(question: str) -> set[str]:
    """The laws, named by their word in lower case, of which `question` asks when they take effect."""
    return {law.lower() for law in COMPOUND_LAW.findall(question)} if _IN_EFFECT.search(question) else set()


def of_another_law(text: str, laws: set[str]) -> bool:
    """Whether `text` says when a law takes effect and names laws by their word, none of them one of `laws`."""
    named = {law.lower() for law in COMPOUND_LAW.findall(text)}
    return bool(_IN_EFFECT.search(text)) and bool(named) and not named & laws


# a heading that is an article of law: "Artikel 12", "Artikel 33a Bijdragen", "Artikel 2.3.5", "Art. 1:1"
ARTICLE_HEADING = re.compile(r"^\s*art(?:ikel|\.)\s*(\d+[\w.:]*)", re.I)
# a heading over a law's definitions: "§ 1 Begripsbepalingen", "Definities"
DEFINITIONS_HEADING = re.compile(r"\bbegripsbepaling|\bdefinities\b|\bbegrippen\b", re.I)


def nearest_heading(section: str | None) -> str:
    """The last heading of a heading path ("Wet › Artikel 12 › Lid 3" → "Lid 3")."""
    return (section or "").rsplit("›", 1)[-1].strip()


# "prestatieafspraken :" and "( DAEB )": PDF bold runs and converted tables leave a space
# before punctuation; the text an officer reads should not
_SPACE_BEFORE_MARK = re.compile(r"(?<=\S)\s+(?=[,.;:!?)](?:\s|$))")
_SPACE_AFTER_PAREN = re.compile(r"\(\s+(?=\S)")


# a source's own "[2]": a superscript lost in conversion (Utrecht's "50 m[2] GBO") or a
# footnote reference ("Ontwikkeling woningbouw [1]")
_SOURCE_NUMBER = re.compile(r"\s?\[(\d{1,3})\]")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def as_quoted(text: str) -> str:
    """A source's `text` as an answer quotes it: its own bracketed numbers as the superscripts
    they stand for ("50 m² GBO", "woningbouw¹"), so neither the officer nor the chat's links
    take them for the answer's citations ("[2]" opened source 2)."""
    return _SOURCE_NUMBER.sub(lambda number: number.group(1).translate(_SUPERSCRIPT), text)


def tidy(text: str) -> str:
    """`text` without spaces before punctuation or inside brackets, as shown in an answer. Only
    the display changes: matching a shown sentence to its passage folds both the same way."""
    return _SPACE_AFTER_PAREN.sub("(", _SPACE_BEFORE_MARK.sub("", text))


QUOTE_RUN = 8  # words in a row two texts must share before one can be read as quoting the other
QUOTED_SHARE = 0.8
_PLAIN_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[tuple[str, ...]]:
    """Every run of QUOTE_RUN words of `text`, case folded; punctuation and list marks do not count."""
    words = _PLAIN_WORD.findall(text.casefold())
    return {tuple(words[i:i + QUOTE_RUN]) for i in range(len(words) - QUOTE_RUN + 1)}


def quotes(part: str, source: set[tuple[str, ...]]) -> bool:
    """True when `part` stands (almost) word for word in the text whose `shingles` are `source`:
    QUOTED_SHARE of its words lie in runs of QUOTE_RUN words that text has too. A reference both
    share inside a longer sentence ("als bedoeld in artikel 1.1.1, eerste lid, van de Wet
    maatschappelijke ondersteuning 2015") is no quote."""
    words = _PLAIN_WORD.findall(part.casefold())
    covered = [False] * len(words)
    for i in range(len(words) - QUOTE_RUN + 1):
        if tuple(words[i:i + QUOTE_RUN]) in source:
            covered[i:i + QUOTE_RUN] = [True] * QUOTE_RUN
    return len(words) >= QUOTE_RUN and sum(covered) >= QUOTED_SHARE * len(words)


RUNNING_TITLE_WORDS = 12


# "Dit wordt in hoofdstuk 2.6 nader toegelicht.", "In paragraaf 1.4.2 wordt vervolgens ingegaan op de
# keuze …": where a text explains something, not what it says. Not "In hoofdstuk 1 is toegelicht dat
# huurders … huurprijsbescherming hebben", "Zoals toegelicht onder paragraaf 1.4.4, worden …" or "… wordt
# aangesloten bij de definities zoals toegelicht in paragraaf 2.2", which say it
_SECTION_NUMBER = re.compile(r"\b(?:paragraaf|hoofdstuk|§)\s*\d", re.I)
_EXPLAINED = re.compile(r"\b(?:toegelicht|beschreven|uitgewerkt|behandeld|besproken|ingegaan)\b", re.I)
_SAYS_WHAT = re.compile(r"\bzoals\b|\b(?:toegelicht|beschreven|uitgewerkt|besproken)\s+dat\b", re.I)


def points_to_a_section(text: str) -> bool:
    """Whether `text` only says in which paragraaf or hoofdstuk something is explained."""
    return bool(_SECTION_NUMBER.search(text) and _EXPLAINED.search(text) and not _SAYS_WHAT.search(text))


# a field of a filled-in form, as the PDF loader writes it: "Aantal gevraagde plekken: 14 plekken beschermd wonen"
_FIELD = re.compile(r"^[A-ZÀ-Ý][^:.!?]{0,40}:\s+\S[^:]*$")
_STATEMENT_END = re.compile(r"[.!?;]\W*$")


def form_fields(found: list[Unit], i: int) -> str:
    """The other fields of the form unit `i` of `found` is a field of: the run of fields around it in
    its paragraph, or "" when it is none. "Aantal gevraagde plekken: 14 plekken beschermd wonen" is
    the number of the gemeente two fields above ("Naam gemeente: Gemeente Voorbeeldstad"), and "Hoeveel
    plekken beschermd wonen vraagt de gemeente Voorbeeldstad aan?" was refused (helper-65). A field is
    a value, not a statement: "Vorm: een bestuurlijke samenwerking …." is read as the sentence it is,
    and "Overlijden: wat moet ik regelen?" is a link to a page."""
    def field(j: int) -> bool:
        return 0 <= j < len(found) and found[j].kind == "sentence" and found[j].paragraph == found[i].paragraph \
            and bool(_FIELD.match(found[j].text))

    if not field(i) or _STATEMENT_END.search(found[i].text):
        return ""
    first, last = i, i
    while field(first - 1):
        first -= 1
    while field(last + 1):
        last += 1
    return " ".join(found[j].text for j in range(first, last + 1) if j != i) if last > first else ""


# the head of parliamentary questions and of their answer: who asked whom, when they were sent in or received
PARLIAMENTARY_HEAD = re.compile(r"^\s*(?:vragen\s+van\s+(?:het\s+lid|de\s+leden)\b"
                                r"|antwoord\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)\b)"
                                r"[^()]*(?:\([^()]*\)[^()]*)*\((?:ingezonden|ontvangen)\s", re.I)


def is_boilerplate(text: str) -> bool:
    """Text about the text rather than content: a disclaimer, a cross-reference (also to where a
    paragraaf explains something: `points_to_a_section`), a law's note on its own history ("Treedt in
    werking per 01-01-2016"), a law's opschrift ("Wet van 9 juli 2014, houdende regels inzake … (Wet
    maatschappelijke ondersteuning 2015)": the law's name, which brings it first for a question that
    names the law, and answers nothing asked of it), the head of parliamentary questions ("Vragen van
    het lid Keijzer (BBB) aan de Minister … over de publicatie van de internetconsultatie …
    (ingezonden 11 maart 2024)." opened the answer to "Tot wanneer liep de internetconsultatie …?",
    helper-65)."""
    return bool(_BOILERPLATE.search(text) or OPSCHRIFT.match(text.strip()) or PARLIAMENTARY_HEAD.match(text)
                or points_to_a_section(text))


def says_something(hit) -> bool:
    """Whether a passage (`index.models.Hit`) holds content: not only boilerplate, nor only a short
    running title without a sentence's end ("Thuiswijzer · Kennisbank Een thuis voor iedereen",
    "Handreiking · 1 juli 2026" on a cover page). Neither is a place to read on."""
    text = " ".join(hit.chunk.text.split())
    if len(text.split()) < RUNNING_TITLE_WORDS and text[-1:] not in ".?!:;)":
        return False
    return not all(is_boilerplate(u.text) for u in passage_units(hit))
