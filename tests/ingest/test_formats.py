"""An editor adds Word, web, Markdown and text files: headings, lists and tables come through as Markdown lines."""

from __future__ import annotations

import pytest

from filemakers import pdf_bytes, write, write_docx
from ingest.errors import IngestError
from ingest.loaders import load_document


def test_an_editor_adds_a_word_file_and_its_headings_lists_and_table_come_through(word_file):
    document = load_document(word_file)

    assert [page.number for page in document.pages] == [None]
    assert document.text.splitlines() == [
        "# Woonzorgvisie Parkstad",
        "",
        "Deze visie beschrijft hoe we wonen en zorg samen organiseren.",
        "",
        "## Aandachtsgroepen",
        "",
        "We onderscheiden onder meer:",
        "",
        "- dak- en thuislozen",
        "- mensen die uitstromen uit beschermd wonen",
        "",
        "Gemeente: Heerlen · Opgave: 120 woningen",
        "",
        "Tot slot evalueren we jaarlijks.",
    ]


def test_the_first_heading_of_a_word_file_is_its_title(word_file):
    assert load_document(word_file).metadata.title == "Woonzorgvisie Parkstad"


def test_a_word_file_without_headings_takes_the_title_from_its_properties(untitled_word_file):
    assert load_document(untitled_word_file).metadata.title == "Regioprofiel Twente"


def test_a_damaged_word_file_is_reported(tmp_path):
    broken = tmp_path / "nota.docx"
    broken.write_bytes(b"PK\x03\x04 dit is geen zip")

    with pytest.raises(IngestError) as error:
        load_document(broken)

    assert "beschadigd" in error.value.reason


def test_a_word_file_saved_as_pdf_is_named_for_what_it_is(tmp_path):
    # helper-61: a Word file renamed "tulpen.pdf" got "De PDF is beschadigd of onleesbaar. Exporteer hem opnieuw als PDF"
    word = write_docx(tmp_path / "tulpen.docx", ["De Tulpenregeling geldt vanaf 2027."])
    renamed = word.rename(tmp_path / "tulpen.pdf")

    with pytest.raises(IngestError) as error:
        load_document(renamed)

    assert "dit bestand is geen PDF maar een Word-bestand. Geef het de extensie .docx" in error.value.reason


def test_a_pdf_saved_as_word_file_is_named_for_what_it_is(tmp_path):
    renamed = tmp_path / "nota.docx"
    renamed.write_bytes(pdf_bytes([["De Merelnota regelt 14 trainingswoningen."]]))

    with pytest.raises(IngestError) as error:
        load_document(renamed)

    assert "dit bestand is geen Word-bestand maar een PDF. Geef het de extensie .pdf" in error.value.reason


@pytest.mark.parametrize(("name", "kind"), [("tabel.html", "webpagina"), ("tabel.md", "Markdown-bestand"),
                                             ("tabel.txt", "tekstbestand"), ("tabel.xml", "XML-bestand"),
                                             ("tabel.yaml", "YAML-bestand")])
def test_a_word_file_or_pdf_saved_under_a_text_name_is_named_for_what_it_is(tmp_path, name, kind):
    # helper-66: a Word file renamed "tabel-als.html" went in as 90 passages of zip bytes, a PDF as 73
    word = write_docx(tmp_path / "tabel.docx", ["De Tulpenregeling geldt vanaf 2027."]).rename(tmp_path / name)
    pdf = tmp_path / f"pdf-{name}"
    pdf.write_bytes(pdf_bytes([["De Merelnota regelt 14 trainingswoningen."]]))

    for renamed, what, extension in ((word, "een Word-bestand", ".docx"), (pdf, "een PDF", ".pdf")):
        with pytest.raises(IngestError) as error:
            load_document(renamed)
        assert f"dit bestand is geen {kind} maar {what}. Geef het de extensie {extension}" in error.value.reason


@pytest.mark.parametrize("name", ["virus.md", "notitie.txt", "pagina.html"])
def test_binary_data_saved_under_a_text_name_is_refused_and_a_text_with_tabs_and_accents_is_not(tmp_path, name):
    # 4 kB of random bytes saved as virus.md was read in as a document "Virus" of 26 passages (helper-59)
    binary = tmp_path / name
    binary.write_bytes(bytes(range(256)) * 16)

    with pytest.raises(IngestError) as error:
        load_document(binary)

    assert "geen leesbare tekst" in error.value.reason and "UTF-8" in error.value.reason
    typed = write(tmp_path / f"goed-{name}", "# Nota\n\nDe gemeente\tZonnedal bouwt veertig woningen: café, één, ß.\n")
    assert "veertig woningen" in load_document(typed).text


def test_a_web_page_keeps_its_content_and_drops_menus_scripts_and_footers(web_page):
    text = load_document(web_page).text

    assert text.splitlines() == [
        "# Urgentie aanvragen",
        "",
        "U kunt urgentie aanvragen als u binnen drie maanden een woning nodig hebt.",
        "",
        "## Wie komt in aanmerking?",
        "",
        "- Mensen die uitstromen uit de opvang",
        "- Mantelzorgers",
        "",
        "Situatie: Uitstroom · Termijn: 8 weken",
    ]


def test_a_web_page_is_titled_by_its_main_heading(web_page):
    assert load_document(web_page).metadata.title == "Urgentie aanvragen"


def test_a_web_page_without_main_heading_is_titled_by_its_title_tag(tmp_path):
    page = write(tmp_path / "pagina.htm", "<html><head><title>Beschermd wonen</title></head><body><p>Tekst.</p></body></html>")

    document = load_document(page)

    assert document.metadata.title == "Beschermd wonen"
    assert document.text == "Tekst."


def test_markdown_front_matter_becomes_metadata(markdown_note):
    metadata = load_document(markdown_note).metadata

    assert metadata.title == "Handreiking regionale samenwerking"
    assert metadata.type == "handreiking"
    assert metadata.region == "Parkstad Limburg"
    assert metadata.municipalities == ["Heerlen", "Kerkrade"]
    assert metadata.date == "2024-03-21"
    assert metadata.source_url == "https://example.org/handreiking"


def test_markdown_body_keeps_headings_lists_and_tables_without_markup(markdown_note):
    text = load_document(markdown_note).text

    assert text.splitlines() == [
        "# Regionale samenwerking",
        "",
        "Gemeenten in een woningmarktregio maken samen afspraken over de verdeling van "
        "aandachtsgroepen en gebruiken daarvoor de regiotool.",
        "",
        "## Taakverdeling",
        "",
        "- elke gemeente stelt een woonzorgvisie op",
        "- de regio verdeelt de opgave",
        "",
        "Gemeente: Heerlen · Opgave: 120",
    ]


def test_an_editor_with_broken_front_matter_is_told_what_to_fix(broken_front_matter):
    with pytest.raises(IngestError) as error:
        load_document(broken_front_matter)

    assert "front matter" in error.value.reason
    assert "YAML" in error.value.reason


def test_markdown_front_matter_with_an_unknown_type_names_the_valid_types(tmp_path):
    note = write(tmp_path / "nota.md", "---\ntype: beleid\n---\n\nTekst.\n")

    with pytest.raises(IngestError) as error:
        load_document(note)

    assert "'beleid'" in error.value.reason
    assert "regelgeving, handreiking, regioprofiel, praktijkvoorbeeld, overig" in error.value.reason


def test_markdown_headings_written_without_a_space_are_still_headings(tmp_path):
    law = write(tmp_path / "wet.md", "##Wet van 4 juni 2014\n\n### Artikel  1\n\nTekst van het artikel.\n")

    assert load_document(law).text.splitlines()[:3] == ["## Wet van 4 juni 2014", "", "### Artikel 1"]


def test_a_run_in_heading_in_markdown_is_a_heading_and_not_the_start_of_the_sentence_after_it(tmp_path):
    # as the laws-markdown circulars write their paragraphs: "… op:  *Autoriteit woningcorporaties*  Per 1 juli …"
    circular = write(tmp_path / "circulaire.md", (
        "## Circulaire\n\n#### De overgang\n\nHieronder som ik de voornaamste op:  *Aanpassen statuten*  Corporaties "
        "hebben anderhalf jaar.  *Autoriteit woningcorporaties*  Per 1 juli 2015 gaat de Autoriteit van start.\n\n"
        "3. **De gemeente zelf.** Als iemand geen briefadres vindt, schrijft de gemeente hem in.\n\n"
        "4. **Aanvraag indienen** De aanvrager vult het formulier in.\n\n"
        "Begrippen.  *Onze Minister:* Onze Minister van Binnenlandse Zaken.\n"))

    lines = [line for line in load_document(circular).text.splitlines() if line]

    assert lines[2:7] == ["Hieronder som ik de voornaamste op:", "##### Aanpassen statuten", "Corporaties hebben anderhalf jaar.",
                          "##### Autoriteit woningcorporaties", "Per 1 juli 2015 gaat de Autoriteit van start."]
    # a bold sentence and a defined term end in punctuation: they are text; so is a numbered item
    assert "3. De gemeente zelf. Als iemand geen briefadres vindt, schrijft de gemeente hem in." in lines
    assert "4. Aanvraag indienen De aanvrager vult het formulier in." in lines  # a list item, not a heading
    assert "Begrippen. Onze Minister: Onze Minister van Binnenlandse Zaken." in lines


def test_a_windows_text_file_is_read_with_its_accents(tmp_path):
    note = tmp_path / "notitie_woonwagens.txt"
    note.write_bytes("Café-eigenaren en woonwagenbewoners in één regio.\r\n".encode("cp1252"))

    document = load_document(note)

    assert document.text == "Café-eigenaren en woonwagenbewoners in één regio."
    assert document.metadata.title == "Notitie woonwagens"


def test_a_hard_wrapped_text_file_is_reflowed_into_paragraphs(tmp_path):
    note = tmp_path / "notitie.txt"
    note.write_text(
        "De gemeente maakt afspraken met de\ncorporaties over uitstroom.\n\n- eerste punt\n- tweede punt\n",
        encoding="utf-8-sig",
    )

    assert load_document(note).text == (
        "De gemeente maakt afspraken met de corporaties over uitstroom.\n\n- eerste punt\n- tweede punt"
    )
