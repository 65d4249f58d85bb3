import { render, type ComponentChild } from "preact";
import { applyToDocument } from "../i18n/i18n";
import "../styles/base.css";

/** Starts a screen: the document's language and direction first, then the screen into #app. */
export function mount(screen: () => ComponentChild): void {
  applyToDocument();
  const root = document.getElementById("app");
  if (!root) throw new Error("The page has no #app element.");
  render(screen(), root);
}
