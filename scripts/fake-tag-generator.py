#!/usr/bin/env python3
"""A stand-in tag generator speaking OpenAI's chat-completions protocol, for latency measurements and local trials.

Answers every POST /v1/chat/completions with the same JSON list of tags after DELAY_MS milliseconds.
Usage: PORT=18301 DELAY_MS=20 TAGS='["python", "debugging"]' python3 scripts/fake-tag-generator.py
"""
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = int(os.environ.get("DELAY_MS", "0")) / 1000.0
TAGS = os.environ.get("TAGS", '["python", "debugging", "algorithms"]')
REPLY = json.dumps({
    "id": "chatcmpl-fake", "object": "chat.completion", "model": "fake-tag-generator",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": TAGS}, "finish_reason": "stop"}],
}).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as vLLM and llama.cpp serve
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms delayed-ACK stall

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        if DELAY:
            time.sleep(DELAY)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(REPLY)))
        self.end_headers()
        self.wfile.write(REPLY)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # load generators drop connections mid-request when a run ends; that is not news


Server(("127.0.0.1", int(os.environ.get("PORT", "18301"))), Handler).serve_forever()
