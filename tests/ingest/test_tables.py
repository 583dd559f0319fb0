"""Tables become rows that keep their column names, whatever format they come in."""

from __future__ import annotations

from filemakers import write
from ingest.loaders import load_document
from ingest.tables import as_table, parse_row, table_lines


def test_a_comparison_table_keeps_its_row_labels_and_column_names(tmp_path):
    page = write(tmp_path / "vergelijking.html", """<html><body><h1>Vergelijking</h1><table>
        <tr><th></th><th>Beschermd wonen</th><th>Opvang</th></tr>
        <tr><td>Voor wie</td><td>Mensen met psychische problemen</td><td>Mensen die hun huis verlieten</td></tr>
        <tr><td>Wetsartikel</td><td colspan="2">1.1.1 Wmo 2015</td></tr>
        </table></body></html>""")

    lines = load_document(page).text.splitlines()

    assert "Voor wie · Beschermd wonen: Mensen met psychische problemen · Opvang: Mensen die hun huis verlieten" in lines
    assert "Wetsartikel · Beschermd wonen: 1.1.1 Wmo 2015" in lines  # a spanning cell once
    assert parse_row(lines[-1]) == [("", "Wetsartikel"), ("Beschermd wonen", "1.1.1 Wmo 2015")]


def test_a_word_split_at_a_cell_edge_is_joined_and_a_column_cut_in_two_is_one():
    # as pdfplumber cuts a drawn table: a header cell wrapped over two grid rows (None = covered),
    # and one real column split by the drawing's rules into two half-filled ones
    grid = [
        ["", "Energie-", "", "Punten per m²", None],
        [None, "label", None, None, None],
        ["", "A++++", "", "", "1"],
        ["B", "", "", "0,50", None],
    ]

    assert table_lines(as_table(grid)) == ["Energielabel: A++++ · Punten per m²: 1", "Energielabel: B · Punten per m²: 0,50"]


def test_a_markdown_pipe_table_becomes_rows(tmp_path):
    note = write(tmp_path / "tabel.md", "# Huur\n\n| Huishoudtype | Maximale huur |\n|---|---:|\n| Gezin | 879 |\n")

    assert "Huishoudtype: Gezin · Maximale huur: 879" in load_document(note).text.splitlines()


def test_a_glossary_whose_descriptions_wrap_over_markdown_rows_keeps_one_row_per_term(tmp_path):
    # as a PDF converted to Markdown writes a two-column begrippenlijst: every wrapped line of a
    # description becomes a row of its own with an empty first cell
    note = write(tmp_path / "begrippen.md", """# Begrippenlijst

|**Begrip**|**Beschrijving**|
|---|---|
|ETHOS-light|Een classificatie waarbij dakloosheid wordt gezien als een gebrek aan|
||volwaardige huisvesting. De classificatie omvat de volgende|
||groepen:|
||• mensen in de noodopvang;|
|GBO|Gebruiksoppervlakte|
|Zorgwoning|Woning met zorg|
||op afroep.|
|Consumentgericht|Bouwprogramma waarbij ervan uitgegaan wordt dat iedere vraag naar|
|bouwprogramma|een woning op termijn wordt ingevuld.|
""")

    lines = load_document(note).text.splitlines()

    assert ("Begrip: ETHOS-light · Beschrijving: Een classificatie waarbij dakloosheid wordt gezien als een gebrek "
            "aan volwaardige huisvesting. De classificatie omvat de volgende groepen: • mensen in de noodopvang;") in lines
    assert "Begrip: GBO · Beschrijving: Gebruiksoppervlakte" in lines
    assert "Begrip: Zorgwoning · Beschrijving: Woning met zorg op afroep." in lines  # a short cell that wraps
    # a term that wraps in the first column too
    assert ("Begrip: Consumentgericht bouwprogramma · Beschrijving: Bouwprogramma waarbij ervan uitgegaan wordt dat "
            "iedere vraag naar een woning op termijn wordt ingevuld.") in lines
    assert not any(line.startswith("Begrip: volwaardige") for line in lines)


def test_a_table_that_leaves_a_repeated_first_cell_empty_keeps_its_rows(tmp_path):
    note = write(tmp_path / "regio.md", "| Regio | Gemeente | Plekken |\n|---|---|---|\n| Utrecht | Zeist | 12 |\n"
                                        "| | Houten | 8 |\n")

    lines = load_document(note).text.splitlines()

    assert "Regio: Utrecht · Gemeente: Zeist · Plekken: 12" in lines
    assert "Gemeente: Houten · Plekken: 8" in lines  # a value of its own, not a wrapped line of "Zeist"


def test_a_table_written_by_hand_that_leaves_the_first_cell_empty_under_text_keeps_its_rows(tmp_path):
    # nothing in it goes on in lower case or with a bullet, as the lines of a wrapped cell do
    note = write(tmp_path / "maatregelen.md", "| Gemeente | Maatregel |\n|---|---|\n"
                                              "| Utrecht | Meer sociale huurwoningen bouwen in alle wijken |\n"
                                              "| | Strengere regels voor kamerverhuur in de binnenstad |\n")

    lines = load_document(note).text.splitlines()

    assert "Gemeente: Utrecht · Maatregel: Meer sociale huurwoningen bouwen in alle wijken" in lines
    assert "Maatregel: Strengere regels voor kamerverhuur in de binnenstad" in lines


def test_a_column_name_with_a_colon_inside_brackets_stays_whole():
    # the Bronnen panel showed the column 'Maatschappelijke opvang (Wmo' and every cell starting '"opvang"):'
    row = ('Aspect: Doelgroep · Beschermd wonen: mensen met psychische problemen · '
           'Maatschappelijke opvang (Wmo: "opvang"): dak- en thuislozen')

    assert parse_row(row) == [("Aspect", "Doelgroep"), ("Beschermd wonen", "mensen met psychische problemen"),
                              ('Maatschappelijke opvang (Wmo: "opvang")', "dak- en thuislozen")]
