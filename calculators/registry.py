"""The calculators: every module of this package that declares ``SPEC`` (calculators/spec.py).

Nothing else lists them: adding a calculator is one rules module with its SPEC, and one test file.
Only modules whose source declares (or imports) a SPEC are imported here, so helper modules
(worker, page, ledger …) may use the registry at import time.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .spec import Spec

PACKAGE = Path(__file__).resolve().parent
DECLARES = re.compile(r"^(?:SPEC\s*=|from\s+\S+\s+import\s+.*\bSPEC\b)", re.M)


def _declares_spec(module: pkgutil.ModuleInfo) -> bool:
    source = PACKAGE / module.name / "__init__.py" if module.ispkg else PACKAGE / f"{module.name}.py"
    return source.is_file() and DECLARES.search(source.read_text(encoding="utf-8")) is not None


@lru_cache(maxsize=None)
def _specs() -> tuple[Spec, ...]:
    found = []
    for module in sorted(pkgutil.iter_modules([str(PACKAGE)]), key=lambda m: m.name):
        if module.name.startswith("_") or not _declares_spec(module):
            continue
        spec = getattr(importlib.import_module(f"{__package__}.{module.name}"), "SPEC", None)
        if isinstance(spec, Spec):
            found.append(spec)
    names = [s.name for s in found]
    if len(names) != len(set(names)):
        raise ValueError(f"计算器名称重复：{names}")
    return tuple(sorted(found, key=lambda s: (s.order, s.name)))


def specs() -> tuple[Spec, ...]:
    """Every calculator's spec, in the order of the navigation."""
    return _specs()


def spec(name: str) -> Spec:
    for s in specs():
        if s.name == name:
            return s
    raise KeyError(name)


def names() -> list[str]:
    return sorted(s.name for s in specs())


def run(name: str, params: dict) -> dict:
    """Run calculator `name`; bad input raises InputError with a Chinese message."""
    if not isinstance(name, str) or name not in names():
        raise InputError(None, f"没有名为“{name}”的计算器。可用：{'、'.join(names())}")
    if not isinstance(params, dict):
        raise InputError(None, "输入应为一个 JSON 对象（键值对）。")
    return spec(name).run(params)
