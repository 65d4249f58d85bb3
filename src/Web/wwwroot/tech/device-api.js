// The device API, called with the phone's token. A refusal comes back as an ApiError carrying the server's
// ProblemDetails, so the page can show its sentence and react to what it flags (reasonRequired on check-in).
const TOKEN_KEY = "orleansportal.deviceToken"; // where tech.js keeps the token

export class ApiError extends Error {
  constructor(status, problem) {
    const firstError = Object.values(problem.errors ?? {}).flat()[0];
    super(problem.detail || firstError || problem.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export const hasToken = () => Boolean(localStorage.getItem(TOKEN_KEY));

async function call(method, path, body) {
  const headers = { Authorization: "Bearer " + (localStorage.getItem(TOKEN_KEY) ?? "") };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.ok) return response.json();
  let problem = {};
  try { problem = await response.json(); } catch { /* not a ProblemDetails body */ }
  if (response.status === 401) problem = { ...problem, detail: "The device token is unknown or revoked: ask your dispatcher for a new one." };
  throw new ApiError(response.status, problem);
}

export const todaysJobs = () => call("GET", "/api/v1/device/jobs");

export const moveJob = (ticketId, status) => call("POST", `/api/v1/device/jobs/${encodeURIComponent(ticketId)}/status`, { status });

export const checkIn = (ticketId, { latitude, longitude }, reason) => call("POST", "/api/v1/device/check-in", { ticketId, latitude, longitude, reason });
