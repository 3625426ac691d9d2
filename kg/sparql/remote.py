"""HTTP to SPARQL endpoints and graph stores: one client setup, one way to report failure.

Passwords only ever come from the environment and travel in the Authorization header;
messages name URLs without their user information, so no secret reaches a log.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from kg.base.errors import EndpointError, one_line

__all__ = ["EndpointError", "basic_auth", "http_client", "redact", "send"]


def redact(url: str) -> str:
    """``url`` without any user name or password in it.

    >>> redact("http://admin:secret@localhost:3030/ds/data?graph=x")
    'http://localhost:3030/ds/data?graph=x'
    """
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def basic_auth(user: str | None, password_env: str | None) -> tuple[str, str] | None:
    """HTTP basic credentials: ``user`` and the password held in environment variable
    ``password_env`` (never a command-line argument, so it stays out of ``ps`` and logs)."""
    if user is None:
        return None
    password = os.environ.get(password_env) if password_env else ""
    if password is None:
        raise EndpointError(f"environment variable {password_env} (from --password-env) is not set")
    return user, password


def http_client(auth: tuple[str, str] | None = None, timeout: float = 60.0):
    """An httpx client for one batch of requests (closed by its ``with`` block)."""
    import httpx

    return httpx.Client(auth=auth, timeout=httpx.Timeout(timeout, connect=10.0))


def send(client, method: str, url: str, *, what: str, **kwargs):
    """Make one request; a network failure or an HTTP error becomes one-line EndpointError."""
    import httpx

    try:
        response = client.request(method, url, **kwargs)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        reason = one_line(exc) or type(exc).__name__
        raise EndpointError(f"{what}: cannot reach {redact(url)}: {reason}") from None
    if response.is_error:
        lines = [line.strip() for line in response.text.splitlines() if line.strip()]
        detail = f": {one_line(lines[0], 200)}" if lines else ""
        raise EndpointError(
            f"{what}: {redact(url)} answered HTTP {response.status_code} "
            f"{response.reason_phrase}{detail}"
        )
    return response
