"""Letters added to a built ledger without building it again over every letter.

Letters mostly arrive in date order, each junior to every letter already indexed. Linking such a letter
touches only the records it shares a deadline with and those its changes are about
(index.ledger_links.link_added), so a run that only added such letters extracts and links those letters
alone, reads only those records, and writes the new records and the few of the others whose links
changed. What it still reads of every letter is a pass in C or a light one in Python: the letters' dates and
parties (to check that the new ones change nothing of how the others are read), a text search for a name an
added letter appoints, and the words of every record when an added letter changes a duty without naming
its old deadline. The ledger is the one `index.ledger.build_ledger` builds over every
letter; when adding cannot promise that — an added letter is dated before one already indexed, appoints
someone another letter names to a post an actor there holds, or changes what the others read (a party's
body, an undated covering letter's date) — the caller builds the whole ledger instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.ledger_links import (
    alike_to_change,
    could_name,
    infer_dates,
    is_appointment,
    is_change,
    letter_seniority,
    link_added,
    name_actors,
    names_old_deadline,
    quote_terms,
)
from index.ledger_records import LetterView
from index.ledger_store import StoredLedger
from index.model import Commitment
from index.party_directory import with_known_bodies


@dataclass(frozen=True)
class Addition:
    added: list[Commitment]  # the added letters' records, linked
    updated: list[Commitment]  # the stored records whose links or status changed


def added_to_ledger(letters: list[LetterView], new: set[str], stored: StoredLedger,
                    extract_letter: Callable[[LetterView], list[Commitment]]) -> Addition | None:
    """The ledger over `letters` as the stored one (built over all but `new`) with the `new` letters added,
    or None when they cannot simply be added."""
    dated = _as_read(letters, new)
    if dated is None:
        return None
    added = [r for letter in dated if letter.source in new for r in extract_letter(letter)]
    if any(could_name(a, r) for a in filter(is_appointment, added) for r in stored.in_letters_naming(a.actor_name)):
        return None  # an added appointment can name the actor of a duty in another letter
    name_actors(stored.appointments() + added, {letter.source: letter.text for letter in dated if letter.source in new})
    return Addition(added, link_added(_context(stored, added), added))


def _as_read(letters: list[LetterView], new: set[str]) -> list[LetterView] | None:
    """The letters as the ledger reads them (dates inferred, bodies known: `build_ledger`), if the new ones
    come after all the others and change nothing of how those are read."""
    dated = with_known_bodies(infer_dates(letters))
    before = with_known_bodies(infer_dates([letter for letter in letters if letter.source not in new]))
    if [letter for letter in dated if letter.source not in new] != before:
        return None
    if before:
        newest = max(letter_seniority(letter.date, letter.date_basis, letter.source) for letter in before)
        if any(letter_seniority(letter.date, letter.date_basis, letter.source) <= newest for letter in dated
               if letter.source in new):
            return None
    return dated


def _context(stored: StoredLedger, added: list[Commitment]) -> list[Commitment]:
    """The stored records the added ones can be linked with (index.ledger_links.link_added)."""
    changes = [r for r in added if is_change(r)]
    days = {r.deadline for r in added if r.deadline} | {r.replaces_deadline for r in changes if names_old_deadline(r)}
    wide = [r for r in changes if not names_old_deadline(r)]
    alike: set[str] = set()
    if wide:
        terms = quote_terms(stored.quotes())
        for change in wide:
            alike |= alike_to_change(change, terms)
    return stored.around(days, alike) if days or alike else []
