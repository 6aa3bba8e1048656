/**
 * A garden for search ranking and typo tests: notes titled "Consensus", "Kubernetes",
 * "Framework" and "Calm Wave" among distractors that mention those words far more often (in
 * headings and bodies, and in longer titles), one note that holds the misspelling "kubernetz"
 * as written, and 24 tide logs that all mention waves, so a query has more than one page of hits.
 */
import { makeGarden } from './garden.ts';

/** How many notes mention "wave" (the tide logs, the calm-wave notes and the ocean log). */
export const waveNotes = 24 + 3;

const repeat = (sentence: string, times: number): string => Array.from({ length: times }, () => sentence).join(' ');

const notes: Record<string, string> = {
  'Consensus.md': '# Consensus\n\nAgreement among replicas on one value, despite failures. See [[Raft Log]].\n',
  'Consensus Protocols Digest.md':
    '# Consensus Protocols Digest\n\n' +
    Array.from(
      { length: 8 },
      (_, i) => `## Consensus round ${i + 1}\n\n${repeat('Consensus needs a quorum; consensus is slow when consensus leaders flap.', 3)}\n`,
    ).join('\n'),
  'Raft Log.md': `# Raft Log\n\n${repeat('Raft reaches consensus through a leader. Every consensus decision is logged.', 6)}\n`,
  'Kubernetes.md': '# Kubernetes\n\nA container orchestrator: pods, services and controllers.\n',
  'Cluster Operations.md':
    '# Cluster Operations\n\n' +
    Array.from({ length: 6 }, (_, i) => `## Kubernetes upgrade ${i + 1}\n\n${repeat('Drain the kubernetes node, upgrade kubernetes, uncordon it.', 3)}\n`).join(
      '\n',
    ),
  'Typo Archive.md': '# Typo Archive\n\nSomeone once wrote kubernetz in a runbook, and it stayed there.\n',
  'Framework.md': '# Framework\n\nA skeleton an application fills in; it calls your code.\n',
  'Web Stack Notes.md':
    '# Web Stack Notes\n\n' +
    Array.from(
      { length: 6 },
      (_, i) => `## Framework choice ${i + 1}\n\n${repeat('Pick a framework; the framework decides the framework of the rest.', 3)}\n`,
    ).join('\n'),
  'Calm Wave.md': '# Calm Wave\n\nA small swell on a quiet sea.\n',
  'Calm Wave Theory.md': `# Calm Wave Theory\n\n${repeat('A calm wave carries little energy; calm seas make a calm wave.', 4)}\n`,
  'Ocean Swell Log.md':
    '# Ocean Swell Log\n\n' +
    Array.from({ length: 10 }, (_, i) => `## Calm wave ${i + 1}\n\n${repeat('Another calm wave today; the calm wave broke late.', 3)}\n`).join('\n'),
};
for (let i = 1; i <= 24; i++) {
  const n = String(i).padStart(2, '0');
  notes[`Tides/Tide ${n}.md`] = `# Tide ${n}\n\nHigh water at ${i}:00. A wave of ${i} feet came in from the west.\n`;
}

/** Write the search garden into a new temporary folder and return it. */
export function makeSearchGarden(): string {
  return makeGarden(notes);
}
