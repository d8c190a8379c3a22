"""Rebuilding the ledger reads again only the letters whose records cannot be taken back from the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from index import ledger_cache
from index.ledger import build_ledger
from index.ledger_cache import CachedExtraction
from index.ledger_records import LetterView
from index.model import DateBasis, LetterMetadata

FIRST = LetterView("a.txt", "Recovery", "Dear Ms Hart,\n\nPlease send me a recovery plan by 30 June 2021.\n",
                   LetterMetadata("", recipient="Ms Hart", sender="Tom Reed"), date=date(2021, 3, 3))
SECOND = LetterView("b.txt", "Extension", "Dear Ms Hart,\n\nThe deadline of 30 June 2021 for the recovery plan is "
                    "extended to 31 July 2021.\n", LetterMetadata("", recipient="Ms Hart", sender="Tom Reed"), date=date(2021, 5, 3))


@pytest.fixture
def extracted(monkeypatch) -> list[str]:
    """The sources extraction reads afresh."""
    read: list[str] = []
    real = ledger_cache.extract

    def counting(letter):
        read.append(letter.source)
        return real(letter)

    monkeypatch.setattr(ledger_cache, "extract", counting)
    return read


def test_records_taken_back_make_the_same_ledger_as_reading_every_letter(extracted):
    first = CachedExtraction({})
    fresh = build_ledger([FIRST, SECOND], first)
    assert sorted(extracted) == ["a.txt", "b.txt"] and set(first.fresh) == {"a.txt", "b.txt"}
    extracted.clear()
    again = CachedExtraction(first.fresh)
    assert build_ledger([FIRST, SECOND], again) == fresh == build_ledger([FIRST, SECOND])
    assert any(r.superseded_by for r in fresh), "the links across letters are made on records taken back too"
    assert extracted == [] and again.fresh == {}


@pytest.mark.parametrize(("changed", "read_again"), [
    (replace(SECOND, text=SECOND.text.replace("31 July", "31 August")), ["b.txt"]),
    (replace(SECOND, date=date(2021, 5, 4), date_basis=DateBasis.INFERRED), ["b.txt"]),
    # The body its sender writes for, now known: the first letter, by the same writer, learns it too.
    (replace(SECOND, metadata=replace(SECOND.metadata, sender_org="Department for Education")), ["a.txt", "b.txt"]),
])
def test_a_letter_is_read_again_when_anything_extraction_reads_of_it_changed(extracted, changed, read_again):
    first = CachedExtraction({})
    build_ledger([FIRST, SECOND], first)
    extracted.clear()
    assert build_ledger([FIRST, changed], CachedExtraction(first.fresh)) == build_ledger([FIRST, changed])
    assert extracted == read_again


def test_records_read_by_other_code_are_not_taken_back(extracted, monkeypatch):
    first = CachedExtraction({})
    build_ledger([FIRST], first)
    extracted.clear()
    monkeypatch.setattr(ledger_cache, "rules_version", lambda: "other-rules")
    build_ledger([FIRST], CachedExtraction(first.fresh))
    assert extracted == ["a.txt"]
