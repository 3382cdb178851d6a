"""Consume a blocking generator from async code without blocking the event loop.

`Assistant.stream` holds the assistant's lock (a thread-owned `RLock`) across its yields, so
every `next()` of one stream must run in the same thread: a thread pool that hands each step
to whichever worker is free would release the lock from the wrong thread. `iterate_in_thread`
runs the whole generator in one dedicated thread and hands its items over a queue.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()


async def iterate_in_thread(make: Callable[[], Iterator[T]]) -> AsyncIterator[T]:
    """Yield the items of `make()`, which is created, iterated and closed in one new thread.

    Exceptions raised by the generator are re-raised here. When the consumer stops early
    (a client disconnects), the generator is closed after its current item.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[object] = asyncio.Queue()
    stop = threading.Event()

    def put(item: object) -> None:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, item)
        except RuntimeError:  # the consumer's loop has closed (a shutdown): no one reads
            stop.set()

    def work() -> None:
        try:
            generator = make()
            try:
                for item in generator:
                    if stop.is_set():
                        break
                    put(item)
            finally:
                close = getattr(generator, "close", None)
                if close is not None:
                    close()
        except BaseException as exc:  # handed to the consumer, re-raised there
            put(_Failure(exc))
        finally:
            put(_END)

    thread = threading.Thread(target=work, name="rag-stream", daemon=True)
    thread.start()
    try:
        while True:
            item = await queue.get()
            if item is _END:
                return
            if isinstance(item, _Failure):
                raise item.exc
            yield item  # type: ignore[misc]
    finally:
        stop.set()


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc
