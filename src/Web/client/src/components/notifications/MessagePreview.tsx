import { t } from "../../i18n/i18n";
import { EmailFrame } from "./EmailFrame";
import type { Preview } from "./labels";
import { SmsLength } from "./SmsLength";
import "./messages.css";

/** A rendered message: an email's subject, HTML and text part; an SMS with its length; an in-app or push title and text. */
export function MessagePreview({ preview, full = true }: { preview: Preview; full?: boolean }) {
  if (preview.sms) {
    return <div class="message-preview"><p class="sms-bubble">{preview.text}</p><SmsLength sms={preview.sms} /></div>;
  }
  return (
    <div class="message-preview">
      {preview.subject && <p class="subject-line"><strong>{preview.html ? t("messages.subjectLine", { subject: preview.subject }) : preview.subject}</strong></p>}
      {preview.html && full && <EmailFrame html={preview.html} title={t("messages.emailFrame")} />}
      {preview.html && full ? (
        <details class="text-part">
          <summary>{t("messages.textPart")}</summary>
          <pre class="text-part">{preview.text}</pre>
        </details>
      ) : <pre class="text-part">{preview.text}</pre>}
    </div>
  );
}
