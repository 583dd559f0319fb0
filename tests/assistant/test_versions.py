"""The same article in the library's other texts of a law, for a question about what changed
(assistant/versions.py), and how the answer shows the texts side by side (compose.law_editions)."""

from __future__ import annotations

from assistant.compose import compose
from assistant.sentences import names_document, question_terms
from assistant.versions import (article, article_of, as_asked_of_the_bill, asks_about_change,
                               asks_about_earlier_text_only, asks_about_other_text, law_id, missing_laws, named_laws,
                               text_of_year, with_other_versions)
from index.models import DocumentRecord, Filters, Hit
from ingest.models import Chunk, Metadata

# article 12 lid 1 of the Huisvestingswet 2014, as it read at first and as it reads from 1 July 2026
ORIGINAL = ("1. In de huisvestingsverordening kan de gemeenteraad bepalen dat voor een of meer daarbij aangewezen "
            "categorieën woonruimte bij het verlenen van huisvestingsvergunningen voorrang wordt gegeven aan "
            "woningzoekenden waarvoor de voorziening in de behoefte aan woonruimte dringend noodzakelijk is.")
NOW = ORIGINAL.replace("1. In de huisvestingsverordening kan de gemeenteraad bepalen",
                       "1 In de huisvestingsverordening bepaalt de gemeenteraad")
QUESTION = "Is een urgentieregeling in de huisvestingsverordening nu verplicht, en was dat in de oorspronkelijke wet ook zo?"


def law_hit(doc_id: str, title: str, date: str, text: str, section: str, source_url: str | None = None,
            type: str = "regelgeving") -> Hit:
    document = DocumentRecord(doc_id, f"/tmp/{doc_id}.md",
                              Metadata(title=title, type=type, date=date, source_url=source_url), "h", 1, None,
                              "2026-11-24")
    return Hit(Chunk(doc_id, 0, text, 0, len(text), None, None, section), document, 1.0, 0.9, 1.0)


def library_of_two_texts() -> tuple[Hit, Hit, "Library"]:
    now = law_hit("huisvestingswet-2026", "Huisvestingswet 2014", "2026-07-01", NOW, "Artikel 12",
                  "https://wetten.overheid.nl/BWBR0035303/2026-07-01")
    original = law_hit("huisvestingswet-lawsmd", "BWBR0035303 huisvestingswet 2014 lawsmd 2015", "2014-06-04",
                       ORIGINAL, "Hoofdstuk 2 › Artikel 12")
    other_article = law_hit("huisvestingswet-lawsmd", "BWBR0035303 huisvestingswet 2014 lawsmd 2015", "2014-06-04",
                            "1. Burgemeester en wethouders beslissen over de indeling in urgentiecategorieën.",
                            "Hoofdstuk 2 › Artikel 13")
    other_law = law_hit("woningwet", "BWBR0005181 woningwet", "2015-07-01",
                        "1. De gemeenteraad kan bepalen dat de toegelaten instelling voorrang geeft.", "Artikel 12")
    return now, original, Library(now, original, other_article, other_law)


class Library:
    """The documents and passages of a few texts, as `index.searcher.Index` lists them."""

    def __init__(self, *hits: Hit):
        self.hits = hits

    def documents(self) -> list[DocumentRecord]:
        return list({h.document.doc_id: h.document for h in self.hits}.values())

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [h.chunk for h in self.hits if h.document.doc_id == doc_id]


def test_a_question_about_what_changed_gets_the_same_article_from_the_other_text_of_the_law():
    now, original, library = library_of_two_texts()

    read = with_other_versions([now], library, QUESTION, {})

    assert [(h.document.doc_id, h.chunk.section) for h in read] == [
        ("huisvestingswet-2026", "Artikel 12"), ("huisvestingswet-lawsmd", "Hoofdstuk 2 › Artikel 12")]


def test_a_question_about_the_law_as_it_is_fetches_no_other_text():
    now, _, library = library_of_two_texts()

    assert with_other_versions([now], library, "Moet een gemeente een urgentieregeling hebben?", {}) == [now]
    # the officer who keeps to texts of 2026 gets none of 2014
    assert with_other_versions([now], library, QUESTION, {}, Filters.of(since="2026-01-01")) == [now]


def test_a_law_is_known_by_its_bwb_identifier_in_its_address_title_or_id():
    now, original, library = library_of_two_texts()

    assert law_id(now.document) == law_id(original.document) == "BWBR0035303"
    assert law_id(law_hit("utrecht", "Beleidsnota Wonen", "2025-01-01", "…", "Wonen").document) is None
    assert asks_about_change("Wat is er veranderd tussen de oude en de nieuwe Huisvestingswet?")
    assert not asks_about_change("Welke groepen horen in de urgentieregeling?")
    # the original text alone is a question about that text, not about what changed
    assert not asks_about_change("Welke groepen moesten in de oorspronkelijke Huisvestingswet 2014 urgentie krijgen?")
    assert asks_about_other_text("Welke groepen moesten in de oorspronkelijke Huisvestingswet 2014 urgentie krijgen?")


def test_an_officer_asking_whether_it_was_so_in_the_original_law_reads_both_texts_newest_first():
    now, original, library = library_of_two_texts()

    body = compose(QUESTION, with_other_versions([now], library, QUESTION, {}), {}).text

    # the text of today answers first; the original text follows under its own name and date
    assert body.index("bepaalt de gemeenteraad dat voor") < body.index("**BWBR0035303 huisvestingswet 2014 lawsmd 2015 "
                                                                       "(4 juni 2014)**") < body.index("kan de gemeenteraad bepalen")
    assert "_Let op: deze bronnen zijn van verschillende datum." in body


def test_an_officer_asking_what_the_original_law_said_reads_the_original_text_first():
    # helper-45: "Welke groepen moesten volgens de oorspronkelijke Huisvestingswet 2014 …?" opened with
    # Kamervragen of 2024 and the text of 2026; the original text of the article came last
    asked = "Mocht de gemeenteraad in de oorspronkelijke Huisvestingswet 2014 bepalen dat urgent woningzoekenden voorrang krijgen?"
    now, original, library = library_of_two_texts()

    body = compose(asked, with_other_versions([now], library, asked, {}), {}).text

    assert body.startswith("Lid 1: In de huisvestingsverordening kan de gemeenteraad bepalen"), body
    assert asks_about_earlier_text_only(asked)
    # asked about today as well, or about what changed, the text of today answers first
    assert not asks_about_earlier_text_only(QUESTION)
    assert not asks_about_earlier_text_only("Wat is er veranderd tussen de oude en de nieuwe Huisvestingswet?")
    assert not asks_about_earlier_text_only("Wat is het verschil tussen de oorspronkelijke urgentieregeling in de "
                                            "Huisvestingswet 2014 en de tekst vanaf 1 juli 2026?")


def test_a_summary_that_links_to_the_law_is_no_other_text_of_it():
    now, _, _ = library_of_two_texts()
    for date in ("2026-07-01", "2025-01-01"):  # of the law's date or another
        summary = law_hit("samenvatting", "Urgentieregeling (artikel 12 Huisvestingswet 2014) – samenvatting", date,
                          "De raad bepaalt in de verordening dat urgent woningzoekenden voorrang krijgen.",
                          "Wat is er veranderd?", "https://wetten.overheid.nl/BWBR0035303/2026-07-01")

        body = compose(QUESTION, [now, summary], {}).text

        assert "**" not in body.split("**Bronnen**")[0].replace("**Verder in de bronnen**", ""), date


def test_the_texts_shown_side_by_side_are_those_of_the_law_the_best_point_comes_from():
    now, original, _ = library_of_two_texts()
    # a stray law with two texts lower down does not take the answer over
    stray = [law_hit(f"participatiewet-{year}", f"Participatiewet {year}", f"{year}-01-01",
                     "1. Het college verleent bijstand aan jongeren die een urgentie hebben.", "Artikel 12",
                     "https://wetten.overheid.nl/BWBR0015703/") for year in (2015, 2025)]

    body = compose(QUESTION, [now, *stray], {}).text

    assert "**Participatiewet" not in body


def test_articles_are_known_by_their_whole_number_and_a_change_word_alone_asks_nothing_of_a_law():
    assert article_of("Hoofdstuk 2 › Artikel 2.3.5") == "2.3.5"
    assert article_of("Artikel 2.3.6 Bijdragen") == "2.3.6"
    assert article_of("Huisvestingswet 2014 › Artikel 12 › Lid 3") == "12"
    assert article_of("Bijlage › Huisvesting urgente doelgroepen") is None
    assert not asks_about_other_text("Kan een huisvestingsvergunning vervallen?")
    assert not asks_about_other_text("Wat gebeurt er als mijn inkomen is gewijzigd?")
    assert asks_about_change("Wat is er sinds 2015 gewijzigd in de Huisvestingswet?")
    assert not asks_about_change("Wilt u de Kamer betrekken bij het doorvoeren van wijzigingen in deze regeling?")
    assert asks_about_other_text("Wat stond er in de oude Huisvestingswet over urgentie?")


def test_the_old_and_the_new_law_are_two_texts_not_two_words_the_answer_must_name():
    now, _, library = library_of_two_texts()
    question = "Wat is er veranderd aan de voorrang bij urgentie tussen de oude en de nieuwe Huisvestingswet?"

    body = compose(question, with_other_versions([now], library, question, {}), {}).text

    # a direct answer first, from the text of today, though no sentence says "oude" or "nieuwe"
    assert body.startswith("Lid 1: In de huisvestingsverordening bepaalt de gemeenteraad")
    assert "**BWBR0035303 huisvestingswet 2014 lawsmd 2015 (4 juni 2014)**" in body
    # also where the library holds one text of the law
    assert compose(question, [now], {}).text.startswith("Lid 1: In de huisvestingsverordening bepaalt de gemeenteraad")


def test_a_question_names_a_law_by_its_word_or_its_initials_not_by_a_policy_or_a_bare_wet():
    documents = [law_hit(doc_id, title, "2015-01-01", "tekst", "Artikel 1", type=type).document
                 for doc_id, title, type in (
                     # titled by their citeertitel, as the BWB XML of wetten.overheid.nl gives them: "Wmo"
                     # stands in the id only, and "Wet" opens the title of the Wmo as of the Wet betaalbare huur
                     ("bwbr0015703-participatiewet-lawsmd-2015", "Participatiewet", "regelgeving"),
                     ("bwbr0035362-wmo-2015-lawsmd-2015", "Wet maatschappelijke ondersteuning 2015", "regelgeving"),
                     ("bwbr0035733-uitvoeringsbesluit-wmo-2015-lawsmd", "Uitvoeringsbesluit Wmo 2015", "regelgeving"),
                     ("utrecht-beleidsnota-wonen", "Beleidsnota Wonen in Utrecht", "overig"))]

    def named(question):
        found = named_laws(question, documents)
        return list(found), [d.doc_id for texts in found.values() for d in texts]

    assert named("Wat is extramuralisering in de Participatiewet?") == (
        ["Participatiewet"], ["bwbr0015703-participatiewet-lawsmd-2015"])
    # the law's own text, not the decree that carries out the Wmo
    assert named("Wat verstaat de Wmo onder opvang?") == (["Wmo"], ["bwbr0035362-wmo-2015-lawsmd-2015"])
    assert named("Hoe verhoudt de Participatiewet zich tot de Wmo?")[0] == ["Participatiewet", "Wmo"]
    # initials as officers type them, in lower case; no other short word names a law (helper-50: the
    # Uitvoeringsbesluit's AMHK terms answered "na een wmo melding")
    assert named("Hoe lang mag het onderzoek na een wmo melding duren?") == (
        ["wmo"], ["bwbr0035362-wmo-2015-lawsmd-2015"])
    assert named("Wat doet de gemeente na een melding van een zorg?") == ([], [])
    # a policy note is no law; "Wet" alone names none; a law the library does not hold, or one the
    # question only refers to, is not named
    for question in ("Wat doet Utrecht voor jongeren?", "Hoe werkt de Wet betaalbare huur?", "Wat zegt de Omgevingswet?",
                     "Welke groepen krijgen urgentie, bijvoorbeeld mantelzorgers als bedoeld in de Wmo?"):
        assert named(question) == ([], []), question

    # of those, the library holds no text of the Omgevingswet, nor any about it by name
    assert missing_laws("Wat zegt de Omgevingswet?", documents) == ["Omgevingswet"]
    assert missing_laws("Omgevingswet: wat verandert er voor gemeenten?", documents) == ["Omgevingswet"]
    # nor of the Wet betaalbare huur, named by "Wet" and its words; the Wmo is held by its full name
    assert missing_laws("Hoe werkt de Wet betaalbare huur?", documents) == ["Wet betaalbare huur"]
    assert missing_laws("Wat is de Wet werk en bijstand?", documents) == ["Wet werk en bijstand"]
    assert missing_laws("Geldt de Wet betaalbare huur en de Participatiewet?", documents) == ["Wet betaalbare huur"]
    assert missing_laws("Wat regelt de Wet maatschappelijke ondersteuning voor mantelzorgers?", documents) == []
    # where the name ends is not written: a participle after it is no part of it
    assert missing_laws("Wordt de Wet betaalbare huur geëvalueerd?", documents) == ["Wet betaalbare huur"]
    wbh = law_hit("stb-2024-193", "Wet betaalbare huur", "2024-06-26", "tekst", "Artikel I").document
    assert missing_laws("Wordt de Wet betaalbare huur geëvalueerd?", documents + [wbh]) == []
    # a question word after a label is no law's initials ("Vraag: Welke …", as "Wmo" would be)
    assert named("Urgentie: Welke groepen krijgen voorrang?") == ([], [])
    # a kind of law is no law's name
    for question in ("Wat is extramuralisering in de Participatiewet?", "Wat verstaat de Wmo onder opvang?",
                     "Welke woningen vallen onder een omgevingsplan als bedoeld in de Omgevingswet?",
                     "Wat is een kaderwet?", "Is de Participatiewet een Kaderwet?", "Wat doet een wijzigingswet?"):
        assert missing_laws(question, documents) == [], question


def test_a_question_names_a_text_by_every_word_of_the_name_it_gives_itself():
    # the file says "BWBR0035362 wmo 2015 lawsmd 2015"; the law calls itself the Wet maatschappelijke
    # ondersteuning 2015, and an officer who writes that out names it
    wmo = DocumentRecord("bwbr0035362-wmo", "/tmp/wmo.md",
                         Metadata(title="BWBR0035362 wmo 2015 lawsmd 2015", type="regelgeving",
                                  display_title="Wet maatschappelijke ondersteuning 2015"), "h", 1, None, "2026-12-04")
    decree = DocumentRecord("stb-2024-194", "/tmp/stb-2024-194.pdf",
                            Metadata(title="Stb 2024 194", type="regelgeving", display_title="Besluit betaalbare huur"),
                            "h", 1, None, "2026-12-04")

    def named(question: str, document: DocumentRecord) -> bool:
        return names_document(set(question_terms(question)), document)

    assert named("Wat zegt de Wet maatschappelijke ondersteuning over opvang?", wmo)
    assert not named("Wat zegt de wet over maatschappelijke opvang?", wmo)
    # the Wet betaalbare huur is not the Besluit betaalbare huur
    assert not named("Wat regelt de Wet betaalbare huur?", decree)
    assert named("Wat regelt het Besluit betaalbare huur?", decree)


def test_a_question_names_a_law_by_the_words_of_its_citeertitel_where_its_file_name_does_not():
    def law(doc_id: str, title: str, shown: str, type: str = "regelgeving") -> DocumentRecord:
        return DocumentRecord(doc_id, f"/tmp/{doc_id}", Metadata(title=title, type=type, display_title=shown),
                              "h", 1, None, "2026-12-04")

    wmo = law("bwbr0035362-wmo-2015-lawsmd-2015", "BWBR0035362 wmo 2015 lawsmd 2015",
              "Wet maatschappelijke ondersteuning 2015")
    wet = law("stb-2024-193", "Stb 2024 193", "Wet betaalbare huur")
    besluit = law("stb-2024-194", "Stb 2024 194", "Besluit betaalbare huur")
    documents = [wmo, wet, besluit]

    def named(question):
        found = named_laws(question, documents)
        return list(found), [d.doc_id for texts in found.values() for d in texts]

    assert named("Wat zegt de Wet maatschappelijke ondersteuning 2015 over beschermd wonen?") == (
        ["Wet maatschappelijke ondersteuning 2015"], [wmo.doc_id])
    # without its year, in another case
    assert named("Wat regelt de wet maatschappelijke ondersteuning over opvang?")[1] == [wmo.doc_id]
    assert named("Wat regelt de Wet betaalbare huur over het puntenaantal?") == (["Wet betaalbare huur"], [wet.doc_id])
    # in the order the question names them
    assert named("Wat is het verschil tussen het Besluit betaalbare huur en de Wet betaalbare huur?")[0] == [
        "Besluit betaalbare huur", "Wet betaalbare huur"]
    # the name may open the question
    assert named("Wet betaalbare huur: geldt die ook voor kamers?") == (["Wet betaalbare huur"], [wet.doc_id])
    # a law the question only refers to or dates by, another year, a name of which a word is missing
    for question in ("Welke groepen, bijvoorbeeld mantelzorgers als bedoeld in de Wet maatschappelijke ondersteuning?",
                     "Mag een verhuurder sinds de Wet betaalbare huur meer vragen dan het puntenaantal toestaat?",
                     "Hoeveel punten krijgt een kamer na invoering van de Wet betaalbare huur?",
                     "Wat zei de Wet maatschappelijke ondersteuning 2007 over opvang?",
                     "Wat regelt de Wet huur?", "Hoe werkt de betaalbare huur?"):
        assert named(question) == ([], []), question
    # a text that is no law
    memo = law("memo", "Memo", "Wet betaalbare huur", "overig")
    assert named_laws("Wat regelt de Wet betaalbare huur?", [memo]) == {}
    # and the notice writes "het Besluit", "de Wet"
    assert (article("Besluit betaalbare huur"), article("Uitvoeringsbesluit Wmo 2015"), article("Wet betaalbare huur"),
            article("Wmo")) == ("het", "het", "de", "de")


def test_an_officer_who_names_the_year_of_a_law_gets_the_text_of_that_year_searched_and_is_told():
    def text(doc_id: str, title: str, date: str) -> DocumentRecord:
        # the text of 2015 is titled by its file name; officers see the law's citeertitel
        return DocumentRecord(doc_id, f"/tmp/{doc_id}", Metadata(title=title, type="regelgeving", date=date,
                                                                 display_title="Huisvestingswet 2014"),
                              "h", 1, None, "2026-12-08")

    of_2015 = text("bwbr0035303-huisvestingswet-2014-lawsmd-2015", "BWBR0035303 huisvestingswet 2014 lawsmd 2015",
                   "2014-06-04")
    of_2026 = text("bwbr0035303-huisvestingswet-2014-2026-07-01", "Huisvestingswet 2014", "2026-07-01")
    wmo = DocumentRecord("bwbr0035362-wmo-2015", "/tmp/wmo", Metadata(title="Wet maatschappelijke ondersteuning 2015",
                                                                     type="regelgeving", date="2014-07-09"),
                         "h", 1, None, "2026-12-08")
    documents = [of_2015, of_2026, wmo]

    def dated(question: str, query: str | None = None) -> str | None:
        found = text_of_year(question, query or question, documents)
        return found and found.text.doc_id

    question = "Welke groepen moeten volgens de Huisvestingswet 2015 in ieder geval in de urgentieregeling?"
    assert dated(question) == of_2015.doc_id
    # the newest text from that year or before
    assert dated("Wat regelde de Huisvestingswet in 2020 over de huisvestingsverordening?") == of_2015.doc_id
    assert dated("Welke groepen noemt de Huisvestingswet van 2026?") == of_2026.doc_id
    # a follow-up's own year, the law carried by the query
    assert dated("En in de tekst van 2026?", f"In de tekst van 2026 ({question})") == of_2026.doc_id
    # the year of the law's own name, two years, what changed, no text that old, a law with one text
    for question in ("Welke groepen noemt de Huisvestingswet 2014?",
                     "Welke groepen noemde de Huisvestingswet in 2015 en welke in 2026?",
                     "Wat is er sinds 2015 veranderd aan de Huisvestingswet?",
                     "Wat regelde de Huisvestingswet in 2010?",
                     "Wat regelt de Wmo in 2025 over beschermd wonen?"):
        assert dated(question) is None, question
    found = text_of_year("Wat zegt de Huisvestingswet 2015 over urgentie?",
                         "Wat zegt de Huisvestingswet 2015 over urgentie?", documents)
    assert found.notice() == ("_U noemt 2015: van de Huisvestingswet is alleen de tekst van 4 juni 2014 doorzocht, de "
                              "nieuwste uit 2015 of eerder in de kennisbank; de tekst van 1 juli 2026 is weggelaten._")
    # the text of 2026 is the law as it reads now: nothing to tell
    assert text_of_year("Welke groepen noemt de Huisvestingswet van 2026?", "Welke groepen noemt de Huisvestingswet van "
                        "2026?", documents).notice() == ""


def test_a_law_known_only_from_its_memorie_van_toelichting_is_asked_of_that_paper_by_its_short_title():
    mvt = law_hit("kst-34468-3", "Wijziging van de Huisvestingswet 2014, de Woningwet en enkele andere wetten (Veegwet "
                  "wonen) — Memorie van toelichting", "2016-01-01", "Per 1 juli 2015 …", "ALGEMEEN DEEL",
                  type="overig").document
    besluit = law_hit("stb-2024-195", "Besluit 26 juni 2024 tot wijziging van het Besluit huurprijzen woonruimte "
                      "(modernisering van het waarderingsstelsel voor onzelfstandige woonruimte)", "2024-06-26",
                      "…", "Artikel I").document
    woningwet = law_hit("bwbr0005181-woningwet", "Woningwet", "1991-08-29", "…", "Artikel 1").document
    documents = [mvt, besluit, woningwet]

    assert as_asked_of_the_bill("Wat is de Veegwet wonen?", documents) == ([mvt], "Wat is deze wet?")
    assert as_asked_of_the_bill("Wat houdt de veegwet wonen in?", documents) == ([mvt], "Wat houdt deze wet in?")
    # a parenthesis that names no law is no short title; a law the library holds a text of is asked of that text
    assert as_asked_of_the_bill("Wat is de modernisering van het waarderingsstelsel?", documents) == (
        [], "Wat is de modernisering van het waarderingsstelsel?")
    assert as_asked_of_the_bill("Wat regelt de Woningwet?", documents) == ([], "Wat regelt de Woningwet?")
