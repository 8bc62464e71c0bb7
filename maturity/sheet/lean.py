"""fpdf2 imported without what a sheet never uses, for a short single-threaded command (`maturity sheet`).

When it loads, fpdf2 imports numpy (to speed up some image decoding) and fontTools' variable-font
instancer: a third of its import time, and a sheet uses neither (its radar is vector paths, its fonts
static faces). ``import_pdf()`` imports :mod:`maturity.sheet.pdf` (and fpdf2) with both put off to their
first use: fpdf2 sees numpy as installed (a stand-in that imports numpy on first use) and gets the
instancer module as a lazy module (``importlib.util.LazyLoader``). Likewise the two functions fpdf2 takes
from modules a sheet never needs (``PUT_OFF``: ``unittest.mock.patch``, with asyncio and unittest behind
it, for signing a PDF; defusedxml's ``fromstring`` for reading an SVG image) are stand-ins that import
their module at their first call. Nothing else changes: an image, a variable font, a signature or an SVG
would import them then, as usual.

Not for a multi-threaded process (the app): while fpdf2 loads, ``import numpy`` fails in every thread.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any

from ..lazy import OnFirstUse

# Modules fpdf2 imports while it loads for one function each, called only for what a sheet never does.
PUT_OFF = {"unittest.mock": "patch", "defusedxml.ElementTree": "fromstring"}


class _PutOff(ModuleType):
    """Stands for a module while fpdf2 loads: its function in ``PUT_OFF`` imports the module at its first
    call; any other name read imports the module at once."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):  # the import system's questions (``__path__``...): not a package
            raise AttributeError(attr)
        return getattr(_real_module(self), attr)


def _real_module(stand_in: ModuleType) -> ModuleType:
    name = stand_in.__name__
    if sys.modules.get(name) is stand_in:
        del sys.modules[name]
    return importlib.import_module(name)


def _put_off(name: str, function: str) -> _PutOff:
    stand_in = _PutOff(name)

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real_module(stand_in), function)(*args, **kwargs)

    call.__name__ = function
    setattr(stand_in, function, call)
    return stand_in


class _PackageWithoutInit(_PutOff):
    """Stands for a package whose ``__init__`` has not run: its submodules import as usual (it has the
    package's ``__path__``); any other name read imports the package for real."""

    def __getattr__(self, attr: str) -> Any:
        if not attr.startswith("__") and importlib.machinery.PathFinder.find_spec(
                f"{self.__name__}.{attr}", self.__path__) is not None:
            raise AttributeError(attr)  # a submodule not imported yet: ``from package import it`` imports it
        return super().__getattr__(attr)


def _package_without_init(name: str) -> None:
    """``name`` (a package) in ``sys.modules`` without its ``__init__`` run, until a name other than a
    submodule is read from it. fontTools' ``varLib/__init__`` imports the variable-font builders (its
    merger, designspaceLib and lxml behind it) that fpdf2 and a sheet never call: fpdf2 imports one
    submodule of it (``instancer``, put off too) and fontTools' subsetter two (``varStore``,
    ``multiVarStore``), which need the package's path only."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.submodule_search_locations is None:
        return
    stand_in = _PackageWithoutInit(name)
    stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__spec__ = spec
    stand_in.__file__ = spec.origin
    stand_in.__package__ = name
    sys.modules[name] = stand_in
    parent, _, child = name.rpartition(".")
    setattr(importlib.import_module(parent), child, stand_in)


def _lazy_submodule(name: str) -> None:
    """``name`` (a package's module, imported as ``from package import module``) loaded on first use."""
    if name in sys.modules:
        return
    parent, _, child = name.rpartition(".")
    package = importlib.import_module(parent)
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    setattr(package, child, module)
    spec.loader.exec_module(module)


def import_pdf() -> ModuleType:
    """:mod:`maturity.sheet.pdf`, fpdf2 imported without numpy and the variable-font instancer when this
    process has not imported fpdf2 yet (else as it is)."""
    if "fpdf" in sys.modules:
        return importlib.import_module("maturity.sheet.pdf")
    _package_without_init("fontTools.varLib")
    _lazy_submodule("fontTools.varLib.instancer")
    blocked = "numpy" not in sys.modules
    if blocked:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    stand_ins = {name: _put_off(name, function) for name, function in PUT_OFF.items() if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        module = importlib.import_module("maturity.sheet.pdf")
    finally:
        if blocked and sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]
        for name, stand_in in stand_ins.items():  # fpdf2 keeps its functions; later imports get the modules
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    image_parsing = sys.modules.get("fpdf.image_parsing")
    if blocked and image_parsing is not None and getattr(image_parsing, "numpy", 0) is None:
        image_parsing.numpy = OnFirstUse("numpy")
    return module
