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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Table, insert, inspect, text
from sqlalchemy.exc import DBAPIError
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
        self.keys: dict[type[m.Base], tuple[str, ...]] = {}
        self.rows: dict[type[m.Base], list[list[Any]]] = {}

    def add(self, model: type[m.Base], row: dict[str, Any]) -> Ref:
        """Plan ``row`` (keys are the model's attribute names); its reference.
        Every row of a model names the same attributes."""
        keys = self.keys.setdefault(model, tuple(row))
        if len(row) != len(keys):
            raise ValueError(f"a row for {model.__name__} names other attributes: {sorted(row)}")
        rows = self.rows.setdefault(model, [])
        rows.append([row[k] for k in keys])  # a missing attribute is a KeyError
        return Ref(model, len(rows) - 1)

    def add_many(
        self, model: type[m.Base], keys: tuple[str, ...], rows: Iterable[list[Any]]
    ) -> None:
        """Plan many rows at once, each a list of values in the order of ``keys``."""
        if self.keys.setdefault(model, keys) != keys:
            raise ValueError(f"rows for {model.__name__} name other attributes: {keys}")
        self.rows.setdefault(model, []).extend(rows)

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
            names = [columns[key] for key in self.keys[model]]
            # A reference stands only where a foreign key does.
            for i in (i for i, name in enumerate(names) if table.c[name].foreign_keys):
                for row in rows:
                    if type(value := row[i]) is Ref:
                        row[i] = ids[value.model][value.index]
            if given:
                names.append("id")
                for row, new in zip(rows, given, strict=True):
                    row.append(new)
            write_rows(session, table, names, rows)
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


def write_rows(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[list[Any]]
) -> None:
    """Insert ``rows`` (values in the order of the columns ``names``) into
    ``table``: by COPY on PostgreSQL, by the driver's own executemany on
    SQLite, each value converted as the column's type converts it."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    if defaults_missing(table, tuple(names)):
        # Python-side defaults are applied by SQLAlchemy's own insert.
        dicts = [dict(zip(names, row, strict=True)) for row in rows]
        for start in range(0, len(dicts), BATCH):
            session.execute(insert(table), dicts[start : start + BATCH])
        return
    if len(rows) >= COPY_FROM and dialect.name == "postgresql":
        copy_rows(session, table, names, rows)
        return
    convert = [
        (i, process)
        for i, name in enumerate(names)
        if (process := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
    ]
    quoted = ", ".join(f'"{table.c[name].name}"' for name in names)
    marks = ", ".join("?" if dialect.paramstyle == "qmark" else "%s" for _ in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
    if convert:
        for row in rows:
            for i, process in convert:
                row[i] = process(row[i])
    # The driver's executemany through SQLAlchemy's connection, so that a
    # driver error arrives as SQLAlchemy's (an IntegrityError is retried).
    connection = session.connection()
    for start in range(0, len(rows), BATCH):
        connection.exec_driver_sql(sql, [tuple(row) for row in rows[start : start + BATCH]])


@functools.cache
def defaults_missing(table: Table, names: tuple[str, ...]) -> bool:
    """Whether a column with a Python-side default is left out of ``names``."""
    return any(c.default is not None and c.name not in names and not c.primary_key for c in table.c)


def copy_rows(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """PostgreSQL's ``COPY ... FROM STDIN`` on the session's own connection
    (so inside its transaction): no statement per row at all."""
    columns = [table.c[name] for name in names]
    as_json = [i for i, c in enumerate(columns) if isinstance(c.type, JSON)]
    quoted = ", ".join(f'"{c.name}"' for c in columns)
    sql = f'COPY "{table.name}" ({quoted}) FROM STDIN'
    connection = session.connection()
    driver = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                if as_json:
                    row = list(row)
                    for i in as_json:
                        if row[i] is not None:
                            row[i] = json.dumps(row[i])
                copy.write_row(row)
    except connection.dialect.loaded_dbapi.Error as error:
        # As SQLAlchemy reports the driver's errors (IntegrityError, ...).
        raise DBAPIError.instance(
            sql, None, error, connection.dialect.loaded_dbapi.Error
        ) from error
