// Splits the release wasm in two with tools/wasm-split (see its main.rs and
// src/platform/rest.rs): what the intro and the first questions run, which the reader downloads
// first, and the rest, named on the boot script tag by data-perfil-cm-rest, which the app fetches
// as soon as it has rendered. The styles of what is shown only later (styles/order.txt, [later])
// come with it: their link becomes the tag's data-perfil-cm-later-css.
// tools/wasm-split/moved.txt names the functions that go to the rest; scripts/split_profile.mjs
// writes it. The read-only data that only those functions refer to goes too, told apart by the
// linker's map of the wasm (MAP, which build.rs asks the linker for).
//
// Binaryen then tidies what the tool wrote (tidy, below).
//
// PERFIL_CM_SPLIT=profile instead writes a wasm that reports each function it runs
// (scripts/split_profile.mjs builds with it), and PERFIL_CM_SPLIT=off leaves the wasm whole, to
// measure against. Each mode also drops the wasm's names, which the split needs and index.html
// keeps until here (wasm-opt -g).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

import { bootFile } from "./short_names.mjs";

const ROOT = resolve(import.meta.dirname, "..");
export const MOVED = join(ROOT, "tools", "wasm-split", "moved.txt");
export const NAMES = join(ROOT, "target", "split", "names.txt");
/** Where the linker put each read-only object of the release wasm (build.rs asks it for this map). */
export const MAP = join(ROOT, "target", "split", "release.map");
/** Where the split put the data it moved, one range of addresses per line (`from to`). */
export const MOVED_DATA = join(ROOT, "target", "split", "moved-data.txt");

/** Builds the tool (a no-op once built) and returns its path. */
function tool() {
  const manifest = join(ROOT, "tools", "wasm-split", "Cargo.toml");
  const target = join(ROOT, "target", "tools");
  execFileSync("cargo", ["build", "--release", "--quiet", "--locked", "--manifest-path", manifest, "--target-dir", target], {
    stdio: "inherit",
  });
  return join(target, "release", "wasm-split");
}

/** Splits, profiles or leaves alone the wasm of the build in `dir`, as `mode` says; returns what it did. */
export function split(dir, mode = process.env.PERFIL_CM_SPLIT ?? "on") {
  const wasm = bootFile(dir, "wasm");
  // Without its names, which index.html keeps for this step (wasm-opt -g).
  if (mode === "off") {
    const done = run(tool(), ["whole", wasm, wasm]);
    tidy(wasm);
    return done;
  }
  if (!wasm.endsWith("_bg.wasm")) throw new Error(`${wasm}: expected a name ending in _bg.wasm`);
  const rest = wasm.replace(/_bg\.wasm$/, "_rest.wasm");
  let done;
  if (mode === "profile") {
    mkdirSync(dirname(NAMES), { recursive: true });
    done = run(tool(), ["profile", wasm, wasm, NAMES]);
    // Named but not written: the profiled app tries to fetch it and fails, so that the way a
    // failed fetch takes is profiled too, and stays in the first part.
  } else if (mode === "on") {
    done = run(tool(), ["split", wasm, MOVED, MAP, wasm, rest, MOVED_DATA]);
    tidy(wasm);
    tidy(rest);
  } else {
    throw new Error(`PERFIL_CM_SPLIT=${mode}: expected on, off or profile`);
  }
  const indexPath = join(dir, "index.html");
  let index = readFileSync(indexPath, "utf8");
  const tag = /(data-perfil-cm-wasm="?([^"\s>]*\/)?)([^"\s>/]+)("?)/;
  const found = index.match(tag);
  if (!found) throw new Error("index.html: no data-perfil-cm-wasm attribute");
  const [whole, , folder = "", , quote] = found;
  // The styles of what is shown only later come with the rest (src/platform/rest.rs): their
  // link leaves the page's head for an attribute of the boot script.
  const link = /<link\b[^>]*\bhref="?([^"\s>]*perfil-cm-later-[0-9a-f]+\.css)"?[^>]*>/;
  const styles = index.match(link);
  if (!styles) throw new Error("index.html: no link to perfil-cm-later-<hash>.css");
  index = index.replace(styles[0], "");
  const attributes =
    ` data-perfil-cm-rest=${quote || '"'}${folder}${basename(rest)}${quote || '"'}` +
    ` data-perfil-cm-later-css="${styles[1]}"`;
  writeFileSync(indexPath, index.replace(whole, whole + attributes));
  return done;
}

/**
 * Names the two parts of the split wasm in `dir` by one hash of both, as they finally are (after
 * scripts/short_names.mjs): each works only with the other, and a host caches both for good, so a
 * change to either (a new moved.txt with the same code, say) must rename both. Trunk's name for
 * the wasm hashes only what cargo built. Returns the new hash, or null for a build left whole or
 * profiled.
 */
export function nameParts(dir) {
  const indexPath = join(dir, "index.html");
  let index = readFileSync(indexPath, "utf8");
  if (!index.includes("data-perfil-cm-rest")) return null;
  const wasm = bootFile(dir, "wasm");
  const rest = bootFile(dir, "rest");
  // The profiled build names a rest that it does not write (split, above).
  if (!existsSync(rest)) return null;
  const hash = partsHash(readFileSync(wasm), readFileSync(rest));
  for (const [path, suffix] of [
    [wasm, "_bg.wasm"],
    [rest, "_rest.wasm"],
  ]) {
    const renamed = `perfil-cm-${hash}${suffix}`;
    renameSync(path, join(dir, renamed));
    index = index.replaceAll(basename(path), renamed);
  }
  writeFileSync(indexPath, index);
  return hash;
}

/** The 16 hex digits that name the two parts: SHA-256 of the first part's bytes, then the rest's. */
export function partsHash(wasm, rest) {
  return createHash("sha256").update(wasm).update(rest).digest("hex").slice(0, 16);
}

/**
 * The wasm features that rustc enables for wasm32-unknown-unknown, which the tool's output uses
 * and no longer names (it drops the target_features section). Named one by one: with all of them,
 * binaryen would write a table's type in the encoding of typed references, which older browsers
 * cannot read.
 */
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-multivalue",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];

/**
 * Tidies a wasm that the tool wrote: walrus, which it is built on, writes every `if` with an
 * `else`, empty or not (1,550 empty ones in the first part, 1.7 KB); binaryen's vacuum drops
 * them, and its simplify-locals (without new blocks) what the cuts left (first part 80,543 ->
 * 80,298 bytes brotli on 2026-11-27). Both only rewrite functions' bodies: the imports, exports,
 * tables and data that join the two parts stay as they are.
 */
function tidy(path) {
  const wasmOpt = join(ROOT, "node_modules", ".bin", "wasm-opt");
  execFileSync(wasmOpt, [path, ...FEATURES, "--simplify-locals-nostructure", "--vacuum", "-o", path], {
    stdio: "inherit",
  });
}

function run(path, args) {
  return execFileSync(path, args, { encoding: "utf8" }).trim();
}
