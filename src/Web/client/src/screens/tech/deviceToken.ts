// The phone's device token: issued by a dispatcher, kept in this browser and sent as Authorization: Bearer on every
// device call. The storage key is the one the page has always used, so phones keep their token across updates.
import { signal } from "@preact/signals";

const storageKey = "orleansportal.deviceToken";

export const deviceToken = signal(localStorage.getItem(storageKey) ?? "");

export function saveToken(token: string): void {
  localStorage.setItem(storageKey, token.trim());
  deviceToken.value = token.trim();
}

/**
 * A dispatcher sends the token as a link (/tech/?token=...): keep it, then take it out of the address bar and the
 * history, where anyone looking at the phone or its history would find the secret.
 */
export function takeTokenFromAddress(): void {
  const params = new URLSearchParams(location.search);
  const token = params.get("token");
  if (!token) return;
  saveToken(token);
  params.delete("token");
  const rest = params.toString();
  history.replaceState(null, "", location.pathname + (rest ? `?${rest}` : "") + location.hash);
}

/** The header every device call carries. */
export const authorization = () => ({ Authorization: `Bearer ${deviceToken.value}` });
