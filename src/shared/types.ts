/**
 * Types shared by the builder (src/) and the web app (web/).
 *
 * Everything that crosses a stage boundary, or is written to dist/ and read by
 * the app, is declared here. Keep this module free of runtime imports so the
 * browser bundle can import it for types only.
 */

/** Vault-relative POSIX path with extension, e.g. `Editing/Create or edit Task.md`. */
export type NotePath = string & { readonly __brand: 'NotePath' };
/** Stable note identity: the vault-relative path without the `.md` extension. */
export type NoteId = string & { readonly __brand: 'NoteId' };
/** Site URL path of a page, always starting and ending with `/`, e.g. `/editing/create-or-edit-task/`. */
export type Slug = string & { readonly __brand: 'Slug' };

/** 1-based line and column, as in unist positions. */
export interface Point {
  line: number;
  column: number;
}

/** A diagnostic about the garden's content (never about our own bugs). */
export interface Diagnostic {
  /** Vault-relative file the problem is in. */
  file: string;
  line: number;
  column: number;
  /** Kebab-case rule id from src/constants.ts, e.g. `missing-note`. */
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  /** A sentence in Markdown, with a suggestion where there is one. */
  reason: string;
}

/** The kind of a link as found in the source. */
export type LinkKind = 'link' | 'embed';

/** A link target as written, split into its parts (before resolution). */
/** How a link was written: see `LinkRef.syntax`. */
export type LinkSyntax = 'wiki' | 'markdown' | 'property' | 'canvas';

export interface LinkRef {
  /** Target path or name as written, without anchor; empty for `[[#Heading]]`. */
  target: string;
  /** Heading path (`['Heading', 'Sub']`) when the anchor is a heading. */
  headings: string[];
  /** Block id (without `^`) when the anchor is a block ref. */
  block?: string;
  /** Text shown for the link (`[[a|text]]`), if any. */
  alias?: string;
  kind: LinkKind;
  /**
   * `wiki` for `[[..]]`/`![[..]]`, `markdown` for `[text](local.md)`, `property` for a wiki-link in a frontmatter value,
   * `canvas` for a canvas's file card or group background (a JSON value: never rewritten as Markdown).
   */
  syntax: LinkSyntax;
  /** Position of the whole link in the source. */
  position: Point;
  /** Source offsets [start, end) of the whole link, for rewriting it (rename). */
  range: [number, number];
  /** Image size from `![[image.png|300]]` or `|300x200`. */
  width?: number;
  height?: number;
}

/**
 * The plain text around a link (its paragraph, heading, table row or list item), for backlinks.
 * A note's contexts are numbered as its links; the build keeps them in its store (src/store).
 */
export interface LinkContext {
  text: string;
  /** Character range of the link's text inside `text`. */
  highlight?: [number, number];
}

/** A heading of a note. */
export interface Heading {
  depth: number;
  /** Plain text of the heading. */
  text: string;
  /** HTML id used in rendered pages (Obsidian-normalised, unique in the note). */
  id: string;
  line: number;
}

/** A block that carries an Obsidian block id (`^id`). */
export interface BlockId {
  id: string;
  line: number;
}

/** Frontmatter fields Trellis understands. Unknown keys are kept in `extra`. */
export interface Frontmatter {
  title?: string;
  aliases: string[];
  tags: string[];
  /** false when `draft: true` or `publish: false`. */
  publish: boolean;
  date?: string;
  created?: string;
  updated?: string;
  permalink?: string;
  description?: string;
  series?: string;
  order?: number;
  stage?: 'seedling' | 'budding' | 'evergreen';
}

/**
 * A piece of a text value as the properties panel shows it: plain text, a wiki-link, or an
 * external URL that the URL policy allows (the whole value was the URL). `L` is how a link is
 * known: an index into `ParsedNote.links` before resolution, a {@link PropertyLink} after.
 */
export type PropertyPart<L> = string | { kind: 'link'; text: string; link: L } | { kind: 'url'; text: string; href: string };

/**
 * One frontmatter property, its value typed as Obsidian's Properties view infers it from the
 * value: `tags` for the `tags` key, `list` for sequences (and `aliases`, `cssclasses`),
 * `checkbox` for booleans, `number`, `date` (`YYYY-MM-DD`), `datetime` (`YYYY-MM-DDTHH:MM`),
 * else `text` (nested maps as JSON). An empty text or list is an empty value. One flat record
 * per property: notes keep their properties for the whole build.
 */
export type NoteProperty<L> =
  | { key: string; type: 'text'; value: PropertyPart<L>[] }
  | { key: string; type: 'list'; value: PropertyPart<L>[][] }
  | { key: string; type: 'tags'; value: string[] }
  | { key: string; type: 'number'; value: number }
  | { key: string; type: 'checkbox'; value: boolean }
  | { key: string; type: 'date' | 'datetime'; value: string };

/** Where a wiki-link in a property leads, resolved as body links are. `href` is site-relative (anchor included). */
export type PropertyLink =
  | { kind: 'note'; id: NoteId; href: string }
  | { kind: 'self'; href: string }
  | { kind: 'attachment'; href: string }
  | { kind: 'missing'; target: string }
  | { kind: 'unpublished' };

/** A note after scanning: identity plus raw content. */
export interface NoteFile {
  path: NotePath;
  id: NoteId;
  /** Absolute path on disk. */
  absPath: string;
  /** sha256 of the raw bytes, hex. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** An attachment (any non-Markdown file that is not ignored). */
export interface AttachmentFile {
  path: string;
  absPath: string;
  size: number;
  /** Modification time, when known (part of the build fingerprint). */
  mtimeMs?: number;
  /** What the site publishes instead of the file's bytes: an SVG without its scripts (scan/sanitize-attachments.ts). */
  sanitized?: string;
}

/** Everything parse learns about a note; serialisable (crosses worker threads and the cache). */
export interface ParsedNote {
  path: NotePath;
  id: NoteId;
  hash: string;
  title: string;
  frontmatter: Frontmatter;
  /** Frontmatter tags plus inline `#tags`, deduplicated, without `#`. */
  tags: string[];
  headings: Heading[];
  blocks: BlockId[];
  links: LinkRef[];
  wordCount: number;
  diagnostics: Diagnostic[];
  /** Frontmatter properties for the properties panel; a link's number indexes `links`. Omitted without frontmatter. */
  properties?: NoteProperty<number>[];
  /**
   * The YAML of each ```` ```base ```` code block, in source order (a `.base` file's page: the file's, once). Rendered after
   * the whole garden is resolved (src/bases/), where the compiled HTML has a `base` placeholder. Omitted when there are none.
   */
  bases?: BaseBlock[];
}

/** The YAML of one base (a ```` ```base ```` block or a `.base` file) and where its text starts in the file (1-based). */
export interface BaseBlock {
  yaml: string;
  line: number;
  /** Column of the YAML's first character on each of its lines (a block indented in a list starts further right). */
  column: number;
}

/** Resolution result of one link; callers switch on `kind`. */
export type Resolution =
  | { kind: 'note'; target: NoteId; anchor?: Anchor }
  | { kind: 'attachment'; path: string }
  | { kind: 'self'; anchor?: Anchor }
  | { kind: 'missing'; suggestion?: NoteId }
  | { kind: 'unpublished'; target: NoteId };

/** A resolved anchor inside a target note. */
export type Anchor = { kind: 'heading'; id: string; text: string; found: boolean } | { kind: 'block'; id: string; found: boolean };

/** One link after resolution. */
export interface ResolvedLink {
  source: NoteId;
  ref: LinkRef;
  resolution: Resolution;
  /** When several notes matched by name: the candidates (the chosen one first). */
  ambiguous?: NoteId[];
}

/** A backlink as shown under a note. */
export interface Backlink {
  source: NoteId;
  title: string;
  url: Slug;
  kind: LinkKind;
  /** The paragraph around the link, as plain text. */
  context: string;
  /** Character range of the link text inside `context`, for highlighting, when known. */
  highlight?: [number, number];
}

/** An unlinked mention: a note naming another's title or alias without linking it. */
export interface UnlinkedMention extends Backlink {
  /**
   * `trellis dev` only: the source note's file and the hash of the bytes the mention was found in,
   * which the one-click Link sends back (src/dev/link-mention-route.ts). Built sites never carry it.
   */
  edit?: { path: NotePath; hash: string };
}

/** A topic (community) of the link graph. */
export interface Topic {
  id: number;
  name: string;
  color: string;
  size: number;
  /** Most central notes of the topic, best first. */
  hubs: NoteId[];
  /** A subtopic's topic (its id); absent on top-level topics. Top-level topics come first in every list. */
  parent?: number;
}

/** A note entry of graph.json. */
export interface GraphNote {
  id: NoteId;
  path: NotePath;
  title: string;
  url: Slug;
  tags: string[];
  aliases: string[];
  /** The note's top-level topic. */
  topic?: number;
  /** The note's subtopic (a topic whose `parent` is `topic`), when its topic has subtopics. */
  subtopic?: number;
  x?: number;
  y?: number;
  /** Importance in [0, 1] (PageRank, normalised), for node size. */
  weight?: number;
}

/** A link entry of graph.json: one per distinct (source, target, kind), no self-links. */
export interface GraphLink {
  source: NoteId;
  target: NoteId;
  kind: LinkKind;
}

/** dist/graph.json, documented in docs/output.md. Stable: only additive changes within a version. */
export interface GraphJson {
  version: 1;
  notes: GraphNote[];
  links: GraphLink[];
  topics?: Topic[];
}

/** Per-note JSON written at `<url>index.json`, loaded by the app on in-place navigation. */
export interface NoteData {
  id: NoteId;
  path: NotePath;
  title: string;
  url: Slug;
  tags: string[];
  aliases: string[];
  /** Rendered body HTML (sanitised), without the page chrome. */
  html: string;
  headings: Heading[];
  backlinks: Backlink[];
  /** Notes that name this note's title or an alias without linking it. */
  unlinkedMentions: UnlinkedMention[];
  outgoing: { id: NoteId; title: string; url: Slug }[];
  frontmatter: Frontmatter;
  /** The properties panel: every frontmatter property with its links resolved. Omitted without frontmatter. */
  properties?: NoteProperty<PropertyLink>[];
  /** ISO dates. */
  created?: string;
  updated?: string;
  wordCount: number;
  /** The note's series (frontmatter `series`, ordered by `order`): where the reader is and the neighbours. */
  series?: SeriesPosition;
  /** On the home page (`/`) only: the most recently tended notes. */
  recent?: ListItem[];
}

/** A note's place in its series. */
export interface SeriesPosition {
  name: string;
  /** 1-based. */
  position: number;
  total: number;
  prev?: { title: string; url: Slug };
  next?: { title: string; url: Slug };
}

/** A document handed to the search indexer. */
export interface SearchDoc {
  id: NoteId;
  url: Slug;
  title: string;
  aliases: string[];
  headings: { text: string; id: string }[];
  tags: string[];
  body: string;
  /**
   * Set when the note's first heading is an `# h1` repeating its title, which its page leaves out
   * (src/shared/templates/drop-title-heading.ts): a snippet leaves it out too when the body starts with it.
   */
  titleHeading?: true;
  /**
   * What the doc was made from, when its maker knows it without the body (a note's content hash
   * and URL): a doc whose source is the one the kept postings record has the key and docs-chunk
   * size recorded there, so the build's search worker need not read its body to learn them.
   */
  source?: string;
}

/**
 * A field of a note that search indexes; ranked in this order (title highest). `names` holds each
 * note's title and aliases whole, as name keys (`src/shared/search/to-name-key.ts`), so a query
 * that is a note's title can be found as one term and put first.
 */
export type SearchField = 'title' | 'aliases' | 'headings' | 'tags' | 'body' | 'names';

/** A group of postings shards: the small fields (title, aliases, headings, tags) or the note bodies. */
export type SearchGroup = 'fields' | 'body';

/**
 * One posting of a FlexSearch `Index` map, exactly as its chunked `export` writes it and `import`
 * reads it: the encoded term, then one array of note numbers per resolution slot (slot 0 = the
 * term comes earliest in the field). A tuple because that is FlexSearch's wire format.
 */
export type SearchPostingEntry = [term: string, slots: (number[] | null)[]];

/** A postings shard reference in the manifest. */
export interface SearchShardRef {
  /** File name relative to `_search/`. */
  file: string;
  /** Smallest term the shard may hold. Shards of a group are sorted by it; the first one is `''`. */
  first: string;
}

/** `_search/manifest.json`: the only search file a page fetches before knowing the query terms. */
export interface SearchManifest {
  version: 1;
  /** How many notes are indexed (what a term's rarity is measured against). */
  docCount: number;
  /**
   * Notes are numbered below this (a power of two, at least twice `docCount`), each from a hash of
   * its id (src/search/number-notes.ts), so a note keeps its number when others change; postings
   * hold these numbers, and some numbers have no note.
   */
  numberSpace: number;
  /** Postings of the `headings` field hold `note * headingStride + headingIndex`. */
  headingStride: number;
  /** FlexSearch `resolution` each field index was built with. */
  resolution: Record<SearchField, number>;
  /** Ranking weight of each field. */
  weights: Record<SearchField, number>;
  /** Postings shards, partitioned by term range, per group. */
  groups: Record<SearchGroup, SearchShardRef[]>;
  /**
   * Docs chunks (url, title, headings, text for snippets), partitioned by note number: chunk `i`
   * starts at note number `starts[i]` (ascending) and is `docs-<starts[i]>.<hashes[i]>.json`.
   */
  docs: { starts: number[]; hashes: string[] };
  /** The vocabulary file (a {@link SearchVocabulary}), relative to `_search/`; absent when the garden has no words for it. */
  vocabulary?: string;
}

/**
 * The garden's vocabulary, which a misspelt query word is corrected against: encoded words of
 * at least 3 letters (no digits, no CJK), in tiers by where they occur: `tiers[0]` titles and
 * aliases, `tiers[1]` headings and tags, `tiers[2]` body words found in two notes or more (the
 * commonest first when a cap cuts them). A word is in one tier only, its highest; each tier is
 * sorted by `<`.
 */
export interface SearchVocabulary {
  version: 1;
  tiers: string[][];
}

/** A postings shard file: the FlexSearch map entries of one term range, per field, sorted by term. */
export interface SearchPostingsShard {
  version: 1;
  fields: Partial<Record<SearchField, SearchPostingEntry[]>>;
}

/** A note as stored in a docs chunk, for building hits and snippets. */
export interface SearchDocEntry {
  id: NoteId;
  url: Slug;
  title: string;
  /** Indexed headings; the position in this list is the heading index used by postings. */
  headings: { text: string; id: string }[];
  /** Plain body text, cut to the builder's `maxBodyChars`. */
  body: string;
}

/** A docs chunk file: the notes numbered from `start` on, `null` for a number without a note. */
export interface SearchDocsChunk {
  version: 1;
  start: number;
  docs: (SearchDocEntry | null)[];
}

/** One search result, best first in a result list. */
export interface SearchHit {
  id: NoteId;
  url: Slug;
  title: string;
  /** The title as HTML, matched words wrapped in `<mark>`, everything else escaped. */
  titleHtml: string;
  /** The best matching heading, when the query hit a heading; jump to `#id`. */
  heading?: { text: string; id: string };
  /** A short piece of the body as HTML, matched words wrapped in `<mark>`, everything else escaped. */
  snippet: string;
  score: number;
}

/** A file the search builder produced, for the emitter to write. */
export interface SearchFile {
  /** Path relative to dist/, under `_search/`. */
  path: string;
  contents: string | Uint8Array;
}

/** Sizes measured while building the search index. */
export interface SearchStats {
  postingsShards: number;
  docsChunks: number;
  /** Largest gzipped size among the files that were gzip-checked (those whose raw size could exceed the budget). */
  maxCheckedGzipBytes: number;
  /** Files over the gzip budget (a single term whose postings alone exceed it); normally empty. */
  overBudget: string[];
}

/** Output of the search stage. */
export interface SearchArtifacts {
  files: SearchFile[];
  stats: SearchStats;
}

/** The link report printed by `trellis check --json`. */
export interface CheckReport {
  notes: number;
  links: number;
  broken: { source: string; line: number; column: number; target: string }[];
  ambiguous: { source: string; line: number; target: string; chosen: string; candidates: string[] }[];
  brokenAnchors: { source: string; line: number; target: string; anchor: string }[];
  orphans: string[];
}

/** Site-wide facts the page templates need. */
export interface SiteInfo {
  /** Site title, shown in the header and after each page title. */
  title: string;
  /** URL path the site is served under; starts and ends with `/` (`/` at a domain root, `/garden/` in a subfolder). */
  basePath: string;
  /** Absolute origin plus base path (`https://example.org/garden/`), for canonical links; omitted when unknown. */
  url?: string;
  /** Default meta description for pages without their own. */
  description?: string;
  /** BCP 47 language of the content; `en` when omitted. */
  lang?: string;
  /** The garden's author, for `<meta name="author">` and feeds. */
  author?: string;
  /** Links the configuration adds to the header, after the site's own. */
  nav?: NavLink[];
  /** Accent colours and fonts, as validated CSS values (src/config/css-values.ts). */
  theme?: SiteTheme;
  /** Site paths (encoded, from `/`, before the base path) of the garden's own stylesheet, favicon and logo. */
  stylesheet?: string;
  favicon?: string;
  logo?: string;
  /** Reader-facing features switched on or off by the configuration; every switch is set. */
  features?: SiteFeatures;
}

/** A header link: a site path (`/about/`, base path added when rendered) or an absolute http(s) URL. */
export interface NavLink {
  title: string;
  url: string;
}

/** Theme settings; every value is a CSS colour or font-family list checked when the configuration was loaded. */
export interface SiteTheme {
  /** Accent of the light theme, and of the dark theme unless `accentDark` is set. */
  accent?: string;
  accentDark?: string;
  /** Font-family lists for body text, interface text and code. */
  fonts?: { body?: string; ui?: string; mono?: string };
}

/** Reader-facing feature switches. */
export interface SiteFeatures {
  /** Show "Unlinked mentions" under a note's backlinks. */
  unlinkedMentions: boolean;
  /** Show the local graph beside notes open until the reader closes it (the default; the reader's own choice is remembered and wins). */
  localGraphOpen: boolean;
  /** Show the properties panel (frontmatter) above a note's body. */
  properties: boolean;
}

/** URL paths (site-relative, starting with `/_app/`) of the built reading app, linked from every page. */
export interface AppAssets {
  /** Module scripts, in load order. */
  scripts: string[];
  /** Stylesheets needed on every page. */
  styles: string[];
  /** Chunks the scripts import statically, for `<link rel="modulepreload">`. */
  preload?: string[];
  /** Stylesheets only needed on pages with math (KaTeX); linked when the body contains `class="katex"`. */
  mathStyles?: string[];
}

/** One entry of a list page. */
export interface ListItem {
  title: string;
  url: Slug;
  /** One line of plain text under the title (description or first paragraph). */
  description?: string;
  /** ISO date shown beside the title. */
  updated?: string;
  stage?: Frontmatter['stage'];
  /** A count shown beside the title (e.g. notes with a tag). */
  count?: number;
}

/** A titled group of items on a list page. */
export interface ListSection {
  title: string;
  /** Optional link for the section title (a folder or tag page). */
  url?: Slug;
  items: ListItem[];
}

/**
 * A page that is not a note: tag pages, folder pages, the tag index, "Start here", 404,
 * the search page (a full index that works without JavaScript) and the global graph page.
 */
export interface ListPage {
  kind: 'tag' | 'tags' | 'folder' | 'start' | 'not-found' | 'search' | 'graph' | 'topic' | 'topics' | 'explorer';
  url: Slug;
  title: string;
  /** Sanitised HTML shown above the lists (a folder note body, a welcome text). */
  introHtml?: string;
  /** Notes the page stands for, shown under its title: a tag's with its nested tags', a folder's with its subfolders'. */
  count?: number;
  sections: ListSection[];
}
