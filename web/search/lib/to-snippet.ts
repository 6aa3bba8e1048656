import type { Encoder } from 'flexsearch';
import { findMatches, type MatchRange } from './find-matches.ts';
import type { QueryTerm } from './query-terms.ts';
import { toMarkedHtml } from './to-marked-html.ts';

/** How to cut a snippet. */
export interface SnippetOptions {
  /** Target length of the snippet, in characters. */
  length: number;
  /** Look for matches in the text; false when the note did not match in its body. */
  scan: boolean;
}

/** How far to look for a space when cutting, so words are not split. */
const boundarySlack = 24;
/** Matches looked at when choosing where to cut; bounds the work on long notes. */
const maxMatches = 200;

/**
 * A piece of `text` where the most distinct query terms match close together (the first such
 * place), as HTML with the matched words in `<mark>` and `…` where the text was cut; the start
 * of the text when nothing matches.
 */
export function toSnippet(text: string, terms: readonly QueryTerm[], encoder: Encoder, options: SnippetOptions): string {
  // With one term the first match is as good as any, so stop there.
  const max = terms.length === 1 ? 1 : maxMatches;
  const best = options.scan ? pickWindow(findMatches(text, terms, encoder, { max }), options.length) : undefined;
  const start = best ? toBoundary(text, best.start - Math.floor(options.length / 4), -1) : 0;
  let end = toBoundary(text, Math.max(start + options.length, best?.end ?? 0), 1);
  const ranges = best ? findMatches(text, terms, encoder, { from: start, to: end }) : [];
  end = Math.max(end, ranges[ranges.length - 1]?.end ?? 0);
  const body = toMarkedHtml(text, start, end, ranges).trim();
  return (start > 0 ? '…' : '') + body + (end < text.length ? '…' : '');
}

/** The match that starts the window (of ¾ the snippet length) covering the most distinct terms. */
function pickWindow(matches: readonly MatchRange[], length: number): MatchRange | undefined {
  let best: MatchRange | undefined;
  let bestCount = 0;
  for (let i = 0; i < matches.length; i++) {
    let bits = 0;
    for (let j = i; j < matches.length && matches[j]!.start < matches[i]!.start + length * 0.75; j++) bits |= matches[j]!.terms;
    const count = countBits(bits);
    if (count > bestCount) {
      best = matches[i];
      bestCount = count;
    }
  }
  return best;
}

function countBits(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Move `at` to a nearby whitespace in `direction` (or keep it), never splitting a surrogate pair. */
function toBoundary(text: string, at: number, direction: 1 | -1): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  for (let i = 0; i < boundarySlack; i++) {
    const probe = at + i * direction;
    if (probe <= 0 || probe >= text.length) break;
    if (/\s/.test(text[probe]!)) return probe;
  }
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
