"""A progress bar for people: on stderr, only on a terminal."""
from __future__ import annotations


class ProgressBar:
    """A rich progress bar on stderr, refreshed by hand as files finish.

    No refresh thread: workers are forked while it is shown, and forking a process that
    runs threads can deadlock the child.
    """

    def __init__(self, total: int, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            auto_refresh=False,
            transient=True,
        )
        self._task = self._progress.add_task("parse", total=total)
        self._progress.start()
        self._progress.refresh()

    def advance(self, outcome: Outcome | None = None) -> None:
        self._progress.advance(self._task)
        self._progress.refresh()

    def close(self) -> None:
        self._progress.stop()
