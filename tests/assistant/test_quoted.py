"""Passages found by the words another text quotes from them (assistant/quoted.py): the law as it
now reads for older Kamervragen that quote it, and the passages a previous answer opened with."""

from __future__ import annotations

from assistant.quoted import quoted_law, with_earlier_passages, with_quoted_law
from assistant.sentences import terms
from index.models import DocumentRecord, Filters, Hit
from ingest.models import Chunk, Metadata

LAW_2026 = ("3 Tot de woningzoekenden behoren in ieder geval:\n"
            "a. woningzoekenden die mantelzorg als bedoeld in artikel 1.1.1 van de Wet maatschappelijke "
            "ondersteuning 2015 verlenen of ontvangen;\n"
            "b. woningzoekenden die de leeftijd van achttien jaar doch niet de leeftijd van drieëntwintig jaar "
            "hebben bereikt en die een accommodatie als bedoeld in de Jeugdwet verlaten.")
KAMERVRAGEN = ("Als een gemeente een urgentieregeling heeft, dan moeten daar in elk geval de volgende groepen in "
               "worden opgenomen:\n- woningzoekenden die mantelzorg als bedoeld in artikel 1.1.1 van de Wet "
               "maatschappelijke ondersteuning 2015 verlenen of ontvangen.")


def hit(doc_id: str, text: str, type: str, date: str | None) -> Hit:
    document = DocumentRecord(doc_id, f"/tmp/{doc_id}.md", Metadata(title=doc_id, type=type, date=date), "h", 1, None,
                              "2026-11-24")
    return Hit(Chunk(doc_id, 0, text, 0, len(text), None, None, None), document, 1.0, 0.9, 1.0)


class Library:
    """A small library for BM25 lookups: every passage that shares a word with the query, filtered."""

    def __init__(self, *hits: Hit):
        self.hits = hits
        self.searched: list[str] = []

    def search(self, query: str, k: int, filters: Filters | None = None, mode: str = "hybrid") -> list[Hit]:
        self.searched.append(query)
        wanted = set(terms(query))
        return [h for h in self.hits if (not filters or filters.accepts(h.document)) and wanted & set(terms(h.chunk.text))][:k]

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [h.chunk for h in self.hits if h.document.doc_id == doc_id]


def test_older_kamervragen_that_quote_the_law_bring_the_law_as_it_now_reads():
    law = hit("huisvestingswet-2026", LAW_2026, "regelgeving", "2026-07-01")
    kamervragen = hit("kamervragen", KAMERVRAGEN, "overig", "2024-03-11")

    library = Library(law, kamervragen)

    read = with_quoted_law([kamervragen], quoted_law([kamervragen], library), library)

    assert [h.document.doc_id for h in read] == ["kamervragen", "huisvestingswet-2026"]


def test_an_officer_who_keeps_to_policy_texts_gets_no_law_fetched():
    law = hit("huisvestingswet-2026", LAW_2026, "regelgeving", "2026-07-01")
    kamervragen = hit("kamervragen", KAMERVRAGEN, "overig", "2024-03-11")
    library = Library(law, kamervragen)

    assert quoted_law([kamervragen], library, Filters.of(type="overig")) == {}
    assert not library.searched


def test_a_law_of_the_same_month_as_a_text_dated_by_its_month_is_not_newer():
    law = hit("wet", LAW_2026, "regelgeving", "2024-03-01")
    note = hit("notitie", KAMERVRAGEN, "overig", "2024-03")  # "maart 2024": perhaps the 31st

    assert quoted_law([note], Library(law, note)) == {}


def test_a_follow_up_reads_first_the_passage_the_previous_answer_opened_with():
    law = hit("huisvestingswet-2026", LAW_2026, "regelgeving", "2026-07-01")
    other = hit("participatiewet", "Door het college genomen besluiten over jongeren gelden als besluiten op grond "
                "van deze wet.", "regelgeving", "2025-01-01")
    previous = ("3 Tot de woningzoekenden behoren in ieder geval: [1]\n- woningzoekenden die mantelzorg als bedoeld "
                "in artikel 1.1.1 van de Wet maatschappelijke ondersteuning 2015 verlenen of ontvangen; [1]\n\n"
                "**Bronnen**\n[1] Huisvestingswet 2014")

    read = with_earlier_passages([other, law], previous, Library(law, other))

    assert [h.document.doc_id for h in read] == ["huisvestingswet-2026", "participatiewet"]  # moved, not doubled


def test_a_follow_up_after_a_refusal_searches_nothing():
    library = Library(hit("huisvestingswet-2026", LAW_2026, "regelgeving", "2026-07-01"))
    refusal = ("Daarover vind ik niets betrouwbaars in de kennisbank.\n\n**Lees eventueel verder in**\n"
               "- Huisvestingswet 2014")

    assert with_earlier_passages([], refusal, library) == []
    assert not library.searched


def test_a_law_that_writes_an_age_limit_speaks_of_jongeren_and_a_duration_does_not():
    assert "jonger" in terms("woningzoekenden die de leeftijd van achttien jaar doch niet de leeftijd van "
                             "drieëntwintig jaar hebben bereikt")
    assert "jonger" in terms("kwetsbare inwoners onder de 24 jaar")
    for text in ("een werkingsduur van 25 jaar", "de echtgenoot van 21 jaar en ouder", "een straf tot 15 jaar",
                 "die de leeftijd van achttien jaar heeft bereikt"):
        assert "jonger" not in terms(text), text
