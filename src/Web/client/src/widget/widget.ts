// The website widget: one script tag on a company's own site,
//   <script src="https://OUR-HOST/widget/v1.js" data-company="{tenantId}" async></script>
// adds a launcher and a panel (help center search, contact form) inside a shadow root. It talks to this app across
// origins with a bearer token kept in memory: no cookies, nothing stored on the visitor's browser. A page whose
// visitor is signed in may add data-user-email and data-user-hash (the email's hex HMAC-SHA256 under the company's
// identity secret, computed by the site's server) to be recognised as that customer's contact.
// Everything the server sends is put in the page as text (textContent), never as HTML.
import type { components } from "../api/schema";
import { widgetCss } from "./widgetCss";
import { textsFor } from "./widgetTexts";

type Session = components["schemas"]["WidgetSessionDto"];
type HelpResult = components["schemas"]["WidgetHelpResultDto"];
type Receipt = components["schemas"]["WidgetContactReceiptDto"];
type CaseRow = components["schemas"]["WidgetCaseDto"];
type ChatPage = components["schemas"]["WidgetChatPageDto"];
type ChatMessage = components["schemas"]["WidgetChatMessageDto"];
type Problem = { detail?: string; title?: string; errors?: Record<string, string[]> };

const marker = "data-orleansportal-widget";

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.company) return current;
  return document.querySelector<HTMLScriptElement>('script[data-company][src*="/widget/v1.js"]');
}

/** A DOM element with attributes and children; text children become text nodes. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function problemText(problem: Problem | null, fallback: string): string {
  if (problem?.errors) {
    const all = Object.values(problem.errors).flat();
    if (all.length > 0) return all.join(" ");
  }
  return problem?.detail ?? problem?.title ?? fallback;
}

function start(script: HTMLScriptElement) {
  if (document.querySelector(`[${marker}]`)) return; // the tag twice on one page: one widget
  const base = new URL(script.src, location.href).origin;
  const company = script.dataset.company ?? "";
  const api = `${base}/api/v1/widget/${encodeURIComponent(company)}`;
  const { texts, language } = textsFor(script.dataset.language || navigator.language || "en");

  let session: Session | null = null;
  let sessionState: "pending" | "ready" | "unavailable" | "failed" = "pending";

  // ----- the DOM -----
  const host = el("div", { [marker]: "" });
  const shadow = host.attachShadow({ mode: "open" });
  const style = el("style", {}, widgetCss);
  const launcher = el("button", { class: "launcher", type: "button", "aria-expanded": "false", "aria-controls": "op-panel" }, texts.launcher);
  const heading = el("h2", { id: "op-title" }, texts.title);
  const close = el("button", { class: "close", type: "button" }, texts.close);
  const state = el("p", { class: "muted", role: "status" }, texts.loading);

  const helpTab = el("button", { type: "button", role: "tab", id: "op-tab-help", "aria-controls": "op-help", "aria-selected": "true" }, texts.tabHelp);
  const contactTab = el("button", { type: "button", role: "tab", id: "op-tab-contact", "aria-controls": "op-contact", "aria-selected": "false", tabindex: "-1" }, texts.tabContact);
  // Chat is for a visitor the company's site vouched for (a verified session) only.
  const chatTab = el("button", { type: "button", role: "tab", id: "op-tab-chat", "aria-controls": "op-chat", "aria-selected": "false", tabindex: "-1", hidden: "" }, texts.tabChat);
  const tabs = el("div", { class: "tabs", role: "tablist" }, helpTab, contactTab, chatTab);

  const query = el("input", { type: "search", "aria-label": texts.search, placeholder: texts.search, maxlength: "200", autocomplete: "off" });
  const searchForm = el("form", { class: "search", role: "search" }, query, el("button", { class: "primary", type: "submit" }, texts.searchButton));
  const corrections = el("p", { class: "muted" });
  const results = el("ul", { "aria-label": texts.search });
  const helpMessage = el("p", { class: "muted", role: "status" });
  const helpPanel = el("div", { class: "body", role: "tabpanel", id: "op-help", "aria-labelledby": "op-tab-help" }, searchForm, corrections, helpMessage, results);

  const name = el("input", { name: "name", autocomplete: "name", maxlength: "200", required: "" });
  const email = el("input", { name: "email", type: "email", autocomplete: "email", maxlength: "254", required: "" });
  const subject = el("input", { name: "subject", maxlength: "200" });
  const message = el("textarea", { name: "message", maxlength: "4000", required: "" });
  const send = el("button", { class: "primary", type: "submit" }, texts.send);
  const nameField = el("label", {}, texts.name, name);
  const emailField = el("label", {}, texts.email, email);
  const contactForm = el("form", {}, nameField, emailField, el("label", {}, texts.subject, subject), el("label", {}, texts.message, message), send);
  const contactMessage = el("p", { role: "status" });
  const casesList = el("ul", {});
  const casesBlock = el("div", { hidden: "" }, el("h3", {}, texts.yourCases), casesList);
  const contactPanel = el("div", { class: "body", role: "tabpanel", id: "op-contact", "aria-labelledby": "op-tab-contact", hidden: "" }, contactForm, contactMessage, casesBlock);

  const chatLog = el("ol", { class: "chat", "aria-label": texts.chatLog, "aria-live": "polite" });
  const chatEmpty = el("p", { class: "muted" }, texts.chatEmpty);
  const chatText = el("textarea", { name: "text", maxlength: "4000", required: "", "aria-label": texts.chatMessage, rows: "3" });
  const chatSend = el("button", { class: "primary", type: "submit" }, texts.chatSend);
  const chatForm = el("form", {}, chatText, chatSend);
  const chatError = el("p", { class: "error", role: "alert", hidden: "" });
  const chatPanel = el("div", { class: "body", role: "tabpanel", id: "op-chat", "aria-labelledby": "op-tab-chat", hidden: "" }, chatEmpty, chatLog, chatForm, chatError);

  const content = el("div", { hidden: "" }, tabs, helpPanel, contactPanel, chatPanel);
  const panel = el("section", { class: "panel", id: "op-panel", role: "dialog", "aria-labelledby": "op-title", hidden: "" },
    el("header", {}, heading, close), el("div", { class: "body" }, state), content);
  shadow.append(style, el("div", { class: "root" }, launcher, panel));

  function render() {
    const ready = sessionState === "ready";
    content.hidden = !ready;
    state.parentElement!.hidden = ready;
    state.className = sessionState === "pending" ? "muted" : "error";
    state.textContent = sessionState === "pending" ? texts.loading : sessionState === "unavailable" ? texts.unavailable : texts.failed;
    if (session) heading.textContent = session.company;
    const verified = session?.verified === true;
    nameField.hidden = emailField.hidden = verified;
    name.required = email.required = !verified;
    chatTab.hidden = !verified;
  }

  function open(show: boolean) {
    panel.hidden = !show;
    launcher.setAttribute("aria-expanded", String(show));
    if (show) (sessionState === "ready" ? (current === "help" ? query : current === "contact" ? message : chatText) : close).focus();
    else launcher.focus();
  }

  type Tab = "help" | "contact" | "chat";
  const tabList: [Tab, HTMLButtonElement, HTMLElement][] = [["help", helpTab, helpPanel], ["contact", contactTab, contactPanel], ["chat", chatTab, chatPanel]];
  let current: Tab = "help";

  function select(tab: Tab) {
    current = tab;
    for (const [name, button, body] of tabList) {
      button.setAttribute("aria-selected", String(name === tab));
      button.tabIndex = name === tab ? 0 : -1;
      body.hidden = name !== tab;
    }
    if (tab === "contact" && session?.verified) void loadCases();
    if (tab === "chat") void loadChat();
  }

  // ----- the server -----
  async function startSession(): Promise<void> {
    const body: Record<string, string> = {};
    if (script.dataset.userEmail && script.dataset.userHash) {
      body.email = script.dataset.userEmail;
      body.hash = script.dataset.userHash;
    }
    try {
      const response = await fetch(`${api}/sessions`, {
        method: "POST", mode: "cors", credentials: "omit", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      if (response.ok) {
        session = (await response.json()) as Session;
        sessionState = "ready";
      } else {
        session = null;
        sessionState = response.status === 403 ? "unavailable" : "failed";
      }
    } catch {
      // A refused CORS answer is a network error to a page: the site is not one the company allows.
      session = null;
      sessionState = "unavailable";
    }
    render();
  }

  /** A call with the session's token; a session about to end, or refused as ended, is renewed once. */
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    if (!session || Date.parse(session.expiresAt) - Date.now() < 60_000) await startSession();
    if (!session) throw new Error("no session");
    const send = () => fetch(`${api}${path}`, {
      ...init, mode: "cors", credentials: "omit",
      headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${session!.token}` },
    });
    let response = await send();
    if (response.status === 401) {
      await startSession();
      if (session) response = await send();
    }
    return response;
  }

  async function search(event: Event) {
    event.preventDefault();
    const q = query.value.trim();
    if (q.length < 2) return;
    helpMessage.textContent = texts.loading;
    try {
      const response = await call(`/help?q=${encodeURIComponent(q)}&language=${encodeURIComponent(language)}`);
      if (!response.ok) { helpMessage.textContent = problemText(await response.json().catch(() => null), texts.failed); return; }
      const found = (await response.json()) as HelpResult;
      results.replaceChildren(...found.hits.map(hit => el("li", {},
        el("a", { href: new URL(hit.path, base).href, target: "_blank", rel: "noopener noreferrer", lang: hit.language }, hit.title),
        el("p", {}, hit.description))));
      const corrected = Object.entries(found.corrections);
      corrections.textContent = corrected.length ? `${texts.searchedAs} ${corrected.map(([from, to]) => `${from} → ${to}`).join(", ")}` : "";
      helpMessage.textContent = found.hits.length ? "" : texts.noArticles;
    } catch {
      helpMessage.textContent = texts.failed;
    }
  }

  async function contact(event: Event) {
    event.preventDefault();
    send.disabled = true;
    contactMessage.className = "";
    contactMessage.textContent = "";
    try {
      const response = await call("/cases", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: name.value, email: email.value, subject: subject.value, message: message.value }),
      });
      if (response.ok) {
        const receipt = (await response.json()) as Receipt;
        contactMessage.className = "notice";
        contactMessage.textContent = receipt.displayNumber ? texts.sentCase.replace("{number}", receipt.displayNumber) : texts.sent;
        subject.value = message.value = "";
        if (session?.verified) void loadCases();
      } else {
        contactMessage.className = "error";
        contactMessage.setAttribute("role", "alert");
        contactMessage.textContent = problemText(await response.json().catch(() => null), texts.failed);
      }
    } catch {
      contactMessage.className = "error";
      contactMessage.textContent = texts.failed;
    } finally {
      send.disabled = false;
    }
  }

  /** A verified visitor's own requests; an unverified one is never shown any (the server refuses them too). */
  async function loadCases() {
    const response = await call("/cases").catch(() => null);
    if (!response?.ok) return;
    const rows = (await response.json()) as CaseRow[];
    casesList.replaceChildren(...rows.map(c => el("li", {}, `${c.displayNumber} · ${c.subject} · ${texts.status[c.status] ?? c.status}`)));
    casesBlock.hidden = rows.length === 0;
  }

  function chatLine(m: ChatMessage): HTMLLIElement {
    const who = m.mine ? texts.you : m.authorName;
    const text = m.images > 0 ? `${m.text} ${texts.chatImages}`.trim() : m.text;
    return el("li", { class: m.mine ? "mine" : "theirs" }, el("strong", {}, who), el("p", {}, text));
  }

  /** The conversation, newest last; read again every few seconds while it is on screen (the team's answers appear). */
  async function loadChat() {
    const response = await call("/chat").catch(() => null);
    if (!response?.ok) return;
    const page = (await response.json()) as ChatPage;
    const messages = page.messages; // oldest first
    const atEnd = chatLog.scrollTop + chatLog.clientHeight >= chatLog.scrollHeight - 8;
    chatLog.replaceChildren(...messages.map(chatLine));
    chatEmpty.hidden = messages.length > 0;
    if (atEnd) chatLog.scrollTop = chatLog.scrollHeight;
  }

  async function postChat(event: Event) {
    event.preventDefault();
    const text = chatText.value.trim();
    if (!text) return;
    chatSend.disabled = true;
    chatError.hidden = true;
    try {
      const response = await call("/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
      if (response.ok) { chatText.value = ""; await loadChat(); chatLog.scrollTop = chatLog.scrollHeight; }
      else { chatError.hidden = false; chatError.textContent = problemText(await response.json().catch(() => null), texts.failed); }
    } catch {
      chatError.hidden = false;
      chatError.textContent = texts.failed;
    } finally {
      chatSend.disabled = false;
    }
  }

  // Polled rather than pushed: the app's hubs authenticate with the portal's cookie, which a widget on another site has not.
  window.setInterval(() => { if (!panel.hidden && current === "chat" && session?.verified) void loadChat(); }, 5000);

  launcher.addEventListener("click", () => open(panel.hidden));
  close.addEventListener("click", () => open(false));
  panel.addEventListener("keydown", e => { if (e.key === "Escape") open(false); });
  for (const [name, button] of tabList) button.addEventListener("click", () => select(name));
  tabs.addEventListener("keydown", e => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const shown = tabList.filter(([, button]) => !button.hidden);
    const at = shown.findIndex(([name]) => name === current);
    const next = shown[(at + (e.key === "ArrowRight" ? 1 : shown.length - 1)) % shown.length]!;
    select(next[0]);
    next[1].focus();
  });
  chatForm.addEventListener("submit", e => void postChat(e));
  searchForm.addEventListener("submit", e => void search(e));
  contactForm.addEventListener("submit", e => void contact(e));

  document.body.append(host);
  render();
  void startSession();
}

const script = findScript();
if (script) {
  if (document.body) start(script);
  else document.addEventListener("DOMContentLoaded", () => start(script), { once: true });
}
