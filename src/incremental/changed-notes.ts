/** How many notes changed between two builds: added, removed, or with other content. */
export function changedNotes(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): number {
  // Indexed, over the keys alone: run once over 10k notes, unoptimised, `for of` over entries allocated a pair and a result a step.
  let changed = 0;
  const now = Object.keys(after);
  for (let i = 0; i < now.length; i++) if (before[now[i]!] !== after[now[i]!]) changed++;
  const was = Object.keys(before);
  for (let i = 0; i < was.length; i++) if (after[was[i]!] === undefined) changed++;
  return changed;
}
