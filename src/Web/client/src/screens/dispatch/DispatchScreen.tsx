import { useSignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { t } from "../../i18n/i18n";
import { AlertsPanel } from "./board/AlertsPanel";
import { BoardStore } from "./board/boardStore";
import { Candidates } from "./board/candidates";
import { BoardDrag } from "./board/drag";
import { DragGhost } from "./board/DragGhost";
import { LastPlan } from "./board/lastPlan";
import { NewJobDialog } from "./board/NewJobDialog";
import { NewJobPlace } from "./board/newJobPlace";
import { OptimizePanel } from "./board/OptimizePanel";
import { OptimizeRun } from "./board/optimizeRun";
import { timeAt } from "./board/scale";
import { Timeline } from "./board/Timeline";
import { Tray } from "./board/Tray";
import { ChatPanel } from "./chat/ChatPanel";
import { DispatchHeader } from "./DispatchHeader";
import { Filters } from "./filters/filters";
import { FiltersPanel } from "./filters/FiltersPanel";
import { Fleet } from "./fleet/fleet";
import { Selection } from "./fleet/selection";
import { TechnicianDetails } from "./fleet/TechnicianDetails";
import { TechnicianList } from "./fleet/TechnicianList";
import { connectLiveMap, type ConnectionState } from "./live";
import { LiveMap } from "./map/LiveMap";
import "./dispatch.css";

/** Everything the page holds, made once: the live fleet, the day board and what the dispatcher has open or chosen. */
function createStores() {
  const fleet = new Fleet();
  const board = new BoardStore();
  const drag = new BoardDrag((technicianId, ticketId, fraction) => {
    const technician = board.board.peek()?.technicians.find(t => t.id === technicianId);
    if (technician) void board.assign(technician, ticketId, timeAt(board.scale.peek(), fraction));
  });
  return {
    fleet, board, drag, selection: new Selection(), place: new NewJobPlace(), optimize: new OptimizeRun(), lastPlan: new LastPlan(),
    candidates: new Candidates(board, drag), filters: new Filters(board),
  };
}

/**
 * The dispatcher's dashboard: the technicians (list and details), the live map, the board's panels (optimize, alerts,
 * the unassigned tray, the team's conversations) and the day plan. One hub connection feeds the map and the board.
 */
export function DispatchScreen() {
  const [stores] = useState(createStores);
  const { fleet, board, drag, selection, place, optimize, lastPlan, candidates, filters } = stores;
  const company = useSignal("");
  const connection = useSignal<ConnectionState>("connecting");
  const signedIn = useSignal(false);
  useEffect(() => { document.title = t("dispatch.pageTitle"); });

  useEffect(() => {
    void (async () => {
      const me = await api.GET("/api/v1/auth/me");
      if (me.response.status === 401) {
        location.href = "/login/?returnUrl=" + encodeURIComponent(location.pathname);
        return;
      }
      signedIn.value = true;
      void api.GET("/api/v1/company").then(({ data }) => (company.value = data?.name ?? ""));
      try {
        await connectLiveMap({
          snapshot: list => fleet.snapshot(list),
          positions: list => fleet.positions(list),
          boardChanged: change => {
            if (change.day === board.day.peek()) void board.load();
            // A plan on offer may have gone stale, and a plan applied or undone anywhere changes what can be undone.
            void optimize.boardChanged(change.day);
            lastPlan.loadSoon();
          },
          alerts: list => (board.alerts.value = list),
          optimizeProgress: progress => optimize.progress(progress),
          connection: state => {
            connection.value = state;
            // The board is read once live: the hub subscribes to the company's board events on connect, so no change
            // falls between; after a reconnect, to catch up with what was missed.
            if (state === "live") void board.load();
          },
        });
      } catch {
        connection.value = "offline";
      }
    })();
  }, []);

  return (
    <div class="dispatch">
      <DispatchHeader company={company} connection={connection} />
      <main class="layout">
        <aside class="side" aria-label={t("dispatch.fleet.heading")}>
          <TechnicianDetails fleet={fleet} selection={selection} zone={board.zone} day={board.day} />
          <FiltersPanel filters={filters} fleet={fleet} board={board} />
          <TechnicianList fleet={fleet} selection={selection} filters={filters} />
        </aside>
        <div class="centre">
          <LiveMap fleet={fleet} board={board} selection={selection} place={place} proposal={optimize.proposal} filters={filters} />
          <Timeline store={board} drag={drag} candidates={candidates} filters={filters} />
        </div>
        <aside class="board-side" aria-label={t("dispatch.board.panels")}>
          <OptimizePanel store={board} run={optimize} last={lastPlan} />
          <AlertsPanel store={board} onOpenTechnician={id => void selection.open(id)} />
          <Tray store={board} drag={drag} filters={filters} onNewJob={() => (place.open.value = true)} />
          {signedIn.value && <ChatPanel zone={board.zone.value} />}
        </aside>
      </main>
      <NewJobDialog store={board} place={place} />
      <DragGhost drag={drag} />
    </div>
  );
}
