"""What a report's title page says of it: who prepared it, for whom, who commissioned it, who led it.

A letter says who wrote it in its signature and to whom in its address; a report says so in lines of its title
page ("Prepared by …", "Report to …", "Commissioned by …", "Chair: …"). These lines are statements, so the
segmenter reads them as sentences, and the metadata takes its parties from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How far into a report its title page and front matter reach.
FRONT = 2500
BY = r"(?P<party>[A-Z][^\n]{2,150}?)\.?\s*$"
PREPARED_BY = re.compile(rf"^(?:(?:A |The )?(?:report|review)\s+)?(?:prepared|written|produced|published|carried out|"
                         rf"conducted|undertaken|compiled)\s+by\s+(?:the\s+)?{BY}", re.I | re.M)
REPORT_TO = re.compile(rf"^(?:(?:A |The )?report\s+to|presented\s+to|submitted\s+to|prepared\s+for|laid\s+before|"
                       rf"addressed\s+to)\s+{BY}", re.I | re.M)
COMMISSIONED_BY = re.compile(rf"^(?:(?:This|The|A)\s+(?:review|report|inquiry)\s+(?:was\s+)?)?commissioned\s+by\s+{BY}",
                             re.I | re.M)
LED_BY = re.compile(rf"^(?:chair|chaired by|lead reviewer|reviewer|author|authors|led by|chairman|chairwoman|"
                    rf"independent chair)\s*[:,-]?\s+{BY}", re.I | re.M)
# Any of them: a title page's line that states something, which the segmenter reads as a sentence.
STATEMENT = re.compile("|".join(f"(?:{p.pattern.replace('?P<party>', '')})"
                                for p in (PREPARED_BY, REPORT_TO, COMMISSIONED_BY, LED_BY)), re.I | re.M)


@dataclass(frozen=True)
class ReportParties:
    prepared_by: str | None = None
    led_by: str | None = None
    report_to: str | None = None
    commissioned_by: str | None = None


def _party(pattern: re.Pattern[str], front: str) -> str | None:
    m = pattern.search(front)
    return m.group("party").strip() if m else None


def report_parties(text: str) -> ReportParties:
    """The parties a report's front matter names; None for each it does not."""
    front = text[:FRONT]
    return ReportParties(_party(PREPARED_BY, front), _party(LED_BY, front), _party(REPORT_TO, front),
                         _party(COMMISSIONED_BY, front))
