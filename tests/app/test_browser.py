"""The web app end to end in headless Chromium: an officer asks, follows up and checks the
sources; an editor logs in and uploads a PDF, which is cited in the next answer.

Screenshots of every step go to test-artifacts/ (look at them: they are the point).
Needs Debian's Chromium (/usr/bin/chromium) and Playwright; skips without them.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "docs"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
EDITOR, PASSWORD = "redacteur", "zeer-geheim-42"
ZONNEDAL_FACT = "De gemeente Zonnedal bouwt 40 tijdelijke woningen voor dakloze jongeren."
# a plain-text passage that tries to be HTML: it must show up as text, and nothing may run
HOSTILE_TEXT = """Opvang in Kwartelveen

De gemeente Kwartelveen opent een nieuwe nachtopvang <script>window.__twXss = 1</script> naast het station.
Het college van Kwartelveen schrijft <img src=x onerror="window.__twXss = 2"> een plan voor de winteropvang.
"""
HOSTILE_META = 'title: "Testnotitie Kwartelveen <b>vet</b>"\ntype: overig\nregion: Kwartelveen\n'
ANSWER_TIMEOUT = 90_000  # ms; the 2 shared cores may be busy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _corpus_files() -> list[Path]:
    """A few documents of the bundled corpus: the regional/local guide if present, else any three."""
    chosen: list[Path] = []
    for pattern in ("*regionaal-en-lokaal*", "handreiking-uitstroom*", "handreiking-schaalniveaus*"):
        chosen += [p for p in sorted(CORPUS.glob(pattern)) if not p.name.endswith((".meta.yaml", ".meta.yml"))][:1]
    if len(chosen) < 3:
        chosen += [p for p in sorted(CORPUS.glob("*.md")) if p not in chosen][: 3 - len(chosen)]
    return chosen


def _make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Huisvesting dakloze jongeren Zonnedal")
    pages = [
        ["Huisvesting dakloze jongeren Zonnedal",
         "Deze notitie beschrijft de aanpak van de gemeente Zonnedal voor jongeren zonder vaste woonplek.",
         "De gemeente werkt daarbij samen met corporatie Zonnewoning en met het jongerenwerk."],
        ["Tijdelijke woningen",
         ZONNEDAL_FACT,
         "De woningen staan op twee locaties en worden in het voorjaar opgeleverd.",
         "Elke jongere krijgt begeleiding van een vaste woonbegeleider gedurende het eerste jaar."],
    ]
    for lines in pages:
        y = 780
        for i, line in enumerate(lines):
            pdf.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 14 if i == 0 else 11)
            pdf.drawString(60, y, line)
            y -= 28 if i == 0 else 18
        pdf.showPage()
    pdf.save()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Chromium ontbreekt: apt-get install -y chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    pytest.importorskip("reportlab")
    files = _corpus_files()
    if not files:
        pytest.skip("geen documenten in corpus/docs")

    import app
    from index.embedders import make_embedder
    from index.writer import IndexWriter
    from thuiswijzer.config import Settings

    work = tmp_path_factory.mktemp("site")
    docs = work / "docs"
    docs.mkdir()
    for path in files:
        shutil.copy(path, docs / path.name)
        for sidecar in CORPUS.glob(path.stem + ".meta.y*ml"):
            shutil.copy(sidecar, docs / sidecar.name)
    (docs / "testnotitie-kwartelveen.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (docs / "testnotitie-kwartelveen.meta.yaml").write_text(HOSTILE_META, encoding="utf-8")
    settings = Settings(editor_credentials=f"{EDITOR}:{PASSWORD}", feedback_log=work / "feedback.jsonl")
    index_dir = work / "index"
    writer = IndexWriter(index_dir, make_embedder(settings.embedder), settings.chunk_tokens, settings.chunk_overlap,
                         settings.max_file_bytes)
    report = writer.ingest([docs])
    assert report.count("failed") == 0, report.files
    del writer

    pdf = work / "Zonnedal jongeren (concept).pdf"
    _make_pdf(pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    server = app.serve(index_dir=index_dir, host="127.0.0.1", port=_free_port(), settings=settings, block=False)
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # a Dutch browser, as the officers have: Gradio's own labels follow the browser language
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL",
                                      permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server.url, wait_until="load")
        page.wait_for_selector("#tw-vraag textarea", timeout=60_000)
        yield {"page": page, "url": server.url, "work": work, "pdf": pdf, "settings": settings, "dialogs": dialogs}
        browser.close()
    server.close()


def shot(page, name: str) -> None:
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def ask(page, question: str, turn: int) -> str:
    """Type a question, send it, wait for its sources; returns the text of the answer bubble."""
    page.fill("#tw-vraag textarea", question)
    page.click("#tw-stel")
    page.wait_for_selector(f"#tw-bronnen #bron-{turn}-1", timeout=ANSWER_TIMEOUT)
    return page.locator("#tw-chat .bot").last.inner_text()


def test_officer_asks_and_sees_cited_sources(site):
    page = site["page"]
    shot(page, "01-start")
    assert "Thuiswijzer" in page.inner_text("body")

    answer = ask(page, "Wat regelen we regionaal en wat lokaal?", turn=1)
    assert "[1]" in answer
    assert "Bronnen" in answer
    first = page.locator("#tw-bronnen #bron-1-1")
    assert first.locator(".tw-titel").inner_text().strip()
    assert first.locator(".tw-passage").inner_text().strip()
    assert "Open het document" in first.inner_text()
    shot(page, "02-antwoord-regionaal-lokaal")

    # the [1] in the answer leads to the source in the panel
    page.locator("#tw-chat .bot a.tw-cite").first.click()
    page.wait_for_selector("#tw-bronnen .tw-flash", timeout=5_000)

    # copying an answer gives the text the officer sees, without the links and Markdown behind it
    # the button speaks Dutch, whatever the browser's language (app_gradio_nl)
    page.locator("#tw-chat .message-buttons button[aria-label='Bericht kopiëren']").last.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[1]" in copied and "Bronnen" in copied
    assert "<a " not in copied and "\\[" not in copied and "**" not in copied


def test_follow_up_uses_the_conversation(site):
    page = site["page"]
    page.set_viewport_size({"width": 800, "height": 700})  # a low window scrolls the page too (helper-49)
    answer = ask(page, "En wat betekent dat voor corporaties?", turn=2)
    assert "[1]" in answer or "niets betrouwbaars" in answer
    # how the follow-up was read is shown as the question it follows, not as the query it was rewritten to
    assert "Gelezen als vervolg op: „Wat regelen we regionaal" in answer and "Gezocht op" not in answer
    assert page.locator("#tw-bronnen details.tw-eerder").count() == 1  # the first answer's sources, folded
    # the chat shows the question just asked at its top, the answer's start under it; scrolled to the
    # bottom, a long answer showed its sources first (helper-47)
    page.wait_for_timeout(500)
    offset = page.evaluate("""() => {
        const asked = [...document.querySelectorAll('#tw-chat .user')].pop();
        const box = asked.closest('#tw-chat').querySelector('.bubble-wrap') || asked.parentElement;
        return asked.getBoundingClientRect().top - box.getBoundingClientRect().top; }""")
    assert 0 <= offset <= 40, offset
    top, bottom = page.evaluate("() => { const box = [...document.querySelectorAll('#tw-chat .user')].pop()"
                                ".getBoundingClientRect(); return [box.top, box.bottom]; }")
    assert 0 <= top and bottom <= 700, (top, bottom)
    shot(page, "03-vervolgvraag")
    page.set_viewport_size({"width": 1440, "height": 1000})


def test_feedback_is_logged_with_comment(site):
    page = site["page"]
    page.locator("#tw-chat .bot").last.hover()
    page.locator("#tw-chat button[aria-label='Nuttig']").last.click()
    page.wait_for_selector("#tw-feedback textarea", timeout=10_000)
    page.fill("#tw-feedback textarea", "Duidelijk, maar ik mis de rol van de provincie.")
    page.get_by_role("button", name="Toelichting versturen").click()
    page.wait_for_selector("#tw-feedback", state="hidden", timeout=10_000)
    records = [json.loads(line) for line in site["settings"].feedback_log.read_text(encoding="utf-8").splitlines()]
    assert [r["vote"] for r in records] == ["up", "up"]
    assert records[-1]["comment"] == "Duidelijk, maar ik mis de rol van de provincie."
    assert records[-1]["question"] == "En wat betekent dat voor corporaties?"
    assert records[-1]["citations"] and records[-1]["answer"]


def test_document_text_is_shown_as_text_never_run(site):
    page = site["page"]
    answer = ask(page, "Wat opent de gemeente Kwartelveen naast het station?", turn=3)
    panel = page.inner_text("#tw-bronnen")
    assert "<script>" in panel and "onerror" in panel  # visible, literally
    assert "<b>vet</b>" in panel
    assert page.locator("#tw-bronnen script, #tw-bronnen img, #tw-chat script, #tw-chat img[src='x']").count() == 0
    assert page.evaluate("window.__twXss === undefined")
    assert not site["dialogs"]
    assert "Kwartelveen" in answer
    shot(page, "04-html-in-passage-als-tekst")


def test_editor_uploads_pdf_and_it_is_cited(site):
    page = site["page"]
    page.get_by_role("tab", name="Beheer").click()
    page.wait_for_selector("#tw-login-naam", timeout=10_000)
    shot(page, "05-beheer-inloggen")
    page.locator("#tw-login-naam textarea, #tw-login-naam input").first.fill(EDITOR)
    page.locator("#tw-login-wachtwoord input").fill("fout")
    page.click("#tw-inloggen")
    page.wait_for_function(
        "document.querySelector('#tw-beheer-status').innerText.includes('onjuist wachtwoord')", timeout=15_000)
    page.locator("#tw-login-wachtwoord input").fill(PASSWORD)
    page.click("#tw-inloggen")
    page.wait_for_selector("#tw-upload", state="visible", timeout=15_000)
    assert "Ingelogd als" in page.inner_text("#tw-beheer-status")

    # a slip (Verwijderen with nothing chosen) gets a Dutch warning, and the tab stays usable
    page.click("#tw-verwijderen")
    page.get_by_text("Kies eerst de documenten die weg moeten.").first.wait_for(timeout=15_000)
    page.wait_for_timeout(500)
    # titled in Dutch, where Gradio writes the kind of toast in English ("Warning")
    title = page.locator(".toast-title.warning").first
    assert title.evaluate("t => getComputedStyle(t, '::before').content") == '"Let op"'
    assert title.evaluate("t => getComputedStyle(t).fontSize") == "0px"
    for part in ("#tw-upload", "#tw-resultaat", "#tw-documenten"):
        assert "Fout" not in page.inner_text(part), part
    assert "Error" not in page.inner_text("body")
    shot(page, "05b-beheer-niets-gekozen")

    # a file of a kind the library does not read is refused in Dutch, not with Gradio's English toast
    program = site["work"] / "gescand.exe"
    program.write_bytes(b"MZ\x90\x00")
    page.set_input_files("#tw-upload input[type=file]", str(program))
    page.wait_for_function("document.querySelector('#tw-upload').innerText.includes('gescand')", timeout=30_000)
    page.click("#tw-toevoegen")
    page.wait_for_function(
        "document.querySelector('#tw-resultaat').innerText.includes('wordt niet ondersteund')", timeout=ANSWER_TIMEOUT)
    assert "Invalid file type" not in page.inner_text("body")

    page.set_input_files("#tw-upload input[type=file]", str(site["pdf"]))
    page.wait_for_function(
        "document.querySelector('#tw-upload').innerText.includes('Zonnedal')", timeout=30_000)
    page.locator("#tw-upload-regio textarea, #tw-upload-regio input").first.fill("Zonnedal")
    page.locator("#tw-upload-datum textarea, #tw-upload-datum input").first.fill("1 juli 2026")
    page.click("#tw-toevoegen")
    page.wait_for_function(
        "document.querySelector('#tw-resultaat').innerText.includes('toegevoegd')", timeout=ANSWER_TIMEOUT)
    result = page.inner_text("#tw-resultaat")
    assert "Zonnedal" in result
    listed = page.inner_text("#tw-documenten")
    assert "zonnedal-jongeren-concept" in listed  # id from the sanitised name
    assert "1 juli 2026" in listed  # the date the editor gave, where the PDF states none
    assert (site["work"] / "uploads" / "Zonnedal-jongeren-concept.pdf").exists()
    shot(page, "06-beheer-upload-resultaat")

    page.get_by_role("tab", name="Vragen").click()
    answer = ask(page, "Hoeveel tijdelijke woningen bouwt Zonnedal?", turn=4)
    assert "40 tijdelijke woningen" in answer
    source = page.locator("#tw-bronnen #bron-4-1")
    assert "Zonnedal" in source.inner_text()
    assert "Zonnedal" in source.locator("mark").first.inner_text()  # the used sentence is highlighted
    link = source.locator("a", has_text="Open het document").get_attribute("href")
    assert re.search(r"^bron/zonnedal-jongeren-concept#page=[12]$", link)  # the passage's first page
    shot(page, "07-antwoord-uit-upload")

    with urllib.request.urlopen(site["url"] + link.split("#")[0]) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read(5) == b"%PDF-"


def test_editor_removes_the_upload_only_after_confirming_it(site):
    # runs after the upload above, in the same logged-in page
    page = site["page"]
    page.get_by_role("tab", name="Beheer").click()
    page.locator("#tw-verwijder-keuze input").first.click()
    page.get_by_role("option", name=re.compile("zonnedal-jongeren-concept")).click()
    page.click("#tw-verwijderen")
    page.wait_for_selector("#tw-verwijder-vraag", state="visible", timeout=15_000)
    assert "Weet u zeker dat u dit document wilt verwijderen?" in page.inner_text("#tw-verwijder-vraag")
    shot(page, "08-beheer-verwijderen-bevestigen")

    page.click("#tw-verwijderen-annuleren")  # changes her mind: nothing goes
    page.wait_for_selector("#tw-verwijder-bevestiging", state="hidden", timeout=15_000)
    assert "zonnedal-jongeren-concept" in page.inner_text("#tw-documenten")

    page.click("#tw-verwijderen")
    page.click("#tw-verwijderen-bevestigen")
    page.wait_for_function(
        "document.querySelector('#tw-resultaat').innerText.includes('verwijderd')", timeout=ANSWER_TIMEOUT)
    assert "zonnedal-jongeren-concept" not in page.inner_text("#tw-documenten")
    assert not (site["work"] / "uploads" / "Zonnedal-jongeren-concept.pdf").exists()
    assert page.locator("#tw-verwijder-bevestiging").is_hidden()
    shot(page, "09-beheer-verwijderd")


def test_editor_indexes_everything_again_only_after_confirming_and_sees_each_file(site):
    # it started at once, and showed an empty table afterwards (helper-65)
    page = site["page"]
    page.get_by_role("tab", name="Beheer").click()
    page.click("#tw-herindexeer")
    page.wait_for_selector("#tw-herindexeer-vraag", state="visible", timeout=15_000)
    assert "Weet u zeker dat u alles opnieuw wilt indexeren?" in page.inner_text("#tw-herindexeer-vraag")
    shot(page, "09b-beheer-herindexeren-bevestigen")

    page.click("#tw-herindexeer-annuleren")
    page.wait_for_selector("#tw-herindexeer-bevestiging", state="hidden", timeout=15_000)
    assert "opnieuw ingelezen" not in page.inner_text("#tw-resultaat")

    page.click("#tw-herindexeer")
    page.click("#tw-herindexeer-bevestigen")
    page.wait_for_function(
        "document.querySelector('#tw-resultaat').innerText.includes('opnieuw ingelezen')", timeout=ANSWER_TIMEOUT)
    assert "testnotitie-kwartelveen.txt" in page.inner_text("#tw-resultaat")
    assert page.locator("#tw-herindexeer-bevestiging").is_hidden()
    shot(page, "09c-beheer-herindexeerd")


@pytest.mark.parametrize("doc_id", ["bestaat-niet", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd"])
def test_only_indexed_documents_are_served(site, doc_id):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{site['url']}bron/{doc_id}")
    assert refused.value.code == 404


def test_a_document_ingested_from_the_command_line_shows_up_in_the_filters_without_a_reload(site, embedder):
    # helper-61: "Regio" and "Alleen in" listed a document added with `thuiswijzer ingest` only after a reload
    from index.writer import IndexWriter

    page = site["page"]
    page.get_by_role("tab", name="Vragen").click()
    note = site["work"] / "cli" / "nota-heidebroek.md"
    note.parent.mkdir(exist_ok=True)
    note.write_text("---\ntitle: Woonnota Heidebroek\ntype: overig\nregion: Heidebroek\n---\n\n# Woonnota\n\n"
                    "Heidebroek bouwt twaalf woningen voor jongeren die de jeugdzorg verlaten.\n", encoding="utf-8")
    IndexWriter(site["work"] / "index", embedder).ingest([note])

    def listed(field: str, name: str) -> bool:
        page.locator(f"{field} input").first.click()
        found = page.get_by_role("option", name=name).count() > 0
        page.keyboard.press("Escape")
        page.locator(f"{field} input").first.blur()  # a focused dropdown does not open again on a click
        return found

    for _ in range(60):  # the page's timer reads the library every LIBRARY_POLL_SECONDS
        if listed("#tw-filter-region", "Heidebroek"):
            break
        page.wait_for_timeout(1_000)
    assert listed("#tw-filter-region", "Heidebroek")
    assert listed("#tw-filter-document", "Woonnota Heidebroek")
    shot(page, "10-filters-na-cli-ingest")
