"""Run work in real threads released together, each with its own database connection."""

import threading

from django.db import connection


def in_threads(work, items) -> list:
    """`work(item)` for each item at the same instant; the results in order. Any exception in
    a thread fails the test with it."""
    items = list(items)
    barrier = threading.Barrier(len(items))
    results, errors = [None] * len(items), []

    def run(index, item):
        try:
            barrier.wait(timeout=30)
            results[index] = work(item)
        except Exception as error:  # reported below, with the thread's traceback
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, item)) for i, item in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results
