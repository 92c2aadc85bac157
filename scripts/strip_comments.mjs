// Drops the lines that are only a `//` comment, and blank lines, from the release's own scripts
// (boot.js, embed.js): their comments are for whoever reads assets/, and every reader's first
// load paid for them (boot.js 2,157 -> 1,316 bytes brotli). Not a minifier: code lines stay as
// written, so the shipped script reads like its source. Run by scripts/post_build.mjs on release
// builds, before the compression.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The scripts of assets/ that Trunk copies into the build as they are. */
export const OWN_SCRIPTS = ["boot.js", "embed.js"];

/**
 * `source` without its comment-only and blank lines. Throws on what would make a line-by-line
 * cut unsafe: a block comment, or a template literal over several lines (a line with an odd
 * number of backticks), where a line starting with `//` could be text.
 */
export function stripLineComments(source, name) {
  const lines = source.split("\n");
  lines.forEach((line, i) => {
    const code = line.trimStart().startsWith("//") ? "" : line;
    if (code.includes("/*")) throw new Error(`${name}:${i + 1}: a block comment; use // comments`);
    if ((code.match(/`/g) ?? []).length % 2 === 1) {
      throw new Error(`${name}:${i + 1}: a template literal over several lines; keep each on one line`);
    }
  });
  return lines.filter((line) => line.trim() !== "" && !line.trimStart().startsWith("//")).join("\n") + "\n";
}

/** Strips every script of OWN_SCRIPTS in `dir`; returns the bytes saved. */
export function stripOwnScripts(dir) {
  let saved = 0;
  for (const name of OWN_SCRIPTS) {
    const path = join(dir, name);
    const source = readFileSync(path, "utf8");
    const stripped = stripLineComments(source, name);
    writeFileSync(path, stripped);
    saved += Buffer.byteLength(source) - Buffer.byteLength(stripped);
  }
  return saved;
}
