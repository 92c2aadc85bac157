// Shared set-up for the end-to-end tests: serve dist/ with the production headers, start
// Debian's Chromium through playwright-core, and watch every page for anything that must never
// happen (console errors, failed or cross-origin requests, CSP violations).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { after, before } from "node:test";

import { AxeBuilder } from "@axe-core/playwright";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const RESULTS = join(ROOT, "test-results");
export const CSP = readFileSync(join(ROOT, "scripts", "csp.txt"), "utf8").trim();

/** The interface strings of a locale, read from content/<locale>/ui.toml (flat `key = "text"`). */
export function uiStrings(locale) {
  const text = readFileSync(join(ROOT, "content", locale, "ui.toml"), "utf8");
  const strings = {};
  for (const line of text.split("\n")) {
    const match = /^([a-z][a-z0-9_]*)\s*=\s*(".*")\s*$/.exec(line);
    if (match) strings[match[1]] = JSON.parse(match[2]);
  }
  return strings;
}

/** Serves dist/ on a free loopback port; resolves to { url, close }. */
export async function startServer() {
  const server = spawn("python3", [join(ROOT, "scripts", "serve.py"), "--port", "0", join(ROOT, "dist")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: server.stdout });
  const url = await new Promise((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
    lines.once("line", (line) => resolve(line.replace(/^serving /, "")));
  });
  return { url, close: () => server.kill() };
}

/**
 * For a test file: serves dist/ and starts Chromium before its tests, stops both after.
 * Returns an object whose `server` and `browser` are set once the tests run. `serve` starts the
 * server and resolves to { url, close }, like startServer (the default).
 */
export function useApp(serve = startServer) {
  const app = {};
  before(async () => {
    app.server = await serve();
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

function chromiumPath() {
  // The real binary, not Debian's wrapper script, which adds flags of its own.
  for (const path of [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"]) {
    if (path && existsSync(path)) return path;
  }
  throw new Error("Chromium not found: run scripts/test.sh, which installs it");
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The machine's network is closed: keep Chromium from trying to phone home.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens the app in a fresh context and records every problem on `page.problems`.
 * Options: locale (browser language), width, colorScheme, path (appended to the base url), and
 * clock: install Playwright's controllable clock first, so a test can move time on without waiting;
 * beforeGoto: an async function given the page before it loads (to intercept requests); ready:
 * what to wait for, "app" (the app's own screen, the default) or "page" (the page loaded).
 */
export async function openApp(
  browser,
  baseUrl,
  { locale = "es-ES", width = 375, colorScheme = "light", path = "", clock = false, beforeGoto, ready = "app" } = {},
) {
  const context = await browser.newContext({
    locale,
    colorScheme,
    viewport: { width, height: 800 },
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const problems = [];
  // A request cut short because the page itself navigated (a reload, a new link) is not a
  // problem, but one that fails for any other reason is. So each request remembers how many
  // main-frame navigations had begun when it started, and an abort is forgiven only if a
  // later navigation began; that is decided when problems are read, after events settle.
  let navigations = 0;
  const startedAt = new WeakMap();
  const failures = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
    startedAt.set(request, navigations);
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  page.on("requestfailed", (request) => {
    failures.push({ url: request.url(), error: request.failure()?.errorText ?? "", started: startedAt.get(request) ?? 0 });
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Reported straight to the test through a binding, which the page's CSP does not govern,
  // so that violations from before a reload are kept too.
  const violations = [];
  await context.exposeFunction("__reportCspViolation", (text) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__reportCspViolation(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  page.allFailedRequests = failures;
  page.failedRequests = () =>
    failures
      .filter((f) => !(f.error === "net::ERR_ABORTED" && f.started < navigations))
      .map((f) => `request failed: ${f.url} (${f.error})`);
  page.cspViolations = violations;
  page.problems = problems;
  if (clock) await context.clock.install();
  await beforeGoto?.(page);
  // A held-back request (beforeGoto) may hold the load event: "page" waits for the document only.
  const response = await page.goto(baseUrl + path, { waitUntil: ready === "app" ? "load" : "domcontentloaded" });
  // The app's own screen, not the intro the page paints before the app runs (assets/boot.js).
  if (ready === "app") await page.locator(APP_SCREEN).waitFor();
  page.mainResponse = response;
  return page;
}

/**
 * Opens the app as `openApp` does, with the wasm held back until `release()` is called, so that
 * "before the app runs" is a state the test controls, not a race. Options as for `openApp`; its
 * `beforeGoto` runs first. Resolves to { page, release }.
 */
export async function openAppHeld(browser, baseUrl, options = {}) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const page = await openApp(browser, baseUrl, {
    ...options,
    ready: "page",
    beforeGoto: async (page) => {
      await options.beforeGoto?.(page);
      await page.route("**/*_bg.wasm", async (route) => {
        await released;
        await route.continue();
      });
    },
  });
  return { page, release };
}

/** The app's own top element, once shown (the painted intro has one too, inside its copy). */
export const APP_SCREEN = ".perfil:not(.perfil-root__prerender .perfil)";

/**
 * Loads `url` in `page` and waits for the app's own screen. Until the app takes over, the page
 * may hold both the intro painted by boot.js and the app's hidden twin, with the same labels
 * and ids: a test that acts in that moment would find two of everything.
 */
export async function gotoApp(page, url) {
  const response = await page.goto(url);
  await page.locator(APP_SCREEN).waitFor();
  return response;
}

/**
 * Waits for the results screen titled `title` in `scope` (a page or a frame), built whole: the
 * app builds it a part per frame, top first, and the screen says aria-busy until the last part.
 */
export async function resultsShown(scope, title) {
  await scope.getByRole("heading", { level: 1, name: title }).waitFor();
  await scope.locator(".results:not([aria-busy])").waitFor();
}

/** Reloads `page` and waits for the app's own screen (see `gotoApp`). */
export async function reloadApp(page) {
  const response = await page.reload();
  await page.locator(APP_SCREEN).waitFor();
  return response;
}

/** Everything that went wrong on the page so far, CSP violations included. */
export async function problemsOf(page) {
  // A round trip to the page lets pending console and network events arrive first.
  await page.evaluate(() => true);
  return [...page.problems, ...page.failedRequests(), ...page.cspViolations.map((v) => `CSP violation: ${v}`)];
}

/**
 * A blog on another origin (another port) whose page holds the app at `appUrl` in a frame
 * sandboxed with allow-scripts only, the strictest reasonable sandbox: the frame's origin is
 * null, so the module script, the glue, the wasm and the words load in CORS mode, and storage is
 * refused. Resolves to the blog's address and a `close` for its server.
 */
export async function sandboxedHost(appUrl) {
  const server = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="en"><title>A blog</title><iframe title="Perfil CM" sandbox="allow-scripts" src="${appUrl}" width="375" height="760"></iframe>`,
    );
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/**
 * The errors of `page` and its frames from now on (uncaught, and console errors), as a list
 * that fills as they come: for pages the harness does not watch, such as another origin's.
 */
export function errorsOf(page) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/** axe-core violations (WCAG 2.x A and AA rules), as short strings. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Saves a full-page screenshot under test-results/. */
export async function screenshot(target, name) {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  // A whole page, or just one element (a locator).
  const isPage = typeof target.mainFrame === "function";
  await target.screenshot(isPage ? { path, fullPage: true } : { path });
  return path;
}

/** Fills `{name}` placeholders, as the app does. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * Presses Tab until the focused element's text or label is `name`, proving it is reachable
 * with the keyboard; fails after `limit` presses.
 */
export async function tabTo(page, name, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el?.labels?.[0]?.textContent ?? "";
      return `${el?.textContent ?? ""} ${label}`.replace(/\s+/g, " ").trim();
    });
    if (focused.includes(name)) return;
  }
  throw new Error(`"${name}" not reached with ${limit} presses of Tab`);
}

/**
 * What a reader may do before answering, in `scope` (the page, or the app's frame in it) of
 * `page`, on the intro in the language of `ui`: ticks "remember" and unticks it, changes language
 * to that of `other` and back, starts, then goes from the first question (of `total`) back to the
 * intro, forward and back again with the browser's buttons. Ends on the intro.
 * scripts/split_profile.mjs walks it, so that its code stays in the wasm's first part;
 * tests/e2e/split.test.mjs checks that it never needs the rest.
 */
export async function beforeAnswering(scope, page, ui, other, total) {
  const screen = scope.locator(APP_SCREEN);
  await screen.getByText(ui.remember_label).click();
  await screen.getByText(ui.remember_label).click();
  await screen.getByRole("button", { name: other.language_name }).click();
  await screen.getByRole("button", { name: other.intro_start }).waitFor();
  await screen.getByRole("button", { name: ui.language_name }).click();
  await screen.getByRole("button", { name: ui.intro_start }).click();
  await atQuestion(scope, ui, 1, total);
  await page.goBack();
  await screen.getByRole("button", { name: ui.intro_start }).waitFor();
  await page.goForward();
  await atQuestion(scope, ui, 1, total);
  await page.goBack();
  await screen.getByRole("button", { name: ui.intro_start }).waitFor();
}

/** Waits until the question heading has focus and the progress reads `n` of `total`. */
export async function atQuestion(page, ui, n, total) {
  await page.getByText(fill(ui.question_progress, { n, total }), { exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "question-title");
}

/**
 * Waits until the option `key` of the question showing is checked. A key's answer reaches the
 * screen with Yew's next render, which may come a task later: the scheduler yields to the
 * browser (a `setTimeout`) after 16 ms of work, so a check made right after the key press races
 * it. Fails with `message` if the option is still unchecked after five seconds.
 */
export async function checkedChoice(page, key, message) {
  try {
    await page.locator(`#choice-${key}:checked`).waitFor({ state: "attached", timeout: 5000 });
  } catch {
    throw new Error(`${message}: option ${key} was not checked within 5 s`);
  }
}

/**
 * Answers question `n` of `total` by keyboard as a person would: waits for it (focus on its
 * heading), presses `key`, waits until that option is checked, and presses Enter to go on.
 */
export async function answerByKeyboard(page, ui, n, total, key) {
  await atQuestion(page, ui, n, total);
  await page.keyboard.press(key);
  await checkedChoice(page, key, `question ${n}`);
  await page.keyboard.press("Enter");
}

/** The score column of the results table, in its current order (article order unless sorted). */
export async function resultScores(page) {
  return page.locator(".scores__table tbody tr > td:nth-child(2)").allTextContents();
}

/** What the app keeps in session and local storage. */
export function storedData(page) {
  return page.evaluate(() => ({
    session: Object.keys(sessionStorage).length,
    local: Object.keys(localStorage).length,
  }));
}

/** The file in dist/ that a same-origin URL names ("/" is index.html), or null for another origin. */
export function distFileOf(url, baseUrl) {
  const u = new URL(url);
  if (u.origin !== new URL(baseUrl).origin) return null;
  const name = decodeURIComponent(u.pathname).replace(/^\/+/, "");
  return name === "" ? "index.html" : name;
}

/**
 * The first load: every file a fresh page (a browser in `locale`, 375 px) requests from `baseUrl` until
 * the first question can be answered (the intro's Start pressed and the first question shown),
 * plus any icon file that index.html names (headless Chromium does not fetch one, a real browser does;
 * today's icon is a data: URL, which costs no request).
 * Resolves to the dist/ file names in request order, each once.
 */
export async function firstLoadFiles(browser, baseUrl, { locale = "es-ES" } = {}) {
  const ui = uiStrings(locale.slice(0, 2));
  const context = await browser.newContext({ locale, viewport: { width: 375, height: 800 } });
  const files = [];
  try {
    const page = await context.newPage();
    page.on("request", (request) => {
      const file = distFileOf(request.url(), baseUrl);
      if (file !== null && !files.includes(file)) files.push(file);
    });
    await page.goto(baseUrl);
    await page.getByRole("button", { name: ui.intro_start }).click();
    await page.locator("#question-title").waitFor();
    const icons = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href));
    for (const href of icons) {
      const file = distFileOf(href, baseUrl);
      if (file !== null && !files.includes(file)) files.push(file);
    }
  } finally {
    await context.close();
  }
  return files;
}

/**
 * The questionnaire as content/model.toml defines it (the app builds it from the same file, in
 * the same order): `version` (the content version), `qualities` (ids in article order), and
 * for each version the questions in presentation order. A statement is
 * { kind: "statement", id, quality, reverse }; a scenario is { kind: "scenario", id, options },
 * each option { id, key, scores } where `key` is the digit that chooses it. Reads only the
 * subset of TOML the file uses: `[[table]]` headers and `key = value` lines whose value is a
 * string, a boolean, a number or an inline table of numbers.
 */
export const MODEL = readModel();
/** Questions in the quick and the full version, statements in the full version, qualities. */
export const QUICK = MODEL.quick.length;
export const FULL = MODEL.full.length;
export const STATEMENTS = MODEL.full.filter((q) => q.kind === "statement").length;
export const QUALITIES = MODEL.qualities.length;

function readModel() {
  const text = readFileSync(join(ROOT, "content", "model.toml"), "utf8");
  const tables = { quality: [], item: [], scenario: [] };
  let current = null;
  const value = (raw) => {
    if (raw.startsWith("{")) {
      return Object.fromEntries(
        raw.slice(1, -1).split(",").map((pair) => pair.split("=").map((s) => s.trim())).map(([k, v]) => [k, Number(v)]),
      );
    }
    return JSON.parse(raw);
  };
  let top = {};
  for (const line of text.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim())) {
    if (line === "" || line.startsWith("#")) continue;
    const header = /^\[\[([a-z.]+)\]\]$/.exec(line);
    if (header) {
      current = {};
      if (header[1] === "scenario.option") tables.scenario.at(-1).options.push(current);
      else if (header[1] === "scenario") tables.scenario.push(Object.assign(current, { options: [] }));
      else (tables[header[1]] ??= []).push(current);
      continue;
    }
    const pair = /^([a-z_]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`content/model.toml: cannot read "${line}"`);
    (current ?? top)[pair[1]] = value(pair[2]);
  }
  const statements = tables.item.map((item) => ({ kind: "statement", id: item.id, quality: item.quality, reverse: item.reverse === true, quick: item.quick === true }));
  const scenarios = tables.scenario.map((s) => ({
    kind: "scenario",
    id: s.id,
    options: s.options.map((o, i) => ({ id: o.id, key: String(i + 1), scores: o.scores })),
  }));
  return {
    version: top.version,
    qualities: tables.quality.map((q) => q.id),
    quick: statements.filter((s) => s.quick),
    full: [...statements, ...scenarios],
  };
}

/** The questions of `version` ("quick" or "full"), in presentation order. */
export function questionsOf(version) {
  return MODEL[version];
}

/** The position (1-based) of the question `id` (a statement or a scenario) in `version`. */
export function positionOf(version, id) {
  const at = MODEL[version].findIndex((q) => q.id === id);
  if (at < 0) throw new Error(`no question ${id} in the ${version} version`);
  return at + 1;
}

/**
 * The keys to press for `version`, one per question: a statement of quality q gets `rating(q)`
 * (1–5) if forward-keyed and its mirror 6 − rating(q) if reverse-keyed, so that every statement
 * of q gives the same points, (rating − 1) × 25; a scenario gets `scenario(s)`'s key.
 */
export function keysFor(version, rating, scenario = () => null) {
  return MODEL[version].map((q, i) => {
    if (q.kind === "scenario") {
      const key = scenario(q, i);
      if (key === null) throw new Error(`no key for scenario ${q.id}`);
      return key;
    }
    const r = Number(rating(q.quality, i));
    return String(q.reverse ? 6 - r : r);
  });
}

/** The key of the option of `scenario` that scores 100 on everything it measures. */
export function bestOption(scenario) {
  const best = scenario.options.filter((o) => Object.values(o.scores).every((s) => s === 100));
  if (best.length !== 1) throw new Error(`scenario ${scenario.id} has ${best.length} all-100 options`);
  return best[0].key;
}

/** The favourable pattern: 5 to forward statements, 1 to reverse ones, the best scenario option. */
export function favourableKeys(version) {
  return keysFor(version, () => 5, bestOption);
}

/** The unfavourable pattern: 1 to forward statements, 5 to reverse ones, the worst option. */
export function unfavourableKeys(version) {
  return keysFor(version, () => 1, (s) => {
    const total = (o) => Object.values(o.scores).reduce((a, b) => a + b, 0);
    return [...s.options].sort((a, b) => total(a) - total(b))[0].key;
  });
}
