// The learned speeds of the streets in view (GET /travel-model/speeds), coloured by how much slower than free flow they
// are driven. Thousands of lines: drawn on one canvas (SVG would be an element each). Read again when the map stops
// moving, a moment after the last move (panning fires many), and a read still on its way is dropped for the newer one.
import { signal } from "@preact/signals";
import L from "leaflet";
import { api } from "../../../api/client";
import { bandOf, speedBands } from "./speedBands";

/** Must match the API's limit (SpeedMaps.MaxBoxKilometres): a wider view asks the dispatcher to zoom in instead. */
const maxBoxKilometres = 60;
const settleMs = 250;

export type SpeedsState =
  | { kind: "off" }
  | { kind: "loading" }
  | { kind: "shown"; streets: number; capped: boolean }
  | { kind: "noModel" }
  | { kind: "zoomIn" }
  | { kind: "failed" };

export class SpeedsLayer {
  readonly state = signal<SpeedsState>({ kind: "off" });
  private readonly renderer: L.Canvas;
  private readonly group = L.layerGroup();
  private timer: number | undefined;
  private reading: AbortController | null = null;
  private readonly onMove = () => this.readSoon();

  constructor(private readonly map: L.Map) {
    // A pane of its own, above the tiles and under the routes and markers (overlays are 400): the streets are the
    // background the day is planned on, not something to click.
    map.createPane("speeds").style.zIndex = "350";
    this.renderer = L.canvas({ pane: "speeds" });
  }

  show(on: boolean): void {
    if (on === (this.state.peek().kind !== "off")) return;
    if (on) {
      this.group.addTo(this.map);
      this.map.on("moveend", this.onMove);
      void this.read();
    } else {
      this.map.off("moveend", this.onMove);
      this.stop();
      this.group.clearLayers();
      this.group.remove();
      this.state.value = { kind: "off" };
    }
  }

  dispose(): void {
    this.show(false);
  }

  private stop(): void {
    window.clearTimeout(this.timer);
    this.reading?.abort();
    this.reading = null;
  }

  private readSoon(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.read(), settleMs);
  }

  private async read(): Promise<void> {
    this.stop();
    const box = this.map.getBounds();
    const across = Math.max(box.getNorthWest().distanceTo(box.getSouthWest()), box.getNorthWest().distanceTo(box.getNorthEast())) / 1000;
    if (across > maxBoxKilometres) {
      this.group.clearLayers();
      this.state.value = { kind: "zoomIn" };
      return;
    }
    const reading = (this.reading = new AbortController());
    if (this.state.peek().kind !== "shown") this.state.value = { kind: "loading" };
    try {
      const { data } = await api.GET("/api/v1/dispatch/travel-model/speeds", {
        params: { query: { south: box.getSouth(), west: box.getWest(), north: box.getNorth(), east: box.getEast() } },
        signal: reading.signal,
      });
      if (reading.signal.aborted) return;
      this.reading = null;
      if (!data) {
        this.state.value = { kind: "failed" };
        return;
      }
      this.draw(data.lines);
      this.state.value = data.modelVersion === null ? { kind: "noModel" } : { kind: "shown", streets: data.lines.length / 5, capped: data.capped };
    } catch {
      // Aborted for a newer view (that read reports), or the network failed.
      if (!reading.signal.aborted) this.state.value = { kind: "failed" };
    }
  }

  /** One polyline per band (many segments each): a canvas draws a few large paths faster than thousands of small ones. */
  private draw(lines: readonly number[]): void {
    const byBand = new Map(speedBands.map(b => [b, [] as L.LatLngTuple[][]]));
    const at = (i: number) => lines[i] ?? 0;
    for (let i = 0; i + 4 < lines.length; i += 5) {
      byBand.get(bandOf(at(i + 4)))?.push([[at(i), at(i + 1)], [at(i + 2), at(i + 3)]]);
    }
    this.group.clearLayers();
    for (const [band, segments] of byBand) {
      if (segments.length === 0) continue;
      L.polyline(segments, { renderer: this.renderer, color: band.colour, weight: 3, opacity: 0.85, interactive: false }).addTo(this.group);
    }
  }
}
