// The customer's appointments and service requests. Windows offered are dispatch's real capacity, asked again when
// the request is sent; an emergency needs no window. Text is always set with textContent (it comes from people).
(() => {
  const $ = id => document.getElementById(id);
  const make = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  // Times are the company's wall clock (from /me): "Morning" reads 08:00 wherever the customer's phone thinks it is.
  let timeZone;
  const when = iso => new Date(iso).toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const hour = iso => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone });
  const windowText = w => w ? `${when(w.start)}–${hour(w.end)}` : "as soon as possible";

  async function start() {
    const me = await fetch("/api/v1/portal/me");
    if (!me.ok) return; // signed out: portal.js shows the sign-in form
    timeZone = (await me.json()).timeZone;
    const [jobs, properties, services] = await Promise.all([
      fetch("/api/v1/portal/jobs").then(r => r.json()),
      fetch("/api/v1/portal/properties").then(r => r.json()),
      fetch("/api/v1/portal/booking/services").then(r => r.json()),
    ]);
    renderJobs(jobs);
    $("request-service").replaceChildren(...services.map(s => { const o = make("option", `${s.name} (about ${s.minutes} min)`); o.value = s.name; return o; }));
    const select = $("request-property");
    select.replaceChildren(...properties.map(p => { const o = make("option", `${p.name} — ${p.address}`); o.value = p.id; return o; }));
    if (properties.length > 0) await showWindows();
  }

  function renderJobs(jobs) {
    const list = $("jobs");
    list.replaceChildren();
    if (jobs.length === 0) list.append(make("p", "No appointments yet.", "muted"));
    for (const job of jobs) {
      const card = make("article", undefined, "card job");
      card.dataset.job = job.id;
      const title = make("h3", job.description);
      const status = make("p", undefined, "job-status");
      status.append(make("span", job.statusLabel, `badge status-${job.status}`), document.createTextNode(` ${windowText(job.arrivalWindow)}`));
      card.append(title, make("p", job.address, "muted"), status);
      if (job.eta) card.append(make("p", `Expected at ${hour(job.eta)}`, "eta"));
      const link = make("a", "Follow this appointment", "follow");
      link.href = `/portal/appointment/?id=${encodeURIComponent(job.id)}`;
      card.append(link);
      list.append(card);
    }
  }

  async function showWindows() {
    const choices = $("window-choices");
    if ($("request-emergency").checked) {
      choices.replaceChildren(make("p", "We will send the first technician who can come.", "muted"));
      return;
    }
    choices.replaceChildren(make("p", "Looking for free windows…", "muted"));
    const query = new URLSearchParams({ propertyId: $("request-property").value, service: $("request-service").value, days: "7" });
    const response = await fetch(`/api/v1/portal/booking/windows?${query}`);
    const offers = response.ok ? await response.json() : [];
    choices.replaceChildren();
    const open = offers.filter(o => o.available);
    if (open.length === 0) choices.append(make("p", "No windows are free in the coming week; call us, or mark it as an emergency.", "muted"));
    for (const offer of open) {
      const label = make("label", undefined, "inline choice");
      const radio = make("input");
      radio.type = "radio";
      radio.name = "window";
      radio.value = offer.start;
      label.append(radio, document.createTextNode(`${offer.slot}, ${when(offer.start)}–${hour(offer.end)}`));
      choices.append(label);
    }
  }

  $("request-property").addEventListener("change", showWindows);
  $("request-service").addEventListener("change", showWindows);
  $("request-emergency").addEventListener("change", showWindows);

  $("service-request").addEventListener("submit", async event => {
    event.preventDefault();
    $("request-sent").textContent = "";
    $("service-request-error").textContent = "";
    const emergency = $("request-emergency").checked;
    const chosen = document.querySelector("#window-choices input[name=window]:checked");
    if (!emergency && !chosen) {
      $("service-request-error").textContent = "Choose a window, or mark it as an emergency.";
      return;
    }
    const response = await fetch("/api/v1/portal/service-requests", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ propertyId: $("request-property").value, service: $("request-service").value, description: $("request-description").value, emergency, windowStart: chosen?.value ?? null }),
    });
    if (response.status === 201) {
      const job = await response.json();
      const refused = await uploadPhotos(job.id);
      $("request-sent").textContent = "Thank you: your request is booked.";
      if (refused.length > 0) $("service-request-error").textContent = refused.join(" ");
      $("request-description").value = "";
      $("request-photos").value = "";
      renderJobs(await fetch("/api/v1/portal/jobs").then(r => r.json()));
      await showWindows();
    } else {
      const problem = await response.json().catch(() => ({}));
      $("service-request-error").textContent = problem.detail ?? Object.values(problem.errors ?? {}).flat().join(" ") ?? "Could not send the request.";
      await showWindows();
    }
  });

  // One photo per request, so one refused file (too big, not an image) does not lose the others; answers what was refused.
  async function uploadPhotos(jobId) {
    const refused = [];
    for (const file of $("request-photos").files) {
      const form = new FormData();
      form.append("photo", file);
      const answer = await fetch(`/api/v1/portal/jobs/${encodeURIComponent(jobId)}/photos`, { method: "POST", body: form });
      if (!answer.ok) {
        const problem = await answer.json().catch(() => ({}));
        refused.push(`${file.name}: ${Object.values(problem.errors ?? {}).flat().join(" ") || problem.detail || "not accepted"}`);
      }
    }
    return refused;
  }

  start();
})();
