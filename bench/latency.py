"""Latency of one client asking a local Khabar, one request after another (bench/*.sh)."""
import http.client
import time


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port)

    def get(self, path):
        """(milliseconds, body) of GET `path`; exits on a status other than 200."""
        start = time.perf_counter()
        self.conn.request("GET", path)
        r = self.conn.getresponse()
        body = r.read()
        ms = (time.perf_counter() - start) * 1000
        if r.status != 200:
            raise SystemExit(f"{path}: HTTP {r.status}")
        return ms, body


def p99(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.99 * (len(xs) - 1))))]
