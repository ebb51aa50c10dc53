"""Run ``trtune`` commands one after another in this process; write what each printed.

Usage: ``python tour_runner.py RESULTS.json`` with a JSON list of argument lists on stdin
(``[["data", "inspect", "examples/data/yorumlar.csv"], ...]``). Each command goes through
:func:`trtune.cli.main` exactly as ``python -m trtune`` does; its exit code (0 when it
returns), stdout and stderr are written to RESULTS.json as a list of objects.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
import traceback


def run_one(argv: list[str]) -> dict:
    """Run one command and capture what it printed."""
    from trtune.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # a traceback is a failure the test reports, not a crash here
            traceback.print_exc()
            code = 1
    seconds = round(time.perf_counter() - start, 2)
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue(), "seconds": seconds}


def main() -> None:
    commands = json.loads(sys.stdin.read())
    results = [run_one(argv) for argv in commands]
    with open(sys.argv[1], "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
