"""Careless and hostile use of the real server on loopback: long questions, guessed passwords,
what the server shows to anyone. Every test drives HTTP as the page (or a script) would;
requests are few and every wait is bounded.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from app_login import hash_password
from live_server import EventFailed, Page, start_server

pytestmark = pytest.mark.slow  # a real server per test module: seconds, not milliseconds


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("server")
    running = start_server(work, editor_credentials=f"anna:{hash_password('paard-batterij')},bert:geheim",
                           max_question_chars=300, login_limit_per_client="1000/minute")
    yield running
    running.close()


@pytest.fixture()
def page(server):
    opened = Page(server.url)
    yield opened
    opened.close()


def chat_text(outputs) -> str:
    """The last chat message's text, as the page receives it."""
    return "".join(part["text"] for part in outputs[0][-1]["content"] if part["type"] == "text")


# -- 1. long questions -------------------------------------------------------------------------
def test_a_pasted_report_as_a_question_is_refused_in_dutch_and_the_next_question_is_answered(page):
    pasted = "De regio maakt afspraken over wonen en zorg. " * 50_000  # 2.2 MB through the public API

    refusal = chat_text(page.call("respond", pasted, None, "", "", "", []))
    answer = chat_text(page.call("respond", "Hoeveel woningen bouwt Zonnedal?", None, "", "", "", []))

    assert refusal.startswith("Uw vraag is 2249999 tekens lang; het maximum is 300.")
    assert "veertig tijdelijke woningen" in answer


def test_the_question_box_holds_no_more_than_the_cap(page):
    box = next(c for c in page.config["components"] if c.get("props", {}).get("elem_id") == "tw-vraag")
    assert box["props"]["max_length"] == 300


# -- 2. guessing passwords ---------------------------------------------------------------------
def login(url: str, name: str, password: str) -> str:
    """One login from a fresh page; the status line it shows."""
    page = Page(url)
    try:
        outputs = page.call("login", name, password)
    finally:
        page.close()
    return outputs[4]


def test_twenty_parallel_guesses_at_one_name_get_five_tries_and_then_even_the_right_password_waits(server, caplog):
    caplog.set_level(logging.INFO, logger="thuiswijzer.login")
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda i: login(server.url, "anna", f"gok-{i}"), range(20)))

    wrong = [s for s in statuses if s == "Onbekende naam of onjuist wachtwoord."]
    braked = [s for s in statuses if s.startswith("Te veel mislukte pogingen om in te loggen.")]
    assert len(wrong) == 5 and len(braked) == 15
    assert login(server.url, "anna", "paard-batterij").startswith("Te veel mislukte pogingen")
    assert login(server.url, "bert", "geheim").startswith("Ingelogd als **bert**")  # another name is not held up

    lines = [r.getMessage() for r in caplog.records if r.name == "thuiswijzer.login"]
    assert sum(line.startswith("login failed: name='anna' client=127.0.0.1") for line in lines) == 5
    assert sum(line.startswith("login refused (too many attempts): name='anna'") for line in lines) == 16
    assert any(line.startswith("login ok: name='bert' client=127.0.0.1") for line in lines)
    assert not any("gok-" in line or "paard" in line or "geheim" in line for line in lines)


def test_an_editor_logs_in_with_a_password_stored_as_an_argon2_hash(tmp_path):
    running = start_server(tmp_path, editor_credentials=f"anna:{hash_password('paard-batterij')}")
    try:
        assert login(running.url, "anna", "paard-batterij").startswith("Ingelogd als **anna**")
        assert login(running.url, "anna", "$argon2id") == "Onbekende naam of onjuist wachtwoord."
    finally:
        running.close()


def test_one_client_trying_many_names_is_held_up_after_its_attempts(tmp_path):
    running = start_server(tmp_path, login_limit_per_client="4/minute")
    try:
        statuses = [login(running.url, f"naam-{i}", "gok") for i in range(6)]
    finally:
        running.close()
    assert statuses[:4] == ["Onbekende naam of onjuist wachtwoord."] * 4
    assert all(s.startswith("Te veel mislukte pogingen") for s in statuses[4:])


def test_the_login_cannot_skip_the_queue_through_the_rest_api(server):
    response = httpx.post(server.url + "gradio_api/run/login", json={"data": ["anna", "gok"]}, timeout=30)
    assert response.status_code == 404


# -- 4. what the server shows ------------------------------------------------------------------
def test_only_the_question_endpoint_is_listed_for_api_clients(server):
    info = httpx.get(server.url + "gradio_api/info", timeout=30).json()
    assert list(info["named_endpoints"]) == ["/respond"] and not info["unnamed_endpoints"]


@pytest.mark.parametrize("path", ["gradio_api/openapi.json", "openapi.json", "docs", "monitoring",
                                  "monitoring/summary"])
def test_api_descriptions_and_monitoring_are_not_served(server, path):
    assert httpx.get(server.url + path, timeout=30).status_code in (403, 404)


@pytest.mark.parametrize("path", ["", "config", "bron/nota-wonen-zonnedal"])
def test_no_page_may_be_shown_inside_another_sites_frame(server, path):
    response = httpx.get(server.url + path, timeout=30)
    assert response.status_code == 200
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_the_sources_own_sandbox_policy_stays_in_force(server):
    policy = httpx.get(server.url + "bron/nota-wonen-zonnedal", timeout=30).headers["content-security-policy"]
    assert policy.startswith("sandbox; default-src 'none'")


def test_an_anonymous_upload_is_removed_from_the_temp_cache(tmp_path):
    running = start_server(tmp_path, temp_cache_seconds=(1, 1))
    page = Page(running.url)
    junk = tmp_path / "rommel.txt"
    junk.write_text("niet voor de kennisbank", encoding="utf-8")
    try:
        stored = page.upload(junk)["path"]
        first_seen = os.path.exists(stored)
        deadline = time.monotonic() + 20  # the cleanup runs every second here
        while os.path.exists(stored) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert first_seen and not os.path.exists(stored)
    finally:
        page.close()
        running.close()


# -- 5. smaller things --------------------------------------------------------------------------
def test_an_expected_refusal_is_one_log_line_and_no_traceback(page, caplog, capfd):
    caplog.set_level(logging.INFO, logger="thuiswijzer.app")
    with pytest.raises(EventFailed, match="Log eerst in als beheerder"):
        page.call("add_files", [], "", "", "", "", None, "", "")

    assert [r.getMessage() for r in caplog.records if r.name == "thuiswijzer.app"] == [
        "refused: Log eerst in als beheerder."]
    assert "Traceback" not in capfd.readouterr().err


def test_a_file_over_the_editors_limit_hears_the_dutch_reason_and_past_the_transport_limit_is_refused(tmp_path):
    running = start_server(tmp_path, max_file_mb=1)
    page = Page(running.url)
    over = tmp_path / "te-groot.md"
    over.write_bytes(b"# Te groot\n\n" + b"De regio bouwt. " * 100_000)  # 1.5 MB: over the limit of 1 MB
    far_over = tmp_path / "veel-te-groot.md"
    far_over.write_bytes(b"x" * 2_200_000)  # past twice the limit: Gradio refuses it in transport
    try:
        page.call("login", "anna", "geheim")
        rows, _ = page.add_files(over)
        with pytest.raises(EventFailed, match="413"):
            page.upload(far_over)
    finally:
        page.close()
        running.close()
    assert rows[0][1] == "mislukt"
    assert rows[0][3] == ("Het bestand is 1.5 MB; de grens is 1 MB. "
                          "Splits het document of vraag de beheerder de grens te verhogen.")


def test_a_document_added_after_the_page_was_served_can_be_chosen_through_the_api(tmp_path):
    running = start_server(tmp_path / "server")
    editor, officer = Page(running.url), Page(running.url)  # the officer's page was served before the upload
    note = tmp_path / "nachtopvang-kwartelveen.md"
    note.write_text("---\ntitle: Nachtopvang Kwartelveen\nregion: Kwartelveen\n---\n\n"
                    "Kwartelveen opent een nachtopvang met twintig bedden.\n", encoding="utf-8")
    question = "Hoeveel bedden heeft de nachtopvang?"
    try:
        editor.call("login", "anna", "geheim")
        editor.add_files(note)
        in_document = chat_text(officer.call("respond", question, None, "", "", "", ["nachtopvang-kwartelveen"]))
        in_region = chat_text(officer.call("respond", question, None, "", "Kwartelveen", "", []))
        gone = chat_text(officer.call("respond", question, None, "", "", "", ["nachtopvang-elders"]))
        no_region = chat_text(officer.call("respond", question, None, "", "Atlantis", "", []))
        no_date = chat_text(officer.call("respond", question, None, "", "", "vorig jaar", []))
        no_type = chat_text(officer.call("respond", question, None, "roman", "", "", []))
    finally:
        editor.close()
        officer.close()
        running.close()
    assert "twintig bedden" in in_document and "twintig bedden" in in_region
    assert gone.startswith("Niet (meer) in de kennisbank: nachtopvang-elders.")
    assert no_region.startswith("De regio ‘Atlantis’ komt in de kennisbank niet voor.")
    assert no_date == "‘Niet ouder dan’ verwacht een datum zoals 2024-01-01, niet ‘vorig jaar’."
    assert no_type == "Onbekend documenttype ‘roman’. Kies uit: regelgeving, handreiking, regioprofiel, praktijkvoorbeeld, overig."
