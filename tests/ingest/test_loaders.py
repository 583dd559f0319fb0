"""An editor points Thuiswijzer at files and folders: what gets loaded, with which metadata, and what is refused."""

from __future__ import annotations

import hashlib

import pytest

from filemakers import write
from ingest.errors import IngestError
from ingest.loaders import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, iter_document_paths, load_document, sidecar_path


def test_the_supported_file_types_and_size_limit_are_published():
    assert SUPPORTED_EXTENSIONS == {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".xml", ".yaml", ".yml"}
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_a_document_is_identified_by_a_slug_of_its_file_name(tmp_path):
    document = load_document(write(tmp_path / "Beleidsnota Wonen – Één thuis (2025).txt"))

    assert document.doc_id == "beleidsnota-wonen-een-thuis-2025"
    assert document.metadata.title == "Beleidsnota Wonen – Één thuis (2025)"


def test_the_source_is_the_absolute_path_and_the_hash_covers_the_file(tmp_path, monkeypatch):
    path = write(tmp_path / "nota.txt")
    monkeypatch.chdir(tmp_path)

    document = load_document("nota.txt")

    assert document.source == str(path.resolve())
    assert document.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_editor_gives_a_missing_file_and_is_told_it_was_not_found(tmp_path):
    with pytest.raises(IngestError) as error:
        load_document(tmp_path / "bestaat-niet.pdf")

    assert "bestand niet gevonden" in error.value.reason


def test_an_editor_adds_a_spreadsheet_and_is_told_which_types_are_supported(tmp_path):
    sheet = tmp_path / "cijfers.xlsx"
    sheet.write_bytes(b"PK\x03\x04")

    with pytest.raises(IngestError) as error:
        load_document(sheet)

    assert "'.xlsx'" in error.value.reason
    for extension in SUPPORTED_EXTENSIONS:
        assert extension in error.value.reason


@pytest.mark.parametrize("name", ["leeg.pdf", "leeg.txt", "leeg.docx"])
def test_an_editor_adds_an_empty_file_and_is_told_it_is_empty(tmp_path, name):
    empty = tmp_path / name
    empty.write_bytes(b"")

    with pytest.raises(IngestError) as error:
        load_document(empty)

    assert "het bestand is leeg" in error.value.reason


def test_a_file_with_only_markup_and_no_words_has_no_text(tmp_path):
    page = write(tmp_path / "leeg.html", "<html><body><nav>Menu</nav><script>x()</script></body></html>")

    with pytest.raises(IngestError) as error:
        load_document(page)

    assert "geen tekst gevonden" in error.value.reason


def test_an_editor_uploads_a_file_over_the_limit_and_sees_its_size_and_the_limit(tmp_path):
    big = write(tmp_path / "groot.txt", "woning " * 300_000)

    with pytest.raises(IngestError) as error:
        load_document(big, max_bytes=1024 * 1024)

    assert "2,0 MB" in error.value.reason
    assert "1,0 MB" in error.value.reason


@pytest.mark.parametrize("bad_id", ["nota/2025", "../geheim", "nota 2025", "<script>", "-optie"])
def test_a_front_matter_id_that_could_not_be_opened_is_refused_with_a_dutch_reason(tmp_path, bad_id):
    nota = write(tmp_path / "nota.md", f'---\nid: "{bad_id}"\ntitle: Nota\n---\n\nDe regio bouwt woningen.\n')

    with pytest.raises(IngestError) as error:
        load_document(nota)

    assert error.value.reason.startswith(f"ongeldig id '{bad_id}' in de front matter: gebruik alleen letters")


def test_a_title_of_thousands_of_characters_fails_that_file_with_a_dutch_reason(tmp_path):
    # helper-63: a title of 5,679 characters was taken, and filled the "Alleen in" list, the sources and the
    # delete box
    nota = write(tmp_path / "nota.md", "# Nota\n\nDe regio bouwt woningen.\n")
    write(tmp_path / "nota.meta.yaml", f"title: {'Nota wonen ' * 600}\n")

    with pytest.raises(IngestError) as error:
        load_document(nota)

    assert error.value.reason.startswith("het veld 'title' in het metadatabestand nota.meta.yaml is te lang "
                                         "(6599 tekens, ten hoogste 300)")
    write(tmp_path / "nota.meta.yaml", f"title: {'n' * 300}\n")  # the longest title that is taken
    assert load_document(nota).metadata.title == "n" * 300


def test_a_sidecar_next_to_a_file_adds_metadata_and_a_fixed_id(tmp_path):
    nota = write(tmp_path / "nota.txt")
    write(
        tmp_path / "nota.meta.yaml",
        "id: huisvestingsnota-2025\ntitle: Huisvestingsnota\ntype: regelgeving\n"
        "municipalities: Heerlen, Kerkrade\nbron: https://example.org/nota\nonbekend: genegeerd\n",
    )

    document = load_document(nota)

    assert document.doc_id == "huisvestingsnota-2025"
    assert document.metadata.title == "Huisvestingsnota"
    assert document.metadata.type == "regelgeving"
    assert document.metadata.municipalities == ["Heerlen", "Kerkrade"]
    assert document.metadata.source_url == "https://example.org/nota"


def test_a_sidecar_may_carry_the_full_file_name(tmp_path):
    nota = write(tmp_path / "nota.txt")
    sidecar = write(tmp_path / "nota.txt.meta.yml", "region: Twente\n")

    assert sidecar_path(nota) == sidecar
    assert load_document(nota).metadata.region == "Twente"


def test_a_file_without_sidecar_has_none(tmp_path):
    assert sidecar_path(write(tmp_path / "nota.txt")) is None


def test_editing_only_the_sidecar_changes_the_content_hash(tmp_path):
    nota = write(tmp_path / "nota.txt")
    sidecar = write(tmp_path / "nota.meta.yaml", "type: handreiking\n")
    before = load_document(nota).content_hash

    sidecar.write_text("type: regelgeving\n", encoding="utf-8")

    assert load_document(nota).content_hash != before


def test_cli_flags_beat_the_sidecar_which_beats_front_matter(tmp_path):
    note = write(tmp_path / "nota.md", "---\ntitle: Uit front matter\nregion: Uit front matter\ntype: overig\n---\n\n# Kop\n\nTekst.\n")
    write(tmp_path / "nota.meta.yaml", "region: Uit sidecar\ntype: handreiking\ndate: 2023-01-05\n")

    metadata = load_document(note, overrides={"type": "regelgeving", "region": None, "source_url": "https://example.org"}).metadata

    assert metadata.title == "Uit front matter"
    assert metadata.region == "Uit sidecar"
    assert metadata.type == "regelgeving"
    assert metadata.date == "2023-01-05"
    assert metadata.source_url == "https://example.org"


def test_the_first_heading_is_the_title_unless_an_editor_says_otherwise(tmp_path):
    note = write(tmp_path / "nota.md", "Inleiding.\n\n# Woonzorgvisie\n\nTekst.\n")

    assert load_document(note).metadata.title == "Woonzorgvisie"
    assert load_document(note, overrides={"title": "Eigen titel"}).metadata.title == "Eigen titel"


def test_an_editor_gives_an_unknown_type_on_the_command_line_and_sees_the_valid_ones(tmp_path):
    with pytest.raises(IngestError) as error:
        load_document(write(tmp_path / "nota.txt"), overrides={"type": "beleid"})

    assert "regioprofiel" in error.value.reason


def test_a_broken_sidecar_names_the_sidecar(tmp_path):
    nota = write(tmp_path / "nota.txt")
    write(tmp_path / "nota.meta.yaml", "title: 'niet afgesloten\n")

    with pytest.raises(IngestError) as error:
        load_document(nota)

    assert "nota.meta.yaml" in error.value.reason


def test_a_folder_is_walked_in_order_skipping_hidden_files_sidecars_and_readmes(tmp_path):
    corpus = tmp_path / "corpus"
    expected = [
        write(corpus / "a-nota.md"),
        write(corpus / "b" / "c-regeling.txt"),
        write(corpus / "b" / "d.pdf"),
        write(corpus / "e.html"),
    ]
    write(corpus / "a-nota.meta.yaml", "type: handreiking\n")
    write(corpus / "README.md")
    write(corpus / ".concept.md")
    write(corpus / ".git" / "config.txt")
    loose = write(tmp_path / "los.txt")

    paths, errors = iter_document_paths([corpus, loose, tmp_path / "weg.pdf"])

    assert paths == [p.resolve() for p in [*expected, loose]]
    assert [error.path for error in errors] == [str(tmp_path / "weg.pdf")]
    assert "bestand niet gevonden" in errors[0].reason
