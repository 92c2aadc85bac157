// The release build, served with the strict CSP: the intro in both languages, the language
// switch, accessibility, and the absence of errors, failed requests and CSP violations.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { axeViolations, CSP, errorsOf, fill, openApp, problemsOf, QUICK, reloadApp, resultsShown, ROOT, sandboxedHost, screenshot, uiStrings, useApp } from "./harness.mjs";

const es = uiStrings("es");
const en = uiStrings("en");

describe("intro", () => {
  const app = useApp();

  test("is served with the strict Content-Security-Policy", async () => {
    assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(CSP, /unsafe-inline/);
    const page = await openApp(app.browser, app.server.url);
    assert.equal(page.mainResponse.headers()["content-security-policy"], CSP);
    // No inline script or style anywhere in the built page.
    const inline = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => !s.src).length,
      styles: document.querySelectorAll("style, [style]").length,
    }));
    assert.deepEqual(inline, { scripts: 0, styles: 0 });
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("the problem detector notices a CSP violation, an HTTP error and a failed request, across a reload, and forgives what the reload cut short", async () => {
    const page = await openApp(app.browser, app.server.url);
    assert.deepEqual(await problemsOf(page), []);
    await page.evaluate(async () => {
      const blocked = document.createElement("div");
      blocked.setAttribute("style", "color: red");
      document.body.append(blocked);
      await fetch("/not-there").catch(() => {});
    });
    await page.route("**/refused", (route) => route.abort("connectionrefused"));
    await page.evaluate(() => fetch("/refused").catch(() => {}));
    // Still in flight when the page reloads, like the favicon in the reload test once was.
    let pending;
    const started = new Promise((resolve) => (pending = resolve));
    await page.route("**/in-flight", () => pending());
    await page.evaluate(() => void fetch("/in-flight").catch(() => {}));
    await started;
    await reloadApp(page);
    const problems = (await problemsOf(page)).join("\n");
    assert.match(problems, /CSP violation: style-src-attr/);
    assert.match(problems, /HTTP 404: .*\/not-there/);
    assert.match(problems, /request failed: .*\/refused \(net::ERR_CONNECTION_REFUSED\)/);
    assert.ok(page.allFailedRequests.some((f) => f.url.endsWith("/in-flight") && f.error === "net::ERR_ABORTED"));
    assert.doesNotMatch(problems, /in-flight/);
    await page.context().close();
  });

  test("is in Spanish for a Spanish browser", async () => {
    for (const width of [375, 1280]) {
      const page = await openApp(app.browser, app.server.url, { locale: "es-ES", width });
      await assert.doesNotReject(page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor());
      assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
      assert.equal(await page.title(), es.document_title);
      await page.getByText(es.intro_privacy).waitFor();
      await page.getByRole("button", { name: es.intro_start }).waitFor();
      await screenshot(page, `intro-es-${width}`);
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    }
  });

  test("is in English for an English browser, and ?lang= wins over the browser", async () => {
    for (const [locale, path] of [["en-GB", ""], ["es-ES", "?lang=en"]]) {
      const page = await openApp(app.browser, app.server.url, { locale, path, width: 1280 });
      await page.getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      assert.equal(await page.title(), en.document_title);
      await screenshot(page, `intro-en-1280${path ? "-query" : ""}`);
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    }
  });

  test("an unknown ?lang= says so and falls back to the browser's language", async () => {
    // The notice's words are in the wasm's second part, and in English in the later texts file
    // (LATER_NOTICES in build/content.rs), which the stub that brings that part at start loads
    // too: the English reader reads it in English.
    for (const [locale, words] of [["es-ES", es], ["en-US", en]]) {
      const page = await openApp(app.browser, app.server.url, { locale, path: "?lang=fr" });
      const notice = words.notice_unknown_language.replace("{language}", words.language_name);
      await page.getByText(notice).waitFor();
      await page.getByRole("heading", { level: 1, name: words.intro_title }).waitFor();
      assert.equal(await page.locator(".notice-bar__text").textContent(), notice);
      await screenshot(page, `intro-unknown-lang-${locale.slice(0, 2)}-375`);
      // For whoever wrote the link: one warning on the console, and nothing else.
      assert.deepEqual(await problemsOf(page), [
        "console warning: Perfil CM option lang: not a language of the app (es, en); ignored",
      ]);
      await page.context().close();
    }
  });

  test("switches language with a click and with the keyboard", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    const english = page.getByRole("button", { name: "English" });
    const spanish = page.getByRole("button", { name: "Español" });
    assert.equal(await spanish.getAttribute("aria-pressed"), "true");

    await english.click();
    await page.getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
    assert.equal(await english.getAttribute("aria-pressed"), "true");
    assert.equal(await spanish.getAttribute("aria-pressed"), "false");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.equal(await page.title(), en.document_title);

    // Keyboard only: focus is on "English" after the click; Shift+Tab reaches "Español", Enter
    // activates it.
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Español");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("start moves focus to the first question's heading, and back returns to the intro", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES" });
    await page.getByRole("button", { name: es.intro_start }).click();
    await page.waitForFunction(() => document.activeElement?.id === "question-title");
    await page.getByRole("button", { name: es.back, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), "intro-title");
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("axe-core finds no violation, in both languages and both themes", async () => {
    for (const colorScheme of ["light", "dark"]) {
      for (const locale of ["es-ES", "en-US"]) {
        const page = await openApp(app.browser, app.server.url, { locale, colorScheme });
        assert.deepEqual(await axeViolations(page), [], `${locale}, ${colorScheme}`);
        if (locale === "es-ES") await screenshot(page, `intro-es-375-${colorScheme}`);
        await page.context().close();
      }
    }
  });

  test("in a frame sandboxed with allow-scripts only, on another origin, it starts and a quick run completes", async () => {
    const host = await sandboxedHost(app.server.url);
    const context = await app.browser.newContext({ locale: "es-ES", viewport: { width: 420, height: 800 } });
    const page = await context.newPage();
    const errors = errorsOf(page);
    await page.goto(host.url);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    await frame.getByText(es.notice_storage_unavailable).waitFor();
    await frame.getByRole("button", { name: es.intro_start }).click();
    for (let n = 1; n <= QUICK; n++) {
      await frame.getByText(fill(es.question_progress, { n, total: QUICK }), { exact: true }).waitFor();
      // A tap answers and moves on by itself.
      await frame.locator("label.choices__option").nth(3).click();
    }
    await frame.getByRole("button", { name: es.see_results }).click();
    await resultsShown(frame, es.results_title);
    await screenshot(page, "sandboxed-frame-es");
    assert.deepEqual(errors, []);
    // Without allow-downloads the browser drops a download and tells the frame nothing: the
    // page must not say the file is ready, but how to get it another way.
    await frame.getByRole("button", { name: es.download_json }).click();
    const [before, after] = es.download_unconfirmed.split("{file}").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    await frame.getByText(new RegExp(`^${before}perfil-cm-\\d{4}-\\d{2}-\\d{2}\\.json${after}$`)).waitFor();
    await screenshot(page, "sandboxed-frame-download-es");
    await context.close();
    host.close();
  });

  test("put straight into a host page, it leaves the page's address, history, title and language alone and says to use a frame", async () => {
    // A blog page of the app's own origin that copies the app's script tag and element, without
    // the data-standalone mark of the app's own page.
    const script = /<script[^>]*boot\.js[^>]*><\/script>/.exec(readFileSync(join(ROOT, "dist", "index.html"), "utf8"))[0];
    const blog = `<!doctype html><html lang="en"><title>A blog post</title><h1>A post</h1><div id="perfil-cm"></div>${script}<h2 id="comments">Comments</h2>`;
    const context = await app.browser.newContext({ locale: "es-ES" });
    await context.route(`${app.server.url}blog.html`, (route) =>
      route.fulfill({ contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": CSP }, body: blog }),
    );
    const page = await context.newPage();
    // The length of the history before any script of the page runs.
    await page.addInitScript(() => (window.historyAtStart = history.length));
    const messages = [];
    page.on("console", (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
    await page.goto(`${app.server.url}blog.html#comments`);
    await page.locator('#perfil-cm p[lang="es"]', { hasText: es.host_page_declined }).waitFor();
    await page.locator('#perfil-cm p[lang="en"]', { hasText: en.host_page_declined }).waitFor();
    assert.deepEqual(
      await page.evaluate(() => [location.hash, history.length - window.historyAtStart, document.title, document.documentElement.lang]),
      ["#comments", 0, "A blog post", "en"],
    );
    await screenshot(page, "host-page-declined");
    assert.equal(messages.length, 1, messages.join("\n"));
    assert.match(messages[0], /^warning: Perfil CM does not start inside another page: embed its own page in an <iframe>/);
    await context.close();
  });

  test("when the scripts cannot load, the page still says something after a few seconds, and never once the app runs", async () => {
    const page = await openApp(app.browser, app.server.url);
    await page.locator("#intro-title").waitFor();
    assert.equal(await page.locator(".perfil-root__waiting").count(), 0);
    await page.context().close();

    const context = await app.browser.newContext({ locale: "es-ES" });
    const blocked = await context.newPage();
    await blocked.route("**/boot.js", (route) => route.abort());
    await blocked.goto(app.server.url);
    await blocked.getByText("Perfil CM está tardando en cargar", { exact: false }).waitFor({ state: "visible" });
    await context.close();
  });
});
