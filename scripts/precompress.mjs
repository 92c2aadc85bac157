// Writes x.br (brotli, quality 11) and x.gz (gzip -9) beside every text file and the wasm of a
// release build, so that a server can send them as they are (scripts/serve.py does; nginx with
// `brotli_static` and `gzip_static`, see deploy/nginx.conf). Node's zlib has both.
//
//   node scripts/precompress.mjs [DIR]
//
// Run by Trunk after each build (the post_build hook in Trunk.toml), on the build's staging
// folder ($TRUNK_STAGING_DIR, which becomes dist/), for release builds only: a debug build's wasm
// is large and `trunk serve` does not need them. Without an argument or Trunk, compresses dist/.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Extensions worth compressing: the text formats and the wasm (images other than svg are not). */
export const COMPRESSIBLE = new Set([".html", ".css", ".js", ".mjs", ".wasm", ".svg", ".json", ".txt", ".xml", ".map"]);

/** Compresses every compressible file under `dir` (recursively); returns the names written. */
export function precompress(dir) {
  const written = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) written.push(...precompress(path).map((name) => join(entry.name, name)));
      continue;
    }
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name).toLowerCase())) continue;
    const bytes = readFileSync(path);
    // The same settings as bench/run.mjs, so the bench and the size budget agree to the byte.
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    written.push(`${entry.name}.br`, `${entry.name}.gz`);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const fromTrunk = process.env.TRUNK_STAGING_DIR;
  if (fromTrunk && process.env.TRUNK_PROFILE !== "release") {
    console.log("precompress: not a release build, nothing to do");
  } else {
    const dir = process.argv[2] ?? fromTrunk ?? "dist";
    statSync(join(dir, "index.html"));
    const written = precompress(dir);
    console.log(`precompress: ${written.length / 2} files in ${dir}, each with .br and .gz`);
  }
}
