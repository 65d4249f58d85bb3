// The portal's Documents section: estimates to approve or decline with a typed signature, job reports with their
// photos and a download, invoices. Loaded once the contact is signed in (portal.js says so). Everything from people is
// set with textContent, never parsed as HTML.
const $ = id => document.getElementById(id);

if (document.body.dataset.signedIn) load();
else document.addEventListener("portal:signed-in", load, { once: true });

async function load() {
  const response = await fetch("/api/v1/portal/documents");
  if (!response.ok) {
    say($("documents-error"), "Your documents could not be loaded; reload the page to try again.");
    return;
  }
  const documents = await response.json();
  list("estimates", documents.estimates, estimate, "No estimates.");
  list("reports", documents.reports, report, "No job reports yet.");
  list("invoices", documents.invoices, invoice, "No invoices.");
}

function list(id, items, render, empty) {
  $(id).replaceChildren(...(items.length ? items.map(render) : [el("p", empty, "muted")]));
}

function estimate(e) {
  const details = el("details", undefined, "estimate");
  details.dataset.id = e.id;
  details.append(summary(e.title, money(e.total, e.currency), e.status), lines(e));
  details.append(el("p", `Valid until ${date(e.validUntil)}.`, "muted"));
  if (e.decision) {
    details.append(el("p", `${e.decision.outcome} by ${e.decision.signedName} on ${dateTime(e.decision.at)}.`));
  } else if (e.status === "Pending") {
    details.append(signForm(e, details));
  } else if (e.status === "Expired") {
    details.append(el("p", "This estimate has expired; ask us for a new one.", "muted"));
  }
  return details;
}

// Approve or decline with the name typed as a signature; the server records it with the time and refuses a second decision.
function signForm(e, details) {
  const form = el("form", undefined, "sign");
  const inputId = `sign-${e.id}`;
  const label = el("label", "Type your full name to sign");
  label.htmlFor = inputId;
  const input = el("input");
  Object.assign(input, { id: inputId, name: "signedName", autocomplete: "name", required: true, minLength: 2, maxLength: 200 });
  const error = el("p", "", "error");
  error.setAttribute("role", "alert");
  error.hidden = true;
  const approve = el("button", "Approve", "primary");
  const decline = el("button", "Decline");
  approve.type = decline.type = "button";
  const actions = el("div", undefined, "actions");
  actions.append(approve, decline);
  form.append(label, input, actions, error);

  async function decide(outcome) {
    say(error, "");
    if (input.value.trim().length < 2) {
      say(error, "Type your full name to sign.");
      input.focus();
      return;
    }
    approve.disabled = decline.disabled = true;
    const response = await fetch(`/api/v1/portal/estimates/${encodeURIComponent(e.id)}/${outcome}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ signedName: input.value }),
    });
    if (response.ok) {
      const updated = estimate(await response.json());
      updated.open = true;
      details.replaceWith(updated);
      return;
    }
    approve.disabled = decline.disabled = false;
    say(error, await problemText(response));
  }
  approve.addEventListener("click", () => decide("approve"));
  decline.addEventListener("click", () => decide("decline"));
  form.addEventListener("submit", event => { event.preventDefault(); decide("approve"); });
  return form;
}

function report(r) {
  const details = el("details", undefined, "report");
  details.dataset.id = r.ticketId;
  const when = r.departed ?? r.arrived;
  details.append(summary(r.description, when ? date(when) : "", r.status === "Completed" ? "Done" : r.status));
  const body = el("div", el("p", "Loading…", "muted"));
  details.append(body);
  // The full report (and its photos) is fetched when opened, not for every job in the list.
  details.addEventListener("toggle", async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "true";
    const response = await fetch(`/api/v1/portal/reports/${encodeURIComponent(r.ticketId)}`);
    if (!response.ok) {
      body.replaceChildren(el("p", "This report could not be loaded.", "error"));
      return;
    }
    body.replaceChildren(...reportBody(await response.json()));
  });
  return details;
}

function reportBody(r) {
  const facts = el("table");
  for (const [name, value] of [
    ["Arrived", r.arrived ? dateTime(r.arrived) : "—"],
    ["Departed", r.departed ? dateTime(r.departed) : "—"],
    ["Time on site", r.minutesOnSite === null ? "—" : `${Math.round(r.minutesOnSite)} min`],
  ]) {
    const row = el("tr");
    row.append(el("th", name), el("td", value));
    facts.append(row);
  }
  const parts = [el("p", r.address, "muted"), facts, el("h4", "Notes")];
  if (r.notes.length === 0) parts.push(el("p", "No notes.", "muted"));
  for (const note of r.notes) parts.push(el("p", `${note.author}, ${dateTime(note.at)}: ${note.text}`, "note"));
  parts.push(el("h4", "Photos"));
  const photos = el("div", undefined, "photos");
  for (const photo of r.photos) {
    const figure = el("figure");
    const img = el("img");
    Object.assign(img, { src: photo.url, alt: photo.caption || "Job photo", loading: "lazy" });
    figure.append(img);
    if (photo.caption) figure.append(el("figcaption", photo.caption));
    photos.append(figure);
  }
  parts.push(r.photos.length ? photos : el("p", "No photos.", "muted"));
  const download = el("a", "Download report", "button");
  download.href = `/api/v1/portal/reports/${encodeURIComponent(r.ticketId)}/download`;
  download.setAttribute("download", "");
  parts.push(download);
  return parts;
}

function invoice(i) {
  const details = el("details", undefined, "invoice");
  details.dataset.id = i.id;
  details.append(summary(i.title, money(i.total, i.currency), i.status), lines(i), el("p", `Due ${i.dueDate}. Issued ${date(i.issuedAt)}.`, "muted"));
  return details;
}

function summary(title, detail, status) {
  const s = el("summary");
  s.append(el("strong", title), el("span", detail), el("span", status, `badge ${status}`));
  return s;
}

function lines(doc) {
  const table = el("table");
  const head = el("tr");
  head.append(el("th", "Item"), el("th", "Qty", "money"), el("th", "Price", "money"), el("th", "Amount", "money"));
  table.append(head);
  for (const line of doc.lines) {
    const row = el("tr");
    row.append(el("td", line.description), el("td", String(line.quantity), "money"),
      el("td", money(line.unitPrice, doc.currency), "money"), el("td", money(line.amount, doc.currency), "money"));
    table.append(row);
  }
  const total = el("tr");
  total.append(el("th", "Total"), el("td"), el("td"), el("th", money(doc.total, doc.currency), "money"));
  table.append(total);
  return table;
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || Object.values(problem.errors ?? {}).flat().join(" ") || problem.title;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

// Alerts stay hidden while empty, so the page has only as many alerts as there are problems.
function say(alert, text) {
  alert.textContent = text;
  alert.hidden = !text;
}

function el(tag, content, className) {
  const node = document.createElement(tag);
  if (typeof content === "string") node.textContent = content;
  else if (content) node.append(content);
  if (className) node.className = className;
  return node;
}

function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

const date = value => new Date(value).toLocaleDateString();
const dateTime = value => new Date(value).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
