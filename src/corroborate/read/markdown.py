"""Markdown as scraped (.md, .markdown): the page's words, without its markup.

A page saved as Markdown prints its links as "[News](/news)", its masthead as
"**DUNMERE ADVERTISER**", its headline as "# ...", its pictures as "![...](...)". Read as plain
text, the first link ("[Skip to main content](#main)") was the story's title, the masthead was
not seen as the outlet, and the byline, the pictures and the "**READ MORE:**" links stayed in
the story as claims (session-11 audit). The text as read is the Markdown's text: each block on
its own paragraph, a link as its words, emphasis and heading marks dropped, pictures, rules and
raw HTML dropped; list items keep their marker. Offsets point into this text, as an HTML page's
point into its extracted text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

# CommonMark, without the raw-HTML blocks a scrape may hold (their tags are no words).
_PARSER = MarkdownIt("commonmark")


def markdown_text(source: str) -> str:
    """The words of a Markdown document, a blank line between blocks."""
    blocks: list[str] = []
    marker = ""
    for token in _PARSER.parse(source):
        if token.type == "list_item_open":
            # "1." or "-": a numbered line ("1911. The year ...") would lose its number.
            marker = f"{token.info}{token.markup} "
        elif token.type == "inline":
            text = _inline_text(token.children or ())
            if text.strip():
                blocks.append(marker + text.strip())
            marker = ""
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(token.content.strip("\n"))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _inline_text(children: Sequence[Token]) -> str:
    """A block's words: text and code as written, a line break kept, markup dropped."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


# A clipper's metadata above the Markdown: YAML front matter ("---", "title: ...", "source:
# https://...", "published: 2026-11-19", "---", as browser clippers write it) or a reader
# service's header ("Title: ...", "URL Source: ...", "Published Time: ...", "Markdown Content:").
# Read as Markdown, front matter was a heading and a rule, and its lines opened the story.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# The reader service prints a blank line between its fields: such a header was read as the
# story's first lines, its "Title: ..." the article's title (session-12 audit).
_HEADER = re.compile(
    r"\A\ufeff?((?:[A-Z][A-Za-z ]{1,30}:[^\n]*\n(?:[ \t]*\n)*){1,8})Markdown Content:[ \t]*\n"
)
_FIELD = re.compile(r"^([A-Za-z][\w -]{0,30}?)\s*:(?:\s+(.*?))?\s*$")
_KEYS = {
    "title": ("title",),
    "url": ("url", "url_source", "source", "source_url", "link", "canonical", "original_url"),
    "published": ("published", "published_time", "date", "pubdate", "published_at"),
    "author": ("author", "byline"),
    "outlet": ("site", "site_name", "publication", "publisher", "outlet"),
}


def page_metadata(text: str) -> tuple[dict[str, str | None], str]:
    """A clipper's metadata block and the Markdown after it; ({}, text) without one. A block
    whose lines are not all `key: value` (a rule, a paragraph, a rule) is the page's own."""
    found = _FRONT_MATTER.match(text) or _HEADER.match(text)
    if not found:
        return {}, text
    fields: dict[str, str] = {}
    for line in found.group(1).splitlines():
        if not line.strip() or line.startswith((" ", "\t", "-")):
            continue  # a list's items (tags, several authors): nothing a report shows
        field = _FIELD.match(line)
        if not field:
            return {}, text
        value = (field.group(2) or "").strip().strip("\"'")
        if value:
            fields[re.sub(r"[ -]+", "_", field.group(1).strip().lower())] = value
    meta = {
        key: next((fields[n] for n in names if n in fields), None) for key, names in _KEYS.items()
    }
    if not any(meta.values()):
        return {}, text  # "Police said: ..." between two rules is the story's
    return meta, text[found.end() :]
