// The blog embed, end to end: examples/blog.html served from another origin than the app,
// embed.js turning its placeholders into frames that fit their content, the blog's CSS and the
// widget's kept apart, forged height messages ignored, the host page left alone, lazy loading,
// and bad option values that leave a working widget with one warning each.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { APP_SCREEN, fill, FULL, openApp, QUICK, resultsShown, ROOT, screenshot, uiStrings, useApp } from "./harness.mjs";

const es = uiStrings("es");
const en = uiStrings("en");

describe("embed", () => {
  const app = useApp();
  const host = {};

  before(async () => {
    const blog = readFileSync(join(ROOT, "examples", "blog.html"), "utf8").replace(
      "http://127.0.0.1:8080/",
      app.server.url,
    );
    // A page whose only widget is far below the first screen.
    const far = `<!doctype html><html lang="en"><title>Far</title><div style="height:12000px">Text</div><div data-perfil-cm data-lang="en"></div><script src="${app.server.url}embed.js" async></script>`;
    host.server = createServer((request, response) => {
      const url = new URL(request.url, "http://host");
      // A careers page: whatever snippet the test passes, in an ordinary page.
      const careers = `<!doctype html><html lang="es"><title>Empleo</title><h1>Ofertas</h1>${url.searchParams.get("snippet")}`;
      const body = { "/blog.html": blog, "/far.html": far, "/careers.html": careers }[url.pathname];
      // The blog has no icon; its browser asks anyway.
      const status = body ? 200 : url.pathname === "/favicon.ico" ? 204 : 404;
      response.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
      response.end(body ?? "");
    });
    await new Promise((resolve) => host.server.listen(0, "127.0.0.1", resolve));
    host.url = `http://127.0.0.1:${host.server.address().port}/`;
  });
  after(() => host.server.close());

  /** Opens a host page at `width`; collects the console messages and the origins requested. */
  async function openHost(path, width) {
    const context = await app.browser.newContext({ locale: "es-ES", viewport: { width, height: 800 } });
    const page = await context.newPage();
    const messages = [];
    const requests = [];
    page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => messages.push(`page error: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(host.url + path);
    return { context, page, messages, requests };
  }

  /** The frame of the `index`th widget, once it has loaded the app. */
  async function widget(page, index) {
    const element = page.locator("iframe").nth(index);
    await element.waitFor({ state: "attached" });
    const frame = await (await element.elementHandle()).contentFrame();
    await frame.locator(APP_SCREEN).waitFor();
    return frame;
  }

  /** Waits until the frame is as tall as its content (within 4 px) and does not scroll inside. */
  async function fits(frame, what) {
    try {
      await frame.waitForFunction(
        () => {
          const content = Math.ceil(document.documentElement.getBoundingClientRect().height);
          return Math.abs(innerHeight - content) <= 4 && document.documentElement.scrollHeight <= innerHeight + 1;
        },
        null,
        { timeout: 5000 },
      );
    } catch {
      const sizes = await frame.evaluate(() => [innerHeight, document.documentElement.getBoundingClientRect().height]);
      throw new Error(`${what}: the frame is ${sizes[0]} px tall for ${sizes[1]} px of content`);
    }
  }

  for (const width of [375, 1280]) {
    test(`at ${width} px: both widgets appear and fit their content after every step of a run, untouched by the blog's CSS`, async () => {
      const { context, page, messages, requests } = await openHost("blog.html", width);
      const first = await widget(page, 0);
      await first.getByRole("heading", { level: 1, name: "Tu perfil de community manager" }).waitFor();
      // mode=quick: the version is stated, not offered.
      assert.equal(await first.locator(".version-choice").count(), 0);
      await first.locator(".version-choice__fixed").waitFor();
      await fits(first, "es intro");
      // The blog's `iframe { border: 5px solid }` and its 30 px buttons stay outside.
      assert.deepEqual(
        await page.locator("iframe").first().evaluate((f) => [getComputedStyle(f).borderTopWidth, f.title]),
        ["0px", "Tu perfil de community manager"],
      );
      const buttonFont = await first.getByRole("button", { name: es.intro_start }).evaluate((b) => getComputedStyle(b).fontSize);
      assert.notEqual(buttonFont, "30px");
      // And the widget's styles stay inside: the blog keeps its font and background.
      assert.deepEqual(
        await page.evaluate(() => [getComputedStyle(document.body).fontFamily, getComputedStyle(document.body).backgroundColor]),
        ["Georgia, serif", "rgb(255, 253, 247)"],
      );
      await screenshot(page.locator("iframe").first(), `embed-intro-es-${width}`);

      await first.getByRole("button", { name: es.intro_start }).click();
      for (let n = 1; n <= QUICK; n++) {
        await first.getByText(fill(es.question_progress, { n, total: QUICK }), { exact: true }).waitFor();
        await fits(first, `question ${n}`);
        await first.locator("label.choices__option").nth(3).click();
      }
      await first.getByRole("heading", { level: 1, name: es.review_title }).waitFor();
      await fits(first, "review");
      await first.getByRole("button", { name: es.see_results }).click();
      await resultsShown(first, es.results_title);
      await fits(first, "results");
      await screenshot(page.locator("iframe").first(), `embed-results-es-${width}`);

      // The second widget, far down the post: English, full version, dark.
      await page.locator("#english").scrollIntoViewIfNeeded();
      const second = await widget(page, 1);
      await second.getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
      await fits(second, "en intro");
      const dark = await second.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(dark, "rgb(14, 21, 22)", "data-theme=dark");
      await second.getByRole("button", { name: en.intro_start }).click();
      for (let n = 1; n <= 3; n++) {
        await second.getByText(fill(en.question_progress, { n, total: FULL }), { exact: true }).waitFor();
        await fits(second, `en question ${n}`);
        await second.locator("label.choices__option").nth(1).click();
      }
      await screenshot(page.locator("iframe").nth(1), `embed-question-en-dark-${width}`);

      const origins = new Set(requests.map((url) => new URL(url).origin));
      assert.deepEqual([...origins].sort(), [new URL(app.server.url).origin, new URL(host.url).origin].sort());
      assert.deepEqual(messages, []);
      await context.close();
    });
  }

  test("a run inside the frame leaves the host page's address, title, history and scroll alone", async () => {
    const { context, page, messages } = await openHost("blog.html", 1280);
    const frame = await widget(page, 0);
    await fits(frame, "intro");
    // Scrolled so that the widget's top is above the view, as a reader who scrolled on.
    const top = await page.locator("iframe").first().evaluate((f) => f.getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => scrollTo(0, y), top + 150);
    const before = await page.evaluate(() => [location.href, document.title, history.length, scrollY]);
    await frame.getByRole("button", { name: es.intro_start }).click();
    // The keyboard from here: nothing but the app itself moves focus or scrolls.
    for (let n = 1; n <= QUICK; n++) {
      await frame.getByText(fill(es.question_progress, { n, total: QUICK }), { exact: true }).waitFor();
      await page.keyboard.press("4");
      await frame.locator("#choice-4:checked").waitFor({ state: "attached" });
      await page.keyboard.press("Enter");
    }
    await frame.getByRole("heading", { level: 1, name: es.review_title }).waitFor();
    await frame.getByRole("button", { name: es.see_results }).click();
    await resultsShown(frame, es.results_title);
    assert.deepEqual(await page.evaluate(() => [location.href, document.title, history.length, scrollY]), before);
    assert.deepEqual(messages, []);
    await context.close();
  });

  test("a height message forged by the host page or by another window changes nothing", async () => {
    const { context, page } = await openHost("blog.html", 375);
    const frame = await widget(page, 0);
    await fits(frame, "intro");
    const height = () => page.locator("iframe").first().evaluate((f) => f.getBoundingClientRect().height);
    const fitted = await height();
    // A listener added after embed.js's runs after it: once it counts a message, the loader
    // has seen it too.
    await page.evaluate(() => {
      window.seen = 0;
      addEventListener("message", () => (window.seen += 1));
    });
    await page.evaluate(() => postMessage({ type: "perfil-cm:height", height: 7 }, "*"));
    // Another window of the app's own origin that is not one of the loader's frames.
    await page.evaluate((src) => {
      const other = document.createElement("iframe");
      other.src = src;
      other.id = "other";
      document.body.append(other);
    }, app.server.url + "embed.js");
    const other = await (await page.locator("#other").elementHandle()).contentFrame();
    await other.waitForLoadState();
    await other.evaluate(() => parent.postMessage({ type: "perfil-cm:height", height: 9 }, "*"));
    await page.waitForFunction(() => window.seen >= 2);
    assert.equal(await height(), fitted);
    await context.close();
  });

  test("until the widget scrolls near the view, the host page loads only embed.js from the app", async () => {
    const { context, page, requests } = await openHost("far.html", 375);
    const fromApp = () => requests.filter((url) => url.startsWith(app.server.url)).map((url) => new URL(url).pathname);
    await page.locator("iframe").waitFor({ state: "attached" });
    // The loader has run; the page has settled.
    await page.waitForLoadState("load");
    assert.deepEqual(fromApp(), ["/embed.js"]);
    await page.locator("iframe").scrollIntoViewIfNeeded();
    const frame = await widget(page, 0);
    await frame.getByRole("heading", { level: 1, name: en.intro_title }).waitFor();
    assert.ok(fromApp().length > 3, fromApp().join(" "));
    await context.close();
  });

  test("the builder's snippet for a careers page shows the role's profile in the widget", async () => {
    const builder = await openApp(app.browser, app.server.url, { locale: "es-ES", path: "#/recruiter" });
    await builder.locator("#target-embed").waitFor();
    const untitled = await builder.locator("#target-embed").inputValue();
    await builder.getByLabel(es.recruiter_role_label).fill("Community manager");
    // The title goes into the snippet's code once drawn.
    await builder.waitForFunction((before) => document.getElementById("target-embed").value !== before, untitled);
    const snippet = await builder.getByLabel(es.recruiter_embed_label).inputValue();
    await builder.context().close();
    // The snippet as a careers page would paste it, on the host's origin.
    const { context, page, messages } = await openHost(`careers.html?snippet=${encodeURIComponent(snippet)}`, 375);
    const frame = await widget(page, 0);
    await frame.getByText(fill(es.target_title, { title: "Community manager" }), { exact: true }).waitFor();
    await fits(frame, "intro with a target");
    assert.deepEqual(messages, []);
    await context.close();
  });

  test("bad option values leave a working widget and one warning each", async () => {
    const title = "x".repeat(10_000);
    const query = `?accent=javascript:alert(1)&lang=xx&mode=%3Csvg%3E&title=${title}`;
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", path: query });
    await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    await page.getByRole("button", { name: es.intro_start }).click();
    await page.getByText(fill(es.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
    const warnings = page.problems.filter((p) => p.startsWith("console warning: Perfil CM option"));
    assert.deepEqual(
      warnings.map((w) => w.replace(/^console warning: Perfil CM option (\w+):.*$/, "$1")),
      ["accent", "lang", "mode", "title"],
    );
    assert.equal(page.problems.length, 4, page.problems.join("\n"));
    await page.context().close();
  });

  test("the options work the same from the address: mode, theme, accent and title, in 280 px", async () => {
    // 280 px: the narrowest container the widget is made for.
    const page = await openApp(app.browser, app.server.url, {
      locale: "es-ES",
      width: 280,
      path: "?mode=full&theme=dark&accent=%2380d0ff&title=Curso+de+redes&embed=1",
    });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.getByRole("heading", { level: 1, name: "Curso de redes" }).waitFor();
    // The button's colour eases into the accent (a CSS transition): wait for its end.
    await page.waitForFunction(() => getComputedStyle(document.querySelector(".intro__start")).backgroundColor === "rgb(128, 208, 255)", null, { timeout: 5000 });
    const look = await page.evaluate(() => {
      const button = document.querySelector(".intro__start");
      return [
        document.documentElement.className,
        getComputedStyle(button).backgroundColor,
        getComputedStyle(document.querySelector(".perfil__brand")).display,
      ];
    });
    assert.deepEqual(look, ["pcm-theme-dark pcm-embed", "rgb(128, 208, 255)", "none"]);
    assert.match(await page.locator(".version-choice__fixed").textContent(), new RegExp(es.version_full));
    assert.equal(await sideways(), 0, "the intro scrolls sideways at 280 px");
    await page.getByRole("button", { name: es.intro_start }).click();
    await page.getByText(fill(es.question_progress, { n: 1, total: FULL }), { exact: true }).waitFor();
    assert.equal(await sideways(), 0, "a question scrolls sideways at 280 px");
    // The last question, a scenario.
    await page.goto(`${app.server.url}?embed=1&mode=full#/full/${FULL}`);
    await page.getByText(fill(es.question_progress, { n: FULL, total: FULL }), { exact: true }).waitFor();
    assert.equal(await sideways(), 0, "a scenario scrolls sideways at 280 px");
    await screenshot(page, "embed-scenario-280");
    await page.context().close();
  });
});
