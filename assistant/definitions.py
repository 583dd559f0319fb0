"""Where the library defines a term, for a question about what the term means.

"Wat is een toegelaten instelling?" is asked of a library in which every passage of the Besluit
toegelaten instellingen volkshuisvesting names toegelaten instellingen: the search brings
passages that use the term, and the definitions in article 1 of the Woningwet and of the
Huisvestingswet are not among BM25's first 200. A definition names its term once, at the start
("toegelaten instelling: …", "Housing First is een aanpak …"), or, in a glossary, only in the
heading above it ("Prestatieafspraken" over "Afspraken tussen gemeente, …"), which neither
ranking sees.
So the definitions of the library's passages (`sentences.defined_heads`) are read once per index
generation: when the assistant is loaded, and again at the first such question after an editor
changed the library (4,159 passages of the real library: the app starts 2.7 s later, 0.8 s
of it with the passages already in memory, on 2 cores), and such a
question gets the passages that define the term before its other hits (`with_definitions`); the
composer decides what opens (`compose.pointers_below_definitions`).
A library of more than GLOSSARY_MAX_PASSAGES passages is not read (it would take minutes at a
million; reading each segment's definitions when it is written would scale): there the search
alone must find the definition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.expand import complete_passages
from assistant.sentences import (DEFINITIONS_HEADING, defined_heads, defined_terms, defines, entry_heads,
                                 glossary_entry, may_define, names_document, names_glossary, nearest_heading,
                                 question_terms, terms, units)
from assistant.versions import law_id
from index.models import Filters, Hit
from index.searcher import Index

DEFINING_HITS = 2  # passages that define the asked term, at most, added to the hits
GLOSSARY_MAX_PASSAGES = 20_000  # about ten seconds more to start the app


@dataclass
class Glossary:
    """Per defined term (its stems), the passages (document id, chunk ordinal) that define it."""

    entries: dict[tuple[str, ...], list[tuple[str, int]]]

    @classmethod
    def read(cls, index: Index) -> "Glossary":
        """The definitions of every live passage of `index`, and the glossary entries a passage
        opens (`glossary_heads`); none above GLOSSARY_MAX_PASSAGES."""
        entries: dict[tuple[str, ...], list[tuple[str, int]]] = {}
        if len(index) > GLOSSARY_MAX_PASSAGES:
            return cls(entries)
        for document in index.documents():
            previous = None
            for chunk in index.chunks_of(document.doc_id):
                heads = [head for part in definitions_in(chunk.text) for head in defined_heads(part)]
                if chunk.section != previous:  # the passage opens its section
                    heads += glossary_heads(chunk, document.title)
                previous = chunk.section
                for head in dict.fromkeys(heads):
                    entries.setdefault(head, []).append((document.doc_id, chunk.ordinal))
        return cls(entries)

    def passages(self, term: tuple[str, ...], index: Index, filters: Filters | None = None,
                 named: set[str] | frozenset[str] = frozenset()) -> list[Hit]:
        """The passages that define `term` (stems, as `sentences.defined_terms` gives them) in
        just these words, within the officer's `filters`, at most DEFINING_HITS: first those of a
        text whose title or id has one of the `named` stems ("Wat verstaat de Wmo onder …": the Wmo, not
        a handbook that copies its definition), then law before other texts, a law's article of definitions
        before a law that copies one into a list of its own (the Wmo's article 1.1.1, not the Besluit
        huurprijzen's "maatwerkvoorzieningen: …; of", helper-70), newest first.
        ("Wat zijn DAEB-taken van woningcorporaties?" is not answered by a definition of
        woningcorporaties, as `sentences.defines` would allow.)"""
        found = []
        for doc_id, ordinal in self.entries.get(term, []):
            document = index.document(doc_id)
            chunk = next((c for c in index.chunks_of(doc_id) if c.ordinal == ordinal), None)
            if document is not None and chunk is not None and not (filters and not filters.accepts(document)):
                found.append(Hit(chunk, document, 0.0))
        # a law defines by an article of definitions if one of its texts does: its other texts come newest first
        defining = {law_id(hit.document) or hit.document.doc_id for hit in found
                    if DEFINITIONS_HEADING.search(hit.chunk.section or "")}
        found.sort(key=lambda hit: hit.document.metadata.date or "", reverse=True)
        found.sort(key=lambda hit: (not names_document(named, hit.document),
                                    hit.document.metadata.type != "regelgeving",
                                    (law_id(hit.document) or hit.document.doc_id) not in defining))
        return found[:DEFINING_HITS]


def definitions_in(text: str) -> list[str]:
    """The sentences and list items of a passage that may define a term: not table rows
    ("Energielabel: A++ · Maximale huurprijs: € 412" names a column, it defines nothing)."""
    return [part for unit in units(text) if may_define(unit) for part in unit.definition_parts()]


def glossary_heads(chunk, title: str) -> list[tuple[str, ...]]:
    """The term a glossary's entry defines when `chunk` (index.models.Chunk) opens one: in a text
    or part whose `title` or heading path says it is a glossary (`sentences.names_glossary`), the
    entry's first sentence under a heading that is the term alone (`sentences.glossary_entry`).
    Elsewhere a heading of a word or two ("Monitoring", "Keuken") is no term defined."""
    heading = nearest_heading(chunk.section)
    first = next(iter(units(chunk.text)), None)
    if not heading or first is None or not may_define(first) or not names_glossary(f"{title} › {chunk.section}"):
        return []
    return [head for head in entry_heads(heading) if glossary_entry(first.text, heading, [head])]


def with_definitions(hits: list[Hit], question: str, glossary: Callable[[], Glossary], index: Index,
                     filters: Filters | None = None) -> list[Hit]:
    """`hits` with the passages that define the one term `question` asks the meaning of
    (`Glossary.passages`) first: moved there when among the hits, else completed
    (`expand.complete_passages`) and added; unchanged for other questions. `glossary` gives the
    index's Glossary; it is only called for such a question."""
    asked = defined_terms(question)
    if len(asked) != 1:
        return hits
    held = {_place(hit): hit for hit in hits}
    defining = glossary().passages(asked[0], index, filters, set(question_terms(question)))
    first = [held.get(_place(hit)) or completed for hit, completed in zip(defining, complete_passages(defining, index))]
    return first + [hit for hit in hits if _place(hit) not in {_place(f) for f in first}]


def library_defines(question: str, glossary: Callable[[], Glossary], index: Index, filters: Filters | None = None) -> bool:
    """Whether the library, within `filters`, defines in just these words the one term `question`
    asks the meaning of, in a passage that also names the question's other terms (in its text or
    its document's title): "Wat zijn friends-contracten?" is answered by one row of Utrecht's
    begrippenlijst, in a passage of twenty rows that lies far from the question in embedding space;
    "Wat is een inspecteur bij de politie?" is not answered by the Woningwet's inspecteur.
    `glossary` is only called for such a question."""
    asked = defined_terms(question)
    if len(asked) != 1:
        return False
    rest = set(question_terms(question)) - set(asked[0])
    return any(rest <= set(terms(f"{hit.document.title} {hit.chunk.text}"))
               for hit in glossary().passages(asked[0], index, filters))


def opens_with_definition(composition, asked: list[tuple[str, ...]]) -> bool:
    """Whether a composed answer (`compose.Composition`) opens with the meaning of an `asked`
    term (`sentences.defined_terms`): in words that say so ("opvang: onderdak …",
    `sentences.defines`), or as the glossary entry under that term its first citation is
    ("Afspraken tussen gemeente, woningcorporatie …" under "Prestatieafspraken")."""
    first = composition.text.split("\n", 1)[0]
    cited = composition.citations[0] if composition.citations else None
    return defines(first, asked) or (cited is not None and glossary_entry(first, nearest_heading(cited.section), asked))


def _place(hit: Hit) -> tuple[str, int]:
    return hit.document.doc_id, hit.chunk.ordinal
