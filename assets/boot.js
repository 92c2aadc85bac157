// Starts Perfil CM without any inline script, so that the page runs under
// `script-src 'self' 'wasm-unsafe-eval'`. Trunk writes the hashed file names of the
// wasm-bindgen glue and the wasm module into this tag's data attributes (Trunk.toml).
const tag = document.querySelector("script[data-perfil-cm-js]");
const root = document.getElementById("perfil-cm");
// The intro in every language, as index.html holds it: one <template> per language, written at
// build time from the content (build/prerender.rs); each names its language and its texts file.
const templates = root ? [...root.querySelectorAll(":scope > template[data-prerender]")] : [];
const codes = templates.map((template) => template.dataset.prerender);

const painted = showIntro();

try {
  const { default: init } = await import(tag.dataset.perfilCmJs);
  if (painted) {
    // The wasm (which index.html does not preload, scripts/prerender.mjs) and the words of the
    // intro's language are asked for once the painted intro is on the screen. Before it, their
    // downloads only compete with the first paint; and an app that takes over before the
    // painted frame has been presented has the browser date the page's largest paint to the
    // app's identical frame (Chromium, measured: 40 ms later at full speed, 200 ms at 4x CPU).
    await shown();
    preloadTexts(document.documentElement.lang);
  }
  await init({ module_or_path: tag.dataset.perfilCmWasm });
} catch (error) {
  // Never leave a blank page: say what happened in both languages.
  if (root) {
    root.replaceChildren();
    for (const [lang, text] of [
      ["es", "No se ha podido iniciar Perfil CM en este navegador. Prueba a recargar la página o usa un navegador actualizado."],
      ["en", "Perfil CM could not start in this browser. Try reloading the page or use an up-to-date browser."],
    ]) {
      const p = document.createElement("p");
      p.lang = lang;
      p.className = "perfil-root__failure";
      p.textContent = text;
      root.append(p);
    }
  }
  console.error("Perfil CM failed to start:", error);
}

// Paints the intro before the wasm runs, in the language the app will start in, and returns true;
// else asks at once for the words of that language and returns false. It paints only for a
// plain visit, where the app is sure to show exactly this screen: no
// address fragment (a question, a link, the builder), no answers in progress, and no option but
// the ones applied here the way the app applies them (src/options.rs). The app
// renders the same screen hidden and swaps it in (src/platform/prerender.rs, take_over);
// what was chosen meanwhile (version, "remember", language) is read from this copy, and a Start
// pressed early is marked on the root for the app to carry out.
function showIntro() {
  if (templates.length === 0) return false;
  const options = new URLSearchParams(location.search);
  const title = (options.get("title") ?? "").trim();
  const primary = (language) => language.trim().split(/[-_]/)[0].toLowerCase();

  // Answers in progress (src/platform/storage.rs, KEY; this tab's first, as the app reads them).
  // Storage may be refused (a sandboxed frame): then nothing is stored either.
  let stored = null;
  try {
    stored = sessionStorage.getItem("perfil-cm/progress") ?? localStorage.getItem("perfil-cm/progress");
  } catch {
    // Nothing stored can be read, so the first-visit intro is the right one.
  }
  // The app starts in this language, as src/state.rs negotiates it: ?lang=, then the language of
  // the answers in progress, then the browser's languages, then the first. So its words are
  // asked for early, at any address (a question's, a shared result's). Of the record only its
  // language is read here, for this early request (src/progress.rs: `pcm2:<locale>:…`); the app
  // alone reads the record.
  const recorded = /^pcm2:([a-z]+):/.exec(stored ?? "")?.[1] ?? "";
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language ?? ""];
  const code = [options.get("lang") ?? "", recorded, ...browser].map(primary).find((language) => codes.includes(language)) ?? codes[0];
  // The app draws the first screen itself. With an address fragment or answers in progress, it
  // first waits for the wasm's second part (src/lib.rs, start), which it fetches once the first
  // part runs: asked for now, both parts come down together instead of one after the other.
  const appDraws = (needsRest) => {
    preloadTexts(code);
    if (needsRest) for (const file of [tag.dataset.perfilCmRest, tag.dataset.perfilCmLaterCss]) preload(file);
    return false;
  };

  // Answers in progress change the intro ("Continuar", a notice): the app draws that one.
  if (stored) return appDraws(true);

  if (location.hash.length > 1) return appDraws(true);
  const fits = {
    // An unknown language gets a notice from the app, which this copy does not have.
    lang: (value) => codes.includes(primary(value)),
    theme: (value) => ["light", "dark", "auto"].includes(value),
    embed: (value) => value === "0" || value === "1",
    title: () => [...title].length <= 80 && !/\p{Cc}/u.test(title),
  };
  for (const [name, value] of options) {
    if (!fits[name]?.(value)) return appDraws(false);
  }

  const html = document.documentElement;
  const theme = options.get("theme");
  html.classList.toggle("pcm-theme-light", theme === "light");
  html.classList.toggle("pcm-theme-dark", theme === "dark");
  html.classList.toggle("pcm-embed", options.get("embed") === "1" || window.self !== window.top);
  html.lang = code;

  let intro = copyOf(code);
  root.prepend(intro);
  return true;

  function copyOf(language) {
    const copy = document.createElement("div");
    copy.className = "perfil-root__prerender";
    copy.append(templates[codes.indexOf(language)].content.cloneNode(true));
    if (title) copy.querySelector(".intro__title").textContent = title;
    copy.addEventListener("click", (event) => {
      const start = event.target.closest(".intro__start");
      const other = event.target.closest(".lang-switch__option:not(.lang-switch__option--current)");
      if (start) {
        root.dataset.earlyStart = "";
        start.setAttribute("aria-busy", "true");
      } else if (other) {
        // Switch at once, keeping what was chosen; the app, when it runs, starts in it.
        root.dataset.earlyLocale = other.lang;
        preloadTexts(other.lang);
        html.lang = other.lang;
        const next = copyOf(other.lang);
        // Every language's copy has the same inputs in the same order.
        const inputs = next.querySelectorAll("input");
        intro.querySelectorAll("input").forEach((input, i) => (inputs[i].checked = input.checked));
        intro.replaceWith(next);
        intro = next;
        next.querySelector(`.lang-switch__option[lang="${other.lang}"]`).focus();
      }
    });
    return copy;
  }
}

// The words of a language, which the wasm does not carry (the template names their file): asked
// for beside the wasm, so that the app finds them in the cache instead of waiting a round trip
// more once it runs (src/platform/texts.rs fetches the same URL, in the same mode).
function preloadTexts(language) {
  preload(templates[codes.indexOf(language)]?.dataset.texts);
}

// Asks, once, for a file that the app will fetch: `crossorigin` gives this request the mode and
// credentials of the app's fetch(), so that the app's request finds it instead of asking again.
function preload(file) {
  if (!file || document.head.querySelector(`link[rel="preload"][href="${file}"]`)) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = file;
  document.head.append(link);
}

// Resolves once the painted intro has reached the screen (the page's first contentful paint),
// or after 300 ms in a browser that does not report paints, or in a tab not shown.
function shown() {
  return new Promise((resolve) => {
    const check = () => performance.getEntriesByName("first-contentful-paint").length && resolve();
    try {
      new PerformanceObserver(check).observe({ entryTypes: ["paint"] });
    } catch {
      // A browser that cannot watch paints: the timer below goes on.
    }
    check();
    setTimeout(resolve, 300);
  });
}
