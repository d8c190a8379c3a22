"""Split canonical text into units of meaning: sentences, and the items of bulleted lists.

"I therefore ask you to: - … - …" holds several duties, so each list item is a unit of its own
(and an item of several sentences is split further). Units carry offsets into the canonical text.
"""

from __future__ import annotations

import re

from index.canonical import BULLET
from index.dates import FULL_DATE
from index.layout import Layout
from index.model import Unit, UnitKind
from index.parties import LETTER_FROM
from index.report_metadata import STATEMENT

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "etc", "cllr", "rt", "hon",
    "cf", "vs", "co", "ltd", "para", "paras", "s", "ss", "art", "sec", "reg", "sch", "vol", "p", "pp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
}
BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def _spans(text: str, pattern: str, start: int = 0, end: int | None = None):
    """(start, end) of the non-empty pieces of text[start:end] between matches of pattern."""
    end = len(text) if end is None else end
    pos = start
    for m in re.compile(pattern).finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if end > pos:
        yield pos, end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    piece_start = start
    for m in BOUNDARY.finditer(text, start, end):
        word = re.search(r"(\S+)$", text[piece_start : m.start()])
        token = word.group(1).lower().lstrip("(\"'“‘") if word else ""
        if token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue  # "Mr. Smith", "J. Smith": not a boundary
        close = m.start() + 1 + len(m.group(0)[1:].rstrip())
        spans.append((piece_start, close))
        piece_start = m.end()
    if piece_start < end:
        spans.append((piece_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _looks_like_prose(line: str) -> bool:
    """Canonical text joins wrapped lines, so prose ends with punctuation; a long line that does not
    (a letterhead, an address, a heading) is a line, not a sentence."""
    if line.endswith(":") and len(line.split()) >= 2:  # a lead-in: "The Council must:"
        return True
    if LETTER_FROM.match(line.strip()):  # a publication's header: "Letter from … to … of 6 October 2021"
        return False
    if STATEMENT.match(line.strip()):  # a report's title page: "Commissioned by …", "Chair: …"
        return True
    if FULL_DATE.search(line) and len(line.split()) >= 5:  # a table row of an action and its deadline
        return True
    # A long line is prose even when the letter as published lost its final full stop.
    return bool(re.search(r"[.!?:;,)\"”’]$", line)) and len(line.split()) > 4 or len(line.split()) >= 15 or len(line) >= 200


# An instruction opening with its verb ("Submit a plan by 1 May 2016."): a numbered item whose number was markup.
IMPERATIVE = re.compile(
    r"^(?:Publish|Submit|Provide|Produce|Prepare|Appoint|Recruit|Complete|Review|Establish|Report|Deliver|Agree|"
    r"Implement|Ensure|Develop|Set up|Send|Carry out|Commission|Introduce|Update|Revise|Confirm|Share|Put in place)\b"
)


def _implicit_item(line: str) -> bool:
    """A list item whose bullet or number was markup (HTML <li>, a PDF glyph lost in extraction):
    after a lead-in, it starts in lower case or with an instruction's verb, or ends like an item (";", "; and")."""
    return bool(re.match(r"^[a-z]", line) or re.search(r";(?:\s+(?:and|or))?$", line) or IMPERATIVE.match(line))


def segment(text: str, layout: Layout | None = None) -> list[Unit]:
    """The units of a text: a table row whole (its header row as its lead-in), a heading as a line, and the
    sentences and list items of everything else."""
    layout = layout or Layout()
    rows = {row.start: row for row in layout.rows}
    header_rows = {row.header for row in layout.rows}
    headings = {heading.start for heading in layout.headings}
    units: list[Unit] = []
    lead_in: int | None = None
    for block, (b_start, b_end) in enumerate(_spans(text, r"\n\s*\n")):
        if b_start in rows:  # a header row names its table's columns: a line, not a row of what the table says
            kind = UnitKind.LINE if b_start in header_rows else UnitKind.ROW
            units.append(Unit(b_start, rows[b_start].end, kind, block, rows[b_start].header))
            lead_in = None
            continue
        for l_start, l_end in _spans(text, r"\n", b_start, b_end):
            if l_start in headings:
                units.append(Unit(l_start, l_end, UnitKind.LINE, block))
                lead_in = None
                continue
            line = text[l_start:l_end]
            is_item = bool(BULLET.match(line)) or (lead_in is not None and _implicit_item(line))
            if not is_item and not _looks_like_prose(line):
                units.append(Unit(l_start, l_end, UnitKind.LINE, block))
                lead_in = None
                continue
            for i, (s, e) in enumerate(sentence_spans(text, l_start, l_end)):
                kind = UnitKind.ITEM if is_item and i == 0 else UnitKind.SENTENCE
                units.append(Unit(s, e, kind, block, lead_in if is_item else None))
            if not is_item:
                last = units[-1]
                lead_in = last.start if text[last.start : last.end].rstrip().endswith(":") else None
    return units
