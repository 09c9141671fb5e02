"""Which tasks and blocks name each organisation: as a body of their own or of one of their activities (tasks
that share one accomplished/planned cell share its activities), as a task's coordinator, or as the body that
issued the plan, which is involved in all of it. An area's heading naming a body does not tie it to every task
of the area."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Area, Block, Plan, Site, Task


@dataclass(frozen=True)
class Involved:
    """A task or block that names an organisation, with its plan and area."""

    plan: Plan
    area: Area
    owner: Task | Block


def involvement(site: Site) -> dict[str, tuple[Involved, ...]]:
    """Organisation id → the tasks and blocks that name it, in the site's order; organisations none names are
    left out. Made once per site: `site.index.involvement`."""
    found: dict[str, list[Involved]] = {}
    for plan in site.plans:
        for area in plan.areas:
            owners: list[Task | Block] = [*area.tasks, *area.blocks]
            for owner in owners:
                for org_id in sorted({plan.issuer, *_named(area, owner)}):
                    found.setdefault(org_id, []).append(Involved(plan, area, owner))
    return {org_id: tuple(entries) for org_id, entries in found.items()}


def _named(area: Area, owner: Task | Block) -> set[str]:
    activities = owner.activities
    if isinstance(owner, Task) and owner.shares_cell_with:
        activities = next(task.activities for task in area.tasks if task.id == owner.shares_cell_with)
    named = {*owner.bodies, *(body for activity in activities for body in activity.bodies)}
    if isinstance(owner, Task) and owner.coordinator:
        named.add(owner.coordinator)
    return named
