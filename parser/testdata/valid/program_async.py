"""An asyncio echo server and client."""
import asyncio
import contextlib
import logging
from typing import AsyncIterator

log = logging.getLogger(__name__)


class Server:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host, self.port = host, port
        self._server: asyncio.Server | None = None
        self.connections = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        peer = writer.get_extra_info("peername")
        log.info("connection from %s", peer)
        try:
            async for line in self.lines(reader):
                writer.write(line.upper())
                await writer.drain()
        except* ConnectionResetError as group:
            log.warning("reset: %d errors", len(group.exceptions))
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    @staticmethod
    async def lines(reader: asyncio.StreamReader) -> AsyncIterator[bytes]:
        while line := await reader.readline():
            yield line

    async def __aenter__(self) -> "Server":
        self._server = await asyncio.start_server(self.handle, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None, "not started"
        self._server.close()
        await self._server.wait_closed()


async def client(port: int, messages: list[str]) -> list[str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for message in messages:
        writer.write(message.encode() + b"\n")
        replies.append((await reader.readline()).decode().rstrip("\n"))
    writer.close()
    return replies


async def main() -> None:
    async with Server() as server:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(client(server.port, [f"hello {i}", "bye"])) for i in range(3)]
        results = [t.result() for t in tasks]
    print(*(r for rs in results for r in rs), sep="\n")
    print(f"{server.connections=}")


if __name__ == "__main__":
    asyncio.run(main())
