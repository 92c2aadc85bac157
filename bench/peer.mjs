// Perfil CM against a peer doing the same quick job the usual way (bench/peer/build.mjs:
// SurveyJS + Chart.js, pinned in bench/peer/package-lock.json), in one run, alternating which
// goes first, each load in a fresh browser context. Run by scripts/bench.sh after bench/run.mjs,
// which has built dist/; the peer is built here. Prints a markdown table of medians.
//
// Per load: brotli bytes (q11, of the served files, read from disk by URL path) and requests
// until the first question can be answered (after clicking Start); first paint and an enabled
// Start (the first that takes a click, and the app's own), from navigation start, watched from
// inside the page (watchStarts), also with the CPU throttled 4x (CDP); time per answered question
// (13 clicks on the second option, each timed in the page from the click to the next question or
// the screen after the last one, designed pauses included, and less them); JS heap (CDP
// Runtime.getHeapUsage after a forced GC) and wasm memory (our WebAssembly.Memory, through the glue's initSync) after the results.
// Nothing here is a pass/fail test.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { brotliCompressSync, constants } from "node:zlib";

import { launchBrowser, ROOT, uiStrings } from "../tests/e2e/harness.mjs";

const RUNS = Math.max(Number(process.env.BENCH_RUNS ?? 15), 1);
const THROTTLE = 4;
// The quick version's length, from the content (as the peer page is built from it).
const QUICK = (readFileSync(join(ROOT, "content", "model.toml"), "utf8").match(/^quick = true$/gm) ?? []).length;
const es = uiStrings("es");
const PEER = join(ROOT, "bench", "peer");

execFileSync("node", [join(PEER, "build.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
const statements = JSON.parse(
  readFileSync(join(PEER, "dist", "data.js"), "utf8").replace(/^window\.PEER = /, "").replace(/;\s*$/, ""),
).statements;

async function serve(dir) {
  const server = spawn("python3", [join(ROOT, "scripts", "serve.py"), "--port", "0", dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
    createInterface({ input: server.stdout }).once("line", resolve);
  });
  return { url: line.replace(/^serving /, ""), dir, close: () => server.kill() };
}

const brotliCache = new Map();
/** Brotli q11 size of the file a URL path of `dir` serves (index.html for a folder). */
function brotliOf(dir, pathname) {
  const key = dir + pathname;
  if (!brotliCache.has(key)) {
    let path = join(dir, decodeURIComponent(pathname));
    if (pathname.endsWith("/")) path = join(path, "index.html");
    const size = statSync(path, { throwIfNoEntry: false })
      ? brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
      : 0;
    brotliCache.set(key, size);
  }
  return brotliCache.get(key);
}

// What differs between the two pages: how to find Start, the first question, question n, the end.
const apps = {
  ours: {
    // The app's own Start, not the one of the intro painted from the HTML before the app runs
    // (which takes a click but only carries it out once the app runs): "enabled" means handled.
    start: ".perfil:not(.perfil-root__prerender .perfil) .intro__start",
    // The painted intro's Start or the app's.
    anyStart: ".intro__start",
    firstQuestion: "label.choices__option",
    // src/components/question.rs ADVANCE_AFTER_CLICK_MS.
    pause: 350,
    // What changes in the page when an answer has moved it on: the statement, or the heading.
    signature: () => `${document.querySelector("#question-title")?.textContent}|${document.querySelector("h1")?.textContent}`,
    async answer(page, n) {
      await page.getByText(`${es.question_progress.replace("{n}", n).replace("{total}", QUICK)}`, { exact: true }).waitFor();
      await page.locator("label.choices__option").nth(1).click();
    },
    async answered(page) {
      await page.getByRole("heading", { level: 1, name: es.review_title }).waitFor();
    },
    async results(page) {
      await page.getByRole("button", { name: es.see_results }).click();
      await page.getByRole("heading", { level: 1, name: es.results_title }).waitFor();
    },
    async wasmMemory(page) {
      return page.evaluate(async () => {
        const glue = document.querySelector("script[data-perfil-cm-js]")?.dataset.perfilCmJs;
        if (!glue) return null;
        // Same URL, same module instance: initSync returns the running instance's exports.
        const exports = (await import(glue)).initSync();
        return exports.memory?.buffer.byteLength ?? null;
      });
    },
  },
  peer: {
    start: "#start",
    firstQuestion: ".sd-question label.sd-selectbase__label",
    // survey-core's settings.autoAdvanceDelay.
    pause: 300,
    signature: () => `${document.querySelector(".sd-question")?.dataset.name}|${window.__peerCompleted !== undefined}`,
    // SurveyJS writes style attributes, which our strict CSP (sent by serve.py) forbids.
    contextOptions: { bypassCSP: true },
    async answer(page, n) {
      const option = page.locator(`.sd-question[data-name="${statements[n - 1].id}"] label.sd-selectbase__label`).nth(1);
      await option.click();
    },
    async answered(page) {
      await page.waitForFunction(() => window.__peerCompleted !== undefined);
    },
    async results(page) {
      await page.waitForFunction(() => window.__peerResults !== undefined);
    },
    async wasmMemory() {
      return null;
    },
  },
};

/** What the page's watcher writes on the console before the times of the two Starts. */
const START_REPORT = "perfil-bench-starts ";

/**
 * Runs in the page before its own scripts (addInitScript): once a frame, looks for a Start
 * that takes a click (`any`: visible and not disabled; ours: the painted intro's or the app's)
 * and for the app's own (`own`), and reports both times, from navigation start, once the
 * second is found. A frame's callback runs before that frame is painted, as Playwright's
 * polling by frame did.
 */
function watchStarts({ any, own, report }) {
  const seen = {};
  const enabled = (selector) => [...document.querySelectorAll(selector)].some((b) => !b.disabled && b.offsetParent !== null);
  const check = () => {
    if (seen.startClickable === undefined && enabled(any)) seen.startClickable = performance.now();
    if (seen.startEnabled === undefined && enabled(own)) seen.startEnabled = performance.now();
    if (seen.startEnabled === undefined) requestAnimationFrame(check);
    else console.log(report + JSON.stringify({ ...seen, startClickable: seen.startClickable ?? seen.startEnabled }));
  };
  requestAnimationFrame(check);
}

/** One load of `app` in a fresh context; `full` also answers all and measures memory. */
async function load(browser, name, server, { throttle = 1, full = true } = {}) {
  const app = apps[name];
  const context = await browser.newContext({
    locale: "es-ES",
    viewport: { width: 375, height: 800 },
    ...app.contextOptions,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttle !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const requests = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http")) requests.push(url.pathname);
  });
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  // The two Starts are watched from inside the page, by a script that runs before the page's
  // own and checks once a frame, and reported on the console: the harness does nothing in the
  // page while it loads. Polling from the harness (Playwright's waitForFunction) evaluates its
  // own script in the page, on the main thread the page needs; at 4x CPU that delayed our
  // painted Start by about 100 ms and our first contentful paint by about 50, and the peer's
  // Start not at all, as it comes later (BENCHMARKS.md, 2026-11-27, after 19:00).
  const starts = new Promise((resolve) => {
    page.on("console", (message) => {
      if (message.text().startsWith(START_REPORT)) resolve(JSON.parse(message.text().slice(START_REPORT.length)));
    });
  });
  await page.addInitScript(watchStarts, { any: app.anyStart ?? app.start, own: app.start, report: START_REPORT });
  await page.goto(server.url, { waitUntil: "commit" });
  let timer;
  const { startClickable, startEnabled } = await Promise.race([
    starts,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${name}: no enabled Start within 60 s`)), 60_000))),
  ]).finally(() => clearTimeout(timer));
  const firstPaint = await page.evaluate(() => new Promise((resolve) => {
    const find = () => performance.getEntriesByName("first-paint")[0]?.startTime;
    if (find() !== undefined) return resolve(find());
    new PerformanceObserver(() => find() !== undefined && resolve(find())).observe({ type: "paint", buffered: true });
  }));
  const result = { firstPaint, startClickable, startEnabled };
  if (full) {
    await page.locator(app.start).click();
    await page.locator(app.firstQuestion).first().waitFor({ state: "visible" });
    const before = [...requests];
    if (process.env.BENCH_DEBUG) console.error(name, before.join(" "));
    result.requests = before.length;
    result.bytes = before.reduce((sum, path) => sum + brotliOf(server.dir, path), 0);
    // Timed in the page, from each click (capture phase) to the page showing the next question
    // (or the screen after the last): Playwright's polling, which backs off up to 500 ms between
    // tries, must not count. Each of the two apps waits on purpose after a click before moving on
    // (ours 350 ms, SurveyJS's autoAdvanceDelay 300 ms), and that is counted.
    await page.evaluate((signature) => {
      const current = new Function(`return (${signature})()`);
      window.__answerTimes = [];
      let pending = null;
      document.addEventListener("click", () => (pending = { at: performance.now(), was: current() }), true);
      const watch = () => {
        if (pending && current() !== pending.was) {
          window.__answerTimes.push(performance.now() - pending.at);
          pending = null;
        }
        requestAnimationFrame(watch);
      };
      watch();
    }, app.signature.toString());
    for (let n = 1; n <= QUICK; n++) await app.answer(page, n);
    await app.answered(page);
    await page.waitForFunction((n) => window.__answerTimes.length >= n, QUICK);
    const answerTimes = await page.evaluate(() => window.__answerTimes);
    result.perQuestion = answerTimes.reduce((a, b) => a + b, 0) / answerTimes.length;
    result.perQuestionWork = result.perQuestion - app.pause;
    // Ours builds the results a part per frame (src/components/results.rs): the frames that
    // show the chart and the whole screen are timed from the same click.
    if (name === "ours") {
      await page.evaluate(() => {
        window.__resultsParts = {};
        let clicked = null;
        document.addEventListener("click", () => (clicked ??= performance.now()), true);
        const watch = () => {
          if (clicked !== null) {
            window.__resultsParts.chart ??= document.querySelector(".results__chart") ? performance.now() - clicked : undefined;
            window.__resultsParts.whole ??= document.querySelector(".results:not([aria-busy])") ? performance.now() - clicked : undefined;
          }
          if (window.__resultsParts.whole === undefined) requestAnimationFrame(watch);
        };
        watch();
      });
    }
    await app.results(page);
    // Ours asks for a click on "Ver resultados" after the review; the same watcher times it,
    // from the click to the first frame that shows the results (issue 12's target: 16 ms).
    // SurveyJS shows its chart right after the last answer, which its last answer time counts.
    if (name === "ours") {
      await page.waitForFunction((n) => window.__answerTimes.length > n, QUICK);
      result.resultsPaint = await page.evaluate(() => window.__answerTimes.at(-1));
      await page.waitForFunction(() => window.__resultsParts.whole !== undefined);
      Object.assign(result, await page.evaluate(() => ({ resultsChart: window.__resultsParts.chart, resultsWhole: window.__resultsParts.whole })));
    }
    await cdp.send("HeapProfiler.collectGarbage");
    result.heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    result.wasm = await app.wasmMemory(page);
  }
  if (problems.length) throw new Error(`${name}: ${problems.join("; ")}`);
  await context.close();
  return result;
}

const servers = { ours: await serve(join(ROOT, "dist")), peer: await serve(join(PEER, "dist")) };
const browser = await launchBrowser();
const chromium = browser.version();
const samples = { ours: [], peer: [] };
try {
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? ["ours", "peer"] : ["peer", "ours"];
    for (const name of order) {
      const normal = await load(browser, name, servers[name]);
      const slow = await load(browser, name, servers[name], { throttle: THROTTLE, full: false });
      samples[name].push({
        ...normal,
        firstPaintSlow: slow.firstPaint,
        startClickableSlow: slow.startClickable,
        startEnabledSlow: slow.startEnabled,
      });
    }
    process.stderr.write(`round ${round + 1}/${RUNS}\r`);
  }
} finally {
  await browser.close();
  servers.ours.close();
  servers.peer.close();
}
process.stderr.write("\n");

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const version = (pkg) => JSON.parse(readFileSync(join(PEER, "node_modules", pkg, "package.json"), "utf8")).version;
const rows = [
  ["requests until the first question can be answered", "requests", (v) => v.toFixed(0)],
  ["bytes (brotli) until the first question can be answered", "bytes", (v) => v.toLocaleString("en-US")],
  ["first paint (ms)", "firstPaint", (v) => v.toFixed(0)],
  ["a Start that takes a click (ours: the painted intro's) (ms)", "startClickable", (v) => v.toFixed(0)],
  ["enabled Start, the app's own (ms)", "startEnabled", (v) => v.toFixed(0)],
  [`first paint, CPU ${THROTTLE}× slower (ms)`, "firstPaintSlow", (v) => v.toFixed(0)],
  [`a Start that takes a click, CPU ${THROTTLE}× slower (ms)`, "startClickableSlow", (v) => v.toFixed(0)],
  [`enabled Start, the app's own, CPU ${THROTTLE}× slower (ms)`, "startEnabledSlow", (v) => v.toFixed(0)],
  ["time per answered question (ms)", "perQuestion", (v) => v.toFixed(1)],
  ["the same, less the designed pause (ours 350, peer 300 ms)", "perQuestionWork", (v) => v.toFixed(1)],
  ["results, click on \"Ver resultados\" to the frame that shows them (ms)", "resultsPaint", (v) => v.toFixed(1)],
  ["the same, to the frame that shows the chart (ms)", "resultsChart", (v) => v.toFixed(1)],
  ["the same, to the frame that shows the whole screen (ms)", "resultsWhole", (v) => v.toFixed(1)],
  ["JS heap after results (KB)", "heap", (v) => (v / 1024).toFixed(0)],
  ["wasm memory after results (KB)", "wasm", (v) => (v / 1024).toFixed(0)],
];
console.log(`\nAgainst a peer: SurveyJS ${version("survey-core")} (survey-core + survey-js-ui ${version("survey-js-ui")}) + Chart.js ${version("chart.js")}, ${RUNS} loads each, alternating, fresh context each; Chromium ${chromium}; medians`);
console.log("\n| metric | ours | peer | ours / peer |\n|---|---:|---:|---:|");
for (const [label, key, fmt] of rows) {
  const a = median(samples.ours.map((s) => s[key]));
  const b = median(samples.peer.map((s) => s[key]));
  const show = (v) => (v === null ? "—" : fmt(v));
  const ratio = a !== null && b ? (a / b).toFixed(2) : "—";
  console.log(`| ${label} | ${show(a)} | ${show(b)} | ${ratio} |`);
}
const heapTotal = (s) => s.heap + (s.wasm ?? 0);
console.log(`| JS heap + wasm memory after results (KB) | ${(median(samples.ours.map(heapTotal)) / 1024).toFixed(0)} | ${(median(samples.peer.map(heapTotal)) / 1024).toFixed(0)} | ${(median(samples.ours.map(heapTotal)) / median(samples.peer.map(heapTotal))).toFixed(2)} |`);
