"""A question that names an article of law is answered from that article.

Searched, "artikel 12" finds the articles that refer to it ("… woningzoekenden als bedoeld in
artikel 12, derde lid …") as readily as the article itself, and the composer took those: "Wat staat
er in artikel 12?" opened with article 16, and "Wat staat er in artikel 8 van de Huisvestingswet?"
with article 10, which names "artikel 8 … van de Vreemdelingenwet". A question that names one
article (and perhaps a lid) is read in that article: of the law it names, else of the law whose
text of that article the search ranks highest, else the newest. Asked only what the article says
("Wat staat er in …", "Wat regelt …", "Wat bepaalt …"), the answer is the article's own text, from
the lid asked; asked something of it ("Wie beslist volgens artikel 13 over urgentie?"), the answer
is composed from its passages as any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose import quoted_lines, sources_block, to_citation
from assistant.expand import one_passage
from assistant.models import Citation
from assistant.sentences import ORDINALS, passage_units, question_terms
from assistant.versions import article_of
from index.models import DocumentRecord, Hit
from ingest.dates import dutch_date

ARTICLE_UNITS = 6  # the lids (a lead-in with its whole list counts once) an article's text answer shows
_ASKED = re.compile(r"\bart(?:ikel|\.)\s*(\d+(?:[.:]\d+)*[a-z]?)\b", re.I)
_LID = rf"(?:lid\s+(\d{{1,2}})|(?:het\s+)?({'|'.join(ORDINALS)})\s+lid)"
_LID_AFTER = re.compile(rf"^\s*,?\s*{_LID}\b", re.I)  # "artikel 12 lid 3", "artikel 12, derde lid"
_LID_BEFORE = re.compile(rf"\b{_LID}\s+van\s+(?:het\s+)?$", re.I)  # "het derde lid van artikel 12"
# what a question asks when it asks only for an article's text: "Wat staat er in …", "Wat regelt …"
_SAYS = "staat zegt regelt bepaalt houdt inhoud luidt tekst precies volledig hele geheel"


@dataclass(frozen=True)
class AskedArticle:
    number: str  # "12", "2.3.5"
    lid: int | None = None


def asked_article(question: str) -> AskedArticle | None:
    """The one article (and lid) `question` names, or None for none or several ("het verschil tussen
    artikel 12 en artikel 14")."""
    found = list(_ASKED.finditer(question))
    if len({m.group(1).lower() for m in found}) != 1:
        return None
    first = found[0]
    lid = _LID_AFTER.match(question[first.end():]) or _LID_BEFORE.search(question[:first.start()])
    return AskedArticle(first.group(1).lower(), _lid_number(lid) if lid else None)


def _lid_number(match: re.Match) -> int:
    digits, ordinal = match.group(1), match.group(2)
    return int(digits) if digits else ORDINALS.index(ordinal.lower()) + 1


def asks_the_text(question: str, asked: AskedArticle, law_names: list[str]) -> bool:
    """Whether `question` asks nothing of the article but what it says: no term is left besides the
    article, its lid, the laws it names (`law_names`, as written) and "staat", "regelt", "bepaalt"."""
    named = {"artikel", "art", "lid", asked.number, str(asked.lid)}
    if asked.lid is not None:  # "het derde lid van artikel 12"
        named |= set(question_terms(" ".join(ORDINALS)))
    named |= {t for name in law_names for t in question_terms(name)}
    return not set(question_terms(question)) - named - set(question_terms(_SAYS))


def article_passages(asked: AskedArticle, texts: list[DocumentRecord], chunks_of, ranked: list[Hit]) -> list[Hit]:
    """The article `asked` as one passage (its chunks joined, `expand.one_passage`), of one of
    `texts` (the regelgeving to read): the text whose passage of that article comes first among
    `ranked` (the search's hits), else the newest. From the chunk that holds the lid asked on, when
    one is. Empty when no text holds the article."""
    holding = []
    for text in texts:
        chunks = [c for c in chunks_of(text.doc_id) if article_of(c.section) == asked.number]
        if chunks:
            holding.append((text, chunks))
    if not holding:
        return []
    first = {}
    for rank, hit in enumerate(ranked):
        if article_of(hit.chunk.section) == asked.number:
            first.setdefault(hit.document.doc_id, rank)
    holding.sort(key=lambda held: held[0].metadata.date or "", reverse=True)  # of equals, min takes the newest
    text, chunks = min(holding, key=lambda held: first.get(held[0].doc_id, len(ranked)))
    hits = [Hit(chunk, text, 1.0) for chunk in chunks]
    if asked.lid is not None:
        start = next((i for i, hit in enumerate(hits) if any(u.lid == asked.lid for u in passage_units(hit))), 0)
        hits = hits[start:]
    # one passage: a lid's list cut over two chunks is read with its lead-in, and cited as one source
    return [one_passage(hits)]


def article_text(article: Hit, asked: AskedArticle) -> tuple[str, list[Citation]]:
    """The article's own text as the answer: its first ARTICLE_UNITS units from the lid asked, each
    cited, under a line naming the article and its text ("_Artikel 12, lid 3, van „Huisvestingswet
    2014” (tekst van 1 juli 2026):_"), with the sources block. `article` as `article_passages` gives it."""
    units = passage_units(article)
    if asked.lid is not None:
        units = units[next((i for i, u in enumerate(units) if u.lid == asked.lid), 0):]
    shown = units[:ARTICLE_UNITS]
    citations = [to_citation(1, article, [part for u in shown for part in u.parts])]
    lines = [line for unit in shown for line in quoted_lines(unit, 1, article)]
    document = article.document
    dated = f" (tekst van {dutch_date(document.metadata.date)})" if document.metadata.date else ""
    lid = f", lid {asked.lid}," if asked.lid is not None else ""
    more = "\n\n_Het artikel gaat verder in de bron._" if len(units) > ARTICLE_UNITS else ""
    head = f"_Artikel {asked.number}{lid} van „{document.display_title}”{dated}:_"
    return f"{head}\n\n" + "\n".join(lines) + more + f"\n\n{sources_block(citations)}", citations
