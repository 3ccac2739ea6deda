"""Name -> calculator function. Each calculator takes a params dict and returns a result dict."""
from .errors import InputError

CALCULATORS: dict = {}


def calculator(name: str):
    """Register a function as calculator `name`."""
    def register(fn):
        CALCULATORS[name] = fn
        return fn
    return register


def run(name: str, params: dict) -> dict:
    """Run calculator `name`; bad input raises InputError with a Chinese message."""
    _load_all()
    if name not in CALCULATORS:
        raise InputError(None, f"没有名为“{name}”的计算器。可用：{'、'.join(sorted(CALCULATORS))}")
    if not isinstance(params, dict):
        raise InputError(None, "输入应为一个 JSON 对象（键值对）。")
    return CALCULATORS[name](params)


def _load_all() -> None:
    """Import the calculator modules so they register themselves."""
    from . import modules  # noqa: F401
