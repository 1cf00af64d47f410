"""Rich progress for ``memcon ingest``: bytes read, documents, documents/s."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from memcon.ingest import Progress as IngestEvent


class _DocsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        docs = task.fields.get("documents", 0)
        elapsed = task.elapsed or 0.0
        rate = docs / elapsed if elapsed > 0 else 0.0
        return Text(f"{docs:,} docs  {rate:,.0f} docs/s", style="cyan")


class IngestProgressBar:
    """A callable progress sink for :func:`memcon.ingest.ingest`, drawn on stderr."""

    def __init__(self, *, console: Console | None = None, files: int | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            MofNCompleteColumn(),
            _DocsPerSecond(),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self._task = self._progress.add_task("ingest", total=files, documents=0)
        self._documents = 0

    def __enter__(self) -> IngestProgressBar:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def __call__(self, event: IngestEvent) -> None:
        if event.event == "file-start":
            name = event.path.rsplit("/", 1)[-1]
            self._progress.update(self._task, description=name[:32])
        elif event.event == "document":
            self._documents += 1
            if self._documents % 25 == 0:
                self._progress.update(self._task, documents=self._documents)
        elif event.event == "file-end":
            self._progress.update(self._task, advance=1, documents=self._documents)
