"""memcon._background: one pure function in a second process, results in submission order."""

from __future__ import annotations

import os

import pytest

from memcon._background import Background


def square_and_pid(n: int) -> tuple[int, int]:
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * n, os.getpid()


def test_results_come_back_in_order_from_another_process() -> None:
    with Background(square_and_pid, tasks=20) as bg:
        assert bg.parallel
        got = []
        for n in range(20):
            bg.submit(n, n)
            got.extend(bg.ready())
        got.extend(bg.drain())
    assert [k for k, _ in got] == list(range(20))
    assert [r[0] for _, r in got] == [n * n for n in range(20)]
    assert {r[1] for _, r in got} != {os.getpid()}


@pytest.mark.parametrize("workers, tasks", [(0, 5), (1, 1)])
def test_without_a_worker_each_task_runs_here_at_submission(workers: int, tasks: int) -> None:
    with Background(square_and_pid, tasks=tasks, workers=workers) as bg:
        assert not bg.parallel
        bg.submit("a", 3)
        assert list(bg.ready()) == [("a", (9, os.getpid()))]
        assert list(bg.drain()) == []


@pytest.mark.parametrize("workers", [0, 1])
def test_an_error_is_raised_where_its_result_is_given(workers: int) -> None:
    with Background(square_and_pid, tasks=3, workers=workers) as bg:
        if workers == 0:  # run at submission: raised there
            with pytest.raises(ValueError, match="negative: -1"):
                bg.submit("x", -1)
            return
        bg.submit("ok", 2)
        bg.submit("x", -1)
        results = bg.drain()
        key, (value, pid) = next(results)
        assert (key, value) == ("ok", 4) and pid != os.getpid()
        with pytest.raises(ValueError, match="negative: -1"):
            next(results)
