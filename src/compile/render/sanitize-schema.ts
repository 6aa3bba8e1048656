/**
 * The HTML policy (docs/syntax.md#urls-and-html): every note's rendered tree
 * (with any raw HTML parsed by rehype-raw) is sanitised with GitHub's
 * allow-list, widened so Trellis's own markup passes: any class, any
 * `data-*` attribute, `details`/`summary`, `mark`, `kbd`, `figure`, media.
 * Scripts and styles (with their content), event handlers, `style`
 * attributes, forms, iframes and URLs outside url-policy.ts are removed.
 * `name` attributes get the `user-content-` prefix so markup cannot shadow
 * `document`'s properties (DOM clobbering); ids written in raw HTML get it
 * too (prefix-user-ids.ts), while the ids Trellis gives headings, blocks and
 * footnotes are kept so anchors work without JavaScript.
 * Trellis's own elements that this policy would remove (a PDF embed's `<iframe>`) are written
 * after sanitising, by the assemble stage (assemble/link-html.ts).
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { userContentPrefix } from '../../shared/ids.ts';
import { linkSchemes, mediaSchemes } from './url-policy.ts';

type Attribute = NonNullable<Schema['attributes']>[string][number];

/** GitHub's per-tag attributes without their class restrictions (classes are allowed everywhere). */
function withoutClassLimits(list: readonly Attribute[] = []): Attribute[] {
  return list.filter((a) => !(Array.isArray(a) && a[0] === 'className'));
}

const githubAttributes = Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, withoutClassLimits(list)]));

/** The sanitisation schema applied to every note. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: userContentPrefix,
  // Ids are prefixed by prefix-user-ids.ts, which knows Trellis's own from the note's.
  clobber: ['name'],
  // Comments are kept: embed placeholders are comments marked with a nonce that notes cannot guess.
  allowComments: true,
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'abbr', 'u', 'small', 'audio', 'video', 'source'],
  attributes: {
    ...githubAttributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'data*', 'id', 'title', 'dir', 'lang', 'role', 'ariaLabel', 'ariaHidden', 'ariaDisabled'],
    img: [...(githubAttributes.img ?? []), 'loading', 'width', 'height', 'alt', 'src'],
    audio: ['src', 'controls', 'preload'],
    video: ['src', 'controls', 'preload', 'width', 'height', 'poster'],
    source: ['src', 'type'],
    details: ['open'],
  },
  protocols: {
    href: [...linkSchemes],
    cite: [...linkSchemes],
    src: [...mediaSchemes],
    longDesc: [...linkSchemes],
  },
};
