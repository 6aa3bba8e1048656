/**
 * Names of topics: what a group of notes is about, from the folder most of its
 * notes share, its most used tags and the titles of its most central notes.
 * Numbering prefixes (`02 - `, `🗂️ 02.02 `) are dropped; container names
 * (Notes, Archive, Sources, Inbox, … in several languages) and handle-like
 * folder names (`mgmeyers`) are never used.
 */
import type { NoteId } from '../shared/types.ts';

/** What naming reads of the garden: a note's title and tags, and how many notes carry each tag. */
export interface NamingContext {
  titleOf(id: NoteId): string;
  tagsOf(id: NoteId): readonly string[];
  /** A note's tag labels (`tagLabels` of its tags). */
  labelsOf(id: NoteId): ReadonlySet<string>;
  /** Notes of the garden carrying a tag label. */
  tagCount: ReadonlyMap<string, number>;
}

// Folder, tag and note names that say where notes are kept or how far along they are, not what they are about (lower case).
const generic = new Set(
  [
    'notes note notas nota notizen notizie anotações anotacoes apuntes zettel zettels zettelkasten permanent fleeting literature',
    'archive archives archived arquivo arquivos archivo archivos archiv archivio archivé old',
    'sources source fontes fonte fuentes fuente quellen quelle fonti references referências referencias',
    'inbox entrada caixa bandeja eingang posteingang boîte réception',
    'templates template modelos modelo plantillas plantilla vorlagen vorlage modèles modèle modelli',
    'attachments attachment anexos anexo adjuntos adjunto anhänge anhang allegati pièces jointes assets asset files images image media resources resource recursos ressourcen',
    'misc miscellaneous other others outros otros sonstiges divers diversos varios various uncategorized unsorted general',
    'daily journal journals diário diario tagebuch log logs calendar periodic',
    'home index readme moc mocs maps map start hub hubs overview dashboard untitled draft drafts rascunhos borradores entwürfe temp tmp',
    'status stage seedling seedlings budding evergreen sprout todo wip stub done',
    'projects project projetos proyectos projekte areas area areas pages page wiki vault garden docs documents',
  ]
    .join(' ')
    .split(' '),
);
const genericPhrases = new Set([
  'caixa de entrada',
  'bandeja de entrada',
  'boîte de réception',
  'pièces jointes',
  'daily notes',
  'sem título',
  'sin título',
  'start here',
]);

/** `name` without leading symbols, emoji and numbering (`🗂️ 02.02 Themes` → `Themes`). */
export function cleanName(name: string): string {
  let s = name.trim();
  for (;;) {
    const next = s
      .replace(/^[\p{Extended_Pictographic}\p{So}\p{Sk}\uFE0F\u200D\s]+/u, '')
      .replace(/^(\d+[.\-_]?)+(?=[\s.\-_)\]:]|$)[\s.\-_)\]:]*/iu, '')
      .replace(/^[-_.,:;·•|)\]\s]+/u, '');
    if (next === s) break;
    s = next;
  }
  return s.trim();
}

/** Whether a cleaned name says only where notes are kept (or nothing: empty, a date, a number). */
export function isGenericName(cleaned: string): boolean {
  const lower = cleaned.toLowerCase().replace(/[-_]+/g, ' ').trim();
  if (lower === '' || !/\p{L}/u.test(lower)) return true;
  if (genericPhrases.has(lower) || generic.has(lower)) return true;
  return lower.split(/\s+/).every((w) => generic.has(w) || w === 'de' || w === 'the' || w === 'and' || w === '&');
}

/** Tags a note counts under for naming: each full tag and its root (`mlops/serving` → itself and `mlops`). */
export function tagLabels(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tags) {
    const lower = t.toLowerCase();
    out.add(lower);
    out.add(lower.split('/')[0]!);
  }
  return out;
}

/**
 * Names a group of notes could take, best first. `hubs`: its most central notes, best first;
 * `parent`: a subtopic's topic name, which its own name must not repeat.
 */
export function nameCandidates(ids: readonly NoteId[], hubs: readonly NoteId[], context: NamingContext, parent?: string): string[] {
  const out: string[] = [];
  // Each read only when a candidate needs it (a lower-case folder name, a tag worth naming by): most groups need neither.
  let words: Set<string> | undefined;
  let spelling: Map<string, string> | undefined;
  out.push(...folderCandidates(ids, () => (words ??= attestedWords(ids, context))));
  out.push(...tagCandidates(ids, context, () => (spelling ??= spellings(ids, context))));
  for (const hub of hubs) {
    const title = cleanName(context.titleOf(hub));
    if (!isGenericName(title)) out.push(title);
  }
  const within = parent?.toLowerCase() ?? '';
  return [...new Set(out)].filter((name) => within === '' || !within.includes(name.toLowerCase()));
}

/** Cleaned, non-generic segments of the folders at least half the notes share, shallowest first. */
function folderCandidates(ids: readonly NoteId[], words: () => ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let depth = 1; ; depth++) {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const parts = id.split('/');
      if (parts.length > depth) {
        const prefix = parts.slice(0, depth).join('/');
        counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      }
    }
    const best = top(counts);
    if (!best || best[1] * 2 < ids.length) return out;
    const segment = cleanName(best[0].slice(best[0].lastIndexOf('/') + 1));
    if (!isGenericName(segment) && !isHandle(segment, words)) out.push(segment);
  }
}

/**
 * A folder named like a person's handle: one lower-case token (`mgmeyers`, `jdoe_92`) that no
 * title or tag of its notes uses. A lower-case subject folder (`linux`) shows up in them.
 */
function isHandle(segment: string, words: () => ReadonlySet<string>): boolean {
  if (segment.startsWith('@')) return true;
  if (!/^[\p{Ll}\p{N}_.-]+$/u.test(segment)) return false;
  return !words().has(segment);
}

/** Lower-case words of the group's titles and tags. */
function attestedWords(ids: readonly NoteId[], context: NamingContext): Set<string> {
  const words = new Set<string>();
  for (const id of ids) {
    for (const w of context
      .titleOf(id)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u))
      if (w) words.add(w);
    for (const t of context.tagsOf(id)) for (const w of t.toLowerCase().split(/[/\-_]+/)) if (w) words.add(w);
  }
  return words;
}

/**
 * Tags used by at least a quarter of the group (two notes at least), best first: by how much
 * of the group carries them times how much of the tag's use the group holds (a tag every note
 * of the garden carries names nothing).
 */
function tagCandidates(ids: readonly NoteId[], context: NamingContext, spelling: () => ReadonlyMap<string, string>): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) for (const label of context.labelsOf(id)) counts.set(label, (counts.get(label) ?? 0) + 1);
  const scored: [string, number][] = [];
  for (const [label, c] of counts) {
    if (c * 4 < ids.length || (c < 2 && ids.length > 1)) continue;
    const name = humanize(cleanName(label.slice(label.lastIndexOf('/') + 1)), spelling);
    if (isGenericName(name)) continue;
    scored.push([name, (c / ids.length) * (c / (context.tagCount.get(label) ?? c))]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored.map(([name]) => name);
}

/** A tag as words, each spelt as the group's titles spell it (`gpu` → `GPU`), else capitalised first. */
function humanize(tag: string, spelling: () => ReadonlyMap<string, string>): string {
  const words = tag
    .replace(/[-_]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => spelling().get(w.toLowerCase()) ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How the group's titles spell each word not written in lower case (`gpu` → `GPU`), the most used spelling. */
function spellings(ids: readonly NoteId[], context: NamingContext): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of ids) {
    for (const w of context.titleOf(id).split(/[^\p{L}\p{N}]+/u)) {
      if (!w || w === w.toLowerCase()) continue;
      const forms = counts.get(w.toLowerCase()) ?? new Map<string, number>();
      forms.set(w, (forms.get(w) ?? 0) + 1);
      counts.set(w.toLowerCase(), forms);
    }
  }
  return new Map([...counts].map(([lower, forms]) => [lower, top(forms)![0]]));
}

function top(counts: ReadonlyMap<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best;
}
