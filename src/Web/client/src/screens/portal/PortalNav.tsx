import { useSignal } from "@preact/signals";
import type { MessageKey } from "../../i18n/en";
import { t } from "../../i18n/i18n";
import { conversations } from "./conversations";
import { hrefOf, route, sections, type Section } from "./route";
import { SignOutButton } from "./SignOutButton";

const labels: Record<Section, MessageKey> = {
  appointments: "portal.section.appointments",
  request: "portal.section.request",
  documents: "portal.section.documents",
  "payment-methods": "portal.section.payment-methods",
  plans: "portal.section.plans",
  messages: "portal.section.messages",
  support: "portal.section.support",
  properties: "portal.section.properties",
  notifications: "portal.section.notifications",
};

export function sectionLabel(section: Section): string {
  return t(labels[section]);
}

/**
 * The section bar: one row of links on a wide screen; on a phone a Menu button that opens them as a list (Sign out
 * at its end), so the page never scrolls sideways. Links are links (keyboard, new tab, back button); the current
 * one says so (aria-current).
 */
export function PortalNav() {
  const open = useSignal(false);
  const unread = conversations.unread.value;
  const current = route.value.section;
  return (
    <nav class="portal-nav" aria-label={t("portal.nav")} onKeyDown={e => { if (e.key === "Escape") open.value = false; }}>
      <button type="button" class="menu-toggle" aria-expanded={open.value} aria-controls="portal-sections" onClick={() => (open.value = !open.value)}>
        <span aria-hidden="true">☰</span> {t("portal.menu")}
        {unread > 0 && <span class="badge unread" aria-label={t("chat.unread", { count: unread })}>{unread}</span>}
      </button>
      <ul id="portal-sections" class={open.value ? "open" : ""}>
        {sections.map(section => (
          <li key={section}>
            <a href={hrefOf(section)} aria-current={section === current ? "page" : undefined} onClick={() => (open.value = false)}>
              {sectionLabel(section)}
              {section === "messages" && unread > 0 && <span class="badge unread" aria-label={t("chat.unread", { count: unread })}>{unread}</span>}
            </a>
          </li>
        ))}
        <li class="sign-out"><SignOutButton /></li>
      </ul>
    </nav>
  );
}
