// The calls a chat thread makes, on either side's API: the customers' (/api/v1/portal/conversations) or the team's
// (/api/v1/conversations). Both have the same routes and shapes; the base picks the side, never the caller's rights.
import { api, multipart, outcome } from "../../api/client";
import type { components } from "../../api/schema";

export type ChatMessage = components["schemas"]["ChatMessageDto"];
export type ChatApiBase = "/api/v1/portal/conversations" | "/api/v1/conversations";

export function pageOf(base: ChatApiBase, threadId: string, before: string | null) {
  return outcome(api.GET(`${base}/{threadId}/messages`, { params: { path: { threadId }, query: before ? { before } : {} } }));
}

export function markRead(base: ChatApiBase, threadId: string, upTo: string) {
  return outcome(api.POST(`${base}/{threadId}/read`, { params: { path: { threadId } }, body: { upTo } }));
}

/** Text, images and (the team's) internal flag as one multipart form. */
export function send(base: ChatApiBase, threadId: string, text: string, files: File[], internal: boolean) {
  const form = new FormData();
  form.append("text", text);
  if (internal) form.append("internal", "true");
  for (const file of files) form.append("files", file, file.name);
  return outcome(api.POST(`${base}/{threadId}/messages`, { params: { path: { threadId } }, ...multipart(form) }));
}
