"""Bulk inserts: the rows of many tables planned first, then written table by
table, each in one statement per batch rather than one per row.

    plan = RowPlan()
    document = plan.add(m.Document, {...})
    plan.add(m.SectionRow, {"document_id": document, ...})
    ids = plan.insert(session)  # {m.Document: [id], m.SectionRow: [id]}

A value that is a ``Ref`` (what ``add`` returns) stands for the id the
referenced row will get. Ids are allocated per table in one query (SQLite:
after the largest, under the write lock every writing session holds;
PostgreSQL: from the table's sequence), so children can be written without
reading ids back row by row.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Table, insert, inspect, text
from sqlalchemy.orm import Session

from assure.storing import models as m

BATCH = 5000  # rows per executemany
COPY_FROM = 20  # rows from which PostgreSQL gets them by COPY


@dataclass(frozen=True, slots=True)
class Ref:
    """The id the ``index``-th planned row of ``model`` will get."""

    model: type[m.Base]
    index: int


class RowPlan:
    """Rows to insert, per model, in the order they were added."""

    def __init__(self) -> None:
        self.rows: dict[type[m.Base], list[dict[str, Any]]] = {}

    def add(self, model: type[m.Base], row: dict[str, Any]) -> Ref:
        """Plan ``row`` (keys are the model's attribute names); its reference."""
        rows = self.rows.setdefault(model, [])
        rows.append(row)
        return Ref(model, len(rows) - 1)

    def insert(self, session: Session) -> dict[type[m.Base], list[int]]:
        """Write every planned row, parents before children; the ids given
        to each model's rows (models keyed otherwise get none)."""
        ids: dict[type[m.Base], list[int]] = {}
        for table, model in INSERT_ORDER:
            rows = self.rows.get(model)
            if not rows:
                continue
            given = allocate_ids(session, table, len(rows)) if has_serial_id(table) else []
            if given:
                ids[model] = given
            columns = column_keys(model)
            resolved = [
                {
                    columns[key]: ids[value.model][value.index] if isinstance(value, Ref) else value
                    for key, value in row.items()
                }
                | ({"id": given[i]} if given else {})
                for i, row in enumerate(rows)
            ]
            write_rows(session, table, resolved)
        return ids


MODELS: dict[str, type[m.Base]] = {
    mapper.local_table.name: mapper.class_
    for mapper in m.Base.registry.mappers
    if isinstance(mapper.local_table, Table)
}
# Parents before children, as the foreign keys require.
INSERT_ORDER = [(t, MODELS[t.name]) for t in m.Base.metadata.sorted_tables if t.name in MODELS]


@functools.cache
def column_keys(model: type[m.Base]) -> dict[str, str]:
    """The model's attribute names and the keys of the columns behind them
    (``AgendaItemRow.group`` is the column ``group_heading``)."""
    return {attr.key: attr.columns[0].key for attr in inspect(model).column_attrs}


def has_serial_id(table: Table) -> bool:
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id"


def allocate_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` unused ids for ``table``, ascending."""
    if session.get_bind().dialect.name == "postgresql":
        found = session.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": count},
        )
        return sorted(int(x) for (x,) in found)
    # The writing session began with BEGIN IMMEDIATE: no one else can insert
    # until it commits, so the ids after the largest stay free.
    top = session.execute(text(f'SELECT coalesce(max(id), 0) FROM "{table.name}"')).scalar_one()
    return list(range(int(top) + 1, int(top) + 1 + count))


def write_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if len(rows) >= COPY_FROM and session.get_bind().dialect.name == "postgresql":
        copy_rows(session, table, rows)
        return
    for start in range(0, len(rows), BATCH):
        session.execute(insert(table), list(rows[start : start + BATCH]))


def copy_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL's ``COPY ... FROM STDIN`` on the session's own connection
    (so inside its transaction): no statement per row at all."""
    names = list(rows[0])
    columns = [table.c[name] for name in names]
    as_json = [isinstance(c.type, JSON) for c in columns]
    quoted = ", ".join(f'"{c.name}"' for c in columns)
    sql = f'COPY "{table.name}" ({quoted}) FROM STDIN'
    driver = session.connection().connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[name]) if j and row[name] is not None else row[name]
                    for name, j in zip(names, as_json, strict=True)
                ]
            )
