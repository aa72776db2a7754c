#!/usr/bin/env python3
"""Slow clients for bench/slow_clients.sh: N connections to 127.0.0.1:PORT, from the given
local source addresses in turn, each sending a request's headers one byte a second. A
connection the server closes is counted and opened again, for DURATION seconds; then the
counts are printed. Loopback only."""
import asyncio
import sys

REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\nAccept: */*\r\n" + b"X-Pad: " + b"a" * 200 + b"\r\n\r\n"


async def one(port, source, stop, counts):
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
        except OSError:
            counts["refused"] += 1
            await asyncio.sleep(1)
            continue
        counts["opened"] += 1
        try:
            for i in range(len(REQUEST)):
                if stop.is_set():
                    break
                writer.write(REQUEST[i:i + 1])
                await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(1), timeout=1.0)
                    if data == b"" or data:
                        counts["closed_by_server"] += 1
                        break
                except asyncio.TimeoutError:
                    pass
        except (ConnectionError, OSError):
            counts["closed_by_server"] += 1
        finally:
            writer.close()
        await asyncio.sleep(1)  # then again, as a patient attacker would


async def main():
    port, n, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    sources = sys.argv[4].split(",")
    stop = asyncio.Event()
    counts = {"opened": 0, "closed_by_server": 0, "refused": 0}
    tasks = [asyncio.create_task(one(port, sources[i % len(sources)], stop, counts)) for i in range(n)]
    await asyncio.sleep(duration)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"slow connections: {counts['opened']} opened, {counts['closed_by_server']} closed by the server, "
          f"{counts['refused']} refused")


asyncio.run(main())
