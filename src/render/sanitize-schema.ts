/**
 * The raw-HTML policy (docs/syntax.md#raw-html): a note that contains HTML
 * has its whole rendered tree parsed (rehype-raw) and sanitised with
 * GitHub's allow-list, widened so Trellis's own markup passes: any class,
 * any `data-*` attribute, `details`/`summary`, `mark`, `kbd`, `figure`, media.
 * Scripts and styles (with their content), event handlers, `style`
 * attributes, forms, iframes and `javascript:`/`data:` URLs are removed.
 * Ids are kept as written (no `user-content-` prefix) so anchors work.
 * Trellis's own PDF iframes are put back after sanitising (render/index.ts).
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

type Attribute = NonNullable<Schema['attributes']>[string][number];

/** GitHub's per-tag attributes without their class restrictions (classes are allowed everywhere). */
function withoutClassLimits(list: readonly Attribute[] = []): Attribute[] {
  return list.filter((a) => !(Array.isArray(a) && a[0] === 'className'));
}

const githubAttributes = Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, withoutClassLimits(list)]));

/** The sanitisation schema applied to notes that contain raw HTML. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  // Comments are kept: embed placeholders are comments marked with a nonce that notes cannot guess.
  allowComments: true,
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'abbr', 'u', 'small', 'audio', 'video', 'source'],
  attributes: {
    ...githubAttributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'data*', 'id', 'title', 'dir', 'lang', 'role', 'ariaLabel', 'ariaHidden'],
    img: [...(githubAttributes.img ?? []), 'loading', 'width', 'height', 'alt', 'src'],
    audio: ['src', 'controls', 'preload'],
    video: ['src', 'controls', 'preload', 'width', 'height', 'poster'],
    source: ['src', 'type'],
    details: ['open'],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};
