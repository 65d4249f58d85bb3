// The dispatch API as the board uses it. Every call resolves to { ok, data } or { ok: false, problem }, so a
// refusal (409 with ProblemDetails) is an answer the page shows, not an exception.

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
  const payload = isJson ? await response.json() : null;
  if (response.ok) return { ok: true, data: payload };
  return { ok: false, problem: problemText(payload, response) };
}

function problemText(problem, response) {
  if (problem?.detail) return problem.detail;
  // A validation problem names its fields instead of giving a detail.
  const errors = problem?.errors ? Object.values(problem.errors).flat() : [];
  if (errors.length > 0) return errors.join(" ");
  return problem?.title ?? `The request failed (${response.status}).`;
}

export const getBoard = day => call("GET", "/api/v1/dispatch/board" + (day ? `?day=${day}` : ""));

export const assign = (ticketId, technicianId, day, at) =>
  call("POST", "/api/v1/dispatch/assignments", { ticketId, technicianId, day, at: at?.toISOString() ?? null });

export const unassign = ticketId => call("DELETE", `/api/v1/dispatch/assignments/${encodeURIComponent(ticketId)}`);

export const optimize = (day, budgetSeconds) => call("POST", "/api/v1/dispatch/optimize", { day, budgetSeconds });
