import { t } from "../../../i18n/i18n";
import { channelLabel, channels, triggerLabel, triggers, type Channel, type Trigger } from "../../../components/notifications/labels";
import type { Settings } from "./types";

/** Every moment with its switch per channel (a switch saves at once), and the one being edited marked. */
export function TriggerList({ settings, selected, onSelect, onSwitch }: {
  settings: Settings; selected: Trigger; onSelect: (trigger: Trigger) => void; onSwitch: (trigger: Trigger, channel: Channel, enabled: boolean) => void;
}) {
  return (
    <section class="card trigger-list" aria-labelledby="triggers-title">
      <h2 id="triggers-title">{t("messages.triggers")}</h2>
      <ul>
        {triggers.map(trigger => (
          <li key={trigger} class={trigger === selected ? "current" : undefined}>
            <button type="button" class="trigger" aria-current={trigger === selected ? "true" : undefined} onClick={() => onSelect(trigger)}>{triggerLabel(trigger)}</button>
            <span class="switches">
              {channels.map(channel => {
                const toggle = settings.switches.find(s => s.trigger === trigger && s.channel === channel);
                if (!toggle) return null;
                const id = `switch-${trigger}-${channel}`;
                return (
                  <span key={channel} class="switch">
                    <input id={id} type="checkbox" checked={toggle.enabled} aria-label={t("messages.switchNamed", { trigger: triggerLabel(trigger), channel: channelLabel(channel) })}
                      onChange={e => onSwitch(trigger, channel, e.currentTarget.checked)} />
                    <label for={id} aria-hidden="true">{channelLabel(channel)}</label>
                  </span>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
