"""PDFium in a process of its own, with a cap on its memory and on its time.

PDFium unpacks a page's content whole when it loads the page. The stream check
in ``limits`` refuses what it can see coming, cheaply and with a precise
message; but a PDF can hide a content stream from any such check (an image's
label on it, an escaped filter name, an encoding layer before the deflate one,
encryption) and PDFium is C++: a damaged file can crash it. So every PDF is
read in a child process (``pdf_child.py``) that caps its own writable memory:
a PDF that needs more than the cap stops the child, not the ingest, the web
app or the Dask worker that asked, and is refused naming the file. A child
that takes longer than the time limit is stopped too.

One child serves every PDF its parent reads, one at a time (a lock keeps
threads apart); it starts on the first PDF, starts again after a refusal that
stopped it, and ends with its parent (at the end of its input). What it spends
is counted: ``cpu_seconds()`` is the CPU time of every child this process has
had, for benchmarks that measure the whole pipeline.
"""

from __future__ import annotations

import atexit
import os
import pickle
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assure.errors import CorruptDocument, EncryptedDocument
from assure.reading.limits import Limits

CHILD = Path(__file__).with_name("pdf_child.py")
HEADER = struct.Struct("<QQ")  # as pdf_child.py: the PDF's size, the most pages
LENGTH = struct.Struct("<Q")


@dataclass(frozen=True, slots=True)
class PdfText:
    """What the child read: a text per page, and the title the file gives."""

    pages: list[str]
    title: str | None


class Stopped(Exception):
    """The child ended, or was ended, before it answered."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Child:
    """One running ``pdf_child.py`` with its memory cap."""

    def __init__(self, memory_mb: float) -> None:
        self.memory_mb = memory_mb
        self.parent = os.getpid()  # a forked copy of the parent starts a child of its own
        self.process = subprocess.Popen(
            [sys.executable, "-P", str(CHILD), repr(float(memory_mb))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
        )
        self.cpu = 0.0  # the child's CPU seconds: at its last answer, or in all once ended
        self.peak_mb = 0.0

    def ask(self, data: bytes, most_pages: int, seconds: float) -> dict[str, Any]:
        """The child's answer for the PDF ``data``; raises ``Stopped``."""
        deadline = time.monotonic() + seconds
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(HEADER.pack(len(data), most_pages))
            self.process.stdin.write(data)
            self.process.stdin.flush()
        except BrokenPipeError:
            raise Stopped(self.ended()) from None
        length = LENGTH.unpack(self.receive(LENGTH.size, deadline))[0]
        answer: dict[str, Any] = pickle.loads(self.receive(length, deadline))
        self.cpu, self.peak_mb = answer["cpu"], answer["peak_mb"]
        return answer

    def receive(self, size: int, deadline: float) -> bytes:
        """``size`` bytes of the child's output, read as they come until ``deadline``."""
        assert self.process.stdout is not None
        stream = self.process.stdout.fileno()
        chunks, left = [], size
        with selectors.DefaultSelector() as waiting:
            waiting.register(stream, selectors.EVENT_READ)
            while left:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not waiting.select(remaining):
                    self.stop()
                    raise Stopped("time")
                chunk = os.read(stream, min(left, 1 << 20))
                if not chunk:
                    raise Stopped(self.ended())
                chunks.append(chunk)
                left -= len(chunk)
        return b"".join(chunks)

    def ended(self) -> str:
        """Why the child ended: ``memory`` where it aborted (PDFium stops the
        process when it is refused memory), else ``crash``."""
        code = self.reap()
        return "memory" if code == -signal.SIGABRT else "crash"

    def reap(self, seconds: float | None = None) -> int | None:
        """Wait for the child's end (at most ``seconds``); its exit code, or
        ``None`` if it is still running. Once ended, its CPU time in all is kept."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while self.process.returncode is None:
            try:
                ended, status, usage = os.wait4(
                    self.process.pid, 0 if deadline is None else os.WNOHANG
                )
            except ChildProcessError:  # reaped elsewhere: how it ended is unknown
                self.process.returncode = -1
                break
            if ended:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                self.cpu = usage.ru_utime + usage.ru_stime
                self.peak_mb = usage.ru_maxrss / 1024
            elif deadline is not None and time.monotonic() > deadline:
                return None
            else:
                time.sleep(0.005)
        return self.process.returncode

    def stop(self) -> None:
        self.process.kill()
        self.reap()

    def close(self) -> None:
        """End the child: it stops at the end of its input (or is stopped)."""
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        if self.reap(seconds=5) is None:
            self.stop()


_lock = threading.Lock()
_child: Child | None = None
_spent = 0.0  # CPU seconds of children that have ended
_peak = 0.0  # the highest peak resident memory of those children, MB


def read_pdf(path: Path, data: bytes, limits: Limits) -> PdfText:
    """The text of each page of the PDF ``data`` (from ``path``), read in the
    child within ``limits``: refused as ``TooLarge`` when it needs more memory
    than ``max_reading_mb`` or more time than ``max_reading_seconds``, or has
    more pages than ``max_pages``; ``EncryptedDocument`` or ``CorruptDocument``
    where PDFium cannot open it or a page of it, or stops on it."""
    global _child
    settings = limits.settings
    with _lock:
        child = _mine()
        if child is None or (
            child.memory_mb != settings.max_reading_mb
            or child.reap(seconds=0) is not None  # ended since its last answer
        ):
            _forget_child()
            child = _child = Child(settings.max_reading_mb)
        try:
            answer = child.ask(data, settings.max_pages, settings.max_reading_seconds)
        except Stopped as stopped:
            _forget_child()
            raise refusal(path, limits, stopped.reason) from None
    error = answer.get("error")
    if error is None:
        return PdfText(answer["pages"], answer["title"])
    if error == "pages":
        limits.check_pages(answer["count"])
    raise refusal(path, limits, error, answer.get("page"))


def refusal(path: Path, limits: Limits, reason: str, page: int | None = None) -> Exception:
    settings = limits.settings
    if reason == "memory":
        return limits.refuse(
            f"reading it needs more than {settings.max_reading_mb:,.0f} MB of memory",
            settings.max_reading_mb,
            "max_reading_mb",
            " MB",
        )
    if reason == "time":
        return limits.refuse(
            f"reading it takes longer than {settings.max_reading_seconds:g} seconds",
            settings.max_reading_seconds,
            "max_reading_seconds",
            " seconds",
        )
    if reason == "encrypted":
        return EncryptedDocument(path)
    if reason == "no pages":
        return CorruptDocument(path, "PDF has no pages")
    if reason == "page":
        return CorruptDocument(path, f"page {page} cannot be read")
    if reason == "crash":
        return CorruptDocument(path, "the PDF reader stopped on it (damaged PDF)")
    return CorruptDocument(path, "PDF structure cannot be parsed")


def _mine() -> Child | None:
    """The child, where it is this process's (not a forked copy's parent's)."""
    return _child if _child is not None and _child.parent == os.getpid() else None


def _forget_child() -> None:
    """Count this process's child's CPU time and let it go; a child inherited
    by a forked copy is only dropped (it is its parent's)."""
    global _child, _spent, _peak
    child = _mine()
    if child is not None:
        child.close()
        _spent += child.cpu
        _peak = max(_peak, child.peak_mb)
    _child = None


def cpu_seconds() -> float:
    """CPU seconds every PDF-reading child of this process has spent, up to its last answer."""
    with _lock:
        child = _mine()
        return _spent + (child.cpu if child is not None else 0.0)


def peak_mb() -> float:
    """The highest peak resident memory of this process's PDF-reading children, MB (0: none)."""
    with _lock:
        child = _mine()
        return max(_peak, child.peak_mb if child is not None else 0.0)


def stop() -> None:
    """End this process's child, if it has one (it would end with the process)."""
    with _lock:
        _forget_child()


atexit.register(stop)
