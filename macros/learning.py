"""Macros of the learning pages (issue 6): guide, flowcharts, topics, training, upstream links.

Registered from macros/__init__.py's define_env by ``learning.register(env)``.
"""
from __future__ import annotations

from . import charts, guide, quiz, topics, upstream


def register(env) -> None:
    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def guide_steps() -> str:
        """The numbered steps of “收到起诉状之后” (data/case_path.yml)."""
        return guide.case_steps(page())

    @env.macro
    def guide_step_list() -> str:
        return guide.step_list(page())

    @env.macro
    def role_steps(role: str) -> str:
        """Table of the steps in which a role acts (office, undertaker, head, legal)."""
        return guide.role_steps(role, page())

    @env.macro
    def guide_example() -> str:
        """A worked example of the deadlines, computed by the calculator at build time."""
        return guide.example(page())

    @env.macro
    def flowchart(name: str) -> str:
        """Inline SVG flowchart: case_path, undertaker or principal."""
        return charts.chart(name, page())

    @env.macro
    def quiz_form() -> str:
        """The self-test (data/questions.yml) with answers checked in the browser."""
        return quiz.render_quiz(page())

    @env.macro
    def quiz_handout() -> str:
        return quiz.render_handout(page())

    @env.macro
    def quiz_key() -> str:
        return quiz.render_key(page())

    @env.macro
    def quiz_stats() -> str:
        return quiz.render_stats()

    @env.macro
    def quiz_total() -> int:
        """How many scored questions the self-test has (for the trainer notes)."""
        return quiz.stats()["total"]

    @env.macro
    def topic_list() -> str:
        return topics.index(page())

    @env.macro
    def upstream_table(key: str | None = None) -> str:
        """Provisions of the measures and the upstream articles they rest on (data/upstream.yml);
        with `key` only the rows of that instrument, ordered by its articles."""
        return upstream.table(page(), key)
