// Signs a dispatcher in (the server sets an HttpOnly cookie) and goes back to where they were headed.
const form = document.getElementById("login");
const error = document.getElementById("error");

form.addEventListener("submit", async event => {
  event.preventDefault();
  error.textContent = "";
  const response = await fetch("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: form.email.value, password: form.password.value }),
  });
  if (response.ok) {
    const target = new URLSearchParams(location.search).get("returnUrl");
    // Only same-site paths: never bounce a signed-in user to another site.
    location.href = target && target.startsWith("/") && !target.startsWith("//") ? target : "/dispatch/";
  } else if (response.status === 429) {
    error.textContent = "Too many attempts; wait a minute and try again.";
  } else {
    error.textContent = "Wrong email or password.";
  }
});
