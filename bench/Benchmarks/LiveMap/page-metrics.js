// Installed into the dashboard before its own scripts run (Playwright's init script: the page's Content-Security-Policy
// does not apply). It measures what the dispatcher lives with, and nothing of the page's own code:
// - frames: animation frames while measuring (the frame rate);
// - longTaskMs: main-thread tasks over 50 ms (the Long Tasks API), summed;
// - lags: for each technician position the hub delivered, from the ping's own fix time (stamped by the sender when it
//   sent it) to the second animation frame after the message arrived, by when the page has drawn it;
// - snapshotAt: when the first Snapshot record arrived (positions stream after it);
// - zoom: wheelZoom() times a mouse-wheel zoom from the wheel event to the end of Leaflet's zoom animation plus a frame.
(() => {
  const m = (window.__bench = { measuring: false, frames: 0, longTaskMs: 0, longTasks: 0, lags: [], snapshotAt: 0 });
  const tick = () => { if (m.measuring) m.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver(list => {
    if (!m.measuring) return;
    for (const entry of list.getEntries()) { m.longTaskMs += entry.duration; m.longTasks++; }
  }).observe({ type: "longtask" });

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (typeof event.data !== "string") return;
        const fixes = [];
        for (const record of event.data.split("\x1e")) {
          if (record.includes('"target":"Snapshot"')) { if (!m.snapshotAt) m.snapshotAt = performance.now(); continue; }
          if (!m.measuring || !record.includes('"target":"Positions"')) continue;
          for (const p of JSON.parse(record).arguments[0]) fixes.push(Date.parse(p.time));
        }
        if (fixes.length === 0) return;
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const now = Date.now();
          for (const fix of fixes) m.lags.push(now - fix);
        }));
      });
    }
  };

  m.nodes = () => document.getElementsByTagName("*").length;

  // Resolves with the milliseconds from the wheel event to the frame after Leaflet's zoom animation ended.
  m.wheelZoom = () => new Promise((resolve, reject) => {
    const pane = document.querySelector(".leaflet-map-pane");
    if (!pane) { reject(new Error("no Leaflet map on the page")); return; }
    let wheelAt = 0, animating = false;
    const finish = () => requestAnimationFrame(() => { observer.disconnect(); resolve(performance.now() - wheelAt); });
    const observer = new MutationObserver(() => {
      if (pane.classList.contains("leaflet-zoom-anim")) animating = true;
      else if (animating) finish();
    });
    observer.observe(pane, { attributes: true, attributeFilter: ["class"] });
    window.addEventListener("wheel", () => { wheelAt = performance.now(); }, { capture: true, once: true });
    setTimeout(() => { observer.disconnect(); reject(new Error(animating ? "the zoom did not finish in 60 s" : "the wheel started no zoom animation")); }, 60000);
  });
})();
