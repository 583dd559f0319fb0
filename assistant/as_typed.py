"""How a question is typed, apart from what it asks: a greeting before it, a label, capitals.

"Beste Thuiswijzer, welke groepen krijgen urgentie?" asks what "Welke groepen krijgen urgentie?"
asks. Read as typed, "Thuiswijzer" was a name the passages must hold (`sentences.anchors`) and
the question was refused; after "Hoi!" the question word "Welke" stood where a law's initials
stand ("Wmo"). A question typed in capitals has every word written as a name.
"""

from __future__ import annotations

import re

# "Hoi!", "Beste Thuiswijzer,", "Goedemorgen," …: a greeting ends at its punctuation
_GREETING = re.compile(r"^\s*(?:hoi|hallo|hey|hi|dag|goedemorgen|goedemiddag|goedenavond|beste|geachte)\b"
                       r"[^,!.:?\n]{0,40}[,!.:]+\s*", re.I)
# "Vraag:", "Ik heb een vraag:", "Mijn vraag is:"
_LABEL = re.compile(r"^\s*(?:(?:ik\s+heb\s+(?:nog\s+)?een|mijn|een)\s+)?vraag(?:\s+is)?\s*:\s*", re.I)
_THANKS = re.compile(r"[\s.!]*(?:(?:alvast\s+)?(?:bedankt|dank\s*(?:je|u)(?:\s+wel)?)(?:\s+alvast)?)[.!]*\s*$", re.I)
CAPITALS = 0.8  # share of a question's letters in capitals above which it was typed in capitals


def as_asked(question: str) -> str:
    """`question` without a greeting or label before it or thanks after it, and in lower case
    when typed in capitals; itself when nothing would be left."""
    plain = _THANKS.sub("", _LABEL.sub("", _GREETING.sub("", question.strip()))).strip()
    letters = [c for c in plain if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > CAPITALS:
        plain = plain.lower()
    if not re.search(r"\w", plain):
        return question
    return plain[:1].upper() + plain[1:]
