"""What every HTTP server of nnkg (the endpoint, the review page) does the same way: read a
request body with a bound, so a client can never make it hold more than it allows."""

from __future__ import annotations

__all__ = ["read_bounded"]


async def read_bounded(request, limit: int) -> bytes | None:
    """The body of a Starlette ``request``, or None as soon as it is longer than ``limit``
    bytes: at once for a declared Content-Length, else after the chunk that passes it."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
