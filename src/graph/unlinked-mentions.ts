/**
 * Unlinked mentions: notes whose text names another note's title or alias
 * (whole words, case-insensitive) without linking to it. One pass over each
 * note's words, walking a word trie of all titles and aliases from each word,
 * so the cost grows with the garden's text (times the longest title), not with
 * notes x titles.
 */
import type { Backlink, NoteId, ResolvedLink, Slug } from '../shared/types.ts';

/**
 * A word trie of phrases (titles and aliases of published notes); `targets` end at this node. Both
 * fields are left out where empty: most nodes are a title's last word, and a map and a list for
 * each were ~25 MB allocated at 10k notes, in every build that scans a note.
 */
export interface PhraseIndex {
  next?: Map<string, PhraseIndex>;
  targets?: NoteId[];
}

/** Shortest phrase worth reporting, in characters (shorter titles match too much). */
const minPhraseLength = 4;
/** Mentions kept per target. */
export const maxMentions = 30;
/** The most sources `deriveUnlinkedMentions` scans with their texts held at once and a phrase index of their words only. */
export const fewSources = 64;
const contextRadius = 140;
const wordPattern = /[\p{L}\p{N}\p{M}_'-]+/gu;

/** What a note contributes to the phrase index. */
export interface MentionTarget {
  id: NoteId;
  title: string;
  aliases: readonly string[];
}

/**
 * Build the phrase index of the given (published) notes. With `among` (the words of the texts it will scan,
 * `textWords`), only of the phrases whose words are all among them: a mention is the phrase's words one after
 * another in a text, so the others cannot match there, and an edit of a few notes indexes the few phrases it
 * can mention, not every title and alias of the garden. (The first and last words are looked at first, without
 * splitting the phrase. By the first alone, one note of the 10k bench garden, whose titles share a few dozen first
 * words, had ~10,000 of its 20,000 phrases indexed, each a path of the trie; by all its words, 11-25.)
 */
export function buildPhraseIndex(targets: readonly MentionTarget[], among?: ReadonlySet<string>): PhraseIndex {
  const root: PhraseIndex = {};
  // Indexed loops: run once over every note, unoptimised, `for of` allocates a result for each step.
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    for (let p = -1; p < t.aliases.length; p++) {
      const phrase = p < 0 ? t.title : t.aliases[p]!;
      if (among) {
        const first = firstWord(phrase);
        if (first !== undefined && !among.has(first)) continue;
        // Then the last word, also without splitting: titles that share their first word seldom share their last.
        const last = lastWord(phrase);
        if (last !== undefined && !among.has(last)) continue;
      }
      const words = phraseWords(phrase);
      // The phrase's length as its words joined by single spaces.
      let length = words.length - 1;
      for (let w = 0; w < words.length; w++) length += words[w]!.length;
      if (words.length === 0 || length < minPhraseLength) continue;
      // A mention is the phrase's words one after another in a text, so each is among the texts' words.
      if (among && !words.every((w) => among.has(w))) continue;
      let node = root;
      for (const w of words) {
        const next = (node.next ??= new Map());
        let child = next.get(w);
        if (!child) next.set(w, (child = {}));
        node = child;
      }
      // A phrase twice (a title repeated as an alias) ends at the same node: the target is listed once.
      const list = (node.targets ??= []);
      if (!list.includes(t.id)) list.push(t.id);
    }
  }
  return root;
}

/**
 * The first word of an ASCII phrase as `phraseWords` gives it, read only up to its end; undefined when a
 * character outside ASCII comes first (then `phraseWords` may split otherwise) or the phrase has no word.
 */
function firstWord(phrase: string): string | undefined {
  let from = -1;
  for (let i = 0; i < phrase.length; i++) {
    const code = phrase.charCodeAt(i);
    if (code >= 0x80) return undefined;
    // Upper-case ASCII letters lowered (`_` is 0x5f: not lowered with them).
    if (asciiWordChar(code >= 0x41 && code <= 0x5a ? code | 0x20 : code)) {
      if (from < 0) from = i;
    } else if (from >= 0) return phrase.slice(from, i).toLowerCase();
  }
  return from >= 0 ? phrase.slice(from).toLowerCase() : undefined;
}

/**
 * The last word of a phrase as `phraseWords` gives it, read from the phrase's end; undefined when a character outside
 * ASCII comes before the word is closed (from the end), or the phrase has no word.
 */
function lastWord(phrase: string): string | undefined {
  let to = -1;
  for (let i = phrase.length - 1; i >= 0; i--) {
    const code = phrase.charCodeAt(i);
    if (code >= 0x80) return undefined;
    if (asciiWordChar(code >= 0x41 && code <= 0x5a ? code | 0x20 : code)) {
      if (to < 0) to = i + 1;
    } else if (to >= 0) return phrase.slice(i + 1, to).toLowerCase();
  }
  return to >= 0 ? phrase.slice(0, to).toLowerCase() : undefined;
}

/** Every word of `texts` as `findMentions` reads them (lower-cased): what a phrase index for those texts needs (`buildPhraseIndex`). */
export function textWords(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    const { re, scanned, same } = wordReader(text);
    for (let m = re.exec(scanned); m; m = re.exec(scanned)) words.add(same ? m[0] : m[0].toLowerCase());
  }
  return words;
}

/**
 * How the words of `text` are read, lower-cased (`findMentions`, `textWords`): the text is lower-cased once and
 * `re` run over `scanned`; offsets stay valid unless lower-casing changed its length (rare scripts, `same` false),
 * and then `scanned` is the text itself and each word is lower-cased alone. (A callback for each word cost
 * `findMentions` ~15 % over a 10k garden's texts.)
 */
function wordReader(text: string): { re: RegExp; scanned: string; same: boolean } {
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  return { re: new RegExp(wordPattern.source, 'gu'), scanned: same ? lower : text, same };
}

/** Whether the lower-case ASCII character `c` is part of a word as `wordPattern` reads it: a letter, a digit, `_`, `'` or `-`. */
function asciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x27 || c === 0x2d;
}

/**
 * The words of a phrase, lower-cased, as `wordPattern` finds them: an ASCII phrase (most titles) is
 * split in one pass over its characters (letters, digits, `_`, `'` and `-` make words), others by the pattern.
 */
export function phraseWords(phrase: string): string[] {
  const lower = phrase.toLowerCase();
  const words: string[] = [];
  let from = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 0x80) return lower.match(wordPattern) ?? [];
    if (asciiWordChar(c)) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      words.push(lower.slice(from, i));
      from = -1;
    }
  }
  if (from >= 0) words.push(lower.slice(from));
  return words;
}

/** The unlinked mentions in one source note, as [target, entry], at most one per target. */
export function mentionsIn(
  source: NoteId,
  from: { title: string; url: Slug },
  text: string,
  links: readonly ResolvedLink[],
  index: PhraseIndex,
): [NoteId, Backlink][] {
  const linked = new Set<NoteId>([source]);
  for (const l of links) if (l.resolution.kind === 'note' || l.resolution.kind === 'unpublished') linked.add(l.resolution.target);
  return [...findMentions(text, linked, index)]
    .sort((a, b) => a[1].start - b[1].start || a[1].end - b[1].end)
    .map(([target, { start, end }]) => [target, { source, title: from.title, url: from.url, kind: 'link', ...contextAround(text, start, end) }]);
}

/**
 * Where `text` first names each phrase target not in `linked`: the earliest mention, and of those
 * the shortest phrase, as a [start, end) range of `text`. The dev server's Link action finds the
 * very mention a page shows with it.
 */
export function findMentions(text: string, linked: ReadonlySet<NoteId>, index: PhraseIndex): Map<NoteId, { start: number; end: number }> {
  // One pass over the words, keeping the trie walks still alive (phrases begun at recent words):
  // no per-word arrays, so a long note costs no more memory than a short one.
  const { re, scanned, same } = wordReader(text);
  let walks: Walk[] = [];
  const found = new Map<NoteId, { start: number; end: number }>();
  for (let m = re.exec(scanned); m; m = re.exec(scanned)) {
    const word = same ? m[0] : m[0].toLowerCase();
    const first = index.next?.get(word);
    if (!first && walks.length === 0) continue;
    const end = m.index + m[0].length;
    const next: Walk[] = [];
    for (const walk of walks) {
      const node = walk.node.next?.get(word);
      if (node) next.push({ node, start: walk.start });
    }
    if (first) next.push({ node: first, start: m.index });
    for (const walk of next) {
      for (const target of walk.node.targets ?? []) {
        if (linked.has(target)) continue;
        // The earliest mention, and of those the shortest phrase (walks end in order, so the first found).
        const seen = found.get(target);
        if (!seen || walk.start < seen.start) found.set(target, { start: walk.start, end });
      }
    }
    walks = next;
  }
  return found;
}

/** A walk down the phrase trie begun at the word starting at `start`. */
interface Walk {
  node: PhraseIndex;
  start: number;
}

/** All unlinked mentions, keyed by target, sources in the given (note) order, at most `maxMentions` each. */
export function deriveUnlinkedMentions(
  sources: readonly NoteId[],
  /** Each source's text is read once (it may be read back from disk: src/store). */
  textOf: (id: NoteId) => string,
  links: ReadonlyMap<NoteId, readonly ResolvedLink[]>,
  info: ReadonlyMap<NoteId, { title: string; url: Slug }>,
  /**
   * The phrase index, asked for only when a source is scanned (not when every source's mentions are kept); with
   * `among`, it may be the index of the phrases beginning with those words only (`buildPhraseIndex`).
   */
  index: (among?: ReadonlySet<string>) => PhraseIndex,
  /** Each source's mentions found by an earlier build, when they are still what `mentionsIn` gives (src/incremental/kept-mentions.ts). */
  kept?: { get(id: NoteId): [NoteId, Backlink][] | undefined; set(id: NoteId, found: [NoteId, Backlink][]): void },
): Map<NoteId, Backlink[]> {
  const out = new Map<NoteId, Backlink[]>();
  // Each source's mentions as kept; the sources to scan are known before any is scanned.
  const foundOf = new Array<[NoteId, Backlink][] | undefined>(sources.length);
  const toScan: number[] = [];
  for (let i = 0; i < sources.length; i++) {
    if (!info.has(sources[i]!)) continue;
    foundOf[i] = kept?.get(sources[i]!);
    if (!foundOf[i]) toScan.push(i);
  }
  const scan = (i: number, text: string, index: PhraseIndex) => {
    const id = sources[i]!;
    foundOf[i] = mentionsIn(id, info.get(id)!, text, links.get(id) ?? [], index);
  };
  if (toScan.length > 0 && toScan.length <= fewSources) {
    // A few sources (an edit's): their texts held at once, and only the phrases that can begin in them indexed.
    const texts = toScan.map((i) => textOf(sources[i]!));
    const few = index(textWords(texts));
    toScan.forEach((i, j) => scan(i, texts[j]!, few));
  } else if (toScan.length > 0) {
    // Many (a cold build's): each text read when scanned, against the whole index.
    const whole = index();
    for (const i of toScan) scan(i, textOf(sources[i]!), whole);
  }
  for (let i = 0; i < sources.length; i++) {
    const found = foundOf[i];
    if (!found) continue;
    kept?.set(sources[i]!, found);
    for (const [target, entry] of found) {
      const list = out.get(target) ?? [];
      if (list.length < maxMentions) list.push(entry);
      out.set(target, list);
    }
  }
  return out;
}

/**
 * The unlinked mentions of one target, from each source's `mentionsIn` list (sources in note
 * order): what `deriveUnlinkedMentions` gives it. The dev server keeps the lists per source.
 */
export function mentionsOfTarget<M extends Backlink>(target: NoteId, sources: Iterable<NoteId>, mentionsOf: (source: NoteId) => readonly [NoteId, M][]): M[] {
  const out: M[] = [];
  for (const s of sources) {
    if (out.length >= maxMentions) break;
    for (const [t, entry] of mentionsOf(s)) if (t === target) out.push(entry);
  }
  return out;
}

/** The line around [start, end) of `text`, clipped to a window, with the range inside it. */
function contextAround(text: string, start: number, end: number): { context: string; highlight: [number, number] } {
  let from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  let prefix = '';
  let suffix = '';
  if (start - from > contextRadius) {
    from = start - contextRadius;
    prefix = '…';
  }
  if (to - end > contextRadius) {
    to = end + contextRadius;
    suffix = '…';
  }
  const context = ownCopy(prefix + text.slice(from, to) + suffix);
  return { context, highlight: [start - from + prefix.length, end - from + prefix.length] };
}

/**
 * The same characters in a string of their own. V8 makes a slice of a long string a view of it, so
 * a kept context would keep its note's whole text alive (read back from the spill file just for
 * this pass) for the rest of the build.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
