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
    wikiLink: 'wikiLink';
    wikiLinkMarker: 'wikiLinkMarker';
    wikiLinkData: 'wikiLinkData';
    wikiLinkTarget: 'wikiLinkTarget';
    wikiLinkAliasMarker: 'wikiLinkAliasMarker';
    wikiLinkAlias: 'wikiLinkAlias';
  }
}

const exclamationMark = 33;
const leftSquareBracket = 91;
const rightSquareBracket = 93;
/** Longest target or alias we accept; longer text is not a link (bounds the work per `[[`). */
const maxLinkLength = 1000;

/**
 * The `[[target|alias]]` construct. It emits the token types of
 * micromark-extension-wiki-link, so remark-wiki-link's mdast handlers build
 * the nodes, but it stops at `[` inside a link and after `maxLinkLength`
 * characters: the original scans to the end of the line for every `[[`, which
 * is quadratic on a line of many `[[` (a line of tens of KB takes many seconds).
 */
function wikiLinkConstruct(options: Options): Construct {
  const divider = options.aliasDivider.charCodeAt(0);
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    let seen = false;
    return start;
    function start(code: Code): State | undefined {
      if (code !== leftSquareBracket) return nok(code);
      effects.enter('wikiLink');
      effects.enter('wikiLinkMarker');
      effects.consume(code);
      return open;
    }
    function open(code: Code): State | undefined {
      if (code !== leftSquareBracket) return nok(code);
      effects.consume(code);
      effects.exit('wikiLinkMarker');
      effects.enter('wikiLinkData');
      effects.enter('wikiLinkTarget');
      return target;
    }
    function target(code: Code): State | undefined {
      if (code === divider) {
        if (!seen) return nok(code);
        effects.exit('wikiLinkTarget');
        effects.enter('wikiLinkAliasMarker');
        effects.consume(code);
        effects.exit('wikiLinkAliasMarker');
        effects.enter('wikiLinkAlias');
        seen = false;
        return alias;
      }
      return inside(code, target, 'wikiLinkTarget');
    }
    function alias(code: Code): State | undefined {
      return inside(code, alias, 'wikiLinkAlias');
    }
    function inside(code: Code, next: State, part: 'wikiLinkTarget' | 'wikiLinkAlias'): State | undefined {
      if (code === rightSquareBracket) {
        if (!seen) return nok(code);
        effects.exit(part);
        effects.exit('wikiLinkData');
        effects.enter('wikiLinkMarker');
        effects.consume(code);
        return close;
      }
      if (code === null || code < -2 || code === leftSquareBracket || ++size > maxLinkLength) return nok(code);
      if (code !== 32 && code !== -1 && code !== -2) seen = true;
      effects.consume(code);
      return next;
    }
    function close(code: Code): State | undefined {
      if (code !== rightSquareBracket) return nok(code);
      effects.consume(code);
      effects.exit('wikiLinkMarker');
      effects.exit('wikiLink');
      return ok;
    }
  }
  return { name: 'wikiLink', tokenize };
}

/** Micromark extension for `![[..]]`, wrapping the wiki-link construct. */
function embedSyntax(inner: Construct): Extension {
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
  // Replace the plugin's syntax (the last one it added) by the bounded construct; keep its mdast handlers.
  const construct = wikiLinkConstruct(settings);
  const syntaxes = (data.micromarkExtensions ??= []);
  syntaxes.pop();
  syntaxes.push({ text: { [leftSquareBracket]: construct } }, embedSyntax(construct));
  (data.fromMarkdownExtensions ??= []).push(embedFromMarkdown);
}
