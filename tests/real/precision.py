"""Precision of what assure reports on real documents: its figures and its
conflicting figures, against samples checked by hand.

Figures. ``figures/*.toml`` name sampled pages (or, where a document has no
pages, line ranges) of real documents. For each, a person read the page and
wrote down every figure on it (a measured quantity: its value with its sign, in
the unit's base, money in pounds, its unit and a few words of what it measures)
and the numbers on it that are not figures (phone numbers, postcodes, section,
paragraph and page numbers, dates, ages, references). Every figure assure
reports on a sampled page is then judged:

- right: it is one of the page's figures, with its value, sign and unit, and a
  measure that names it (or no measure at all, counted apart as "unnamed");
- wrong: a number that is not a figure, a figure with the wrong value, sign,
  scale or unit, a measure that names something else (or carries the numbers of
  its neighbours), or a number found nowhere on the page as a figure.

Precision is right / reported; recall, the page's figures found / written.

Sample format::

    file = "real/kent-budget-risk-register-2025-01-30.pdf"   # under ../shared/corpus

    [[pages]]
    page = 4                     # or: lines = [100, 129] (1-based source lines)
    figures = [
      { value = -8021000, unit = "gbp", measure = "deficit" },
      { values = [1.8, 2.1], unit = "count", measure = ["benefit cost ratio", "bcr"] },
    ]
    not_figures = [{ value = 3, why = "page number" }]

Units: ``percent``, ``gbp``, ``days``, ``weeks``, ``years``, ``ratio``,
``score`` and ``rank`` as assure names them; ``count`` for a plain number
(assure may leave it without a unit); any other (``months``, ``seconds``,
``rate``) is a unit assure has no name for, so a figure reported without one
is right, and as a plain count wrong, except a rate, which is a plain number.

Conflicts. ``conflicts.toml`` groups the real documents by council, as a council
would hold them in one library, and records every conflicting figure assure
reported in them, checked by hand: ``real = true`` only where both figures are
the same measure, for the same period and the same place, and disagree.
A reported conflict that is not recorded is counted wrong until someone checks it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIGURES = HERE / "figures"
CONFLICTS = HERE / "conflicts.toml"

NAMED_UNITS = {"percent", "gbp", "days", "weeks", "years", "ratio", "score", "rank"}
PLAIN = {"count", "rate"}  # a plain number: assure's "count", or no unit
NEAR = 3  # lines: a measure carrying a figure read this close before it is a row's neighbour
SCALES = (1e3, 1e6, 1e9, 100.0, 1e-2, 1e-3, 1e-6)

# A document as the pipeline returns it: its metrics, findings and source lines.
Document = Any
Documents = Callable[[str], Document]


# -- the hand-checked sample -----------------------------------------------------


@dataclass
class Expected:
    value: float
    unit: str | None = None
    measures: tuple[str, ...] = ()
    figure: bool = True
    why: str = ""


@dataclass
class Unit:
    """A sampled page (or line range) of one document and what it holds."""

    file: str
    page: int | None
    lines: tuple[int, int] | None
    expected: list[Expected]
    heldout: int = 0  # the round of pages sampled after the rules were written (0: not held out)
    partial: bool = False  # only the lines where assure reports figures were written down

    @property
    def where(self) -> str:
        at = f"p{self.page}" if self.page is not None else ""
        if self.lines:
            at += f" l{self.lines[0]}-{self.lines[1]}"
        return f"{Path(self.file).name} {at.strip()}"

    def holds(self, page: int | None, line: int) -> bool:
        if self.page is not None and page != self.page:
            return False
        return self.lines is None or self.lines[0] <= line <= self.lines[1]


def expected_figures(rows: Iterable[Mapping[str, Any]], figure: bool) -> list[Expected]:
    found = []
    for row in rows:
        measure = row.get("measure") or ()
        measures = (measure,) if isinstance(measure, str) else tuple(measure)
        values = row["values"] if "values" in row else [row["value"]]
        for value in values:
            found.append(
                Expected(
                    float(value), row.get("unit"), measures, figure=figure, why=row.get("why", "")
                )
            )
    return found


def figure_samples(folder: Path = FIGURES) -> list[Unit]:
    units = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for page in data.get("pages", []):
            lines = page.get("lines")
            units.append(
                Unit(
                    data["file"],
                    page.get("page"),
                    (int(lines[0]), int(lines[1])) if lines else None,
                    expected_figures(page.get("figures", []), True)
                    + expected_figures(page.get("not_figures", []), False),
                    int(page.get("heldout", 0)),
                    bool(page.get("partial")),
                )
            )
    return units


# -- judging one reported figure ---------------------------------------------------


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.005 * max(abs(a), abs(b)))


def value_match(expected: float, found: float | None) -> str | None:
    """ "same", "sign" or "scale" when ``found`` is ``expected`` so read, else None."""
    if found is None:
        return None
    if close(expected, found):
        return "same"
    if close(abs(expected), abs(found)):
        return "sign"
    if any(close(abs(expected), abs(found) * k) for k in SCALES):
        return "scale"
    return None


def singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def words(text: Any) -> list[str]:
    return [singular(w) for w in re.findall(r"[a-z]+", str(text or "").lower())]


def names_it(measures: Sequence[str], found: str | None) -> bool:
    """Whether a reported measure names the figure: it holds every word of one
    of the written measures."""
    if not measures:
        return True
    got = words(found)
    return any(all(w in got for w in words(measure)) for measure in measures)


def carries_neighbours(metric: Mapping[str, Any], before: Sequence[Mapping[str, Any]]) -> bool:
    """Whether a measure holds a figure reported before it on its line: a
    flattened table row read as "Journey Time Benefits £155.4m" for the row's
    second value."""
    measure = f" {metric.get('measure') or ''} "
    return any(
        other.get("text")
        and re.search(rf"(?<![\w.,]){re.escape(str(other['text']).strip())}(?![\w])", measure)
        for other in before
    )


def unit_right(expected: str | None, found: str | None) -> bool:
    if expected is None or expected == found:
        return True
    if expected in PLAIN:
        return found in {"count", None}
    if expected in NAMED_UNITS:
        return False
    return found is None


@dataclass
class Verdict:
    metric: Mapping[str, Any]
    right: bool
    reason: str  # "" when right
    unnamed: bool = False


def pick(metric: Mapping[str, Any], left: list[Expected]) -> tuple[Expected | None, str | None]:
    """The written number a reported figure stands for: a figure of the same
    value and unit first (one its measure names, if any), then a number that is
    no figure, then a figure of the same value in another unit, sign or scale."""
    value, unit = metric.get("value"), metric.get("unit")
    best: tuple[int, int, str] | None = None
    for i, e in enumerate(left):
        how = value_match(e.value, value)
        if how is None:
            continue
        if how == "same" and e.figure and unit_right(e.unit, unit):
            rank = 6 if names_it(e.measures, metric.get("measure")) else 5
        elif how == "same":
            rank = 3 if e.figure else 4
        else:
            rank = 2 if e.figure else 1
        if best is None or rank > best[0]:
            best = (rank, i, how)
    if best is None:
        return None, None
    return left.pop(best[1]), best[2]


def judge(
    metric: Mapping[str, Any], left: list[Expected], before: Sequence[Mapping[str, Any]] = ()
) -> Verdict:
    if metric.get("value") is None:
        return Verdict(metric, False, "no value")
    expected, how = pick(metric, left)
    if expected is None:
        return Verdict(metric, False, "not a figure on the page")
    if not expected.figure:
        return Verdict(metric, False, f"not a figure ({expected.why or 'no measure'})")
    if how == "sign":
        return Verdict(metric, False, "wrong sign")
    if how == "scale":
        return Verdict(metric, False, "wrong scale")
    if not unit_right(expected.unit, metric.get("unit")):
        return Verdict(metric, False, f"wrong unit ({metric.get('unit')}, not {expected.unit})")
    measure = metric.get("measure")
    if not measure:
        return Verdict(metric, True, "", unnamed=True)
    if not names_it(expected.measures, measure) or carries_neighbours(metric, before):
        return Verdict(metric, False, "wrong measure")
    return Verdict(metric, True, "")


# -- scoring the sample ------------------------------------------------------------


@dataclass
class Precision:
    """Reported figures judged right or wrong, and the written ones found."""

    reported: int = 0
    right: int = 0
    unnamed: int = 0
    written: int = 0
    found: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Precision) -> None:
        self.reported += other.reported
        self.right += other.right
        self.unnamed += other.unnamed
        self.written += other.written
        self.found += other.found
        for reason, count in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + count
        self.notes.extend(other.notes)

    @property
    def precision(self) -> float:
        return self.right / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.written if self.written else 1.0


def metrics_with_pages(document: Document) -> list[dict[str, Any]]:
    pages = {line.number: line.page for line in document.source_lines}
    return [
        {
            "value": m.value,
            "unit": m.unit,
            "measure": m.measure,
            "text": m.text,
            "start_line": m.start_line,
            "page": pages.get(m.start_line),
        }
        for m in document.metrics
    ]


def score_unit(unit: Unit, metrics: Sequence[Mapping[str, Any]]) -> Precision:
    score = Precision()
    left = list(unit.expected)
    figures = [e for e in left if e.figure]
    score.written = len(figures)
    held = [m for m in metrics if unit.holds(m["page"], m["start_line"])]
    for i, metric in enumerate(held):
        # figures read just before it, on its line or the few lines above
        before = [m for m in held[:i] if 0 <= metric["start_line"] - m["start_line"] <= NEAR]
        verdict = judge(metric, left, before)
        score.reported += 1
        if verdict.right:
            score.right += 1
            score.unnamed += verdict.unnamed
        else:
            kind = verdict.reason.split(" (")[0]
            score.reasons[kind] = score.reasons.get(kind, 0) + 1
            score.notes.append(
                f"{unit.where} line {metric['start_line']}: {metric['text']!r} "
                f"{metric['value']} {metric['unit']} {metric['measure']!r}: {verdict.reason}"
            )
    score.found = len(figures) - sum(1 for e in left if e.figure)
    if unit.partial:
        score.written = score.found = 0  # no recall where not every figure was written down
    return score


def figure_precision(
    documents: Documents, units: Sequence[Unit] | None = None, heldout: int | None = None
) -> dict[str, Precision]:
    """Per document of the sample, the precision of its reported figures (only
    the pages held out in one round, where ``heldout`` names it)."""
    results: dict[str, Precision] = {}
    for unit in figure_samples() if units is None else units:
        if heldout is not None and unit.heldout != heldout:
            continue
        metrics = metrics_with_pages(documents(unit.file))
        results.setdefault(Path(unit.file).name, Precision()).add(score_unit(unit, metrics))
    return results


# -- conflicts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    """A conflict as assure reports it: two figures, each where it is written."""

    file: str
    line: int
    other_file: str
    other_line: int
    message: str


def reported_conflicts(
    documents: Documents, councils: Mapping[str, Sequence[str]]
) -> list[Reported]:
    """Every conflicting figure assure reports, per council: within each
    document (its findings) and between the council's documents."""
    from assure.extracting.consistency import compare_metrics

    found: list[Reported] = []
    for files in councils.values():
        for file in files:
            for f in documents(file).findings:
                if f.kind == "conflicting_figure":
                    found.append(Reported(file, f.start_line, file, f.other_line or 0, f.message))
        pairs = [(file, m) for file in files for m in documents(file).metrics]
        for f in compare_metrics(pairs):
            found.append(
                Reported(
                    f.document or "",
                    f.start_line,
                    f.other_document or "",
                    f.other_line or 0,
                    f.message,
                )
            )
    return list(dict.fromkeys(found))  # a finding stored twice is shown once


def conflict_sample(path: Path = CONFLICTS) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    if not path.exists():
        return {}, []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    councils = {c["name"]: list(c["files"]) for c in data.get("councils", [])}
    return councils, list(data.get("conflicts", []))


def same_conflict(checked: Mapping[str, Any], found: Reported) -> bool:
    here = (checked["file"], checked["line"])
    there = (checked.get("other_file", checked["file"]), checked["other_line"])
    return {here, there} == {(found.file, found.line), (found.other_file, found.other_line)} and (
        not checked.get("values")
        or all(
            re.search(rf"(?<![\d.]){re.escape(v)}(?![\d])", found.message)
            for v in checked["values"]
        )
    )


@dataclass
class ConflictScore:
    reported: int = 0
    real: int = 0
    false: int = 0
    unchecked: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.real / self.reported if self.reported else 1.0


def conflict_precision(documents: Documents) -> ConflictScore:
    councils, checked = conflict_sample()
    score = ConflictScore()
    for found in reported_conflicts(documents, councils):
        score.reported += 1
        match = next((c for c in checked if same_conflict(c, found)), None)
        if match is None:
            score.unchecked += 1
            score.notes.append(
                f"unchecked: {Path(found.file).name} line {found.line} / "
                f"{Path(found.other_file).name} line {found.other_line}: {found.message[:160]}"
            )
        elif match.get("real"):
            score.real += 1
        else:
            score.false += 1
            score.notes.append(
                f"false: {Path(found.file).name} line {found.line}: {match.get('why', '')}: "
                f"{found.message[:160]}"
            )
    return score


# -- report ----------------------------------------------------------------------------


def report(
    figures: Mapping[str, Precision],
    conflicts: ConflictScore | None,
    details: bool,
    heldout: Sequence[Mapping[str, Precision]] = (),
) -> str:
    out = ["", "FIGURES on hand-checked pages     reported right wrong unnamed  precision  recall"]
    total = Precision()
    for name, p in sorted(figures.items()):
        out.append(
            f"    {name[:34]:<34} {p.reported:>5} {p.right:>5} {p.reported - p.right:>5}"
            f" {p.unnamed:>7}  {p.precision:>8.1%}  {p.found:>3}/{p.written:<3}"
        )
        if details:
            out.extend(f"      - {note}" for note in p.notes)
        total.add(p)
    out.append(
        f"FIGURES TOTAL\t{total.right} right of {total.reported} reported "
        f"(precision {total.precision:.1%}), {total.unnamed} of them unnamed; "
        f"{total.found} of {total.written} written figures found (recall {total.recall:.1%})"
    )
    if total.reasons:
        out.append(
            "    wrong: "
            + ", ".join(f"{r} {n}" for r, n in sorted(total.reasons.items(), key=lambda x: -x[1]))
        )
    for round_, results in enumerate(heldout, 1):
        held = Precision()
        for p in results.values():
            held.add(p)
        out.append(
            f"    of them on pages held out in round {round_} (sampled after the rules were "
            f"written): {held.right} right of {held.reported} (precision {held.precision:.1%})"
        )
    if conflicts is not None:
        out.append("")
        out.append(
            f"CONFLICTS TOTAL\t{conflicts.real} real of {conflicts.reported} reported "
            f"(precision {conflicts.precision:.1%}), {conflicts.false} false, "
            f"{conflicts.unchecked} not yet checked"
        )
        if details:
            out.extend(f"      - {note}" for note in conflicts.notes)
    return "\n".join(out)
