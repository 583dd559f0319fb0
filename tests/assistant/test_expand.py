"""A passage the chunker cut is completed before it is read: here, a worked example cut from its label."""

from __future__ import annotations

from assistant.expand import with_label
from assistant.sentences import example_paragraphs
from ingest.models import Chunk


def test_a_passage_the_chunker_cut_from_its_example_label_gets_the_label_back():
    before = Chunk("beleidsboek", 0, "Een verzoek kan altijd worden ingediend.\n\nVOORBEELD", 0, 50, 62, 62, "3.2")
    chunk = Chunk("beleidsboek", 1, "Een zelfstandige woning wordt verhuurd. De huurprijs bij 100 punten is € 637,67.",
                  52, 131, 62, 62, "3.2")

    labelled = with_label(before, chunk)

    assert labelled.text.startswith("VOORBEELD\n\nEen zelfstandige woning")
    assert labelled.char_start == before.text.rfind("VOORBEELD")
    assert example_paragraphs(labelled.text) == {1}
    # the sums under the case are the example's too
    assert example_paragraphs("Tekst.\n\nVOORBEELD\n\nDe WOZ-waarde is € 300.000.\n\n- Onderdeel I: 17,69 punten\n"
                              "- Totaal: 36,25 punten") == {2, 3}
    # a passage under no label is left as it was
    assert with_label(chunk, chunk) is chunk
