"""What a reader does with the keyboard on a form, for the browser tests."""


def leave_field(page):
    """Tab until the focus leaves the field it is in, as a reader leaves it (a date field's Tab
    first walks its own parts): its error is shown from then on."""
    start = page.evaluate("document.activeElement.id")
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") != start:
            return
    raise AssertionError(f"Tab did not leave #{start}")
