// The wasm in two parts (scripts/split.mjs, tools/wasm-split, src/platform/rest.rs): what a
// reader runs until they answer comes first; the rest is fetched in the background once they have
// answered, or before the first render for a link that opens on the results. A moved function
// needed before the rest has arrived loads it synchronously; that path must stay rare, so the
// ways readers start must never take it. When one does, tools/wasm-split/moved.txt is out of date:
// run `node scripts/split_profile.mjs`.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";

import {
  APP_SCREEN,
  FULL,
  QUICK,
  ROOT,
  answerByKeyboard,
  atQuestion,
  beforeAnswering,
  fill,
  keysFor,
  openApp,
  questionsOf,
  problemsOf,
  reloadApp,
  resultsShown,
  sandboxedHost,
  storedData,
  uiStrings,
  useApp,
} from "./harness.mjs";
import { nameParts, partsHash } from "../../scripts/split.mjs";

const REST = /_rest\.wasm$/;
const LATER = /\/texts-en-later-[0-9a-f]{16}\.txt$/;
const LATER_CSS = /\/perfil-cm-later-[0-9a-f]{16}\.css$/;
const FIRST = /\/texts-en-[0-9a-f]{16}\.txt$/;

/**
 * Records on `page.rest` each request for the rest: its type ("fetch" or "xhr") and whether the
 * reader had begun to give an answer (the test sets `page.answered` just before the first one).
 */
function watchRest(page) {
  page.rest = [];
  page.styles = [];
  page.answered = false;
  page.on("request", (request) => {
    if (LATER_CSS.test(request.url())) page.styles.push({ type: request.resourceType(), answered: page.answered });
    if (!REST.test(request.url())) return;
    page.restFile = request.url().split("/").pop();
    page.rest.push({ type: request.resourceType(), answered: page.answered });
  });
}

/**
 * Answers every question of the quick version by keyboard, then asks for the results; first
 * presses Start unless `started`.
 */
async function answerAll(page, ui, { started = false } = {}) {
  if (!started) await page.getByRole("button", { name: ui.intro_start }).click();
  const keys = keysFor("quick", () => 4);
  for (let n = 1; n <= QUICK; n++) {
    await atQuestion(page, ui, n, QUICK);
    page.answered = true;
    await answerByKeyboard(page, ui, n, QUICK, keys[n - 1]);
  }
  await page.getByRole("button", { name: ui.see_results }).click();
}

/**
 * Answers every question of the quick version by tapping in `scope` (the page or the app's
 * frame), then asks for the results. A tap answers and moves on by itself, to the review after
 * the last question. Marks `page.answered` before the first tap.
 */
async function tapAll(scope, page, ui) {
  await scope.getByRole("button", { name: ui.intro_start }).click();
  for (let n = 1; n <= QUICK; n++) {
    await atQuestion(scope, ui, n, QUICK);
    page.answered = true;
    await scope.locator(".choices__option").nth(3).click();
  }
  await scope.getByRole("button", { name: ui.see_results }).click();
}

/**
 * Checks the words that came with the rest (the qualities' descriptions, the advice and the
 * overall reading, which tools/wasm-split moves out of the first part's data, and which an
 * English reader fetches in texts-en-later-<hash>.txt): each one shown is a text of
 * content/`lang`/text.toml, as written there, and at least `count` of them are shown. Before the
 * rest writes them, that memory holds zeros.
 */
async function checkResultsWords(page, count, lang = "es") {
  await page.locator(".advice__actions li").first().waitFor({ state: "attached" });
  await checkStyled(page);
  const shown = await page
    .locator(".results__reading, .advice__meaning, .advice__reading, .advice__actions li")
    .evaluateAll((nodes) => nodes.map((node) => node.textContent));
  assert.ok(shown.length >= count, `${shown.length} of the results' words shown`);
  for (const text of shown) {
    assert.ok(text.length > 20 && inSource(text, lang), `not a text of content/${lang}/text.toml: ${JSON.stringify(text).slice(0, 80)}`);
  }
}

/**
 * Checks that the results in `scope` (the page or a frame) are styled by the later style sheet
 * (styles/order.txt, [later]), which a split build loads with the rest: rules of advice.css and
 * radar.css apply.
 */
async function checkStyled(scope) {
  const styled = await scope.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(selector));
    return {
      advice: style(".advice").marginTop !== "0px",
      // A summary's fold is the size of a touch target (advice.css).
      summary: style(".advice__summary").display === "flex",
      // A figure has margins of its own (radar.css sets them to 0).
      radar: style(".radar").marginLeft === "0px",
    };
  });
  assert.deepEqual(styled, { advice: true, summary: true, radar: true }, "the later styles apply");
}

/** Records on `page.texts` each request for the English words: "first" or "later". */
function watchTexts(page) {
  page.texts = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (FIRST.test(path)) page.texts.push("first");
    if (LATER.test(path)) page.texts.push("later");
  });
}

/** Whether `text` is written as it is in content/`lang`/text.toml. */
function inSource(text, lang = "es") {
  const source = readFileSync(join(ROOT, "content", lang, "text.toml"), "utf8");
  return text.length > 0 && source.includes(JSON.stringify(text).slice(1, -1));
}

describe("the wasm in two parts", () => {
  const app = useApp();

  test("the two parts are named by one hash of both, so that neither is cached beside the other's old self", () => {
    const dist = join(ROOT, "dist");
    const names = readdirSync(dist);
    const first = names.filter((name) => /^perfil-cm-[0-9a-f]{16}_bg\.wasm$/.test(name));
    const rest = names.filter((name) => /^perfil-cm-[0-9a-f]{16}_rest\.wasm$/.test(name));
    assert.equal(first.length, 1, `one first part: ${first}`);
    assert.equal(rest.length, 1, `one rest: ${rest}`);
    const hash = partsHash(readFileSync(join(dist, first[0])), readFileSync(join(dist, rest[0])));
    assert.deepEqual([first[0], rest[0]], [`perfil-cm-${hash}_bg.wasm`, `perfil-cm-${hash}_rest.wasm`]);
    const index = readFileSync(join(dist, "index.html"), "utf8");
    assert.ok(index.includes(`data-perfil-cm-wasm=/perfil-cm-${hash}_bg.wasm`), "the boot script names the first part");
    assert.ok(index.includes(`data-perfil-cm-rest="/perfil-cm-${hash}_rest.wasm"`), "and the rest");
  });

  test("the profiled build (scripts/split_profile.mjs), which names a rest it does not write, keeps its names; a split build's parts are renamed", () => {
    const dir = mkdtempSync(join(tmpdir(), "perfil-cm-split-"));
    try {
      const tag = '<script data-perfil-cm-wasm=/perfil-cm-1_bg.wasm data-perfil-cm-rest="/perfil-cm-1_rest.wasm" src=/boot.js></script>';
      writeFileSync(join(dir, "index.html"), tag);
      writeFileSync(join(dir, "perfil-cm-1_bg.wasm"), "first");
      assert.equal(nameParts(dir), null);
      assert.equal(readFileSync(join(dir, "index.html"), "utf8"), tag);
      writeFileSync(join(dir, "perfil-cm-1_rest.wasm"), "rest");
      const hash = nameParts(dir);
      assert.equal(hash, partsHash(Buffer.from("first"), Buffer.from("rest")));
      assert.deepEqual(readdirSync(dir).sort(), ["index.html", `perfil-cm-${hash}_bg.wasm`, `perfil-cm-${hash}_rest.wasm`]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test("a reader's start needs only the first part: the rest comes once, fetched after the first answer", async () => {
    for (const [locale, lang, byMouse] of [
      ["es-ES", "es", true],
      ["en-GB", "en", false],
    ]) {
      const ui = uiStrings(lang);
      const page = await openApp(app.browser, app.server.url, { locale, beforeGoto: watchRest });
      if (byMouse) {
        await tapAll(page, page, ui);
      } else {
        await answerAll(page, ui);
      }
      await resultsShown(page, ui.results_title);
      await checkStyled(page);
      assert.deepEqual(page.rest, [{ type: "fetch", answered: true }], `${locale}: the rest's requests`);
      // The later styles come beside the rest, once.
      assert.deepEqual(page.styles, [{ type: "fetch", answered: true }], `${locale}: the later styles' requests`);
      assert.deepEqual(await problemsOf(page), [], locale);
      await page.context().close();
    }
  });

  test("what a reader does before answering never loads the rest synchronously: remember, another language, Back and Forward, the recruiter's link (which waits for its download)", async () => {
    const es = uiStrings("es");
    const en = uiStrings("en");
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", beforeGoto: watchRest });
    const screen = page.locator(APP_SCREEN);
    await beforeAnswering(page, page, es, en, QUICK);
    assert.deepEqual(page.rest, []);
    await screen.getByRole("link", { name: es.intro_recruiter_link }).click();
    await screen.getByRole("heading", { name: es.recruiter_title }).waitFor();
    assert.deepEqual(page.rest, [{ type: "fetch", answered: false }]);
    // Back to the intro and forward again: the rest is here, nothing more is asked for.
    await page.goBack();
    await screen.getByRole("button", { name: es.intro_start }).waitFor();
    await page.goForward();
    await screen.getByRole("heading", { name: es.recruiter_title }).waitFor();
    assert.deepEqual(page.rest, [{ type: "fetch", answered: false }]);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("in a sandboxed frame on another origin, where storage is refused, the rest is fetched, never loaded synchronously", async () => {
    const es = uiStrings("es");
    const host = await sandboxedHost(app.server.url);
    const context = await app.browser.newContext({ locale: "es-ES" });
    try {
      const page = await context.newPage();
      watchRest(page);
      await page.goto(host.url);
      await page.frameLocator("iframe").locator(APP_SCREEN).waitFor();
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      await tapAll(frame, page, es);
      await resultsShown(frame, es.results_title);
      // The later styles, fetched in CORS mode from the frame's null origin, apply too.
      await checkStyled(frame);
      assert.deepEqual(page.rest, [{ type: "fetch", answered: true }]);
      assert.deepEqual(page.styles, [{ type: "fetch", answered: true }]);
    } finally {
      await context.close();
      host.close();
    }
  });

  test("a link that opens on the results asks for both parts at once and fetches the rest before the first render, never synchronously", async () => {
    const es = uiStrings("es");
    const page = await openApp(app.browser, app.server.url, {
      locale: "es-ES",
      path: "#r=EAIHtQ1NPdPPIAHR4w",
      beforeGoto: watchRest,
    });
    await resultsShown(page, es.results_title_shared);
    await checkResultsWords(page, 10);
    // One request: boot.js's preload (a link, "other"), which the app's fetch then finds.
    assert.deepEqual(page.rest, [{ type: "other", answered: false }]);
    // Asked for beside the first part, not once the first part has arrived and run.
    const [first, rest] = await page.evaluate(() =>
      ["_bg.wasm", "_rest.wasm"].map((suffix) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(suffix))?.startTime),
    );
    assert.ok(rest <= first, `the rest was asked for at ${rest} ms, after the first part at ${first}`);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("someone coming back to answers in progress waits for the rest before the first render, which reads them, never synchronously", async () => {
    const es = uiStrings("es");
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", beforeGoto: watchRest });
    await page.getByRole("button", { name: es.intro_start }).click();
    for (const [i, key] of ["2", "4"].entries()) {
      await atQuestion(page, es, i + 1, QUICK);
      page.answered = true;
      await answerByKeyboard(page, es, i + 1, QUICK, key);
    }
    await atQuestion(page, es, 3, QUICK);
    await reloadApp(page);
    await page.getByText(es.notice_restored).waitFor();
    await page.getByText(fill(es.question_progress, { n: 3, total: QUICK }), { exact: true }).waitFor();
    await page.getByRole("button", { name: es.back, exact: true }).click();
    await page.getByText(fill(es.question_progress, { n: 2, total: QUICK }), { exact: true }).waitFor();
    assert.equal(await page.locator("#choice-4").isChecked(), true, "the second answer is back");
    // Once after the first answer, once more before the reload's first render (boot.js's
    // preload, from the cache, which the app's fetch then finds).
    assert.deepEqual(page.rest, [
      { type: "fetch", answered: true },
      { type: "other", answered: true },
    ]);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  // The stub that loads the rest also loads the later words of the language showing
  // (src/platform/later.rs): an English reader's results come in English.
  for (const [locale, code, texts] of [["es-ES", "es", []], ["en-GB", "en", ["first", "later"]]]) {
    test(`when the background download fails, the rest is loaded when needed and the results come, in the reader's language (${code})`, async () => {
      const ui = uiStrings(code);
      const page = await openApp(app.browser, app.server.url, {
        locale,
        beforeGoto: async (page) => {
          watchRest(page);
          watchTexts(page);
          await page.route(REST, (route) =>
            route.request().resourceType() === "fetch" ? route.abort("internetdisconnected") : route.continue(),
          );
        },
      });
      await answerAll(page, ui);
      await resultsShown(page, ui.results_title);
      await checkResultsWords(page, 10, code);
      assert.deepEqual(page.rest.map((request) => request.type), ["fetch", "xhr"]);
      assert.deepEqual(page.texts, texts);
      assert.deepEqual(await problemsOf(page), [
        "console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED",
        "console warning: Perfil CM: the request for the rest of the app failed",
        `request failed: ${page.url().replace(/#.*$/, "").replace(/\/$/, "")}/${page.restFile} (net::ERR_INTERNET_DISCONNECTED)`,
      ]);
      await page.context().close();
    });
  }

  test("the full version's own statements and scenarios, moved out of the first part, come with the rest and are shown as written", async () => {
    const es = uiStrings("es");
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", beforeGoto: watchRest });
    await page.getByText(es.version_full, { exact: true }).click();
    await page.getByRole("button", { name: es.intro_start }).click();
    const questions = questionsOf("full");
    const keys = keysFor("full", () => 3, () => "1");
    const checked = [];
    for (let n = 1; n <= FULL; n++) {
      await atQuestion(page, es, n, FULL);
      page.answered = true;
      const question = questions[n - 1];
      // The first statement outside the quick version, and every scenario with its options.
      if ((question.kind === "statement" && !question.quick && checked.length === 0) || question.kind === "scenario") {
        const words = [await page.locator("#question-title").textContent()];
        words.push(...(await page.locator(".choices--scenario .choices__text").allTextContents()));
        for (const text of words) assert.ok(inSource(text), `question ${n}: not a text of content/es/text.toml: ${JSON.stringify(text).slice(0, 80)}`);
        checked.push(words.length);
      }
      await answerByKeyboard(page, es, n, FULL, keys[n - 1]);
    }
    const scenarios = questions.filter((question) => question.kind === "scenario");
    assert.deepEqual(checked, [1, ...scenarios.map((scenario) => 1 + scenario.options.length)]);
    await page.getByRole("button", { name: es.see_results }).click();
    await resultsShown(page, es.results_title);
    assert.deepEqual(page.rest, [{ type: "fetch", answered: true }]);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("an English reader's words shown only later come in a file of their own, with the rest: none before the first answer, one request, and the results in them", async () => {
    const en = uiStrings("en");
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-GB",
      beforeGoto: (page) => {
        watchRest(page);
        watchTexts(page);
      },
    });
    await page.getByRole("button", { name: en.intro_start }).click();
    await atQuestion(page, en, 1, QUICK);
    assert.deepEqual(page.texts, ["first"], "before the first answer");
    await answerAll(page, en, { started: true });
    await resultsShown(page, en.results_title);
    await checkResultsWords(page, 10, "en");
    assert.deepEqual(page.texts, ["first", "later"]);
    assert.deepEqual(page.rest, [{ type: "fetch", answered: true }]);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("a Spanish reader who switches to English on the results gets both English files at once, and the results in English", async () => {
    const es = uiStrings("es");
    const en = uiStrings("en");
    const page = await openApp(app.browser, app.server.url, {
      locale: "es-ES",
      beforeGoto: (page) => {
        watchRest(page);
        watchTexts(page);
      },
    });
    await answerAll(page, es);
    await resultsShown(page, es.results_title);
    assert.deepEqual(page.texts, []);
    await page.locator('.lang-switch__option[lang="en"]').click();
    await resultsShown(page, en.results_title);
    await checkResultsWords(page, 10, "en");
    assert.deepEqual(page.texts.sort(), ["first", "later"]);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("when an English reader's later words cannot be had, the results still come, with those words in Spanish, and the console says why", async () => {
    const en = uiStrings("en");
    const es = uiStrings("es");
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-GB",
      beforeGoto: async (page) => {
        watchTexts(page);
        await page.route(LATER, (route) => route.abort("internetdisconnected"));
      },
    });
    await answerAll(page, en);
    // The results' own interface strings are later words too.
    await resultsShown(page, es.results_title);
    await checkResultsWords(page, 10, "es");
    const problems = await problemsOf(page);
    assert.ok(problems.some((p) => /could not load the en later texts: the request failed/.test(p)), problems.join("\n"));
    assert.ok(problems.every((p) => /could not load the en later texts|texts-en-later-|ERR_INTERNET_DISCONNECTED/.test(p)), problems.join("\n"));
    await page.context().close();
  });

  test("offline when the rest is needed: a message that says so, in the reader's language, and the answers kept", async () => {
    const en = uiStrings("en");
    let offline = true;
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-GB",
      beforeGoto: async (page) => {
        watchRest(page);
        await page.route(REST, (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
      },
    });
    await page.getByRole("button", { name: en.intro_start }).click();
    const keys = keysFor("quick", () => 4);
    const alert = page.getByRole("alert").filter({ hasText: en.crash_offline });
    // The first moved function may be needed anywhere after the first answer: at the latest, by
    // the results.
    for (let n = 1; n <= QUICK && !(await alert.isVisible()); n++) {
      await Promise.race([atQuestion(page, en, n, QUICK), alert.waitFor()]);
      if (await alert.isVisible()) break;
      await answerByKeyboard(page, en, n, QUICK, keys[n - 1]);
    }
    if (!(await alert.isVisible())) await page.getByRole("button", { name: en.see_results }).click();
    await alert.waitFor();
    await page.getByRole("button", { name: en.crash_reload }).waitFor();
    assert.ok(page.rest.some((request) => request.type === "xhr"), "the stub tried to load the rest");
    const stored = await storedData(page);
    assert.ok(stored.session + stored.local > 0, "the answers are still in storage");

    offline = false;
    await page.getByRole("button", { name: en.crash_reload }).click();
    await page.getByText(en.notice_restored).waitFor();
    await page.context().close();
  });
});
