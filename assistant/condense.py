"""Turning a follow-up question into a standalone query, with or without a language model."""

from __future__ import annotations

import re

from assistant.sentences import QUESTION_WORDS, question_terms

# openings and words that lean on what was said before: "En lokaal?", "Hoe doet Parkstad dat?"
_LEANING_START = re.compile(r"^\s*(en|maar|ook|dus|of|en\s+hoe|hoe\s+zit\s+het|wat\s+als|stel\s+dat)\b", re.I)
_REFERRING = re.compile(
    r"\b(dat|dit|die|deze|daar\w*|hier\w*|ervan|erbij|ermee|erover|hetzelfde|zij|ze|hun|hen|hem|haar|zo'n|zulke)\b"
    r"(?=\s*[?.!]?\s*$|\s+(?:voor|bij|mee|over|aan|van)\b|\s*[,?])",
    re.I,
)
# "van die netwerkvorm", "mogen … die aantallen": a demonstrative after a preposition or verb points back
_DEMONSTRATIVE = re.compile(
    r"\b(van|voor|met|aan|bij|op|in|over|uit|naar|zijn|is|mogen|moeten|kunnen|kan|mag|moet)\s+"
    r"(die|deze|dat|dit|zo'n|zulke)\s+\w+",
    re.I,
)
# "Geldt die ook …?", "Moet dat …?": a pronoun as the subject right after the opening verb
_PRONOUN_SUBJECT = re.compile(r"^\s*\w+\s+(die|dat|deze|dit|ze|zij|hij|zo'n)\b", re.I)
# "Welke daarvan …", "Hoeveel hiervan …": a pronominal adverb always points back
_POINTING_ADVERB = re.compile(r"\b(daar|hier)(van|bij|mee|voor|aan|over|in|uit|op|onder|tussen|naast)\b|\bervan\b", re.I)
# "Wat zijn dan de nadelen?", "Op wiens naam staat het dan?"; not the comparative "meer dan"
_THEN = re.compile(r"(?<!\w)(?<!er )(?<!meer )(?<!minder )(?<!anders )(?<!liever )dan\b", re.I)
_LEADING_JOINER = re.compile(r"^\s*(en|maar|ook|dus)\s+", re.I)
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


def is_follow_up(question: str) -> bool:
    """Whether the question only makes sense with what was asked before."""
    if any(p.search(question) for p in (_REFERRING, _DEMONSTRATIVE, _THEN, _PRONOUN_SUBJECT, _POINTING_ADVERB)) \
            or _LEANING_START.match(question):
        return True
    return not question_terms(question)


_INTERROGATIVE = r"(?:wat|wie|hoe|welke?|waar\w*|wanneer|hoeveel)\b"
_QUESTION_START = re.compile(rf"{_INTERROGATIVE}|(?:is|zijn|mag|mogen|moet|moeten|kan|kunnen)\b", re.I)
# "Geldt die ook …?", "Is dat wel zo?": a pronoun standing alone, for the adverb after it
_BARE_PRONOUN = re.compile(r"\b(die|dat|deze|dit|ze|zij|hij)\s+(?:ook|nog|dan|wel|niet|al|alleen|altijd|echt)\b", re.I)


def points_back_first(question: str) -> str:
    """The word with which `question` points back at an earlier turn before it names anything of its
    own ("Wat betekent *dat* voor kleine gemeenten?", "Geldt *die* ook voor kamers?", "*En* voor
    jongeren?", "Welke *daarvan* …?"), or "" when it names its subject first ("Wat is een casustafel
    en waarvoor gebruik je die?", "Hoe doet Parkstad dat?") or does not point at all. The verb a
    question opens with ("Geldt", "Wat kost") names nothing. A question with nothing of its own to
    search on ("Waarom?") points back as a whole: its text is returned. Asked first in a
    conversation, such a question has nothing to lean on."""
    question = question.strip()
    if not question_terms(question):
        return question
    joined = _LEADING_JOINER.match(question)
    if joined and _QUESTION_START.match(question[joined.end():]):
        question = question[joined.end():]  # "En wat is een algemene voorziening?" asks in full
    pointing = [found for pattern in (_REFERRING, _POINTING_ADVERB, _THEN, _BARE_PRONOUN, _LEADING_JOINER)
                for found in [pattern.search(question)] if found]
    if not pointing:
        return ""
    first = min(pointing, key=lambda found: found.start())
    words = question[:first.start()].split()
    verb = 2 if words and re.fullmatch(_INTERROGATIVE, words[0], re.I) else 1
    return "" if question_terms(" ".join(words[verb:])) else first.group(0).split()[0]


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


def topic_of(question: str) -> str:
    """The words of a question that carry its subject: "Wat regelen we regionaal?" → "regionaal"."""
    words = re.findall(r"[\w'-]+", question)
    kept = [w for w in words if w.lower() not in QUESTION_WORDS and w.lower() not in {"en", "of", "de", "het", "een"}]
    return " ".join(kept)


def condense(question: str, history: list[dict] | None) -> str:
    """The standalone query for `question`: itself, or with the earlier topic carried over.

    Without a language model this is a rule: a follow-up that leans on the conversation
    (starts with "En …", refers back with "dat"/"daar"/"zij", or has nothing of its own to search on)
    gets the topic of the previous user question(s) appended.
    """
    question = question.strip()
    # "Wat wordt daarmee bedoeld?" asked to have an answer explained and brought no topic of its own
    previous = [m["content"] for m in (history or []) if m.get("role") == "user" and m.get("content", "").strip()
                and not asks_to_explain(m["content"])]
    if not previous or not is_follow_up(question):
        return question
    # the last question that stood on its own carries the topic; a chain of follow-ups adds up
    topics = []
    for earlier in reversed(previous):
        topics.insert(0, topic_of(earlier))
        if not is_follow_up(earlier):
            break
    own = _LEADING_JOINER.sub("", question).rstrip(" ?")
    own = own[:1].upper() + own[1:]
    return f"{own} ({'; '.join(t for t in topics if t)})?"


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
