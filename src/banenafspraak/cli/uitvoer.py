"""Shared terminal output of the CLI: errors that name file, row and column; progress on long steps."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from banenafspraak.engines.invoer import InvoerFout

console = Console()
fouten = Console(stderr=True)

FOUTCODE_INVOER = 2


def toon_invoerfout(fout: InvoerFout) -> None:
    """Print every finding as a table and stop with a non-zero exit code."""
    fouten.print("[bold red]De invoer voldoet niet aan het contract; er is niets berekend of geschreven.[/]")
    for b in fout.bevindingen:
        fouten.print(f"- {b}", soft_wrap=True, markup=False, highlight=False)
    fouten.print("Rijnummers tellen de datarijen vanaf 1 (de kopregel telt niet mee). Zie docs/contracten.md.",
                 soft_wrap=True)
    raise typer.Exit(FOUTCODE_INVOER)


def stop(melding: str, code: int = FOUTCODE_INVOER) -> None:
    fouten.print(f"[bold red]Fout:[/] {melding}")
    raise typer.Exit(code)


@contextmanager
def voortgang(omschrijving: str) -> Iterator[Progress]:
    """A Rich progress display for a long step; quiet when output is not a terminal."""
    with Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), TimeElapsedColumn(),
        console=fouten, transient=True, disable=not fouten.is_terminal,
    ) as p:
        p.add_task(omschrijving, total=None)
        yield p
