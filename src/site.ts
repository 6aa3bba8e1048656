/** Site-wide facts for the page templates, from the garden's configuration. */
import { defaultTitle } from './config/resolve-config.ts';
import type { SiteConfig } from './config/types.ts';
import type { SiteInfo } from './shared/types.ts';
import { parseSiteUrl } from './site-url.ts';

/** The site facts for a garden: its configuration's, else the defaults (the folder name as title, `Trellis garden` for `garden/`). */
export function siteInfo(garden: string, config?: SiteConfig): SiteInfo {
  if (!config) return { title: defaultTitle(garden), basePath: '/' };
  // The configuration's URL is checked when it is read (src/config); its path is the site's base path.
  const url = config.url ? parseSiteUrl(config.url) : undefined;
  const { accent, accentDark, fonts } = config.theme;
  const theme = { ...(accent ? { accent } : {}), ...(accentDark ? { accentDark } : {}), ...(fonts && Object.keys(fonts).length ? { fonts } : {}) };
  return {
    title: config.title,
    basePath: url?.basePath ?? '/',
    lang: config.language,
    ...(url ? { url: url.href } : {}),
    ...(config.description ? { description: config.description } : {}),
    ...(config.author ? { author: config.author } : {}),
    ...(config.nav.length ? { nav: config.nav } : {}),
    ...(Object.keys(theme).length ? { theme } : {}),
    ...(config.stylesheet ? { stylesheet: toSitePath(config.stylesheet) } : {}),
    ...(config.favicon ? { favicon: toSitePath(config.favicon) } : {}),
    ...(config.logo ? { logo: toSitePath(config.logo) } : {}),
    features: { ...config.features },
  };
}

/** The URL path (from `/`, before the base path) an attachment of the garden is published at. */
function toSitePath(rel: string): string {
  return '/' + rel.split('/').map(encodeURIComponent).join('/');
}
