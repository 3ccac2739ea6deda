"""Everyday use of the site (issue 19, part A), in the built site and in headless Chromium.

- Home page: the four tasks (收到起诉状了 / 算期限 / 谁来应诉、谁出庭 / 起草文书) and the search
  are visible without scrolling at 1366×768 and at 390×844; the search field opens the
  theme's search; section titles of the navigation that open a page look like links.
- Keyboard: Tab alone reaches a radio button, a checkbox, a link and a button, each with a
  visible focus ring (computed outline); a glossary term is reached by Tab and its
  definition shown while it has focus.
- Contrast: every kind of notice, measured from the colours Chromium computes (text colour,
  the backgrounds beneath it, opacity), is at least WCAG AA (4.5:1; 3:1 for large text).
- Without JavaScript the pages say what still works (reading) and what does not.

Screenshots: tests/artifacts/everyday/ (home at both sizes, a law page, the printable measures,
the trainer page, the quiz in exam mode), for a human to look at.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "everyday"
SIZES = {"desktop": (1366, 768), "phone": (390, 844)}

# The four tasks of the home page: the link text (or card title) and where each leads.
TASKS = {
    "收到起诉状了": ["guide/"],
    "算期限": ["calculators/deadlines/"],
    "谁来应诉、谁出庭": ["calculators/undertaker/", "calculators/principal/"],
    "起草文书": ["calculators/documents/"],
}


def shot(page, name: str, **kwargs) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", **kwargs)


@pytest.fixture
def sized(browser):
    """open(url, size) -> a page of a fresh context at that viewport (a phone: touch, mobile)."""
    contexts = []

    def open_(url: str, size: str, **options):
        width, height = SIZES[size]
        context = browser.new_context(bypass_csp=True, locale="zh-CN", timezone_id="Asia/Shanghai",
                                      viewport={"width": width, "height": height},
                                      is_mobile=size == "phone", has_touch=size == "phone", **options)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.set_default_timeout(30_000)
        page.goto(url, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


def in_first_screen(page, locator) -> bool:
    """The element is shown and lies wholly inside the first screen (no scrolling)."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    width = page.viewport_size["width"]
    return (locator.is_visible() and box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height
            and box["x"] >= 0 and box["x"] + box["width"] <= width)


# ---- home page ---------------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_home_tasks_and_search_are_on_the_first_screen(sized, site_server, size):
    page = sized(site_server, size)
    page.locator("[data-open-search]:not([hidden])").wait_for()
    assert page.evaluate("window.scrollY") == 0
    cards = page.locator(".home-tasks > ul > li")
    assert cards.count() == len(TASKS)
    for i, (title, targets) in enumerate(TASKS.items()):
        card = cards.nth(i)
        assert card.inner_text().strip().startswith(title), card.inner_text()
        for target in targets:
            link = card.locator(f"a[href$='{target}']")
            assert link.count() == 1, (title, target)
            assert in_first_screen(page, link), (size, title, target, link.bounding_box())
    search = page.locator("[data-open-search]")
    assert in_first_screen(page, search), (size, search.bounding_box())
    shot(page, f"home-{size}")
    # the search field opens the theme's search, its box focused, ready for typing
    search.click()
    page.wait_for_function("document.activeElement && document.activeElement.matches('[data-md-component=search-query]')")
    assert page.locator("#__search").is_checked()
    assert page.locator(".md-search__input").is_visible()
    assert page.errors == []


def test_home_task_links_lead_to_their_pages(sized, site_server):
    page = sized(site_server, "desktop")
    page.locator(".home-tasks a", has_text="收到起诉状了").click()
    page.wait_for_url("**/guide/")
    page.locator("article h1", has_text="收到起诉状之后").wait_for()   # instant navigation swaps the content


@pytest.mark.parametrize("size", SIZES)
def test_section_titles_that_open_a_page_look_like_links(sized, site_server, size):
    """新人上手 opens 收到起诉状之后 (navigation.indexes): in the link colour (with an arrow in the
    desktop sidebar), while a section title that opens nothing (部署与维护) stays plain."""
    page = sized(site_server, size)
    if size == "phone":
        page.locator("label.md-header__button[for='__drawer']").click()
        page.locator(".md-nav--primary").first.wait_for()
    info = page.evaluate("""() => {
        const link = [...document.querySelectorAll('.md-nav__container > a.md-nav__link')]
            .find(a => a.textContent.trim() === '新人上手');
        const plain = [...document.querySelectorAll('.md-nav__item--section > label.md-nav__link, .md-nav__item--section > .md-nav__link')]
            .find(e => e.textContent.trim() === '部署与维护');
        const probe = document.createElement('a');
        probe.href = '#'; probe.textContent = 'x';
        document.querySelector('.md-content .md-typeset').appendChild(probe);
        const linkColour = getComputedStyle(probe).color;
        probe.remove();
        return {href: link.getAttribute('href'), colour: getComputedStyle(link).color, linkColour,
                arrow: getComputedStyle(link.querySelector('.md-ellipsis'), '::after').content,
                plainColour: plain && getComputedStyle(plain).color,
                plainArrow: plain && getComputedStyle(plain.querySelector('.md-ellipsis') || plain, '::after').content};
    }""")
    assert info["href"].endswith("guide/")
    assert info["colour"] == info["linkColour"], info
    if size == "desktop":   # section headings in the sidebar; the phone's drawer has the theme's arrows
        assert "›" in info["arrow"], info
    assert info["plainColour"] is not None and info["plainColour"] != info["linkColour"], info
    assert "›" not in (info["plainArrow"] or ""), info


# ---- keyboard ----------------------------------------------------------------------------------

FOCUS_TARGETS = {
    "radio": ".quiz-q input[type=radio]",
    "checkbox": ".quiz-q input[type=checkbox]",
    "link": "article a[href]",
    "button": ".quiz-q button[data-quiz-check]",
}
RING = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor,
            visible: e.matches(':focus-visible')};
}"""


def tab_until(page, selector: str, limit: int = 600) -> int:
    """Press Tab until the focused element matches `selector`; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"Tab never reached {selector} in {limit} presses")


def test_keyboard_alone_reaches_each_kind_of_control_with_a_visible_ring(sized, site_server):
    page = sized(site_server + "training/", "desktop")
    page.locator(".quiz-mode:not([hidden])").wait_for()
    for kind, selector in FOCUS_TARGETS.items():
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        tab_until(page, selector)
        ring = page.evaluate(RING)
        assert ring["visible"] and ring["style"] not in ("none", "hidden") and ring["width"] >= 2, (kind, ring)
        # the ring stands out from the white page (WCAG 1.4.11: 3:1 for focus indicators)
        assert contrast(parse_rgb(ring["colour"]), (255, 255, 255)) >= 3, (kind, ring)
        if kind == "checkbox":   # and is answered with the keyboard too
            page.keyboard.press("Space")
            assert page.evaluate("document.activeElement.checked") is True
    assert page.errors == []


def test_glossary_term_is_reached_by_tab_and_shows_its_definition(sized, site_server):
    page = sized(site_server + "measures/chapter-2/", "desktop")
    tab_until(page, "article abbr.term")
    term = page.evaluate("document.activeElement.textContent")
    ring = page.evaluate(RING)
    assert ring["style"] == "solid" and ring["width"] >= 2, ring
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for()
    from macros import glossary
    definition = next(e["definition"] for e in glossary.terms() if e["term"] == term)
    assert definition[:20] in tip.inner_text()
    assert page.errors == []


# ---- contrast ----------------------------------------------------------------------------------

def parse_rgb(text: str) -> tuple:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' -> (r, g, b[, a])."""
    inside = text[text.index("(") + 1:text.rindex(")")].replace("/", ",").split(",")
    return tuple(float(v) for v in inside if v.strip())


def luminance(rgb) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(top, bottom):
    """Colour `top` (with alpha) composited over the opaque colour `bottom`."""
    alpha = top[3] if len(top) > 3 else 1.0
    return tuple(top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))


def test_contrast_helpers_match_known_values():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((118, 118, 118), (255, 255, 255)), 2) == 4.54   # #767676, the AA boundary
    assert over((0, 0, 0, 0.5), (255, 255, 255)) == (127.5, 127.5, 127.5)


# What each page shows as a notice, and how to bring it up: a script run on the page that
# puts the notice in the state to measure (the site's own CSS decides the colours).
NOTICES = {
    "": [
        ("measures status, in force", "#measures-status", None, "e => e.dataset.state = 'in_force'"),
        ("measures status, expired", "#measures-status", None, "e => e.dataset.state = 'expired'"),
        ("measures status, pending", "#measures-status", None, "e => e.dataset.state = 'pending'"),
        ("expiry banner", "#validity-banner", None, "e => { e.hidden = false; e.textContent = '⚠ 办法已失效'; }"),
        ("warning", ".admonition.warning > p:not(.admonition-title)", None, None),
        ("warning title", ".admonition.warning > .admonition-title", None, None),
    ],
    "law/alp/": [
        ("official text box", ".law-source > p:not(.admonition-title)", None, None),
        ("official text title", ".law-source > .admonition-title", None, None),
    ],
    "measures/full/": [
        ("edition badge", ".edition-badge", None, None),
        ("source of the measures", ".measures-source p", None, None),
        ("print hint", ".print-hint", None, None),
        ("cited by", ".cited-by", None, None),
    ],
    "calculators/deadlines/": [
        ("calculator status", "[data-calc-status]", None, None),
        ("calculator failed", "[data-calc-status]", None, "e => { e.dataset.state = 'failed'; e.textContent = '计算器无法启动'; }"),
        ("errors at the top", "[data-calc-summary]",
         None, "e => { e.hidden = false; e.innerHTML = '<p class=\"calc-summary-title\">请填写或更正以下 1 项：</p>'; }"),
        ("field help", ".calc-help", None, None),
        ("answer, fine", "[data-calc-result]", None, "e => { e.hidden = false; e.dataset.state = ''; e.innerHTML = '<div class=\"calc-answer\"><p class=\"calc-headline\">答辩期限</p></div>'; }"),
    ],
    "training/": [
        ("quiz status", "[data-quiz-status]", None, None),
        ("quiz mode note", "[data-quiz-mode-note]", None, "e => { e.hidden = false; e.textContent = '考试模式'; }"),
        ("quiz prompt", ".quiz-q [data-quiz-prompt]", None, "e => e.hidden = false"),
    ],
    "calculators/documents/": [
        ("documents out of date", "[data-doc-result]", "::before",
         "e => { e.hidden = false; e.dataset.state = 'invalid'; e.appendChild(document.createElement('div')).className = 'doc-pages'; }"),
    ],
}
# Notices made by the page scripts themselves: the same classes put on the page to measure them.
MADE = [
    ("answer, warning", "div", "calc-answer calc-tone-warn", "提示"),
    ("answer, alert", "div", "calc-answer calc-tone-alert", "注意"),
    ("statutory period", "span", "calc-kind calc-kind-statutory", "法定"),
    ("internal period", "span", "calc-kind calc-kind-internal", "内部"),
    ("postponed date", "span", "calc-adjusted", "顺延"),
    ("field error", "p", "calc-error", "请填写日期"),
    ("still to fill in", "div", "calc-waiting", "填写以下各项后显示计算结果"),
    ("a deadline's own warning", "p", "calc-row-warning", "年度报告的截止日是休息日"),
    ("disk note", "div", "disk-note", "直接打开本站的文件"),
    ("update bar", "div", "update-bar", "本站有新版本"),
    ("no-script note", "div", "noscript-note", "没有运行本站的脚本"),
    ("document note", "div", "doc-sheet|doc-note", "说明"),
]

MEASURE = """(e, pseudo) => {
    const s = getComputedStyle(e, pseudo);
    const layers = [];
    let opacity = parseFloat(s.opacity), node = e;
    if (pseudo) layers.push(s.backgroundColor);
    for (; node; node = node.parentElement) {
        const c = getComputedStyle(node);
        layers.push(c.backgroundColor);
        if (node !== e || pseudo) opacity *= parseFloat(c.opacity);
    }
    return {colour: s.color, layers, opacity, size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight, 10),
            shown: s.display !== 'none' && s.visibility !== 'hidden' && (!pseudo || s.content !== 'none')};
}"""


def ratio(measured: dict) -> float:
    """Contrast of the text against what lies beneath it, opacity included."""
    background = (255, 255, 255)
    for layer in reversed(measured["layers"]):   # from the page down to the element
        background = over(parse_rgb(layer), background)
    text = over(parse_rgb(measured["colour"]), background)
    text = over((*text, measured["opacity"]), background)
    return contrast(text, background)


def required(measured: dict) -> float:
    """WCAG AA: 3:1 for large text (24 px, or 18.66 px bold), else 4.5:1."""
    large = measured["size"] >= 24 or (measured["size"] >= 18.66 and measured["weight"] >= 700)
    return 3.0 if large else 4.5


def test_every_notice_meets_wcag_aa(page, site_server):
    results = {}
    for path, notices in NOTICES.items():
        page.goto(site_server + path, wait_until="networkidle")
        for name, selector, pseudo, prepare in notices:
            element = page.locator(selector).first
            element.wait_for(state="attached")
            if prepare:
                element.evaluate(prepare)
            results[name] = element.evaluate(MEASURE, pseudo)
    page.goto(site_server + "calculators/deadlines/", wait_until="networkidle")
    for name, tag, classes, text in MADE:
        outer, _, inner = classes.partition("|")
        handle = page.evaluate_handle("""([tag, outer, inner, text]) => {
            const host = document.querySelector('article');
            const box = host.appendChild(document.createElement(inner ? 'div' : tag));
            box.className = outer;
            const el = inner ? box.appendChild(document.createElement(tag)) : box;
            if (inner) el.className = inner;
            el.textContent = text;
            return el;
        }""", [tag, outer, inner, text])
        results[name] = handle.evaluate(MEASURE, None)
    report = {name: (round(ratio(m), 2), required(m)) for name, m in results.items()}
    print("\ncontrast of notices (ratio, required):")
    for name, (got, need) in report.items():
        print(f"  {name}: {got} (≥ {need})")
    assert all(m["shown"] for m in results.values()), {n: m for n, m in results.items() if not m["shown"]}
    low = {name: v for name, v in report.items() if v[0] < v[1]}
    assert low == {}, low
    assert page.errors == []


# ---- without JavaScript ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["", "calculators/deadlines/", "training/"])
def test_without_javascript_the_page_says_what_works(sized, site_server, path):
    page = sized(site_server + path, "desktop", java_script_enabled=False)
    note = page.locator("#noscript-note")
    assert note.is_visible()
    text = note.inner_text()
    assert "仍可阅读" in text
    for needs_script in ("搜索", "计算器", "应诉文书生成", "培训自测"):
        assert needs_script in text, needs_script
    assert in_first_screen(page, note)
    # controls that would do nothing without scripts are not offered
    assert page.locator("[data-open-search]:visible, .quiz-mode:visible").count() == 0
    assert page.locator("article h1").first.is_visible()
