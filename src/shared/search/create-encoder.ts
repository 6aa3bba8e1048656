import { Charset, Encoder } from 'flexsearch';
import { toCjkGrams } from './cjk-grams.ts';
import { hasCjk, splitScriptRuns } from './script-runs.ts';

/** Words longer than this are not indexed (hashes, base64, minified code). */
const maxTermLength = 48;

const latinDiacritics = /[\u0300-\u036f]/g;

/**
 * Create the FlexSearch encoder shared by the builder and the browser, so a query is encoded
 * exactly as the notes were: compatibility-normalised (ﬁ → fi, full-width → ASCII), Latin
 * diacritics dropped, lower-cased, doubled letters folded (FlexSearch's `Default` charset),
 * numbers kept whole so `20` is a prefix of `2024`, and CJK runs turned into bigrams. Every
 * step keeps prefixes prefixes, which prefix search needs.
 *
 * The builder turns FlexSearch's cache off (`cache: false`): a cached word skips the folding
 * of repeated terms, so with the cache a note's terms, and the position slots of its postings,
 * depended on which words earlier notes (or other fields) had warmed it with.
 */
export function createEncoder(options: { cache?: boolean } = {}): Encoder {
  return new Encoder({
    ...Charset.Default,
    cache: options.cache ?? true,
    normalize: normalizeText,
    split: /[^\p{L}\p{N}\p{M}]+/u,
    numeric: false,
    maxlength: maxTermLength,
    finalize: splitCjkTerms,
  });
}

/**
 * NFKD then NFC: FlexSearch's default stops after NFKD, which leaves kana voicing marks and
 * Hangul jamo decomposed (デ → テ + ゙, 한 → ᄒ ᅡ ᆫ), so CJK words fell apart.
 */
function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(latinDiacritics, '').normalize('NFC').toLowerCase();
}

function splitCjkTerms(terms: string[]): string[] {
  if (!terms.some(hasCjk)) return terms;
  const out: string[] = [];
  for (const term of terms) {
    if (!hasCjk(term)) {
      out.push(term);
      continue;
    }
    for (const run of splitScriptRuns(term)) {
      if (run.cjk) out.push(...toCjkGrams(run.text));
      else out.push(run.text);
    }
  }
  return out;
}
