/**
 * The dates a note's frontmatter sets, under the names Obsidian users and
 * their plugins give them (Linter's `date created`/`date modified`, `created`
 * and `updated` of the timestamp plugins, `modified`, `lastmod`, ...). Names
 * match whatever their case, spaces, `-` and `_`; a value that is no date is a
 * positioned warning, not a guess.
 */
import { isMap, isNode, isScalar, type Document } from 'yaml';
import { ruleIds } from '../../constants.ts';
import type { Diagnostic, Frontmatter } from '../../shared/types.ts';
import { readDate } from './read-date.ts';

/**
 * Property names of each date, in precedence order (the first present with a
 * date wins), as compared: lower case without spaces, `-` and `_`.
 */
export const dateKeys = {
  created: ['created', 'datecreated', 'createdat', 'createdon', 'createddate', 'creationdate'],
  /** The note's date (blogs, journals, Obsidian's `{{date}}` templates): the created date when no created key is set. */
  date: ['date'],
  updated: [
    'updated',
    'modified',
    'lastmodified',
    'datemodified',
    'dateupdated',
    'lastupdated',
    'updatedat',
    'modifiedat',
    'updatedon',
    'lastmod',
    'lasttended',
  ],
} as const;

type DateField = keyof typeof dateKeys;

const fieldOf = new Map<string, { field: DateField; rank: number }>(
  (Object.keys(dateKeys) as DateField[]).flatMap((field) => dateKeys[field].map((key, rank) => [key, { field, rank }] as const)),
);

/** Where a diagnostic is, given an offset in the YAML block. */
type At = (offset: number | undefined) => Pick<Diagnostic, 'file' | 'line' | 'column'>;

/** Read `date`, `created` and `updated` (as `YYYY-MM-DD`) from a parsed frontmatter document. */
export function readDateProperties(doc: Document, at: At): { dates: Pick<Frontmatter, DateField>; diagnostics: Diagnostic[] } {
  const dates: Pick<Frontmatter, DateField> = {};
  const diagnostics: Diagnostic[] = [];
  if (!isMap(doc.contents)) return { dates, diagnostics };
  const best = new Map<DateField, number>();
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const known = fieldOf.get(name.toLowerCase().replace(/[\s_-]/g, ''));
    if (!known) continue;
    const node = pair.value;
    // An empty property (`created:`) is no date and no mistake: Obsidian writes it for a date not yet set.
    if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) continue;
    const value = isScalar(node) ? node.value : undefined;
    const day = readDate(value);
    if (!day) {
      const written = typeof value === 'string' || typeof value === 'number' ? ` (\`${String(value).replaceAll('`', "'")}\`)` : '';
      diagnostics.push({
        ...at((isNode(node) ? node.range?.[0] : undefined) ?? pair.key.range?.[0]),
        ruleId: ruleIds.invalidDate,
        severity: 'warning',
        reason: `\`${name}\` is not a date${written}; write it as \`YYYY-MM-DD\` (a Date property in Obsidian), e.g. \`2024-03-01\`. The note shows no ${known.field === 'updated' ? 'last-tended' : 'created'} date from it`,
      });
      continue;
    }
    const seen = best.get(known.field);
    if (seen !== undefined && seen <= known.rank) continue;
    best.set(known.field, known.rank);
    dates[known.field] = day;
  }
  return { dates, diagnostics };
}
