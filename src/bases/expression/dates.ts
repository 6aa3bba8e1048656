/**
 * Dates of Bases: parsing (`2024-05-01`, `2024-05-01 10:30:00`, ISO with a zone), durations
 * added or subtracted (`"1M"`, `"2 weeks"`, `"1d 4h"`), Moment-style formatting and relative
 * wording. All in UTC: a date without a zone is taken as written, and shown as written, wherever
 * the site is built.
 */
import type { DateValue } from '../types.ts';

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The date `text` names, or undefined. */
export function parseDate(text: string): DateValue | undefined {
  const t = text.trim();
  let m = dateOnly.exec(t);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return valid(ms, m, false);
  }
  m = dateTime.exec(t);
  if (!m) return undefined;
  let ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0')));
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return valid(ms, m, true);
}

/** The date, unless its fields overflowed (`2024-02-31`). */
function valid(ms: number, m: RegExpExecArray, time: boolean): DateValue | undefined {
  const d = new Date(ms);
  if (Number.isNaN(ms) || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  if (!m[8] && (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))) return undefined;
  return { kind: 'date', ms, time };
}

const units: [RegExp, 'y' | 'M' | 'w' | 'd' | 'h' | 'm' | 's'][] = [
  [/^(y|years?)$/, 'y'],
  [/^(M|months?)$/, 'M'],
  [/^(w|weeks?)$/, 'w'],
  [/^(d|days?)$/, 'd'],
  [/^(h|hours?)$/, 'h'],
  [/^(m|minutes?)$/, 'm'],
  [/^(s|seconds?)$/, 's'],
];
const fixed = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** `date` plus (`sign` 1) or minus (-1) the duration `text` (`"1M"`, `"2 days"`, `"1y 2w"`); undefined when `text` is not a duration. */
export function addDuration(date: DateValue, text: string, sign: 1 | -1): DateValue | undefined {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(-?\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*/g)];
  // The matches are disjoint: they cover the whole text exactly when their lengths add up to it.
  if (parts.length === 0 || parts.reduce((n, p) => n + p[0].length, 0) !== trimmed.length) return undefined;
  const d = new Date(date.ms);
  let time = date.time;
  for (const [, amount, word] of parts) {
    const unit = units.find(([re]) => re.test(word!))?.[1];
    if (!unit) return undefined;
    const n = Number(amount) * sign;
    if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() + Math.trunc(n));
    else if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + Math.trunc(n));
    else {
      d.setTime(d.getTime() + n * fixed[unit]);
      if (unit !== 'w' && unit !== 'd') time = true;
    }
  }
  return Number.isNaN(d.getTime()) ? undefined : { kind: 'date', ms: d.getTime(), time };
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const tokens = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|Do|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g;

/** `date` formatted with a Moment.js format string (the common tokens; other letters are kept as written). */
export function formatDate(date: DateValue, format: string): string {
  const d = new Date(date.ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const [year, month, day, hour, minute, second] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const values: Record<string, string> = {
    YYYY: String(year),
    YY: pad(year % 100),
    MMMM: monthNames[month]!,
    MMM: monthNames[month]!.slice(0, 3),
    MM: pad(month + 1),
    M: String(month + 1),
    DD: pad(day),
    Do: ordinal(day),
    D: String(day),
    dddd: dayNames[d.getUTCDay()]!,
    ddd: dayNames[d.getUTCDay()]!.slice(0, 3),
    HH: pad(hour),
    H: String(hour),
    hh: pad(h12),
    h: String(h12),
    mm: pad(minute),
    m: String(minute),
    ss: pad(second),
    s: String(second),
    SSS: pad(d.getUTCMilliseconds(), 3),
    A: hour < 12 ? 'AM' : 'PM',
    a: hour < 12 ? 'am' : 'pm',
  };
  return format.replace(tokens, (token, literal: string | undefined) => literal ?? values[token] ?? token);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return n + s;
}

/** How long ago (or in how long) `date` is from `now`: `3 days ago`, `in 2 hours`. */
export function relativeTime(date: DateValue, now: number): string {
  const diff = date.ms - now;
  const abs = Math.abs(diff);
  const steps: [number, string][] = [
    [365 * 86_400_000, 'year'],
    [30 * 86_400_000, 'month'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  const step = steps.find(([ms]) => abs >= ms);
  if (!step) return 'just now';
  const n = Math.round(abs / step[0]);
  const words = `${n} ${step[1]}${n === 1 ? '' : 's'}`;
  return diff < 0 ? `${words} ago` : `in ${words}`;
}
