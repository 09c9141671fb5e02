"""Which tasks and blocks name each organisation: as a body of their own, of their area or of one of their
activities, or as a task's coordinator."""

from __future__ import annotations

from dataclasses import dataclass

from .memo import PerBuild
from .model import Area, Block, Plan, Site, Task


@dataclass(frozen=True)
class Involved:
    """A task or block that names an organisation, with its plan and area."""

    plan: Plan
    area: Area
    owner: Task | Block


_found: PerBuild[dict[str, tuple[Involved, ...]]] = PerBuild()  # every organisation's page asks: scan once


def involvement(site: Site) -> dict[str, tuple[Involved, ...]]:
    """Organisation id → the tasks and blocks that name it, in the site's order; organisations none names are
    left out."""
    return _found.get(site, None, lambda: _involvement(site))


def _involvement(site: Site) -> dict[str, tuple[Involved, ...]]:
    found: dict[str, list[Involved]] = {}
    for plan in site.plans:
        for area in plan.areas:
            for owner in [*area.tasks, *area.blocks]:
                for org_id in sorted(_named(area, owner)):
                    found.setdefault(org_id, []).append(Involved(plan, area, owner))
    return {org_id: tuple(entries) for org_id, entries in found.items()}


def _named(area: Area, owner: Task | Block) -> set[str]:
    named = {*owner.bodies, *area.bodies, *(body for activity in owner.activities for body in activity.bodies)}
    if isinstance(owner, Task) and owner.coordinator:
        named.add(owner.coordinator)
    return named
