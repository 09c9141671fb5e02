"""A body is tied to a task only where the source names it for that task, one of its activities (or of the cell
it shares), as its coordinator, or as the body that issued the plan; an area's heading does not tie it to all."""

from baltic_plans.involvement import involvement
from baltic_plans.model import Activity, Area, Block, Plan, Site, Text


def text(words: str) -> Text:
    return Text(lv=words, en=words)


def activity(id: str, bodies: list[str]) -> Activity:
    return Activity(id=id, source="1", status="done", text=text(id), bodies=bodies)


PLAN = Plan(
    id="demo",
    kind="progress-report",
    title=text("Demo"),
    short_title=text("Demo"),
    issuer="presidency",
    period="2008",
    source={"file": "demo.txt", "language": "en"},
    areas=[
        Area(
            id="security",
            source="1",
            title=text("Security"),
            bodies=["task-force", "working-group"],  # the area's heading names both
            tasks=[
                {"id": "t-named", "source": "1", "text": text("a"), "bodies": ["task-force"]},
                {
                    "id": "t-activity",
                    "source": "1",
                    "text": text("b"),
                    "activities": [activity("a1", ["working-group"])],
                },
                {"id": "t-shares", "source": "1", "text": text("c"), "shares_cell_with": "t-activity"},
                {"id": "t-coordinated", "source": "1", "text": text("d"), "coordinator": "city"},
                {"id": "t-none", "source": "1", "text": text("e")},
            ],
            blocks=[Block(id="b-block", source="1", title=text("Block"), activities=[activity("a2", ["agency"])])],
        )
    ],
)
SITE = Site(plans=(PLAN,), organisations={}, places={}, sources={})


def involved(org_id: str) -> list[str]:
    return [entry.owner.id for entry in involvement(SITE).get(org_id, ())]


def test_a_body_named_for_a_task_or_its_activities_is_involved_in_that_task_only():
    assert involved("task-force") == ["t-named"]
    assert involved("working-group") == ["t-activity", "t-shares"]  # t-shares shares t-activity's cell


def test_a_coordinator_and_a_blocks_body_are_involved():
    assert involved("city") == ["t-coordinated"]
    assert involved("agency") == ["b-block"]


def test_the_issuing_body_is_involved_in_all_of_its_plan():
    assert involved("presidency") == ["t-named", "t-activity", "t-shares", "t-coordinated", "t-none", "b-block"]
