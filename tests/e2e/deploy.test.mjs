// Deployment: the policy of scripts/csp.txt is the one in index.html's meta tag and in the deploy/
// configurations, and the release build served by a real nginx with deploy/nginx.conf sends the
// security headers, caches and compresses as deploy/README.md says, and runs in Chromium.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import {
  answerByKeyboard,
  APP_SCREEN,
  CSP,
  errorsOf,
  fill,
  gotoApp,
  openApp,
  problemsOf,
  QUICK,
  resultsShown,
  ROOT,
  sandboxedHost,
  startServer,
  tabTo,
  uiStrings,
  useApp,
} from "./harness.mjs";

const es = uiStrings("es");
const DIST = join(ROOT, "dist");
const NGINX_CONF = join(ROOT, "deploy", "nginx.conf");
/** The brotli filter (compresses on the fly) and static (sends x.br) modules. */
const BROTLI_MODULES = ["filter", "static"].map((kind) => `/usr/lib/nginx/modules/ngx_http_brotli_${kind}_module.so`);
/** What scripts/precompress.mjs gives a .br and a .gz copy. */
const COMPRESSIBLE = /\.(html|css|js|mjs|wasm|svg|json|txt|xml|map)$/i;
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The headers every response carries, whoever serves it. */
const SECURITY = [
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "access-control-allow-origin",
];

/** The policy a meta tag can carry: the header's without frame-ancestors, which a meta ignores. */
function metaPolicy(csp) {
  return csp
    .split(";")
    .map((directive) => directive.trim())
    .filter((directive) => directive && !/^frame-ancestors\b/i.test(directive))
    .join("; ");
}

/** The content of the Content-Security-Policy meta tag in an html text, attributes in any order and quoted or not. */
function metaCsp(html) {
  const tags = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi) ?? [];
  assert.equal(tags.length, 1, "exactly one Content-Security-Policy meta tag");
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tags[0]);
  return { tag: tags[0], content: content[1] ?? content[2] ?? content[3] };
}

/** The headers of the `/*` rule of deploy/_headers, names in lower case. */
function netlifyHeaders() {
  const text = readFileSync(join(ROOT, "deploy", "_headers"), "utf8");
  const rules = {};
  let path = null;
  for (const line of text.split("\n")) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      path = line.trim();
      rules[path] = {};
    } else {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line);
      rules[path][name.toLowerCase()] = value.trim();
    }
  }
  return rules;
}

/** The `add_header NAME "VALUE"` lines of deploy/nginx.conf, names in lower case. */
function nginxAddedHeaders() {
  const headers = {};
  for (const [, name, value] of readFileSync(NGINX_CONF, "utf8").matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"/gm)) {
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function nginxPath() {
  for (const path of [process.env.NGINX_PATH, "/usr/sbin/nginx"]) {
    if (path && existsSync(path)) return path;
  }
  throw new Error("nginx not found: run scripts/test.sh e2e, which installs it");
}

/**
 * Serves dist/ with Debian's nginx and deploy/nginx.conf, run as the current user from a temporary
 * prefix on a free loopback port. The server block is used as it is, with only its `listen` and
 * `root` lines replaced; the wrapper around it holds what a real nginx.conf would. Resolves to
 * { url, close } once nginx listens; close() stops it and waits for it to exit.
 */
async function startNginx() {
  const prefix = mkdtempSync(join(tmpdir(), "perfil-cm-nginx-"));
  const port = await freePort();
  const original = readFileSync(NGINX_CONF, "utf8");
  const listen = /^([ \t]*)listen[ \t][^;\n]*;/gm;
  const root = /^([ \t]*)root[ \t][^;\n]*;/gm;
  assert.equal(original.match(/^server \{$/gm)?.length, 1, "deploy/nginx.conf is one server block");
  assert.ok(original.match(listen)?.length >= 1, "deploy/nginx.conf has a `listen` line");
  assert.equal(original.match(root)?.length, 1, "deploy/nginx.conf has one `root` line");
  const block = original
    .replace(listen, "")
    .replace(/^server \{$/m, `server {\n    listen 127.0.0.1:${port};`)
    .replace(root, `$1root ${JSON.stringify(DIST)};`);
  const config = [
    ...BROTLI_MODULES.map((module) => `load_module ${module};`),
    // As root, the workers would run as nobody, who may not read a checkout under /root.
    process.getuid?.() === 0 ? "user root root;" : "",
    "worker_processes 1;",
    "error_log stderr notice;",
    `pid ${join(prefix, "nginx.pid")};`,
    "events { worker_connections 64; }",
    "http {",
    "  include /etc/nginx/mime.types;",
    "  default_type application/octet-stream;",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${join(prefix, t)};`),
    block,
    "}",
  ].join("\n");
  const configPath = join(prefix, "nginx.conf");
  writeFileSync(configPath, config);
  const nginx = spawn(nginxPath(), ["-p", prefix, "-c", configPath, "-e", "stderr", "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  const log = [];
  try {
    await new Promise((resolve, reject) => {
      nginx.once("error", reject);
      exited.then((code) => reject(new Error(`nginx exited with ${code}:\n${log.join("\n")}`)));
      // The master binds the port before it starts its workers.
      createInterface({ input: nginx.stderr }).on("line", (line) => {
        log.push(line);
        if (/start worker process/.test(line)) resolve();
      });
    });
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: async () => {
      nginx.kill("SIGTERM");
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** A GET without any decoding: { status, headers, body } with the body as sent. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

/** The built files, by what they are. */
function builtFiles() {
  const names = readdirSync(DIST);
  const one = (pattern) => {
    const found = names.filter((n) => pattern.test(n));
    assert.equal(found.length, 1, `one file in dist/ matches ${pattern}`);
    return found[0];
  };
  // The largest stylesheet, so that it is long enough to be worth compressing.
  const css = names
    .filter((n) => /-[0-9a-f]{16}\.css$/.test(n))
    .sort((a, b) => statSync(join(DIST, b)).size - statSync(join(DIST, a)).size)[0];
  // Trunk names the Rust build's glue and wasm with their hash as plain hex, so a hash with a
  // leading zero is shorter than 16 digits (trunk 0.22 pipelines/rust/mod.rs: `{hash:x}`); other
  // assets get 16, zero-padded (pipelines/mod.rs: `{:0>16x}`).
  return {
    js: one(/^perfil-cm-[0-9a-f]{1,16}\.js$/),
    wasm: one(/^perfil-cm-[0-9a-f]{1,16}_bg\.wasm$/),
    // The wasm's second part (scripts/split.mjs), named after the first.
    rest: one(/^perfil-cm-[0-9a-f]{1,16}_rest\.wasm$/),
    css,
    // build.rs's, named by a hash of its content (FNV-1a, 16 digits).
    texts: one(/^texts-en-[0-9a-f]{16}\.txt$/),
    later: one(/^texts-en-later-[0-9a-f]{16}\.txt$/),
  };
}

describe("deploy: one policy", () => {
  test("metaPolicy keeps every directive but frame-ancestors", () => {
    assert.equal(metaPolicy("default-src 'none'; frame-ancestors 'self'; img-src 'self'"), "default-src 'none'; img-src 'self'");
    assert.equal(metaPolicy(CSP), CSP.replace(/\s*;\s*/g, "; "));
  });

  test("index.html carries the policy of scripts/csp.txt in a meta tag before any resource, and so does the build", () => {
    for (const file of [join(ROOT, "index.html"), join(DIST, "index.html")]) {
      const html = readFileSync(file, "utf8");
      const { tag, content } = metaCsp(html);
      assert.equal(content, metaPolicy(CSP), file);
      const head = html.slice(0, html.indexOf(tag));
      assert.doesNotMatch(head, /<(link|script|style|img)\b/i, `${file}: nothing is loaded before the policy`);
    }
  });

  test("deploy/_headers and deploy/nginx.conf send the policy of scripts/csp.txt and the same security headers", () => {
    const rules = netlifyHeaders();
    const nginx = nginxAddedHeaders();
    assert.equal(rules["/*"]["content-security-policy"], CSP);
    assert.equal(nginx["content-security-policy"], CSP);
    for (const name of SECURITY) assert.equal(rules["/*"][name], nginx[name], name);
    for (const headers of [rules["/*"], nginx]) {
      assert.equal(headers["x-frame-options"], undefined, "the app may be framed");
      assert.doesNotMatch(headers["content-security-policy"], /frame-ancestors/);
    }
    assert.equal(rules["/boot.js"]["cache-control"], "no-cache");
    assert.equal(rules["/index.html"]["cache-control"], "no-cache");
    assert.equal(rules["/perfil-cm-*"]["cache-control"], IMMUTABLE);
  });
});

describe("deploy: the precompressed build, served by scripts/serve.py", () => {
  const files = builtFiles();

  test("every text file and the wasm of dist/ has a .br and a .gz copy that decode to it", () => {
    const names = readdirSync(DIST).filter((n) => !n.startsWith(".") && COMPRESSIBLE.test(n));
    for (const wanted of ["index.html", "boot.js", "embed.js", files.js, files.wasm, files.rest, files.css, files.texts, files.later]) {
      assert.ok(names.includes(wanted), wanted);
    }
    for (const name of names) {
      const original = readFileSync(join(DIST, name));
      assert.deepEqual(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))), original, `${name}.br`);
      assert.deepEqual(gunzipSync(readFileSync(join(DIST, `${name}.gz`))), original, `${name}.gz`);
    }
  });

  test("sends x.br for br, else x.gz for gzip, else x, with the original's type, Vary, and the cache rule", async () => {
    const local = await startServer();
    try {
      const expected = [
        ["", "index.html", /^text\/html\b/, "no-cache"],
        ["index.html", "index.html", /^text\/html\b/, "no-cache"],
        ["boot.js", "boot.js", /^text\/javascript\b/, "no-cache"],
        ["embed.js", "embed.js", /^text\/javascript\b/, "no-cache"],
        [files.js, files.js, /^text\/javascript\b/, IMMUTABLE],
        [files.wasm, files.wasm, /^application\/wasm$/, IMMUTABLE],
        [files.rest, files.rest, /^application\/wasm$/, IMMUTABLE],
        [files.css, files.css, /^text\/css\b/, IMMUTABLE],
        [files.texts, files.texts, /^text\/plain; charset=utf-8$/, IMMUTABLE],
        [files.later, files.later, /^text\/plain; charset=utf-8$/, IMMUTABLE],
      ];
      for (const [path, file, type, cache] of expected) {
        for (const [accept, suffix, encoding] of [
          ["gzip, deflate, br", ".br", "br"],
          ["gzip, deflate", ".gz", "gzip"],
          ["br;q=0, gzip", ".gz", "gzip"],
          ["", "", undefined],
        ]) {
          const what = `/${path} with Accept-Encoding "${accept}"`;
          const { status, headers, body } = await get(local.url + path, accept ? { "Accept-Encoding": accept } : {});
          assert.equal(status, 200, what);
          assert.deepEqual(body, readFileSync(join(DIST, file + suffix)), what);
          assert.equal(headers["content-encoding"], encoding, what);
          assert.equal(headers["content-length"], String(body.length), what);
          assert.match(headers.vary ?? "", /Accept-Encoding/i, what);
          assert.match(headers["content-type"], type, what);
          assert.equal(headers["cache-control"], cache, what);
          assert.equal(headers["content-security-policy"], CSP, what);
        }
      }
      const missing = await get(`${local.url}not-there`, { "Accept-Encoding": "br" });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers["content-encoding"], undefined);
    } finally {
      local.close();
    }
  });
});

describe("deploy: nginx with deploy/nginx.conf", () => {
  const app = useApp(startNginx);
  const files = builtFiles();

  test("sends the security headers of scripts/serve.py on every file, errors included", async () => {
    const local = await startServer();
    try {
      const reference = (await get(local.url)).headers;
      for (const path of ["", "index.html", "boot.js", files.js, files.wasm, files.css, files.texts, "not-there"]) {
        const { status, headers } = await get(app.server.url + path);
        assert.equal(status, path === "not-there" ? 404 : 200, path);
        for (const name of SECURITY) assert.equal(headers[name], reference[name], `${name} of /${path}`);
        assert.equal(headers["content-security-policy"], CSP);
        assert.equal(headers["access-control-allow-origin"], "*");
        assert.equal(headers["x-content-type-options"], "nosniff");
        assert.equal(headers["x-frame-options"], undefined);
      }
    } finally {
      local.close();
    }
  });

  test("serves each file with its type, and caches only the hashed ones for good", async () => {
    const expected = [
      ["", /^text\/html; charset=utf-8$/, "no-cache"],
      ["index.html", /^text\/html; charset=utf-8$/, "no-cache"],
      ["boot.js", /^(application|text)\/javascript\b/, "no-cache"],
      [files.js, /^(application|text)\/javascript\b/, IMMUTABLE],
      [files.wasm, /^application\/wasm$/, IMMUTABLE],
      [files.rest, /^application\/wasm$/, IMMUTABLE],
      [files.css, /^text\/css\b/, IMMUTABLE],
      [files.texts, /^text\/plain; charset=utf-8$/, IMMUTABLE],
      [files.later, /^text\/plain; charset=utf-8$/, IMMUTABLE],
    ];
    for (const [path, type, cache] of expected) {
      const { headers } = await get(app.server.url + path);
      assert.match(headers["content-type"], type, `content-type of /${path}`);
      assert.equal(headers["cache-control"], cache, `cache-control of /${path}`);
    }
  });

  test("compresses html, js, css and wasm with gzip and brotli, and sends them as they are when not asked to", async () => {
    for (const path of ["index.html", "boot.js", files.js, files.css, files.wasm]) {
      const original = readFileSync(join(DIST, path));
      const plain = await get(app.server.url + path);
      assert.equal(plain.headers["content-encoding"], undefined, path);
      assert.deepEqual(plain.body, original, path);
      for (const [encoding, decode] of [
        ["gzip", gunzipSync],
        ["br", brotliDecompressSync],
      ]) {
        const { headers, body } = await get(app.server.url + path, { "Accept-Encoding": encoding });
        assert.equal(headers["content-encoding"], encoding, `${encoding} of /${path}`);
        assert.match(headers.vary ?? "", /Accept-Encoding/i, path);
        assert.ok(body.length < original.length, `${encoding} of /${path}: ${body.length} < ${original.length} bytes`);
        assert.deepEqual(decode(body), original, `${encoding} of /${path}`);
      }
    }
  });

  test("a quick run with the keyboard, in Chromium, with no error, failed request or CSP violation", async () => {
    const page = await openApp(app.browser, app.server.url, { locale: "es-ES", width: 1280 });
    assert.equal(page.mainResponse.headers()["content-security-policy"], CSP);
    assert.equal(
      await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content),
      metaPolicy(CSP),
    );
    await tabTo(page, es.intro_start);
    await page.keyboard.press("Enter");
    for (let n = 1; n <= QUICK; n++) await answerByKeyboard(page, es, n, QUICK, "4");
    await page.getByText(es.review_all_answered).waitFor();
    await tabTo(page, es.see_results);
    await page.keyboard.press("Enter");
    await resultsShown(page, es.results_title);
    assert.deepEqual(await problemsOf(page), []);
    await page.context().close();
  });

  test("sends the build's precompressed copies as they are (brotli_static, gzip_static)", async () => {
    for (const path of ["index.html", "boot.js", files.js, files.css, files.wasm, files.rest, files.texts, files.later]) {
      for (const [encoding, suffix] of [
        ["br", ".br"],
        ["gzip", ".gz"],
      ]) {
        const { headers, body } = await get(app.server.url + path, { "Accept-Encoding": encoding });
        assert.equal(headers["content-encoding"], encoding, `${encoding} of /${path}`);
        // Byte for byte the file of scripts/precompress.mjs (q11, -9), not nginx's on-the-fly level 6.
        assert.deepEqual(body, readFileSync(join(DIST, path + suffix)), `${encoding} of /${path}`);
        assert.match(headers.vary ?? "", /Accept-Encoding/i, path);
      }
    }
  });

  test("the wasm reaches Chromium compressed", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const wasm = page.waitForResponse((response) => response.url().endsWith("_bg.wasm"));
    await page.goto(app.server.url);
    // Chromium asks for brotli over HTTPS only: here it gets gzip.
    assert.match((await wasm).headers()["content-encoding"] ?? "", /^(gzip|br)$/);
    await context.close();
  });

  test("in a frame sandboxed with allow-scripts only, on another origin, the app starts, in Spanish and in English", async () => {
    const host = await sandboxedHost(app.server.url);
    try {
      for (const [locale, ui] of [
        ["es-ES", es],
        ["en-US", uiStrings("en")],
      ]) {
        const context = await app.browser.newContext({ locale, viewport: { width: 420, height: 800 } });
        const page = await context.newPage();
        const errors = errorsOf(page);
        await page.goto(host.url);
        const frame = page.frameLocator("iframe");
        await frame.locator(`${APP_SCREEN} #intro-title`).waitFor();
        await frame.getByRole("heading", { level: 1, name: ui.intro_title }).waitFor();
        await frame.getByRole("button", { name: ui.intro_start }).click();
        await frame.getByText(fill(ui.question_progress, { n: 1, total: QUICK }), { exact: true }).waitFor();
        assert.deepEqual(errors, [], locale);
        await context.close();
      }
    } finally {
      host.close();
    }
  });

  test("on a host that sends no policy, the meta tag alone keeps it", async () => {
    const context = await app.browser.newContext({ locale: "es-ES" });
    // Every response loses its Content-Security-Policy header on the way to the page.
    await context.route("**/*", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["content-security-policy"];
      await route.fulfill({ response, headers });
    });
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(event.violatedDirective));
    });
    const page = await context.newPage();
    const response = await gotoApp(page, app.server.url);
    assert.equal((await response.allHeaders())["content-security-policy"], undefined);
    await page.getByRole("heading", { level: 1, name: es.intro_title }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    const ran = await page.evaluate(() => {
      const styled = document.createElement("div");
      styled.setAttribute("style", "color: red");
      document.body.append(styled);
      const script = document.createElement("script");
      script.textContent = "window.inlineScriptRan = true;";
      document.body.append(script);
      return window.inlineScriptRan === true;
    });
    assert.equal(ran, false, "an inline script is refused");
    // The violation events come a task later.
    await page.waitForFunction(
      () => ["style-src-attr", "script-src-elem"].every((d) => window.cspViolations.includes(d)),
      null,
      { timeout: 5000 },
    );
    await context.close();
  });
});
