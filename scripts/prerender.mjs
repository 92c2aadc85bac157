// Puts the intro, prerendered at build time by build.rs (build/prerender.rs writes
// target/generated/prerender.html: one <template> per language), into the built index.html, in
// place of its `<template id="perfil-prerender">` placeholder. assets/boot.js shows the right
// copy before the wasm arrives.
//
//   node scripts/prerender.mjs [DIR]
//
// Run by Trunk after each build (the first post_build hook in Trunk.toml, before the
// precompression), on the staging folder ($TRUNK_STAGING_DIR); without an argument or Trunk, on
// dist/. Fails loudly when either file or the placeholder is missing: a page without its intro
// would still work, but slower, and nobody would notice.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(ROOT, "dist");
const page = join(dir, "index.html");
const intro = readFileSync(join(ROOT, "target", "generated", "prerender.html"), "utf8");
const html = readFileSync(page, "utf8");
// Trunk's minifier may drop the quotes: <template id=perfil-prerender></template>.
const placeholder = /<template id="?perfil-prerender"?>\s*<\/template>/;
if (!placeholder.test(html)) {
  console.error(`prerender: no <template id="perfil-prerender"> in ${page}`);
  process.exit(1);
}
writeFileSync(page, html.replace(placeholder, () => intro));
console.log(`prerender: ${page} holds the intro (${intro.length} bytes of HTML)`);
