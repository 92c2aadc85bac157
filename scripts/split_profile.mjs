// Writes tools/wasm-split/moved.txt: the functions of the wasm that a reader does not run before
// answering the first questions, which the release build moves to the wasm's second part
// (scripts/split.mjs). Run it when the code has changed much, or when the e2e test "split"
// reports that the rest was loaded synchronously:
//
//   node scripts/split_profile.mjs
//
// It builds a release whose wasm reports every function it runs (PERFIL_CM_SPLIT=profile), walks
// the ways a reader starts in headless Chromium, keeps every function that ran, and lists the
// others by name, without rustc's hash (see below for names that several functions share). Then
// it builds the release again, split, and checks that start-up read none of the data that the
// split moved with the code (tools/wasm-split, moved_data): the profiled wasm reports its loads
// and copies, and the page the strings that the glue decodes; a read there fails the script.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

import {
  APP_SCREEN,
  FULL,
  QUICK,
  answerByKeyboard,
  atQuestion,
  beforeAnswering,
  launchBrowser,
  sandboxedHost,
  startServer,
  uiStrings,
} from "../tests/e2e/harness.mjs";
import { MAP, MOVED, MOVED_DATA, NAMES } from "./split.mjs";

const build = (mode) =>
  execFileSync("trunk", ["build", "--release"], { stdio: "inherit", env: { ...process.env, PERFIL_CM_SPLIT: mode } });

build("profile");
const ran = new Set();
// The bytes of read-only data that start-up read, by address.
const reads = new Set();
const rodata = /^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+) \.rodata$/m.exec(readFileSync(MAP, "utf8"));
if (!rodata) throw new Error(`${MAP}: no .rodata section`);
const [low, high] = [parseInt(rodata[1], 16), parseInt(rodata[1], 16) + parseInt(rodata[2], 16)];
const server = await startServer();
const host = await sandboxedHost(server.url);
const browser = await launchBrowser();
try {
  // Each way a reader starts: a fresh reader in either language, by mouse or by keyboard (the
  // first also ticks "remember", changes language and back, and goes from the first question back
  // to the intro and forward with the browser's buttons), the full version,
  // the widget's look (embed=1), one in a sandboxed frame on another origin, where storage is
  // refused, and one who changes language and presses Start on the intro painted from the HTML
  // before the app runs (the wasm held back until then), so that the app takes over with the
  // focus on the copy and carries out that Start. (The recruiter's link on the intro opens a
  // screen that waits for the rest: hooks::use_address_sync. Someone coming back to stored
  // answers or attempts waits for it too, before the first render: crate::start.)
  const ways = [
    { locale: "es-ES", path: "/", version: "quick", by: "mouse", intro: true },
    { locale: "en-GB", path: "/", version: "quick", by: "keyboard" },
    { locale: "es-ES", path: "/?lang=en&theme=dark", version: "full", by: "keyboard" },
    { locale: "en-US", path: "/?embed=1&title=Perfil", version: "quick", by: "mouse" },
    { locale: "es-ES", path: "", version: "quick", by: "mouse", sandboxed: true },
    { locale: "es-ES", path: "/", version: "quick", by: "mouse", early: "en" },
  ];
  for (const way of ways) {
    const context = await browser.newContext({ locale: way.locale, viewport: { width: 375, height: 800 } });
    await context.addInitScript(
      ([low, high]) => {
        const ran = new Set();
        const reads = new Set();
        globalThis.__perfilCmRan = ran;
        globalThis.__perfilCmReads = reads;
        const range = (from, length) => {
          for (let at = Math.max(from, low); at < Math.min(from + length, high); at++) reads.add(at);
        };
        const profile = {
          ran: (index) => ran.add(index),
          read: (address, offset) => range((address >>> 0) + (offset >>> 0), 1),
          copy: (source, length) => range(source >>> 0, length >>> 0),
        };
        const withProfile = (imports) => ({ ...imports, perfil_cm_profile: profile });
        const { instantiate, instantiateStreaming } = WebAssembly;
        WebAssembly.instantiate = (source, imports) => instantiate(source, withProfile(imports));
        WebAssembly.instantiateStreaming = (source, imports) => instantiateStreaming(source, withProfile(imports));
        // The glue reads strings out of memory by decoding them.
        const { decode } = TextDecoder.prototype;
        TextDecoder.prototype.decode = function (view, options) {
          if (view && typeof view.byteOffset === "number") range(view.byteOffset, view.byteLength);
          return decode.call(this, view, options);
        };
      },
      [low, high],
    );
    const page = await context.newPage();
    page.on("pageerror", (error) => {
      throw error;
    });
    // The page, or the app's frame in the sandboxed host's page.
    let scope = page;
    const collect = async () => {
      for (const index of await scope.evaluate(() => [...globalThis.__perfilCmRan])) ran.add(index);
      for (const at of await scope.evaluate(() => [...globalThis.__perfilCmReads])) reads.add(at);
    };
    const lang = way.early ?? (way.path.includes("lang=en") || way.locale.startsWith("en") ? "en" : "es");
    const ui = uiStrings(lang);
    const total = way.version === "full" ? FULL : QUICK;
    if (way.sandboxed) {
      await page.goto(host.url);
      await page.frameLocator("iframe").locator(APP_SCREEN).waitFor();
      scope = page.frames().find((frame) => frame !== page.mainFrame());
    } else if (way.early) {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route("**/*_bg.wasm", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url + way.path);
      const copy = page.locator(".perfil-root__prerender");
      await copy.locator(`.lang-switch__option[lang="${way.early}"]`).click();
      await copy.getByRole("button", { name: ui.intro_start }).click();
      release();
    } else {
      await page.goto(server.url + way.path);
    }
    await scope.locator(APP_SCREEN).waitFor();
    if (way.intro) await beforeAnswering(scope, page, ui, uiStrings(lang === "es" ? "en" : "es"), total);
    if (way.version === "full") await scope.locator(APP_SCREEN).getByText(ui.version_full, { exact: true }).click();
    if (!way.early) await scope.getByRole("button", { name: ui.intro_start }).click();
    for (let n = 1; n <= 3; n++) {
      if (way.by === "keyboard") {
        await answerByKeyboard(page, ui, n, total, String(1 + (n % 5)));
      } else {
        // A tap answers and moves on by itself; the third question is skipped by its button.
        await atQuestion(scope, ui, n, total);
        if (n < 3) await scope.locator(".choices__option").nth(n % 5).click();
        else await scope.getByRole("button", { name: ui.skip, exact: true }).click();
      }
    }
    await atQuestion(scope, ui, 4, total);
    await collect();
    await context.close();
  }
} finally {
  await browser.close();
  host.close();
  server.close();
}

const names = readFileSync(NAMES, "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split("\t"));
// Functions that share a name (instances of one generic function) are told apart by their order
// among them: `name#k/n` is the k-th of n. tools/wasm-split moves it only if there are still n.
const byName = new Map();
for (const [index, name] of names) byName.set(name, [...(byName.get(name) ?? []), Number(index)]);
const moved = [];
for (const [name, indices] of byName) {
  if (!name) continue;
  const idle = indices.map((index, k) => [k, ran.has(index)]).filter(([, hit]) => !hit);
  if (idle.length === indices.length) moved.push(name);
  else for (const [k] of idle) moved.push(`${name}#${k}/${indices.length}`);
}
moved.sort();
writeFileSync(
  MOVED,
  "# Written by scripts/split_profile.mjs: functions that start-up and the first questions do not run.\n" +
    moved.join("\n") +
    "\n",
);
console.log(`split_profile: ${ran.size} of ${names.length} functions ran; ${moved.length} names listed in ${MOVED}`);
build("on");

const movedData = readFileSync(MOVED_DATA, "utf8")
  .trim()
  .split("\n")
  .filter(Boolean)
  .map((line) => line.split(" ").map(Number));
const readMoved = [...reads].filter((at) => movedData.some(([from, to]) => from <= at && at < to));
console.log(
  `split_profile: start-up read ${reads.size} bytes of read-only data, ${readMoved.length} of them in the ` +
    `${movedData.reduce((sum, [from, to]) => sum + to - from, 0)} bytes that the split moved`,
);
if (readMoved.length > 0) {
  console.error(
    `split_profile: start-up read moved data at ${readMoved.slice(0, 20).join(", ")}: the code that reads it ` +
      "names it in a way tools/wasm-split does not see (raise its NEAR, or find the read)",
  );
  process.exit(1);
}
