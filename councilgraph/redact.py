"""Credentials out of URLs before they are printed, logged or returned: `http://u:***@host`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_IN_TEXT = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<user>[^/\s:@]*):(?P<pw>[^/\s@]*)@"
)


def redact(uri: str) -> str:
    """The URI without its password: `bolt://neo4j:***@host:7687`."""
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def redact_text(text: str) -> str:
    """Every `scheme://user:password@` in free text (an error message) with the password hidden."""
    return _IN_TEXT.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
