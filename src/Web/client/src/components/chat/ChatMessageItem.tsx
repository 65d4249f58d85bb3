import { When } from "../time";
import { t } from "../../i18n/i18n";
import type { ChatMessage } from "./chatApi";

/** One message: who and when, its text, its images (each opens full size). */
export function ChatMessageItem({ message: m, mine, zone }: { message: ChatMessage; mine: boolean; zone: string }) {
  return (
    <li class={`message${mine ? " mine" : ""}${m.internal ? " internal" : ""}`} data-id={m.id}>
      <div class="meta">
        {m.author.name} · <When at={m.sentAt} zone={zone} />{m.internal ? ` · ${t("chat.internalNote")}` : ""}
      </div>
      {m.text && <p>{m.text}</p>}
      {m.attachments.map(a => (
        <a key={a.id} href={a.url} target="_blank" rel="noopener">
          <img src={a.url} alt={t("chat.photo", { name: a.fileName })} loading="lazy" />
        </a>
      ))}
    </li>
  );
}
