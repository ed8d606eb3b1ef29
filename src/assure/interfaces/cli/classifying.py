"""Classifier commands: ``train``, ``eval`` and ``label``."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Column, Table

if TYPE_CHECKING:
    from assure.classifying.evaluation import Scores
    from assure.classifying.labelled import Correction, LabelledExample
    from assure.classifying.report import EvaluationReport
    from assure.classifying.weak_labels import ParsedText
    from assure.settings import Settings

SYSTEM_NAMES = {
    "keywords": "keywords",
    "tfidf-lr": "tfidf-lr",
    "model-alone": "model (alone)",
    "model": "model (context)",
}


def train(
    force: bool = typer.Option(
        False, "--force", help="Retrain even if the training data is unchanged."
    ),
) -> None:
    """Rebuild the quality statement classifier from the bundled examples, the
    library's weak labels (passages under a heading that names the statement)
    and people's corrections. Prints counts per statement and the time taken."""
    from assure.classifying.artefact import MODEL_FILE, save_model, trained_on
    from assure.classifying.labelled import load_examples
    from assure.classifying.training import data_hash, train_model
    from assure.settings import Settings

    settings = Settings.from_environment()
    started = time.perf_counter()
    weak, corrections = library_training(settings)
    examples = [*load_examples(), *weak]
    path = Path(settings.data_dir) / MODEL_FILE
    unchanged = not force and trained_on(path) == data_hash(examples, corrections)
    if not unchanged:
        model = train_model(examples, corrections)
        save_model(model, path)
        counts, trained = model.counts, model.examples
    else:
        counts, trained = training_counts(examples, corrections)
    seconds = time.perf_counter() - started
    table = Table("quality statement", "labelled passages", title="Training data")
    for statement, count in counts.items():
        table.add_row(statement, str(count))
    table.add_row("all passages (incl. none)", str(trained))
    table.add_row("corrections", str(len({c.text for c in corrections})))
    Console().print(table)
    if unchanged:
        typer.echo(f"training data unchanged; kept the model in {path} ({seconds:.1f}s)")
    else:
        typer.echo(f"trained in {seconds:.1f}s; model written to {path}")


def training_counts(
    examples: Sequence[LabelledExample], corrections: Sequence[Correction]
) -> tuple[dict[str, int], int]:
    """Labelled passages per statement, and passages in all, of the training data."""
    from assure.classifying.keywords import statement_ids
    from assure.classifying.training import training_data

    data = training_data(examples, corrections)
    counts = Counter(q for e in data for q in e.qs)
    return {s: counts.get(s, 0) for s in statement_ids()}, len(data)


def library_training(settings: Settings) -> tuple[list[LabelledExample], list[Correction]]:
    """Weak labels (passages under a heading that names the statement) and
    people's corrections from the library, if there is one; nothing is created."""
    from assure.classifying.labelled import Correction, LabelledExample
    from assure.classifying.weak_labels import enclosing_stance

    if (
        settings.database_url is None
        and not Path(settings.resolved_database_url.removeprefix("sqlite:///")).exists()
    ):
        return [], []
    from assure.storing import Library
    from assure.storing.records import SectionRecord

    weak: list[LabelledExample] = []
    with Library(settings) as library:
        corrections = [
            Correction(r.passage_text, r.qs, r.category, r.stance, r.passage_id)
            for r in library.corrections()
        ]
        positions: Counter[int] = Counter()
        sections: dict[int, tuple[SectionRecord, ...]] = {}
        for stored in library.passages():
            passage = stored.passage
            position = positions[stored.document_id]
            positions[stored.document_id] += 1
            if stored.document_id not in sections:
                sections[stored.document_id] = library.sections(stored.document_id)
            qs = tuple(label.id for label in passage.qs if label.source == "structure")
            weak.append(
                LabelledExample(
                    passage.text,
                    qs,
                    f"library-{stored.document_id}",
                    "structure" if qs else "context",
                    # the document's own stance, never the head's earlier guess
                    stance=enclosing_stance(sections[stored.document_id], passage.start_line),
                    position=position,
                )
            )
    return weak, corrections


def evaluate(
    corpus: list[Path] = typer.Option(
        [],
        "--corpus",
        help="A labelled real document (self-assessment or regulator report) or a folder of them; "
        "weak labels come from its statement sections. Repeatable.",
    ),
    folds: int | None = typer.Option(
        None,
        "--folds",
        min=2,
        help="Hold out documents in this many groups (default: one at a time).",
    ),
    no_library: bool = typer.Option(
        False, "--no-library", help="Leave the library's documents out."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Evaluate the classifier beside a keyword baseline and TF-IDF with logistic
    regression, each trained on the same data, leaving each labelled document
    out in turn (headings removed from the text classified)."""
    from assure.classifying.report import evaluate as run_evaluation
    from assure.errors import DocumentError
    from assure.settings import Settings

    settings = Settings.from_environment()
    parsed, skipped = [], []
    for file in (p for path in corpus for p in corpus_files(path)):
        try:
            parsed.append(parse_for_training(file, settings))
        except DocumentError as error:
            skipped.append(str(error))
    extra = [] if no_library else library_training(settings)[0]
    report = run_evaluation(parsed, extra, folds=folds)
    report.skipped[:0] = skipped
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    print_report(report)


def parse_for_training(path: Path, settings: Settings) -> ParsedText:
    """Read, normalise and parse one file, and cut it into passages (not classified)."""
    from assure.classifying.weak_labels import ParsedText
    from assure.pipeline import Work, normalise, parse, passages, read

    work = Work(path=path, settings=settings)
    for stage in (read, normalise, parse, passages):
        stage(work)
    assert work.text is not None and work.structure is not None
    return ParsedText(path.stem, work.text, work.structure, work.passages)


def corpus_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    if not path.exists():
        typer.echo(f"error: {path}: no such file or folder", err=True)
        raise typer.Exit(2)
    return [path]


def print_report(report: EvaluationReport) -> None:
    # Piped output keeps whole rows (rich would wrap at 80 columns).
    console = Console(width=None if sys.stdout.isatty() else 132)
    documents = Table("document", "kind", "labelled passages", title="Labelled documents")
    for document in report.documents:
        documents.add_row(document.name, document.kind, str(document.labelled))
    console.print(documents)
    for line in report.skipped:
        console.print(f"skipped: {line}", style="yellow")
    console.print(
        "Baselines: keywords (statement names, aliases, keyword lists) and tfidf-lr (word "
        "TF-IDF, logistic regression). The model reads each passage alone, or with its "
        "neighbours in the same document (context)."
    )
    console.print(scores_table("Leave one document out", report.leave_one_out))
    console.print(per_statement_table(report.leave_one_out))
    for name, systems in report.held_out.items():
        title = f"Held-out self-assessment {name} (trained on every other document)"
        console.print(scores_table(title, systems))
    if report.heads:
        heads = ", ".join(f"{k} {v:.3f}" for k, v in report.heads.items())
        console.print(f"category and stance heads, leave one document out (accuracy): {heads}")


def scores_table(title: str, systems: dict[str, Scores]) -> Table:
    table = Table(
        Column("system", no_wrap=True),
        "precision",
        "recall",
        "F1",
        "macro-F1",
        "top-1",
        "top-3",
        "calibration error",
        "passages",
        title=title,
    )
    for name, scores in systems.items():
        table.add_row(
            SYSTEM_NAMES.get(name, name),
            *(
                f"{v:.3f}"
                for v in (
                    scores.precision,
                    scores.recall,
                    scores.f1,
                    scores.macro_f1,
                    scores.top1,
                    scores.top3,
                    scores.calibration_error,
                )
            ),
            str(scores.passages),
        )
    return table


def per_statement_table(systems: dict[str, Scores]) -> Table:
    table = Table(
        "quality statement",
        *(f"F1 {SYSTEM_NAMES.get(n, n)}" for n in systems),
        title="Per statement",
    )
    statements = next(iter(systems.values())).per_statement if systems else {}
    for statement in statements:
        table.add_row(
            statement, *(f"{s.per_statement[statement]['f1']:.3f}" for s in systems.values())
        )
    return table


def label(
    passage_id: int = typer.Argument(
        ..., help="The stored passage's id (see assure search --json)."
    ),
    qs: list[str] = typer.Option(
        [], "--qs", help="A quality statement id; repeat for several, omit for none."
    ),
    category: str | None = typer.Option(
        None, "--category", help="people | staff | partners | processes | outcomes"
    ),
    stance: str | None = typer.Option(None, "--stance", help="strength | improvement | neutral"),
    user: str | None = typer.Option(
        None, "--user", help="Who is correcting (kept with the correction)."
    ),
) -> None:
    """Correct a passage's labels. The correction replaces the machine's labels
    at once and is used the next time the classifier is trained (assure train)."""
    from assure.classifying.labelled import CATEGORIES, STANCES
    from assure.framework import load_framework
    from assure.settings import Settings
    from assure.storing import Library

    known = [s.id for s in load_framework().statements]
    problems = [
        f"unknown quality statement {q!r} (one of: {', '.join(known)})"
        for q in qs
        if q not in known
    ]
    if category is not None and category not in CATEGORIES:
        problems.append(f"unknown category {category!r} (one of: {', '.join(CATEGORIES)})")
    if stance is not None and stance not in STANCES:
        problems.append(f"unknown stance {stance!r} (one of: {', '.join(STANCES)})")
    if problems:
        typer.echo(f"error: {problems[0]}", err=True)
        raise typer.Exit(2)
    with Library(Settings.from_environment()) as library:
        try:
            library.record_correction(passage_id, qs, category, stance, user)
        except LookupError:
            typer.echo(f"error: no passage {passage_id} in the library", err=True)
            raise typer.Exit(2) from None
    shown = ", ".join(qs) or "no quality statement"
    typer.echo(f"passage {passage_id}: {shown}; run `assure train` to teach the classifier")


def register(app: typer.Typer) -> None:
    app.command()(train)
    app.command(name="eval")(evaluate)
    app.command()(label)
