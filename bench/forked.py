"""A process that imports once and forks a fresh child for every call: peak memory per call
without paying Python's start-up and the imports (torch, transformers, TRL: 5-8 s) each time.

A benchmark that measures each side's peak resident memory runs every call in a process of
its own. Starting that process fresh costs the interpreter and every import again, each
round. A :class:`Forked` server is started once per side; it imports that side's modules
(and nothing else) and then, per call, forks a child that runs the function and exits. Linux
sets a forked child's peak (``VmHWM``) to its resident size at the fork, so the child's peak
counts the side's imports, as a fresh process's would, plus what the call itself added.

The server imports and allocates nothing through torch before forking: a child never
inherits a thread pool. Each call's stdout and stderr go to the server's (captured); its
result travels back through a pipe as one JSON line.

    with Forked("bench_lm_trl:side_trl", preload=["trl", "peft"]) as side:
        result = side.call("full", base, 2, 240, True)
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
MARK = "FORKED-RESULT "


class Forked:
    """A server process for ``"module:function"`` that forks one child per :meth:`call`."""

    def __init__(self, target: str, preload: list[str] | tuple[str, ...] = ()):
        self.target, self.preload = target, list(preload)
        self.process: subprocess.Popen | None = None
        self.log = tempfile.TemporaryFile("w+")  # the server's and the calls' stderr

    def __enter__(self) -> Forked:
        cmd = [sys.executable, __file__, self.target, *self.preload]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(BENCH), str(BENCH.parent)]))
        self.process = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True, env=env
        )
        return self

    def call(self, *args):
        """The function's JSON result for ``args`` (JSON values), run in a fresh fork.

        Raises:
            RuntimeError: the call raised (its traceback) or the server died.
        """
        assert self.process is not None and self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(list(args)) + "\n")
        self.process.stdin.flush()
        for line in self.process.stdout:
            if line.startswith(MARK):
                answer = json.loads(line[len(MARK) :])
                if "error" in answer:
                    raise RuntimeError(f"{self.target} failed:\n{answer['error']}")
                return answer["result"]
        code = self.process.wait()
        self.log.seek(0)
        raise RuntimeError(f"{self.target}: the server exited ({code}):\n{self.log.read()[-3000:]}")

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            self.process.stdin.close()  # type: ignore[union-attr]
            self.process.wait(timeout=60)
        self.log.close()


def peak_mib() -> float:
    """This process's peak resident memory in MiB: the address space's own high-water mark
    (``VmHWM``; in a forked child it starts at the child's size at the fork). Linux's
    ``ru_maxrss`` is no substitute: it survives ``exec``, so a child started by a parent
    holding 5 GB reports at least 5 GB whatever it used itself."""
    import resource

    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)  # kB -> MiB
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _serve(target: str, preload: list[str]) -> None:
    """The server's loop: import, then one forked child per line of JSON arguments."""
    module_name, function_name = target.split(":")
    for name in preload:
        importlib.import_module(name)
    function = getattr(importlib.import_module(module_name), function_name)
    out = sys.stdout
    sys.stdout = sys.stderr  # the calls' prints stay off the answer channel
    for line in sys.stdin:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, answer through the pipe, exit without cleanup
            os.close(read)
            code = 0
            try:
                answer = {"result": function(*json.loads(line))}
            except BaseException:
                answer, code = {"error": traceback.format_exc()[-3000:]}, 1
            with os.fdopen(write, "w") as pipe:
                pipe.write(json.dumps(answer))
            os._exit(code)
        os.close(write)
        with os.fdopen(read) as pipe:
            answer = pipe.read()
        os.waitpid(pid, 0)
        out.write(MARK + (answer or json.dumps({"error": "the child died"})) + "\n")
        out.flush()


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2:])
