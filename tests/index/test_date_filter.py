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
