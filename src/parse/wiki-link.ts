/**
 * Typed wrapper around remark-wiki-link 2.0.1, plus the syntax it lacks:
 * `![[embeds]]`. Micromark's image-label construct takes `![`, so embeds get a
 * construct of their own at `!` that wraps the wiki-link construct; the
 * resulting `wikiEmbed` node is folded into a `wikiLink` with `embed: true` by
 * `normalizeWikiLinks`.
 */
import type { Data, PhrasingContent } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token as MdastToken } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import wikiLinkPlugin from 'remark-wiki-link';
import { syntax as wikiLinkSyntax } from 'micromark-extension-wiki-link';
import type { Processor } from 'unified';

/** Options of remark-wiki-link that we use. */
export interface Options {
  aliasDivider: string;
}

/** Obsidian's divider. */
export const defaultOptions: Options = { aliasDivider: '|' };

/** Data remark-wiki-link puts on its nodes, plus ours. */
export interface WikiLinkData extends Data {
  alias?: string | null;
  permalink?: string | null;
  exists?: boolean | null;
  /** True for `![[..]]`. */
  embed?: boolean;
  /** Index into ParsedNote.links, set by fact extraction. */
  linkIndex?: number;
}

/** A `[[wiki-link]]` or `![[embed]]`. */
export interface WikiLink {
  type: 'wikiLink';
  /** Target as written, anchor included (`Note#Heading`). */
  value: string;
  data: WikiLinkData;
  position?: import('unist').Position;
}

/** The transient wrapper produced for `![[..]]` before normalisation. */
export interface WikiEmbed {
  type: 'wikiEmbed';
  children: PhrasingContent[];
  data?: Data;
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
    wikiEmbed: WikiEmbed;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
    wikiEmbed: WikiEmbed;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    wikiEmbed: 'wikiEmbed';
    wikiEmbedMarker: 'wikiEmbedMarker';
  }
}

const exclamationMark = 33;
const leftSquareBracket = 91;

/** Micromark extension for `![[..]]`, wrapping the wiki-link construct. */
function embedSyntax(options: Options): Extension {
  const inner = (wikiLinkSyntax(options) as { text: Record<number, Construct> }).text[leftSquareBracket]!;
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return start;
    function start(code: Code): State | undefined {
      if (code !== exclamationMark) return nok(code);
      effects.enter('wikiEmbed');
      effects.enter('wikiEmbedMarker');
      effects.consume(code);
      effects.exit('wikiEmbedMarker');
      return effects.attempt(inner, after, nok);
    }
    function after(code: Code): State | undefined {
      effects.exit('wikiEmbed');
      return ok(code);
    }
  }
  return { text: { [exclamationMark]: { name: 'wikiEmbed', tokenize } } };
}

const embedFromMarkdown: FromMarkdownExtension = {
  enter: {
    wikiEmbed(this: CompileContext, token: MdastToken) {
      this.enter({ type: 'wikiEmbed', children: [] }, token);
    },
  },
  exit: {
    wikiEmbed(this: CompileContext, token: MdastToken) {
      this.exit(token);
    },
  },
};

/** Register wiki-links and embeds on a unified processor. */
export function remarkWikiLinks(this: Processor, options: Partial<Options> = {}): void {
  const settings = { ...defaultOptions, ...options };
  (wikiLinkPlugin as unknown as (this: Processor, o: object) => void).call(this, settings);
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: FromMarkdownExtension[] };
  (data.micromarkExtensions ??= []).push(embedSyntax(settings));
  (data.fromMarkdownExtensions ??= []).push(embedFromMarkdown);
}
