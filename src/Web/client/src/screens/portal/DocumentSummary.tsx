/** The always-visible line of a document: what, how much or when, and its status badge (the class says which colour). */
export function DocumentSummary({ title, detail, status, label }: { title: string; detail: string; status: string; label: string }) {
  return (
    <summary>
      <strong>{title}</strong>
      <span>{detail}</span>
      <span class={`badge ${status}`}>{label}</span>
    </summary>
  );
}
