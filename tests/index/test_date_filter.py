"""The "niet ouder dan" filter: documents by the date of their text."""

from __future__ import annotations

from index.models import DocumentRecord, Filters
from ingest.models import Metadata


def record(date):
    return DocumentRecord("d", "/d.md", Metadata(title="d", date=date), "h", 1, None, "2026-11-30")


def test_niet_ouder_dan_keeps_texts_of_that_date_or_later_and_drops_undated_ones():
    since = Filters.of(since="2026-07-01")

    assert since.accepts(record("2026-07-01")) and since.accepts(record("2027-01-01"))
    assert not since.accepts(record("2014-06-04")) and not since.accepts(record(None))
    assert Filters.of().accepts(record(None))


def test_a_policy_note_for_2025_2030_without_a_date_stays_in_under_niet_ouder_dan_2025():
    # the Utrecht Beleidsnota dropped out, and "Hoeveel woningen wil Utrecht tot 2030 bouwen?" was refused (helper-58)
    note = DocumentRecord("utrecht", "/u.md", Metadata(title="Beleidsnota Wonen in Utrecht 2025-2030"), "h", 1, None,
                          "2026-11-30")
    circular = DocumentRecord("circ", "/c.md", Metadata(title="Circulaire inwerkingtreding Woningwet 2015"), "h", 1,
                              None, "2026-11-30")

    assert Filters.of(since="2025-01-01").accepts(note) and Filters.of(since="2030-06-01").accepts(note)
    assert not Filters.of(since="2031-01-01").accepts(note) and not Filters.of(since="2025-01-01").accepts(circular)
