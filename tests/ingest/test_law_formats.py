"""An editor adds Dutch law texts and parliamentary papers in their official formats: BWB XML from
wetten.overheid.nl, officiële publicaties (Kamerstukken, Staatsblad) and regelrecht law YAML.
They come through with their title, the date of their text and their articles as sections; a file
of another kind, a damaged file or an XML bomb fails alone with a Dutch reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from filemakers import write
from index.writer import IndexWriter
from ingest.chunking import Chunker
from ingest.errors import IngestError
from ingest.loaders import load_document
from ingest.metadata import humanise_stem

HUISVESTINGSWET_2026 = "BWBR0035303_huisvestingswet-2014_2026-07-01_regelrecht-corpus.yaml"
PARTICIPATIEWET = "BWBR0015703_participatiewet_2025-01-01_regelrecht-mvp-partial.yaml"
BESLUIT_HUURPRIJZEN = "BWBR0003237_besluit-huurprijzen-woonruimte_2026-01-01.xml"
VEEGWET_MVT = "kst-34468-3_mvt-veegwet-wonen_2016.xml"
GROUPS = "abcdefghij"


def real(folder: Path, name: str) -> Path:
    """A document of ../shared/external/docs, read in place."""
    if not (folder / name).is_file():
        pytest.skip(f"{name} is not in {folder}")
    return folder / name


def words(text: str) -> int:
    return len(text.split())


def section_text(text: str, heading: str) -> str:
    """The text under a heading line up to the next heading of any level."""
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    following = re.search(r"^#{1,6} ", text[start:], re.MULTILINE)
    return text[start : start + following.start()] if following else text[start:]


# --- regelrecht law YAML ---------------------------------------------------------------------


def test_the_huisvestingswet_2026_text_keeps_the_ten_groups_of_article_12_lid_3_together(external_docs):
    document = load_document(real(external_docs, HUISVESTINGSWET_2026))

    article = section_text(document.text, "## Artikel 12")
    lid_3 = article[article.index("3 Tot de woningzoekenden") : article.index("4 Indien")]
    items = [line for line in lid_3.splitlines() if re.match(r"^[a-j]\. ", line)]
    assert [item[0] for item in items] == list(GROUPS)
    assert "mantelzorg" in items[0] and "zonder vaste verblijfplaats" in items[-1] and "minderjarige kinderen" in items[-1]
    # one stretch of a passage's size: the lead-in, the ten groups, nothing in between
    assert lid_3.index("minderjarige kinderen") - lid_3.index("mantelzorg") < 2500
    assert "[ref" not in document.text and "https://" not in document.text


def test_the_huisvestingswet_2026_has_its_title_and_the_date_its_text_is_in_force_from(external_docs):
    metadata = load_document(real(external_docs, HUISVESTINGSWET_2026)).metadata

    assert metadata.title == "Huisvestingswet 2014"
    assert metadata.date == "2026-07-01"
    assert metadata.type == "regelgeving"
    assert metadata.source_url == "https://wetten.overheid.nl/BWBR0035303/2026-07-01"


def test_chunks_of_the_huisvestingswet_keep_lid_3_in_one_passage_of_article_12(external_docs):
    document = load_document(real(external_docs, HUISVESTINGSWET_2026))
    lid_3 = section_text(document.text, "## Artikel 12").split("\n\n4 Indien")[0].split("\n\n2 De gemeenteraad")[1]

    # a budget that holds the lid: the whole list lands in one chunk, under its article
    chunks = Chunker(words, max_tokens=words(lid_3) + 20).chunk(document)
    holding = [c for c in chunks if "mantelzorg" in c.text and "minderjarige kinderen" in c.text]
    assert len(holding) == 1 and holding[0].section == "Artikel 12"
    assert all(f"\n{group}. woningzoekenden" in holding[0].text for group in GROUPS)

    # at the default budget the lid is larger than a passage; its pieces all stay under Artikel 12
    default = Chunker(words).chunk(document)
    pieces = [c for c in default if re.search(r"^[a-j]\. woningzoekenden", c.text, re.MULTILINE)]
    assert {c.section for c in pieces} == {"Artikel 12"}
    found = {m.group(1) for c in pieces for m in re.finditer(r"^([a-j])\. woningzoekenden", c.text, re.MULTILINE)}
    assert found == set(GROUPS)


def test_the_participatiewet_takes_its_date_from_the_version_in_its_address_and_its_article_titles(external_docs):
    document = load_document(real(external_docs, PARTICIPATIEWET))

    assert document.metadata.title == "Participatiewet"
    assert document.metadata.date == "2025-01-01"
    assert "## Artikel 3 Gezamenlijke huishouding en woning" in document.text.splitlines()
    # links spread over two lines keep only their words; a wrapped "paragraaf 7.1 . Bij" stays in its sentence
    assert "](http" not in document.text
    assert "genoemd in hoofdstuk 4 van de Wet structuur uitvoeringsorganisatie werk en inkomen" in document.text
    assert "paragraaf 7.1 . Bij toepassing" in document.text
    sections = {c.section for c in Chunker(words).chunk(document)}
    assert "Artikel 83 Innovatie" in sections and not any(s.startswith("paragraaf") for s in sections if s)


def test_a_yaml_file_that_is_not_a_law_is_refused_and_the_rest_of_the_folder_is_added(tmp_path, embedder):
    folder = tmp_path / "wetten"
    write(folder / "proefwet.yaml", LAW_YAML)
    write(folder / "proefwet.meta.yaml", "region: Parkstad Limburg\n")
    write(folder / "instellingen.yaml", "thema: donker\nlettergrootte: 12\n")
    write(folder / "lijst.yml", "- een\n- twee\n")

    report = IndexWriter(tmp_path / "index", embedder).ingest([folder])

    outcome = {Path(f.path).name: f for f in report.files}
    assert set(outcome) == {"proefwet.yaml", "instellingen.yaml", "lijst.yml"}  # the sidecar is no document
    assert outcome["proefwet.yaml"].status == "added"
    assert outcome["instellingen.yaml"].status == "failed"
    assert "geen wettekst in het regelrecht-formaat" in outcome["instellingen.yaml"].reason
    assert "NAAM.meta.yaml" in outcome["instellingen.yaml"].reason
    assert outcome["lijst.yml"].status == "failed" and "sleutel: waarde" in outcome["lijst.yml"].reason


def test_a_small_regelrecht_law_gets_its_name_date_and_the_metadata_of_its_sidecar(tmp_path):
    law = write(tmp_path / "proefwet.yaml", LAW_YAML)
    write(tmp_path / "proefwet.meta.yaml", "region: Parkstad Limburg\n")

    document = load_document(law)

    assert document.metadata.title == "Proefwet wonen"
    assert document.metadata.date == "2026-07-01"
    assert document.metadata.region == "Parkstad Limburg"
    assert document.text.splitlines()[:5] == [
        "## Artikel 1",
        "",
        "1 Het college wijst woningzoekenden met voorrang een woning toe als bedoeld in artikel 12 van de Huisvestingswet 2014.",
        "",
        "2 De gemeenteraad stelt daarvoor regels.",
    ]


LAW_YAML = """\
$id: proefwet_wonen
name: Proefwet wonen
valid_from: 2026-07-01
url: https://wetten.overheid.nl/BWBR0099999/2026-07-01
articles:
  - number: '1'
    text: |-
      1 Het college wijst woningzoekenden met voorrang een woning toe als bedoeld in
      [artikel 12 van de Huisvestingswet 2014][ref1].

      2 De gemeenteraad stelt daarvoor regels.


      [ref1]: https://wetten.overheid.nl/BWBR0035303#Artikel12
  - number: '2'
    text: Deze wet wordt aangehaald als Proefwet wonen.
"""


# --- BWB XML (wetten.overheid.nl) ------------------------------------------------------------


def test_the_besluit_huurprijzen_has_article_headings_and_no_metadata_debris(external_docs):
    document = load_document(real(external_docs, BESLUIT_HUURPRIJZEN))
    lines = document.text.splitlines()

    assert document.metadata.title == "Besluit huurprijzen woonruimte"
    assert document.metadata.date == "2026-01-01"
    assert document.metadata.type == "regelgeving"
    assert {"## Artikel 1", "## Artikel 4a", "## Artikel 14"} <= set(lines)
    assert "## Artikel 3" not in lines  # vervallen: no text in force
    for debris in ("isodatum", "bwb-ng", "jci1.3", "Stb.2024-194", "197921618"):
        assert debris not in document.text
    assert not any(re.fullmatch(r"[\d-]{12,}", line) for line in lines)
    article_1 = section_text(document.text, "## Artikel 1")
    assert "4 Wanneer een huurder van een woonruimte" in article_1
    assert "\na. de gehele woning gedurende een aaneengesloten periode" in article_1
    assert "Douche | 4 punten" in lines  # a table row of the valuation system


def test_a_bwb_law_with_chapters_gets_section_paths_like_hoofdstuk_and_artikel(tmp_path):
    law = write(tmp_path / "BWBR0099999_proefwet.xml", BWB_XML)

    document = load_document(law)
    chunks = Chunker(words).chunk(document)

    assert document.metadata.title == "Proefwet urgentie"
    assert document.metadata.date == "2026-07-01"
    assert document.metadata.source_url == "https://wetten.overheid.nl/BWBR0099999/2026-07-01"
    by_section = {c.section: c.text for c in chunks}
    assert by_section["Hoofdstuk 3 Urgentie › Artikel 12"] == (
        "1 De gemeenteraad geeft voorrang aan:\n\n"
        "a. woningzoekenden die mantelzorg verlenen;\n"
        "b. dakloze gezinnen met kinderen."
    )
    assert "Hoofdstuk 3 Urgentie › Paragraaf 3.1 Aanvraag › Artikel 13" in by_section
    assert "2026" not in document.text and "Stb" not in document.text


BWB_XML = """<?xml version="1.0" encoding="UTF-8"?>
<toestand bwb-id="BWBR0099999" inwerkingtreding="2026-07-01" bwb-ng-vast-deel="http://wetten.overheid.nl/id/BWBR0099999">
  <bwb-inputbestand/><bwb-wijzigingen/>
  <wetgeving soort="wet">
    <citeertitel status="officieel">Proefwet urgentie<meta-data><brondata><inwerkingtreding.datum isodatum="2026-07-01">01-07-2026</inwerkingtreding.datum></brondata></meta-data></citeertitel>
    <wet-besluit><wettekst>
      <hoofdstuk>
        <kop><label>Hoofdstuk</label><nr>3</nr><titel>Urgentie</titel></kop>
        <artikel status="goed">
          <kop><label>Artikel</label><nr>12</nr></kop>
          <lid><lidnr>1</lidnr><al>De gemeenteraad geeft voorrang aan:</al>
            <lijst type="expliciet">
              <li><li.nr>a.</li.nr><al>woningzoekenden die <nadruk type="cur">mantel</nadruk>zorg verlenen;</al></li>
              <li><li.nr>b.</li.nr><al>dakloze gezinnen met kinderen.</al></li>
            </lijst>
            <meta-data><jcis><jci verwijzing="jci1.3:c:BWBR0099999&amp;artikel=12"/></jcis></meta-data>
          </lid>
          <meta-data><brondata><publicatie><publicatiejaar>2026</publicatiejaar><publicatienr>Stb</publicatienr></publicatie></brondata></meta-data>
        </artikel>
        <paragraaf>
          <kop><label>Paragraaf</label><nr>3.1</nr><titel>Aanvraag</titel></kop>
          <artikel><kop><label>Artikel</label><nr>13</nr></kop><al>Een aanvraag is schriftelijk.</al></artikel>
        </paragraaf>
        <artikel status="vervallen"><kop><label>Artikel</label><nr>14</nr><redactie>Vervallen</redactie></kop></artikel>
      </hoofdstuk>
    </wettekst></wet-besluit>
  </wetgeving>
</toestand>
"""


# --- officiële publicaties (Kamerstukken, Staatsblad) ---------------------------------------


def test_the_memorie_van_toelichting_of_the_veegwet_has_its_title_headings_and_footnotes(external_docs):
    document = load_document(real(external_docs, VEEGWET_MVT))
    lines = document.text.splitlines()

    title = document.metadata.title
    assert title.startswith("Wijziging van de Huisvestingswet 2014") and "(Veegwet wonen)" in title
    assert title.endswith("Memorie van toelichting")
    assert document.metadata.source_url == "https://zoek.officielebekendmakingen.nl/kst-34468-3"
    assert "## ALGEMEEN DEEL" in lines and "### Consultatie" in lines
    assert "Noot 1: Kamerstukken II, 2009/10, 32 271, nr. 3, p. 42." in lines
    assert "Vergaderjaar" not in document.text and "metadata.xml" not in document.text
    sections = {c.section for c in Chunker(words).chunk(document)}
    assert "ARTIKELSGEWIJZE TOELICHTING › ARTIKEL II (Huisvestingswet 2014) › Onderdeel A" in sections


def test_a_staatsblad_is_regelgeving_dated_by_its_signature_with_its_title_and_articles(tmp_path):
    publication = write(tmp_path / "stb-2026-99.xml", STAATSBLAD_XML)

    document = load_document(publication)

    assert document.metadata.title == "Besluit van 26 juni 2026 tot wijziging van het Besluit huurprijzen woonruimte"
    assert document.metadata.type == "regelgeving"
    assert document.metadata.date == "2026-06-26"
    assert "## Artikel I" in document.text.splitlines()
    assert "Kolom | Bedrag\nHuurprijsgrens | € 900" in document.text


STAATSBLAD_XML = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie>
  <metadata><meta name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/stb-2026-99/metadata.xml"/></metadata>
  <staatsblad><wetgeving>
    <intitule>Besluit van 26 juni 2026 tot wijziging van het Besluit huurprijzen woonruimte</intitule>
    <wet-besluit>
      <wettekst><artikel><kop><label>Artikel</label><nr>I</nr></kop>
        <al>De tabel komt te luiden:</al>
        <table><tgroup cols="2"><colspec colname="c1"/><thead><row><entry>Kolom</entry><entry>Bedrag</entry></row></thead>
          <tbody><row><entry>Huurprijsgrens</entry><entry>€ 900</entry><entry/></row></tbody></tgroup></table>
      </artikel></wettekst>
      <wetsluiting><dagtekening><plaats>'s-Gravenhage</plaats>, <datum isodatum="2026-06-26">26 juni 2026</datum></dagtekening></wetsluiting>
    </wet-besluit>
  </wetgeving></staatsblad>
</officiele-publicatie>
"""


# --- XML that is not for us, damaged or hostile ----------------------------------------------


def test_an_xml_file_of_another_kind_is_refused_with_a_dutch_reason(tmp_path):
    feed = write(tmp_path / "nieuws.xml", "<rss><channel><title>Nieuws</title></channel></rss>")

    with pytest.raises(IngestError) as error:
        load_document(feed)

    assert "geen wettekst van wetten.overheid.nl" in error.value.reason and "<rss>" in error.value.reason


def test_a_damaged_xml_file_is_refused_with_the_place_of_the_fault(tmp_path):
    broken = write(tmp_path / "kapot.xml", "<toestand inwerkingtreding='2026-01-01'>\n<wetgeving><al>Tekst</wetgeving>\n")

    with pytest.raises(IngestError) as error:
        load_document(broken)

    assert "niet goed gevormd (regel 2" in error.value.reason


def test_an_xml_bomb_is_refused_before_it_is_expanded_and_the_rest_of_the_batch_is_added(tmp_path, embedder):
    folder = tmp_path / "aanlevering"
    write(folder / "bom.xml", BILLION_LAUGHS)
    write(folder / "BWBR0099999_proefwet.xml", BWB_XML)

    report = IndexWriter(tmp_path / "index", embedder).ingest([folder])

    outcome = {Path(f.path).name: f for f in report.files}
    assert outcome["BWBR0099999_proefwet.xml"].status == "added"
    assert outcome["bom.xml"].status == "failed"
    assert "declareert entiteiten" in outcome["bom.xml"].reason


# Ten levels of ten references: 10^9 "lol"s (3 GB) if an entity were ever expanded.
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE toestand [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">\n' for n in range(1, 10))
    + ']>\n<toestand inwerkingtreding="2026-01-01"><wetgeving><al>&lol9;</al></wetgeving></toestand>\n'
)


# --- Markdown, the same link fault ------------------------------------------------------------


def test_a_markdown_note_with_reference_links_reads_as_words(tmp_path):
    note = write(
        tmp_path / "notitie.md",
        "# Notitie\n\nZie [artikel 12 van de\nHuisvestingswet][hvw] en [de handreiking](https://example.org).\n\n"
        "[hvw]: https://wetten.overheid.nl/BWBR0035303#Artikel12\n",
    )

    assert load_document(note).text == "# Notitie\n\nZie artikel 12 van de Huisvestingswet en de handreiking."


def test_a_script_or_style_sheet_in_a_markdown_note_is_not_read_as_its_text(tmp_path):
    # found by a fresh user: an upload's answer read "… een eigen woning alert('xss') en een mand"
    note = write(tmp_path / "injectie.md", "# Test\n\nDe gemeente bouwt een woning <script>alert('xss')</script> en een "
                 "mand.\n\n<STYLE type=\"text/css\">\np { color: red }\n</STYLE>\n\nTweede <b>vet</b> regel.\n")

    assert load_document(note).text == "# Test\n\nDe gemeente bouwt een woning en een mand.\n\nTweede vet regel."


def test_a_link_whose_address_holds_parentheses_spaces_or_a_title_leaves_only_its_words(tmp_path):
    # "[klik hier](javascript:alert(1))" read as "klik hier)" before: the address ended at its first ")"
    note = write(
        tmp_path / "aanmelden.md",
        "# Aanmelden\n\nMeld u aan via [klik hier](javascript:alert(1)) of [de site](https://example.nl \"Site\"). "
        "Lees [de wet](https://nl.wikipedia.org/wiki/Wet_(Nederland)) en [het loket](<https://example.nl/a b>)"
        "![logo](logo(1).png).\n\nDe regels (zie [artikel 4](#art4)) gelden (ook) hier.\n",
    )

    assert load_document(note).text == ("# Aanmelden\n\nMeld u aan via klik hier of de site. Lees de wet en het loket."
                                        "\n\nDe regels (zie artikel 4) gelden (ook) hier.")


@pytest.mark.parametrize("name", ["BWBR0035362_wmo-2015_lawsmd-2015.md", "BWBR0035733_uitvoeringsbesluit-wmo-2015_lawsmd.md",
                                  "BWBR0036776_circulaire-inwerkingtreding-woningwet-2015_lawsmd.md"])
def test_a_law_in_laws_markdown_is_filed_as_regelgeving_so_the_type_filter_finds_it(external_docs, name):
    assert load_document(real(external_docs, name)).metadata.type == "regelgeving"


def test_the_woningwet_circular_files_each_transition_measure_under_its_own_heading(external_docs):
    document = load_document(real(external_docs, "BWBR0036776_circulaire-inwerkingtreding-woningwet-2015_lawsmd.md"))
    chunks = Chunker(words).chunk(document)

    autoriteit = next(c for c in chunks if "formeel van start" in c.text)
    assert autoriteit.section.endswith("De overgang naar de nieuwe regelgeving › Autoriteit woningcorporaties")
    assert not any("Autoriteit woningcorporaties Per 1 juli" in c.text for c in chunks)


def test_a_footnote_written_into_a_sentence_of_the_woningwet_circular_becomes_a_note_after_it(external_docs):
    # a fresh user read "(PEW) Den Haag, 30 oktober 2014 wordt de positie van gemeenten … versterkt" in an answer
    document = load_document(real(external_docs, "BWBR0036776_circulaire-inwerkingtreding-woningwet-2015_lawsmd.md"))
    text = "\n".join(page.text for page in document.pages)

    assert "Woningcorporaties (PEW) wordt de positie van gemeenten en huurders versterkt" in text
    assert "\n\nNoot 5: Ver van huis, Hoofdrapport. Den Haag, 30 oktober 2014\n" in text
    assert "Den Haag, 30 oktober 2014 wordt" not in text


def test_a_markdown_note_is_regelgeving_only_when_it_opens_as_a_law_or_a_circulaire(tmp_path):
    note = write(tmp_path / "nota.md", "##Woonzorgvisie regio Noord\n\nDe regio maakt afspraken.\n")
    law = write(tmp_path / "wet.md", "## Wet van 4 juni 2014, houdende nieuwe regels (Huisvestingswet 2014)\n\nArtikel 1\n")
    typed = write(tmp_path / "getypt.md", "---\ntype: handreiking\n---\n## Circulaire over wonen\n\nTekst.\n")

    assert load_document(note).metadata.type == "overig"
    assert load_document(law).metadata.type == "regelgeving"
    assert load_document(typed).metadata.type == "handreiking"  # the editor's word counts


@pytest.mark.parametrize(("name", "shown"), [
    ("BWBR0005181_woningwet_lawsmd-2015.md", "Woningwet"),
    ("BWBR0035362_wmo-2015_lawsmd-2015.md", "Wet maatschappelijke ondersteuning 2015"),
    ("BWBR0035733_uitvoeringsbesluit-wmo-2015_lawsmd.md", "Uitvoeringsbesluit Wmo 2015"),
    ("BWBR0011625_tijdelijke-woonzorgstimuleringsregeling_lawsmd.md", "Tijdelijke woonzorgstimuleringsregeling"),
    ("stb-2024-193.pdf", "Wet betaalbare huur"),
    ("stb-2024-194.pdf", "Besluit betaalbare huur"),
])
def test_an_officer_sees_a_law_by_the_name_it_is_cited_by_not_by_its_file_name(external_docs, name, shown):
    # these files carry no title of their own: the law names itself in its closing article ("Deze wet
    # wordt aangehaald als: …"), a laws-markdown circular in its opening heading
    document = load_document(real(external_docs, name))

    assert document.metadata.display_title == shown
    assert document.metadata.title == humanise_stem(Path(name).stem)  # searched as before, under its file name


def test_a_staatsblad_decree_without_a_citeertitel_is_shown_by_its_opschrift_not_its_masthead(external_docs):
    # the layout finds "Staatsblad van het Koninkrijk der Nederlanden" first, which names no document;
    # the opschrift below it does, and a long one is cut at a comma
    short = load_document(real(external_docs, "stb-2024-195.pdf")).metadata
    long = load_document(real(external_docs, "stb-2024-197.pdf")).metadata

    assert short.display_title == ("Besluit 26 juni 2024 tot wijziging van het Besluit huurprijzen woonruimte "
                                   "(modernisering van het waarderingsstelsel voor onzelfstandige woonruimte)")
    assert long.display_title == ("Besluit van 26 juni 2024 tot vaststelling van het tijdstip van inwerkingtreding "
                                  "van de Wet betaalbare huur …")


@pytest.mark.parametrize(("name", "shown"), [
    ("huurcommissie-beleidsboek-wws-zelfstandige-woonruimten-2026-01.pdf",
     "Beleidsboek Waarderingsstelsel zelfstandige woonruimte"),
    # a title page in capitals
    ("pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf", "Verhuismotieven en ruimtelijke verhuisbewegingen"),
])
def test_a_report_is_shown_by_the_title_on_its_first_page_where_its_file_name_repeats_it(external_docs, name, shown):
    assert load_document(real(external_docs, name)).metadata.display_title == shown


@pytest.mark.parametrize(("name", "first"), [
    # its maker, a masthead or a stamp, a date, a quote, a running header, half of a wrapped title,
    # a section: the file name repeats them, but they name no document (a reviewer's files)
    ("gemeente-zeist-woonvisie-2025.txt", "Gemeente Zeist"),
    ("gemeente-zeist-huisvestingsverordening-2024.txt", "GEMEENTEBLAD"),
    ("concept-woonvisie-zeist-2025.txt", "CONCEPT"),
    ("nieuwsbrief-wonen-maart-2025.txt", "Maart 2025"),
    ("nieuwsbrief-wonen-13-maart-2025.txt", "13 maart 2025"),
    ("wonen-is-een-grondrecht-woonvisie-den-haag.txt", '"Wonen is een grondrecht"'),
    ("jaarverslag-huurcommissie-2024.txt", "Jaarverslag Huurcommissie 2024 | pagina 1"),
    ("beleidsregels-urgentie-voorrang-amersfoort-2024.txt", "Beleidsregels urgentie en"),
    ("woningbouwprogramma-zeist-2025.txt", "Woningbouwprogramma"),
    ("woonvisie-zeist.txt", "Woonvisie Zeist is vastgesteld."),
])
def test_a_first_line_that_names_no_document_is_no_title(tmp_path, name, first):
    document = load_document(write(tmp_path / name, f"{first}\n\nDe gemeente werkt aan woningen voor iedereen.\n"))

    assert document.metadata.display_title is None


@pytest.mark.parametrize(("name", "first", "shown"), [
    ("huisvestingsverordening-amsterdam-2024.txt", "HUISVESTINGSVERORDENING AMSTERDAM",
     "Huisvestingsverordening Amsterdam"),
    # each word as the text writes it elsewhere
    ("woonvisie-utrecht-wmo.txt", "WOONVISIE UTRECHT EN DE WMO", "Woonvisie Utrecht en de Wmo"),
])
def test_a_title_in_capitals_keeps_the_names_in_it(tmp_path, name, first, shown):
    document = load_document(write(tmp_path / name, f"{first}\n\nDe woonvisie en de Wmo gaan samen.\n"))

    assert document.metadata.display_title == shown


@pytest.mark.parametrize(("name", "text"), [
    # a letter and a council's decision quote an opschrift; a letter quotes a law's citeertitel
    ("kamerbrief-inwerkingtreding-wbh.txt", "Geachte voorzitter,\n\nHierbij informeer ik u.\n\nWet van 26 juni 2024 "
     "tot wijziging van de Wet goed verhuurderschap (Wet betaalbare huur)\n\nDe wet treedt in werking.\n"),
    ("woonvisie-zeist-2025-2030.txt", "Besluit van 12 maart 2025 tot vaststelling van de Woonvisie Zeist 2025-2030\n\n"
     "De raad besluit.\n"),
    ("raadsinformatiebrief-regie.txt", "Raadsinformatiebrief\n\nHet wetsvoorstel sluit af met:\n\nDeze wet wordt "
     "aangehaald als: Wet versterking regie volkshuisvesting.\n"),
    # an id of the Basiswettenbestand inside the name of an opinion note
    ("notitie_BWBR0035303_reactie-gemeente.txt", "Reactie van de gemeente op de wet.\n"),
])
def test_a_text_that_quotes_a_law_is_no_regelgeving_and_not_named_after_it(tmp_path, name, text):
    document = load_document(write(tmp_path / name, text))

    assert document.metadata.type == "overig"
    assert document.metadata.display_title is None


def test_a_regulation_in_the_staatscourant_is_regelgeving_shown_by_its_opschrift(tmp_path):
    text = ("## STAATSCOURANT\n\nOfficiële uitgave van het Koninkrijk der Nederlanden\n\nRegeling van de Minister van "
            "Binnenlandse Zaken van 3 mei 2024, nr. 2024-1, houdende wijziging van de Regeling huurprijzen\n\n"
            "### Artikel I\n\nDe regeling wordt gewijzigd.\n")
    document = load_document(write(tmp_path / "stcrt-2024-12345.txt", text))

    assert document.metadata.type == "regelgeving"
    assert document.metadata.display_title == ("Regeling van de Minister van Binnenlandse Zaken van 3 mei 2024, nr. "
                                               "2024-1, houdende wijziging van de Regeling huurprijzen")


@pytest.mark.parametrize("name", ["stb-2024-193.pdf", "stb-2024-195.pdf", "stb-2024-197.pdf",
                                  "BWBR0014544_circulaire-standplaatsen-voorrangsbepalingen-huisvestingswet_lawsmd.md"])
def test_an_officer_filtering_on_regelgeving_finds_the_staatsblad_laws_and_the_circulaires(external_docs, name):
    # a Staatsblad opens with its masthead, the law's opschrift below it; a circular of the
    # Basiswettenbestand opens as a letter ("Geacht college/bestuur,") and is known by its BWB id
    assert load_document(real(external_docs, name)).metadata.type == "regelgeving"


@pytest.mark.parametrize("name", ["ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf",
                                  "pbl-2023-verhuismotieven-en-ruimtelijke-verhuispatronen-4669.pdf", VEEGWET_MVT])
def test_parliamentary_questions_a_report_and_an_explanatory_memorandum_are_no_regelgeving(external_docs, name):
    assert load_document(real(external_docs, name)).metadata.type == "overig"


@pytest.mark.parametrize(("text", "shown"), [
    ("Artikel 9\n\nDeze wet wordt aangehaald als:\nProefwet\nwonen 2026.\n", "Proefwet wonen 2026"),
    # the closing article opens its sentence; a memo that reports it does not
    ("De minister schrijft dat deze wet kan worden aangehaald als Proefwet.\n", None),
    # an amending law inserts another law's closing article before it gives its own
    ("ARTIKEL I\nNa artikel 87 wordt een artikel ingevoegd, luidende:\nArtikel 88\nDeze wet wordt aangehaald als: "
     "Wet op de huurtoeslag.\n\nARTIKEL II\nDeze wet wordt aangehaald als: Wet regie volkshuisvesting.\n",
     "Wet regie volkshuisvesting"),
    # a memorie van toelichting quotes the law it explains
    ("Memorie van toelichting\n\nArtikel III regelt dat deze wet wordt aangehaald als: Wet betaalbare huur. Zo "
     "blijft de titel kort.\nDeze wet wordt aangehaald als: Wet betaalbare huur.\n", None),
    # the name ends at its sentence: a clause after a comma, a missing full stop, a quote mark
    ("Deze wet wordt aangehaald als: Wet goed verhuurderschap, met vermelding van het jaartal van het Staatsblad "
     "waarin zij is geplaatst.\n", "Wet goed verhuurderschap"),
    ("Artikel 3\nDeze regeling wordt aangehaald als Regeling huurtoeslag\n\nToelichting volgt.\n", "Regeling huurtoeslag"),
    ('In de regeling staat: "Deze regeling wordt aangehaald als Regeling X".\n', None),
    ("Deze verordening wordt aangehaald als: Huisvestingsverordening [naam gemeente] [jaartal].\n", None),
])
def test_a_citeertitel_is_the_name_a_law_gives_itself_in_its_own_closing_article(tmp_path, text, shown):
    assert load_document(write(tmp_path / "bwbr0000001_proefwet.txt", text)).metadata.display_title == shown


def test_a_markdown_note_that_opens_with_its_first_section_keeps_its_file_name(tmp_path):
    # "## Inleiding" names a section, not the note; the laws-markdown circular's heading is in its file name
    note = write(tmp_path / "woonvisie-zeist-2025.md", "## Inleiding\n\nTekst.\n\n## Doelen\n\nMeer.\n")
    circular = write(tmp_path / "circulaire-inwerkingtreding-woningwet-2015.md",
                     "##Circulaire inwerkingtreding Woningwet 2015\n\nTekst.\n")

    assert load_document(note).metadata.display_title is None
    assert load_document(circular).metadata.display_title == "Circulaire inwerkingtreding Woningwet 2015"


def test_an_editors_title_is_the_one_shown(external_docs):
    law = real(external_docs, "BWBR0005181_woningwet_lawsmd-2015.md")

    document = load_document(law, overrides={"title": "Woningwet (tekst 2015)"})

    assert document.metadata.title == "Woningwet (tekst 2015)" and document.metadata.display_title is None
