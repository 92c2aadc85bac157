// Recruiters end to end: a target link built in #/recruiter by keyboard, opened by a candidate
// in a fresh browser (the role on the intro, the target kept through a reload, the target
// series, column and verdicts on the results for a hand-computed case), the candidate's share
// link opened in a third browser, broken target links, and accessibility of the builder and of
// results with a target in both themes.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  atQuestion,
  axeViolations,
  fill,
  keysFor,
  MODEL,
  openApp,
  problemsOf,
  QUALITIES,
  QUICK,
  reloadApp,
  resultsShown,
  screenshot,
  tabTo,
  uiStrings,
  useApp,
} from "./harness.mjs";

const es = uiStrings("es");
const TITLE = "Community manager sénior";

// The quick version answered 5, 4, 3, 2, 1, 5… in quality order, each quality's opposite
// (reverse-keyed) with the mirror rating 6 − r, so both give (r − 1) × 25 and so does the quality.
const RATINGS = [5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 5, 4, 3];
const KEYS = keysFor("quick", (quality) => RATINGS[MODEL.qualities.indexOf(quality)]);
const SCORES = ["100", "75", "50", "25", "0", "100", "75", "50", "25", "0", "100", "75", "50"];
// The builder starts every level at 50. The test moves the first five sliders by keyboard:
// kept at 50, → ×6 to 80, → ×3 to 65, Home to "not required", ← ×10 to 0.
const MOVES = [[], Array(6).fill("ArrowRight"), Array(3).fill("ArrowRight"), ["Home"], Array(10).fill("ArrowLeft")];
const LEVELS = ["50", "80", "65", es.target_not_required, "0", "50", "50", "50", "50", "50", "50", "50", "50"];
// Worked by hand with CLOSE_MARGIN = 10: meets when score ≥ level, close when at most 10 below.
// 100/50 meets, 75/80 close, 50/65 below (15), 25/— none, 0/0 meets, 100/50, 75/50, 50/50 meet,
// 25/50 below, 0/50 below, 100/50, 75/50, 50/50 meet: 8 of the 12 required meet.
const VERDICTS = ["meets", "close", "below", null, "meets", "meets", "meets", "meets", "below", "below", "meets", "meets", "meets"];
const MET = fill(es.target_met, { met: 8, required: 12 });

/** The results table's rows in article order: score, level sought, verdict id. */
function tableRows(page) {
  return page.locator(".scores__table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = tr.querySelectorAll("td");
      return {
        score: cells[0].textContent,
        level: tr.querySelector(".scores__target")?.textContent ?? null,
        verdict: tr.querySelector("[data-verdict]")?.dataset.verdict ?? null,
      };
    }),
  );
}

/** Answers the quick version from the intro with KEYS, reloading once mid-way. */
async function answerQuick(page) {
  await page.getByRole("button", { name: es.intro_start }).click();
  for (let n = 1; n <= QUICK; n++) {
    await atQuestion(page, es, n, QUICK);
    if (n === 4) {
      // The address now shows the question, not the target: it comes back from the tab's record.
      assert.match(new URL(page.url()).hash, /^#\/quick\/4$/);
      await reloadApp(page);
      // A reload puts focus nowhere in particular (the page's own start), so wait for the words.
      await page.getByText(fill(es.question_progress, { n, total: QUICK }), { exact: true }).waitFor();
    }
    await page.keyboard.press(KEYS[n - 1]);
    await page.keyboard.press("Enter");
  }
  await page.getByRole("button", { name: es.see_results }).click();
  await resultsShown(page, es.results_title);
}

/** The CRC-16/CCITT-FALSE of `bytes`, as the app's codes carry it. */
function crc16(bytes) {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** `code` made for content version `content`, with a checksum that matches. */
function otherVersion(code, content) {
  const bytes = [...Buffer.from(code, "base64url")];
  bytes[1] = content;
  const body = bytes.slice(0, -2);
  const crc = crc16(body);
  return Buffer.from([...body, crc >> 8, crc & 0xff]).toString("base64url");
}

describe("recruiters", () => {
  const app = useApp();

  test("a target link built by keyboard gives the candidate the role, the target series, column and verdicts, and a share link that shows both", async () => {
    // From the intro's footer link, by keyboard; the builder's heading takes focus.
    const builder = await openApp(app.browser, app.server.url, { locale: "es-ES", width: 1280 });
    await tabTo(builder, es.intro_recruiter_link);
    await builder.keyboard.press("Enter");
    await builder.getByRole("heading", { level: 1, name: es.recruiter_title }).waitFor();
    await builder.waitForFunction(() => document.activeElement?.id === "recruiter-title");
    assert.equal(new URL(builder.url()).hash, "#/recruiter");

    // Keyboard only: Tab to the role field and type, then Tab to each slider and move it.
    await tabTo(builder, es.recruiter_role_label);
    await builder.keyboard.type(TITLE);
    const qualities = await builder.locator(".target-slider").evaluateAll((sliders) => sliders.map((s) => s.dataset.quality));
    assert.equal(qualities.length, QUALITIES);
    const firstName = await builder.locator(`label[for="target-level-${qualities[0]}"]`).textContent();
    await tabTo(builder, firstName);
    for (const [i, quality] of qualities.entries()) {
      if (i > 0) await builder.keyboard.press("Tab");
      assert.equal(await builder.evaluate(() => document.activeElement?.id), `target-level-${quality}`);
      for (const key of MOVES[i] ?? []) await builder.keyboard.press(key);
    }
    // The slider says its level in words, "No requerido" for the step below 0. A key's render
    // may come a task later (Yew yields after 16 ms of work): wait for it, then the link and
    // the snippet, drawn in the same renders, are those of the last move.
    const says = (i, text) => builder.locator(`#target-level-${qualities[i]}[aria-valuetext="${text}"]`).waitFor({ timeout: 5000 });
    await says(3, es.target_not_required);
    await says(1, fill(es.recruiter_level, { level: 80 }));
    await says(4, fill(es.recruiter_level, { level: 0 }));

    const link = await builder.getByLabel(es.recruiter_link_label).inputValue();
    const base = app.server.url;
    assert.ok(link.startsWith(`${base}?lang=es&mode=quick#t=`), link);
    const code = link.slice(link.indexOf("#t=") + 3);
    assert.match(code, /^[A-Za-z0-9_-]+$/);
    const snippet = await builder.getByLabel(es.recruiter_embed_label).inputValue();
    assert.equal(
      snippet,
      `<div data-perfil-cm data-lang="es" data-mode="quick" data-target="${code}"></div>\n<script src="${base.replace(/\/$/, "")}/embed.js" async></script>`,
    );
    // The copy button, pressed from the keyboard, puts the link on the clipboard.
    // The served Permissions-Policy forbids clipboard-read, as it should: what the app writes
    // is watched on its way to the clipboard instead.
    await builder.context().grantPermissions(["clipboard-write"]);
    await builder.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => {
        window.copied = text;
        return write(text);
      };
    });
    await builder.getByRole("button", { name: es.share_copy }).focus();
    await builder.keyboard.press("Enter");
    await builder.getByText(es.copy_done).waitFor();
    assert.equal(await builder.evaluate(() => window.copied), link);
    const preview = await builder.locator(".radar__svg .radar__series--target").getAttribute("points");
    assert.deepEqual(await problemsOf(builder), []);
    await builder.context().close();

    // The candidate, in a fresh browser.
    const candidate = await openApp(app.browser, app.server.url, { locale: "es-ES", path: link.slice(base.length) });
    await candidate.getByText(fill(es.target_title, { title: TITLE }), { exact: true }).waitFor();
    await candidate.getByText(es.target_intro_privacy).waitFor();
    await answerQuick(candidate);
    const rows = await tableRows(candidate);
    assert.deepEqual(rows.map((r) => r.score), SCORES);
    assert.deepEqual(rows.map((r) => r.level), LEVELS);
    assert.deepEqual(rows.map((r) => r.verdict), VERDICTS);
    await candidate.getByText(MET, { exact: true }).waitFor();
    await candidate.getByText(fill(es.target_title, { title: TITLE }), { exact: true }).waitFor();
    // Drawn as in the builder, over the candidate's own series.
    assert.equal(await candidate.locator(".radar__svg .radar__series--target").getAttribute("points"), preview);
    assert.equal(await candidate.locator(".radar__svg .radar__series--own").count(), 1);
    // Advice starts with the qualities below the target, furthest below first: 0/50, 25/50, 50/65.
    const names = await candidate.locator(".advice__item .advice__name").allTextContents();
    const qualityNames = await candidate.locator(".scores__table tbody th").allTextContents();
    assert.deepEqual(names.slice(0, 3), [qualityNames[9], qualityNames[8], qualityNames[2]]);
    const shared = await candidate.getByLabel(es.share_label).inputValue();
    assert.match(shared.slice(shared.indexOf("#")), new RegExp(`^#r=[A-Za-z0-9_-]+&t=${code}$`));
    assert.deepEqual(await problemsOf(candidate), []);
    await candidate.context().close();

    // The recruiter opens the candidate's share link, in a third browser: both series, read-only.
    const recruiter = await openApp(app.browser, app.server.url, { locale: "es-ES", path: shared.slice(base.length) });
    await resultsShown(recruiter, es.results_title_shared);
    assert.equal(await recruiter.locator(".radar__svg .radar__series--own").count(), 1);
    assert.equal(await recruiter.locator(".radar__svg .radar__series--target").getAttribute("points"), preview);
    const seen = await tableRows(recruiter);
    assert.deepEqual(seen.map((r) => r.verdict), VERDICTS);
    assert.deepEqual(seen.map((r) => r.level), LEVELS);
    await recruiter.getByText(MET, { exact: true }).waitFor();
    assert.equal(await recruiter.getByLabel(es.share_label).count(), 0, "read-only: no share panel");
    assert.deepEqual(await problemsOf(recruiter), []);
    await recruiter.context().close();
  });

  test("a tampered or other-version target link says so and leaves a working intro", async () => {
    const builder = await openApp(app.browser, app.server.url, { locale: "es-ES", path: "#/recruiter" });
    const link = await builder.getByLabel(es.recruiter_link_label).inputValue();
    await builder.context().close();
    const code = link.slice(link.indexOf("#t=") + 3);
    // One character changed in the middle: the checksum no longer matches.
    const at = 6;
    const tampered = code.slice(0, at) + (code[at] === "A" ? "B" : "A") + code.slice(at + 1);
    const cases = [
      [`#t=${tampered}`, es.notice_target_damaged],
      [`#t=${code.slice(0, 8)}`, es.notice_target_damaged],
      [`#t=${otherVersion(code, MODEL.version + 1)}`, es.notice_target_other_version],
      // No content version 0 ever existed.
      [`#t=${otherVersion(code, 0)}`, es.notice_target_other_version],
    ];
    for (const [fragment, notice] of cases) {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES", path: fragment });
      await page.getByText(notice).waitFor();
      await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
      assert.equal(await page.locator(".intro__target").count(), 0, fragment);
      await page.getByRole("button", { name: es.intro_start }).click();
      await atQuestion(page, es, 1, QUICK);
      assert.deepEqual(await problemsOf(page), [], fragment);
      await page.context().close();
    }
    // A target made when content version 1 was current still opens: a target is a level per
    // quality, and the qualities have not changed since (src/target.rs).
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", path: `#t=${otherVersion(code, 1)}` });
    await page.locator(".intro__target").waitFor();
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("axe-core finds no violation on the builder or on results with a target, light and dark; screenshots at 375 and 1280 px", async () => {
    for (const colorScheme of ["light", "dark"]) {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES", colorScheme, path: "#/recruiter" });
      await page.getByRole("heading", { level: 1, name: es.recruiter_title }).waitFor();
      const untitled = await page.locator("#target-link").inputValue();
      await page.getByLabel(es.recruiter_role_label).fill(TITLE);
      // The title goes into the link's code once drawn.
      await page.waitForFunction((before) => document.getElementById("target-link").value !== before, untitled);
      assert.deepEqual(await axeViolations(page), [], `builder ${colorScheme}`);
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await screenshot(page, `recruiter-builder-${colorScheme}-${width}`);
      }
      const link = await page.getByLabel(es.recruiter_link_label).inputValue();
      await page.goto(link);
      await page.getByText(fill(es.target_title, { title: TITLE }), { exact: true }).waitFor();
      await page.setViewportSize({ width: 375, height: 800 });
      assert.deepEqual(await axeViolations(page), [], `intro with a target ${colorScheme}`);
      await answerQuick(page);
      assert.deepEqual(await axeViolations(page), [], `results with a target ${colorScheme}`);
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await screenshot(page, `results-target-${colorScheme}-${width}`);
      }
      assert.deepEqual(await problemsOf(page), [], colorScheme);
      await page.context().close();
    }
  });
});
