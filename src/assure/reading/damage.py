"""Telling a damaged file from a bug: what the libraries that unpack and parse
Office files raise on bad input.

The zip and XML layers raise a known set of errors. python-docx and openpyxl
fail in many more ways on a package whose parts are not what they expect
(a missing relationship target, a styles part of the wrong type): an error that
came up through one of them is the file's fault. One raised in our own code,
with no library below it, is a bug and is never taken for the file's.
"""

from __future__ import annotations

import zipfile
import zlib
from xml.etree import ElementTree

from docx.exceptions import PythonDocxError
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

# What a damaged Office container raises, from the zip layer up to the XML.
DAMAGED_CONTAINER = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # an unknown compression method or zip version
    KeyError,
    ValueError,
    OSError,
    PackageNotFoundError,
    PythonDocxError,
    etree.LxmlError,
    ElementTree.ParseError,
)


def damaged(error: BaseException, *libraries: str) -> bool:
    """Whether ``error`` says the file is damaged: one of ``DAMAGED_CONTAINER``,
    or any error that came up through one of ``libraries`` (package names such
    as ``"docx"``, ``"openpyxl"``, ``"zipfile"``)."""
    if isinstance(error, DAMAGED_CONTAINER):
        return True
    frame = error.__traceback__
    while frame is not None:
        module = frame.tb_frame.f_globals.get("__name__", "")
        if any(module == name or module.startswith(f"{name}.") for name in libraries):
            return True
        frame = frame.tb_next
    return False
