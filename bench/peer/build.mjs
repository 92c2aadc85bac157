// Builds the peer for bench/peer.mjs into bench/peer/dist/: the same quick job as Perfil CM (a
// Start button, the quick version's statements in Spanish, one per page, then a radar of the 13 scores),
// made the usual way with SurveyJS (survey-core + survey-js-ui) and Chart.js, from the pinned
// packages in bench/peer/node_modules (scripts/lib/tools.sh ensure_bench_peer). Their minified
// files are copied next to the page: no CDN. Nothing here is shipped.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const OUT = join(HERE, "dist");
const modules = join(HERE, "node_modules");

/** The tables of a flat TOML file as { "item.pasion-1": { text: "..." } } (strings and booleans only). */
function tables(path) {
  const out = {};
  const items = [];
  let current = null;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    let m;
    if ((m = /^\[\[([a-z]+)\]\]\s*$/.exec(line))) items.push((current = { kind: m[1] }));
    else if ((m = /^\[([^\]]+)\]\s*$/.exec(line))) out[m[1]] = current = {};
    else if (current && (m = /^([a-z_]+)\s*=\s*(".*"|true|false|\[.*\])\s*$/.exec(line))) current[m[1]] = JSON.parse(m[2]);
  }
  return { out, items };
}

const model = tables(join(ROOT, "content", "model.toml")).items;
const text = tables(join(ROOT, "content", "es", "text.toml")).out;
const quick = model.filter((i) => i.kind === "item" && i.quick === true);
// The same job as ours: every statement of the quick version (26 since content version 2: each
// quality's statement and its opposite), scored with the same keying.
if (quick.length === 0) throw new Error("no quick items in content/model.toml");
const labels = text.scale.labels;
const ui = Object.fromEntries(
  [...readFileSync(join(ROOT, "content", "es", "ui.toml"), "utf8").matchAll(/^([a-z_]+)\s*=\s*(".*")\s*$/gm)].map((m) => [m[1], JSON.parse(m[2])]),
);
const statements = quick.map((i) => ({
  id: i.id,
  reverse: i.reverse,
  quality: text[`quality.${i.quality}`].label,
  text: text[`item.${i.id}`].text,
}));

const files = {
  "survey-core.fontless.min.css": join(modules, "survey-core", "survey-core.fontless.min.css"),
  "survey.core.min.js": join(modules, "survey-core", "survey.core.min.js"),
  "spanish.min.js": join(modules, "survey-core", "i18n", "spanish.min.js"),
  "survey-js-ui.min.js": join(modules, "survey-js-ui", "survey-js-ui.min.js"),
  "chart.umd.min.js": join(modules, "chart.js", "dist", "chart.umd.min.js"),
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [name, from] of Object.entries(files)) copyFileSync(from, join(OUT, name));

const survey = {
  locale: "es",
  showQuestionNumbers: "off",
  showProgressBar: true,
  progressBarType: "pages",
  autoAdvanceEnabled: true,
  autoAdvanceAllowComplete: true,
  pages: statements.map((s, n) => ({
    name: `p${n + 1}`,
    elements: [{
      type: "radiogroup",
      name: s.id,
      title: s.text,
      choices: labels.map((label, v) => ({ value: v + 1, text: label })),
    }],
  })),
};

writeFileSync(join(OUT, "data.js"), `window.PEER = ${JSON.stringify({ survey, statements })};\n`);
writeFileSync(join(OUT, "app.js"), `// The peer's own code: Start, the survey, the radar.
const { survey: json, statements } = window.PEER;
const start = document.getElementById("start");
start.addEventListener("click", () => {
  document.getElementById("intro").hidden = true;
  const model = new Survey.Model(json);
  model.onComplete.add((sender) => {
    window.__peerCompleted = performance.now();
    const scores = statements.map((s) => {
      const v = sender.data[s.id];
      return ((s.reverse ? 6 - v : v) - 1) * 25;
    });
    const results = document.getElementById("results");
    results.hidden = false;
    new Chart(document.getElementById("radar"), {
      type: "radar",
      data: { labels: statements.map((s) => s.quality), datasets: [{ label: ${JSON.stringify(ui.results_title)}, data: scores }] },
      options: { animation: false, scales: { r: { min: 0, max: 100 } } },
    });
    document.getElementById("results-title").textContent = ${JSON.stringify(ui.results_title)};
    window.__peerResults = performance.now();
  });
  SurveyUI.renderSurvey(model, document.getElementById("survey"));
});
start.disabled = false;
`);
writeFileSync(join(OUT, "index.html"), `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Perfil CM (peer: SurveyJS + Chart.js)</title>
<link rel="stylesheet" href="/survey-core.fontless.min.css">
<link rel="stylesheet" href="/peer.css">
<script defer src="/survey.core.min.js"></script>
<script defer src="/spanish.min.js"></script>
<script defer src="/survey-js-ui.min.js"></script>
<script defer src="/chart.umd.min.js"></script>
<script defer src="/data.js"></script>
<script defer src="/app.js"></script>
</head>
<body>
<main>
<section id="intro">
<h1 id="intro-title">${ui.intro_title}</h1>
<p>Responde a ${quick.length} afirmaciones y obtén tu perfil en las 13 cualidades.</p>
<button id="start" type="button" disabled>${ui.intro_start}</button>
</section>
<div id="survey"></div>
<section id="results" hidden>
<h1 id="results-title"></h1>
<canvas id="radar" width="360" height="360"></canvas>
</section>
</main>
</body>
</html>
`);
writeFileSync(join(OUT, "peer.css"), "body{font-family:system-ui,sans-serif;margin:0}main{max-width:40rem;margin:0 auto;padding:1rem}#start{font-size:1.25rem;padding:.75rem 1.5rem}\n");
console.log(`peer built in ${OUT}`);
