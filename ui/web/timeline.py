"""The Commitments page's timeline: deadlines over time, one row per actor, today marked."""

from __future__ import annotations

from datetime import date, timedelta

from index.model import Commitment, Status

COLOURS = {Status.CURRENT: "#1d4ed8", Status.SUPERSEDED: "#9ca3af", Status.WITHDRAWN: "#dc2626"}
TODAY = "#b45309"


def _row_name(record: Commitment) -> str:
    return (record.actor_name or record.actor or "?")[:40]


def timeline(records: list[Commitment], today: date | None = None):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    today = today or date.today()
    dated = [r for r in records if r.deadline]
    actors = sorted({_row_name(r) for r in dated})
    fig, ax = plt.subplots(figsize=(10, max(2.5, 0.45 * len(actors) + 1.5)))
    for r in dated:
        ax.scatter(r.deadline, actors.index(_row_name(r)), color=COLOURS[r.status],
                   s=60, zorder=3, marker="o" if r.status == Status.CURRENT else "x")
    mark_today(ax, [r.deadline for r in dated], today)
    ax.set_yticks(range(len(actors)), actors)
    ax.set_title("Deadlines (blue: current, grey ×: superseded, red ×: withdrawn)")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def mark_today(ax, days: list[date], today: date) -> None:
    """Frame the deadlines and mark today: on the axis when it is near them, else in the legend only."""
    label = f"today ({today.isoformat()})"
    if not days:
        ax.axvline(today, color=TODAY, linestyle="--", label=label)
        return
    pad = timedelta(days=max(20, (max(days) - min(days)).days // 12))
    low, high = min(days) - pad, max(days) + pad
    if low <= today <= high:
        ax.axvline(today, color=TODAY, linestyle="--", label=label)
    else:  # keep the deadlines readable; say where today lies
        high = max(high, today) if (today - high).days < 180 else high
        side = "after" if today > high else "before"
        ax.plot([], [], color=TODAY, linestyle="--", label=f"{label} is {side} this range")
        if low <= today <= high:
            ax.axvline(today, color=TODAY, linestyle="--")
    ax.set_xlim(low, high)
