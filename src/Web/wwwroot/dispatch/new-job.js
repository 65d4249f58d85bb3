// Creating a job from the board. The window is entered in the browser's own time zone (a dispatcher works in the
// company's); without one the job may be done any time today. Clicking the map while the form is open places the job.
// The board needs no telling: dispatch places the new job and the hub's BoardChanged brings it in.

const $ = id => document.getElementById(id);

export function startNewJobForm(map) {
  const dialog = $("new-job");
  const form = $("new-job-form");
  let pin = null;

  $("new-job-open").addEventListener("click", () => {
    $("new-job-error").textContent = "";
    dialog.show(); // not modal: the map stays clickable to place the job
    $("job-description").focus();
  });
  $("new-job-cancel").addEventListener("click", close);

  map.on("click", event => {
    if (!dialog.open) return;
    $("job-lat").value = event.latlng.lat.toFixed(6);
    $("job-lon").value = event.latlng.lng.toFixed(6);
    pin?.remove();
    pin = L.marker(event.latlng, { title: "New job" }).addTo(map);
  });

  form.addEventListener("submit", async event => {
    event.preventDefault();
    $("new-job-error").textContent = "";
    const from = $("job-from").value, to = $("job-to").value;
    if ((from === "") !== (to === "")) {
      $("new-job-error").textContent = "Give both ends of the window, or neither.";
      return;
    }
    const body = {
      customerId: $("job-customer").value.trim(),
      propertyId: $("job-property").value.trim(),
      location: { latitude: Number($("job-lat").value), longitude: Number($("job-lon").value) },
      address: $("job-address").value.trim(),
      description: $("job-description").value.trim(),
      requiredSkills: $("job-skills").value.split(",").map(s => s.trim()).filter(Boolean),
      estimatedMinutes: Number($("job-minutes").value),
      arrivalWindow: from ? { start: new Date(from).toISOString(), end: new Date(to).toISOString() } : null,
      priority: $("job-priority").value,
    };
    const response = await fetch("/api/v1/tickets", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (response.status === 201) {
      form.reset();
      close();
      return;
    }
    const problem = await response.json().catch(() => null);
    $("new-job-error").textContent = problem?.detail ?? Object.values(problem?.errors ?? {}).flat().join(" ") ?? `Could not create the job (${response.status}).`;
  });

  function close() {
    pin?.remove();
    pin = null;
    dialog.close();
  }
}
