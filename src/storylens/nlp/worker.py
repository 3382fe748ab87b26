"""A second spaCy process, so that parsing a big story uses both cores.

spaCy holds the GIL for most of its work, so a second thread parses no faster (measured:
751 paragraphs in 4.34 s on one thread, 4.32 s on two). The encoder already runs beside
the parser, but it needs about half as long, which leaves one core idle for a third of
the nlp stage. This worker takes every other part of the paragraph pass (and half of the
conflict stage's sentence parses) in a child process of its own.

The child is a plain `python -m storylens.nlp.worker` speaking length-prefixed pickles
over its stdin/stdout, not a multiprocessing pool: a pool's "spawn" re-imports the
caller's main script (a user script without a `__main__` guard would start over), and
"fork" would copy a process whose encoder threads may hold locks. It starts on the first
story big enough to need it, loads spaCy while the parent works, and takes work only
once it says it is ready. If it fails or dies, the parent parses alone: same results,
only slower. STORYLENS_NLP_WORKER=0 turns it off.
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
from typing import Any, BinaryIO

log = logging.getLogger(__name__)

_HEADER = struct.Struct("!Q")
READY = "ready"


def _write(stream: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read(stream: BinaryIO) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("worker closed its pipe")
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("worker closed its pipe mid-message")
    # Our own child's answer, over a private pipe: trusted like the code itself.
    return pickle.loads(data)


class ParseWorker:
    """The parent's handle on the child: one request in flight at a time, from any thread."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "storylens.nlp.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env={**os.environ, "STORYLENS_NLP_WORKER": "0"},
        )
        self._ready = False
        # Held from `send` to `receive`: two briefs in two threads (the web UI) never mix answers.
        self._turn = threading.Lock()
        self.failed = False

    def _check_ready(self) -> bool:
        """Has the child loaded spaCy? Never blocks; call with the turn held."""
        if not self._ready and not self.failed:
            try:
                waiting, _, _ = select.select([self._proc.stdout], [], [], 0)
                if waiting:
                    self._ready = _read(self._proc.stdout) == READY  # type: ignore[arg-type]
                    if not self._ready:
                        self._fail("did not start")
            except (OSError, EOFError, pickle.UnpicklingError, ValueError):
                self._fail("did not start")
        return self._ready and not self.failed

    def ready(self) -> bool:
        if not self._turn.acquire(blocking=False):
            return self._ready and not self.failed  # busy answering: it is up
        try:
            return self._check_ready()
        finally:
            self._turn.release()

    def send(self, op: str, texts: Any) -> bool:
        """Start `op` on `texts` in the child; False if it cannot take work now (then no `receive`)."""
        if not self._turn.acquire(blocking=False):
            return False
        if not self._check_ready():
            self._turn.release()
            return False
        try:
            _write(self._proc.stdin, (op, texts))  # type: ignore[arg-type]
        except (OSError, ValueError):
            self._fail("stopped taking work")
            self._turn.release()
            return False
        return True

    def receive(self) -> Any | None:
        """The answer to this thread's `send` (blocks until it comes); None if the child failed."""
        try:
            answer = _read(self._proc.stdout)  # type: ignore[arg-type]
        except (OSError, EOFError, pickle.UnpicklingError, ValueError):
            self._fail("died")
            return None
        finally:
            self._turn.release()
        if isinstance(answer, BaseException):
            log.debug("parse worker raised %r; parsing here", answer)
            return None
        return answer

    def _fail(self, what: str) -> None:
        log.debug("parse worker %s; parsing in this process", what)
        self.failed = True
        self.close()

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        for stream in (self._proc.stdin, self._proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:  # the unsent rest of a request to a dead child
                    pass


_WORKER: ParseWorker | None = None
_LOCK = threading.Lock()


def enabled() -> bool:
    if os.environ.get("STORYLENS_NLP_WORKER", "1") == "0" or os.name != "posix":
        return False
    return len(os.sched_getaffinity(0)) >= 2


def parse_worker(start: bool = True) -> ParseWorker | None:
    """The process's worker, started on first use (if `start`); None where it is off or has failed."""
    global _WORKER
    if not enabled():
        return None
    with _LOCK:
        if _WORKER is None or _WORKER.failed:
            if _WORKER is not None or not start:  # failed once: do not keep restarting it
                return None
            try:
                _WORKER = ParseWorker()
            except OSError as exc:
                log.debug("parse worker could not start: %s", exc)
                return None
            atexit.register(_WORKER.close)
        return _WORKER


def _answer(op: str, texts: Any) -> Any:
    from storylens.nlp.annotate import parse_paragraphs
    from storylens.nlp.models import spacy_pipeline

    if op == "paragraphs":
        return parse_paragraphs(texts)
    if op == "docs":
        from spacy.tokens import DocBin

        texts, disable = texts
        return DocBin(docs=spacy_pipeline().pipe(texts, batch_size=64, disable=disable)).to_bytes()
    raise ValueError(f"unknown operation {op!r}")


def main() -> None:
    """The child: load spaCy, say so, then answer requests until the parent closes the pipe."""
    from storylens.nlp.models import spacy_pipeline

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answer pipe
    spacy_pipeline()
    _write(out, READY)
    while True:
        try:
            op, texts = _read(inp)
        except EOFError:
            return
        try:
            answer = _answer(op, texts)
        except Exception as exc:  # noqa: BLE001 - the parent parses itself instead
            answer = RuntimeError(repr(exc))
        _write(out, answer)


if __name__ == "__main__":
    main()
