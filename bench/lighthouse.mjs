// Lighthouse (npm, pinned in bench/peer/package-lock.json) on the release in dist/, served by
// scripts/serve.py on loopback, in Debian's Chromium through chrome-launcher, with Lighthouse's
// default settings: the mobile preset (emulated phone, simulated slow 4G and 4x CPU slowdown).
// Prints the four category scores and five metrics. Run by scripts/bench.sh; not a test.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { ROOT, startServer } from "../tests/e2e/harness.mjs";

const modules = join(ROOT, "bench", "peer", "node_modules");
const { default: lighthouse } = await import(pathToFileURL(join(modules, "lighthouse", "core", "index.js")));
const chromeLauncher = await import(pathToFileURL(join(modules, "chrome-launcher", "dist", "index.js")));
const { version } = (await import(pathToFileURL(join(modules, "lighthouse", "package.json")), { with: { type: "json" } })).default;

const chromePath = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => p && existsSync(p));
if (!chromePath) throw new Error("Chromium not found: scripts/bench.sh installs it");

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    // The machine's network is closed: keep Chromium from trying to phone home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const result = await lighthouse(server.url, { port: chrome.port, output: "json", logLevel: "error" });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id) => (lhr.categories[id]?.score === null || lhr.categories[id] === undefined ? "—" : Math.round(lhr.categories[id].score * 100));
  const metric = (id) => lhr.audits[id]?.displayValue ?? "—";
  console.log(`\nLighthouse ${version} (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling), ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "Chromium"}`);
  console.log("\n| Performance | Accessibility | Best Practices | SEO | FCP | LCP | TBT | CLS | Speed Index |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  console.log(
    `| ${score("performance")} | ${score("accessibility")} | ${score("best-practices")} | ${score("seo")} | ` +
      `${metric("first-contentful-paint")} | ${metric("largest-contentful-paint")} | ${metric("total-blocking-time")} | ` +
      `${metric("cumulative-layout-shift")} | ${metric("speed-index")} |`,
  );
  // Which element Lighthouse took as the largest paint, and where its time went (Lighthouse 13
  // reports it in the lcp-breakdown insight: a table of subparts, then the element).
  const breakdown = lhr.audits["lcp-breakdown-insight"]?.details?.items ?? [];
  const element = breakdown.find((item) => item.type === "node");
  const subparts = breakdown.find((item) => item.type === "table")?.items ?? [];
  if (element) console.log(`\nLCP element: ${element.selector} (${element.path})`);
  if (subparts.length) console.log(`LCP observed, unthrottled: ${subparts.map((p) => `${p.label} ${Math.round(p.duration)} ms`).join(", ")}`);
  for (const warning of lhr.runWarnings ?? []) console.log(`warning: ${warning}`);
} finally {
  await chrome.kill();
  server.close();
}
