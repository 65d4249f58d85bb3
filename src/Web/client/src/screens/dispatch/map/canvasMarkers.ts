// What the fleet looks like on the map's canvas: a technician is a dot in their status colour inside a ring of their
// route's colour, with a tick along their heading; a cluster is a ring split by the statuses of its members around
// their count. Both are Leaflet circle markers on one L.canvas renderer, so thousands of them are one <canvas>, and
// Leaflet still hit-tests them for hover and click. They draw themselves by overriding CircleMarker's _updatePath
// and _updateBounds, the hook Leaflet's own vector layers use (Leaflet 1.9; these names are not in its typings).
import L from "leaflet";
import { conditionColour, conditions, type Condition } from "../fleet/status";

/** The parts of Leaflet's canvas renderer and circle marker that a marker drawing itself needs. */
interface CanvasDrawing {
  _renderer: { _ctx: CanvasRenderingContext2D; _drawing: boolean };
  _point: L.Point;
  _pxBounds: L.Bounds;
  _empty(): boolean;
}

const internals = (marker: L.CircleMarker) => marker as unknown as CanvasDrawing;

/** Outer radius of a technician's dot, in CSS pixels. */
const DOT = 9;
const RING = 3.5;
const TICK = 6;
const SELECTED_HALO = 4;
const OUTLINE = "rgba(28, 33, 40, .55)";
const TEXT = "#1c2128";

export class TechnicianMarker extends L.CircleMarker {
  fill = conditionColour.NoSignal;
  /** The route's colour, or null when the technician has no route on the day shown. */
  ring: string | null = null;
  heading: number | null = null;
  selected = false;

  constructor(latLng: L.LatLngExpression, readonly technicianId: string, renderer: L.Canvas) {
    super(latLng, { renderer, radius: DOT, stroke: false, bubblingMouseEvents: false });
  }

  _updateBounds(): void {
    const self = internals(this);
    const reach = DOT + Math.max(TICK, SELECTED_HALO) + 2;
    self._pxBounds = L.bounds(self._point.subtract([reach, reach]), self._point.add([reach, reach]));
  }

  _updatePath(): void {
    const self = internals(this);
    if (!self._renderer._drawing || self._empty()) return;
    const ctx = self._renderer._ctx;
    const { x, y } = self._point;
    ctx.globalAlpha = 1;
    if (this.selected) circle(ctx, x, y, DOT + SELECTED_HALO, null, TEXT, 2);
    circle(ctx, x, y, DOT, this.ring ?? "#ffffff", OUTLINE, 1);
    circle(ctx, x, y, DOT - RING, this.fill, null, 0);
    if (this.heading !== null) {
      const angle = (this.heading - 90) * Math.PI / 180;
      const tip = DOT + TICK;
      ctx.beginPath();
      ctx.moveTo(x + Math.cos(angle) * tip, y + Math.sin(angle) * tip);
      ctx.lineTo(x + Math.cos(angle + 0.45) * (DOT + 0.5), y + Math.sin(angle + 0.45) * (DOT + 0.5));
      ctx.lineTo(x + Math.cos(angle - 0.45) * (DOT + 0.5), y + Math.sin(angle - 0.45) * (DOT + 0.5));
      ctx.closePath();
      ctx.fillStyle = TEXT;
      ctx.fill();
    }
  }
}

export class ClusterMarker extends L.CircleMarker {
  count = 0;
  /** Members per condition, drawn as the ring's segments. */
  mix: Record<Condition, number> = emptyMix();
  /** Where the members are, so a click can zoom to them. */
  area: L.LatLngBounds = L.latLngBounds([]);

  constructor(renderer: L.Canvas) {
    super([0, 0], { renderer, radius: 14, stroke: false, bubblingMouseEvents: false });
  }

  /** Sets the members; the caller redraws (setLatLng) afterwards. */
  hold(count: number, mix: Record<Condition, number>, area: L.LatLngBounds): void {
    this.count = count;
    this.mix = mix;
    this.area = area;
    this.setRadius(Math.min(24, 12 + 4 * Math.log10(count)));
  }

  _updatePath(): void {
    const self = internals(this);
    if (!self._renderer._drawing || self._empty()) return;
    const ctx = self._renderer._ctx;
    const { x, y } = self._point;
    const r = this.getRadius();
    ctx.globalAlpha = 1;
    let start = -Math.PI / 2;
    for (const condition of conditions) {
      const share = this.mix[condition] / this.count;
      if (share <= 0) continue;
      const end = start + share * Math.PI * 2;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.arc(x, y, r, start, end);
      ctx.closePath();
      ctx.fillStyle = conditionColour[condition];
      ctx.fill();
      start = end;
    }
    circle(ctx, x, y, r, null, OUTLINE, 1);
    circle(ctx, x, y, r - 5, "#ffffff", null, 0);
    ctx.fillStyle = TEXT;
    ctx.font = `600 ${r > 19 ? 13 : 12}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(compactCount(this.count), x, y + 0.5);
  }
}

export function emptyMix(): Record<Condition, number> {
  return { Available: 0, EnRoute: 0, OnSite: 0, OffDuty: 0, NoSignal: 0 };
}

function circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, fill: string | null, stroke: string | null, width: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  if (stroke) {
    ctx.setLineDash([]);
    ctx.lineWidth = width;
    ctx.strokeStyle = stroke;
    ctx.stroke();
  }
}

/** "87", "1.2k": the count fits inside the smallest bubble. */
function compactCount(count: number): string {
  return count < 1000 ? String(count) : `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
}
