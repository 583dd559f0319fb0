"""Turning a follow-up question into a standalone query, with or without a language model."""

from __future__ import annotations

import re

from assistant.sentences import (BEFORE_THE_CHANGE, QUESTION_WORDS, asks_overview, named_places, place_terms,
                                 question_terms, terms)
from assistant.spelling import dutch_words

# the shortest head two compounds share for the one to stand in for the other ("delen" of voordelen
# and nadelen); "ingen" of woningen and regelingen is no word, and no shorter head is one
MIN_HEAD = 5

# openings and words that lean on what was said before: "En lokaal?", "Hoe doet Parkstad dat?"
_LEANING_START = re.compile(r"^\s*(en|maar|ook|dus|of|en\s+hoe|hoe\s+zit\s+het|wat\s+als|stel\s+dat)\b", re.I)
_REFERRING = re.compile(
    r"\b(dat|dit|die|deze|daar\w*|hier\w*|ervan|erbij|ermee|erover|hetzelfde|zij|ze|hun|hen|hem|haar|zo'n|zulke)\b"
    r"(?=\s*[?.!]?\s*$|\s+(?:voor|bij|mee|over|aan|van)\b|\s*[,?])",
    re.I,
)
# "van die netwerkvorm", "mogen … die aantallen": a demonstrative after a preposition or verb points back;
# so does one right after a question's opening word and verb ("Wie maakt die afspraken?") or after the
# subject of an opening modal verb ("Mag de gemeenteraad die grens hoger leggen?", "Mogen gemeenten die
# onderling ruilen?"); not after "Welke groepen", where "die" opens a relative clause, nor before the
# article, pronoun or adverb that opens one ("Kan een gemeente die geen verordening heeft …")
_CLAUSE_START = (r"(?:de|het|een|geen|zij|ze|hij|zich|er|niet|nog|al|wel|ook|zelf"
                 r"|in|op|met|voor|bij|aan|van|over|uit|naar)")
_DEMONSTRATIVE = re.compile(
    r"\b(van|voor|met|aan|bij|op|in|over|uit|naar|zijn|is|mogen|moeten|kunnen|kan|mag|moet)\s+"
    r"(die|deze|dat|dit|zo'n|zulke)\s+\w+"
    r"|^\s*(?:en\s+)?(?:wie|wat|wanneer|waar|hoe|waarom)\s+\w+\s+(die|deze|dit|zo'n|zulke)\s+\w+"
    r"|^\s*(?:en\s+)?(?:mag|mogen|moet|moeten|kan|kunnen|wil|willen|zal|zullen)\s+"
    rf"(?:(?:de|het|een|elke|iedere)\s+)?[\w-]+\s+(die|deze|dat|dit)\s+(?!{_CLAUSE_START}\b)\w+",
    re.I,
)
# "Hoe pakken gemeenten dat in de praktijk aan?": "dat" is the object of a verb whose particle closes the
# question (helper-65); a "dat" that opens a clause ends on its verb ("Hoe weet ik dat iemand urgentie krijgt?")
_OBJECT_OF_SEPARABLE = re.compile(r"\b(?:dat|dit)\b(?=(?:\s+[\w-]+)*?\s+(?:aan|op|uit|af|mee|toe|vast|terug|om)"
                                  r"\s*[?.!]*\s*$)", re.I)
# "Geldt die ook …?", "Moet dat …?": a pronoun as the subject right after the opening verb
_PRONOUN_SUBJECT = re.compile(r"^\s*\w+\s+(die|dat|deze|dit|ze|zij|hij|zo'n)\b", re.I)
# "Hoe werkt het?", "Voor wie is het bedoeld?": "het" after a verb at the end, or before a closing participle,
# stands for what was asked before (an article has its noun after it: "Wat is het budget?")
_IT = re.compile(r"\b[\w-]+\s+het(?:\s+(?:ge|be|ver|ont|her)[\w-]+)?\s*[?.!]*\s*$", re.I)
# "Welke daarvan …", "Hoeveel hiervan …": a pronominal adverb always points back
_POINTING_ADVERB = re.compile(r"\b(daar|hier)(van|bij|mee|voor|aan|over|in|uit|op|onder|tussen|naast)\b|\bervan\b", re.I)
# "Welke voorwaarden gelden ervoor?" after "Wat is Housing First?" (helper-61). Not "ervoor" that points ahead, at
# a clause of its own ("Hoe zorg ik ervoor dat statushouders …?", "Wat is ervoor nodig om … te krijgen?"), nor
# after a comma, which may point back into the question itself ("… een nieuwe huisvestingsverordening, en wie
# moeten we erbij betrekken?") or "en" ("Hoe lang liep de regeling en hoeveel geld was ervoor beschikbaar?");
# not "eruit", which is also "eruitzien"
_ER_POINTING = re.compile(r"^(?:(?![,;]|\sen\s).)*?\ber(?:voor|bij|mee|over|in|aan|op|door|onder|naast|toe)\b"
                          r"(?!.*\b(?:dat|om|te|of|wie|wat|hoe|welke|wanneer|waar)\b)", re.I)
_DATE_WORD = re.compile(r"\d+|vanaf|sinds|per|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                        r"|november|december", re.I)
# the preposition an "er"-adverb stands for where it is not its own second part ("ermee" is "met het")
_ER_PREPOSITION = {"mee": "met", "toe": "tot"}
# "Wat zijn dan de nadelen?", "Op wiens naam staat het dan?"; not the comparative "meer dan"
_THEN = re.compile(r"(?<!\w)(?<!er )(?<!meer )(?<!minder )(?<!anders )(?<!liever )dan\b", re.I)
_LEADING_JOINER = re.compile(r"^\s*(en|maar|ook|dus)\s+", re.I)
# "de verordening", "het programma": a noun with the definite article alone before it, before the end or a verb
_DEFINITE_NOUN = re.compile(r"\b(?:de|het)\s+([a-zà-ÿ][\w-]+)\b(?=\s+(?!(?:van|voor|met|bij|over|in|op|uit|aan)\b)"
                            r"[a-zà-ÿ]+\s*[?.!]*\s*$|\s*[?.!]*\s*$)", re.I)
# "Wat houdt dat in?", "Wat wordt daarmee bedoeld?", "Kun je dat uitleggen?": the last answer in
# other words, and nothing of its own to search on
_POINTED = r"(?:dat|dit|het|die|deze)"
_ASKS_TO_EXPLAIN = re.compile(
    r"^\s*(?:en\s+|maar\s+)?(?:"
    rf"wat\s+(?:houdt|houden|betekent|betekenen|bedoel\w*)\s+(?:{_POINTED}|je|u)"
    r"(?:\s+(?:dan|precies|eigenlijk))*(?:\s+(?:in|mee|daarmee))?"
    rf"|wat\s+(?:is|zijn)\s+{_POINTED}\s+(?:dan\s+)?(?:precies|eigenlijk)"
    rf"|wat\s+wil\s+{_POINTED}\s+(?:precies\s+|eigenlijk\s+)?zeggen"
    r"|wat\s+(?:wordt|moet\s+ik|moeten\s+we|moet\s+je)\s+(?:er\s+)?(?:daar|hier)(?:\s+(?:precies|eigenlijk)\s+)?"
    r"(?:mee|onder)\s+(?:precies\s+|eigenlijk\s+)?(?:bedoeld|verstaan)"
    rf"|(?:kun|kan|kunt)\s+(?:je|u)\s+{_POINTED}\s+(?:[\w-]+\s+){{0,3}}(?:uitleggen|toelichten|verduidelijken|zeggen)"
    rf"|hoe\s+bedoel\s+(?:je|u)(?:\s+{_POINTED})?|leg\s+{_POINTED}\s+(?:eens\s+)?uit"
    r"|ik\s+(?:snap|begrijp)\s+(?:het|dat|dit)\s+niet)\s*[?.!]*\s*$", re.I)


# "Sinds wanneer?", "En waarom dan?", "Voor wie?": how to ask, and nothing asked about; nor is a kind of
# answer alone ("Binnen welke termijn?" after the Wmo's onderzoek was answered from the Huurcommissie, helper-70)
_BARE_ASKING = re.compile(
    r"^\s*(?:(?:en|maar)\s+)?(?:(?:sinds|vanaf|tot|voor|na|met|bij|van|door|op|over|aan|in|uit|naar|tegen|zonder"
    r"|binnen|onder|per)\s+)?"
    r"(?:wat|wie|waar\w*|wanneer|waarom|hoezo|hoeveel|hoe(?:\s+(?:lang|vaak|snel|hoog|groot|veel|laat))?"
    r"|welke?\s+[\w-]+)"
    r"(?:\s+(?:dan|nog|precies|eigenlijk|ongeveer|dus|al))*\s*[?.!]*\s*$", re.I)
# "Hoe wordt hun aantal berekend?": a possessive before the question names anyone it could belong to
_POSSESSIVE = re.compile(r"\b(?:hun|haar)\s+[\w-]+", re.I)
_PLURAL_WORD = re.compile(r"[\w-]{2,}(?:en|s|'s)", re.I)
# "Kan de huurdersorganisatie dat ook vragen?": "dat" as the object before the last verb, with an adverb
# between; a conjunction's "dat" opens a clause ("… dat gemeenten moeten?"), a relative "dat" has no adverb
_OBJECT_BEFORE_VERB = re.compile(
    r"\b(?:dat|dit)(?:\s+(?:ook|nog|dan|wel|niet|eigenlijk|zomaar|toch|zelf))+\s+[\w-]+\s*[?.!]*\s*$", re.I)
# "Welke knelpunten kwamen ze tegen?": a subject pronoun after the verb of a main clause; after a
# conjunction ("… als ze geen woning vinden?") it names someone the question itself has named
_SUBJECT_AFTER_VERB = re.compile(r"^[^,;:]*?\b[\w-]+\s+(?:ze|zij|hij)\b(?!\s+(?:in|bij|op)\s+[A-Z])", re.I)
_CONJUNCTION = re.compile(r"\b(?:als|omdat|wanneer|dat|die|of|zodat|nadat|voordat|terwijl|tenzij|zodra|indien|"
                          r"mits|waardoor|waarmee|welke|wie|wat)\s+(?:ze|zij|hij)\b", re.I)
# "Vanaf wanneer geldt de beleidsregel en wie evalueert hem?", "Wat is Housing First en voor wie is het bedoeld?",
# "Wat is de kostendelersnorm en geldt die voor …?": the second of two joined questions may point at what the first
# names, so only the first part tells whether the question leans on the conversation (helper-68: both were read
# as follow-ups of the question before). The second opens with a question word or with a verb, as a question does
_JOINED_QUESTIONS = re.compile(r"\w.*?(?P<join>,|\sen)\s+(?:en\s+)?"
                               r"(?:(?:vanaf|sinds|tot|voor|na|met|bij|van|door|op|over|aan|in|uit|naar)\s+)?"
                               r"(?:wie|wat|wanneer|waar|hoe|welke|waarom|hoeveel|geldt|gelden|is|zijn|kan|kunnen|mag"
                               r"|mogen|moet|moeten|heeft|hebben|wordt|worden|valt|vallen|telt|tellen)\b", re.I)


def is_follow_up(question: str) -> bool:
    """Whether the question only makes sense with what was asked before."""
    if not question_terms(question):
        return True
    joined = _JOINED_QUESTIONS.search(question)
    if joined and question_terms(question[:joined.start("join")]):
        question = question[:joined.start("join")] + "?"
    if any(p.search(question) for p in (_REFERRING, _DEMONSTRATIVE, _THEN, _PRONOUN_SUBJECT, _POINTING_ADVERB,
                                        _OBJECT_BEFORE_VERB, _IT, _OBJECT_OF_SEPARABLE)) \
            or _ER_POINTING.match(question) \
            or _LEANING_START.match(question) or points_back_first(question):  # "Wie stelt dat vast?"
        return True
    if _BARE_ASKING.match(question) or _owner_unnamed(question):
        return True
    subject = _SUBJECT_AFTER_VERB.match(question)
    return bool(subject) and not _CONJUNCTION.search(question[:subject.end()])


def _owner_unnamed(question: str) -> bool:
    """Whether a possessive ("hun", "haar") comes before any term of the question's own that could own
    it: for "hun", a word in the plural ("Welke gemeenten regelen hun …"); "Wie is verantwoordelijk voor
    hun huisvesting?" after a question on evacués was searched as it stood (helper-70)."""
    found = _POSSESSIVE.search(question)
    if not found:
        return False
    before = question[:found.start()]
    if found.group(0).lower().startswith("hun"):
        return not any(_PLURAL_WORD.fullmatch(word) and question_terms(word) for word in re.findall(r"[\w'-]+", before))
    return not question_terms(before)


# how a question opens before its subject: a question word, after a preposition or not, with its verb
# ("Wat betekent", "Hoe lang duurt", "Vanaf wanneer gaat", "Voor wie geldt") or the verb alone ("Geldt",
# "Is"), with "je", "u" or "er" after it; or "Welke" and "Hoeveel" on their own ("Welke daarvan …")
_ASKED_AFTER = r"(?:(?:vanaf|sinds|tot|voor|na|met|bij|van|door|op|over|aan|in|uit|naar|tegen|zonder)\s+)?"
_OPENINGS = (
    re.compile(rf"^\s*(?:{_ASKED_AFTER}(?:wat|wie|waar\w*|wanneer|waarom|hoeveel"
               r"|hoe(?:\s+(?:lang|vaak|snel|hoog|groot|veel))?)\s+)?[\w']+(?:\s+(?:je|jij|u|we|wij|ik|er))?\s+", re.I),
    re.compile(rf"^\s*{_ASKED_AFTER}(?:welke|hoeveel)\s+", re.I),
)
# "Dit geldt ook voor kamers?", "Dat is toch niet verplicht?": a first word that points, then its verb
_POINTING_START = re.compile(
    r"^\s*(dit|dat|die|deze)\s+(?:is|zijn|geldt|gelden|kan|kunnen|mag|mogen|moet|moeten|gaat|gaan|werkt|"
    r"betekent|houdt|staat|komt|valt|hoort)\s+", re.I)
_POINTER = re.compile(r"(dat|die|dit|deze|ze|zij|hij|dan|(?:daar|hier)(?:van|mee|voor|aan|over|in|uit|op|onder|"
                      r"tussen)|ervan)\b", re.I)
# after the pointer only adverbs, then a preposition or the end: "die *ook voor* kamers", "dat?"; a
# clause or a noun phrase after it makes "dat" a conjunction ("Klopt dat niet alle gemeenten …"), "die"
# a relative pronoun ("Mensen die uitstromen …") and "deze" a determiner
_ADVERBS = r"(?:\s+(?:ook|nog|dan|wel|niet|eigenlijk|precies|echt|eens|nu|nou|al|alleen|altijd|zomaar|toch|dus))*"
_PREPOSITION = r"(?:voor|bij|met|zonder|in|op|na|over|aan|van|uit|naar|onder|tussen|tegen|tot|mee|door|af)"
_POINTER_TAIL = re.compile(rf"{_ADVERBS}(?:\s*[?.!]*\s*$|\s+{_PREPOSITION}\b)", re.I)
# "dat" and "die" point back before a last word too ("Is dat verplicht?", "Wat kost die woning?");
# "dit" and "deze" there are determiners ("Hoe lang is deze samenvatting?", "… dit jaar?")
_POINTER_LAST_WORD = re.compile(rf"{_ADVERBS}\s+[\w-]+\s*[?.!]*\s*$", re.I)
# "dan" points back only before what is then definite ("Wat zijn dan de nadelen?", not "… dan een …")
_THEN_TAIL = re.compile(r"\s+(?:de|het|die|dat|deze|dit|zij|ze|hij)\b", re.I)
# an elliptic follow-up: a joiner before a short phrase without a verb ("En voor jongeren?", "En de
# provincie?")
_JOINED_FRAGMENT = re.compile(
    r"^\s*(en|maar|ook)\s+(?:voor|bij|met|zonder|in|op|na|over|de|het|een)\b(?:\s+[\w-]+){0,4}\s*\?\s*$", re.I)


# "Geldt dat ook voor mensen uit beschermd wonen?", "En voor jongeren?", "Vallen statushouders daar ook onder?":
# whether what the last answer said holds for someone or something else too; not "En voor wie …?", which asks anew
_SAME_OF_ANOTHER = re.compile(
    r"^\s*(?:en\s+)?(?:geldt|gelden|telt|tellen|werkt|werken)\s+(?:dat|die|dit|deze|het)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:voor|bij)\b"
    r"|^\s*en\s+(?:ook\s+)?(?:voor|bij)\s+(?!(?:wie|wat|welke|hoeveel|hoe)\b)"
    r"|\b(?:daar|hier)\s+(?:[\w-]+\s+){0,2}?onder\s*[?.!]*\s*$", re.I)


def asks_same_of_another(question: str) -> str:
    """The words with which a follow-up asks if what the last answer said holds for someone or something
    else too ("Geldt dat ook voor …?", "En voor jongeren?", "Vallen … daar ook onder?"), or "": its answer
    is what that answer opened with, where it names them (by the follow-up's other words)."""
    found = _SAME_OF_ANOTHER.search(question)
    return found.group(0) if found else ""


def er_pointer(question: str) -> str:
    """The "er"-word with which `question` points back at an earlier turn ("Welke voorwaarden gelden
    *ervoor*?", "Wat moet *erin* staan?"), or "" (`_ER_POINTING`)."""
    found = _ER_POINTING.match(question)
    return re.search(r"\ber\w+$", found.group(0)).group(0) if found else ""


def er_preposition(adverb: str) -> str:
    """The preposition an "er"-word stands for: "ervoor" → "voor", "ermee" → "met"."""
    rest = adverb[2:].lower()
    return _ER_PREPOSITION.get(rest, rest)


def points_back_first(question: str) -> str:
    """The word with which `question` points back at an earlier turn before it names anything of its
    own ("Wat betekent *dat* voor kleine gemeenten?", "Geldt *die* ook voor kamers?", "*En* voor
    jongeren?", "Welke *daarvan* …?", "Wat zijn *dan* de nadelen?"), or "". Only the word right after
    the question's opening counts, and only as a pronoun: "die" before a clause is a relative pronoun,
    "dat" a conjunction, "deze" before a noun a determiner ("Klopt dat niet alle gemeenten …", "Gaat
    dit jaar …"). A question with a comma or a colon names its subject in its other part ("Hoe werkt
    dat, een urgentieregeling?"), and "ze" before a name speaks of people there ("Hebben ze in
    Amsterdam …?"). Asked first in a conversation, such a question has nothing to lean on; wrongly
    taken for one, an answerable question is refused, so only these clear cases count and a rarer
    form ("Hoe lang duurt het dan?") is searched as asked."""
    question = question.strip()
    if re.search(r"[,:;]", question):
        return ""
    fragment = _JOINED_FRAGMENT.match(question)
    if fragment:
        return fragment.group(1)
    question = _LEADING_JOINER.sub("", question)  # "En geldt de urgentieregeling ook …?" asks in full
    start = _POINTING_START.match(question)
    if start and any(tail.match(question, start.end() - 1) for tail in (_POINTER_TAIL, _POINTER_LAST_WORD)):
        return start.group(1)
    openings = (found.end() for found in (opening.match(question) for opening in _OPENINGS) if found)
    pointer = next((found for found in (_POINTER.match(question, at) for at in openings) if found), None)
    if not pointer:
        return ""
    word, rest = pointer.group(1), question[pointer.end():]
    kind = word.lower()
    if kind == "dan":
        return word if _THEN_TAIL.match(rest) else ""
    if kind in {"ze", "zij", "hij"}:  # never a conjunction, but people in general before a place
        return "" if re.match(r"\s+(?:in|bij|op)\b", rest) or re.search(r"\s[A-Z]", rest) else word
    if kind not in {"dat", "die", "dit", "deze"}:  # "daarvan", "ervan"; "Wat vind je ervan dat …" points ahead
        return "" if re.match(r"\s+dat\b", rest) else word
    last_word = kind in {"dat", "die"} and _POINTER_LAST_WORD.match(rest)
    return word if _POINTER_TAIL.match(rest) or last_word else ""


def asks_to_explain(question: str) -> bool:
    """Whether a follow-up asks to have the last answer explained ("Wat houdt dat in?", "Kun je dat
    uitleggen?"): an extractive assistant has no words of its own to do so, and searched with the
    last topic carried over it finds another passage that names it."""
    return bool(_ASKS_TO_EXPLAIN.match(question))


def own_terms(question: str, earlier: str = "") -> list[str]:
    """The stems a follow-up adds of its own: not a word it points back at with a demonstrative,
    when the `earlier` turns (their text) name it ("En hoe snel moet die gemeente dan beslissen?"
    adds "snel" and "beslissen"; "die gemeente" is the one the earlier answer named). "Is dat
    verplicht?" points at nothing by a word, so all its stems stay."""
    said = set(question_terms(earlier))
    pointed = {t for found in _DEMONSTRATIVE.finditer(question) for t in question_terms(found.group(0).split()[-1])}
    own = question_terms(question)
    return [t for t in own if t not in pointed & said] or own


def is_joiner(word: str) -> bool:
    """Whether `word` is one a follow-up opens with to join the last turn ("En", "Maar", "Ook", "Dus")."""
    return bool(_LEADING_JOINER.match(word + " "))


def topic_questions(history: list[dict] | None) -> list[str]:
    """The officer's earlier questions in `history` that can carry a topic to a follow-up: not a
    request to explain an answer ("Wat wordt daarmee bedoeld?"), nor a question that pointed back
    with nothing before it to point at (`points_back_first`; it was answered with a request to name
    its subject). "Waar gaat deze publicatie over?" names no term, but has the document read as its
    subject (`asks_overview`): "Wat betekent dat voor ouderen?" after it leans on its answer."""
    kept: list[str] = []
    for message in history or []:
        text = message.get("content", "").strip()
        if message.get("role") != "user" or not text or asks_to_explain(text):
            continue
        if kept or asks_overview(text) or not (points_back_first(text) or not question_terms(text)):
            kept.append(text)
    return kept


def same_kind(word: str, other: str) -> bool:
    """Whether two different words end in the same head, a word of its own of MIN_HEAD letters or
    more: "netwerkorganisatie" and "organisatie", "nadelen" and "voordelen". A follow-up that names
    one ("En de voordelen van een formele organisatie?") asks it instead of the other, which it
    does not carry over."""
    word, other = word.lower(), other.lower()
    if word == other:
        return False
    shared = 0
    while shared < min(len(word), len(other)) and word[-1 - shared] == other[-1 - shared]:
        shared += 1
    head = word[len(word) - shared:]
    return shared >= MIN_HEAD and (head in (word, other) or head in dutch_words())


def asks_of_another_place(question: str, history: list[dict] | None) -> bool:
    """"En in Utrecht?" after "Wat is de wachttijd … in Amersfoort?": the same question of another
    place (`sentences.named_places`), and nothing else. Its answer is the earlier question's for
    that place, whatever the last answer said: Utrecht's "11 jaar" had been shown for Amersfoort."""
    own = named_places(question)
    if not own:
        return False
    rest = set(question_terms(question)) - {t for place in own for t in place_terms(place)}
    return not rest and any(named_places(earlier) for earlier in topic_questions(history))


def carried_from(question: str, query: str, history: list[dict] | None) -> list[str]:
    """The earlier questions whose topics the standalone `query` of a follow-up carries, as `condense`
    adds them up: the last one that stood on its own and the follow-ups after it, in the order asked;
    [] when the query carries no word of their topics. Shown to the officer as how the follow-up was
    read, where the query itself ("Geldt groepen krijgen urgentie ook voor jongeren uit de jeugdzorg?")
    reads as no sentence (helper-57, helper-58), and a chain's last turn as well as its first (helper-59)."""
    added = _words(query) - _words(question)
    chain = topic_chain(topic_questions(history))
    return chain if added & _words(" ".join(topic_of(earlier) for earlier in chain)) else []


def topic_chain(previous: list[str]) -> list[str]:
    """Of the earlier questions (`topic_questions`), those whose topics a follow-up carries: the last one
    that stood on its own and the follow-ups after it, in the order asked."""
    chain: list[str] = []
    for earlier in reversed(previous):
        chain.insert(0, earlier)
        if not is_follow_up(earlier):
            break
    return chain


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[\w'-]+", text)}


def topic_of(question: str) -> str:
    """The words of a question that carry its subject, those of its terms (`question_terms`): "Wat
    regelen we regionaal?" → "regionaal". Not a pronoun or "over" that points at an earlier turn ("Wat
    zegt ze over beschermd wonen?"), nor another function word ("Met wie moet een corporatie overleggen
    …?" carried "Met" into the query shown), nor the measure a question asks ("lang" of "Hoe lang mag een
    huisvestingsverordening gelden?")."""
    words = re.findall(r"[\w'-]+", question)
    asked = set(question_terms(question))
    # "Vanaf" of "Vanaf wanneer gaat dat in?" is part of how it asks, not of its subject
    asked_after = {i for i, w in enumerate(words[:-1])
                   if re.fullmatch(_ASKED_AFTER, w + " ", re.I) and words[i + 1].lower() in QUESTION_WORDS}
    return " ".join(w for i, w in enumerate(words) if i not in asked_after and set(terms(w)) & asked)


def condense(question: str, history: list[dict] | None, elliptic: bool = False) -> str:
    """The standalone query for `question`: itself, or with the earlier topic carried over.

    Without a language model this is a rule: a follow-up that leans on the conversation
    (starts with "En …", refers back with "dat"/"daar"/"zij", or has nothing of its own to search on)
    gets the topic of the previous user question(s) appended, without the words it says itself;
    a pronoun that stands for the one earlier topic is replaced by it ("Wie stelt dat vast?" →
    "Wie stelt huurprijsgrens vast?"). `elliptic`: read as a follow-up that leaves its subject out
    ("Wie beslist er over de toekenning?" after a question about urgentie), though no word says so.
    """
    question = question.strip()
    previous = topic_questions(history)
    if not previous or not (elliptic or is_follow_up(question)):
        return question
    own = _LEADING_JOINER.sub("", question).rstrip(" ?")
    # a word the follow-up says itself is not carried again: "Hoe vraag ik die aan?" after "Hoe vraag
    # ik DigiD aan?" carries "DigiD", and the embedded query is not its verb twice over
    said = _words(own)
    # "die afspraken" points back at the prestatieafspraken asked before: no other one of that kind; so does a
    # noun with only "de" or "het" before it ("En wat moet er in de verordening staan?" after "Hoe lang mag een
    # huisvestingsverordening gelden?" lost the huisvestingsverordening and was answered from the Participatiewet,
    # helper-69), where "een formele organisatie" names another kind
    pointed = {found.group(0).split()[-1].lower() for found in _DEMONSTRATIVE.finditer(own)}
    referred = pointed | {found.group(1).lower() for found in _DEFINITE_NOUN.finditer(own)}
    # "En in Utrecht?" after a question about Amersfoort asks the same of another place: the place it
    # names takes the place of those named before
    replaced = named_places(own)
    # "En hoe zat dat vóór die wetswijziging?" after "Welke groepen … vanaf 1 juli 2026 …?": the date names
    # the text after the change, which the follow-up does not ask for
    undated = bool(BEFORE_THE_CHANGE.search(own))
    # the last question that stood on its own carries the topic; a chain of follow-ups adds up
    topics = []
    for earlier in topic_chain(previous):
        # "Waar gaat deze publicatie over?" has the document read as its topic, and the filter that
        # chose it keeps the search there; its words ("deze publicatie over") find nothing
        words = [] if asks_overview(earlier) else topic_of(earlier).split()
        elsewhere = {w.lower() for place in named_places(earlier) for w in place.split()} if replaced else set()
        if undated:
            words = [word for word in words if not _DATE_WORD.fullmatch(word)]
        topics.append(" ".join(word for word in words if word.lower() not in said | elsewhere
                               and not any(same_kind(word, other) for other in said - referred)))
    own = own[:1].upper() + own[1:]
    carried = "; ".join(t for t in topics if t)
    pointer = points_back_first(own)
    # "Wat moet er in die visie staan?" after "Wat is een woonzorgvisie?": the noun pointed at is the head of the
    # earlier topic, which takes its place wherever it stands (helper-61: searched as "… die visie …", refused)
    head = next((noun for noun in pointed if carried.lower().endswith(noun)), None) if len(topics) == 1 else None
    if carried and head:
        return re.sub(rf"\b(?:die|deze|dat|dit)\s+{head}\b", carried, own, count=1, flags=re.I) + "?"
    adverb = er_pointer(own) if len(topics) == 1 else ""
    if carried and adverb:
        # "Wat moet erin staan?" after "Wat is een woonzorgvisie?" is embedded as "Wat moet in woonzorgvisie
        # staan?": with the topic in brackets behind it the embedder saw another question, and refused
        return re.sub(rf"\b{adverb}\b", f"{er_preposition(adverb)} {carried}", own, count=1) + "?"
    if carried and len(topics) == 1 and pointer.lower() in {"dat", "die", "dit", "deze"}:
        # the pronoun stands for the earlier subject, and the query says it in its place: "Hoe vraag
        # ik die aan?" after "Hoe vraag ik DigiD aan?" is embedded as "Hoe vraag ik DigiD aan?"; with
        # the topic in brackets behind it the embedder sees another question and the evidence is weak
        # "Wie maakt die afspraken?" after prestatieafspraken: the noun is the topic's own head, not said twice
        def stand_in(found: re.Match) -> str:
            noun = found.group(1)
            return carried if noun and carried.lower().endswith(noun.lower()) else carried + (f" {noun}" if noun else "")
        return re.sub(rf"\b{pointer}\b(?:\s+(\w+))?", stand_in, own, count=1) + "?"
    return f"{own} ({carried})?" if carried else f"{own}?"


CONDENSE_PROMPT = (
    "Je herschrijft een vervolgvraag tot een zelfstandige zoekvraag in het Nederlands.\n"
    "Gebruik het gesprek alleen om te begrijpen waar 'dat', 'daar' of 'en ...' naar verwijzen.\n"
    "Geef alleen de herschreven vraag terug, zonder uitleg.\n\n"
    "Gesprek:\n{history}\n\nVervolgvraag: {question}\nZelfstandige vraag:"
)


def condense_with_model(model, question: str, history: list[dict] | None) -> str:
    """The language model's standalone question; the rule above when there is no history."""
    if not history:
        return question
    lines = "\n".join(f"{'Gebruiker' if m['role'] == 'user' else 'Assistent'}: {m['content'][:600]}" for m in history[-6:])
    reply = model.invoke(CONDENSE_PROMPT.format(history=lines, question=question))
    text = getattr(reply, "content", str(reply)).strip().strip('"')
    return text.splitlines()[0] if text else condense(question, history)
