// Minifies the release's scripts with terser (npm, pinned in package.json): the app's own
// (boot.js, embed.js), whose comments are for whoever reads assets/, and wasm-bindgen's glue,
// after scripts/short_names.mjs, which Trunk's minifier leaves with its long local names. Every
// reader's first load pays for boot.js and the glue (together 5,756 -> 5,182 bytes brotli on
// 2026-11-27), every blog reader's for embed.js. Run by scripts/post_build.mjs on release builds,
// before the compression. Names the other files read (the glue's exports, `wasm.` properties,
// the data attributes) are properties or exports, which terser leaves as they are.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { minify } from "terser";

import { bootFile } from "./short_names.mjs";

/** The scripts of assets/ that Trunk copies into the build as they are, and whether each is a module. */
export const OWN_SCRIPTS = [
  ["boot.js", true],
  ["embed.js", false],
];

/** `source` minified; a module's top-level names are its own, a classic script's are the page's. */
export async function minifyScript(source, module) {
  const { code } = await minify(source, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof code !== "string") throw new Error("terser returned no code");
  return code;
}

/** Minifies boot.js, embed.js and the glue of `dir` in place; returns the bytes saved. */
export async function minifyScripts(dir) {
  const scripts = [...OWN_SCRIPTS.map(([name, module]) => [join(dir, name), module]), [bootFile(dir, "js"), true]];
  let saved = 0;
  for (const [path, module] of scripts) {
    const source = readFileSync(path, "utf8");
    const minified = await minifyScript(source, module);
    writeFileSync(path, minified);
    saved += Buffer.byteLength(source) - Buffer.byteLength(minified);
  }
  return saved;
}
