/**
 * The rule table of docs/linking.md as data: a garden and, for each rule, links with the note
 * or attachment they must reach. The builder's resolver (test/resolve.test.ts) and the editor's
 * (web/lib/editor-resolve-target.test.ts) are both checked against it, so they cannot drift.
 */

/** Note ids (paths without `.md`) of the rule garden; `Draft note` is unpublished. */
export const ruleNotes = [
  'Home',
  'Notes/Raft',
  'Archive/Raft',
  'Archive/Old/Raft',
  'Systems/Linux/cgroups',
  'Systems/Linux/Page Cache',
  'Café',
  'Draft note',
  'Tasks 1.2',
  'a/b/Shared',
  'c/Shared',
  'A/Folder/Note',
  'Projects/Plan',
  'Projects/Sub/Task',
  'aaa/Dup',
  'zz/Dup',
  'src/Note',
  'm/sub/Dup2',
  'z/Dup2',
  'm/Src',
];

/** Attachment paths of the rule garden. */
export const ruleAttachments = ['images/diagram.png', 'files/paper.pdf', 'other/diagram.png'];

/** One link: written in note `from`, to `target`; reaches `note` (an id), `attachment` (a path) or nothing. */
export interface RuleCase {
  rule: string;
  from: string;
  target: string;
  reaches: { note: string } | { attachment: string } | 'missing';
}

const note = (id: string) => ({ note: id });
const file = (path: string) => ({ attachment: path });

/** Every case, by rule. */
export const ruleCases: RuleCase[] = [
  { rule: '1. exact path', from: 'Home', target: 'Archive/Raft', reaches: note('Archive/Raft') },
  { rule: '1. exact path', from: 'Home', target: 'Archive/Raft.md', reaches: note('Archive/Raft') },
  { rule: '2. file name', from: 'Home', target: 'CGROUPS', reaches: note('Systems/Linux/cgroups') },
  { rule: '2. file name', from: 'Home', target: 'page cache', reaches: note('Systems/Linux/Page Cache') },
  { rule: '2. file name', from: 'Home', target: 'Cafe\u0301', reaches: note('Café') },
  { rule: '2. file name', from: 'Home', target: 'Tasks 1.2', reaches: note('Tasks 1.2') },
  { rule: '2. file name', from: 'Home', target: 'Draft note', reaches: note('Draft note') },
  { rule: '3. path suffix', from: 'Home', target: 'Linux/cgroups', reaches: note('Systems/Linux/cgroups') },
  { rule: '3. path suffix', from: 'Home', target: 'inux/cgroups', reaches: 'missing' },
  { rule: '3. path suffix', from: 'Home', target: 'Old/Raft', reaches: note('Archive/Old/Raft') },
  { rule: '3. path suffix', from: 'Home', target: 'Folder/Note', reaches: note('A/Folder/Note') },
  { rule: '4. relative', from: 'Systems/Linux/cgroups', target: './Page Cache', reaches: note('Systems/Linux/Page Cache') },
  { rule: '4. relative', from: 'Archive/Old/Raft', target: '../Raft', reaches: note('Archive/Raft') },
  { rule: '4. relative', from: 'Projects/Sub/Task', target: '../Plan', reaches: note('Projects/Plan') },
  { rule: '4. relative', from: 'Home', target: '../Raft', reaches: 'missing' },
  { rule: '5. shared names', from: 'Archive/Old/Raft', target: 'Raft', reaches: note('Archive/Old/Raft') },
  { rule: '5. shared names', from: 'Home', target: 'Raft', reaches: note('Notes/Raft') },
  { rule: '5. shared names', from: 'src/Note', target: 'Dup', reaches: note('zz/Dup') },
  { rule: '5. shared names', from: 'm/Src', target: 'Dup2', reaches: note('m/sub/Dup2') },
  { rule: '5. shared names', from: 'Archive/Old/Raft', target: 'Shared', reaches: note('c/Shared') },
  { rule: '5. shared names', from: 'Home', target: 'Shared', reaches: note('c/Shared') },
  { rule: '6. attachments', from: 'Home', target: 'paper.pdf', reaches: file('files/paper.pdf') },
  { rule: '6. attachments', from: 'Home', target: 'other/diagram.png', reaches: file('other/diagram.png') },
  { rule: '6. attachments', from: 'Home', target: 'diagram.png', reaches: file('other/diagram.png') },
  { rule: '7. missing', from: 'Home', target: 'nothing.png', reaches: 'missing' },
  { rule: '7. missing', from: 'Home', target: 'No such note', reaches: 'missing' },
  { rule: '7. missing', from: 'Home', target: '', reaches: 'missing' },
];
