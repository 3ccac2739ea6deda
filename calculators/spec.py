"""One declaration per calculator: what it asks, what it is called, where its page is, how its
result is shown. The registry, the forms, the pages, the navigation, the index table, the
browser archive and the test lists are all derived from these specs (see registry.specs)."""
from __future__ import annotations

from typing import Callable, NamedTuple


class Field(NamedTuple):
    """One input of a calculator's form. `label` is the words its error messages use."""
    name: str
    kind: str                      # date | bool | int | amount | choice | text
    label: str
    help: str = ""                 # may name provisions as ref tokens ([[measures/22/1]])
    ref: str | None = None         # provision cited after the help text
    required: bool = False
    options: dict | None = None    # choice: value -> label
    default: object = None         # a value the form starts with (never a date of the case)
    show_if: tuple | None = None   # (other field, value or list of values): shown only when that field has
                                   # (one of) them; a required field is required only while it is shown
    minimum: int | None = None
    maximum: int | None = None
    lines: int = 1                 # text: more than 1 gives a multi-line box


def shown(field: Field, params: dict) -> bool:
    """Whether the form shows `field` for these params (an unticked box is False)."""
    if not field.show_if:
        return True
    other, want = field.show_if
    have = params.get(other, False)
    return have in want if isinstance(want, list) else have == want


class Spec(NamedTuple):
    """A calculator: its rules (`run`), its words, its page and how its answer is shown."""
    name: str                      # the name run() and the page script use: "deadlines"
    title: str                     # 期限计算 — page title, nav entry, index table
    purpose: str                   # one line for the index table of calculators
    intro: str                     # the line above the form
    fields: tuple                  # Field, in the order of the form
    refs: tuple                    # provisions it encodes (pages link both ways)
    run: Callable[[dict], dict]    # params -> result; bad input raises InputError
    present: Callable[[dict], dict] | None   # result -> presentation model (calculators/present.py)
    rule_table: Callable[[], dict] | None    # the rules as a table for the page
    example: dict                  # the smallest valid input (tests start from it)
    slug: str = ""                 # page: calculators/<slug>/ (default: name with - for _)
    order: int = 50                # place in the navigation and the index table
    page: bool = True              # False: the page is written by hand (docs/calculators/<slug>.md)
    path: str = ""                 # a hand-written page elsewhere (ledger/statistics.md): not in the 计算器 nav
    # every error of the inputs `fields` does not describe (the documents form's lists of rows),
    # for the page that lists all errors at once (calculators/validate.py)
    more_errors: Callable[[dict], list] | None = None
    # about one case: its page offers to read and write a case of the ledger (calculators/ledger.py)
    one_case: bool = True

    @property
    def page_path(self) -> str:
        return self.path or f"calculators/{self.slug or self.name.replace('_', '-')}.md"
