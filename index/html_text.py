"""The text of an HTML page or an HTML email body, its structure kept as line breaks and blank lines."""

from __future__ import annotations

import re

BLOCK_TAGS = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "section", "article",
              "header", "footer", "blockquote", "address", "title", "dd", "dt", "pre", "hr"]


def html_text(html: str) -> str:
    """The page's text with its structure as whitespace: a blank line around every block element,
    a line break for <br> and between table cells, inline markup (<b>, <a>) joined into its line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        if tag.name == "head" and tag.title:  # keep the page title as the first line
            tag.replace_with(tag.title)
        else:
            tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" \n")
    for block in soup.find_all(BLOCK_TAGS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    return _one_blank_line(soup.get_text(""))


def _one_blank_line(text: str) -> str:
    """Nested HTML blocks and empty Word paragraphs leave runs of blank lines; one blank line is the
    paragraph break (a longer gap would read as a page break to the canonicaliser)."""
    return re.sub(r"\n[^\S\n]*\n(?:[^\S\n]*\n)+", "\n\n", text)
