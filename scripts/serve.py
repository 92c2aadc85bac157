#!/usr/bin/env python3
"""Serves a built Perfil CM (dist/) on 127.0.0.1 with the production security headers.

The Content-Security-Policy comes from scripts/csp.txt, the one copy of the policy, so that what
you see locally and what the end-to-end tests check is what a real deployment must send.
Standard library only: it runs wherever python3 does.
"""

import argparse
import functools
import http.server
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CSP = (HERE / "csp.txt").read_text(encoding="utf-8").strip()
# Every feature the app does not use is off; clipboard-write is the "copy link" button. The same
# value as deploy/nginx.conf and deploy/_headers (tests/e2e/deploy.test.mjs compares them).
PERMISSIONS = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), "
    "clipboard-read=(), clipboard-write=(self)"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files plus the security headers; quiet unless --verbose."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".json": "application/json",
    }
    verbose = False

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Permissions-Policy", PERMISSIONS)
        self.send_header("Cache-Control", "no-cache")
        # Public static files: a frame sandboxed without allow-same-origin has a null origin, and
        # fetches the module script, the glue and the wasm in CORS mode.
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format, *args):
        if self.verbose:
            super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="dist")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args()

    directory = pathlib.Path(args.directory)
    if not (directory / "index.html").is_file():
        sys.exit(f"serve.py: {directory}/index.html not found; build first (trunk build --release)")
    Handler.verbose = args.verbose
    handler = functools.partial(Handler, directory=str(directory))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        # The first line is read by tests/e2e/harness.mjs to learn the port.
        print(f"serving http://127.0.0.1:{server.server_address[1]}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
