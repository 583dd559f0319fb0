"""The same article in the library's other texts of a law, for a question about what changed.

"Is een urgentieregeling in de huisvestingsverordening nu verplicht, en was dat in de
oorspronkelijke wet ook zo?" is answered by article 12 twice: as the Huisvestingswet 2014 read
at first ("kan de gemeenteraad bepalen") and as it reads from 1 July 2026 ("bepaalt de
gemeenteraad"). The two texts share almost all their words, so the search brings the one and
the reranker keeps it; the other never comes. For a question that asks what changed or about
an earlier text (`asks_about_other_text`), the passages of the best VERSION_HITS articles of law
among the hits are therefore followed by the passages of the same article in the library's
other texts of that law: those that share most of the question's terms, at most PER_VERSION
per text. A law is known by its BWB identifier (wetten.overheid.nl: "BWBR0035303" is the
Huisvestingswet 2014), in its source address, title or document id; an article by its heading
("Artikel 12", "Artikel 2.3.5"). The composer shows each text under its own name and date,
newest first (`compose.law_editions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.expand import complete_passages
from assistant.sentences import (ARTICLE_HEADING, BEFORE_THE_CHANGE, COMPOUND_LAW, QUESTION_WORDS, coverage,
                                 question_terms, terms)
from index.models import DocumentRecord, Filters, Hit
from ingest.dates import dutch_date

if TYPE_CHECKING:  # the composer reads `law_id` and the questions' kinds without loading the index code
    from index.searcher import Index

VERSION_HITS = 3  # articles of law among the best hits that are looked up in the other texts, at most
PER_VERSION = 2  # passages of that article per other text
OWN_PASSAGES = 8  # best passages of a named law's own texts that `own_passage` reads
OWN_SHARE = 0.6  # of the question's other terms (idf-weighted) that such a passage must hold

AMENDED_SHARE = 0.6  # of an amending step's words that the article as it reads after it holds

# an amending act's step on one article: "B Aan artikel 10 worden drie leden toegevoegd, luidende:"
_AMENDING = re.compile(r"^\s*(?:[A-Z]{1,2}\s+)?(?:(?:aan|in)\s+)?artikel\s+(\d+[a-z]?(?:\.\d+)*)\b[^\n]{0,120}?"
                       r"\b(?:wordt|worden)\b[^\n]{0,120}?\b(?:gewijzigd|toegevoegd|ingevoegd|vervangen|luidende)\b",
                       re.I | re.M)
_BWB_ID = re.compile(r"\bBWBR\d{7}\b", re.I)
# what has changed, not what may change: "het doorvoeren van wijzigingen in deze regeling" asks
# about a procedure, and "Kan een vergunning vervallen?" about a rule of today
_CHANGE = re.compile(
    r"\b(?:veranderd|gewijzigd|bijgekomen|toegevoegd|geschrapt|eruit\s+gegaan|nog\s+steeds|nog\s+altijd"
    r"|oude\s+(?:en|of)\s+(?:de\s+)?nieuwe)\b", re.I)
# today's text named beside the earlier one: "nu", "vanaf 1 juli 2026", "het verschil tussen …"
_NOW = re.compile(r"\b(?:nu|tegenwoordig|huidige?|thans|inmiddels|nog|vandaag|vanaf|sinds|verschil\w*|vergelijk\w*)\b",
                  re.I)
_EARLIER = re.compile(r"\b(?:oorspronkelijke?|vroeger|destijds|voorheen|oude|eerdere|vorige)\b|"
                      + BEFORE_THE_CHANGE.pattern, re.I)
# a law's name: its word (`sentences.COMPOUND_LAW`), or "Wmo", "Bhw"
# "Wet" alone is no name: it opens "Wet maatschappelijke ondersteuning 2015" and "Wet betaalbare huur" alike
# officers type initials in lower case too ("na een wmo melding"): then only as the initials a law
# text of the library begins with (`_INITIALS`), not as any short word ("een", "na")
_LAW_NAME = re.compile(rf"{COMPOUND_LAW.pattern}|\b(?!Wet\b)[A-Z][a-zA-Z]{{1,4}}\b|\b(?!wet\b)[a-z]{{2,4}}\b")
_INITIALS = 4  # letters, at most, of a lower-case name
# a law named "Wet" and its words, written as a name: "de Wet betaalbare huur", "de Wet goed
# verhuurderschap"; the name ends before a word that joins the rest of the question to it
_NOT_IN_A_NAME = (r"(?!(?:voor|over|in|van|op|bij|met|aan|om|en|of|de|het|een|dat|die|is|zijn|was|wordt|werd|geldt|"
                  r"gelden|regelt|staat|sinds|vanaf|tot|nog|ook|al|nu)\b)")
_WET_NAME = re.compile(rf"\bWet(?:\s+(?:en\s+{_NOT_IN_A_NAME})?{_NOT_IN_A_NAME}[a-zà-ÿ-]+){{1,4}}")
_PARTICIPLES = re.compile(r"(?:\s+ge[a-zà-ÿ]+[dt](?<!heid))+$")  # "… geëvalueerd", "… gewijzigd" end no name
_NEVER = re.compile(r"(?!)")  # a text with no name of several words is named by none
# a law the question refers to or dates by, not one it asks about: "als bedoeld in de Wmo", "sinds de
# (invoering van de) Wet betaalbare huur", "na invoering van de Wet betaalbare huur"
_CROSS_REFERENCE = re.compile(
    r"\b(?:bedoeld\s+in\s+(?:de\s+|het\s+)?|(?:sinds|vanaf)\s+(?:de\s+|het\s+)?(?:invoering\s+van\s+(?:de\s+|het\s+)?)?"
    r"|na\s+(?:de\s+)?invoering\s+van\s+(?:de\s+|het\s+)?)$", re.I)
_KIND_OF = re.compile(r"\been\s+$", re.I)  # "Is de Huisvestingswet een Kaderwet?"
# what names a text of law: "Huisvestingswet", "wettekst", "urgentieregeling", "Besluit …"
_A_TEXT_OF_LAW = re.compile(r"\w*(?:wet|wettekst|wetswijziging|besluit|regeling|verordening|artikel|tekst|versie)\b",
                            re.I)


def asks_about_change(question: str) -> bool:
    """"Welke groepen zijn er in de Huisvestingswet bijgekomen …", "Wat is er veranderd … tussen de
    oude en de nieuwe Huisvestingswet?": what one text of a law says against another. A change
    word alone is not enough ("Kan een huisvestingsvergunning vervallen?"): the question must
    name a text of law."""
    return bool(_CHANGE.search(question)) and bool(_A_TEXT_OF_LAW.search(question))


def asks_about_other_text(question: str) -> bool:
    """A question about what changed (`asks_about_change`), or about an earlier text of a law
    ("Is … nu verplicht, en was dat in de oorspronkelijke wet ook zo?")."""
    return asks_about_change(question) or (bool(_EARLIER.search(question)) and bool(_A_TEXT_OF_LAW.search(question)))


def asks_about_earlier_text_only(question: str) -> bool:
    """A question about an earlier text of a law and not about today's ("Welke groepen moesten in de
    oorspronkelijke Huisvestingswet 2014 …?"): its answer is in the oldest text. Not "Is … nu verplicht,
    en was dat in de oorspronkelijke wet ook zo?", nor a question about what changed."""
    return asks_about_other_text(question) and not asks_about_change(question) and not _NOW.search(question)


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class TextOfYear:
    """The one text of a law a question dates by a year: the newest the library holds from that
    year or before, and the law's other texts that the answer leaves out."""

    year: str
    name: str  # the law as the question names it
    text: DocumentRecord
    others: tuple[DocumentRecord, ...]

    def notice(self) -> str:
        """What the officer is told: which text of the law was searched, and which were left out (Dutch);
        "" when no newer text was left out, for then the answer is the law as it reads now."""
        if not any(d.metadata.date > self.text.metadata.date for d in self.others):
            return ""
        dates = " en ".join(dutch_date(d.metadata.date) for d in self.others)
        left = f"de teksten van {dates} zijn" if len(self.others) > 1 else f"de tekst van {dates} is"
        # what was searched, not what answers: the answer may open with another source that names the law
        return (f"_U noemt {self.year}: van {article(self.name)} {self.name} is alleen de tekst van "
                f"{dutch_date(self.text.metadata.date)} doorzocht, de nieuwste uit {self.year} of eerder in de "
                f"kennisbank; {left} weggelaten._")


def text_of_year(question: str, query: str, documents: list[DocumentRecord]) -> TextOfYear | None:
    """The text of the one law `query` names (`named_laws`) that a year in `question` (else in
    `query`, which a follow-up's own words may lack) dates, when the library holds several dated
    texts of it: "Welke groepen moeten volgens de Huisvestingswet 2015 in de urgentieregeling?" is
    answered from the text of 2015, not from the ten groups of 2026, which the search ranks first
    (helper-69). Not a year of the law's own name ("Huisvestingswet 2014", "Wmo 2015"), nor a
    question with two years or about what changed, which reads every text (`with_other_versions`);
    None also when no text dates from that year or before."""
    if asks_about_change(query):
        return None
    named = named_laws(query, documents)
    if len(named) != 1:
        return None
    name, texts = next(iter(named.items()))
    laws = {law_id(d) for d in texts}
    dated = [d for d in documents if d.metadata.date and law_id(d) in laws - {None}]
    if len({d.metadata.date for d in dated}) < 2:
        return None
    own = {year for d in dated for year in _YEAR.findall(d.display_title)}  # not "… lawsmd 2015", a file name
    for asked in (question, query):
        years = set(_YEAR.findall(asked)) - own
        if years:
            break
    if len(years) != 1:
        return None
    year = years.pop()
    earlier = [d for d in dated if d.metadata.date[:4] <= year]
    if not earlier:
        return None
    text = max(earlier, key=lambda d: d.metadata.date)
    return TextOfYear(year, name, text, tuple(d for d in dated if d is not text))


def named_laws(question: str, documents: list[DocumentRecord]) -> dict[str, list[DocumentRecord]]:
    """The names of the laws the question names, as written ("Participatiewet", "Wmo", "Wet
    betaalbare huur"), each with the regelgeving `documents` that are its texts: those whose title
    or id, read without a BWB identifier, begins with the name ("Huisvestingswet 2014",
    "bwbr0035362-wmo-2015-…"; not the "Circulaire inwerkingtreding Woningwet 2015" or the
    "Uitvoeringsbesluit Wmo 2015"), or whose shown name of several words the question writes out
    (`_own_name`); a name no document has is left out. A law is named by its own word (a compound
    in -wet), by initials written as a name or by its shown name; the first word of the question is
    no name ("Wat", "Hoe"), nor is a law the question only refers to or dates by ("als bedoeld in
    de Wmo", "sinds de Wet betaalbare huur")."""
    named: dict[str, list[DocumentRecord]] = {}
    taken: list[DocumentRecord] = []
    where: dict[str, int] = {}  # the names in the order the question writes them
    offset = len(question) - len(question.lstrip().split(None, 1)[-1]) if " " in question.strip() else len(question)
    for match in _LAW_NAME.finditer(question, offset):
        if _CROSS_REFERENCE.search(question[:match.start()]):
            continue  # "mantelzorgers als bedoeld in de Wmo" asks about mantelzorgers, not about the Wmo
        word = match.group(0)
        if word.lower() in QUESTION_WORDS:
            continue  # "Urgentie: Welke groepen …?": a question word after a label is no law's initials
        stems = set(terms(word))
        if word.islower() and not COMPOUND_LAW.fullmatch(word):
            stems = {s for s in stems if len(s) <= _INITIALS}
        found = [d for d in documents if d.metadata.type == "regelgeving" and d not in taken
                 and ({_leading_word(d.title), _leading_word(d.doc_id)} & stems)]
        if found:
            named.setdefault(word, []).extend(found)
            where.setdefault(word, match.start())
            taken += found
    for document in documents:  # "de Wet maatschappelijke ondersteuning", "Wet betaalbare huur: geldt die …"
        own = _own_name(document.display_title) if document.metadata.type == "regelgeving" else _NEVER
        match = own.search(question)
        if match and document not in taken and not _CROSS_REFERENCE.search(question[:match.start()]):
            named.setdefault(match.group(0), []).append(document)
            where.setdefault(match.group(0), match.start())
            taken.append(document)
    return dict(sorted(named.items(), key=lambda item: where[item[0]]))


def as_asked_of_the_law(question: str, documents: list[DocumentRecord]) -> tuple[list[DocumentRecord], str]:
    """The texts of the one law `question` names (`named_laws`) and the question with "deze wet" in
    place of its name: "Uit hoeveel hoofdstukken bestaat de Woningwet?" → ([the Woningwet], "Uit
    hoeveel hoofdstukken bestaat deze wet?"), which `assistant.document_facts` answers from that
    text. ([], question) when it names no law, or several."""
    named = named_laws(question, documents)
    if len(named) != 1:
        return [], question
    name, texts = next(iter(named.items()))
    asked = re.sub(rf"\b(?:de|het)\s+{re.escape(name)}(?:\s+(?:19|20)\d{{2}})?\b", "deze wet", question, count=1)
    return (texts, asked) if asked != question else ([], question)


# the short title a bill's papers give it at the end of their title: "Wijziging van de Huisvestingswet
# 2014, … (Veegwet wonen) — Memorie van toelichting"
_SHORT_TITLE = re.compile(r"\((?=[^()]*(?:\b[^\W\d_]{3,}wet\b|\bWet\b|\bBesluit\b))([^()]+)\)")


def as_asked_of_the_bill(question: str, documents: list[DocumentRecord]) -> tuple[list[DocumentRecord], str]:
    """For a law the library holds no text of but papers about (its memorie van toelichting), those
    papers whose title gives the short title the question writes out, and the question with "deze
    wet" in place of it: "Wat is de Veegwet wonen?" → ([the memorie van toelichting], "Wat is deze
    wet?"). ([], question) when none does, or when the library holds a text of the law itself
    (`as_asked_of_the_law`)."""
    if named_laws(question, documents):
        return [], question
    papers: dict[str, list[DocumentRecord]] = {}
    for document in documents:
        for name in _SHORT_TITLE.findall(document.title):
            if _own_name(name.strip()).search(question):
                papers.setdefault(name.strip(), []).append(document)
    if len(papers) != 1:
        return [], question
    name, texts = next(iter(papers.items()))
    written = _own_name(name).search(question)
    before = re.search(r"\b(?:de|het)\s+$", question[:written.start()], re.I)
    if before is None:
        return [], question
    return texts, question[:before.start()] + "deze wet" + question[written.end():]


def own_passage(question: str, name: str, texts: list[DocumentRecord], index: Index,
                weights: dict[str, float]) -> Hit | None:
    """The passage of a law's own `texts` (`named_laws`) that speaks to `question` apart from the
    law's `name`: of its OWN_PASSAGES best passages, the first that holds OWN_SHARE (idf-weighted) of
    the question's other terms. "Wanneer treedt de Wet betaalbare huur in werking?" is answered by
    the Besluit that sets the date; the law's own ARTIKEL VII ("Deze wet treedt in werking op een bij
    koninklijk besluit te bepalen tijdstip") says how, and an officer should see it is there. None
    when no passage of the law does."""
    wanted = set(question_terms(question)) - set(terms(name))
    if not wanted:
        return None
    # by words: the test below is the question's words, and the embedder ranks a short article of law
    # low (ARTIKEL VII: BM25 rank 2 in its law, dense rank 51)
    for hit in index.search(question, OWN_PASSAGES, Filters(doc_ids=[d.doc_id for d in texts]), mode="bm25"):
        if coverage(wanted, set(terms(f"{hit.chunk.section or ''} {hit.chunk.text}")), weights) >= OWN_SHARE:
            return hit
    return None


@lru_cache(maxsize=1024)
def _own_name(name: str) -> re.Pattern:
    """The name of several words a text is shown by (`DocumentRecord.display_title`), as a question
    writes it: in any case, with its own year or none, not another ("Wet maatschappelijke
    ondersteuning 2007" is no text the library holds). A name of one word is a compound the question
    names by `_LAW_NAME`; matches nothing without such a name."""
    year = re.search(r"\s+(\d{4})$", name)
    words = name[:year.start()].split() if year else name.split()
    if len(words) < 2:
        return _NEVER
    own_year = rf"(?:\s+{year.group(1)})?" if year else ""
    return re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + own_year + r"\b(?!\s+\d{4})", re.I)


def article(name: str) -> str:
    """"het" before a decree or reglement ("het Besluit betaalbare huur"), "de" before a law."""
    return "het" if re.match(r"\w*(?:besluit|reglement|statuut)\b", name, re.I) else "de"


def names_law(name: str, hit: Hit) -> bool:
    """Whether a passage (its text, headings or document title) names the law `name`, as
    `missing_laws` gives it: by all the words of its name but "wet" ("het wetsvoorstel betaalbare
    huur" names the Wet betaalbare huur), or by its initials ("Wbh")."""
    found = set(terms(f"{hit.document.title} {hit.chunk.section or ''} {hit.chunk.text}"))
    words = set(terms(name)) - {"wet"}
    initials = "".join(word[0] for word in name.lower().split() if word != "en")
    return (bool(words) and words <= found) or (len(initials) >= 3 and initials in found)


def missing_laws(question: str, documents: list[DocumentRecord]) -> list[str]:
    """The laws `question` names by their own word, written as a name ("Omgevingswet"), or by "Wet"
    and its words ("Wet betaalbare huur": held by a title with all its words or their initials),
    that no title or id of `documents` has: the library holds no text of them, nor any text about
    them by name.
    Not a kind of law ("een kaderwet", "wijzigingswet"), nor a law the question only refers to ("als
    bedoeld in de Omgevingswet"), nor initials: "DAEB" and "OKEC" are written like "Wmo" and are no
    laws."""
    named = [m for m in [*COMPOUND_LAW.finditer(question), *_WET_NAME.finditer(question)]
             if m.group(0)[:1].isupper() and not _KIND_OF.search(question[:m.start()])
             and not _CROSS_REFERENCE.search(question[:m.start()])]
    if not named:
        return []
    held = {t for d in documents for t in terms(f"{d.title} {d.doc_id}")}
    # "de Wet betaalbare huur" is held by a title with all its words ("Wet betaalbare huur",
    # "… (Wet betaalbare huur)") or its initials ("Wmo 2015: …" holds the Wet maatschappelijke
    # ondersteuning), not by one that has "wet" or "huur" alone
    titles = [set(terms(f"{d.title} {d.doc_id} {d.metadata.display_title or ''}")) for d in documents]

    def held_by_name(name: str) -> bool:
        initials = "".join(word[0] for word in name.lower().split() if word != "en")
        return any(set(terms(name)) <= title or initials in title for title in titles)

    def held_by_a_name(words: str) -> bool:
        # where the name ends is not written: "de Wet betaalbare huur geëvalueerd" names the Wet
        # betaalbare huur
        split = words.split()
        return any(held_by_name(" ".join(split[:n])) for n in range(2, len(split) + 1))

    return [_PARTICIPLES.sub("", m.group(0)) for m in named
            if not (held_by_a_name(m.group(0)) if m.re is _WET_NAME else set(terms(m.group(0))) & held)]


@lru_cache(maxsize=65536)  # asked for every document of the library at each question that names a law
def _leading_word(text: str) -> str:
    """The first word of a title or document id after its BWB identifier, as a stem."""
    return next((t for t in terms(_BWB_ID.sub(" ", text or "")) if not t.isdigit()), "")


def law_id(document: DocumentRecord) -> str | None:
    """The BWB identifier of the law a document is a text of ("BWBR0035303"), or None."""
    for text in (document.metadata.source_url, document.metadata.title, document.doc_id):
        found = _BWB_ID.search(text or "")
        if found:
            return found.group(0).upper()
    return None


def article_of(section: str | None) -> str | None:
    """"12" for a passage under "… › Artikel 12" or "… › Artikel 12 › Lid 3", "2.3.5" under
    "Artikel 2.3.5"; None when no heading of its path is an article."""
    for heading in reversed((section or "").split("›")):
        found = ARTICLE_HEADING.match(heading)
        if found:
            return found.group(1).lower()
    return None


def amended_articles(hit: Hit) -> list[str]:
    """["10", "15", "17"] for a passage of an amending act that opens with its step on article 10
    ("B Aan artikel 10 worden drie leden toegevoegd, luidende:") and goes on with the steps on
    articles 15 and 17 ("Artikel 17 wordt als volgt gewijzigd:"); [] for any other passage."""
    if not _AMENDING.match(hit.chunk.text):
        return []
    return list(dict.fromkeys(found.group(1).lower() for found in _AMENDING.finditer(hit.chunk.text)))


def without_superseded_steps(passages: list[Hit], question: str, index: Index) -> list[Hit]:
    """`passages` without those of an amending act (`amended_articles`) that one of them reads as
    amended: a text of law dated on or after the act whose amended articles (all their passages in
    `index`) hold AMENDED_SHARE of the steps' words. "Wat is de inkomensgrens voor middenhuur?"
    opened with the Wet betaalbare huur of 2024 inserting € 62.191 into article 10, while the
    Huisvestingswet as it reads from 1 July 2026 says € 70.149 there. Unchanged for a question
    about what changed or an earlier text (`asks_about_other_text`), which the steps answer."""
    if asks_about_other_text(question):
        return passages
    laws = {h.document.doc_id: h.document for h in passages
            if h.document.metadata.type == "regelgeving" and law_id(h.document) is not None}

    def superseded(steps: Hit) -> bool:
        articles = amended_articles(steps)
        if not articles:
            return False
        words = set(terms(steps.chunk.text))
        return any((law.metadata.date or "") >= (steps.document.metadata.date or "9999")
                   and len(words & _article_words(index, law.doc_id, articles)) >= AMENDED_SHARE * len(words)
                   for law in laws.values())

    return [p for p in passages if not superseded(p)]


def _article_words(index: Index, doc_id: str, articles: list[str]) -> set[str]:
    return set(terms(" ".join(c.text for c in index.chunks_of(doc_id) if article_of(c.section) in articles)))


def with_other_versions(hits: list[Hit], index: Index, question: str, weights: dict[str, float],
                        filters: Filters | None = None) -> list[Hit]:
    """`hits`, the passages of the VERSION_HITS best articles of law among them each followed by
    the same article in the other texts of its law that the officer's `filters` let through;
    completed (`expand.complete_passages`), each passage once. Unchanged for a question that asks
    neither what changed nor about an earlier text (`asks_about_other_text`).

    The other text's passage comes right after the hit that led to it, not after all hits: it
    says the same point as that hit, and the composer weighs a passage by its place."""
    if not asks_about_other_text(question):
        return hits
    wanted = set(terms(question))
    filters = filters or Filters()
    held = {(h.document.doc_id, h.chunk.text) for h in hits}
    looked_up: set[tuple[str, str]] = set()  # two passages of one article need one lookup
    joined: list[Hit] = []
    for hit in hits:
        joined.append(hit)
        law, article = law_id(hit.document), article_of(hit.chunk.section)
        if (hit.document.metadata.type != "regelgeving" or law is None or article is None
                or (law, article) in looked_up or len(looked_up) == VERSION_HITS):
            continue
        looked_up.add((law, article))
        for found in complete_passages(_same_article(hit, law, article, index, wanted, weights, filters), index):
            if (found.document.doc_id, found.chunk.text) not in held:
                held.add((found.document.doc_id, found.chunk.text))
                joined.append(found)
    return joined


def _same_article(hit: Hit, law: str, article: str, index: Index, wanted: set[str], weights: dict[str, float],
                  filters: Filters) -> list[Hit]:
    found = []
    for other in index.documents():
        if (other.doc_id == hit.document.doc_id or other.metadata.type != "regelgeving" or law_id(other) != law
                or not filters.accepts(other)):
            continue
        same = [c for c in index.chunks_of(other.doc_id) if article_of(c.section) == article]
        best = sorted(same, key=lambda c: -coverage(wanted, set(terms(c.text)), weights))[:PER_VERSION]
        found += [Hit(c, other, hit.score, hit.dense_score) for c in sorted(best, key=lambda c: c.ordinal)]
    return found
