"""What each calculator asks, in the words of the measures: the fields of each calculator's
spec (calculators/spec.py), from which the pages' forms are rendered at build time (macros) and
read in the browser. Each field's `label` is the words the calculator uses in its error
messages (tests/test_forms.py checks this), and `ref` is the provision its help text cites."""
from .registry import spec, specs
from .spec import Field, Spec

__all__ = ["Field", "Spec", "form", "forms"]


def form(name: str) -> Spec:
    """The spec of calculator `name` (its title, intro, fields and refs)."""
    return spec(name)


def forms() -> dict[str, Spec]:
    return {s.name: s for s in specs()}
