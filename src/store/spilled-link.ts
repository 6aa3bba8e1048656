/**
 * A link of a one-shot build once its context is on disk (render/spill.ts).
 *
 * A link as it arrives from a parse worker is five objects: the link, its position, its range,
 * its highlight and its heading path (a copy of `[]` for most links), about 400 bytes besides its
 * context, and a large garden has links by the hundred thousand. This class keeps
 * the same facts as numbers in one object of fixed shape (about 165 bytes; test/spill.test.ts
 * measures it) and gives the small objects back when asked: position and range are read for
 * diagnostics and reports, the highlight when a page shows the link as a backlink, each a few
 * times a build.
 */
import type { LinkKind, LinkRef, LinkSyntax, Point } from '../shared/types.ts';
import type { TextRef } from './spill.ts';

/** One heading path shared by every link without one (frozen: nothing may add to it). */
const noHeadings = Object.freeze([]) as unknown as string[];

/** A link whose context is read back from the spill file, with its positions packed. */
export class SpilledLink implements LinkRef {
  readonly target: string;
  readonly headings: string[];
  readonly block: string | undefined;
  readonly alias: string | undefined;
  readonly kind: LinkKind;
  readonly syntax: LinkSyntax;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly #read: (ref: TextRef) => string;
  readonly #at: number;
  readonly #bytes: number;
  readonly #line: number;
  readonly #column: number;
  readonly #start: number;
  readonly #end: number;
  /** Start of the highlight in the context, -1 when the link has none. */
  readonly #from: number;
  readonly #to: number;

  /**
   * Every field is assigned, optional ones as `undefined`, so that every link shares one shape
   * with its fields inside the object. `read` reads `[at, bytes]` of the spill file.
   */
  constructor(link: LinkRef, read: (ref: TextRef) => string, at: number, bytes: number) {
    this.target = link.target;
    this.headings = link.headings.length === 0 ? noHeadings : link.headings;
    this.block = link.block;
    this.alias = link.alias;
    this.kind = link.kind;
    this.syntax = link.syntax;
    this.width = link.width;
    this.height = link.height;
    this.#read = read;
    this.#at = at;
    this.#bytes = bytes;
    this.#line = link.position.line;
    this.#column = link.position.column;
    this.#start = link.range[0];
    this.#end = link.range[1];
    this.#from = link.highlight ? link.highlight[0] : -1;
    this.#to = link.highlight ? link.highlight[1] : -1;
  }

  get context(): string {
    return this.#read([this.#at, this.#bytes]);
  }

  get position(): Point {
    return { line: this.#line, column: this.#column };
  }

  get range(): [number, number] {
    return [this.#start, this.#end];
  }

  get highlight(): [number, number] | undefined {
    return this.#from < 0 ? undefined : [this.#from, this.#to];
  }
}
