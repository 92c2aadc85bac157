// The bench: release sizes of every file in dist/ (raw, gzip -9, brotli q11) and start-up time
// in headless Chromium (navigation to the intro heading being visible), median of N runs, the
// first load (requests and brotli bytes until the first question can be answered), and embed.js
// against its 1.5 KB brotli budget. The precompressed copies (.br, .gz) are not page files.
// Figures go to BENCHMARKS.md; nothing here is a pass/fail test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { APP_SCREEN, firstLoadFiles, launchBrowser, ROOT, startServer } from "../tests/e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 5);
const dist = join(ROOT, "dist");

function sizes() {
  const rows = [];
  for (const name of readdirSync(dist).sort()) {
    const path = join(dist, name);
    if (name.startsWith(".") || /\.(br|gz)$/.test(name) || !statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    rows.push({
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0, gzip: 0, brotli: 0,
  });
  return { rows, total };
}

async function startup() {
  const server = await startServer();
  const browser = await launchBrowser();
  const times = [];
  const painted = [];
  let paintedFirst = 0;
  const slow = { "es-ES": [], "en-US": [] };
  let firstLoad;
  let firstLoadEn;
  try {
    firstLoad = await firstLoadFiles(browser, server.url);
    // An English reader also fetches the English words (texts-en-<hash>.txt).
    firstLoadEn = await firstLoadFiles(browser, server.url, { locale: "en-US" });
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: "es-ES" });
      const page = await context.newPage();
      await page.goto(server.url);
      times.push(await appIntroShown(page));
      // The intro is painted from the HTML (assets/boot.js) before the wasm has arrived: the
      // first contentful paint against the end of the wasm's response, both from navigation.
      const { paint, wasm } = await page.evaluate(() => ({
        paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
        wasm: performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"))?.responseEnd,
      }));
      painted.push(paint);
      if (paint < wasm) paintedFirst += 1;
      await context.close();
    }
    // On loopback the wasm arrives within milliseconds; on a phone's network it does not. The
    // same navigation with DevTools' network throttling at Lighthouse's mobile figures (150 ms
    // round trip, 1.6 Mbit/s down, 750 kbit/s up), a few runs.
    // An English reader's app waits for the English words too: one more round trip.
    for (let i = 0; i < SLOW_RUNS * 2; i++) {
      const locale = i % 2 === 0 ? "es-ES" : "en-US";
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await page.goto(server.url);
      const app = await appIntroShown(page, 60_000);
      slow[locale].push(await page.evaluate((app) => ({
        paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
        wasm: performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"))?.responseEnd,
        app,
      }), app));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  times.sort((a, b) => a - b);
  painted.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times.at(-1),
    paint: painted[Math.floor(painted.length / 2)],
    paintedFirst,
    slow,
    firstLoad,
    firstLoadEn,
  };
}

/**
 * When the app's own intro heading is shown, in ms from navigation start, timed in the page at
 * every frame. Not by Playwright's locator wait: the app renders its intro hidden until it takes
 * over the painted one, and the wait's polling of a hidden element backs off up to 500 ms between
 * tries, which added up to 450 ms to these figures before 2026-11-27 (evening).
 */
function appIntroShown(page, timeout = 30_000) {
  return page
    .waitForFunction(
      (selector) => {
        const heading = document.querySelector(selector);
        return heading && heading.offsetParent !== null ? performance.now() : false;
      },
      `${APP_SCREEN} #intro-title`,
      { polling: "raf", timeout },
    )
    .then((handle) => handle.jsonValue());
}

const fmt = (n) => n.toLocaleString("en-US");
const { rows, total } = sizes();
console.log("| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
for (const r of rows) {
  // Hashes change every build; show the stable part of the name.
  const name = r.name.replace(/-[0-9a-f]{1,16}(?=[._])/, "-<hash>");
  console.log(`| ${name} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`);
}
console.log(`| **total** | ${fmt(total.raw)} | ${fmt(total.gzip)} | ${fmt(total.brotli)} |`);
// The blog embed's loader is all a host page pays until the widget scrolls near the view.
const EMBED_BUDGET = 1536;
const embed = rows.find((r) => r.name === "embed.js");
console.log(`\nembed.js: ${fmt(embed?.brotli ?? 0)} bytes brotli (budget ${fmt(EMBED_BUDGET)}: ${embed && embed.brotli <= EMBED_BUDGET ? "within" : "OVER"})`);
const t = await startup();
for (const [reader, files] of [["a Spanish", t.firstLoad], ["an English", t.firstLoadEn]]) {
  const loaded = files.map((name) => rows.find((r) => r.name === name) ?? { name, raw: 0, gzip: 0, brotli: 0 });
  const loadedBrotli = loaded.reduce((sum, r) => sum + r.brotli, 0);
  console.log(`\nfirst load of ${reader} reader (until the first question can be answered): ${loaded.length} requests, ${fmt(loadedBrotli)} bytes brotli`);
  console.log(`  ${loaded.map((r) => `${r.name.replace(/-[0-9a-f]{1,16}(?=[._])/, "-<hash>")} ${fmt(r.brotli)}`).join(", ")}`);
}
console.log(`\nstart-up to the app's intro, ${RUNS} runs: median ${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`);
console.log(`first contentful paint (the intro from the HTML): median ${t.paint.toFixed(0)} ms; before the wasm's response ended in ${t.paintedFirst} of ${RUNS} runs`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [locale, slow] of Object.entries(t.slow)) {
  console.log(
    `throttled network (150 ms, 1.6 Mbit/s), ${locale}, ${SLOW_RUNS} runs, medians: first contentful paint ${median(slow.map((r) => r.paint)).toFixed(0)} ms, ` +
      `wasm response end ${median(slow.map((r) => r.wasm)).toFixed(0)} ms, the app's intro shown by ${median(slow.map((r) => r.app)).toFixed(0)} ms; ` +
      `painted before the wasm had arrived in ${slow.filter((r) => r.paint < r.wasm).length} of ${SLOW_RUNS} runs`,
  );
}
