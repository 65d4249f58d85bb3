// The alerts list. The hub's Alerts event and the board both carry the full current list, so each simply
// replaces what is shown.
import { el, time } from "./format.js";

// Plain symbols with the text presentation selector: emoji fonts are missing on many Linux desktops.
const KINDS = {
  LateRisk: { icon: "◷", label: "Late risk" },
  UnassignedEmergency: { icon: "⚠\uFE0E", label: "Unassigned emergency" },
  NoSignal: { icon: "⊘", label: "No signal" },
};

const list = document.getElementById("alerts");
const count = document.getElementById("alerts-count");

export function renderAlerts(alerts) {
  count.textContent = String(alerts.length);
  count.classList.toggle("nosignal", alerts.length > 0);
  if (alerts.length === 0) {
    list.replaceChildren(el("li", "empty muted", "No alerts."));
    return;
  }
  list.replaceChildren(...alerts.map(alert => {
    const kind = KINDS[alert.kind] ?? { icon: "!", label: alert.kind };
    const li = el("li", "alert kind-" + alert.kind);
    li.dataset.alert = alert.id;
    const icon = el("span", "icon", kind.icon);
    icon.setAttribute("aria-hidden", "true");
    const body = el("div", "body");
    const head = el("div", "head");
    head.append(el("strong", "kind", kind.label), el("time", "muted", time(alert.raisedAt)));
    head.lastChild.dateTime = alert.raisedAt;
    body.append(head, el("div", "message", alert.message));
    li.append(icon, body);
    return li;
  }));
}
