import { t } from "../../i18n/i18n";

/** The support pages' own sub-navigation under the office bar (which marks "Support" on both): the cases, the help center, feedback. */
export function SupportNav({ current }: { current: "cases" | "help" | "feedback" }) {
  const links = [
    { key: "cases", href: "/office/support/", label: t("supportNav.cases") },
    { key: "help", href: "/office/support/help/", label: t("supportNav.helpCenter") },
    { key: "feedback", href: "/office/support/feedback/", label: t("supportNav.feedback") },
  ] as const;
  return (
    <nav class="support-nav" aria-label={t("supportNav.label")}>
      {links.map(l => <a key={l.key} href={l.href} aria-current={l.key === current ? "page" : undefined}>{l.label}</a>)}
    </nav>
  );
}
