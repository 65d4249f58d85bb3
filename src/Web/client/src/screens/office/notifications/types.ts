import type { components } from "../../../api/schema";
import type { Channel, Trigger } from "../../../components/notifications/labels";

export type Settings = components["schemas"]["NotificationTemplatesDto"];
export type Template = components["schemas"]["NotificationTemplateDto"];
export type Variable = components["schemas"]["TemplateVariableDto"];

/** Which template is open: the address keeps it (#OnMyWay/Sms/en), so a reload or a shared link opens the same one. */
export type Selection = { trigger: Trigger; channel: Channel; language: string };

export function selectionFromHash(hash: string, settings: Settings): Selection {
  const [trigger, channel, language] = hash.replace(/^#/, "").split("/");
  const found = settings.templates.find(t => t.trigger === trigger && t.channel === channel && t.language === language);
  const first = found ?? settings.templates.find(t => t.trigger === "BookingConfirmed" && t.channel === "Email" && t.language === "en") ?? settings.templates[0]!;
  return { trigger: first.trigger, channel: first.channel, language: first.language };
}

export const hashOf = (s: Selection): string => `#${s.trigger}/${s.channel}/${s.language}`;

export function templateOf(settings: Settings, s: Selection): Template | undefined {
  return settings.templates.find(t => t.trigger === s.trigger && t.channel === s.channel && t.language === s.language);
}

/** The channels a trigger has templates on (push only for the technician's triggers). */
export function channelsOf(settings: Settings, trigger: Trigger): Channel[] {
  return [...new Set(settings.templates.filter(t => t.trigger === trigger).map(t => t.channel))];
}
