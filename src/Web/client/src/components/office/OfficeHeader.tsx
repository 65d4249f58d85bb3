import type { ComponentChildren } from "preact";
import { LanguagePicker } from "../LanguagePicker";
import { t } from "../../i18n/i18n";
import "./office.css";

/**
 * The office's top bar: where a dispatcher can go, with the current screen (if it is one of them) marked for screen readers and the eye; a
 * screen may add its own items (the dispatch board's live-connection badge and sign-out) before the language picker.
 */
export function OfficeHeader({ current, children }: { current?: "dispatch" | "customers" | "technicians" | "planning" | "travel" | "messages" | "money" | "plans" | "support"; children?: ComponentChildren }) {
  const links = [
    { key: "dispatch", href: "/dispatch/", label: t("office.nav.dispatch") },
    { key: "customers", href: "/office/customers/", label: t("office.nav.customers") },
    { key: "technicians", href: "/office/technicians/", label: t("office.nav.technicians") },
    { key: "planning", href: "/office/planning/", label: t("office.nav.planning") },
    { key: "travel", href: "/office/travel-times/", label: t("office.nav.travel") },
    { key: "messages", href: "/office/notifications/", label: t("office.nav.messages") },
    { key: "money", href: "/office/money/", label: t("office.nav.money") },
    { key: "plans", href: "/office/plans/", label: t("office.nav.plans") },
    { key: "support", href: "/office/support/", label: t("office.nav.support") },
  ] as const;
  return (
    <header class="bar office-bar">
      <h1>{t("app.name")}</h1>
      <nav aria-label={t("office.nav.label")}>
        {links.map(l => <a key={l.key} href={l.href} aria-current={l.key === current ? "page" : undefined}>{l.label}</a>)}
      </nav>
      <span class="spacer" />
      {children}
      <LanguagePicker />
    </header>
  );
}
