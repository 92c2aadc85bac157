// Gives the names that join the wasm and its JavaScript glue short, meaningless spellings in both
// files: every import of the glue module and every export the glue calls. wasm-bindgen names each
// import after the browser function it wraps plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`), and the names sit in both files: 188 of them, about
// 6 KB in each, and hashes do not compress. Shortened, the first load is 5.0 KB brotli smaller
// (wasm 145,331 -> 142,480, glue 6,269 -> 4,140 on 2026-11-26).
//
// Nothing else changes: the same functions, the same code; `WebAssembly.instantiate` pairs the
// two files by these names only. A name is renamed only where every occurrence of it in the glue
// is the one use this script understands (an import: a key of the imports object, `name:`; an
// export: `wasm.name`), so a glue written differently by a later wasm-bindgen is refused with a
// message, never shipped half-renamed. Run by scripts/post_build.mjs on release builds, before
// the compression; the names of the two files come from index.html's boot script tag.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Reads an unsigned LEB128 number at `at`; returns it and the offset after it. */
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("wasm: a number runs past the end");
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** An unsigned LEB128 number. */
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A wasm name: its length, then its UTF-8 bytes. */
function name(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
}

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [bytes.toString("utf8", start, start + length), start + length];
}

/** Skips an import's description (function, table, memory, global or tag); returns the offset after it. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (i) => {
    const flags = bytes[i++];
    [, i] = readU32(bytes, i);
    if (flags & 1) [, i] = readU32(bytes, i);
    return i;
  };
  switch (kind) {
    case 0: // function: its type index
      return readU32(bytes, at)[1];
    case 1: // table: a reference type, then limits
      return limits(at + 1);
    case 2: // memory: limits
      return limits(at);
    case 3: // global: a value type and mutability
      return at + 2;
    case 4: // tag: an attribute and a type index
      return readU32(bytes, at + 1)[1];
    default:
      throw new Error(`wasm: an import of unknown kind ${kind}`);
  }
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Short names in order (a, b, …, Z, aa, ab, …), skipping those in `taken`. */
function* shortNames(taken) {
  for (let n = 1; ; n++) {
    let text = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / LETTERS.length)) {
      text = LETTERS[(k - 1) % LETTERS.length] + text;
    }
    if (!taken.has(text)) yield text;
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How many times `text` occurs in `js` as a whole identifier, and how many of those match `use`. */
function occurrences(js, text, use) {
  const all = js.match(new RegExp(`(?<![\\w$])${escape(text)}(?![\\w$])`, "g"))?.length ?? 0;
  return [all, js.match(use)?.length ?? 0];
}

/**
 * The wasm module `wasm` (bytes) and its glue `js` (text), with the glue module's imports and the
 * exports the glue calls renamed in both. Throws, naming the name, when the glue uses a name in a
 * way this does not know how to rename.
 */
export function shortenNames(wasm, js) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("wasm: not a wasm module");
  const sections = [];
  for (let at = 8; at < wasm.length; ) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    sections.push({ id, start, end: start + size });
    at = start + size;
  }
  const renames = []; // [old, new, pattern of its one use in the glue, replacement]
  const importNames = [];
  const exportNames = [];
  for (const { id, start, end } of sections) {
    if (id === 2) {
      let [count, at] = readU32(wasm, start);
      while (count-- > 0) {
        const [module, afterModule] = readName(wasm, at);
        const [field, afterField] = readName(wasm, afterModule);
        importNames.push([module, field]);
        at = skipImportDescription(wasm, afterField);
      }
      if (at !== end) throw new Error("wasm: the import section does not end where it says");
    } else if (id === 7) {
      let [count, at] = readU32(wasm, start);
      while (count-- > 0) {
        const [field, afterField] = readName(wasm, at);
        exportNames.push(field);
        at = readU32(wasm, afterField + 1)[1];
      }
    }
  }
  const modules = new Set(importNames.map(([module]) => module));
  const glueModules = [...modules].filter((module) => js.includes(JSON.stringify(module) + ":"));
  if (glueModules.length !== 1) {
    throw new Error(`glue: expected one imports object key among ${[...modules].join(", ")}`);
  }
  const [glueModule] = glueModules;
  const fresh = shortNames(new Set(exportNames));
  const importRenames = new Map();
  for (const [module, field] of importNames) {
    if (module !== glueModule || importRenames.has(field)) continue;
    const key = new RegExp(`(?<=[{,])${escape(field)}(?=:)`, "g");
    const [all, asKey] = occurrences(js, field, key);
    if (all !== 1 || asKey !== 1) {
      throw new Error(`glue: the import ${field} occurs ${all} times, ${asKey} as a key; expected once, as a key`);
    }
    importRenames.set(field, fresh.next().value);
    renames.push([key, importRenames.get(field)]);
  }
  const exportRenames = new Map();
  for (const field of exportNames) {
    const use = new RegExp(`(?<=(?<![\\w$])wasm\\.)${escape(field)}(?![\\w$])`, "g");
    const [all, asProperty] = occurrences(js, field, use);
    // Exports that the glue never calls (the memory it reaches by `wasm.memory` aside) keep their
    // names: whatever reads them does so by name.
    if (asProperty === 0 || field === "memory") continue;
    const short = fresh.next().value;
    exportRenames.set(field, short);
    renames.push([use, short]);
    // The glue may wrap an export in a function of its own of the same name (the closures'
    // `invoke`s): a separate binding, renamed everywhere to a name the glue has nowhere else.
    if (all !== asProperty) {
      const declaration = new RegExp(`(?<![\\w$])function ${escape(field)}\\(`, "g");
      const reference = new RegExp(`(?<![\\w$.'"\`])${escape(field)}(?![\\w$:'"\`])`, "g");
      const [, declared] = occurrences(js, field, declaration);
      const [, referenced] = occurrences(js, field, reference);
      const local = `$${short}`;
      if (declared !== 1 || asProperty + referenced !== all || js.includes(local)) {
        throw new Error(`glue: the export ${field} occurs ${all} times, ${asProperty} as wasm.${field}`);
      }
      renames.push([reference, local]);
    }
  }
  const moduleKey = JSON.stringify(glueModule) + ":";
  if (js.split(moduleKey).length !== 2) throw new Error(`glue: the key ${moduleKey} is not there exactly once`);
  let shortJs = js.replace(moduleKey, '"g":');
  for (const [pattern, replacement] of renames) shortJs = shortJs.replace(pattern, () => replacement);

  const parts = [wasm.subarray(0, 8)];
  for (const { id, start, end } of sections) {
    let body = wasm.subarray(start, end);
    if (id === 2) {
      const out = [u32(importNames.length)];
      let at = readU32(wasm, start)[1];
      for (const [module, field] of importNames) {
        const description = readName(wasm, readName(wasm, at)[1])[1];
        at = skipImportDescription(wasm, description);
        const ours = module === glueModule;
        out.push(name(ours ? "g" : module), name(ours ? importRenames.get(field) : field));
        out.push(wasm.subarray(description, at));
      }
      body = Buffer.concat(out);
    } else if (id === 7) {
      const out = [u32(exportNames.length)];
      let at = readU32(wasm, start)[1];
      for (const field of exportNames) {
        const description = readName(wasm, at)[1];
        at = readU32(wasm, description + 1)[1];
        out.push(name(exportRenames.get(field) ?? field), wasm.subarray(description, at));
      }
      body = Buffer.concat(out);
    }
    parts.push(Buffer.from([id]), u32(body.length), body);
  }
  return { wasm: Buffer.concat(parts), js: shortJs, imports: importRenames.size, exports: exportRenames.size };
}

/** The path of the file that the boot script tag of `dir`/index.html names by its data-perfil-cm-`which` attribute. */
export function bootFile(dir, which) {
  const index = readFileSync(join(dir, "index.html"), "utf8");
  // Quoted as written, or unquoted once Trunk has minified the page.
  const found = index.match(new RegExp(`data-perfil-cm-${which}="?(?:[^"\\s>]*/)?([^"\\s>/]+)`));
  if (!found) throw new Error(`index.html: no data-perfil-cm-${which} attribute`);
  return join(dir, found[1]);
}

/** The wasm and glue named by the boot script tag of `dir`/index.html, shortened in place. */
export function shortenBuild(dir) {
  const [wasmPath, jsPath] = [bootFile(dir, "wasm"), bootFile(dir, "js")];
  const wasm = readFileSync(wasmPath);
  const js = readFileSync(jsPath, "utf8");
  const short = shortenNames(wasm, js);
  writeFileSync(wasmPath, short.wasm);
  writeFileSync(jsPath, short.js);
  return {
    ...short,
    saved: wasm.length + Buffer.byteLength(js) - short.wasm.length - Buffer.byteLength(short.js),
  };
}
