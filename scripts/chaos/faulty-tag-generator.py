#!/usr/bin/env python3
"""A tag generator that misbehaves: each call gets the next fault of a fixed matrix, for scripts/chaos.sh.

Faults: ok, slow (over any budget), 500, 429, 401, garbage, empty choices, prose, endless chunked reply, a 50 MB
reply, a reset connection, a reply that stalls mid-body, a declared length longer than the body, markup tags.
Usage: PORT=18311 python3 scripts/chaos/faulty-tag-generator.py
"""
import json
import os
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def completion(content):
    return json.dumps({"id": "c", "object": "chat.completion", "choices": [
        {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}).encode()


FAULTS = ["ok", "slow", "500", "429", "401", "garbage", "empty", "prose", "endless", "huge", "reset", "stall",
          "short", "markup"]
counter = {"n": 0}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def send(self, status, body, length=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            fault = FAULTS[counter["n"] % len(FAULTS)]
            counter["n"] += 1
        try:
            if fault == "ok":
                self.send(200, completion('["poetry", "writing"]'))
            elif fault == "slow":
                time.sleep(2)
                self.send(200, completion('["poetry"]'))
            elif fault in ("500", "429", "401"):
                self.send(int(fault), b'{"error": "scripted"}')
            elif fault == "garbage":
                self.send(200, b"<html>502 Bad Gateway</html>")
            elif fault == "empty":
                self.send(200, b'{"choices": []}')
            elif fault == "prose":
                self.send(200, completion("I cannot help with that."))
            elif fault == "markup":
                self.send(200, completion('["<script>document.cookie</script>", "d"]'))
            elif fault == "endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b" " * 65536
                frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
                while True:
                    self.wfile.write(frame)
            elif fault == "huge":
                size = 50 << 20
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(size))
                self.end_headers()
                chunk = b" " * 65536
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            elif fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
            elif fault == "stall":
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.write(b'{"choices": [')
                self.wfile.flush()
                time.sleep(5)
            elif fault == "short":
                self.send(200, completion('["poetry"]'), length=10_000)
                time.sleep(5)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the router hung up: what it should do with a reply over its limits

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


Server(("127.0.0.1", int(os.environ.get("PORT", "18311"))), Handler).serve_forever()
