"""Dutch separable verbs in a question, searched whole: "Hoe dien ik een Woo-verzoek in?" asks
about indienen.

A question splits a separable verb (scheidbaar werkwoord): the finite verb comes early and its
particle closes the clause ("Hoe vraag ik DigiD aan?", "Wat houdt de tussenvorm in?", "Hoe richt
ik een politieke partij op?"). Texts mostly write the verb whole ("aanvragen", "indienen", "de
aanvraag"), and the bare verb is another word ("dien" is "dienen", to serve), so BM25 does not
find the passage. The whole verb is added to the query that BM25 and the reranker read, when
the library knows it (`assistant.Assistant` keeps the question's own words for the rest); the
officer sees the query as it was searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.sentences import analyzer_stopwords

PARTICLES = frozenset("aan af in op uit mee door terug toe om bij na weg vast los samen voor".split())
# a modal or an auxiliary leaves its verb whole at the end ("Waar moet ik het aanvragen?"), so a
# particle-like last word after one is a preposition ("Waar heb ik recht op?", "Waar gaat het om?")
AUXILIARIES = frozenset(
    "is ben bent zijn was waren heb hebt heeft hebben had word wordt worden werd kan kun kunt kunnen mag mogen "
    "moet moeten wil wilt willen zal zult zullen zou zouden ga gaat gaan doe doet doen staat staan".split())
# the infinitive is built from a present stem; from a past tense it would be a wrong word ("ging …
# in" is no "ingingen"): the regular past singular ends in -de or -te, these are strong verbs'
PAST = frozenset(
    "ging gingen kwam kwamen nam namen gaf gaven hield hielden liep liepen trad traden trok trokken viel vielen "
    "zag zagen wees wezen bood boden schreef schreven sloot sloten stond stonden bracht brachten dacht dachten "
    "hing hingen deed deden las lazen sprak spraken vond vonden bleef bleven".split())
JOINERS = frozenset("en of maar want dus".split())
SINGULAR = frozenset("ik je jij u hij men".split())
SUBJECTS = SINGULAR | {"we", "wij", "jullie", "ze", "zij"}
OPENERS = frozenset("hoe wanneer wat wie waarom hoelang".split())
# "Hoe hoog valt de huur uit?", "Hoe vaak komt dat voor?": the verb follows the word "hoe" asks about
DEGREES = frozenset("hoog hoge laag lang vaak veel weinig snel laat vroeg groot ver oud duur goed".split())
NOUN_OPENERS = frozenset("welk welke hoeveel".split())  # "Welke groepen wijst de gemeente aan?"
# "Waar gaat het over?", "En horen die daar ook bij?", "Welke regels gelden er voor?": the particle
# belongs to waar, daar, hier or er
POINTING = frozenset("waar daar hier er".split())
# "Hoe schrijf ik me in bij de gemeente?": the particle before a phrase of at most PHRASE_WORDS words
PHRASE_OPENERS = frozenset("bij voor met van naar over tot zonder tijdens via binnen buiten".split())
PHRASE_WORDS = 5
# "Hoe maak ik bezwaar en hoe dien ik het in?": two questions, each with its own verb
_CLAUSE = re.compile(r"[?.!,;:()]|\s(?:en|of)\s+(?=(?:hoe|wat|wie|wanneer|waar|waarom|welke?)\b)", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_LONG = ("aa", "ee", "oo", "uu")
_VOWELS = set("aeiou")


def infinitives(stem: str) -> list[str]:
    """The infinitive of a verb's present stem by Dutch spelling: vraag → vragen, geef → geven,
    dien → dienen, schrijf → schrijven; a closed short syllable doubles its consonant (vul →
    vullen, stel → stellen) unless it is an unstressed -el, -en or -er (teken → tekenen), which
    spelling alone does not tell from a stressed one (bestel → bestellen): then both are given."""
    if stem[-1:] in ("f", "s") and len(stem) > 3 and (stem[-3:-1] in _LONG or stem[-3:-1] in ("ij", "ei", "ui", "ie")):
        stem = stem[:-1] + ("v" if stem.endswith("f") else "z")  # geef → geev, schrijf → schrijv, lees → leez
    if stem[-3:-1] in _LONG:  # an open syllable needs one vowel: vraag → vrag
        return [stem[:-2] + stem[-1] + "en"]
    if len(stem) > 2 and stem[-2] in _VOWELS and stem[-3] not in _VOWELS and stem[-1] not in _VOWELS | set("wjy"):
        unstressed = len(stem) > 4 and stem[-2:] in ("el", "en", "er")
        return [stem + stem[-1] + "en"] + ([stem + "en"] if unstressed else [])
    return [stem + "en"]


def finite_verb(words: list[str]) -> str | None:
    """The finite verb of a question clause (lowercased words): the word before its subject
    pronoun ("Hoe dien ik …"), else the word after its question word ("Wat houdt de …"), else
    after the noun its question word asks for ("Welke groepen wijst …"), else its first word
    ("Vraagt de gemeente …")."""
    for i, word in enumerate(words[1:], 1):
        if word in SUBJECTS:
            return words[i - 1]
    if words[0] in OPENERS:
        return words[2] if words[0] == "hoe" and words[1] in DEGREES and len(words) > 2 else words[1]
    if words[0] in NOUN_OPENERS:
        return words[2] if len(words) > 2 else None
    return words[0] if words[0] not in PARTICLES else None


def particle_at(words: list[str]) -> int | None:
    """Where the particle of a split verb stands in a clause's `words` (lowercased): its last word,
    or the last before a short phrase that a preposition opens ("Hoe schrijf ik me *in* bij de
    gemeente?"); None when there is none."""
    if len(words) < 3:
        return None
    if words[-1] in PARTICLES:
        return len(words) - 1
    for at in range(len(words) - 2, max(len(words) - 2 - PHRASE_WORDS, 1), -1):
        if words[at] in PARTICLES and words[at + 1] in PHRASE_OPENERS:
            return at
    return None


def whole_verbs(question: str) -> list[list[str]]:
    """The separable verbs a question splits, each as the forms it may have written whole, the
    likeliest first: "Hoe dien ik een Woo-verzoek in?" → [["indienen"]]. A finite verb on -t is
    the stem with -t ("vraagt": aanvragen), or the t is the stem's own ("richt": oprichten; also
    as a subordinate clause writes it, "opricht"). The caller keeps the first form its library
    knows."""
    stopwords = analyzer_stopwords()
    found: list[list[str]] = []
    for clause in _CLAUSE.split(question):
        words = [w.lower() for w in _WORD.findall(clause)]
        while words and words[0] in JOINERS:  # "…, en welk onderdeel ging later in?"
            words = words[1:]
        end = particle_at(words)
        # "waar" asking where ("Waar haal ik mijn paspoort op?") leaves the particle to the verb; "daar",
        # "hier" and "er" take it ("En horen die daar ook bij?")
        if end is None or POINTING & set(words[1:end]) or words[0] in POINTING - {"waar"}:
            continue
        words = words[:end + 1]
        particle, verb = words[-1], finite_verb(words[:-1])
        if (verb is None or verb in AUXILIARIES or verb in stopwords or verb in PAST or len(verb) < 3
                or verb.endswith(("de", "te"))):
            continue
        if verb.endswith("en") and not SINGULAR & set(words):  # "Hoe richten we … in?": the plural is the infinitive
            forms = [verb]
        elif verb.endswith("t") and len(verb) > 3 and "ik" not in words:
            # "vraagt" is vraag + t, "richt" a stem of its own (richten); after "ik" the verb is the stem
            forms = [*infinitives(verb[:-1]), *infinitives(verb), verb]
        else:
            forms = infinitives(verb)
        found.append([particle + form for form in forms])
    return found


def with_whole_verbs(query: str, question: str, known: Callable[[str], bool],
                     subject: Callable[[str], bool] = bool) -> str:
    """`query` (the standalone query for `question`, the officer's own words) with each
    separable verb `question` splits added whole, in brackets, in its first form `known` to the
    library (a predicate on the word): "Hoe dien ik een Woo-verzoek in (indienen)?". A verb any
    of whose forms is no `subject` of a question (how it asks: "Wat houdt opvang in?" asks
    what a word means) is left out. The topic a follow-up carries over ("(richt
    procesorganisatie in)") was searched as it stands before."""
    verbs = [next((form for form in forms if known(form)), None) for forms in whole_verbs(question)
             if all(subject(form) for form in forms)]
    verbs = list(dict.fromkeys(v for v in verbs if v))
    if not verbs:
        return query
    bare = query.rstrip().rstrip("?").rstrip()
    return f"{bare} ({', '.join(verbs)})?"
