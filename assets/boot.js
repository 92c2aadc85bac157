// Starts Perfil CM without any inline script, so that the page runs under
// `script-src 'self' 'wasm-unsafe-eval'`. Trunk writes the hashed file names of the
// wasm-bindgen glue and the wasm module into this tag's data attributes (Trunk.toml).
const tag = document.querySelector("script[data-perfil-cm-js]");

try {
  const { default: init } = await import(tag.dataset.perfilCmJs);
  await init({ module_or_path: tag.dataset.perfilCmWasm });
} catch (error) {
  // Never leave a blank page: say what happened in both languages.
  const root = document.getElementById("perfil-cm");
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
