"""Classifier commands: ``train``, ``eval`` and ``label``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from assure.interfaces.terminal import visible

if TYPE_CHECKING:
    from assure.classifying.evaluation import Scores
    from assure.classifying.report import EvaluationReport

SYSTEM_NAMES = {
    "keywords": "keywords",
    "tfidf-lr": "tfidf-lr",
    "model-alone": "model (alone)",
    "model": "model (context)",
}


def train(
    council: str | None = typer.Option(
        None, "--council", help="Only this council's model (default: every council)."
    ),
    force: bool = typer.Option(
        False, "--force", help="Retrain even if the training data is unchanged."
    ),
) -> None:
    """Rebuild each council's quality statement classifier from the bundled
    examples, the council's documents' statement sections (weak labels) and its
    people's corrections. The model file keeps no passage text. Prints counts
    per statement and the time taken."""
    from assure.interfaces.cli.common import operator
    from assure.interfaces.cli.output import Column as Col
    from assure.interfaces.cli.output import busy, print_table, say
    from assure.services import classifier

    with operator(council) as (app, scope), busy("training"):
        results = classifier.train(app, scope, force=force)
    for result in results:
        print_table(
            [Col("quality statement"), Col("labelled passages", numeric=True)],
            [
                *result.counts.items(),
                ("all passages (incl. none)", result.examples),
                ("corrections", result.corrections),
            ],
            title=f"Training data: {result.council}",
        )
        if result.written:
            say(f"{result.council}: trained in {result.seconds:.1f}s")
        else:
            say(f"{result.council}: training data unchanged; the model is kept")
    if not results:
        say("no council to train for: ingest documents first")


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
    from assure.interfaces.cli.common import operator
    from assure.interfaces.cli.output import busy
    from assure.services import classifier

    files = [p for path in corpus for p in corpus_files(path)]
    with operator() as (app, scope), busy("evaluating: each labelled document held out in turn"):
        report = classifier.evaluate(app, None if no_library else scope, files, folds)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    print_report(report)


def corpus_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    if not path.exists():
        typer.echo(f"error: {visible(str(path))}: no such file or folder", err=True)
        raise typer.Exit(2)
    return [path]


def print_report(report: EvaluationReport) -> None:
    # Piped output keeps whole rows (rich would wrap at 80 columns).
    console = Console(width=None if sys.stdout.isatty() else 132)
    documents = Table("document", "kind", "labelled passages", title="Labelled documents")
    for document in report.documents:
        documents.add_row(
            Text(visible(document.name)), Text(visible(document.kind)), str(document.labelled)
        )
    console.print(documents)
    for line in report.skipped:
        console.print(Text(f"skipped: {visible(line)}", style="yellow"))
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
        ..., help="The stored passage's id (see assure search --json).", min=1, max=2**62
    ),
    qs: list[str] = typer.Option(
        [], "--qs", help="A quality statement id; repeat for several, omit for none."
    ),
    category: str | None = typer.Option(
        None, "--category", help="people | staff | partners | processes | outcomes"
    ),
    stance: str | None = typer.Option(None, "--stance", help="strength | improvement | neutral"),
    council: str | None = typer.Option(
        None, "--council", help="Only a passage of this council (default: ASSURE_COUNCIL)."
    ),
) -> None:
    """Correct a passage's labels. The correction replaces the machine's labels
    at once, is written to the audit log, and is used the next time the
    classifier is trained (assure train)."""
    from assure.interfaces.cli.common import operator
    from assure.services import evidence

    with operator(council) as (app, scope):
        evidence.correct_passage(app, scope, passage_id, qs, category, stance)
    shown = ", ".join(qs) or "no quality statement"
    typer.echo(f"passage {passage_id}: {shown}; run `assure train` to teach the classifier")


def relabel(
    council: str | None = typer.Option(
        None, "--council", help="Only this council's passages (default: every council)."
    ),
) -> None:
    """Label stored passages again with each council's current model and its
    people's corrections (after `assure train`, or after corrections)."""
    from assure.interfaces.cli.common import operator
    from assure.interfaces.cli.output import busy, say
    from assure.services import classifier

    with operator(council) as (app, scope), busy("labelling stored passages"):
        results = classifier.relabel(app, scope)
    for r in results:
        say(f"{r.council}: {r.changed} of {r.passages} passages in {r.documents} documents changed")
    if not results:
        say("no council to relabel: ingest documents first")


def register(app: typer.Typer) -> None:
    app.command()(train)
    app.command(name="eval")(evaluate)
    app.command()(label)
    app.command()(relabel)
