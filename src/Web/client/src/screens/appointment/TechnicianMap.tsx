// The technician and the customer's address on one map, both always in view. Leaflet owns the map's DOM: the map and
// its two markers are made once, and each new position moves the technician's marker in place.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef } from "preact/hooks";
import { api } from "../../api/client";
import { t } from "../../i18n/i18n";

/** What the appointment hub sends (AppointmentPositionDto). */
export interface TechnicianPosition {
  ticketId: string;
  lat: number;
  lon: number;
  heading: number | null;
  time: string;
}

// No animation: the view changes only when a marker would leave it, and then it is at once where both are in view
// (an animated zoom leaves the markers mid-flight, far from where they end, for a moment).
const fitOptions: L.FitBoundsOptions = { padding: [48, 48], maxZoom: 16, animate: false };

export function TechnicianMap({ position, home }: { position: TechnicianPosition; home: { lat: number; lon: number } }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const technician = useRef<L.Marker | null>(null);

  useEffect(() => {
    const element = container.current!;
    const m = L.map(element, { zoomControl: false });
    L.control.zoom({ zoomInTitle: t("appointment.zoomIn"), zoomOutTitle: t("appointment.zoomOut") }).addTo(m);
    m.fitBounds(L.latLngBounds([[position.lat, position.lon], [home.lat, home.lon]]), fitOptions);
    const house = marker([home.lat, home.lon], "home-marker", t("appointment.homeMarker")).addTo(m);
    const tech = marker([position.lat, position.lon], "technician-marker", t("appointment.technicianMarker")).addTo(m);
    tech.setZIndexOffset(1000);
    map.current = m;
    technician.current = tech;
    void api.GET("/api/v1/map").then(({ data }) => {
      // The page sends no referrer; tile servers ask for one (OpenStreetMap's policy), so tiles send the origin alone.
      if (data?.tileUrl && map.current === m) L.tileLayer(data.tileUrl, { attribution: data.attribution ?? "", maxZoom: 19, referrerPolicy: "strict-origin" }).addTo(m);
    });
    // The box may still be settling (fonts, the card appearing, a phone turned): Leaflet measures it only when told.
    const observer = new ResizeObserver(() => {
      m.invalidateSize();
      m.fitBounds(L.latLngBounds([tech.getLatLng(), house.getLatLng()]), fitOptions);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      m.remove();
      map.current = null;
      technician.current = null;
    };
  }, []);

  // A new position moves the marker; the view follows only when either marker would leave it.
  useEffect(() => {
    const m = map.current;
    const tech = technician.current;
    if (!m || !tech) return;
    tech.setLatLng([position.lat, position.lon]);
    const element = tech.getElement();
    element?.setAttribute("data-lat", String(position.lat));
    element?.setAttribute("data-lon", String(position.lon));
    const both = L.latLngBounds([[position.lat, position.lon], [home.lat, home.lon]]);
    if (!m.getBounds().pad(-0.1).contains(both)) m.fitBounds(both, fitOptions);
  }, [position.lat, position.lon, home.lat, home.lon]);

  return <div ref={container} class="technician-map" role="region" aria-label={t("appointment.map")} />;
}

/** A marker drawn by CSS (no image to load), not interactive, named for assistive technology. */
function marker(at: L.LatLngExpression, className: string, label: string): L.Marker {
  const made = L.marker(at, {
    icon: L.divIcon({ className: `map-marker ${className}`, iconSize: [26, 26], iconAnchor: [13, 13] }),
    interactive: false,
    keyboard: false,
  });
  made.on("add", () => {
    const element = made.getElement();
    element?.setAttribute("role", "img");
    element?.setAttribute("aria-label", label);
  });
  return made;
}
