"""Find improvement plans anywhere in a document.

One pass over the clean lines: a priority heading ("Priority 3: Early Support",
"PRIORITY 3 – EARLY SUPPORT", "Objective 2 -", "Recommendation 4:") or a quality
statement heading ("Quality statement 6: Safeguarding", or the bare name above an
action table) makes that priority current; "Theme 1" headings above statements or
priorities only group them. What follows is filed under the current priority: lead
lines, action tables (tab, pipe or comma separated), numbered sub-actions ("1.2"),
bulleted actions under an actions label, success measures under a measures label or
in a measures table, and regulator recommendation codes. A priority may be headed
several times (a summary page, a plan page, its action table); all are one priority.
A number seen again under an unrelated title starts a new plan. A flat table with a
group column ("Workstream") gives a priority per group.
"""

from __future__ import annotations

import re

from assure.document import CleanLine, CleanText
from assure.parsing.per_text import once_per_text
from assure.parsing.plan.aliases import add_aliases
from assure.parsing.plan.drafts import Draft, PlanDraft, bullet_action, bullet_text
from assure.parsing.plan.fields import (
    direction_of,
    recommendation_codes,
    split_leads,
    timeframe_of,
)
from assure.parsing.plan.flat import unflatten
from assure.parsing.plan.labels import (
    BULLET,
    INLINE_LEAD,
    LEAD_LINE,
    PLAN_TITLE,
    embedded_lead,
    label_of,
    priority_heading,
    statement_heading,
    titles_agree,
)
from assure.parsing.plan.overall import closing_measures, plan_measures
from assure.parsing.plan.tables import (
    Columns,
    MeasureColumns,
    Row,
    cells_of,
    csv_cells,
    group_key,
    header_columns,
    is_table_line,
    lead_columns,
    measure_columns,
    measure_of,
    merge,
    numbered_group,
    open_quote,
    quarter_headers,
)
from assure.parsing.plan.themes import find_theme_plans
from assure.structure import Plan, SuccessMeasure

SUB_ITEM = re.compile(r"^(\d{1,2})\.(\d{1,2})[.)]?\s+(\S.*)$")
# Headings that group finer ones: "Theme 1" above its quality statements or priorities.
GROUPING = frozenset({"theme"})
# Headings that also occur outside plans, so count only where plan content follows.
NEEDS_CONTENT = frozenset(
    {
        "recommendation",
        "outcome",
        "goal",
        "aim",
        "ambition",
        "area for improvement",
        "area for development",
        "improvement area",
    }
)
FOLLOW_REACH = 4
TOP_OF_DOCUMENT = 2
LOOK_BACK = 300


def continues(cells: list[str]) -> bool:
    """A row holding only lower-case text in its first cell carries on the row above."""
    filled = [c for c in cells if c]
    return len(filled) == 1 and cells[0] == filled[0] and cells[0][:1].islower()


def wraps_a_row(line: CleanLine) -> bool:
    """Whether a bare line straight after a table row is that row's wrapped text."""
    text = line.text
    return (
        len(text) < 300
        and not line.heading_level
        and label_of(text) is None
        and not BULLET.match(text)
        and not LEAD_LINE.match(text)
    )


class PlanScanner:
    """The single pass over a document's lines that drafts its plans."""

    def __init__(self, text: CleanText, whole_rows: frozenset[int] = frozenset()) -> None:
        self.lines = text.lines
        # Rows read back from a flattened PDF table already hold their wrapped text.
        self.whole_rows = whole_rows
        self.source = text.source.lines
        self.plans: list[PlanDraft] = []
        self.current: Draft | None = None
        self.label: str | None = None
        self.columns: Columns | None = None
        self.rows: list[Row] | None = None
        self.last: CleanLine | None = None
        self.bulleted = False
        self.measure_table: MeasureColumns | None = None
        self.lead_table: tuple[int, int] | None = None
        self.group_name = ""
        self.csv = False

    def run(self) -> list[PlanDraft]:
        for index, line in enumerate(self.lines):
            self.step(index, line)
            self.last = line
        return [p for p in self.plans if p.substantial()]

    def step(self, index: int, line: CleanLine) -> None:
        if self.joins_quoted_cell(line):
            return
        first = line.text.split("\t", 1)[0].strip()
        heading = priority_heading(first) if len(first) <= 150 else None
        if heading is not None and (heading[0] not in NEEDS_CONTENT or self.content_follows(index)):
            self.heading_line(index, line, first, heading)
            return
        statement = statement_heading(line.text) if "\t" not in line.text.strip() else None
        if statement is not None and (statement[2] or self.content_follows(index)):
            number, name, _ = statement
            self.open_priority(
                index, "statement", number, name, line, key=number or name.casefold()
            )
            return
        if is_table_line(line):
            self.table_line(index, line, cells_of(line, self.source))
            return
        if (cells := self.csv_row(line)) is not None:
            self.table_line(index, line, cells)
            return
        if self.measure_table is not None:
            # The table was the measures the label announced; prose after it is not.
            self.measure_table, self.label = None, None
        self.lead_table = None
        adjacent = self.last is not None and line.number == self.last.end + 1
        wrapped = adjacent and self.last is not None and self.last.number not in self.whole_rows
        if self.rows and self.columns is not None and wrapped and wraps_a_row(line):
            merge(self.rows[-1], [""] * self.columns.action + [line.text])
            return
        self.rows = None
        if self.current is None:
            return
        self.prose_line(line, adjacent)

    def heading_line(
        self, index: int, line: CleanLine, first: str, heading: tuple[str, str, str]
    ) -> None:
        """A priority heading, perhaps with its lead and codes in the same cell, and
        perhaps a merged cell down the side of a table whose row follows in the line."""
        keyword, number, written = heading
        title, lead = embedded_lead(written)
        cells = cells_of(line, self.source) if is_table_line(line) else []
        in_row = sum(1 for c in cells if c) >= 2
        self.open_priority(index, keyword, number, title, line, in_row=in_row)
        if self.current is not None:
            # "(links to AFI 2, AFI 5)": the findings the priority answers.
            self.current.refs.extend(recommendation_codes(first))
            self.current.leads.extend(split_leads(lead) if lead else ())
        if in_row:
            self.table_line(index, line, cells)

    def joins_quoted_cell(self, line: CleanLine) -> bool:
        """A spreadsheet cell with line breaks runs on: join the line to the open row."""
        if not self.rows or self.last is None or line.number != self.last.end + 1:
            return False
        row = self.rows[-1]
        if not open_quote(row.cells):
            return False
        more = [cell.strip() for cell in line.text.split("\t")]
        row.cells[-1] = f"{row.cells[-1]} {more[0]}"
        row.cells.extend(more[1:])
        return True

    def content_follows(self, index: int) -> bool:
        """Whether an action table, a lead line or an actions or measures label
        follows within a few lines: a heading that also occurs outside plans counts
        only then."""
        for line in self.lines[index + 1 : index + 1 + FOLLOW_REACH]:
            if header_columns(cells_of(line)) is not None or LEAD_LINE.match(line.text):
                return True
            if label_of(line.text) in ("actions", "measures"):
                return True
        return False

    def open_priority(
        self,
        index: int,
        keyword: str,
        number: str | None,
        title: str,
        line: CleanLine,
        key: str | None = None,
        in_row: bool = False,
    ) -> None:
        """Make the priority headed at ``line`` current; ``in_row`` when the heading
        is a merged cell beside a table row, so the table carries on under it."""
        key = key or number
        plan = self.plans[-1] if self.plans else None
        if plan is not None and plan.keyword != keyword:
            if keyword in GROUPING:
                return  # "Theme 1" grouping the priorities of a plan headed by priorities
            if plan.keyword in GROUPING:
                # The themes only grouped the finer headings that follow.
                plan.priorities = {k: d for k, d in plan.priorities.items() if not d.empty()}
                plan.keyword = keyword
            elif keyword != "priority":
                return
            else:
                plan = None
        known = plan.priorities.get(key) if plan else None
        if plan is None or (known is not None and not titles_agree(known.title, title)):
            found = self.plan_title(index)
            plan = PlanDraft(
                start_line=found[1] if found else line.number,
                title=found[0] if found else None,
                keyword=keyword,
            )
            self.plans.append(plan)
            known = None
        if known is None:
            known = Draft(number, "", line.number)
            plan.priorities[key] = known
        known.name(title or self.title_below(index))
        same = known is self.current
        self.current, self.label, self.bulleted = known, None, False
        if in_row:
            if not same and self.rows is not None and self.columns is not None:
                self.rows = []
                known.tables.append((self.columns, self.rows))
            return
        self.measure_table = None
        if self.rows is not None and self.columns is not None and is_table_line(line):
            self.rows = []
            known.tables.append((self.columns, self.rows))
        else:
            self.rows = None

    def title_below(self, index: int) -> str:
        """The sentence under a bare "Recommendation 2" heading, which names it."""
        if index + 1 >= len(self.lines):
            return ""
        below = self.lines[index + 1]
        text = below.text.strip()
        plain = not (
            is_table_line(below)
            or BULLET.match(text)
            or LEAD_LINE.match(text)
            or label_of(text) is not None
            or priority_heading(text)
        )
        return text.rstrip(".") if plain and 3 <= len(text) <= 250 else ""

    def plan_title(self, index: int) -> tuple[str, int, int] | None:
        """The nearest plan title above line ``index``: (title, line number, index)."""
        for back in range(index - 1, max(-1, index - LOOK_BACK), -1):
            text = self.lines[back].text.strip()
            if len(text) <= 100 and PLAN_TITLE.search(text) and "\t" not in text:
                title = re.sub(r"^part\s+\w+\s*[:.\-–]\s*", "", text, flags=re.IGNORECASE)
                return (title.lstrip("# "), self.lines[back].number, back)
        return None

    def csv_row(self, line: CleanLine) -> list[str] | None:
        """A comma-separated row, once a comma-separated action table header is seen."""
        # A row of three cells or more has two commas or more.
        cells = csv_cells(line.text) if line.text.count(",") >= 2 else []
        self.csv = len(cells) >= 3 and (self.csv or header_columns(cells) is not None)
        return cells if self.csv else None

    def table_line(self, index: int, line: CleanLine, cells: list[str]) -> None:
        if self.current is not None and (measures := measure_columns(cells)) is not None:
            self.measure_table, self.rows, self.group_name = measures, None, ""
            return
        if self.measure_table is not None and self.current is not None:
            if measure := measure_of(cells, self.measure_table, line.number):
                self.file_measure(cells, measure)
            return
        if self.current is not None and (leads := lead_columns(cells)) is not None:
            self.lead_table, self.rows, self.group_name = leads, None, ""
            return
        if self.lead_table is not None:
            self.file_leads(cells)
            return
        if (columns := header_columns(cells)) is not None:
            self.columns = columns
            self.rows = []
            if self.current is None:
                self.open_implicit(index, line)
            if self.current is not None:
                self.current.tables.append((columns, self.rows))
            return
        if self.rows is None or self.columns is None:
            if self.current is not None:
                self.current.refs.extend(recommendation_codes(line.text))
            return
        if not self.rows and not self.columns.quarters and (quarters := quarter_headers(cells)):
            self.columns.quarters = quarters
        elif re.match(r"^[\s\-|:]+$", line.text):
            return
        elif (
            self.rows
            and (not cells[0] or continues(cells))
            and any(cells)
            and not self.grouped_row(cells)
        ):
            merge(self.rows[-1], cells)  # a wrapped row: first cell empty or lower case alone
        elif any(cells):
            self.rows.append(Row(line.number, cells, note=cells[0].startswith("*")))

    def row_group(self, cells: list[str], column: int | None) -> str:
        """The priority a row of a leads or measures table names; a merged cell is
        written once, on its first row."""
        if column is not None and column < len(cells) and cells[column]:
            self.group_name = cells[column]
        return self.group_name if column is not None else ""

    def file_measure(self, cells: list[str], measure: SuccessMeasure) -> None:
        draft = self.current
        assert draft is not None and self.measure_table is not None
        group = self.row_group(cells, self.measure_table.group)
        if group and draft.grouped():
            draft.group_measures.setdefault(group_key(group), []).append(measure)
        else:
            draft.measures.append(measure)

    def file_leads(self, cells: list[str]) -> None:
        """A row of a table of strategic leads: the leads of the priority it names."""
        assert self.lead_table is not None
        column, lead_column = self.lead_table
        group = self.row_group(cells, column)
        leads = split_leads(cells[lead_column]) if lead_column < len(cells) else ()
        if not group or not leads:
            return
        if self.current is not None and self.current.grouped():
            self.current.group_leads.setdefault(group_key(group), []).extend(leads)
        elif (draft := self.named_priority(group)) is not None:
            draft.leads.extend(leads)

    def named_priority(self, name: str) -> Draft | None:
        """The priority of the current plan that ``name`` numbers or names."""
        if not self.plans:
            return None
        number, title = numbered_group(name)
        drafts = self.plans[-1].priorities
        if number is not None and number in drafts:
            return drafts[number]
        return next((d for d in drafts.values() if group_key(d.title) == group_key(title)), None)

    def grouped_row(self, cells: list[str]) -> bool:
        """A row under a merged group cell ("Workstream" left blank below its first
        row) is a new row when it has its own action and its own lead or date."""
        columns = self.columns
        if columns is None or columns.group != 0:
            return False
        own = [i for i in (columns.lead, *columns.time) if i is not None and i < len(cells)]
        has_action = columns.action < len(cells) and bool(cells[columns.action])
        return has_action and any(cells[i] for i in own)

    def open_implicit(self, index: int, line: CleanLine) -> None:
        """A flat action table with no priority headings: one unnamed priority. It
        needs a plan title above it, unless it opens the document (a spreadsheet export)."""
        found: tuple[str | None, int, int] | None = self.plan_title(index)
        if found is None and index <= TOP_OF_DOCUMENT:
            found = (None, line.number, index)
        if found is None or index - found[2] > 40:
            self.rows = None
            return
        plan = PlanDraft(start_line=found[1], title=found[0])
        self.plans.append(plan)
        self.current = Draft(None, "", line.number)
        plan.priorities[None] = self.current

    def prose_line(self, line: CleanLine, adjacent: bool) -> None:
        draft = self.current
        assert draft is not None
        if line.heading_level and label_of(line.text) is None:
            self.label, self.bulleted = None, False  # a new part: "## Appendix A"
            return
        if lead := LEAD_LINE.match(line.text):
            draft.leads.extend(split_leads(lead.group(1)))
            return
        if (sub := SUB_ITEM.match(line.text)) and sub.group(1) == draft.number:
            # "1.2 Bring the backlog down ..." under Priority 1: a numbered action.
            draft.bullet_actions.append(bullet_action(sub.group(3), line.number))
            self.label, self.bulleted = "actions", True
            return
        text = bullet_text(line)
        if text is None:
            if (label := label_of(line.text)) is not None:
                self.label, self.bulleted = label, False
                return
            if adjacent and (line.text[:1].islower() or self.indented(line)):
                self.continue_item(line.text)
                return
        draft.refs.extend(recommendation_codes(line.text))
        if text is None and (self.bulleted or self.label != "measures" or len(line.text) > 200):
            if self.bulleted:
                self.label = None
            return
        item = text if text is not None else line.text
        self.bulleted = self.bulleted or text is not None
        if self.label == "measures":
            draft.measures.append(SuccessMeasure(item, direction_of(item), line.number))
        elif self.label == "actions":
            draft.bullet_actions.append(bullet_action(item, line.number))
        elif self.label in (None, "other") and (timeframe_of(item) or INLINE_LEAD.search(item)):
            draft.timed_bullets.append(bullet_action(item, line.number))

    def indented(self, line: CleanLine) -> bool:
        """A line indented under a list item carries on that item's text."""
        if not self.bulleted or not 1 <= line.number <= len(self.source):
            return False
        return self.source[line.number - 1].text[:1] in (" ", "\t")

    def continue_item(self, more: str) -> None:
        draft = self.current
        assert draft is not None
        if self.label == "measures" and draft.measures:
            last = draft.measures[-1]
            text = f"{last.text} {more}"
            draft.measures[-1] = SuccessMeasure(text, direction_of(text), last.start_line)
        elif self.label == "actions" and draft.bullet_actions:
            last_action = draft.bullet_actions[-1]
            draft.bullet_actions[-1] = bullet_action(
                f"{last_action.text} {more}", last_action.start_line
            )


@once_per_text  # the plan's detector, then the plan's or the pack's parser
def find_plans(text: CleanText) -> tuple[Plan, ...]:
    """Every improvement plan in ``text``: its priorities, leads, actions and measures.

    Works on a standalone plan and on a plan embedded in a committee pack; returns
    an empty tuple when there is none. Never raises on odd text.
    """
    text, whole_rows = unflatten(text)
    drafts = PlanScanner(text, whole_rows).run()
    if not drafts:
        return find_theme_plans(text)
    add_aliases(text, drafts)
    plans: list[Plan] = []
    for draft in drafts:
        priorities = tuple(
            priority
            for d in draft.priorities.values()
            for priority in d.finish()
            if priority.number is not None or priority.actions or priority.measures
        )
        first = min((p.start_line for p in priorities), default=draft.start_line)
        measures = plan_measures(text.lines, draft.start_line, first)
        priorities, closing = closing_measures(priorities)
        plan = Plan(draft.title, draft.start_line, priorities, (*measures, *closing))
        plans.append(plan)
    return tuple(plans)
