"""A word the library does not know, read as the library's nearest word: "statushouers" as "statushouders".

A typo in a key term costs the lexical search its best clue and leaves the evidence thin: "Hoeveel
statushouers moet een gemeente huisvesten?" was refused, though the library answers it spelled right.
A word is read otherwise only when
- neither it nor its stem occurs in any passage of the library (a word the library knows is
  never changed, even where the officer meant another),
- it is no Dutch word either (pyspellchecker's Dutch word list): "helft", "verkiezingen" and
  "meteen" are words the library lacks, not typos of "heeft", "verwijzingen" and "meten",
- it is not a name (a capital inside the question: "Landgraaf" is a place the library may lack),
  unless the library's nearest word is one it writes as a name (NAME_SHARE of its occurrences
  with a capital): "Housing Frist" is read as "Housing First" (helper-53),
- the question is not in English ("network organisation" is no typo of "netwerk organisatie"),
- it has at least MIN_LETTERS letters, and
- the library holds a word within MAX_EDITS_SHORT edits of it, or MAX_EDITS_LONG for a word of
  LONG_WORD letters or more (Damerau-Levenshtein: a letter left out, added, changed or two
  swapped); the closest wins, and of equally close ones the most frequent.
Words of other subjects ("appeltaart", "pinguïns") are Dutch words or have no such neighbour, and
stay as typed, so the refusal of an off-topic question stands. The library's words are read at the
first such word in each index generation (symspellpy's SymSpell: 0.3 s for the 4,155 passages of
the real library on 2 cores), and not at all above MAX_PASSAGES passages, where it would take
minutes; the Dutch word list once per process (0.4 s).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spellchecker import SpellChecker
from symspellpy import SymSpell, Verbosity

from assistant.as_typed import asked_in_english
from assistant.sentences import terms

MIN_LETTERS = 5
MAX_EDITS_SHORT = 1
MAX_EDITS_LONG = 2
LONG_WORD = 9  # "huisvesting" and longer: two typos still leave the word recognisable
MAX_PASSAGES = 20_000
NAME_SHARE = 0.8  # of a word's occurrences in the library with a capital, for the library to write it as a name
_WORD = re.compile(r"[^\W\d_]+")  # a hyphenated compound by its parts: "Wmo-onderseuning"


@dataclass
class Correction:
    typed: str
    read: str


class Spelling:
    """The words of one index generation, read at the first word it does not know, to read such a
    word as the nearest one it does."""

    def __init__(self, index):
        self._index = index
        self._speller: SymSpell | None = None
        self._names: set[str] = set()

    def speller(self) -> SymSpell:
        """The library's words (lower case) with their frequencies; none above MAX_PASSAGES passages."""
        if self._speller is None:
            counts: Counter = Counter()
            capitals: Counter = Counter()
            if len(self._index) <= MAX_PASSAGES:
                for document in self._index.documents():
                    for chunk in self._index.chunks_of(document.doc_id):
                        # a term may stand in headings only ("Randvoorwaarden"), which are searched too
                        words = _WORD.findall(f"{chunk.section or ''} {chunk.text}")
                        counts.update(word.lower() for word in words)
                        capitals.update(word.lower() for word in words if word[0].isupper())
            speller = SymSpell(max_dictionary_edit_distance=MAX_EDITS_LONG, prefix_length=7)
            for word, count in counts.items():
                speller.create_dictionary_entry(word, count)
            self._names = {word for word, count in counts.items() if capitals[word] >= NAME_SHARE * count}
            self._speller = speller
        return self._speller

    def unknown(self, word: str) -> bool:
        """No stem of `word` occurs in any passage: a word only inflected otherwise is known."""
        return not all(self._index.document_frequencies(terms(word))[0])

    def nearest(self, word: str, named: bool = False) -> str | None:
        """The library's word closest to `word` (lower case), or None: when `word` is short, known
        to the library or a Dutch word, or the library has no word near it. A word written as a
        name (`named`) is read only as a word the library writes as a name, and then also when it
        is a Dutch word: "Frist" is one, and "Housing Frist" is still "Housing First"."""
        if len(word) < MIN_LETTERS or not self.unknown(word) or (word in dutch_words() and not named):
            return None
        edits = MAX_EDITS_LONG if len(word) >= LONG_WORD else MAX_EDITS_SHORT
        found = self.speller().lookup(word, Verbosity.CLOSEST, max_edit_distance=edits)
        if not found or found[0].term == word or (named and found[0].term not in self._names):
            return None
        return found[0].term

    def correct(self, question: str) -> tuple[str, list[Correction]]:
        """`question` with each word the library does not know read as its nearest known word,
        and what was read otherwise. A name (a capital after the first word) stays as typed unless
        the library writes its nearest word as a name."""
        corrections: list[Correction] = []

        def replace(match: re.Match) -> str:
            word = match.group(0)
            nearest = self.nearest(word.lower(), named=match.start() > 0 and word[0].isupper())
            if nearest is None:
                return word
            read = nearest.capitalize() if word[0].isupper() else nearest
            corrections.append(Correction(word, read))
            return read

        read = _WORD.sub(replace, question)
        if corrections and asked_in_english(question):
            # "What are the advantages of a network organisation?" is asked in English, not misspelt
            return question, []
        return read, corrections


@lru_cache(maxsize=1)
def dutch_words() -> SpellChecker:
    """The Dutch word list (`word in dutch_words()`), loaded at the first unknown word."""
    return SpellChecker(language="nl", distance=1)


def correction_note(corrections: list[Correction]) -> str:
    """"Gelezen als ‘statushouders’ (u typte ‘statushouers’)." for the officer to check."""
    said = ", ".join(f"‘{c.read}’ (u typte ‘{c.typed}’)" for c in corrections)
    return f"Gelezen als {said}: deze woorden komen in de kennisbank niet voor zoals getypt."
