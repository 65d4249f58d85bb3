// One appointment, live: status, ETA and, only while the technician is on the way here, where they are. The server
// decides what is sent (see AppointmentFeed); this page shows the latest it got and keeps no track or history.
(() => {
  const $ = id => document.getElementById(id);
  const id = new URLSearchParams(location.search).get("id") ?? "";
  // Times are the company's wall clock (from /me), like the windows it offers; undefined falls back to the phone's zone.
  let timeZone;
  const hour = iso => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone });
  const day = iso => new Date(iso).toLocaleDateString([], { weekday: "long", day: "numeric", month: "long", timeZone });
  let map = null;
  let marker = null;

  function show(job) {
    $("appointment").hidden = false;
    $("job-description").textContent = job.description;
    $("job-address").textContent = job.address;
    $("job-status").textContent = job.statusLabel;
    $("job-status").className = `badge status-${job.status}`;
    $("job-window").textContent = job.arrivalWindow ? `${day(job.arrivalWindow.start)}, ${hour(job.arrivalWindow.start)}–${hour(job.arrivalWindow.end)}` : "as soon as possible";
    if (job.eta && (job.status === "Assigned" || job.status === "EnRoute")) showEta(job.eta);
    else if (job.status !== "Assigned" && job.status !== "EnRoute") $("job-eta").textContent = "—";
    $("job-technician").textContent = job.technician ? job.technician.firstName : "not assigned yet";
    const photo = $("technician-photo");
    photo.hidden = !job.technician?.photoUrl;
    if (job.technician?.photoUrl) photo.src = job.technician.photoUrl;
    const timeline = $("job-timeline");
    timeline.replaceChildren(...job.timeline.map(step => {
      const li = document.createElement("li");
      const time = document.createElement("time");
      time.dateTime = step.at;
      time.textContent = `${hour(step.at)}`;
      li.append(time, document.createTextNode(step.label));
      return li;
    }));
    if (job.status !== "EnRoute") hideMap();
  }

  function showEta(eta) {
    $("job-eta").textContent = hour(eta);
  }

  function showPosition(p) {
    $("map-card").hidden = false;
    if (!map) {
      map = L.map("map", { zoomControl: true, attributionControl: true });
      fetch("/api/v1/map").then(r => r.ok ? r.json() : null).then(config => {
        // The page sends no referrer; tile servers ask for one (OpenStreetMap's policy), so tiles send the origin alone.
        if (config?.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19, referrerPolicy: "strict-origin" }).addTo(map);
      });
    }
    const at = [p.lat, p.lon];
    if (!marker) {
      marker = L.circleMarker(at, { radius: 9, color: "#1f6feb", fillOpacity: 0.9 }).addTo(map);
      marker.getElement()?.setAttribute("data-technician-position", "");
      map.setView(at, 15);
    } else {
      marker.setLatLng(at);
      map.panTo(at);
    }
    $("map").dataset.lat = p.lat;
    $("map").dataset.lon = p.lon;
    $("map-time").textContent = `Position at ${hour(p.time)}`;
  }

  function hideMap() {
    $("map-card").hidden = true;
    if (marker) {
      marker.remove();
      marker = null;
    }
  }

  async function start() {
    const me = await fetch("/api/v1/portal/me");
    if (!me.ok) {
      location.href = "/portal/"; // not signed in (or the session ended): sign in first
      return;
    }
    timeZone = (await me.json()).timeZone;
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/appointments").withAutomaticReconnect().build();
    connection.on("Status", job => { if (job.id === id) show(job); });
    connection.on("Eta", eta => { if (eta.ticketId === id) showEta(eta.eta); });
    connection.on("TechnicianPosition", p => { if (p.ticketId === id) showPosition(p); });
    connection.on("TechnicianHidden", ticketId => { if (ticketId === id) hideMap(); });
    connection.onreconnected(watch);
    connection.onclose(() => { $("live").hidden = true; });
    async function watch() {
      try {
        show(await connection.invoke("Watch", id));
        $("live").hidden = false;
      } catch {
        $("missing").hidden = false;
        $("appointment").hidden = true;
      }
    }
    try {
      await connection.start();
    } catch {
      location.href = "/portal/"; // not signed in (or the session ended): sign in first
      return;
    }
    await watch();
  }

  start();
})();
