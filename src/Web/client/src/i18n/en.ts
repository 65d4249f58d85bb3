// Every string a user reads, in English: the reference catalogue. Other languages must have the same keys (pt.ts is
// typed against this one, so a missing translation fails the build). {name} holes are filled by t().
export const en = {
  "app.name": "OrleansPortal",
  "common.loading": "Loading…",
  "common.close": "Close",
  "common.cancel": "Cancel",
  "common.save": "Save",
  "common.language": "Language",

  "login.title": "Sign in to dispatch",
  "login.pageTitle": "Sign in · OrleansPortal",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.wrong": "Wrong email or password.",
  "login.throttled": "Too many attempts; wait a minute and try again.",
  "login.failed": "Signing in failed ({status}). Try again.",
} as const;

export type MessageKey = keyof typeof en;
