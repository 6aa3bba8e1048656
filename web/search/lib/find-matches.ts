import type { Encoder } from 'flexsearch';
import type { QueryTerm } from './query-terms.ts';
import { splitScriptRuns } from '../../../src/shared/search/script-runs.ts';
import { wordPattern } from './word-pattern.ts';

/** A matched piece of text, in UTF-16 offsets; `end` is exclusive. */
export interface MatchRange {
  start: number;
  end: number;
  /** Bit `i` is set when query term `i` matched here (terms after the 31st share bit 31). */
  terms: number;
}

/** Where to look and when to stop. */
export interface FindMatchesOptions {
  /** Offset to start at; only words starting at or after it are checked. */
  from?: number;
  /** Offset to stop at; only words starting before it are checked. */
  to?: number;
  /** Stop after this many matched words. */
  max?: number;
}

/**
 * Find the words of a text that a query matches, by encoding each word the way the index did:
 * a whole word matches when its encoded form equals a term or starts with a prefix term; inside
 * CJK runs, the characters of each matching bigram (or single-character prefix) match.
 * @returns sorted, non-overlapping ranges
 */
export function findMatches(text: string, terms: readonly QueryTerm[], encoder: Encoder, options: FindMatchesOptions = {}): MatchRange[] {
  const { from = 0, to = text.length, max = Infinity } = options;
  const latin = terms.flatMap((term, i) => (term.cjk ? [] : [{ ...term, bit: toBit(i) }]));
  const cjk = terms.flatMap((term, i) => (term.cjk ? [{ ...term, bit: toBit(i) }] : []));
  const ranges: MatchRange[] = [];
  const words = new RegExp(wordPattern.source, wordPattern.flags);
  words.lastIndex = from;
  let found = 0;
  for (let match = words.exec(text); match && match.index < to && found < max; match = words.exec(text)) {
    const before = ranges.length;
    for (const run of splitScriptRuns(match[0])) {
      const offset = match.index + run.start;
      if (run.cjk) matchCjkRun(run.text, offset, cjk, ranges);
      else if (latin.length > 0) {
        const bits = matchWord(run.text, latin, encoder);
        if (bits !== 0) ranges.push({ start: offset, end: offset + run.text.length, terms: bits });
      }
    }
    if (ranges.length > before) found++;
  }
  return mergeRanges(ranges);
}

type NumberedTerm = QueryTerm & { bit: number };

function toBit(index: number): number {
  return 1 << Math.min(index, 31);
}

function matchWord(word: string, terms: readonly NumberedTerm[], encoder: Encoder): number {
  let bits = 0;
  for (const encoded of encoder.encode(word)) {
    for (const term of terms) {
      if (term.prefix ? encoded.startsWith(term.term) : encoded === term.term) bits |= term.bit;
    }
  }
  return bits;
}

function matchCjkRun(run: string, offset: number, terms: readonly NumberedTerm[], ranges: MatchRange[]): void {
  if (terms.length === 0) return;
  const chars = Array.from(run);
  let position = offset;
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    for (const { term, bit } of terms) {
      if (term === char) ranges.push({ start: position, end: position + char.length, terms: bit });
      else if (next !== undefined && term === char + next) {
        ranges.push({ start: position, end: position + char.length + next.length, terms: bit });
      }
    }
    position += char.length;
  });
}

function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: MatchRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
      last.terms |= range.terms;
    } else merged.push({ ...range });
  }
  return merged;
}
