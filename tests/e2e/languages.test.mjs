// A language's words are fetched only when it is needed (issue 12): the wasm carries no
// language's questionnaire and interface words (but four strings of each language, OWN_WORDS in
// build/content.rs), and each language's are a file beside index.html (texts-es-<hash>.txt,
// texts-en-<hash>.txt). These tests hold that file back, or refuse it, to see what a reader on a
// slow or broken network gets: never the wrong language, never a crash, and a message they read.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { APP_SCREEN, axeViolations, fill, openApp, openAppHeld, problemsOf, QUICK, screenshot, uiStrings, useApp } from "./harness.mjs";

const es = uiStrings("es");
const en = uiStrings("en");
const TEXTS = /\/texts-en-[0-9a-f]{16}\.txt$/;
const SPANISH = /\/texts-es-[0-9a-f]{16}\.txt$/;
const COPY = ".perfil-root__prerender";

/** Counts the page's requests for the English words. */
function countTexts(page) {
  const seen = [];
  page.on("request", (request) => TEXTS.test(new URL(request.url()).pathname) && seen.push(request.url()));
  return seen;
}

/** Holds every request for the English words until `release()`, or fails them with `refuse()`. */
async function holdTexts(page) {
  let settle;
  const settled = new Promise((resolve) => (settle = resolve));
  await page.route(TEXTS, async (route) => ((await settled) === "refuse" ? route.abort("internetdisconnected") : route.continue()));
  return { release: () => settle("release"), refuse: () => settle("refuse") };
}

/**
 * Lets the held-back wasm run and checks that the app shows in English having asked for the
 * English words once: its own fetch found the early one (Chromium warns on the console about a
 * preload that goes unused or does not match, and the harness counts warnings). `shown` is what
 * the app shows when it runs, the intro's heading unless said. Closes the page.
 */
async function appInEnglishFromOneRequest(
  page,
  release,
  requested,
  shown = (page) => page.locator(APP_SCREEN).getByRole("heading", { level: 1, name: en.intro_title }),
) {
  release();
  await shown(page).waitFor();
  assert.equal(requested.length, 1, requested.join("\n"));
  assert.deepEqual(await problemsOf(page), []);
  await page.context().close();
}

/** The language switch's button for `ui`'s language. */
const switchTo = (page, ui) => page.locator(`.lang-switch__option[lang="${ui === en ? "en" : "es"}"]`);

describe("the second language, fetched when needed", () => {
  const app = useApp();

  test("a Spanish reader never downloads the English words; the first switch fetches them once, later switches none", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    const requested = countTexts(page);
    await page.getByRole("button", { name: es.intro_start }).click();
    await page.getByText(fill(es.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    assert.deepEqual(requested, [], "no English words for a Spanish reader");
    await switchTo(page, en).click();
    await page.getByText(fill(en.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    assert.equal(requested.length, 1);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    for (const ui of [es, en, es, en]) {
      await switchTo(page, ui).click();
      // At once: the words are here, so the screen changes in the same task as the click.
      assert.equal(await page.locator("#question-title").isVisible(), true);
      await page.getByText(fill(ui.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    }
    assert.equal(requested.length, 1, "fetched once for the visit");
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("an English reader sees the painted intro in English until the words arrive, then the app's, in English", async () => {
    let held;
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-US",
      ready: "page",
      beforeGoto: async (page) => (held = await holdTexts(page)),
    });
    await page.locator(COPY).getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
    // The app has run (its hidden host is there) but waits for the English words.
    await page.locator(".perfil-root__app").waitFor({ state: "attached" });
    assert.equal(await page.locator(APP_SCREEN).isVisible(), false);
    assert.equal(await page.locator(COPY).isVisible(), true);
    held.release();
    await page.locator(APP_SCREEN).getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
    assert.equal(await page.locator(COPY).count(), 0);
    await page.getByRole("button", { name: en.intro_start }).click();
    await page.getByText(fill(en.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("an English reader's words are asked for beside the wasm, not after it, and used from there", async () => {
    let requested;
    let asked;
    const { page, release } = await openAppHeld(app.browser, app.server.url, {
      locale: "en-US",
      beforeGoto: (page) => {
        requested = countTexts(page);
        asked = page.waitForRequest(TEXTS);
      },
    });
    // The wasm is held back, and the English words are on their way already (boot.js).
    await asked;
    await appInEnglishFromOneRequest(page, release, requested);
  });

  test("an English reader opening a question's address (nothing painted) also gets the words asked for beside the wasm", async () => {
    let requested;
    let asked;
    const { page, release } = await openAppHeld(app.browser, app.server.url, {
      locale: "en-US",
      path: "#/quick/3",
      beforeGoto: (page) => {
        requested = countTexts(page);
        asked = page.waitForRequest(TEXTS);
      },
    });
    await asked;
    assert.equal(await page.locator(COPY).count(), 0, "no intro painted at a question's address");
    await appInEnglishFromOneRequest(page, release, requested, (page) =>
      page.getByText(fill(en.question_progress, { n: 3, total: QUICK }), { exact: true }),
    );
  });

  test("an English reader returning to answers in progress (nothing painted) also gets the words asked for beside the wasm", async () => {
    let requested;
    let asked;
    const { page, release } = await openAppHeld(app.browser, app.server.url, {
      locale: "en-US",
      beforeGoto: async (page) => {
        requested = countTexts(page);
        asked = page.waitForRequest(TEXTS);
        // A record of answers in English, remembered on this device (src/progress.rs).
        await page.addInitScript(() => localStorage.setItem("perfil-cm/progress", "pcm2:en:1:q:EQIBnslPgz1mZJD-XD9hwlPqG7XM7Ed7kg"));
      },
    });
    await asked;
    assert.equal(await page.locator(COPY).count(), 0, "no intro painted over answers in progress");
    await appInEnglishFromOneRequest(page, release, requested, (page) => page.getByText(en.notice_restored, { exact: true }));
  });

  test("an English browser returning to answers in progress in Spanish does not ask for the English words", async () => {
    let requested;
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-US",
      beforeGoto: async (page) => {
        requested = countTexts(page);
        await page.addInitScript(() => localStorage.setItem("perfil-cm/progress", "pcm2:es:1:q:EQIBnslPgz1mZJD-XD9hwlPqG7XM7Ed7kg"));
      },
    });
    await page.getByText(es.notice_restored, { exact: true }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    assert.deepEqual(requested, []);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("choosing English on the painted intro asks for its words at once", async () => {
    const { page, release } = await openAppHeld(app.browser, app.server.url, { locale: "es-ES" });
    const requested = countTexts(page);
    const asked = page.waitForRequest(TEXTS);
    await page.locator(`${COPY} .lang-switch__option[lang="en"]`).click();
    await asked;
    await appInEnglishFromOneRequest(page, release, requested);
  });

  test("at a question's address (no painted intro), English shows only once its words are here: never a Spanish question", async () => {
    let held;
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-US",
      path: "#/quick/1",
      ready: "page",
      beforeGoto: async (page) => (held = await holdTexts(page)),
    });
    await page.locator(".perfil-root__app").waitFor({ state: "attached" });
    assert.equal(await page.locator("#question-title").isVisible(), false);
    held.release();
    await page.getByText(fill(en.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    assert.equal(await page.getByText(fill(es.question_progress, { n: 1, total: QUICK }), { exact: true }).count(), 0);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("choosing English and then Spanish again before the words arrive leaves Spanish", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    const held = await holdTexts(page);
    await switchTo(page, en).click();
    await page.locator('.lang-switch__option[lang="en"][aria-busy="true"]').waitFor();
    await switchTo(page, es).click();
    await page.locator('.lang-switch__option[aria-busy="true"]').waitFor({ state: "detached" });
    // Spanish at once, without waiting for anything. (That the English words arriving later
    // change nothing is a native test of the reducer: state.rs,
    // words_that_arrive_after_the_person_chose_again_change_nothing.)
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    held.release();
    await page.waitForResponse(TEXTS);
    await switchTo(page, en).click();
    await page.getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("when the English words cannot be fetched, the app stays in Spanish and says so in English; asking again works", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    const held = await holdTexts(page);
    held.refuse();
    await switchTo(page, en).click();
    const notice = page.locator('.notice-bar__item[lang="en"]');
    await notice.getByText(en.notice_language_unavailable).waitFor();
    // Its button too is in English: the words every language's wasm carries (OWN_WORDS in
    // build/content.rs), for the rest of the English words never came.
    assert.equal(await notice.getByRole("button", { name: en.dismiss, exact: true }).count(), 1);
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "language-unavailable-es-375");
    // One console warning, naming what failed; nothing else.
    const problems = await problemsOf(page);
    assert.equal(problems.filter((p) => /could not load the en texts/.test(p)).length, 1, problems.join("\n"));
    assert.ok(problems.every((p) => /could not load the en texts|texts-en-.*internetdisconnected|ERR_INTERNET_DISCONNECTED/.test(p)), problems.join("\n"));
    await page.unroute(TEXTS);
    await switchTo(page, en).click();
    await page.getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
    // The message that they could not be had goes when they come.
    assert.equal(await notice.count(), 0);
    await page.context().close();
  });

  test("an English reader whose words cannot be fetched gets the app in Spanish, told why in English", async () => {
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-US",
      beforeGoto: (page) => page.route(TEXTS, (route) => route.fulfill({ status: 404, body: "Not found" })),
    });
    await page.locator('.notice-bar__item[lang="en"]').getByText(en.notice_language_unavailable).waitFor();
    await page.locator(APP_SCREEN).getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    assert.equal(await page.locator(COPY).count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, "language-unavailable-en-1280");
    await page.context().close();
  });

  test("an English reader never downloads the Spanish words, which the wasm does not carry either; the first switch fetches them once", async () => {
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-US",
      beforeGoto: (page) => {
        page.spanish = [];
        page.on("request", (request) => SPANISH.test(new URL(request.url()).pathname) && page.spanish.push(request.url()));
      },
    });
    await page.getByRole("button", { name: en.intro_start }).click();
    await page.getByText(fill(en.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    assert.deepEqual(page.spanish, [], "no Spanish words for an English reader");
    await switchTo(page, es).click();
    await page.getByText(fill(es.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    await switchTo(page, en).click();
    await switchTo(page, es).click();
    await page.getByText(fill(es.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    assert.equal(page.spanish.length, 1, "fetched once for the visit");
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("when no language's words can be had, the page's own note asks in both languages to reload, instead of an intro that does nothing", async () => {
    const page = await openApp(app.browser, app.server.url, {
      locale: "es-ES",
      ready: "page",
      beforeGoto: (page) => page.route(/\/texts-[a-z]+-[0-9a-f]{16}\.txt$/, (route) => route.abort("internetdisconnected")),
    });
    // The style sheet shows the note a few seconds after the page's start, once nothing covers it.
    const note = page.locator(".perfil-root__waiting");
    await note.waitFor({ state: "visible" });
    assert.equal(await page.locator(COPY).count(), 0, "the painted intro, whose Start could do nothing, is gone");
    assert.equal(await page.locator(APP_SCREEN).count(), 0);
    assert.deepEqual(await note.locator("p").evaluateAll((ps) => ps.map((p) => p.lang)), ["es", "en"]);
    const problems = await problemsOf(page);
    assert.ok(problems.some((p) => /Perfil CM cannot start: no language's words could be had: the request failed/.test(p)), problems.join("\n"));
    await page.context().close();
  });

  test("a file that is not the English words (a server's page in its place) is refused the same way", async () => {
    const page = await openApp(app.browser, app.server.url, {
      locale: "en-US",
      beforeGoto: (page) => page.route(TEXTS, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Hello</title>" })),
    });
    await page.locator('.notice-bar__item[lang="en"]').getByText(en.notice_language_unavailable).waitFor();
    const problems = await problemsOf(page);
    assert.ok(problems.some((p) => /could not load the en texts: not a texts file of this language and version/.test(p)), problems.join("\n"));
    await page.context().close();
  });
});
