// The wasm's stack: a release build reserves RELEASE_STACK_BYTES (build.rs) instead of Rust's
// 1 MiB, which is memory every reader holds. This walks the app's deepest paths in one page
// (the full version to its results, the three downloads, the results in English, the recruiter
// builder with every slider moved) and measures how deep the stack went: the stack lies first
// in linear memory and grows down towards address 0 through memory that starts as zeros, so the
// lowest byte ever written marks it. The deepest path must keep half the stack in reserve.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { FULL, ROOT, answerByKeyboard, keysFor, openApp, problemsOf, resultsShown, uiStrings, useApp } from "./harness.mjs";

const es = uiStrings("es");
const en = uiStrings("en");
const fmt = (n) => n.toLocaleString("en-US");

/** An unsigned or signed LEB128 number at `i` of `bytes`: [value, next index]. */
function leb128(bytes, i, signed = false) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  if (signed && byte & 0x40) value -= 2 ** shift;
  return [value, i];
}

/**
 * The initial value of the wasm's first global, the stack pointer (wasm-ld puts it first): with
 * the stack first in memory, it is the stack's size.
 */
function stackSize(wasm) {
  let i = 8;
  while (i < wasm.length) {
    const section = wasm[i];
    const [size, start] = leb128(wasm, i + 1);
    if (section === 6) {
      const [, first] = leb128(wasm, start); // the count of globals
      // value type i32 (0x7f), mutable (1), then the init expression: i32.const n, end.
      assert.deepEqual([...wasm.subarray(first, first + 3)], [0x7f, 1, 0x41], "the first global is a mutable i32 set by i32.const");
      return leb128(wasm, first + 3, true)[0];
    }
    i = start + size;
  }
  throw new Error("the wasm has no global section");
}

describe("the wasm's memory", () => {
  const app = useApp();

  test("the deepest paths use under half the release build's stack", async () => {
    const dist = join(ROOT, "dist");
    const wasmName = readdirSync(dist).find((name) => name.endsWith("_bg.wasm"));
    const stack = stackSize(readFileSync(join(dist, wasmName)));
    assert.ok(stack >= 16 * 1024 && stack <= 1 << 20, `a stack of ${fmt(stack)} bytes`);

    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", width: 1280 });
    const deepest = () =>
      page.evaluate(async (stack) => {
        const glue = document.querySelector("script[data-perfil-cm-js]").dataset.perfilCmJs;
        // Same URL, same module instance: initSync returns the running instance's exports.
        const bytes = new Uint8Array((await import(glue)).initSync().memory.buffer, 0, stack);
        return stack - bytes.findIndex((b) => b !== 0);
      }, stack);
    const depths = { intro: await deepest() };

    await page.getByText(es.version_full, { exact: true }).click();
    await page.getByRole("button", { name: es.intro_start }).click();
    const keys = keysFor("full", () => 4, () => "1");
    for (let n = 1; n <= FULL; n++) await answerByKeyboard(page, es, n, FULL, keys[n - 1]);
    await page.getByRole("button", { name: es.see_results }).click();
    await resultsShown(page, es.results_title);
    depths.results = await deepest();

    for (const name of [es.download_json, es.download_svg, es.download_png]) {
      await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    }
    depths.downloads = await deepest();

    await page.getByRole("button", { name: "English", exact: true }).click();
    await resultsShown(page, en.results_title);
    depths.english = await deepest();

    await page.goto(`${app.server.url}#/recruiter`);
    await page.getByRole("heading", { level: 1, name: en.recruiter_title }).waitFor();
    const sliders = page.locator(".target-slider");
    for (let i = 0; i < (await sliders.count()); i++) {
      await sliders.nth(i).focus();
      await page.keyboard.press("ArrowRight");
    }
    depths.builder = await deepest();

    const deepestOfAll = Math.max(...Object.values(depths));
    console.log(
      `wasm stack: ${fmt(stack)} bytes; deepest ${fmt(deepestOfAll)} (` +
        Object.entries(depths).map(([path, depth]) => `${path} ${fmt(depth)}`).join(", ") + ")",
    );
    // A measure that read the wrong memory would find no write (all zeros) or data at once.
    assert.ok(
      Object.values(depths).every((depth) => depth > 0 && depth < stack),
      "the measure finds the stack's lowest write inside the stack",
    );
    assert.ok(deepestOfAll <= stack / 2, `the deepest path used ${fmt(deepestOfAll)} of a ${fmt(stack)}-byte stack`);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });
});
