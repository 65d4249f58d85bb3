// One set of filters for the whole dashboard: the technician list, the day plan's rows and the map's markers read
// the same technician test, the tray and the rows' stops the same job test. The tests are computed once per change
// of a filter (or of the board), and each view applies them where it already chooses what to draw (the virtualised
// lists, the map's regrouping), so a fleet of thousands is filtered without re-rendering anything else.
import { computed, signal } from "@preact/signals";
import type { BoardJob, TicketPriority } from "../format";
import type { BoardStore } from "../board/boardStore";

export type JobStatus = BoardJob["status"];

export type TechnicianTest = (id: string, name: string) => boolean;
export type JobTest = (job: BoardJob) => boolean;

const fold = (text: string) => text.trim().toLocaleLowerCase();

export class Filters {
  /** Words of the technician's name. */
  readonly technician = signal("");
  /** A skill: technicians who hold it (that day, certificates included), jobs that need it. */
  readonly skill = signal("");
  readonly status = signal<JobStatus | "">("");
  readonly priority = signal<TicketPriority | "">("");

  constructor(private readonly board: BoardStore) {}

  /** Every skill the day's technicians hold or its jobs need, to choose from. */
  readonly skills = computed(() => {
    const board = this.board.board.value;
    const all = new Set<string>();
    for (const tech of board?.technicians ?? []) {
      for (const skill of tech.qualifications) all.add(skill);
      for (const stop of tech.stops) for (const skill of stop.job.requiredSkills) all.add(skill);
    }
    for (const job of board?.unassigned ?? []) for (const skill of job.requiredSkills) all.add(skill);
    return [...all].sort((a, b) => a.localeCompare(b));
  });

  /** Each technician's skills on the day shown, by id, lower-cased. */
  private readonly skillsById = computed(() => new Map((this.board.board.value?.technicians ?? []).map(tech => [tech.id, new Set(tech.qualifications.map(fold))])));

  readonly technicianTest = computed<TechnicianTest>(() => {
    const words = fold(this.technician.value);
    const skill = fold(this.skill.value);
    const skills = this.skillsById.value;
    if (!words && !skill) return () => true;
    return (id, name) => (!words || name.toLocaleLowerCase().includes(words)) && (!skill || (skills.get(id)?.has(skill) ?? false));
  });

  readonly jobTest = computed<JobTest>(() => {
    const skill = fold(this.skill.value);
    const status = this.status.value;
    const priority = this.priority.value;
    if (!skill && !status && !priority) return () => true;
    return job => (!skill || job.requiredSkills.some(s => fold(s) === skill)) && (!status || job.status === status) && (!priority || job.priority === priority);
  });

  readonly active = computed(() => Boolean(this.technician.value.trim() || this.skill.value || this.status.value || this.priority.value));

  clear(): void {
    this.technician.value = "";
    this.skill.value = "";
    this.status.value = "";
    this.priority.value = "";
  }
}
