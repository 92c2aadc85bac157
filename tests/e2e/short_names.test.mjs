// scripts/short_names.mjs: the names joining the wasm and its glue, shortened in both files.
// On a small module and glue written the way wasm-bindgen writes them, the pair still links and
// behaves the same; a glue that uses a name some other way is refused, not half renamed; and the
// release build ships the short names.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

import binaryen from "binaryen";

import { shortenNames } from "../../scripts/short_names.mjs";

const ROOT = join(import.meta.dirname, "..", "..");

// An import of the glue module with a hashed name, one of another module and of each other kind
// the parser must step over, and two exports the glue calls, one of them wrapped in a function of
// the glue with its own name.
const MODULE = binaryen.parseText(`(module
  (import "./demo_bg.js" "__wbg_log_0123456789abcdef" (func $log (param i32)))
  (import "./demo_bg.js" "__wbindgen_throw_fedcba9876543210" (func $throw (param i32)))
  (import "env" "memory" (memory 1 2))
  (import "env" "table" (table 1 funcref))
  (import "env" "base" (global $base i32))
  (func (export "invoke__h0123456789abcdef") (param i32) (call $log (i32.add (local.get 0) (global.get $base))))
  (func (export "__wbindgen_start") (call $log (i32.const 7)))
  (func (export "unused_by_the_glue") (call $throw (i32.const 0))))`).emitBinary();

const GLUE = [
  "let wasm;const logged=[];",
  'function __wbg_get_imports(){return{__proto__:null,"./demo_bg.js":{__proto__:null,',
  "__wbg_log_0123456789abcdef:function(e){logged.push(e);},",
  "__wbindgen_throw_fedcba9876543210:function(e){throw Error(String(e));}}};}",
  "function invoke__h0123456789abcdef(e){wasm.invoke__h0123456789abcdef(e);}",
  "function call(f,e){f(e);}",
  "function run(e){wasm.__wbindgen_start();call(invoke__h0123456789abcdef,e);return logged;}",
].join("");

/** Instantiates `wasm` with the imports of `glue` and runs the glue's `run(5)`. */
async function run(wasm, glue) {
  const { imports, link, go } = new Function(
    `${glue};return {imports:__wbg_get_imports(),link(w){wasm=w;},go:run};`,
  )();
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const table = new WebAssembly.Table({ initial: 1, element: "anyfunc" });
  const { instance } = await WebAssembly.instantiate(wasm, { ...imports, env: { memory, table, base: 100 } });
  link(instance.exports);
  return go(5);
}

describe("short names between the wasm and its glue", () => {
  it("links and behaves as before, with every glue import and called export renamed", async () => {
    const short = shortenNames(Buffer.from(MODULE), GLUE);
    assert.deepEqual(await run(MODULE, GLUE), [7, 105], "the original pair runs");
    assert.deepEqual(await run(short.wasm, short.js), [7, 105], "the shortened pair runs the same");
    assert.equal(short.imports, 2);
    assert.equal(short.exports, 2);
    const compiled = new WebAssembly.Module(short.wasm);
    // binaryen writes the imports in an order of its own.
    const imports = WebAssembly.Module.imports(compiled).map(({ module, name }) => `${module}.${name}`);
    assert.deepEqual(imports.sort(), ["env.base", "env.memory", "env.table", "g.a", "g.b"]);
    const exports = WebAssembly.Module.exports(compiled).map(({ name }) => name);
    assert.deepEqual(exports, ["c", "d", "unused_by_the_glue"], "an export the glue never calls keeps its name");
    assert.doesNotMatch(short.js, /[0-9a-f]{16}/, "no hashed name is left in the glue");
    assert.ok(short.wasm.length < MODULE.length && short.js.length < GLUE.length);
  });

  it("refuses a glue that uses a name in a way it does not rename", () => {
    const inAString = GLUE.replace("String(e)", '"__wbg_log_0123456789abcdef"');
    assert.throws(() => shortenNames(Buffer.from(MODULE), inAString), /__wbg_log_0123456789abcdef occurs 2 times/);
    const readByName = GLUE.replace("call(f,e){f(e);}", 'call(f,e){wasm["__wbindgen_start"];f(e);}');
    assert.throws(() => shortenNames(Buffer.from(MODULE), readByName), /__wbindgen_start occurs 2 times/);
    const otherModule = GLUE.replace('"./demo_bg.js":', '"./other_bg.js":');
    assert.throws(() => shortenNames(Buffer.from(MODULE), otherModule), /expected one imports object key/);
    assert.throws(() => shortenNames(Buffer.from("not wasm at all"), GLUE), /not a wasm module/);
  });

  it("is what the release build ships", () => {
    const dist = join(ROOT, "dist");
    const wasmFile = readdirSync(dist).find((name) => name.endsWith("_bg.wasm"));
    const glueFile = readdirSync(dist).find((name) => /^perfil-cm-[0-9a-f]+\.js$/.test(name));
    const compiled = new WebAssembly.Module(readFileSync(join(dist, wasmFile)));
    const glue = readFileSync(join(dist, glueFile), "utf8");
    const imports = WebAssembly.Module.imports(compiled);
    assert.ok(imports.length > 100, `${imports.length} imports`);
    for (const { module, name } of imports) {
      assert.equal(module, "g");
      assert.match(name, /^[a-zA-Z]{1,2}$/);
      assert.match(glue, new RegExp(`[{,]${name}:`), `the glue provides ${name}`);
    }
    assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, "no hashed import name is left in the glue");
  });
});
