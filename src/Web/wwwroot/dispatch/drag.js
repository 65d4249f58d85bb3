// What is being dragged. The ticket id also travels in the DataTransfer (so the drop works as browsers specify),
// but a page cannot read DataTransfer data during dragover, so the job itself is kept here for the drop targets.
const TYPE = "application/x-orleansportal-ticket";
let dragged = null;

export function startDrag(event, job) {
  dragged = job;
  event.dataTransfer.setData(TYPE, job.ticketId);
  event.dataTransfer.setData("text/plain", job.description);
  event.dataTransfer.effectAllowed = "move";
  event.currentTarget.classList.add("dragging");
}

export function endDrag(event) {
  dragged = null;
  event.currentTarget.classList.remove("dragging");
}

/** The job under the pointer when it is one of ours (a file or text dragged in from elsewhere is not). */
export function draggedJob(event) {
  if (!dragged && !event.dataTransfer.types.includes(TYPE)) return null;
  return dragged ?? { ticketId: event.dataTransfer.getData(TYPE) };
}
