/** Minimal types for the untyped micromark extension behind remark-wiki-link. */
declare module 'micromark-extension-wiki-link' {
  import type { Extension } from 'micromark-util-types';
  export function syntax(options?: { aliasDivider?: string }): Extension;
}
