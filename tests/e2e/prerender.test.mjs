// The intro painted from the HTML before the wasm arrives (issue 12): in the language the app
// will pick, identical to the app's own intro so that the takeover moves nothing, and without
// losing what was done on it before the app could run. The wasm response is held back by the
// test, so "before the app runs" is a state the test controls, not a race.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { APP_SCREEN, axeViolations, checkedChoice, fill, openApp, openAppHeld, problemsOf, screenshot, uiStrings, useApp } from "./harness.mjs";

const es = uiStrings("es");
const en = uiStrings("en");
const COPY = ".perfil-root__prerender";

/** Opens the page with the wasm held back until `release()` is called. */
const openHeld = (app, options = {}) => openAppHeld(app.browser, app.server.url, options);

/**
 * The requests for the wasm's second part that `page` makes from now on, by type: taking over
 * what was done on the copy must not need it (a stub would load it synchronously, "xhr"), so
 * tools/wasm-split must keep that code in the first part (scripts/split_profile.mjs walks it).
 */
function restRequests(page) {
  const types = [];
  page.on("request", (request) => {
    if (/_rest\.wasm$/.test(request.url())) types.push(request.resourceType());
  });
  return types;
}

/** The element tree under `selector`, as tag, attributes and own text, for comparing two
 * renderings of one screen. Yew sets `checked` as a property, the HTML as an attribute: the
 * property is what both have, so that is what is compared. */
function treeOf(page, selector) {
  return page.evaluate((selector) => {
    const walk = (element) => ({
      tag: element.tagName.toLowerCase(),
      attributes: [...element.attributes]
        .filter((a) => a.name !== "checked" && a.name !== "aria-busy")
        .map((a) => `${a.name}=${a.value}`)
        .sort(),
      checked: element.checked ?? null,
      text: [...element.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join(""),
      children: [...element.children].map(walk),
    });
    return walk(document.querySelector(selector));
  }, selector);
}

/** Where every element of the screen is drawn, rounded to the pixel. */
function boxesOf(page, selector) {
  return page.evaluate((selector) =>
    [...document.querySelector(selector).querySelectorAll("*")].map((element) => {
      const box = element.getBoundingClientRect();
      return `${element.tagName} ${element.className?.baseVal ?? element.className} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
    }), selector);
}

describe("the intro painted before the wasm", () => {
  const app = useApp();

  for (const [locale, ui, code] of [["es-ES", es, "es"], ["en-US", en, "en"]]) {
    test(`shows in the app's language (${code}) while the wasm is still on its way, accessible and without errors`, async () => {
      const { page, release } = await openHeld(app, { locale });
      const title = page.locator(`${COPY} h1`);
      await title.waitFor();
      assert.equal(await title.textContent(), ui.intro_title);
      assert.equal(await page.evaluate(() => document.documentElement.lang), code);
      assert.equal(await page.locator(APP_SCREEN).count(), 0, "the app has not run");
      assert.equal(await page.locator(".perfil-root__waiting").isVisible(), false);
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `prerender-${code}-375`);
      release();
      await page.locator(APP_SCREEN).waitFor();
      assert.equal(await page.locator(COPY).count(), 0, "the copy is gone");
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    });
  }

  for (const width of [375, 1280]) {
    test(`is the app's own intro, element for element and pixel for pixel, so the takeover moves nothing (${width} px)`, async () => {
      for (const locale of ["es-ES", "en-US"]) {
        const { page, release } = await openHeld(app, { locale, width });
        await page.locator(`${COPY} h1`).waitFor();
        await page.evaluate(() => {
          window.__shift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__shift += entry.value;
          }).observe({ type: "layout-shift", buffered: true });
        });
        const painted = await treeOf(page, `${COPY} .perfil`);
        const paintedBoxes = await boxesOf(page, `${COPY} .perfil`);
        release();
        await page.locator(APP_SCREEN).waitFor();
        assert.deepEqual(await treeOf(page, APP_SCREEN), painted, `${locale}: the DOM differs`);
        assert.deepEqual(await boxesOf(page, APP_SCREEN), paintedBoxes, `${locale}: something moved`);
        assert.equal(await page.evaluate(() => window.__shift), 0, `${locale}: layout shift`);
        if (width === 1280 && locale === "es-ES") await screenshot(page, "prerender-taken-over-es-1280");
        assert.deepEqual(await problemsOf(page), []);
        await page.context().close();
      }
    });
  }

  test("asks for the wasm once the painted intro is on the screen, so the page's largest paint is the painted intro", async () => {
    // Not held back: the order of a real load is what is checked. Before, the wasm's preload
    // ended before the first paint, and the app, taking over before the painted frame had been
    // presented, made Chromium date the largest paint to the app's own frame, 40 ms later.
    for (const locale of ["es-ES", "en-US"]) {
      const page = await openApp(app.browser, app.server.url, { locale });
      const times = await page.evaluate(
        () =>
          new Promise((resolve) => {
            new PerformanceObserver((list) => {
              const resource = (suffix) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(suffix));
              resolve({
                paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
                largest: list.getEntries().at(-1)?.startTime,
                wasm: resource("_bg.wasm")?.startTime,
                texts: resource(".txt")?.startTime ?? null,
              });
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      assert.ok(times.paint > 0, `${locale}: a first contentful paint`);
      assert.ok(times.wasm >= times.paint, `${locale}: the wasm was asked for at ${times.wasm} ms, before the paint at ${times.paint}`);
      assert.equal(Math.round(times.largest), Math.round(times.paint), `${locale}: the largest paint is not the painted intro's`);
      if (locale === "en-US") assert.ok(times.texts >= times.paint, `en-US: the English words were asked for at ${times.texts} ms`);
      assert.deepEqual(await problemsOf(page), []);
      await page.context().close();
    }
  });

  test("starts the app in a browser that reports no paints, after a short wait", async () => {
    const page = await openApp(app.browser, app.server.url, {
      ready: "page",
      beforeGoto: (page) =>
        page.addInitScript(() => {
          // An engine without paint timing: observing paints throws, and none is ever reported.
          window.PerformanceObserver = class {
            observe() {
              throw new TypeError("paint entries are not supported");
            }
          };
          const entries = performance.getEntriesByName.bind(performance);
          performance.getEntriesByName = (name, type) => (name === "first-contentful-paint" ? [] : entries(name, type));
        }),
    });
    // Without the timer, it would wait for ever; without the catch, it would show its failure.
    await page.locator(APP_SCREEN).getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    assert.equal(await page.locator(COPY).count(), 0);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("a Start pressed before the app runs starts as soon as it does, with the version and the opt-in chosen", async () => {
    const { page, release } = await openHeld(app);
    const rest = restRequests(page);
    await page.locator(`${COPY} h1`).waitFor();
    await page.locator(`${COPY} input[value="full"]`).check();
    await page.locator(`${COPY} .data-controls__checkbox`).check();
    await page.locator(`${COPY} .intro__start`).click();
    assert.equal(await page.locator(`${COPY} .intro__start`).getAttribute("aria-busy"), "true");
    release();
    const total = 52 + 12;
    await page.getByText(fill(es.question_progress, { n: 1, total }), { exact: true }).waitFor();
    assert.equal(await page.locator(COPY).count(), 0);
    assert.deepEqual(rest, [], "the takeover, with the focus on the copy's Start, needs only the first part");
    assert.match(await page.evaluate(() => location.hash), /^#\/full\/1$/);
    const remembered = await page.evaluate(() => localStorage.getItem("perfil-cm/progress"));
    assert.match(remembered ?? "", /^pcm2:es:1:f:/, "the opt-in was kept");
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("a language chosen before the app runs switches at once and is the app's language", async () => {
    const { page, release } = await openHeld(app, { locale: "es-ES" });
    const rest = restRequests(page);
    await page.locator(`${COPY} h1`).waitFor();
    await page.locator(`${COPY} input[value="full"]`).check();
    await page.locator(`${COPY} .lang-switch__option[lang="en"]`).click();
    assert.equal(await page.locator(`${COPY} h1`).textContent(), en.intro_title);
    assert.equal(await page.locator(`${COPY} input[value="full"]`).isChecked(), true, "the choice is kept");
    release();
    await page.locator(APP_SCREEN).waitFor();
    assert.equal(await page.locator(`${APP_SCREEN} h1`).textContent(), en.intro_title);
    assert.equal(await page.locator(`${APP_SCREEN} input[value="full"]`).isChecked(), true);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    // Focus stays on the language switch, where the keyboard left it.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("lang")), "en");
    assert.deepEqual(rest, [], "the takeover, with the focus on the copy's switch, needs only the first part");
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("a host's title and theme show on the painted intro as the app shows them", async () => {
    const path = "?lang=en&theme=dark&embed=1&title=" + encodeURIComponent("Join our team");
    const { page, release } = await openHeld(app, { path });
    await page.locator(`${COPY} h1`).waitFor();
    assert.equal(await page.locator(`${COPY} h1`).textContent(), "Join our team");
    const painted = await treeOf(page, `${COPY} .perfil`);
    const paintedBoxes = await boxesOf(page, `${COPY} .perfil`);
    const look = () => page.evaluate(() => document.documentElement.className);
    const paintedLook = await look();
    assert.match(paintedLook, /pcm-theme-dark/);
    release();
    await page.locator(APP_SCREEN).waitFor();
    assert.deepEqual(await treeOf(page, APP_SCREEN), painted);
    assert.deepEqual(await boxesOf(page, APP_SCREEN), paintedBoxes);
    assert.equal(await look(), paintedLook);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("is not painted for a visitor with answers in progress", async () => {
    const page = await openApp(app.browser, app.server.url);
    await page.locator(`${APP_SCREEN} .intro__start`).click();
    await page.getByText(fill(es.question_progress, { n: 1, total: 26 }), { exact: true }).waitFor();
    await page.keyboard.press("4");
    await checkedChoice(page, "4", "the answer is drawn");
    let release;
    const released = new Promise((resolve) => (release = resolve));
    await page.route("**/*_bg.wasm", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(app.server.url, { waitUntil: "domcontentloaded" });
    await page.locator(".perfil-root__waiting").waitFor({ state: "attached" });
    assert.equal(await page.locator(COPY).count(), 0);
    release();
    await page.locator(APP_SCREEN).waitFor();
    assert.equal(await page.locator(`${APP_SCREEN} .intro__start`).textContent(), es.intro_continue);
    await page.context().close();
  });

  for (const path of ["#/quick/3", "#/recruiter", "?mode=full", "?accent=%23005a9c", "?title=%00", "?lang=xx"]) {
    test(`is not painted when the app may show something else (${path})`, async () => {
      const { page, release } = await openHeld(app, { path });
      await page.locator(".perfil-root__waiting").waitFor({ state: "attached" });
      assert.equal(await page.locator(COPY).count(), 0);
      release();
      await page.locator(APP_SCREEN).waitFor();
      await page.context().close();
    });
  }
});
