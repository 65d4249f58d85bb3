import { t } from "../../i18n/i18n";
import type { Preview } from "./labels";

/** An SMS's cost as the network counts it: encoding, characters, segments, and what made it Unicode. */
export function SmsLength({ sms }: { sms: NonNullable<Preview["sms"]> }) {
  const encoding = sms.encoding === "Gsm7" ? t("messages.sms.gsm") : t("messages.sms.ucs2");
  const counts = { encoding, characters: sms.characters, segments: sms.segments };
  return (
    <p class="sms-length" data-segments={sms.segments}>
      {sms.segments === 1 ? t("messages.sms.length1", counts) : t("messages.sms.length", counts)}
      {sms.nonGsmCharacters.length > 0 && <span class="muted"> · {t("messages.sms.because", { characters: sms.nonGsmCharacters.join(" ") })}</span>}
    </p>
  );
}
