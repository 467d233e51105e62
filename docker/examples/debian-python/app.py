"""Example app: answers on :8080, says whether its secret arrived, exits 0
on SIGTERM (forwarded by minit on `docker stop`)."""
import http.server
import os
import signal
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = "uid=%d token=%s\n" % (
            os.getuid(), "set" if os.environ.get("APP_TOKEN") else "unset")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body.encode())


def stop(signum, frame):
    print("signal %d: bye" % signum, flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
server = http.server.ThreadingHTTPServer(("", 8080), Handler)
print("listening on :8080 as uid %d" % os.getuid(), flush=True)
server.serve_forever()
