// Trunk's one post_build hook: the intro and the texts files into the staging folder
// (scripts/prerender.mjs), then, for release builds, the wasm split in two (scripts/split.mjs),
// short names for what joins the wasm and its glue (scripts/short_names.mjs), the two parts named
// by one hash of both (scripts/split.mjs again), boot.js, embed.js and the glue minified
// (scripts/minify.mjs) and the .br and .gz copies of every file (scripts/precompress.mjs).
// One hook, because Trunk starts the hooks of a stage all at once: as two, the compression could
// run before the intro is in index.html or the texts files are there.
import { join, resolve } from "node:path";

import { minifyScripts } from "./minify.mjs";
import { precompress } from "./precompress.mjs";
import { prerender } from "./prerender.mjs";
import { shortenBuild } from "./short_names.mjs";
import { nameParts, split } from "./split.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? join(resolve(import.meta.dirname, ".."), "dist");
prerender(dir);
if (process.env.TRUNK_STAGING_DIR && process.env.TRUNK_PROFILE !== "release") {
  console.log("precompress: not a release build, nothing to do");
} else {
  console.log(`split: ${split(dir)}`);
  const short = shortenBuild(dir);
  console.log(`short_names: ${short.imports} imports and ${short.exports} exports renamed, ${short.saved} bytes less`);
  const parts = nameParts(dir);
  if (parts) console.log(`split: both parts named perfil-cm-${parts}`);
  console.log(`minify: boot.js, embed.js and the glue ${await minifyScripts(dir)} bytes smaller`);
  const written = precompress(dir);
  console.log(`precompress: ${written.length / 2} files in ${dir}, each with .br and .gz`);
}
