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
