// The customer portal: sign-in by email link when signed out; the contact's properties and notification preferences
// when signed in. Everything shown is set with textContent, never parsed as HTML: names and notes come from people.
const $ = id => document.getElementById(id);
const channels = ["email", "sms"];
const categories = ["appointments", "onMyWay", "marketing"];

async function start() {
  const me = await fetch("/api/v1/portal/me");
  if (me.ok) {
    showHome(await me.json());
  } else {
    $("signin").hidden = false;
    $("email").focus();
  }
}

$("request").addEventListener("submit", async event => {
  event.preventDefault();
  $("request-error").textContent = "";
  const response = await fetch("/api/v1/portal/magic-links", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: $("email").value }),
  });
  if (response.status === 202) {
    $("request").hidden = true;
    $("sent").hidden = false;
  } else if (response.status === 429) {
    $("request-error").textContent = "Too many requests from here; wait a few minutes and try again.";
  } else {
    $("request-error").textContent = "Enter a valid email address.";
  }
});

$("signout").addEventListener("click", async () => {
  await fetch("/api/v1/portal/session", { method: "DELETE" });
  location.href = "/portal/";
});

async function showHome(me) {
  $("title").textContent = me.companyName || "Customer portal";
  $("who").textContent = `Signed in as ${me.name} for ${me.customerName}.`;
  $("signout").hidden = false;
  $("home").hidden = false;
  // chat.js starts its own part of the page once someone is signed in. It is a module, so it may load before or
  // after this point: it reads the flag when it loads, and listens for the event otherwise.
  document.body.dataset.signedIn = "true";
  document.dispatchEvent(new CustomEvent("portal:signed-in", { detail: me }));
  const [properties, preferences] = await Promise.all([
    fetch("/api/v1/portal/properties").then(r => r.json()),
    fetch("/api/v1/portal/preferences").then(r => r.json()),
  ]);
  renderProperties(properties);
  showPreferences(preferences);
  // The documents module (documents.js) loads its part only once signed in; the flag covers it loading after this event.
  document.body.dataset.signedIn = "true";
  document.dispatchEvent(new CustomEvent("portal:signed-in"));
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderProperties(properties) {
  const list = $("properties");
  list.replaceChildren();
  if (properties.length === 0) list.append(el("p", "No properties yet.", "muted"));
  for (const p of properties) {
    const card = el("article", undefined, "card property");
    card.append(el("h2", p.name), el("p", p.address, "muted"));
    if (p.accessNotes) card.append(el("p", `Access: ${p.accessNotes}`));

    card.append(el("h3", "Equipment"));
    const equipment = el("ul");
    for (const item of p.equipment) {
      const parts = [item.kind, item.makeModel, item.installedOn && `installed ${item.installedOn}`, item.notes].filter(Boolean);
      equipment.append(el("li", parts.join(" · ")));
    }
    if (p.equipment.length === 0) equipment.append(el("li", "None recorded.", "muted"));
    card.append(equipment);

    card.append(el("h3", "History"));
    const timeline = el("ul", undefined, "timeline");
    for (const entry of [...p.timeline].reverse()) {
      const li = el("li");
      const time = el("time", new Date(entry.at).toLocaleDateString());
      time.dateTime = entry.at;
      li.append(time, document.createTextNode(entry.text));
      timeline.append(li);
    }
    card.append(timeline);
    list.append(card);
  }
}

function showPreferences(p) {
  for (const channel of channels)
    for (const category of categories) $(`${channel}-${category}`).checked = p[channel][category];
  $("quiet").checked = p.quietHours !== null;
  $("quiet-start").value = p.quietHours?.start ?? "22:00";
  $("quiet-end").value = p.quietHours?.end ?? "07:00";
  $("quiet-zone").value = p.quietHours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  $("quiet-fields").hidden = !$("quiet").checked;
}

$("quiet").addEventListener("change", () => { $("quiet-fields").hidden = !$("quiet").checked; });

$("prefs").addEventListener("submit", async event => {
  event.preventDefault();
  $("prefs-saved").textContent = "";
  $("prefs-error").textContent = "";
  const body = { quietHours: null };
  for (const channel of channels) {
    body[channel] = {};
    for (const category of categories) body[channel][category] = $(`${channel}-${category}`).checked;
  }
  if ($("quiet").checked) body.quietHours = { start: $("quiet-start").value, end: $("quiet-end").value, timeZone: $("quiet-zone").value.trim() };

  const response = await fetch("/api/v1/portal/preferences", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.ok) {
    showPreferences(await response.json());
    $("prefs-saved").textContent = "Saved.";
  } else if (response.status === 400) {
    const problem = await response.json();
    $("prefs-error").textContent = Object.values(problem.errors ?? {}).flat().join(" ") || "Check the form and try again.";
  } else {
    $("prefs-error").textContent = "Could not save; sign in again and retry.";
  }
});

start();
