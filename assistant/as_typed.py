"""How a question is typed, apart from what it asks: a greeting before it, a label, capitals.

"Beste Thuiswijzer, welke groepen krijgen urgentie?" asks what "Welke groepen krijgen urgentie?"
asks. Read as typed, "Thuiswijzer" was a name the passages must hold (`sentences.anchors`) and
the question was refused; after "Hoi!" the question word "Welke" stood where a law's initials
stand ("Wmo"). A question typed in capitals has every word written as a name. A question in
English is read with Dutch words and stems, and is refused with a request to ask it in Dutch
(`asked_in_english`). A greeting or thanks alone asks nothing (`courtesy`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "Hoi!", "Beste Thuiswijzer,", "Goedemorgen," …: a greeting ends at its punctuation
_GREETING = re.compile(r"^\s*(?:hoi|hallo|hey|hi|dag|goedemorgen|goedemiddag|goedenavond|beste|geachte)\b"
                       r"[^,!.:?\n]{0,40}[,!.:]+\s*", re.I)
# "Vraag:", "Ik heb een vraag:", "Mijn vraag is:"
_LABEL = re.compile(r"^\s*(?:(?:ik\s+heb\s+(?:nog\s+)?een|mijn|een)\s+)?vraag(?:\s+is)?\s*:\s*", re.I)
# "… en er is veel discussie. Mijn vraag is eigenlijk: welke groepen …?": what the officer marks as the
# question after a story around it; the story's words would be searched for as much as the question's
_LABEL_WITHIN = re.compile(r"(?<=[.!?])\s+(?:(?:mijn|onze|de)\s+)?vraag\s+is(?:\s+(?:dus|eigenlijk|kort\s+gezegd|"
                           r"concreet|dan\s+ook|simpel))?\s*:\s*", re.I)
_THANKS = re.compile(r"[\s.!]*(?:(?:alvast\s+)?(?:bedankt|dank\s*(?:je|u)(?:\s+wel)?)(?:\s+alvast)?)[.!]*\s*$", re.I)
# a message that is only a greeting or thanks ("hallo", "Bedankt!", "Dank je wel, Thuiswijzer"): no question
_ONLY_GREETING = re.compile(
    r"(?:hoi|hallo|hey|hi|dag|goedendag|goedemorgen|goedemiddag|goedenavond)(?:\s+thuiswijzer)?", re.I)
_ONLY_THANKS = re.compile(r"(?:alvast\s+)?(?:bedankt|dank\s*(?:je|u)(?:\s+wel)?|dankjewel|thanks|top|fijn)"
                          r"(?:\s+(?:thuiswijzer|alvast))?", re.I)
CAPITALS = 0.8  # share of a question's letters in capitals above which it was typed in capitals
# py3langid's probability of English against Dutch from which a question is taken for English: "Who
# decides on urgency for homeless people?" scores 0.99998, while Dutch questions with an English name
# in them score up to 0.98 ("Is Housing First evidence based?") and a single word anything ("Hoi")
ENGLISH_SURE = 0.99
ENGLISH_MIN_WORDS = 4


def as_asked(question: str) -> str:
    """`question` without a greeting or label before it or thanks after it, without emoji, from the
    question a longer message marks as its question ("… Mijn vraag is eigenlijk: welke groepen …?"),
    and in lower case when typed in capitals; itself when nothing would be left."""
    plain = " ".join(without_emoji(question).split())
    plain = _THANKS.sub("", _LABEL.sub("", _GREETING.sub("", plain))).strip()
    marked = list(_LABEL_WITHIN.finditer(plain))
    if marked and re.search(r"\w", plain[marked[-1].end():]):
        plain = plain[marked[-1].end():]
    letters = [c for c in plain if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > CAPITALS:
        plain = plain.lower()
    if not re.search(r"\w", plain):
        return question
    return plain[:1].upper() + plain[1:]


def without_emoji(text: str) -> str:
    """`text` without pictographs and the joiners and variation selectors that build them: "🏠🏠
    urgentie??? 😀" was refused where "urgentie???" is answered (helper-65); read as typed, the
    pictographs made the dense search's query another. Signs that mean something in a question (€, %,
    °, §) are no pictographs."""
    return "".join(" " if _pictograph(c) else c for c in text if c not in "\u200d\ufe0f\ufe0e")


def _pictograph(character: str) -> bool:
    return unicodedata.category(character) == "So" and character not in "°©®™№℃"


def courtesy(message: str) -> str | None:
    """"groet" for a message that is only a greeting, "dank" for one that is only thanks, "leeg" for
    one without a letter or digit ("?!? ;;;"), else None: none asks anything, and searched, "hallo"
    found passages to read on that answer nothing."""
    plain = " ".join(re.sub(r"[^\w\s]", " ", message).split())
    if not re.search(r"[^\W_]", plain):
        return "leeg"
    if _ONLY_GREETING.fullmatch(plain):
        return "groet"
    if _ONLY_THANKS.fullmatch(plain):
        return "dank"
    return None


def asked_in_english(question: str) -> bool:
    """Whether `question` is, beyond doubt, written in English (at least ENGLISH_MIN_WORDS words and
    ENGLISH_SURE by py3langid, told only Dutch from English)."""
    if len(re.findall(r"[^\W\d_]+", question)) < ENGLISH_MIN_WORDS:
        return False
    language, probability = _dutch_or_english().classify(question)
    return language == "en" and probability >= ENGLISH_SURE


@lru_cache(maxsize=1)
def _dutch_or_english():
    # loaded on the first question that needs it: 0.6 s, and most questions never do
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["nl", "en"])
    return identifier
