"""Small real documents, built in a temporary folder, that editors might hand to the loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from filemakers import encrypted_pdf_bytes, image_only_pdf_bytes, pdf_bytes, write, write_docx

# ../shared beside the repository, as on the developers' machines and in CI
EXTERNAL_DOCS = Path(__file__).resolve().parents[3] / "shared" / "external" / "docs"

RUNNING_HEADER = "Gemeente Voorbeeld | Beleidsnota wonen 2025"

# Lines as they are laid out on the pages: hyphenated breaks, legal headings, a list.
POLICY_PAGES = [
    [
        "Hoofdstuk 1 Inleiding",
        "De gemeente wil dat iedereen een passende woning kan vinden. De krapte op de woning-",
        "markt raakt vooral aandachtsgroepen, zoals mensen die uitstromen uit beschermd wonen",
        "of de maatschappelijke opvang. Daarom maken we afspraken met corporaties in Noord-",
        "Brabant, met zorgaanbieders en met de regio over passende huisvesting en over zorg-",
        "en ondersteuningsafspraken voor iedere inwoner die dat nodig heeft in de gemeente.",
        "Zo werken we samen.",
    ],
    [
        "Artikel 3 Urgentie",
        "Een woningzoekende die uitstroomt uit de maatschappelijke opvang krijgt urgentie als",
        "hij binnen drie maanden zelfstandig kan wonen en een begeleidingsplan heeft met de",
        "gemeente.",
        "Artikel 4",
        "Het college beslist binnen acht weken op een aanvraag om urgentie en deelt de beslis-",
        "sing schriftelijk mee aan de aanvrager.",
    ],
    [
        "De regio spreekt het volgende af:",
        "- elke gemeente huisvest haar deel van de aandachtsgroepen;",
        "- corporaties reserveren jaarlijks een deel van de vrijkomende woningen.",
        "Zo blijft er voor iedereen een thuis in de regio, ook voor wie nu nog in de opvang",
        "woont.",
    ],
]


@pytest.fixture
def policy_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "beleidsnota-wonen_2025.pdf"
    path.write_bytes(pdf_bytes(POLICY_PAGES, header=RUNNING_HEADER, title="Microsoft Word - nota.docx"))
    return path


@pytest.fixture
def titled_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "scan-0042.pdf"
    path.write_bytes(pdf_bytes(POLICY_PAGES[:1], title="Woonzorgvisie Parkstad Limburg"))
    return path


@pytest.fixture
def password_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "vertrouwelijk.pdf"
    path.write_bytes(encrypted_pdf_bytes(pdf_bytes(POLICY_PAGES), user_password="geheim"))
    return path


@pytest.fixture
def edit_protected_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "alleen-lezen.pdf"
    path.write_bytes(encrypted_pdf_bytes(pdf_bytes(POLICY_PAGES), user_password=""))
    return path


@pytest.fixture
def scanned_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "gescande-brief.pdf"
    path.write_bytes(image_only_pdf_bytes(pages=2))
    return path


@pytest.fixture
def truncated_pdf(tmp_path: Path) -> Path:
    data = pdf_bytes(POLICY_PAGES)
    path = tmp_path / "half-gedownload.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    return write_docx(
        tmp_path / "woonzorgvisie.docx",
        [
            "# Woonzorgvisie Parkstad",
            "Deze visie beschrijft hoe we wonen en zorg samen organiseren.",
            "## Aandachtsgroepen",
            "We onderscheiden onder meer:",
            "- dak- en thuislozen",
            "- mensen die uitstromen uit beschermd wonen",
            [("Gemeente", "Opgave"), ("Heerlen", "120 woningen")],
            "Tot slot evalueren we jaarlijks.",
        ],
        title="Sjabloon gemeente",
    )


@pytest.fixture
def untitled_word_file(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "profiel.docx", ["Een profiel van de woningmarkt in de regio."], title="Regioprofiel Twente")


WEB_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Urgentie aanvragen | Gemeente Voorbeeld</title>
<style>body { color: red }</style><script>var tracking = "bezoeker";</script></head>
<body>
<header><a href="/">Gemeente Voorbeeld</a> Menu</header>
<nav><ul><li><a href="/afval">Afval</a></li><li><a href="/parkeren">Parkeren</a></li></ul></nav>
<div role="navigation">Kruimelpad: Home &gt; Wonen</div>
<main>
  <h1>Urgentie aanvragen</h1>
  <p>U kunt <strong>urgentie</strong> aanvragen als u
     binnen drie maanden een woning nodig hebt.</p>
  <h2>Wie komt in aanmerking?</h2>
  <ul><li>Mensen die uitstromen uit de opvang</li><li>Mantelzorgers</li></ul>
  <table><tr><th>Situatie</th><th>Termijn</th></tr><tr><td>Uitstroom</td><td>8 weken</td></tr></table>
  <form><input name="q"><button>Zoeken</button></form>
</main>
<aside>Lees ook: afvalkalender</aside>
<footer>Contact | Cookies | Privacy</footer>
<script>trackPage();</script>
</body></html>
"""


@pytest.fixture
def web_page(tmp_path: Path) -> Path:
    return write(tmp_path / "urgentie.html", WEB_PAGE)


MARKDOWN_NOTE = """---
title: Handreiking regionale samenwerking
type: handreiking
region: Parkstad Limburg
municipalities: [Heerlen, Kerkrade]
date: 2024-03-21
url: https://example.org/handreiking
---

# Regionale samenwerking

<!-- concept: nog niet delen -->
![logo](logo.png)

Gemeenten in een **woningmarktregio** maken samen afspraken over de
[verdeling](https://example.org/verdeling) van aandachtsgroepen en gebruiken
daarvoor `de regiotool`.

## Taakverdeling

* elke gemeente stelt een woonzorgvisie op
* de regio verdeelt de opgave

| Gemeente | Opgave |
|---|---|
| Heerlen | 120 |
"""


@pytest.fixture
def markdown_note(tmp_path: Path) -> Path:
    return write(tmp_path / "handreiking.md", MARKDOWN_NOTE)


@pytest.fixture
def broken_front_matter(tmp_path: Path) -> Path:
    return write(tmp_path / "kapot.md", "---\ntitle: [Handreiking zonder haakje\ntype: handreiking\n---\n\nTekst.\n")


@pytest.fixture(scope="session")
def external_docs() -> Path:
    if not EXTERNAL_DOCS.is_dir():
        pytest.skip("the third-party documents in ../shared/external/docs are not on this machine")
    return EXTERNAL_DOCS
