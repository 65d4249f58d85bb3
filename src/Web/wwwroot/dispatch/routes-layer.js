// Each technician's planned route on the live map: start -> stops in order -> end, in the technician's colour
// (the same swatch as their timeline row), with numbered stop markers. Segments are straight lines between
// points, not the road path: the board gives only the stops, and the order is what a dispatcher reads here.

const PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bf8700", "#0a7c86", "#cf4c00", "#bf3989", "#57606a", "#116329"];

export const colorFor = index => PALETTE[index % PALETTE.length];

export class RoutesLayer {
  constructor(map) {
    this.map = map;
    this.group = L.layerGroup().addTo(map);
    this.fitted = false;
  }

  update(board) {
    this.group.clearLayers();
    const bounds = [];
    board.technicians.forEach((t, index) => {
      if (t.stops.length === 0) return;
      const color = colorFor(index);
      const point = p => [p.latitude, p.longitude];
      const path = [t.start, ...t.stops.map(s => s.job.location), t.end].filter(Boolean).map(point);
      L.polyline(path, { color, weight: 3, opacity: .8, dashArray: "6 6", className: "route", interactive: false }).addTo(this.group);
      t.stops.forEach((s, i) => {
        const icon = L.divIcon({ className: "stop-marker", html: stopNumber(i + 1, color), iconSize: [22, 22], iconAnchor: [11, 11] });
        const title = `${t.name}, stop ${i + 1}: ${s.job.description}`;
        L.marker(point(s.job.location), { icon, title, alt: title, keyboard: false }).bindTooltip(title).addTo(this.group);
      });
      bounds.push(...path);
    });
    // Frame the routes once, on the first board that has any; afterwards the dispatcher's own panning wins.
    if (!this.fitted && bounds.length > 0) {
      this.map.fitBounds(bounds, { maxZoom: 15, padding: [30, 30], animate: false });
      this.fitted = true;
    }
  }
}

// An element, not markup: the Content-Security-Policy refuses style attributes in markup.
function stopNumber(number, color) {
  const span = document.createElement("span");
  span.textContent = number;
  span.style.background = color;
  return span;
}
