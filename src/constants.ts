/** Diagnostic rule ids (kebab-case) and their default severities; `source` is always `garden`. */
export const ruleIds = {
  missingNote: 'missing-note',
  missingAttachment: 'missing-attachment',
  missingHeading: 'missing-heading',
  missingBlock: 'missing-block',
  ambiguousLink: 'ambiguous-link',
  embedCycle: 'embed-cycle',
  embedDepth: 'embed-depth',
  invalidFrontmatter: 'invalid-frontmatter',
  invalidDate: 'invalid-date',
  shallowHistory: 'shallow-history',
  invalidEncoding: 'invalid-encoding',
  binaryNote: 'binary-note',
  nulBytes: 'nul-bytes',
  emptyNote: 'empty-note',
  largeNote: 'large-note',
  noteFailed: 'note-failed',
  noteTooDeep: 'note-too-deep',
  noteTooLarge: 'note-too-large',
  symlinkLoop: 'symlink-loop',
  unreadable: 'unreadable-file',
  duplicateSlug: 'duplicate-slug',
  reservedUrl: 'reserved-url',
  emptyLink: 'empty-link',
  invalidMath: 'invalid-math',
  unsafeUrl: 'unsafe-url',
  unsafeAttachment: 'unsafe-attachment',
  invalidCanvas: 'invalid-canvas',
  invalidConfig: 'invalid-config',
  obsidianConfig: 'obsidian-config',
  unpublishedHome: 'unpublished-home',
  invalidBase: 'invalid-base',
  unsupportedBase: 'unsupported-base',
} as const;

export type RuleId = (typeof ruleIds)[keyof typeof ruleIds];

/** Diagnostic source name. */
export const diagnosticSource = 'garden';

/** Notes larger than this are still built, but with a warning and without code highlighting. */
export const largeNoteBytes = 1_000_000;

/**
 * Block quotes and lists nest at most this deep; a deeper note is refused before it is parsed
 * (parse/nesting-depth.ts). The parser's memory grows much faster than the text with depth:
 * one line of thousands of `>` takes gigabytes. Real notes nest a handful of levels.
 */
export const maxNesting = 100;

/** Transclusions nest at most this deep; deeper embeds render as links. */
export const maxEmbedDepth = 4;

/** The record a build leaves in its site (src/emit/build-record.ts): it marks a folder as a Trellis site, which the walk never reads as notes. */
export const buildRecordFile = '.trellis-build.json';
