/** How many notes changed between two builds: added, removed, or with other content. */
export function changedNotes(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): number {
  let changed = 0;
  for (const [id, hash] of Object.entries(after)) if (before[id] !== hash) changed++;
  for (const id of Object.keys(before)) if (after[id] === undefined) changed++;
  return changed;
}
