// Perfil CM embed loader. Turns each <div data-perfil-cm data-lang="es" …> of the page into an
// iframe of the app, served next to this file, and keeps the frame as tall as its content.
// Options (data-lang, data-mode, data-theme, data-accent, data-title) become the app's URL
// options; data-target, a recruiter's target profile, becomes its #t= fragment. The app checks
// every value. The only message it sends is its height; answers never leave the frame.
(() => {
  const app = new URL("./", document.currentScript.src);
  const frames = new Map();

  function mount(holder) {
    if (holder.querySelector("iframe")) return;
    const query = new URLSearchParams({ embed: "1" });
    for (const name of ["lang", "mode", "theme", "accent", "title"]) {
      const value = holder.getAttribute("data-" + name);
      if (value) query.set(name, value);
    }
    const target = holder.getAttribute("data-target");
    const frame = document.createElement("iframe");
    frame.src = app.href + "?" + query + (target ? "#t=" + encodeURIComponent(target) : "");
    frame.title = holder.getAttribute("data-title") || "Perfil CM";
    frame.loading = "lazy";
    // "Copy link" needs the clipboard; no sandbox attribute, so downloads work.
    frame.allow = "clipboard-write";
    // Inline styles win over the host's own rules for iframes.
    Object.assign(frame.style, { display: "block", width: "100%", height: "40rem", border: "0", padding: "0", background: "transparent" });
    holder.replaceChildren(frame);
    frames.set(frame.contentWindow, frame);
  }

  addEventListener("message", (event) => {
    const frame = frames.get(event.source);
    const data = event.data;
    // Only from one of our frames, showing the app's own origin.
    if (!frame || event.origin !== app.origin || !data || data.type !== "perfil-cm:height") return;
    const height = Math.ceil(data.height);
    if (height > 0 && height < 100000) frame.style.height = height + "px";
  });

  const start = () => document.querySelectorAll("[data-perfil-cm]").forEach(mount);
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", start);
  else start();
})();
