"""Who may edit: the editors' passwords (plain or argon2 hashes), a brake on guessing per name
and per client, and a log line for every login attempt (never the password).

Editors come from `THUISWIJZER_EDITORS` ("naam:wachtwoord,…") and/or the file named by
`THUISWIJZER_EDITORS_FILE` (one "naam:wachtwoord" per line). A password may be stored as an
argon2 hash (`thuiswijzer hash-password` makes one); plain passwords still work.

The brake counts failed attempts in moving windows (the `limits` library): once a name or a
client has used its attempts, further attempts are refused without checking the password until
the window has moved on. A successful login uses none, and clears the name's count: an office
behind one proxy shares its client's budget (docs/security.md), and its editors' logins should not
use it up (helper-65 was locked out for 33 minutes after 23 correct logins). Attempts are checked
one at a time, so no guess slips past the count while another is being checked.
"""

from __future__ import annotations

import hmac
import logging
import math
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger("thuiswijzer.login")

HASH_PREFIX = "$argon2"
_HASHER = PasswordHasher()
# checked for an unknown name, so an unknown name costs as much time as a known one
_UNKNOWN_NAME_HASH = _HASHER.hash("onbekende-naam")


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (salted; each call gives a different string)."""
    return _HASHER.hash(password)


def parse_credentials(spec: str | None) -> dict[str, str]:
    """"naam:wachtwoord,naam2:$argon2id$…" → {naam: wachtwoord-of-hash}; malformed pairs are ignored.

    An argon2 hash holds commas itself ("m=65536,t=3,p=4"): a piece without a colon after a
    hash belongs to that hash.
    """
    pairs: list[str] = []
    for piece in (spec or "").split(","):
        if pairs and ":" not in piece and pairs[-1].partition(":")[2].startswith(HASH_PREFIX):
            pairs[-1] += "," + piece
        else:
            pairs.append(piece)
    editors: dict[str, str] = {}
    for pair in pairs:
        name, colon, password = pair.strip().partition(":")
        if colon and name.strip() and password:
            editors[name.strip()] = password
    return editors


def read_editors(spec: str | None, path: Path | None) -> dict[str, str]:
    """The editors from the environment string and from the editors' file (one pair per line, # comments)."""
    editors = parse_credentials(spec)
    if path is not None:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        editors.update(parse_credentials(",".join(
            line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))))
    return editors


@dataclass
class LoginResult:
    ok: bool
    wait_seconds: int = 0  # > 0: refused by the brake, without looking at the password

    def message(self) -> str:
        if self.ok:
            return ""
        if self.wait_seconds:
            minutes = math.ceil(self.wait_seconds / 60)
            when = f"{self.wait_seconds} seconden" if self.wait_seconds < 120 else f"{minutes} minuten"
            return f"Te veel mislukte pogingen om in te loggen. Probeer het over {when} opnieuw."
        return "Onbekende naam of onjuist wachtwoord."


class LoginGuard:
    """Checks a name and password against the editors, behind the per-name and per-client brake."""

    def __init__(self, editors: dict[str, str], per_name: str = "5/minute", per_client: str = "10/minute;30/hour"):
        self.editors = editors
        self.per_name: list[RateLimitItem] = parse_many(per_name)
        self.per_client: list[RateLimitItem] = parse_many(per_client)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._one_at_a_time = threading.Lock()

    def attempt(self, name: str, password: str, client: str) -> LoginResult:
        name, password = (name or "").strip(), password or ""
        with self._one_at_a_time:
            return self._attempt(name, password, client)

    def _attempt(self, name: str, password: str, client: str) -> LoginResult:
        wait = self._wait(name, client)
        if wait:
            log.warning("login refused (too many attempts): name=%r client=%s wait=%ss", name, client, wait)
            return LoginResult(False, wait)
        if not self.verify(name, password):
            log.warning("login failed: name=%r client=%s", name, client)
            self._count_failure(name, client)
            return LoginResult(False)
        for limit in self.per_name:
            self._limiter.clear(limit, "name", name)
        log.info("login ok: name=%r client=%s", name, client)
        return LoginResult(True)

    def verify(self, name: str, password: str) -> bool:
        """The password check itself: constant-time over names, argon2 or constant-time for the secret."""
        stored = None
        for known, secret in self.editors.items():
            if hmac.compare_digest(name.encode(), known.encode()):
                stored = secret
        if stored is None:
            _check_hash(_UNKNOWN_NAME_HASH, password)
            return False
        if stored.startswith(HASH_PREFIX):
            return _check_hash(stored, password)
        return hmac.compare_digest(password.encode(), stored.encode())

    def _windows(self, name: str, client: str) -> list[tuple[RateLimitItem, tuple[str, str]]]:
        keyed = ((self.per_name, ("name", name)), (self.per_client, ("client", client)))
        return [(limit, key) for limits, key in keyed for limit in limits]

    def _wait(self, name: str, client: str) -> int:
        """The seconds to wait when the name or the client has used its failed attempts, else 0."""
        for limit, key in self._windows(name, client):
            if not self._limiter.test(limit, *key):
                reset = self._limiter.get_window_stats(limit, *key).reset_time
                return max(1, math.ceil(reset - time.time()))
        return 0

    def _count_failure(self, name: str, client: str) -> None:
        for limit, key in self._windows(name, client):
            self._limiter.hit(limit, *key)


def _check_hash(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
