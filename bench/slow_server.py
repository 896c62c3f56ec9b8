"""A loopback HTTP server whose every source page answers after a fixed delay.

Usage: slow_server.py DELAY_SECONDS [BIND_ADDRESS]; prints the port it listens on (chosen by
the system; BIND_ADDRESS defaults to 127.0.0.1, 0.0.0.0 also answers 127.0.0.2 and the rest of
loopback), then serves until killed. /robots.txt answers at once (allow all); /sN answers after
the delay with a small HTML page quoting the words the bench article attributes to speaker N.
"""

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Server(ThreadingHTTPServer):
    # Twenty clients connect at once; the default backlog of 5 would make the kernel drop
    # connections and the client retry a second later, timing the server instead of claimcheck.
    request_queue_size = 128
    daemon_threads = True


class Handler(BaseHTTPRequestHandler):
    delay = 0.5
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/robots.txt":
            self.reply(b"User-agent: *\nAllow: /\n", "text/plain")
            return
        time.sleep(self.delay)
        n = self.path.strip("/").lstrip("s")
        body = (
            f"<html><head><title>Statement {n}</title></head><body><article>"
            f"<p>Minister {n} said on Tuesday: &ldquo;The harbour will reopen "
            f"within {n} days and every worker keeps the job.&rdquo;</p>"
            "</article></body></html>"
        ).encode()
        self.reply(body, "text/html; charset=utf-8")

    def reply(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    Handler.delay = float(sys.argv[1])
    bind = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
    server = Server((bind, 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
