"""Deterministic synthetic UK government letters (plain text, 2-5 KB each) for benchmarks.

Run: `python benchmarks/synthetic_letters.py FOLDER N [SEED]`. The same (n, seed) gives the same files.
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

FIRST = ("Jane John Sarah David Emma James Priya Mohammed Helen Andrew Fiona Robert Aisha Thomas Claire Michael "
         "Grace Daniel Ruth Peter Olivia Samuel Nadia Richard Laura Kwame Eleanor Simon Hannah Gareth").split()
LAST = ("Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Wright Khan Evans Roberts Walker Hughes "
        "Green Lewis Hall Clarke Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Okafor Doe").split()
ADDRESS = {
    "Department for Education": "Sanctuary Buildings, 20 Great Smith Street, London SW1P 3BT",
    "Ministry of Housing, Communities and Local Government": "2 Marsham Street, London SW1P 4DF",
    "Department of Health and Social Care": "39 Victoria Street, London SW1H 0EU",
    "Department for Transport": "Great Minster House, 33 Horseferry Road, London SW1P 4DR",
    "Cabinet Office": "70 Whitehall, London SW1A 2AS",
}
COUNCILS = ("Leeds City Council|Birmingham City Council|Kent County Council|Sandwell Metropolitan Borough Council|"
            "Doncaster Council|Northamptonshire County Council|Slough Borough Council|Croydon Council|"
            "Tower Hamlets Council|Liverpool City Council|Rotherham Metropolitan Borough Council|Thurrock Council|"
            "Bradford Council|Nottingham City Council|Cornwall Council|Somerset Council").split("|")
# topic: (departments, service, portfolio, legislation, agencies, issues, actions)
TOPICS = {
    "children's services": (
        ["Department for Education"], "children's social care", "Children and Families",
        "section 497A(4B) of the Education Act 1996", ["Ofsted", "the Children's Commissioner for England"],
        ["caseloads remain too high and too many referrals are not followed up within statutory timescales",
         "the most recent inspection judged services for children in need of help and protection inadequate"],
        ["reduce social worker caseloads to a manageable level", "improve the quality of assessments and plans",
         "strengthen management oversight of the front door", "recruit a permanent Director of Children's Services",
         "establish an independent children's trust to deliver services"]),
    "schools": (
        ["Department for Education"], "education and special educational needs services", "School Standards",
        "section 15(5) of the Local Government Act 1999", ["Ofsted", "the Education and Skills Funding Agency"],
        ["too many pupils attend schools that are not yet good", "the deficit in the high needs block keeps growing"],
        ["publish a revised strategy for special educational needs", "reduce persistent absence in secondary schools",
         "bring the high needs budget back into balance", "improve attainment at key stage 4"]),
    "housing": (
        ["Ministry of Housing, Communities and Local Government"], "housing and homelessness services",
        "Housing and Planning", "section 15(5) of the Local Government Act 1999",
        ["Homes England", "the Regulator of Social Housing"],
        ["the number of households in temporary accommodation has risen every quarter",
         "a large share of the council housing stock fails the Decent Homes Standard"],
        ["reduce the use of bed and breakfast accommodation for families", "adopt an up-to-date local plan",
         "bring the housing stock up to the Decent Homes Standard", "remediate unsafe cladding on high-rise blocks"]),
    "health": (
        ["Department of Health and Social Care"], "health and adult social care services", "Health",
        "section 13Z of the National Health Service Act 2006", ["NHS England", "the Care Quality Commission"],
        ["waiting times for elective treatment exceed the standards in the NHS Constitution",
         "the local system has not agreed a plan for discharging patients from hospital"],
        ["reduce waiting times for elective treatment", "publish a recovery plan for cancer services",
         "improve performance against the four-hour standard", "strengthen clinical governance"]),
    "transport": (
        ["Department for Transport"], "local transport services", "Roads and Local Transport",
        "section 112 of the Local Transport Act 2008", ["Network Rail", "National Highways"],
        ["the condition of the local road network has deteriorated markedly", "bus patronage has fallen sharply"],
        ["publish a bus service improvement plan", "clear the backlog of road repairs",
         "complete the full business case for the scheme", "improve the punctuality of services on the route"]),
    "statistics": (
        ["Cabinet Office"], "the production of official statistics", "the Constitution",
        "section 7 of the Statistics and Registration Service Act 2007",
        ["the Office for National Statistics", "the UK Statistics Authority"],
        ["response rates to the Labour Force Survey have fallen to historically low levels",
         "users have lost confidence in the quality of several headline series"],
        ["review the methods used to produce the labour market estimates", "publish a revised release calendar",
         "improve the quality assurance of published statistics", "set out how users will be consulted"]),
}
RANKS = ["Secretary of State for {p}", "Minister of State for {p}", "Parliamentary Under Secretary of State for {p}",
         "Director General, {p}", "Permanent Secretary"]
SAY = {
    "background": [
        "In {past} {inspector} published a report which found serious failures in {service} in {place}.",
        "I remain concerned about the pace of improvement in {service} in {place}, despite the efforts of staff.",
        "Since my predecessor last wrote to you there has been some progress, but {issue}.",
        "Having considered the findings of the review led by {person}, I have concluded that {who} is failing "
        "to perform its functions in relation to {service} to an adequate standard.",
        "The evidence I have seen shows that {issue}, and that leaders have not yet got a grip on the problem.",
        "I want to thank you and your officials for meeting my team on {past_date} to discuss {service}."],
    "direction": [
        "I am directing {who} to {action} by {deadline}.", "You must submit a plan to the Department by {deadline}.",
        "Under {law}, I am directing {who} to {action}, and to confirm in writing when this has been done.",
        "{Who} must {action} and send the Department a detailed action plan no later than {deadline}.",
        "I require {who} to {action} within three months of the date of this letter."],
    "request": [
        "I would be grateful if you could report to me by {loose}.",
        "I should be grateful if you would let me have a progress report on your plans to {action} by {deadline}.",
        "Please could you provide my officials with an assessment of the options no later than {deadline}.",
        "I would welcome an update from you by {loose} on the steps taken to {action}."],
    "commitment": [
        "The Department will provide {money} of funding to support this work.",
        "My officials will meet {who} every {period} to review progress against the plan.",
        "I will write to you again by {loose} setting out my decision on any further intervention.",
        "The Department will publish the findings of the review by {deadline}.",
        "We will make {money} available in {year} to help {who} {action}."],
    "appointment": [
        "I have appointed {person} as Commissioner for {service} in {place}.",
        "I am pleased to tell you that I have appointed {person} to lead an independent review of {service}.",
        "{person} will act as my adviser on {service} from {deadline}, reporting to me and to you jointly."],
    "closing": [
        "I am copying this letter to {person}, {person} and {person}.",
        "Thank you for your continued co-operation; I look forward to working with you on these changes.",
        "My officials remain available to discuss any aspect of this letter with {who}.",
        "I know that you share my determination to secure lasting improvement for the people of {place}."],
}
EXTEND = [
    "In my letter of {prev_date} I asked {who} to {prev_action} by {prev_deadline}. Having considered your "
    "representations, the deadline of {prev_deadline} set in my letter of {prev_date} is extended to {new_deadline}.",
    "I have decided that the deadline of {prev_deadline} set in my letter of {prev_date} is extended to "
    "{new_deadline}, to allow {who} to {prev_action} properly. All other requirements remain in force.",
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("department", "dept")).strip("-")


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _cast() -> dict[str, tuple[str, str]]:
    """Who holds each post (a department's ministers and officials, a council's leader, an agency's chief
    executive): one person each, the same in every letter and every corpus, as in an archive where the same
    people write and are written to for years. No two posts share a person."""
    posts = [f"{dept}|{rank}" for dept in ADDRESS for rank in RANKS] + [f"leader|{c}" for c in COUNCILS]
    posts += sorted({f"chief executive|{a}" for topic in TOPICS.values() for a in topic[4]})
    names = random.Random("cast").sample([(first, last) for first in FIRST for last in LAST], len(posts))
    return dict(zip(posts, names, strict=True))


CAST = _cast()
OUTSIDE_CAST = sorted(set((first, last) for first in FIRST for last in LAST) - set(CAST.values()))


def person(rng: random.Random, titles: tuple[str, ...] = ("",)) -> str:
    """Someone who holds none of the cast's posts (a commissioner, a reviewer, someone copied in)."""
    first, last = rng.choice(OUTSIDE_CAST)
    return f"{rng.choice(titles)} {first} {last}".strip()


def recipient(rng: random.Random, topic: str) -> dict:
    """Who the letter goes to (a council leader, an agency's chief executive or a reviewer) and how it names them."""
    agencies = TOPICS[topic][4]
    kind = rng.choice(["council", "council", "agency", "person"])
    if kind == "council":
        council = rng.choice(COUNCILS)
        first, last = CAST[f"leader|{council}"]
        place = re.sub(r" (City|County|Metropolitan Borough|Borough)? ?Council$", "", council)
        return dict(body=council, who="the Council", place=place, salutation=rng.choice(
            [f"Councillor {last}", first]), lines=[f"Councillor {first} {last}", f"Leader of {council}",
                                                  f"Town Hall, {place}"])
    if kind == "agency":
        agency = rng.choice(agencies)
        first, last = CAST[f"chief executive|{agency}"]
        return dict(body=agency.removeprefix("the "), who=agency, place="England", salutation=first,
                    lines=[f"{first} {last}", f"Chief Executive, {agency.removeprefix('the ')}"])
    first, last = rng.choice(OUTSIDE_CAST)
    title = rng.choice(["Professor", "Dr"])
    return dict(body=f"{first} {last}", who="you", place="England", salutation=f"{title} {last}",
                lines=[f"{title} {first} {last}"])


def post_holder(dept: str, rank: str) -> str:
    """How the cast member holding this post signs: ministers as "Rt Hon … MP", officials by name alone."""
    first, last = CAST[f"{dept}|{rank}"]
    return f"Rt Hon {first} {last} MP" if "State" in rank else f"{first} {last}"


def new_case(rng: random.Random, after: date | None = None) -> dict:
    """The facts of a fresh letter: topic, sender, recipient, date (within a month `after`, when given) and its
    main deadline and action."""
    topic = rng.choice(sorted(TOPICS))
    depts, service, portfolio, law, _, issues, actions = TOPICS[topic]
    sent = date(2010, 1, 1) + timedelta(days=rng.randrange(5300))  # to mid-2024: follow-ups stay in 2024
    sent = after + timedelta(days=1 + rng.randrange(30)) if after else sent
    rank, dept = rng.choice(RANKS), rng.choice(depts)
    case = dict(topic=topic, dept=dept, service=service, law=law, issues=issues, actions=actions,
                sender=post_holder(dept, rank), post=rank.format(p=portfolio), date=sent, action=rng.choice(actions), extends=None)
    case.update(recipient(rng, topic))
    case["deadline"] = sent + timedelta(days=rng.randrange(30, 200))
    return case


def follow_up(rng: random.Random, earlier: dict) -> dict:
    """A later letter to the same recipient that extends the earlier letter's deadline."""
    case = dict(earlier)
    case["date"] = earlier["date"] + timedelta(days=rng.randrange(14, max(15, (earlier["deadline"] - earlier["date"]).days)))
    case["extends"] = (earlier["date"], earlier["deadline"], earlier["action"])
    case["deadline"] = earlier["deadline"] + timedelta(days=rng.randrange(30, 120))
    return case


def filler(rng: random.Random, case: dict, key: str) -> str:
    """The text for one {key} in a template; deadlines, people and sums are drawn afresh each time."""
    sent = case["date"]
    later = sent + timedelta(days=rng.randrange(30, 240))
    past = sent - timedelta(days=rng.randrange(20, 300))
    values = {
        "deadline": lambda: long_date(later), "loose": lambda: f"the end of {later:%B %Y}",
        "past": lambda: f"{past:%B %Y},", "past_date": lambda: long_date(past), "year": lambda: f"{later.year}",
        "person": lambda: person(rng, ("", "", "Professor", "Dr")),
        "money": lambda: rng.choice([f"£{rng.randrange(2, 40)} million", f"£{rng.randrange(1, 9) * 50},000"]),
        "action": lambda: rng.choice(case["actions"]), "issue": lambda: rng.choice(case["issues"]),
        "inspector": lambda: rng.choice(TOPICS[case["topic"]][4]), "period": lambda: rng.choice(["month", "quarter", "six weeks"]),
        "Who": lambda: case["who"][0].upper() + case["who"][1:],
        "prev_date": lambda: long_date(case["extends"][0]), "prev_deadline": lambda: long_date(case["extends"][1]),
        "prev_action": lambda: case["extends"][2], "new_deadline": lambda: long_date(case["deadline"]),
    }
    return values[key]() if key in values else str(case[key])


def say(rng: random.Random, case: dict, template: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: filler(rng, case, m.group(1)), template)


def paragraph(rng: random.Random, case: dict, kinds: list[str]) -> str:
    """Sentences of these kinds, no template twice in one paragraph."""
    unused = {kind: rng.sample(SAY[kind], len(SAY[kind])) for kind in kinds}
    return " ".join(say(rng, case, unused[kind].pop()) for kind in kinds)


def body(rng: random.Random, case: dict) -> list[str]:
    """4-12 paragraphs: background, the letter's business, perhaps a list of asks, and a close."""
    paras = [paragraph(rng, case, ["background"] * rng.randint(2, 3))]
    if case["extends"]:
        paras.append(say(rng, case, rng.choice(EXTEND)))
    first = f"I am directing {case['who']} to {case['action']} by {long_date(case['deadline'])}."
    paras.append(first + " " + paragraph(rng, case, ["background", "direction"]))
    kinds = ["direction", "request", "commitment", "appointment", "background"]
    for _ in range(rng.randint(1, 7)):
        paras.append(paragraph(rng, case, rng.sample(kinds, rng.randint(2, 3))))
    if rng.random() < 0.5:
        items = rng.sample(case["actions"], rng.randint(2, min(4, len(case["actions"]))))
        asks = [f"- {a[0].upper()}{a[1:]}" + (f" by {say(rng, case, '{deadline}')}." if rng.random() < 0.5 else ".")
                for a in items]
        paras.insert(rng.randint(1, len(paras)), "I therefore ask you to:\n\n" + "\n".join(asks))
    paras.append(paragraph(rng, case, rng.sample(["closing"] * 2 + ["commitment"], 2)))
    return paras[:12]


def letter(rng: random.Random, case: dict) -> str:
    header = [case["sender"], case["post"], case["dept"], ADDRESS[case["dept"]], "", *case["lines"], "",
              long_date(case["date"]), "", f"Dear {case['salutation']},"]
    footer = ["Yours sincerely,", "", case["sender"], case["post"]]
    return "\n".join(header) + "\n\n" + "\n\n".join(body(rng, case)) + "\n\n" + "\n".join(footer) + "\n"


def file_name(case: dict, number: int) -> str:
    return f"{case['date'].isoformat()}_{slug(case['dept'])}_to_{slug(case['body'])}_letter-{number:04d}.txt"


def write_corpus(folder: Path, n: int, seed: int = 0, first: int = 0, after: date | None = None) -> list[Path]:
    """Write n letters into folder (numbered from `first`; dated after `after`, when given); about one in five
    follows up an earlier one."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[dict] = []
    paths: list[Path] = []
    for number in range(first, first + n):
        fresh = [c for c in cases if not c["extends"]]
        case = follow_up(rng, rng.choice(fresh)) if fresh and rng.random() < 0.2 else new_case(rng, after)
        text = letter(rng, case)
        while len(text.encode()) < 2000:  # a short draw: one more paragraph of business
            text = text.replace("\n\nYours sincerely,", "\n\n" + paragraph(rng, case, ["request", "commitment"])
                                + "\n\nYours sincerely,")
        cases.append(case)
        paths.append(folder / file_name(case, number))
        paths[-1].write_text(text, encoding="utf-8")
    return paths


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: synthetic_letters.py FOLDER N [SEED]")
    written = write_corpus(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) == 4 else 0)
    print(f"{len(written)} letters written to {sys.argv[1]}")
