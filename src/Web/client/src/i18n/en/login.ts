// English strings of login. The reference: pt/login.ts must have the same keys.
export const login = {
  "login.title": "Sign in to dispatch",
  "login.pageTitle": "Sign in · OrleansPortal",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.wrong": "Wrong email or password.",
  "login.throttled": "Too many attempts; wait a minute and try again.",
  "login.failed": "Signing in failed ({status}). Try again.",
} as const;
