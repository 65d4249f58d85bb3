// The technician the dispatcher opened (from the list or the map) and their last hour's track, which the details panel
// counts and the map draws.
import { signal } from "@preact/signals";
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";

type Feature = components["schemas"]["TrackFeature"];
type LineFeature = components["schemas"]["TrackFeatureTrackLineFeature"];

export interface Track {
  technicianId: string;
  /** [lat, lon] of the plausible fixes, oldest first. */
  points: [number, number][];
}

export class Selection {
  readonly technicianId = signal<string | null>(null);
  /** The open technician's track; null while it loads (or when it could not be read). */
  readonly track = signal<Track | null>(null);

  async open(id: string): Promise<void> {
    this.technicianId.value = id;
    this.track.value = null;
    const { data } = await api.GET("/api/v1/technicians/{id}/track", { params: { path: { id } } });
    if (!data || this.technicianId.peek() !== id) return;
    const line = data.features.find(isLine);
    this.track.value = { technicianId: id, points: (line?.geometry.coordinates ?? []).map(([lon, lat]) => [Number(lat), Number(lon)]) };
  }

  close(): void {
    this.technicianId.value = null;
    this.track.value = null;
  }
}

const isLine = (feature: Feature): feature is LineFeature => feature.geometry.type === "LineString";
