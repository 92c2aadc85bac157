// The questionnaire, end to end in the release build: both versions with the keyboard only and
// with clicks on a phone-sized screen, changing answers, reload, language switch, Back/Forward,
// storage (remember, erase, blocked) and accessibility of every screen.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  answerByKeyboard,
  APP_SCREEN,
  atQuestion,
  axeViolations,
  checkedChoice,
  favourableKeys,
  fill,
  FULL,
  gotoApp,
  openApp,
  problemsOf,
  QUALITIES,
  QUICK,
  reloadApp,
  resultScores,
  resultsShown,
  screenshot,
  STATEMENTS,
  storedData,
  tabTo,
  uiStrings,
  useApp,
} from "./harness.mjs";

const es = uiStrings("es");
const en = uiStrings("en");

describe("questionnaire", () => {
  const app = useApp();

  /**
   * Opens the app in a fresh context whose storage `shim` (run in the page before the app)
   * breaks; `errors` collects uncaught page errors.
   */
  async function openWithStorage(shim, arg) {
    const context = await app.browser.newContext({ locale: "es-ES", viewport: { width: 375, height: 800 } });
    await context.addInitScript(shim, arg);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await gotoApp(page, app.server.url);
    return { context, page, errors };
  }

  /** Makes the named storages throw, as a browser that blocks them does. */
  function blockStorage(names) {
    for (const name of names) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    }
  }

  async function finishWithKeyboard(page, ui) {
    await page.getByRole("heading", { level: 1, name: ui.review_title }).waitFor();
    await tabTo(page, ui.see_results);
    await page.keyboard.press("Enter");
    await resultsShown(page, ui.results_title);
  }

  test("the quick version, keyboard only: 'Totalmente de acuerdo' with every statement and 'Totalmente en desacuerdo' with every opposite gives 100 everywhere", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", width: 1280 });
    await tabTo(page, es.intro_start);
    await page.keyboard.press("Enter");
    const keys = favourableKeys("quick");
    for (let n = 1; n <= QUICK; n++) {
      await answerByKeyboard(page, es, n, QUICK, keys[n - 1]);
    }
    await page.getByText(es.review_all_answered).waitFor();
    await finishWithKeyboard(page, es);
    assert.deepEqual(await resultScores(page), Array(QUALITIES).fill("100"));
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test(`the full version, keyboard only: ${STATEMENTS} statements and ${FULL - STATEMENTS} scenarios`, async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "en-GB", width: 1280 });
    // The version is a radio group: Tab reaches it, an arrow key changes it.
    await tabTo(page, en.version_quick);
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getByRole("radio", { name: new RegExp(en.version_full) }).isChecked(), true);
    await tabTo(page, en.intro_start);
    await page.keyboard.press("Enter");
    for (let n = 1; n <= FULL; n++) {
      // Statements 1 (disagree) and scenarios 2: every quality gets data.
      await answerByKeyboard(page, en, n, FULL, n <= STATEMENTS ? "1" : "2");
    }
    await finishWithKeyboard(page, en);
    const scores = await resultScores(page);
    assert.equal(scores.length, QUALITIES);
    assert.ok(scores.every((s) => /^\d+$/.test(s)), `every quality has a score: ${scores}`);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("answering faster than anyone reads adds a gentle note; answering at reading pace does not", async () => {
    for (const pace of ["skimming", "reading"]) {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES", clock: pace === "reading" });
      await page.getByRole("button", { name: es.intro_start }).click();
      for (let n = 1; n <= QUICK; n++) {
        await atQuestion(page, es, n, QUICK);
        // Three seconds on each question: more than the 2 s limit, as long as a short statement takes.
        if (pace === "reading") await page.clock.fastForward(3000);
        await answerByKeyboard(page, es, n, QUICK, String(1 + (n % 5)));
      }
      await finishWithKeyboard(page, es);
      const note = page.getByText(es.note_too_fast, { exact: true });
      assert.equal(await note.count(), pace === "skimming" ? 1 : 0, pace);
      if (pace === "skimming") {
        // The pace is never stored: after a reload the same results carry no such note.
        await reloadApp(page);
        await resultsShown(page, es.results_title);
        assert.equal(await note.count(), 0, "after a reload");
      }
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    }
  });

  for (const [version, total] of [["quick", QUICK], ["full", FULL]]) {
    test(`the ${version} version with clicks at 375 px: a tap answers and moves on by itself`, async () => {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES", width: 375 });
      if (version === "full") await page.getByText(es.version_full, { exact: true }).click();
      await page.getByRole("button", { name: es.intro_start }).click();
      for (let n = 1; n <= total; n++) {
        await atQuestion(page, es, n, total);
        if (n === 1) await screenshot(page, `question-likert-es-375-${version}`);
        // The second option: "En desacuerdo" to every statement, 25 points forward-keyed and 75
        // reverse-keyed.
        await page.locator("label.choices__option").nth(1).click();
      }
      await page.getByRole("heading", { level: 1, name: es.review_title }).waitFor();
      await page.getByText(es.review_all_answered).waitFor();
      await screenshot(page, `review-es-375-${version}`);
      await page.getByRole("button", { name: es.see_results }).click();
      await resultsShown(page, es.results_title);
      const scores = await resultScores(page);
      // In the quick version each quality is one statement and its opposite: (25 + 75) / 2.
      if (version === "quick") assert.deepEqual(scores, Array(QUALITIES).fill("50"));
      else assert.ok(scores.every((s) => /^\d+$/.test(s)), `every quality has a score: ${scores}`);
      await screenshot(page, `results-es-375-${version}`);
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    });
  }

  test("going back and changing an answer changes the result", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(page, es, 1, QUICK, "5");
    await atQuestion(page, es, 2, QUICK);
    await page.keyboard.press("ArrowLeft");
    await atQuestion(page, es, 1, QUICK);
    assert.equal(await page.locator("#choice-5").isChecked(), true, "the first answer is kept");
    await page.keyboard.press("1");
    await page.keyboard.press("ArrowRight");
    for (let n = 2; n <= QUICK; n++) await answerByKeyboard(page, es, n, QUICK, "3");
    await finishWithKeyboard(page, es);
    const scores = await resultScores(page);
    // Pasión's statement now has 'Totalmente en desacuerdo' (0) and its opposite 'Ni de acuerdo
    // ni en desacuerdo' (50): 25, where the first answer gave (100 + 50) / 2 = 75.
    assert.equal(scores[0], "25", "Pasión's statement now has 'Totalmente en desacuerdo'");
    assert.deepEqual(scores.slice(1), Array(QUALITIES - 1).fill("50"));
    await page.context().close();
  });

  test("a skipped question is listed in the review with a way back to it", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    await atQuestion(page, es, 1, QUICK);
    await page.getByRole("button", { name: es.skip }).click();
    for (let n = 2; n <= QUICK; n++) await answerByKeyboard(page, es, n, QUICK, "4");
    await page.getByText(fill(es.review_answered, { answered: QUICK - 1, total: QUICK })).waitFor();
    await page.getByRole("button", { name: fill(es.review_answer, { n: 1 }) }).click();
    await atQuestion(page, es, 1, QUICK);
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    await atQuestion(page, es, 2, QUICK);
    await page.context().close();
  });

  test("a reload mid-way returns to the same question with every answer", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    const keys = ["2", "3", "4", "5"];
    for (const [i, key] of keys.entries()) await answerByKeyboard(page, es, i + 1, QUICK, key);
    await atQuestion(page, es, 5, QUICK);
    await reloadApp(page);
    await page.getByText(fill(es.question_progress, { n: 5, total: QUICK }), { exact: true }).waitFor();
    await page.getByText(es.notice_restored).waitFor();
    for (let n = 4; n >= 1; n--) {
      await page.getByRole("button", { name: es.back, exact: true }).click();
      await page.getByText(fill(es.question_progress, { n, total: QUICK }), { exact: true }).waitFor();
      assert.equal(await page.locator(`#choice-${keys[n - 1]}`).isChecked(), true, `question ${n}`);
    }
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("switching language mid-way keeps the answers and the place", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    for (const n of [1, 2, 3]) await answerByKeyboard(page, es, n, QUICK, "4");
    await atQuestion(page, es, 4, QUICK);
    const spanish = await page.locator("#question-title").textContent();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText(fill(en.question_progress, { n: 4, total: QUICK }), { exact: true }).waitFor();
    assert.notEqual(await page.locator("#question-title").textContent(), spanish);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    await page.getByRole("button", { name: en.back, exact: true }).click();
    await page.getByText(fill(en.question_progress, { n: 3, total: QUICK }), { exact: true }).waitFor();
    assert.equal(await page.locator("#choice-4").isChecked(), true);
    await page.context().close();
  });

  test("the address decides the version: a skipped full run reloads on its question, every #/full/N opens the full version, a broken route the intro", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("radio", { name: new RegExp(es.version_full) }).check();
    await page.getByRole("button", { name: es.intro_start }).click();
    // Skipping stores no answer.
    for (let n = 1; n < 20; n++) {
      await atQuestion(page, es, n, FULL);
      await page.getByRole("button", { name: es.skip, exact: true }).click();
    }
    await atQuestion(page, es, 20, FULL);
    await reloadApp(page);
    await page.getByText(fill(es.question_progress, { n: 20, total: FULL }), { exact: true }).waitFor();
    // Keys answer a question shown by a reload, before anything is clicked.
    await page.keyboard.press("4");
    await checkedChoice(page, "4", "question 20 after the reload");
    await page.context().close();

    const fresh = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    for (let n = 1; n <= FULL; n++) {
      await fresh.goto(`${app.server.url}?n=${n}#/full/${n}`);
      await fresh.getByText(fill(es.question_progress, { n, total: FULL }), { exact: true }).waitFor();
    }
    for (const broken of [`#/full/${FULL + 1}`, "#/full/0", `#/quick/${QUICK + 1}`, "#/nowhere/1"]) {
      await fresh.goto(`${app.server.url}?broken=${encodeURIComponent(broken)}${broken}`);
      await fresh.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    }
    assert.deepEqual(await problemsOf(fresh), []);
    await fresh.context().close();
  });

  test("digit and Enter as fast as a machine types, 20 times through the full version: every answer on its question", async () => {
    const keys = Array.from({ length: FULL }, (_, i) => String((i % 3) + 1));
    const record = async (fast) => {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
      await page.getByRole("radio", { name: new RegExp(es.version_full) }).check();
      await page.getByRole("button", { name: es.intro_start }).click();
      await atQuestion(page, es, 1, FULL);
      for (let n = 1; n <= FULL; n++) {
        if (!fast) await atQuestion(page, es, n, FULL);
        await page.keyboard.press(keys[n - 1]);
        await page.keyboard.press("Enter");
      }
      await page.getByRole("heading", { level: 1, name: es.review_title }).waitFor();
      const stored = await page.evaluate(() => sessionStorage.getItem("perfil-cm/progress"));
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
      return stored;
    };
    const paced = await record(false);
    assert.ok(paced, "the paced run stored its answers");
    for (let run = 1; run <= 20; run++) {
      assert.equal(await record(true), paced, `run ${run}`);
    }
  });

  test("after a change of language, keys still answer the question", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    await atQuestion(page, es, 1, QUICK);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText(fill(en.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    await page.keyboard.press("2");
    await checkedChoice(page, "2", "question 1 after the language switch");
    await page.keyboard.press("ArrowRight");
    await page.getByText(fill(en.question_progress, { n: 2, total: QUICK }), { exact: true }).waitFor();
    await page.context().close();
  });

  test("the browser's Back and Forward move between questions", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(page, es, 1, QUICK, "3");
    await answerByKeyboard(page, es, 2, QUICK, "3");
    await atQuestion(page, es, 3, QUICK);
    await page.goBack();
    await atQuestion(page, es, 2, QUICK);
    await page.goBack();
    await atQuestion(page, es, 1, QUICK);
    await page.goForward();
    await atQuestion(page, es, 2, QUICK);
    assert.match(page.url(), /#\/quick\/2$/);
    await page.context().close();
  });

  test("remember on this device, then erase everything", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByLabel(es.remember_label).check();
    await page.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(page, es, 1, QUICK, "4");
    await answerByKeyboard(page, es, 2, QUICK, "4");
    assert.deepEqual(await storedData(page), { session: 1, local: 1 });

    // A new tab of the same browser: this device remembers.
    const later = await page.context().newPage();
    await gotoApp(later, app.server.url);
    await later.getByText(es.notice_restored).waitFor();
    await later.getByRole("button", { name: es.intro_continue }).click();
    await atQuestion(later, es, 3, QUICK);
    await later.close();

    await page.goto(`${app.server.url}#/`);
    await page.getByRole("button", { name: es.erase }).click();
    await page.getByText(es.notice_erased).waitFor();
    assert.deepEqual(await storedData(page), { session: 0, local: 0 });
    assert.equal(await page.getByLabel(es.remember_label).isChecked(), false);
    await reloadApp(page);
    await page.locator("#intro-title").waitFor();
    assert.equal(await page.getByText(es.notice_restored).count(), 0);
    assert.deepEqual(await storedData(page), { session: 0, local: 0 });
    await page.context().close();
  });

  test("stored answers that cannot be read: said once, deleted by keyboard, focus kept, not said again", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.evaluate(() => localStorage.setItem("perfil-cm/progress", "pcm2:es:1:q:not-an-answer-code"));
    await reloadApp(page);
    await page.getByText(es.notice_restore_failed).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, "notice-unreadable-es-375");
    await tabTo(page, es.notice_discard_damaged);
    await page.keyboard.press("Enter");
    await page.getByText(es.notice_damaged_discarded).waitFor();
    // The pressed button went with the notice; focus is on the new notice's button, not lost.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), es.dismiss);
    assert.deepEqual(await storedData(page), { session: 0, local: 0 });
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "intro-title");
    await reloadApp(page);
    await page.locator("#intro-title").waitFor();
    assert.equal(await page.getByText(es.notice_restore_failed).count(), 0);
    await page.context().close();
  });

  test("two tabs: an erase in one reaches the other, which writes nothing back", async () => {
    const first = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await first.getByLabel(es.remember_label).check();
    await first.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(first, es, 1, QUICK, "4");
    await answerByKeyboard(first, es, 2, QUICK, "4");
    // A second tab of the same browser continues where this device left off.
    const second = await first.context().newPage();
    await gotoApp(second, app.server.url);
    await second.getByRole("button", { name: es.intro_continue }).click();
    await atQuestion(second, es, 3, QUICK);

    await first.goto(`${app.server.url}#/`);
    await first.getByRole("button", { name: es.erase }).click();
    await first.getByText(es.notice_erased).waitFor();
    await second.getByText(es.notice_erased_elsewhere).waitFor();
    assert.deepEqual(await storedData(second), { session: 0, local: 0 });
    // The second tab answers again and reloads: what was erased stays erased.
    await second.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(second, es, 1, QUICK, "2");
    await reloadApp(second);
    await second.locator("#question-title").waitFor();
    assert.equal(await second.evaluate(() => localStorage.length), 0);
    await second.getByRole("button", { name: es.back, exact: true }).click();
    await atQuestion(second, es, 1, QUICK);
    assert.equal(await second.locator("#choice-2").isChecked(), true, "only the new answer");
    assert.deepEqual(await problemsOf(first), []);
    await first.context().close();
  });

  test("two tabs: one that does not remember leaves the other's device copy alone", async () => {
    const plain = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await plain.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(plain, es, 1, QUICK, "3");
    const remembering = await plain.context().newPage();
    await gotoApp(remembering, app.server.url);
    await remembering.getByLabel(es.remember_label).check();
    await remembering.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(remembering, es, 1, QUICK, "5");
    const copy = () => remembering.evaluate(() => localStorage.getItem("perfil-cm/progress"));
    const kept = await copy();
    assert.ok(kept, "the remembering tab keeps a device copy");
    await answerByKeyboard(plain, es, 2, QUICK, "3");
    assert.deepEqual(await problemsOf(plain), []);
    await reloadApp(plain);
    await plain.getByText(fill(es.question_progress, { n: 3, total: QUICK }), { exact: true }).waitFor();
    assert.equal(await copy(), kept);
    await plain.context().close();
  });

  test("two tabs: answers given in either remembering tab reach the other, merged, and the writes stop", async () => {
    const first = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    const context = first.context();
    // Counts each page's writes of the answers to the device copy, from its next load on.
    await context.addInitScript(() => {
      window.__deviceWrites = 0;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (this === window.localStorage && key === "perfil-cm/progress") window.__deviceWrites += 1;
        return setItem.call(this, key, value);
      };
    });
    const writes = async () => [await first.evaluate(() => window.__deviceWrites), await second.evaluate(() => window.__deviceWrites)];
    await reloadApp(first);
    await first.locator("#intro-title").waitFor();
    await first.getByLabel(es.remember_label).check();
    const second = await context.newPage();
    const secondProblems = [];
    second.on("console", (m) => ["error", "warning"].includes(m.type()) && secondProblems.push(m.text()));
    second.on("pageerror", (e) => secondProblems.push(e.message));
    await gotoApp(second, app.server.url);
    await second.locator("#intro-title").waitFor();
    assert.equal(await second.getByLabel(es.remember_label).isChecked(), true, "this device remembers");

    // An answer in the first tab reaches the second, which says so.
    await first.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(first, es, 1, QUICK, "4");
    await atQuestion(first, es, 2, QUICK);
    await second.getByText(es.notice_answered_elsewhere).waitFor();
    await second.getByRole("button", { name: es.intro_continue }).click();
    await atQuestion(second, es, 2, QUICK);
    await second.getByRole("button", { name: es.back, exact: true }).click();
    await atQuestion(second, es, 1, QUICK);
    await checkedChoice(second, "4", "the first tab's answer in the second");
    await second.keyboard.press("Enter");
    // And one in the second reaches the first, keeping the first's own.
    await answerByKeyboard(second, es, 2, QUICK, "2");
    await first.getByText(es.notice_answered_elsewhere).waitFor();
    await checkedChoice(first, "2", "the second tab's answer in the first");
    await first.getByRole("button", { name: es.back, exact: true }).click();
    await atQuestion(first, es, 1, QUICK);
    await checkedChoice(first, "4", "the first tab's own answer");
    await atQuestion(second, es, 3, QUICK);
    await second.getByRole("button", { name: es.back, exact: true }).click();
    await atQuestion(second, es, 2, QUICK);
    await checkedChoice(second, "2", "the second tab's own answer");
    // The first wrote when it started remembering and when it answered, the second when it
    // answered: taking in the other's answers wrote nothing back, so the exchange ended.
    assert.deepEqual(await writes(), [2, 1]);

    // A reload of either keeps the merged answers, and rewrites nothing the device holds.
    for (const page of [first, second]) {
      await reloadApp(page);
      await page.getByText(es.notice_restored).waitFor();
      await page.goto(`${app.server.url}#/quick/1`);
      await page.getByText(fill(es.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
      await checkedChoice(page, "4", "question 1 after a reload");
      await page.getByRole("button", { name: es.next, exact: true }).click();
      await page.getByText(fill(es.question_progress, { n: 2, total: QUICK }), { exact: true }).waitFor();
      await checkedChoice(page, "2", "question 2 after a reload");
    }
    assert.deepEqual(await writes(), [0, 0]);
    assert.deepEqual(await problemsOf(first), []);
    assert.deepEqual(secondProblems, []);
    await context.close();
  });

  test("two tabs: attempts finished in both are both kept", async () => {
    const first = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await first.getByLabel(es.remember_label).check();
    const second = await first.context().newPage();
    await gotoApp(second, app.server.url);
    await second.locator("#intro-title").waitFor();
    await first.getByRole("button", { name: es.intro_start }).click();
    for (let n = 1; n <= QUICK; n++) await answerByKeyboard(first, es, n, QUICK, "5");
    await first.getByRole("button", { name: es.see_results }).click();
    await resultsShown(first, es.results_title);
    // The second tab remembers too, so it has the first one's answers; it changes every one.
    await second.getByText(es.notice_answered_elsewhere).waitFor();
    await second.goto(`${app.server.url}#/quick/1`);
    for (let n = 1; n <= QUICK; n++) await answerByKeyboard(second, es, n, QUICK, "1");
    await second.getByRole("button", { name: es.see_results }).click();
    await resultsShown(second, es.results_title);
    const attempts = await first.evaluate(() => (localStorage.getItem("perfil-cm/history") ?? "").split("\n").filter(Boolean).length);
    assert.equal(attempts, 2);
    await reloadApp(first);
    await first.getByLabel(es.compare_label).waitFor();
    assert.deepEqual(await problemsOf(first), []);
    await first.context().close();
  });

  test("when the device's storage is full the page says so, and a reload keeps the tab's copy", async () => {
    // A quota shim: local storage takes only the smallest writes (the app's probe), as a nearly
    // full one does.
    const { context, page, errors } = await openWithStorage(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (this === window.localStorage && String(value).length > 8) {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        return setItem.call(this, key, value);
      };
    });
    await page.locator("#intro-title").waitFor();
    assert.equal(await page.getByText(es.notice_storage_unavailable).count(), 0);
    await page.getByLabel(es.remember_label).check();
    await page.getByText(es.notice_storage_unavailable).waitFor();
    await page.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(page, es, 1, QUICK, "4");
    await answerByKeyboard(page, es, 2, QUICK, "2");
    await atQuestion(page, es, 3, QUICK);
    assert.deepEqual(await storedData(page), { session: 1, local: 0 });
    await reloadApp(page);
    await page.getByText(es.notice_restored).waitFor();
    await page.getByText(fill(es.question_progress, { n: 3, total: QUICK }), { exact: true }).waitFor();
    await page.getByRole("button", { name: es.back, exact: true }).click();
    await atQuestion(page, es, 2, QUICK);
    assert.equal(await page.locator("#choice-2").isChecked(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("when only the tab's storage works, remembering is not offered and a reload keeps the answers", async () => {
    const { context, page, errors } = await openWithStorage(blockStorage, ["localStorage"]);
    await page.locator("#intro-title").waitFor();
    assert.equal(await page.getByLabel(es.remember_label).count(), 0);
    assert.equal(await page.getByText(es.notice_storage_unavailable).count(), 0);
    await page.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(page, es, 1, QUICK, "4");
    await reloadApp(page);
    await page.getByText(es.notice_restored).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("without storage (blocked, as in some iframes) it works and says so", async () => {
    const { context, page, errors } = await openWithStorage(blockStorage, ["sessionStorage", "localStorage"]);
    await page.getByText(es.notice_storage_unavailable).waitFor();
    assert.equal(await page.getByLabel(es.remember_label).count(), 0);
    await page.getByRole("button", { name: es.intro_start }).click();
    await answerByKeyboard(page, es, 1, QUICK, "4");
    await atQuestion(page, es, 2, QUICK);
    await screenshot(page, "storage-blocked-es-375");
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("axe-core finds no violation on a statement, a scenario, the review and the results, in both themes", async () => {
    for (const colorScheme of ["light", "dark"]) {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES", colorScheme, width: 375 });
      const screens = [
        ["likert", "#/quick/1", "#question-title"],
        ["scenario", `#/full/${STATEMENTS + 1}`, "#question-title"],
        ["review", "#/review", "#review-title"],
      ];
      await page.getByRole("button", { name: es.intro_start }).click();
      await answerByKeyboard(page, es, 1, QUICK, "4");
      for (const [name, hash, heading] of screens) {
        await page.goto(app.server.url + hash);
        await page.locator(heading).waitFor();
        assert.deepEqual(await axeViolations(page), [], `${name}, ${colorScheme}`);
        await screenshot(page, `${name}-es-375-${colorScheme}`);
      }
      await page.goto(`${app.server.url}#/results`);
      await page.locator("#results-title").waitFor();
      assert.deepEqual(await axeViolations(page), [], `results, ${colorScheme}`);
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    }
  });

  test("nothing scrolls sideways at 320 px (what 200 % zoom of a 640 px window gives)", async () => {
    for (const width of [320, 640]) {
      const context = await app.browser.newContext({ locale: "es-ES", viewport: { width, height: 700 } });
      const page = await context.newPage();
      await gotoApp(page, app.server.url);
      await page.getByRole("button", { name: es.intro_start }).click();
      await answerByKeyboard(page, es, 1, QUICK, "2");
      for (const hash of ["#/", "#/quick/1", `#/full/${STATEMENTS + 1}`, "#/review", "#/results"]) {
        await page.goto(app.server.url + hash);
        await page.locator(APP_SCREEN).waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${hash || "intro"} at ${width} px: ${overflow} px of horizontal scroll`);
      }
      await context.close();
    }
  });
});
