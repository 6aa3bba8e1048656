/**
 * The raw-HTML policy (docs/syntax.md#raw-html): HTML written in notes is
 * parsed and sanitised with GitHub's allow-list, extended with what notes
 * commonly use (details, mark, kbd, figure, ...) and the classes/data
 * attributes Trellis itself emits. Scripts, styles, event handlers, forms,
 * iframes and `javascript:` URLs are removed. Ids are kept as written (no
 * `user-content-` prefix) so heading and block anchors keep working.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** The sanitisation schema applied to notes that contain raw HTML. */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'figure', 'figcaption', 'abbr', 'u', 'small', 'audio', 'video', 'source', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'id', 'title', 'dir', 'lang', 'role', 'ariaLabel', 'ariaHidden', 'dataNote', 'dataCallout', 'dataCalloutFold', 'dataTag', 'dataUnresolved', 'dataLanguage'],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading', 'width', 'height', 'alt', 'src'],
    audio: ['src', 'controls', 'preload'],
    video: ['src', 'controls', 'preload', 'width', 'height', 'poster'],
    source: ['src', 'type'],
    iframe: ['src', 'title', 'loading', 'width', 'height', ['className', 'embed-pdf']],
    details: ['open'],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};
