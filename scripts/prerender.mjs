// Puts the intro, prerendered at build time by build.rs (build/prerender.rs writes
// target/generated/prerender.html: one <template> per language), into the built index.html, in
// place of its `<template id="perfil-prerender">` placeholder; assets/boot.js shows the right
// copy before the wasm arrives, and asks for the wasm once it has painted it, so the page's head
// loses Trunk's preload of the wasm. Also copies beside it the words of every language, which
// the wasm does not carry (build.rs writes target/generated/texts/texts-<lang>-<hash>.txt and,
// but for Spanish, texts-<lang>-later-<hash>.txt; the app fetches them when it starts in that
// language or it is chosen, and with the wasm's second part, src/platform/texts.rs).
//
//   node scripts/prerender.mjs [DIR]
//
// Run by Trunk after each build through scripts/post_build.mjs (before the precompression: Trunk
// runs the hooks of one stage at the same time), on the staging folder ($TRUNK_STAGING_DIR);
// without an argument or Trunk, on dist/. Fails loudly when a file or the placeholder is
// missing: a page without its intro, or without its English, would still start, and nobody
// would notice.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");

/** Fills in `dir`/index.html's intro and copies the texts files into `dir`; throws on a miss. */
export function prerender(dir) {
  const page = join(dir, "index.html");
  const intro = readFileSync(join(ROOT, "target", "generated", "prerender.html"), "utf8");
  const html = readFileSync(page, "utf8");
  // Trunk's minifier may drop the quotes: <template id=perfil-prerender></template>.
  const placeholder = /<template id="?perfil-prerender"?>\s*<\/template>/;
  if (!placeholder.test(html)) throw new Error(`prerender: no <template id="perfil-prerender"> in ${page}`);
  // Trunk preloads the wasm from the page's head. assets/boot.js asks for it once the painted
  // intro is on the screen instead (see there why), so the page does not.
  const preload = /<link\b(?=[^>]*\brel="?preload\b)(?=[^>]*_bg\.wasm\b)[^>]*>/g;
  const preloads = html.match(preload) ?? [];
  if (preloads.length !== 1) throw new Error(`prerender: expected one preload of the wasm in ${page}, found ${preloads.length}`);
  writeFileSync(page, html.replace(preload, "").replace(placeholder, () => intro));
  console.log(`prerender: ${page} holds the intro (${intro.length} bytes of HTML), without the wasm's preload`);

  // Only today's files are there: build.rs removes the older ones.
  const texts = join(ROOT, "target", "generated", "texts");
  const files = existsSync(texts) ? readdirSync(texts).filter((name) => /^texts-[a-z]+-(later-)?[0-9a-f]{16}\.txt$/.test(name)) : [];
  if (!files.some((name) => !name.includes("-later-"))) throw new Error(`prerender: no texts-<lang>-<hash>.txt in ${texts}`);
  if (!files.some((name) => name.includes("-later-"))) throw new Error(`prerender: no texts-<lang>-later-<hash>.txt in ${texts}`);
  for (const name of files) copyFileSync(join(texts, name), join(dir, name));
  console.log(`prerender: copied ${files.join(", ")}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  prerender(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(ROOT, "dist"));
}
