"""The one place that opens a user's file: one message per condition, each naming the file.

Every command that reads a file the user named (data files, training text, files to
predict on) reads it through :func:`read_user_bytes` (bytes, e.g. Parquet) or
:func:`read_user_text` (text in its detected encoding), so a missing file, a folder, a
symbolic-link loop or an unreadable file is reported in the same words whichever command
met it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from trtune.data.encoding import Decoded, decode_bytes
from trtune.errors import UserError

NO_SUCH_FILE = "no such file"
IS_A_FOLDER = "this is a folder, not a file"
LINK_LOOP = "a symbolic link loop (the link leads back to itself)"
NOT_REGULAR = "not a regular file (a pipe, socket or device)"
PERMISSION_DENIED = "permission denied: cannot read this file"


def _missing_reason(path: Path) -> str:
    """Why a path that does not resolve to a file is missing: itself or its link's target."""
    if path.is_symlink():
        return f"a symbolic link to a missing file ({path.parent / os.readlink(path)})"
    return NO_SUCH_FILE


def _stat(path: Path) -> os.stat_result:
    """``os.stat`` (following links) with every failure turned into its one message."""
    try:
        return path.stat()
    except FileNotFoundError:
        raise UserError(_missing_reason(path), path) from None
    except NotADirectoryError:  # a parent of the path is a file
        raise UserError(NO_SUCH_FILE, path) from None
    except PermissionError:  # a parent folder cannot be entered
        raise UserError(PERMISSION_DENIED, path) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(LINK_LOOP, path) from None
        raise UserError(f"cannot read this file ({exc.strerror})", path) from None


def check_user_file(path: str | Path) -> Path:
    """Check that ``path`` names a regular file, following symbolic links.

    Args:
        path: the file the user named.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        UserError: missing, a folder, a link loop or a link to nothing, or not a regular file.
    """
    path = Path(path)
    mode = _stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise UserError(IS_A_FOLDER, path)
    if not stat.S_ISREG(mode):  # reading a pipe could block forever
        raise UserError(NOT_REGULAR, path)
    return path


def check_user_path(path: str | Path) -> Path:
    """Check that ``path`` exists, as a file or a folder, following symbolic links: the
    check a command makes before it loads anything slow (PyTorch, a model), so that a
    mistyped name is reported at once. The reader still checks what it needs.

    Raises:
        UserError: missing, a link loop or a link to nothing, or a parent that cannot be
            entered.
    """
    path = Path(path)
    _stat(path)
    return path


def read_user_bytes(path: str | Path) -> bytes:
    """Read every byte of a file the user named.

    Args:
        path: the file.

    Returns:
        The file's bytes.

    Raises:
        UserError: the file cannot be read (see :func:`check_user_file`), or permission is
            denied.
    """
    path = check_user_file(path)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except PermissionError:
        raise UserError(PERMISSION_DENIED, path) from None
    except OSError as exc:  # e.g. removed or turned into a folder since the check
        raise UserError(f"cannot read this file ({exc.strerror})", path) from None


def read_user_text(path: str | Path) -> Decoded:
    """Read a file the user named as text, detecting its encoding.

    Args:
        path: the file.

    Returns:
        The decoded text and the encoding that was used.

    Raises:
        UserError: the file cannot be read, or is empty or binary (Parquet, zip, PDF...).
    """
    return decode_bytes(read_user_bytes(path), path)
