"""Who may edit, without a server: the editors from the environment and the editors' file,
plain passwords and argon2 hashes side by side, and the brake's Dutch message."""

from __future__ import annotations

from app_login import LoginGuard, LoginResult, hash_password, parse_credentials, read_editors


def test_credentials_are_parsed_and_malformed_pairs_ignored():
    assert parse_credentials(" anna:geheim , bert:pa:ss,zonderwachtwoord, :leeg") == {"anna": "geheim", "bert": "pa:ss"}
    assert parse_credentials(None) == {}


def test_an_argon2_hash_keeps_its_own_commas_between_other_editors():
    stored = hash_password("paard-batterij")
    assert "," in stored  # "m=65536,t=3,p=4"
    assert parse_credentials(f"anna:{stored},bert:geheim,carla:{stored}") == {
        "anna": stored, "bert": "geheim", "carla": stored}


def test_the_editors_file_holds_one_pair_per_line_and_wins_over_the_environment(tmp_path):
    stored = hash_password("paard-batterij")
    editors_file = tmp_path / "editors"
    editors_file.write_text(f"# beheerders van Thuiswijzer\nanna:{stored}\n\n  bert:nieuw  \n", encoding="utf-8")

    editors = read_editors("bert:oud,carla:geheim", editors_file)

    assert editors == {"anna": stored, "bert": "nieuw", "carla": "geheim"}
    guard = LoginGuard(editors)
    assert guard.verify("anna", "paard-batterij") and guard.verify("bert", "nieuw") and guard.verify("carla", "geheim")
    assert not guard.verify("bert", "oud") and not guard.verify("anna", stored)


def test_the_brake_says_how_long_to_wait_in_seconds_or_minutes():
    assert LoginResult(False, 42).message() == "Te veel mislukte pogingen om in te loggen. Probeer het over 42 seconden opnieuw."
    assert LoginResult(False, 1800).message().endswith("Probeer het over 30 minuten opnieuw.")
    assert LoginResult(False).message() == "Onbekende naam of onjuist wachtwoord."


def test_an_editor_logging_in_again_and_again_is_never_braked_but_guessing_from_that_client_is():
    # helper-65 logged in and out 23 times in 40 minutes, with 8 typos among them, and was locked out for 33
    # minutes with "Te veel mislukte pogingen": every correct login had counted as an attempt of the client
    guard = LoginGuard({"anna": "geheim"}, per_name="5/minute", per_client="10/minute;30/hour")

    assert all(guard.attempt("anna", "geheim", "kantoor").ok for _ in range(40))
    for guess in range(10):
        assert guard.attempt(f"naam{guess}", "raden", "kantoor").wait_seconds == 0
    refused = guard.attempt("anna", "geheim", "kantoor")
    assert not refused.ok and refused.wait_seconds > 0  # ten failures use the client's minute, correct or not
    assert guard.attempt("anna", "geheim", "thuis").ok  # another client has its own budget
