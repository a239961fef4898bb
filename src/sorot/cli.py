"""The ``sorot`` command. Thin: it parses flags and calls the core (``sorot.runner``)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from sorot.config import Settings
from sorot.contract import Document, ErrorRecord

app = typer.Typer(
    name="sorot",
    help="Trace every claim in the news back to who made it, who backs it and who denies it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

EXIT_OK = 0
EXIT_PARTIAL = 1  # some documents failed, the rest were analysed and written
EXIT_NOTHING = 2  # nothing could be analysed (or bad usage)


def _parse_size(value: str | None) -> int | None:
    """Accept 20000000, 20MB, 500kB, 1GB."""
    if value is None:
        return None
    text = value.strip().lower().replace(" ", "")
    units = {"gb": 1_000_000_000, "mb": 1_000_000, "kb": 1_000, "b": 1}
    for unit, factor in units.items():
        if text.endswith(unit):
            return int(float(text[: -len(unit)]) * factor)
    return int(text)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or http(s):// URLs.")],
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Write one sorot.document/1 record per line.")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Store results: sqlite:///sorot.db or postgresql+psycopg://...")
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write an HTML report of the run.")] = None,
    gazetteer: Annotated[
        list[Path] | None, typer.Option("--gazetteer", help="Extra gazetteer YAML file (repeatable).")
    ] = None,
    max_size: Annotated[
        str | None, typer.Option("--max-size", help="Refuse files larger than this (e.g. 20MB).")
    ] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="Documents per spaCy batch.")] = None,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model",
            help="Base pipeline directory to use instead of the shipped one (e.g. a transformer pipeline, see docs/transformer.md).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse articles and write sorot.document/1 records (JSONL), a database and/or a report.

    Every readable document is analysed; a document that cannot be read or analysed is reported with
    its reason (on stderr and in OUT.errors.jsonl) and the run goes on. Exit status: 0 when every
    document was analysed, 1 when some failed, 2 when none could be analysed.
    """
    from sorot.runner import Analyzer, RunStats

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.load(
        max_file_bytes=_parse_size(max_size),
        batch_size=batch_size,
        gazetteer_paths=list(gazetteer or []),
        model_path=model,
    )
    if settings.model_path is not None:
        from sorot.nlp.model import ModelError, check_model_dir

        try:
            check_model_dir(Path(settings.model_path))
        except ModelError as exc:
            from rich.markup import escape

            err_console.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(EXIT_NOTHING) from None
    for extra in settings.gazetteer_paths:
        if not Path(extra).is_file():
            err_console.print(f"[red]error:[/] gazetteer file not found: {extra}")
            raise typer.Exit(EXIT_NOTHING)
    analyzer = Analyzer(settings)
    stats = RunStats()
    store = None
    if db:
        from sorot.store import Store

        store = Store(db)
    run_id = store.start_run({"paths": paths}) if store is not None else None
    out_fh = None
    err_fh = None
    if jsonl is not None:
        jsonl.parent.mkdir(parents=True, exist_ok=True)
        out_fh = jsonl.open("w", encoding="utf-8")
        err_fh = jsonl.with_suffix(".errors.jsonl").open("w", encoding="utf-8")
    documents: list[Document] = []
    try:
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[last]}"),
            TimeElapsedColumn(),
            console=err_console,
            disable=quiet or not err_console.is_terminal,
            transient=False,
        ) as progress:
            task = progress.add_task("analyse", total=None, last="")
            for result in analyzer.analyze_paths(paths, stats):
                if isinstance(result, ErrorRecord):
                    err_console.print(f"[yellow]skipped[/] {_describe(result)}")
                    if err_fh is not None:
                        err_fh.write(json.dumps(result.model_dump(by_alias=True), ensure_ascii=False) + "\n")
                    if store is not None:
                        store.save_error(result, run_id)
                else:
                    if out_fh is not None:
                        out_fh.write(json.dumps(result.to_json_dict(), ensure_ascii=False) + "\n")
                        out_fh.flush()  # nothing already analysed is lost if a later file breaks the run
                    if store is not None:
                        store.save_document(result, run_id)
                    if report is not None:
                        documents.append(result)
                progress.update(task, advance=1, last=(getattr(result, "id", "") or "")[:40])
    finally:
        if out_fh is not None:
            out_fh.close()
        if err_fh is not None:
            err_fh.close()
        if store is not None:
            if run_id is not None:
                store.finish_run(
                    run_id, {"read": stats.read, "analysed": stats.analysed, "failed": stats.failed}
                )
            store.close()
    if report is not None:
        from sorot.report import write_report

        write_report(documents, stats.errors, report)
    _print_summary(stats, jsonl, db, report)
    if stats.analysed == 0:
        raise typer.Exit(EXIT_NOTHING)
    if stats.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _describe(err: ErrorRecord) -> str:
    """'path: reason', without repeating the path when the reason already names it."""
    return err.reason if err.path in err.reason else f"{err.path}: {err.reason}"


def _print_summary(stats, jsonl: Path | None, db: str | None, report: Path | None) -> None:  # type: ignore[no-untyped-def]
    table = Table(title="sorot analyze", show_header=False)
    table.add_row("documents read", str(stats.read))
    table.add_row("analysed", str(stats.analysed))
    table.add_row("failed", str(stats.failed))
    if jsonl:
        table.add_row("JSONL", str(jsonl))
    if db:
        table.add_row("database", db)
    if report:
        table.add_row("report", str(report))
    err_console.print(table)
    if stats.errors:
        err_console.print("[bold]failures:[/]")
        for err in stats.errors:
            err_console.print(f"  - {_describe(err)}")


@app.command("eval")
def eval_cmd(
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Folder of gold <doc-id>.json files (+ claims.json).")
    ] = None,
    pred: Annotated[Path | None, typer.Option("--pred", help="Predicted sorot.document/1 JSONL.")] = None,
    claims: Annotated[Path | None, typer.Option("--claims", help="Predicted sorot.claim/1 JSONL.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the scores as JSON.")] = None,
    details: Annotated[bool, typer.Option("--details", help="List the errors per document.")] = False,
    pfsa: Annotated[
        Path | None, typer.Option("--pfsa", help="Run the PFSA-ID quote benchmark on this file.")
    ] = None,
) -> None:
    """Score predictions against gold: entities, quotes, events, dates, signals (and claims)."""
    if pfsa is not None:
        from sorot.eval_pfsa import evaluate_pfsa
        from sorot.runner import Analyzer

        pfsa_rep = evaluate_pfsa(pfsa, Analyzer())
        typer.echo(pfsa_rep.format())
        if json_out is not None and hasattr(pfsa_rep, "to_dict"):
            json_out.write_text(json.dumps(pfsa_rep.to_dict(), indent=2), encoding="utf-8")
        return
    if gold is None or pred is None:
        err_console.print("[red]error:[/] give --gold DIR and --pred FILE (or --pfsa FILE)")
        raise typer.Exit(EXIT_NOTHING)
    for p in (gold, pred):
        if not p.exists():
            err_console.print(f"[red]error:[/] not found: {p}")
            raise typer.Exit(EXIT_NOTHING)
    from sorot.evaluate import evaluate

    kwargs = {"pred_claims": claims} if claims is not None else {}
    rep = evaluate(gold, pred, **kwargs)
    typer.echo(rep.format(details=details))
    if json_out is not None:
        json_out.write_text(json.dumps(rep.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")


@app.command()
def timeline(
    jsonl: Annotated[
        Path, typer.Option("--jsonl", help="sorot.document/1 JSONL written by `sorot analyze`.")
    ],
) -> None:
    """Order the events of a corpus by date, with their sources (same claim collapsed)."""
    from sorot.verify.timeline import build_timeline, format_timeline

    docs = list(read_documents(jsonl))
    typer.echo(format_timeline(build_timeline(docs)))


@app.command()
def parse(
    source: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    model: Annotated[
        Path | None, typer.Option("--model", help="Another pipeline folder (default: the shipped model).")
    ] = None,
) -> None:
    """Tag and parse plain text with Sorot's Indonesian model and print CoNLL-U (clitics as UD words)."""
    from sorot.nlp.clitics import to_conllu
    from sorot.nlp.model import load_base

    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            err_console.print(f"[red]error:[/] not found: {path}")
            raise typer.Exit(EXIT_NOTHING)
        data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        err_console.print(f"[red]error:[/] {source} is not UTF-8 text (byte {exc.start}); convert it first")
        raise typer.Exit(EXIT_NOTHING) from exc
    nlp = load_base(model)
    sent_id = 1
    for para in (p for p in text.split("\n\n") if p.strip()):
        doc = nlp(para.strip())
        sys.stdout.write(to_conllu(doc, sent_id))
        sent_id += len(list(doc.sents))


def read_documents(path: Path):  # type: ignore[no-untyped-def]
    """Read sorot.document/1 records from a JSONL file, reporting bad lines instead of stopping."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield Document.model_validate(json.loads(line))
            except Exception as exc:
                err_console.print(f"[yellow]skipped[/] {path} line {n}: {exc}")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
