// The landing page of a sign-in link. Opening the link burns nothing: mail scanners fetch links (and some run their
// scripts) before the person does, so the token is posted only when the person presses the button.
const ready = document.getElementById("ready");
const button = document.getElementById("continue");
const error = document.getElementById("error");
const again = document.getElementById("again");

const token = new URLSearchParams(location.search).get("token");
// Out of the address bar and history as soon as it has been read: the token is a credential until it is used.
history.replaceState(null, "", location.pathname);

function refuse(message) {
  ready.hidden = true;
  error.textContent = message;
  again.hidden = false;
}

if (!token) {
  refuse("This page needs the link from your email.");
} else {
  ready.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    error.textContent = "";
    const response = await fetch("/api/v1/portal/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token }),
    });
    if (response.ok) {
      location.href = "/portal/";
    } else if (response.status === 429) {
      button.disabled = false;
      error.textContent = "Too many attempts; wait a minute and try again.";
    } else {
      refuse("This link was already used or has expired. Links work once, for 15 minutes.");
    }
  });
}
