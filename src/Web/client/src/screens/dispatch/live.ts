// The dispatcher's live-map hub (/hubs/live-map). SignalR messages are not in the OpenAPI document, so their shapes are
// written here, in step with src/Web/LiveMap/ILiveMapClient.cs and src/Web/Dispatch/DispatchBoardFeed.cs.
import * as signalR from "@microsoft/signalr";
import type { components } from "../../api/schema";

export type TechnicianStatus = "OffDuty" | "Available" | "EnRoute" | "OnSite";

/** A position as the hub sends it (LivePositionDto); the page keeps, per technician, the one with the newest time. */
export interface LivePosition {
  id: string;
  name: string;
  status: TechnicianStatus;
  lat: number;
  lon: number;
  heading: number | null;
  speedKmh: number | null;
  time: string;
  receivedAt: string;
}

/** A technician in the snapshot sent on every (re)connect (LiveTechnicianDto); no position before the first ping. */
export interface LiveTechnician {
  id: string;
  name: string;
  status: TechnicianStatus;
  position: LivePosition | null;
}

export interface BoardChanged { day: string; reason: string }

export interface OptimizeProgress { day: string; fraction: number; bestKilometers: number; unassigned: number }

export type DispatchAlert = components["schemas"]["DispatchAlert"];

export interface LiveMapHandlers {
  snapshot(technicians: LiveTechnician[]): void;
  positions(positions: LivePosition[]): void;
  boardChanged(change: BoardChanged): void;
  alerts(alerts: DispatchAlert[]): void;
  optimizeProgress(progress: OptimizeProgress): void;
  /** "live", "reconnecting" or "offline"; after a reconnect the hub sends a fresh snapshot, which is how the map catches up. */
  connection(state: ConnectionState): void;
}

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

/** Connects and resolves once live; events missed while disconnected are not replayed (the handlers re-read what they show). */
export async function connectLiveMap(handlers: LiveMapHandlers): Promise<signalR.HubConnection> {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live-map")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on("Snapshot", handlers.snapshot);
  connection.on("Positions", handlers.positions);
  connection.on("BoardChanged", handlers.boardChanged);
  connection.on("Alerts", handlers.alerts);
  connection.on("OptimizeProgress", handlers.optimizeProgress);
  connection.onreconnecting(() => handlers.connection("reconnecting"));
  connection.onreconnected(() => handlers.connection("live"));
  connection.onclose(() => handlers.connection("offline"));
  await connection.start();
  handlers.connection("live");
  return connection;
}
