"""The rules of the 《聊城市行政应诉工作管理办法》 as pure Python.

``run(name, params)`` is the one entry point shared by the browser (Pyodide), the
command line (``python -m calculators NAME``) and the tests; ``registry.specs()`` lists the
calculators.
"""
from .errors import InputError
from .registry import run

__all__ = ["InputError", "run"]
