#!/usr/bin/env python3
"""Serves a built Perfil CM (dist/) on 127.0.0.1 with the production security headers.

The Content-Security-Policy comes from scripts/csp.txt, the one copy of the policy, so that what
you see locally and what the end-to-end tests check is what a real deployment must send.
Files are sent precompressed when the build has them (scripts/precompress.mjs writes x.br and
x.gz beside x): x.br when the request accepts br, else x.gz when it accepts gzip, else x itself,
with Content-Encoding and Vary: Accept-Encoding. Trunk's hashed files are cached for good;
everything else (index.html, boot.js, embed.js) is revalidated on every use.
Standard library only: it runs wherever python3 does.
"""

import argparse
import email.utils
import functools
import http.server
import os
import pathlib
import re
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
# Trunk's hashed names (perfil-cm-<hex>.js, perfil-cm-<hex>_bg.wasm and its second part
# perfil-cm-<hex>_rest.wasm, perfil-cm-<hex>.css), and build.rs's texts-<lang>-<hex>.txt: a new release gives them new names. Up to 16 hex digits: Trunk 0.22 writes
# the wasm's and the glue's hash without leading zeros (1 build in 16 has 15 digits or fewer). The
# same rule as deploy/nginx.conf.
HASHED = re.compile(r"-[0-9a-f]{1,16}(_bg|_rest)?\.(css|js|wasm|svg|txt)$", re.IGNORECASE)
IMMUTABLE = "public, max-age=31536000, immutable"
# Precompressed copies, in order of preference: (suffix, Content-Encoding).
ENCODINGS = ((".br", "br"), (".gz", "gzip"))


def accepted_encodings(header):
    """The codings an Accept-Encoding value accepts (q > 0), in lower case."""
    accepted = set()
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding and quality > 0:
            accepted.add(coding.strip().lower())
    return accepted


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files plus the security headers; quiet unless --verbose."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".json": "application/json",
        ".txt": "text/plain; charset=utf-8",
    }
    verbose = False

    def send_head(self):
        """Like SimpleHTTPRequestHandler's, but sends a precompressed copy when there is one and
        the client accepts it; directories and missing files are left to the base class."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the slash
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or path.endswith("/"):
            return super().send_head()
        variants = [(suffix, coding) for suffix, coding in ENCODINGS if os.path.isfile(path + suffix)]
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        chosen, encoding = path, None
        for suffix, coding in variants:
            if coding in accepted:
                chosen, encoding = path + suffix, coding
                break
        try:
            file = open(chosen, "rb")
        except OSError:
            self.send_error(404, "File not found")
            return None
        try:
            stat = os.fstat(file.fileno())
            since = self.headers.get("If-Modified-Since")
            if since and not self.headers.get("If-None-Match"):
                try:
                    when = email.utils.parsedate_to_datetime(since)
                except (TypeError, ValueError, IndexError, OverflowError):
                    when = None
                if when is not None and when.tzinfo is not None and int(stat.st_mtime) <= when.timestamp():
                    self.send_response(304)
                    self._encoding_headers(path, encoding, variants)
                    self.end_headers()
                    file.close()
                    return None
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
            self._encoding_headers(path, encoding, variants)
            self.end_headers()
            return file
        except Exception:
            file.close()
            raise

    def _encoding_headers(self, path, encoding, variants):
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if variants:
            self.send_header("Vary", "Accept-Encoding")
        self._cache_control = IMMUTABLE if HASHED.search(os.path.basename(path)) else "no-cache"

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Permissions-Policy", PERMISSIONS)
        self.send_header("Cache-Control", getattr(self, "_cache_control", "no-cache"))
        self._cache_control = "no-cache"
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
