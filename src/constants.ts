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
  invalidEncoding: 'invalid-encoding',
  binaryNote: 'binary-note',
  emptyNote: 'empty-note',
  largeNote: 'large-note',
  noteFailed: 'note-failed',
  symlinkLoop: 'symlink-loop',
  unreadable: 'unreadable-file',
  duplicateSlug: 'duplicate-slug',
  emptyLink: 'empty-link',
  invalidMath: 'invalid-math',
  unsafeUrl: 'unsafe-url',
} as const;

export type RuleId = (typeof ruleIds)[keyof typeof ruleIds];

/** Diagnostic source name. */
export const diagnosticSource = 'garden';

/** Notes larger than this are still built, but with a warning and without code highlighting. */
export const largeNoteBytes = 1_000_000;

/** Transclusions nest at most this deep; deeper embeds render as links. */
export const maxEmbedDepth = 4;

