#!/usr/bin/env python3
"""Sends the header/framing matrix and routes that call the faulty generator to tagrouter for DURATION seconds,
from CLIENTS threads, and counts requests, answers, 5xx and hangs (no complete answer within HANG_S seconds).
Usage: PORT=8080 DURATION=60 python3 scripts/chaos/chaos-client.py   (prints one JSON line of counts)
"""
import json
import os
import socket
import threading
import time
import uuid

HOST = "127.0.0.1"
PORT = int(os.environ.get("PORT", "8080"))
DURATION = float(os.environ.get("DURATION", "60"))
CLIENTS = int(os.environ.get("CLIENTS", "4"))
HANG_S = float(os.environ.get("HANG_S", "5"))

BODY = b'{"query": "Write a poem about the sea %s"}'


def request(method, path, headers, body=b"", raw_body=None):
    head = "%s %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" % (method, path)
    for k, v in headers:
        head += "%s: %s\r\n" % (k, v)
    if raw_body is None and body is not None:
        head += "Content-Length: %d\r\n" % len(body)
    return head.encode("latin-1") + b"\r\n" + (raw_body if raw_body is not None else body or b"")


def cases():
    q = BODY % uuid.uuid4().hex.encode()
    json_ct = ("Content-Type", "application/json")
    for path in ("/route", "/v1/route"):
        yield "remote " + path, request("POST", path, [json_ct], q)
        yield "accept html " + path, request("POST", path, [json_ct, ("Accept", "text/html")], q)
        yield "expect bogus " + path, request("POST", path, [json_ct, ("Expect", "bogus")], q)
        yield "text/plain " + path, request("POST", path, [("Content-Type", "text/plain")], q)
        yield "no content-type " + path, request("POST", path, [], q)
        yield "empty chunked " + path, request("POST", path, [json_ct, ("Transfer-Encoding", "chunked")],
                                               raw_body=b"0\r\n\r\n")
        yield "chunked " + path, request("POST", path, [json_ct, ("Transfer-Encoding", "chunked")],
                                         raw_body=b"%x\r\n" % len(q) + q + b"\r\n0\r\n\r\n")
        yield "bad chunk size " + path, request("POST", path, [json_ct, ("Transfer-Encoding", "chunked")],
                                                raw_body=b"zz\r\n{}\r\n0\r\n\r\n")
        yield "trailing content " + path, request("POST", path, [json_ct], q + b" ]]]")
        yield "overlong utf-8 " + path, request("POST", path, [json_ct], b'{"query": "a\xc0\xaf"}')
        yield "lone surrogate " + path, request("POST", path, [json_ct], b'{"query": "x", "sessionId": "\\ud800"}')
        yield "huge header " + path, request("POST", path, [json_ct, ("X-Big", "a" * 30000)], q)
    for path in ("/v1/models", "/v1/table"):
        yield "accept html " + path, request("GET", path, [("Accept", "text/html")], None)
        yield "accept any " + path, request("GET", path, [("Accept", "*/*")], None)
    yield "long uri", request("GET", "/v1/models?" + "a" * 9000, [], None)
    yield "unknown method", request("BREW", "/v1/route", [], None)


def send(data):
    """(status or None, seconds); status None means no complete answer (a hang) or a closed connection."""
    start = time.monotonic()
    s = socket.create_connection((HOST, PORT), timeout=HANG_S)
    try:
        s.sendall(data)
        got = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
    except socket.timeout:
        return "hang", time.monotonic() - start
    finally:
        s.close()
    if not got:
        return "closed", time.monotonic() - start
    return int(got.split(b" ", 2)[1]), time.monotonic() - start


counts = {"requests": 0, "answers": 0, "5xx": 0, "hangs": 0, "closed": 0, "max_seconds": 0.0}
by_case = {}
lock = threading.Lock()


def worker(stop):
    while time.monotonic() < stop:
        for name, data in cases():
            if time.monotonic() >= stop:
                return
            try:
                status, seconds = send(data)
            except OSError:
                status, seconds = "closed", 0.0
            with lock:
                counts["requests"] += 1
                counts["max_seconds"] = max(counts["max_seconds"], round(seconds, 3))
                if status == "hang":
                    counts["hangs"] += 1
                elif status == "closed":
                    counts["closed"] += 1
                else:
                    counts["answers"] += 1
                    if status >= 500:
                        counts["5xx"] += 1
                by_case.setdefault(name, set()).add(status)


stop_at = time.monotonic() + DURATION
threads = [threading.Thread(target=worker, args=(stop_at,)) for _ in range(CLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
counts["statuses"] = {k: sorted(str(s) for s in v) for k, v in sorted(by_case.items())}
print(json.dumps(counts))
