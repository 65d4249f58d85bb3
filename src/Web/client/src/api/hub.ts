// A SignalR connection to one of the app's hubs (the npm package, bundled), as the pages use it: it reconnects by
// itself, and says so through signals, because a new connection is in no group: whoever joined groups (a chat thread,
// a followed appointment) joins again and re-reads what it shows when `reconnects` moves.
import * as signalR from "@microsoft/signalr";
import { signal } from "@preact/signals";

export type HubState = "connecting" | "live" | "offline";

export class LiveHub {
  readonly connection: signalR.HubConnection;
  /** Counts reconnections since start. */
  readonly reconnects = signal(0);
  readonly state = signal<HubState>("connecting");

  constructor(path: string) {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(path)
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Error)
      .build();
    this.connection.onreconnecting(() => (this.state.value = "connecting"));
    this.connection.onreconnected(() => {
      this.state.value = "live";
      this.reconnects.value++;
    });
    this.connection.onclose(() => (this.state.value = "offline"));
  }

  async start(): Promise<void> {
    await this.connection.start();
    this.state.value = "live";
  }
}
