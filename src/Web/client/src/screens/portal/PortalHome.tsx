import { useEffect, useRef } from "preact/hooks";
import { LanguagePicker } from "../../components/LanguagePicker";
import { t } from "../../i18n/i18n";
import { AppointmentsSection } from "./AppointmentsSection";
import { conversations } from "./conversations";
import { DocumentsSection } from "./DocumentsSection";
import { PaymentMethodsSection } from "./PaymentMethodsSection";
import { PlansSection } from "./PlansSection";
import { SupportSection } from "./SupportSection";
import { MessagesSection } from "./MessagesSection";
import { NotificationBell } from "./NotificationBell";
import { NotificationsSection } from "./NotificationsSection";
import { PortalNav, sectionLabel } from "./PortalNav";
import { PropertiesSection } from "./PropertiesSection";
import { RequestSection } from "./RequestSection";
import { route } from "./route";
import { SignOutButton } from "./SignOutButton";
import { me } from "./session";

/** The signed-in portal: the company's bar, the section bar, and the one section the address names. */
export function PortalHome() {
  const section = route.value.section;
  const first = useRef(true);
  useEffect(() => { void conversations.start(); }, []);
  useEffect(() => {
    document.title = `${sectionLabel(section)} · ${me.value?.companyName || t("portal.title")}`;
    // After a change of section, focus its heading: a keyboard or screen reader user starts where the content does.
    if (!first.current) document.querySelector<HTMLElement>("main h2")?.focus();
    first.current = false;
  }, [section]);

  return (
    <>
      <header class="bar portal-bar">
        <h1>{me.value?.companyName || t("portal.title")}</h1>
        <NotificationBell />
        <LanguagePicker />
        <span class="sign-out"><SignOutButton /></span>
      </header>
      <PortalNav />
      <main class="portal">
        {section === "appointments" && <AppointmentsSection />}
        {section === "request" && <RequestSection />}
        {section === "documents" && <DocumentsSection />}
        {section === "payment-methods" && <PaymentMethodsSection />}
        {section === "plans" && <PlansSection />}
        {section === "messages" && <MessagesSection />}
        {section === "support" && <SupportSection />}
        {section === "properties" && <PropertiesSection />}
        {section === "notifications" && <NotificationsSection />}
      </main>
    </>
  );
}
