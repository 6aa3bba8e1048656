/**
 * The line under the search results: nothing before a query, "Searching…" while the first page
 * loads, a "no match" sentence, or how many notes are shown out of how many match
 * (`10 of 243 results`; `3 results` when all are shown). Numbers are grouped (`1,204`).
 */
export function toSearchStatus(query: string, loading: boolean, shown: number, total: number): string {
  const q = query.trim();
  if (q === '') return '';
  if (loading && shown === 0) return 'Searching…';
  if (total === 0) return `No notes match “${q}”.`;
  const noun = total === 1 ? 'result' : 'results';
  const count = (n: number) => n.toLocaleString('en-US');
  return shown < total ? `${count(shown)} of ${count(total)} ${noun}` : `${count(total)} ${noun}`;
}
