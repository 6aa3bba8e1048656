/** Site-wide facts derived from the garden folder and the site options. */
import path from 'node:path';
import type { SiteInfo } from './shared/types.ts';
import { parseSiteUrl } from './site-url.ts';

/** Site settings given by the user (command-line flags, or the configuration file mapped onto them). */
export interface SiteOptions {
  /** Where the site will be served (`https://user.github.io/notes/`); gives the base path and absolute URLs. */
  url?: string;
  title?: string;
  description?: string;
}

/**
 * The site facts for a garden: its folder name as title (`Trellis garden` for the default
 * `garden/`) unless one is given, and the base path and absolute URL of `options.url`
 * (`/` and none without it). Throws `SiteUrlError` for a URL that cannot be used.
 */
export function siteInfo(garden: string, options: SiteOptions = {}): SiteInfo {
  const name = path.basename(path.resolve(garden));
  const url = options.url === undefined ? undefined : parseSiteUrl(options.url);
  return {
    title: options.title ?? (name === 'garden' ? 'Trellis garden' : name),
    basePath: url?.basePath ?? '/',
    ...(url ? { url: url.href } : {}),
    ...(options.description ? { description: options.description } : {}),
  };
}
