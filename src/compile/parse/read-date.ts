/**
 * A frontmatter date as the calendar day its author wrote: the forms Obsidian
 * and its plugins write (a Date or Date & time property, Linter's default
 * `Wednesday, January 4th 2023, 8:23:03 pm`, compact `20240301…` stamps) and
 * the common hand-written ones. The day is taken as written, never moved
 * through a time zone; day-first and month-first numeric forms (`01/03/2024`)
 * are ambiguous and not read.
 */

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const time = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|[+-]\d{2}:?\d{2})?`;
/** `2024-03-01`, `2024/3/1`, `2024.03.01`, optionally with a time (`T14:30`, ` 14:30:00+01:00`). */
const numeric = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[t\s]+${time})?$`, 'i');
/** `20240301`, `202403011430`, `20240301143052` (Zettelkasten-style stamps). */
const compact = /^(\d{4})(\d{2})(\d{2})(?:\d{4}(?:\d{2})?)?$/;
const weekday = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const month = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const ordinal = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** `March 1, 2024`, `Wednesday, January 4th 2023, 8:23:03 pm`. */
const monthFirst = new RegExp(String.raw`^${weekday}${month}\s+${ordinal},?\s+(\d{4})(?:,?\s+(?:at\s+)?${time})?$`, 'i');
/** `1 March 2024`, `Wed, 4th Jan 2023 20:23`. */
const dayFirst = new RegExp(String.raw`^${weekday}${ordinal}\s+${month},?\s+(\d{4})(?:,?\s+(?:at\s+)?${time})?$`, 'i');

/** The `YYYY-MM-DD` day a frontmatter value names; undefined when it is no date read here. */
export function readDate(value: unknown): string | undefined {
  // YAML 1.1 documents (`%YAML 1.1`) give timestamps as Dates, at UTC midnight for a bare date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? readDate(String(value)) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let m = numeric.exec(text);
  if (m) return day(m[1]!, m[3]!, m[4]!);
  m = compact.exec(text);
  if (m) return day(m[1]!, m[2]!, m[3]!);
  m = monthFirst.exec(text);
  if (m) return day(m[3]!, String(monthNames.indexOf(m[1]!.toLowerCase()) + 1), m[2]!);
  m = dayFirst.exec(text);
  if (m) return day(m[3]!, String(monthNames.indexOf(m[2]!.toLowerCase()) + 1), m[1]!);
  return undefined;
}

/** `YYYY-MM-DD` if the parts name a day of the calendar (1 Feb 2023 yes, 30 Feb 2023 no). */
function day(year: string, month: string, date: string): string | undefined {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(date);
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
