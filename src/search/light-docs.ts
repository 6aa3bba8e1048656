/**
 * Light search docs: what the builder posts to the search worker of a note whose content and URL
 * are the previous build's, instead of its whole doc. Posting 10k whole docs (titles, aliases, tags
 * and every heading, as small objects) cost the builder's thread ~0.1 s of structured clone and the
 * worker ~0.3-0.5 s to take them apart and collect them, on a warm build that indexes one note.
 *
 * A light doc has its id and its source (the note's content hash and URL, `SearchDoc.source`). The
 * kept postings know that source's index key and docs-chunk size; its entry in a docs chunk that is
 * made again is read from the previous site's chunk (checked against the hash the kept postings
 * recorded of its bytes). Anything else asks for a field a light doc does not have: reading one throws
 * {@link LightDocNeeded}, the run fails, and the worker is run again with every doc whole
 * (build-in-worker.ts), so a light doc never stands for a doc it is not.
 */
import type { NoteId, SearchDoc } from '../shared/types.ts';

/** The light docs among a run's docs: their places in the whole list, ids and sources. */
export interface LightDocs {
  at: number[];
  ids: NoteId[];
  sources: string[];
}

/** Thrown when a light doc is asked for what only a whole doc has. */
export class LightDocNeeded extends Error {
  constructor(id: NoteId, field: string) {
    super(`Search: note ${id} was posted light, and its ${field} is needed`);
  }
}

/**
 * A light doc. Its missing fields are getters of the class, shared by every light doc: a warm build
 * makes 10k of them, and six closures and property descriptors for each, with a weak set to
 * recognise them, were ~0.2 s of the search worker's run at 10k notes.
 */
class LightDoc {
  constructor(
    readonly id: NoteId,
    readonly source: string,
  ) {}
  get url(): never {
    throw new LightDocNeeded(this.id, 'url');
  }
  get title(): never {
    throw new LightDocNeeded(this.id, 'title');
  }
  get aliases(): never {
    throw new LightDocNeeded(this.id, 'aliases');
  }
  get headings(): never {
    throw new LightDocNeeded(this.id, 'headings');
  }
  get tags(): never {
    throw new LightDocNeeded(this.id, 'tags');
  }
  get body(): never {
    throw new LightDocNeeded(this.id, 'body');
  }
}

/** Whether `doc` is a light doc. */
export function isLight(doc: SearchDoc): boolean {
  return doc instanceof LightDoc;
}

/** A doc with only `id` and `source`: its other fields throw {@link LightDocNeeded}. */
export function lightDoc(id: NoteId, source: string): SearchDoc {
  return new LightDoc(id, source) satisfies SearchDoc;
}

/** The whole list: `whole` in order, with the light docs at their places. */
export function joinLight(whole: readonly SearchDoc[], light: LightDocs | undefined): SearchDoc[] {
  if (!light || light.at.length === 0) return [...whole];
  const docs: SearchDoc[] = new Array<SearchDoc>(whole.length + light.at.length);
  let w = 0;
  let l = 0;
  for (let i = 0; i < docs.length; i++) {
    if (l < light.at.length && light.at[l] === i) {
      docs[i] = lightDoc(light.ids[l]!, light.sources[l]!);
      l++;
    } else docs[i] = whole[w++]!;
  }
  return docs;
}
