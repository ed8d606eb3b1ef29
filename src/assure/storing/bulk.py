"""Bulk inserts: the rows of many tables planned first, then written table by
table, each in one statement per batch rather than one per row.

    plan = RowPlan()
    document = plan.add(m.Document, {...})
    plan.add(m.SectionRow, {"document_id": document, ...})
    ids = plan.insert(session)  # {m.Document: [id]}: sections have no children

A value that is a ``Ref`` (what ``add`` returns) stands for the id the
referenced row will get. The rows of tables that foreign keys point at get
their ids before they are written, every such table in one query (SQLite:
after the largest, under the write lock every writing session holds;
PostgreSQL: from the table's sequence), so children can be written without
reading ids back row by row; the rows of other tables take the ids the
database gives them as they are written (the same ones).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import JSON, Dialect, Table, insert, inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from assure.storing import models as m

BATCH = 5000  # rows per executemany
COPY_FROM = 20  # rows from which PostgreSQL gets them by COPY


class Ref(NamedTuple):
    """The id the ``number``-th planned row (from 0) of ``model`` will get."""

    model: type[m.Base]
    number: int


class RowPlan:
    """Rows to insert, per model, in the order they were added."""

    def __init__(self) -> None:
        self.keys: dict[type[m.Base], tuple[str, ...]] = {}
        self.rows: dict[type[m.Base], list[Sequence[Any]]] = {}
        self.values_of: dict[type[m.Base], Callable[[dict[str, Any]], tuple[Any, ...]]] = {}

    def add(self, model: type[m.Base], row: dict[str, Any]) -> Ref:
        """Plan ``row`` (keys are the model's attribute names); its reference.
        Every row of a model names the same attributes."""
        values_of = self.values_of.get(model) or self.name_attributes(model, tuple(row))
        if len(row) != len(self.keys[model]):
            raise ValueError(f"a row for {model.__name__} names other attributes: {sorted(row)}")
        rows = self.rows[model]
        rows.append(values_of(row))  # a missing attribute is a KeyError
        return Ref(model, len(rows) - 1)

    def add_many(
        self, model: type[m.Base], keys: tuple[str, ...], rows: Iterable[Sequence[Any]]
    ) -> None:
        """Plan many rows at once, each a sequence of values in the order of ``keys``."""
        self.name_attributes(model, keys)
        self.rows[model].extend(rows)

    def name_attributes(
        self, model: type[m.Base], keys: tuple[str, ...]
    ) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
        """Take ``keys`` as the attributes every row of ``model`` names; what
        picks their values from a row, in that order."""
        if self.keys.setdefault(model, keys) != keys:
            raise ValueError(f"rows for {model.__name__} name other attributes: {keys}")
        if model not in self.values_of:
            get = itemgetter(*keys)
            self.values_of[model] = get if len(keys) > 1 else lambda row: (get(row),)
            self.rows[model] = []
        return self.values_of[model]

    def insert(self, session: Session) -> dict[type[m.Base], list[int]]:
        """Write every planned row, parents before children; the ids given
        to the rows of each model that foreign keys point at."""
        planned = [(t, model) for t, model in INSERT_ORDER if self.rows.get(model)]
        wanted = {t: len(self.rows[model]) for t, model in planned if t in REFERENCED}
        ids = {MODELS[t.name]: given for t, given in allocate_ids(session, wanted).items()}
        for table, model in planned:
            names = column_names(model, self.keys[model])
            values = [list(column) for column in zip(*self.rows[model], strict=True)]
            # A reference stands only where a foreign key does.
            for i in foreign_keys(table, names):
                values[i] = [ids[v.model][v.number] if type(v) is Ref else v for v in values[i]]
            if model in ids:
                names = (*names, "id")
                values.append(ids[model])
            write_columns(session, table, names, values)
        return ids


MODELS: dict[str, type[m.Base]] = {
    mapper.local_table.name: mapper.class_
    for mapper in m.Base.registry.mappers
    if isinstance(mapper.local_table, Table)
}
# Parents before children, as the foreign keys require.
INSERT_ORDER = [(t, MODELS[t.name]) for t in m.Base.metadata.sorted_tables if t.name in MODELS]


def has_serial_id(table: Table) -> bool:
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id"


# The tables some foreign key points at, whose rows get their ids first.
REFERENCED = {
    fk.column.table
    for t in m.Base.metadata.sorted_tables
    for fk in t.foreign_keys
    if has_serial_id(fk.column.table)
}


@functools.cache
def column_names(model: type[m.Base], keys: tuple[str, ...]) -> tuple[str, ...]:
    """The columns behind the model's attributes ``keys``
    (``AgendaItemRow.group`` is the column ``group_heading``)."""
    columns = {attr.key: attr.columns[0].key for attr in inspect(model).column_attrs}
    return tuple(columns[key] for key in keys)


@functools.cache
def foreign_keys(table: Table, names: tuple[str, ...]) -> tuple[int, ...]:
    """Which of the columns ``names`` are foreign keys."""
    return tuple(i for i, name in enumerate(names) if table.c[name].foreign_keys)


def allocate_ids(session: Session, counts: dict[Table, int]) -> dict[Table, list[int]]:
    """``counts[table]`` unused ids for each table, ascending, in one query."""
    if not counts:
        return {}
    if session.get_bind().dialect.name == "postgresql":
        taken = ", ".join(
            "ARRAY(SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s))"
            for _ in counts
        )
        params = tuple(x for table, n in counts.items() for x in (table.name, n))
        found = session.connection().exec_driver_sql(f"SELECT {taken}", params).one()
        return {table: sorted(given) for table, given in zip(counts, found, strict=True)}
    # The writing session began with BEGIN IMMEDIATE: no one else can insert
    # until it commits, so the ids after the largest stay free.
    largest = ", ".join(f'(SELECT coalesce(max(id), 0) FROM "{table.name}")' for table in counts)
    found = session.connection().exec_driver_sql(f"SELECT {largest}").one()
    return {
        table: list(range(top + 1, top + 1 + n))
        for (table, n), top in zip(counts.items(), found, strict=True)
    }


def write_columns(
    session: Session, table: Table, names: tuple[str, ...], values: list[list[Any]]
) -> None:
    """Insert rows given column by column (``values[i]`` holds the column
    ``names[i]`` of every row) into ``table``: by COPY on PostgreSQL, by the
    driver's own executemany on SQLite, each value converted as the column's
    type converts it."""
    dialect = session.get_bind().dialect
    if defaults_missing(table, names):
        # Python-side defaults are applied by SQLAlchemy's own insert.
        dicts = [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
        for start in range(0, len(dicts), BATCH):
            session.execute(insert(table), dicts[start : start + BATCH])
        return
    if len(values[0]) >= COPY_FROM and dialect.name == "postgresql":
        copy_rows(session, table, names, list(zip(*values, strict=True)))
        return
    sql, converters = insert_statement(table, names, dialect)
    for i, process, is_json in converters:
        if is_json:
            # Most JSON values are empty lists: serialised once.
            empty = process([])
            values[i] = [empty if v == [] else process(v) for v in values[i]]
        else:
            values[i] = list(map(process, values[i]))
    rows = list(zip(*values, strict=True))
    # The driver's executemany through SQLAlchemy's connection, so that a
    # driver error arrives as SQLAlchemy's (an IntegrityError is retried).
    connection = session.connection()
    for start in range(0, len(rows), BATCH):
        connection.exec_driver_sql(sql, rows[start : start + BATCH])


@functools.cache
def insert_statement(
    table: Table, names: tuple[str, ...], dialect: Dialect
) -> tuple[str, tuple[tuple[int, Callable[[Any], Any], bool], ...]]:
    """The INSERT of the columns ``names`` in the driver's parameter style,
    and the bind processor of each column that has one (and whether it is JSON)."""
    quoted = ", ".join(f'"{table.c[name].name}"' for name in names)
    marks = ", ".join("?" if dialect.paramstyle == "qmark" else "%s" for _ in names)
    converters = tuple(
        (i, process, isinstance(table.c[name].type, JSON))
        for i, name in enumerate(names)
        if (process := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
    )
    return f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', converters


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
