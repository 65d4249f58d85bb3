// Installed into the dispatch board before its own scripts run (Playwright's init script: the page's
// Content-Security-Policy does not apply). It touches none of the board's code: it listens to the same pointer events
// the board's drag does and watches the DOM, so it measures what a dispatcher sees.
// - frames: for each pointermove while a drag is measured, from the event's timeStamp to the second animation frame
//   after it (the first frame after the event paints what its handler changed; the next one starts after that paint);
// - longTasks / events: every main-thread task over 50 ms (Long Tasks API) and every pointer event whose handling took
//   16 ms or more until the next paint (Event Timing API, its smallest threshold), kept with their start times and
//   counted afterwards against the windows that were measured (observers report late, after a window may have closed);
// - drops: expectDrop(lane, job) before the release, then dropResult() resolves with the milliseconds from the
//   pointerup to the second frame after the target lane's stops list holds the job, or with "refused: ..." when the
//   board shows a refusal instead.
(() => {
  const m = (window.__bench = { measuring: false, windows: [], started: 0, frames: [], longTasks: [], events: [], drop: null });

  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) m.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask" });
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (entry.name.startsWith("pointer")) m.events.push([entry.startTime, entry.duration, entry.name]);
  }).observe({ type: "event", durationThreshold: 16 });

  const afterPaint = done => requestAnimationFrame(() => requestAnimationFrame(done));

  window.addEventListener("pointermove", event => {
    if (!m.measuring) return;
    const at = event.timeStamp;
    afterPaint(() => m.frames.push(performance.now() - at));
  }, { capture: true });

  m.start = () => { m.measuring = true; m.started = performance.now(); };
  m.stop = () => { m.measuring = false; m.windows.push([m.started, performance.now()]); };

  // Totals over the measured windows: long-task milliseconds, window milliseconds, slow pointer events by name.
  m.summary = () => {
    const inside = start => m.windows.some(([from, to]) => start >= from && start <= to);
    const tasks = m.longTasks.filter(([start]) => inside(start));
    const events = m.events.filter(([start]) => inside(start));
    return JSON.stringify({
      frames: m.frames,
      longTaskMs: tasks.reduce((sum, [, duration]) => sum + duration, 0),
      longTasks: tasks.length,
      measuredMs: m.windows.reduce((sum, [from, to]) => sum + to - from, 0),
      slowEvents: events.reduce((byName, [, duration, name]) => {
        const seen = (byName[name] ??= { count: 0, longest: 0 });
        seen.count++;
        seen.longest = Math.max(seen.longest, duration);
        return byName;
      }, {}),
    });
  };

  // Whether a press at (x, y) takes hold of the stop (a list item, or the job's description): on it, not on its
  // unassign button.
  m.grabs = (x, y, stop) => {
    const hit = document.elementFromPoint(x, y);
    const on = hit?.closest(".stops > li");
    return !!on && !hit.closest(".unassign") && (typeof stop === "string" ? (on.textContent ?? "").includes(stop) : on === stop);
  };

  // The visible lanes of the day plan, top to bottom, and for each the stop showing most of itself (where a person
  // would grab it) and a point on it.
  m.lanes = () => {
    const view = document.querySelector(".timeline")?.getBoundingClientRect();
    if (!view) return "[]";
    const lanes = [];
    for (const lane of document.querySelectorAll(".timeline .rows [data-lane]")) {
      const box = lane.getBoundingClientRect();
      if (box.top < view.top + 24 || box.bottom > view.bottom) continue; // under the sticky hour scale or cut off
      // Chips of a full day overlap (a later stop is drawn over the end of the one before), so what counts is the
      // part of a chip the pointer really hits: sampled every 2 px across it.
      let widest = null;
      const y = box.top + box.height / 2;
      for (const stop of lane.querySelectorAll(".stops > li")) {
        const chip = stop.getBoundingClientRect();
        const job = /Job \d{3}/.exec(stop.textContent ?? "")?.[0];
        const hits = [];
        for (let x = chip.left + 1; x < chip.right - 1; x += 2) if (m.grabs(x, y, stop)) hits.push(x);
        if (job && hits.length > 0 && (!widest || hits.length * 2 > widest.width)) widest = { job, x: hits[Math.floor(hits.length / 2)], width: hits.length * 2 };
      }
      lanes.push({ id: lane.dataset.lane, top: box.top, y, stop: widest });
    }
    lanes.sort((a, b) => a.top - b.top);
    return JSON.stringify(lanes);
  };

  const holds = (laneId, job) => [...(document.querySelector(`[data-lane="${laneId}"] .stops`)?.children ?? [])]
    .some(stop => (stop.textContent ?? "").includes(job));

  m.expectDrop = (laneId, job) => {
    const drop = (m.drop = { upAt: 0, result: null, waiters: [] });
    const settle = result => {
      if (drop.result !== null) return;
      drop.result = result;
      observer.disconnect();
      for (const waiter of drop.waiters) waiter(result);
    };
    const check = () => {
      if (!drop.upAt || drop.result !== null) return;
      if (holds(laneId, job)) { const upAt = drop.upAt; drop.result = "painting"; afterPaint(() => { drop.result = null; settle(performance.now() - upAt); }); return; }
      const alert = document.querySelector(".board-message[role=alert]");
      if (alert) settle("refused: " + alert.textContent);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    window.addEventListener("pointerup", event => { drop.upAt = event.timeStamp; queueMicrotask(check); }, { capture: true, once: true });
    setTimeout(() => {
      const now = [...document.querySelectorAll("[data-lane]")].find(lane => holds(lane.dataset.lane, job))?.dataset.lane ?? "no lane in view";
      const said = document.querySelector(".board-status")?.textContent ?? "";
      settle(`timeout: not in lane ${laneId} within 30 s of the drop (released: ${drop.upAt > 0}; now in: ${now}; the board says: "${said}")`);
    }, 30000);
  };

  m.dropResult = () => new Promise(resolve => {
    const drop = m.drop;
    if (drop.result !== null && drop.result !== "painting") resolve(String(drop.result));
    else drop.waiters.push(result => resolve(String(result)));
  });
})();
