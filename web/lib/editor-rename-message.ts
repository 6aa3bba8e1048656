/** What the dev server answered to a rename (see src/dev/rename-route.ts). */
export interface RenameOutcome {
  path: string;
  /** Files whose links were rewritten. */
  changed: string[];
  /** Links elsewhere whose target now matches the renamed note and another one. */
  ambiguous: { file: string; line: number; column: number; link: string }[];
}

/** The sentence shown after a rename: where the note went, which files were updated, and which links became ambiguous. */
export function renameMessage(result: RenameOutcome): string {
  const updated = result.changed.length
    ? `Renamed to ${result.path}; links updated in ${result.changed.join(', ')}.`
    : `Renamed to ${result.path}; no other note linked to it.`;
  if (result.ambiguous.length === 0) return updated;
  const links = result.ambiguous.map((a) => `${a.file}:${a.line}:${a.column} ${a.link}`).join(', ');
  return `${updated} Other notes share the new name, so ${result.ambiguous.length === 1 ? 'this link is' : 'these links are'} now ambiguous: ${links}.`;
}
