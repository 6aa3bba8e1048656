/** Defaults and overrides: the validated file (or nothing) becomes a complete `SiteConfig`. */
import path from 'node:path';
import type { NotePath } from '../shared/types.ts';
import type { ConfigFile } from './schema.ts';
import type { SiteConfig } from './types.ts';

/** What loading learnt besides the file: Obsidian's filters, the checked home note, the file's name, `--url`. */
export interface ResolveInput {
  obsidianIgnore: string[];
  home?: NotePath;
  file?: string;
  url?: string;
}

/** The complete settings of a garden at `root` from its validated file. */
export function resolveConfig(file: ConfigFile, root: string, input: ResolveInput): SiteConfig {
  const url = input.url ?? file.url;
  const config: SiteConfig = {
    title: file.title ?? defaultTitle(root),
    language: Intl.getCanonicalLocales(file.language)[0]!,
    nav: file.nav,
    ignore: file.ignore,
    obsidianIgnore: input.obsidianIgnore,
    publish: file.publish,
    dates: file.dates,
    feed: file.feed,
    theme: file.theme,
    features: file.features,
    topics: file.topics,
  };
  if (file.description) config.description = file.description;
  if (file.author) config.author = file.author;
  if (url !== undefined) config.url = normalizeSiteUrl(url);
  if (input.home) config.home = input.home;
  for (const key of ['stylesheet', 'favicon', 'logo'] as const) {
    const value = file[key];
    if (value !== undefined) config[key] = value.normalize('NFC');
  }
  if (input.file) config.file = input.file;
  return config;
}

/** The title of a garden without one: its folder name (`Trellis garden` for the default `garden/`). */
export function defaultTitle(root: string): string {
  const name = path.basename(path.resolve(root));
  return name === 'garden' ? 'Trellis garden' : name;
}

/** An absolute http(s) URL (already validated) as origin plus path ending with `/`: `https://example.org/notes/`. */
export function normalizeSiteUrl(value: string): string {
  const url = new URL(value);
  return url.origin + (url.pathname.endsWith('/') ? url.pathname : url.pathname + '/');
}
