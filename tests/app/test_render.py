"""Rendering for the web app: document text is shown as text, [n] leads to its source, names are safe."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app_render import (
    EMPTY_PANEL,
    Turn,
    documents_table,
    escape_markdown,
    highlight,
    markdown_page,
    text_page,
    render_answer,
    render_citation,
    render_sources_panel,
    safe_url,
    sanitize_filename,
    source_href,
    typing_steps,
)
from assistant import Citation
from ingest.chunking import Chunker
from ingest.loaders import load_document
from ingest.markdown import split_front_matter
from index.models import DocumentRecord
from tests.conftest import SHARED
from ingest.models import Metadata

HOSTILE = 'Let op <script>alert("x")</script> en <img src=x onerror="alert(1)"> & meer.'


def citation(n=1, text="De regio maakt afspraken. Elke gemeente legt dat vast.", **changes) -> Citation:
    fields = dict(n=n, doc_id="handreiking-regionaal-en-lokaal", title="Regionaal en lokaal",
                  source="/data/docs/handreiking-regionaal-en-lokaal.pdf", page=3, section="Taakverdeling",
                  text=text, score=0.5, type="handreiking", region="Parkstad Limburg",
                  source_url="https://wetten.overheid.nl/BWBR0035303", highlights=["Elke gemeente legt dat vast."])
    fields.update(changes)
    return Citation(**fields)


def no_live_html(rendered: str) -> None:
    """Nothing of the hostile text survives as a tag or an attribute."""
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert not re.search(r"<[^>]*onerror", rendered)


# -- answers in the chat ------------------------------------------------------------------
def test_a_hostile_sentence_in_an_answer_is_escaped_and_its_marker_links_to_the_source():
    text = f"**Regionaal**\n- {HOSTILE} [1]\n\n**Bronnen**\n[1] Regionaal en lokaal — handreiking · p. 3"
    rendered = render_answer(text, turn=2, citations=[citation()])
    no_live_html(rendered)
    assert "&lt;script&gt;" in rendered and "&amp; meer" in rendered
    assert rendered.count('href="#bron-2-1"') == 2  # in the sentence and in the Bronnen list


def test_markdown_links_and_images_in_document_text_do_not_become_links():
    rendered = render_answer("- Zie ![pixel](https://tracker.example/p.gif) en [klik](javascript:alert(1)) [1]", 1,
                             [citation()])
    assert "](" not in rendered.replace("\\](", "")
    assert "\\[klik\\]" in rendered and "\\!" not in rendered
    assert "javascript:alert" in rendered  # still there, as text


def test_markers_for_sources_that_do_not_exist_stay_plain_text():
    rendered = render_answer("- Een zin. [7]", 1, [citation(n=1)])
    assert "#bron-1-7" not in rendered
    assert "\\[7\\]" in rendered


def test_an_item_numbered_in_its_source_shows_its_number_not_a_nested_list():
    rendered = render_answer("Lid 3: Tot de groepen behoren: [1]\n- 1. Mantelzorg – geven of ontvangen [1]\n"
                             "- g. jongeren uit de jeugdzorg [1]", 1, [citation()])
    assert "- 1\\. Mantelzorg – geven of ontvangen" in rendered
    assert "- g. jongeren uit de jeugdzorg" in rendered


def test_a_part_of_a_list_item_stays_nested_under_it_in_the_chat():
    # helper-71: "Verhouding tot de urgentieregeling:" and each of its items stood as points of their own, and a
    # law's "2°." beside the "b." it belongs to
    rendered = render_answer("**Verder in de bronnen**\n- b. maatschappelijk gebonden indien hij: [1]\n"
                             "  - 1°. een belang heeft zich daar te vestigen, of [1]\n"
                             "  - _… en nog 1 onderdeel in de bron [1]_\n- c. economisch gebonden [1]", 1, [citation()])

    lines = rendered.splitlines()
    assert lines[2].startswith("  - 1°. een belang heeft zich daar te vestigen, of <a href=")
    assert lines[3].startswith("  - _… en nog 1 onderdeel in de bron")
    assert lines[4].startswith("- c. economisch gebonden")


def test_the_note_that_a_list_goes_on_in_its_source_is_shown_in_italics_not_with_its_underscores():
    # a follow-up shows only the items that speak to it; the note below them showed "_… [1]_" as typed
    markdown = render_answer("Tot de urgent woningzoekenden horen: [1]\n- 7. Jongeren uit jeugdzorg [1]\n"
                             "- _… en nog 9 onderdelen in de bron [1]_", turn=2)

    note = markdown.splitlines()[-1]
    assert note.startswith("- _… en nog 9 onderdelen in de bron <a href=\"#bron-2-1\"") and note.endswith("</a>_")
    assert "\\_" not in note


def test_a_heading_after_a_list_stays_a_heading():
    rendered = render_answer("**Regionaal**\n- Eerste zin hier. [1]\n**Lokaal**\n- Tweede zin hier. [1]", 1,
                             [citation()])
    assert "[1]</a>\n\n**Lokaal**" in rendered


def test_the_rewritten_query_is_shown_escaped():
    rendered = render_answer("- Zin. [1]", 1, [citation()], query_note="Gezocht op: Wat <b>betekent</b> dat (regionaal)?")
    assert "Gezocht op: Wat &lt;b&gt;betekent&lt;/b&gt; dat" in rendered


def test_the_bronnen_list_is_one_escaped_html_block():
    text = "- Zin. [1]\n\n**Bronnen**\n[1] Titel <i>schuin</i> — handreiking"
    rendered = render_answer(text, 1, [citation()])
    block = rendered.splitlines()[-1]
    assert block.startswith('<div class="tw-bronnenlijst">') and block.endswith("</div>")
    assert "Titel &lt;i&gt;schuin&lt;/i&gt;" in block


def test_a_guide_cited_eight_times_is_named_once_in_the_bronnen_list():
    guide = "De procesorganisatie inrichten: netwerkorganisatie of formele organisatie? — handreiking"
    text = ("- Zin. [1] [2] [3]\n\n**Bronnen**\n"
            f"[1] {guide} · p. 5 · Samenvatting\n[2] Huisvestingswet 2014 — regelgeving · 1 juli 2026 · Artikel 12\n"
            f"[3] {guide} · p. 2 · Twee vormen op een rij")
    block = render_answer(text, 1, [citation(n) for n in (1, 2, 3)]).splitlines()[-1]
    assert block.count("De procesorganisatie inrichten") == 1
    lines = block.split("<br>")
    under = lines[lines.index("De procesorganisatie inrichten: netwerkorganisatie of formele organisatie? — handreiking") + 1:]
    assert "[1]</a> p. 5 · Samenvatting" in under[0] and "[3]</a> p. 2 · Twee vormen op een rij" in under[1]
    assert "[2]</a> Huisvestingswet 2014 — regelgeving · 1 juli 2026 · Artikel 12" in block


def test_escape_markdown_keeps_the_words():
    assert escape_markdown("a*b_c [d] `e` | f ~ $g$") == "a\\*b\\_c \\[d\\] \\`e\\` \\| f \\~ \\$g\\$"


def test_typing_steps_grow_to_the_whole_text_in_a_fixed_number_of_steps():
    text = "Een twee drie vier vijf zes zeven.\n- acht [1]"
    steps = list(typing_steps(text, steps=4))
    assert steps[-1] == text
    assert all(text.startswith(step) for step in steps)
    assert len(steps) == len(set(steps)) == 4
    long_text = " ".join(["woord"] * 400)
    assert len(list(typing_steps(long_text, steps=8))) == 8  # a long answer costs no more messages
    assert list(typing_steps("Ja.", steps=8)) == ["Ja."]


# -- the Bronnen panel --------------------------------------------------------------------
def test_a_source_shows_number_title_type_region_page_section_and_links():
    html = render_citation(citation(), turn=1)
    assert 'id="bron-1-1"' in html
    assert "[1]" in html and "Regionaal en lokaal" in html
    assert "handreiking · Parkstad Limburg · p. 3 · § Taakverdeling" in html
    assert 'href="bron/handreiking-regionaal-en-lokaal#page=3"' in html
    assert "Open het document (p. 3)" in html
    assert 'href="https://wetten.overheid.nl/BWBR0035303"' in html


def test_the_used_sentences_are_highlighted():
    html = render_citation(citation(), turn=1)
    assert "<mark>Elke gemeente legt dat vast.</mark>" in html
    assert "De regio maakt afspraken." in html


def test_a_hostile_passage_title_and_section_are_shown_as_text():
    hostile = citation(text=HOSTILE, title='<img src=x onerror="alert(1)">', section="<script>x</script>",
                       region="<b>r</b>", highlights=['<img src=x onerror="alert(1)"> & meer.'])
    html = render_citation(hostile, turn=1)
    no_live_html(html)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<mark>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; meer.</mark>" in html
    assert "&lt;b&gt;r&lt;/b&gt;" in html


def test_a_laws_official_source_is_named_so_and_a_guides_link_to_the_law_it_builds_on_is_not_taken_for_its_own():
    law = render_citation(citation(source_url="https://wetten.overheid.nl/BWBR0035303", type="regelgeving"), turn=1)
    guide = render_citation(citation(source_url="https://wetten.overheid.nl/BWBR0035303", type="handreiking"), turn=1)

    assert ">Officiële bron (wetten.overheid.nl/BWBR0035303)</a>" in law
    assert ">Gebaseerd op (wetten.overheid.nl/BWBR0035303)</a>" in guide and "Officiële bron" not in guide


def test_a_javascript_source_url_is_not_a_link():
    html = render_citation(citation(source_url="javascript:alert(1)"), turn=1)
    assert "javascript:" not in html
    assert "Officiële bron" not in html and "Gebaseerd op" not in html
    assert safe_url("data:text/html,<b>x</b>") is None
    assert safe_url(" https://www.rijksoverheid.nl/x ") == "https://www.rijksoverheid.nl/x"


def test_highlight_finds_list_items_across_line_breaks_and_list_marks():
    text = "Regionaal:\n- omvang van de uitstroom,\n  verdeling over gemeenten.\n- Lokaal: woningen via afspraken."
    html = highlight(text, ["omvang van de uitstroom, verdeling over gemeenten.", "Lokaal: woningen via afspraken."])
    assert html.count("<mark>") == 2
    assert "<mark>omvang van de uitstroom,\n  verdeling over gemeenten.</mark>" in html


def test_a_pdf_opens_at_its_page_a_markdown_note_at_its_section_and_ids_are_url_quoted():
    assert source_href(citation(source="/d/notitie.md", page=None)) == "bron/handreiking-regionaal-en-lokaal#taakverdeling"
    assert source_href(citation(source="/d/notitie.md", page=None, section=None)) == "bron/handreiking-regionaal-en-lokaal"
    assert source_href(citation(source="/d/pagina.html", page=None)) == "bron/handreiking-regionaal-en-lokaal"
    assert source_href(citation(doc_id="a b/c", page=2)) == "bron/a%20b%2Fc#page=2"


def test_a_markdown_source_opens_at_the_cited_one_of_two_headings_of_the_same_name():
    # "Fase 2 › De keuze" opened at "Fase 1 › De keuze": both headings had the id "de-keuze" (helper-56)
    page = markdown_page("# Gids\n\n## Fase 1\n\n### De keuze\n\nA\n\n## Fase 2\n\n### De keuze\n\nB", "Gids")
    href = source_href(citation(source="/d/gids.md", page=None, section="Gids › Fase 2 › De keuze"))

    anchor = href.split("#")[1]
    assert page.index(f'id="{anchor}"') > page.index("Fase 2") > page.index("Fase 1")
    # a section path without the document's title heading finds the heading by its own name
    assert f'id="{source_href(citation(source="/d/gids.md", page=None, section="Fase 1")).split("#")[1]}"' in page


def test_an_officer_opening_an_article_of_a_law_in_markdown_lands_on_that_article_not_at_the_top():
    # laws-markdown writes "##Wet van …" and "####Criteria voor …" without a space, and a "<meta>" line: the
    # page showed them as text, and the link to "§ 2 Criteria … › Artikel 14" matched no id (helper-58)
    law = SHARED / "docs" / "BWBR0035303_huisvestingswet-2014_lawsmd-2015.md"
    if not law.is_file():
        pytest.skip("the third-party documents in ../shared/external/docs are not on this machine")
    document = load_document(law)
    body = split_front_matter(law.read_text(encoding="utf-8"), law)[1]
    page = markdown_page(body, document.metadata.title, document.metadata.title)
    chunks = Chunker(lambda text: len(text.split())).chunk(document)

    article = next(c for c in chunks if (c.section or "").endswith("Artikel 14"))
    href = source_href(citation(source=str(law), page=None, section=article.section))
    at = page.index(f'id="{href.split("#")[1]}"')
    assert page[at:].split("</h3>")[0].endswith("Artikel  14")  # the anchor stands in the article's own heading
    assert {source_href(citation(source=str(law), page=None, section=c.section)).split("#")[1]
            for c in chunks if c.section} <= set(re.findall(r'id="([^"]+)"', page))
    assert "&lt;meta" not in page and "##Wet" not in page and re.search(r"<h2[^>]*>Wet van 4 juni 2014", page)


def test_an_officer_opening_the_huisvestingswet_of_2026_in_yaml_reads_a_page_that_opens_at_the_cited_article():
    law = SHARED / "docs" / "BWBR0035303_huisvestingswet-2014_2026-07-01_regelrecht-corpus.yaml"
    if not law.is_file():
        pytest.skip("the third-party documents in ../shared/external/docs are not on this machine")
    document = load_document(law)
    page = text_page(document.text, document.metadata.title, document.metadata.title)
    chunks = Chunker(lambda text: len(text.split())).chunk(document)

    urgent = next(c for c in chunks if (c.section or "").endswith("Artikel 12"))
    at = page.index(f'id="{source_href(citation(source=str(law), page=None, section=urgent.section)).split("#")[1]}"')
    assert page[at:].split("</h3>")[0].endswith("Artikel 12") and "sekswerkers" in page[at:at + 5000]
    assert {source_href(citation(source=str(law), page=None, section=c.section)).split("#")[1]
            for c in chunks if c.section} <= set(re.findall(r'id="([^"]+)"', page))


def test_a_passage_before_the_first_heading_is_named_as_the_start_of_its_document():
    guide = "Gids — handreiking"
    block = render_answer(f"- Zin. [1] [2]\n\n**Bronnen**\n[1] {guide} · Fase 1\n[2] {guide}", 1,
                          [citation(n) for n in (1, 2)]).splitlines()[-1]
    assert "[2]</a> begin van het document" in block


def test_the_panel_shows_the_newest_answer_open_and_earlier_ones_folded():
    first = Turn(1, "Wat regelen we regionaal?", answer="…", citations=[citation()])
    second = Turn(2, "En <lokaal>?", answer="…", citations=[citation(n=1), citation(n=2)])
    html = render_sources_panel([first, second])
    assert html.index('id="bron-2-1"') < html.index("<details")  # newest first, open
    assert 'id="bron-1-1"' in html.split("<details", 1)[1]
    assert "En &lt;lokaal&gt;?" in html
    assert render_sources_panel([]) == EMPTY_PANEL


def test_an_earlier_message_without_sources_is_no_entry_to_unfold_in_the_panel():
    # helper-49 found "Eerdere vraag: '???'" folded in the panel, with nothing in it
    asked = Turn(1, "Wat regelen we regionaal?", answer="…", citations=[citation()])
    noise = Turn(2, "???", answer="Uw bericht bevat geen woorden …", citations=[])
    now = Turn(3, "En lokaal?", answer="…", citations=[citation(n=1)])

    assert "???" not in render_sources_panel([asked, noise, now])
    assert "Bij: <q>???</q>" in render_sources_panel([asked, noise])  # the newest turn keeps its own line


def test_an_abstained_answer_says_its_sources_are_where_to_read_on_not_what_answers():
    html = render_sources_panel([Turn(1, "Iets anders?", answer="…", citations=[citation()], abstained=True)])
    assert "niet uit de bronnen beantwoord; deze passages kunnen verder helpen" in html


# -- Beheer ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd", "passwd"),
    ("..\\..\\Windows\\system.ini", "system.ini"),
    ("Beleid wonen (2026).PDF", "Beleid-wonen-2026.pdf"),
    ("Woonzorgvisie – Één.docx", "Woonzorgvisie-Een.docx"),
    (".verborgen", "verborgen"),
    ("...", "document"),
    ("<script>.md", "script.md"),
    ("naam;rm -rf.txt", "naam-rm-rf.txt"),
])
def test_upload_names_are_sanitised(name, safe):
    assert sanitize_filename(name) == safe


def test_the_document_table_is_sorted_by_title_with_plain_cells():
    def record(doc_id, title, pages, date=None):
        return DocumentRecord(doc_id, f"/d/{doc_id}.pdf",
                              Metadata(title=title, type="handreiking", region="Parkstad", date=date),
                              "hash", 12, pages, "2026-11-24T10:00:00+00:00")

    rows = documents_table([record("b", "Zorg <b>", None), record("a", "Aanpak", 4)])
    assert rows == [["a", "Aanpak", "handreiking", "Parkstad", "", 4, 12],
                    ["b", "Zorg <b>", "handreiking", "Parkstad", "", "", 12]]
    assert documents_table([record("a", "Aanpak", 4, "2026-07-01")])[0][4] == "1 juli 2026"  # the text's date


def test_a_table_passage_shows_as_a_table_with_the_used_row_marked_and_the_text_date():
    rows = ["Huishoudtype: Eenpersoons · Maximale huur (euro): 477", "Huishoudtype: Gezin · Maximale huur (euro): 879"]
    citation = Citation(1, "huur", "Huurgrenzen", "/docs/huur.docx", None, None,
                        "De tabel geeft de grenzen.\n\n" + "\n".join(rows), 0.5, date="2026-07-01",
                        highlights=[rows[1]])

    html = render_citation(citation, 1)

    assert "<th>Huishoudtype</th><th>Maximale huur (euro)</th>" in html
    assert '<tr class="tw-mark"><td>Gezin</td><td>879</td></tr>' in html
    assert "<tr><td>Eenpersoons</td><td>477</td></tr>" in html
    assert "tekst van 1 juli 2026" in html
    assert citation.to_json()["date"] == "2026-07-01" and "1 juli 2026" in citation.label()


def test_a_source_that_opens_with_its_name_shows_that_name_once():
    # the laws-markdown circular opens with its name as a heading, so every section path starts with it
    citation = Citation(1, "circulaire", "Circulaire inwerkingtreding Woningwet 2015", "/docs/circulaire.md", None,
                        "Circulaire inwerkingtreding Woningwet 2015 › Bijlage › De prioriteiten", "Tekst.", 0.5,
                        type="regelgeving")

    assert citation.label() == "Circulaire inwerkingtreding Woningwet 2015 — regelgeving · Bijlage › De prioriteiten"
    assert render_citation(citation, 1).count("Circulaire inwerkingtreding Woningwet 2015") == 1
    # the chunker drops a heading equal to the title whatever its case, so the path is read the same way
    assert Citation(1, "w", "Woningwet", "/w.md", None, "WONINGWET › Artikel 1", "T.", 0.5).shown_section == "Artikel 1"
    # a path that only begins with the same letters keeps them
    assert Citation(1, "w", "Woningwet", "/w.md", None, "Woningwet 2015 › Artikel 1", "T.", 0.5).shown_section == \
        "Woningwet 2015 › Artikel 1"


def test_a_staatsblad_source_shows_its_section_without_the_masthead_above_every_section():
    citation = Citation(1, "stb-2024-194", "Besluit betaalbare huur", "/docs/stb-2024-194.pdf", 76,
                        "Staatsblad van het Koninkrijk der Nederlanden › 2.3. Maatregelen voor monumentenverhuur",
                        "Tekst.", 0.5, type="regelgeving",
                        document_heading="Staatsblad van het Koninkrijk der Nederlanden")
    first_page = replace(citation, section="Staatsblad van het Koninkrijk der Nederlanden")

    assert citation.label() == "Besluit betaalbare huur — regelgeving · p. 76 · 2.3. Maatregelen voor monumentenverhuur"
    assert "Staatsblad" not in render_citation(citation, 1)
    assert first_page.label() == "Besluit betaalbare huur — regelgeving · p. 76"
