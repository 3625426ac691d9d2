"""HTTP to SPARQL endpoints and graph stores: one client setup, one way to report failure.

Passwords only ever come from the environment and travel in the Authorization header;
messages name URLs without their user information, so no secret reaches a log.

Credentials go as HTTP Basic, sent with the first request; a server that answers 401 with
a ``Digest`` challenge (Virtuoso's ``/sparql-graph-crud-auth``) gets HTTP Digest instead
(httpx.DigestAuth), for that request and every later one to the same host and port.
"""

from __future__ import annotations

import base64
import os
from functools import cache
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


# (user, password, scheme, host, port) -> the httpx.DigestAuth that talks to that origin,
# kept for the process so its nonce is reused and no later request is refused first
_DIGEST: dict[tuple, object] = {}


@cache
def _basic_or_digest():
    """The httpx.Auth class of nnkg's credentials (defined on first use: httpx loads late)."""
    import httpx

    class BasicOrDigest(httpx.Auth):
        """HTTP Basic, or Digest once the origin has asked for it with a 401 challenge."""

        requires_request_body = True  # the body may be sent again after a challenge

        def __init__(self, user: str, password: str) -> None:
            self._user, self._password = user, password
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            self._basic = f"Basic {token}"

        def auth_flow(self, request):
            url = request.url
            origin = (self._user, self._password, url.scheme, url.host, url.port)
            digest = _DIGEST.get(origin)
            if digest is None:
                request.headers["Authorization"] = self._basic
                response = yield request
                if response.status_code != 401:
                    return
                if "www-authenticate" not in response.headers:
                    # Virtuoso refuses Basic with a bare 401: ask again without credentials
                    # to hear which scheme it wants
                    del request.headers["Authorization"]
                    response = yield request
                if response.status_code != 401 or not _challenge_is_digest(response):
                    return
                request.headers.pop("Authorization", None)
                digest = _DIGEST.setdefault(origin, httpx.DigestAuth(self._user, self._password))
            yield from digest.auth_flow(request)

    return BasicOrDigest


def _challenge_is_digest(response) -> bool:
    schemes = response.headers.get_list("www-authenticate")
    return any(value.strip().lower().startswith("digest") for value in schemes)


def http_client(auth: tuple[str, str] | None = None, timeout: float = 60.0):
    """An httpx client for one batch of requests (closed by its ``with`` block)."""
    import httpx

    return httpx.Client(
        auth=_basic_or_digest()(*auth) if auth else None,
        timeout=httpx.Timeout(timeout, connect=10.0),
    )


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
