"""Text that can be stored: what JSON escapes can carry but UTF-8 cannot.

A dump's `"\\ud807"` decodes to a lone surrogate, which no UTF-8 encoder (SQLite's
included) accepts: one such character in one record used to stop a whole build.
"""

from __future__ import annotations

import re

__all__ = ["storable", "REPLACEMENT"]

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> tuple[str, int]:
    """`text` with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    return _UNSTORABLE.subn(REPLACEMENT, text)
