"""Writing files so that a failure leaves no partial file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path

# The most an answers file may weigh (1 MiB, « 1 Mo »): maturity.answers.MAX_BYTES, here for a page that says it
# without loading the answers' reader (the home page's uploader words, maturity.app.shell)
MAX_ANSWERS_BYTES = 1024 * 1024

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back, under a lock)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def read_at_most(path: Path | str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of the file: one more than allowed tells a file too large, even one
    whose size ``stat`` does not know (a pipe, ``/dev/zero``, a process substitution), without reading it all
    into memory. ``OSError`` as ``open`` raises it."""
    with Path(path).open("rb") as fh:
        return fh.read(max_bytes + 1)


def atomic_write(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The file gets the permissions of any new file (0644 under the usual umask 022), not the 0600 of
    the temporary file."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
