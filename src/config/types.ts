/** The site configuration as the rest of Trellis sees it: validated, defaults applied. */
import type { Diagnostic, NavLink, NotePath, SiteFeatures, SiteTheme } from '../shared/types.ts';
import type { TopicSettings } from '../graph/topics-settings.ts';

/** Which notes are published: all but `publish: false`/`draft: true`, or only `publish: true` (Obsidian Publish, Digital Garden). */
export type PublishPolicy = 'all' | 'explicit';

/** Where a note's dates come from (src/emit/note-dates.ts). */
export type { DateSource } from '../emit/note-dates.ts';
import type { DateSource } from '../emit/note-dates.ts';

/**
 * The garden's settings (`trellis.config.yaml`), every option resolved: what the
 * file says, else the default. Plain data (it is hashed into the build record).
 */
export interface SiteConfig {
  title: string;
  description?: string;
  author?: string;
  /** Absolute http(s) URL of the site, base path included, ending with `/`; `--url` wins over the file. */
  url?: string;
  /** Canonical BCP 47 tag. */
  language: string;
  /** The note published at `/`, when the configuration names one. */
  home?: NotePath;
  nav: NavLink[];
  /** gitignore-style patterns of the configuration. */
  ignore: string[];
  /** Obsidian's "Excluded files" (`.obsidian/app.json` `userIgnoreFilters`): path prefixes, or `/regex/`. */
  obsidianIgnore: string[];
  publish: PublishPolicy;
  dates: DateSource;
  /** Entries per feed and whether with their whole bodies. */
  feed: FeedSettings;
  theme: SiteTheme;
  /** Garden-relative paths of the garden's own stylesheet, favicon and logo. */
  stylesheet?: string;
  favicon?: string;
  logo?: string;
  features: SiteFeatures;
  /** Pinned topic names and tags/folders mapped to topics (`topics:`). */
  topics: TopicSettings;
  /** The configuration file, garden-relative; undefined when the garden has none. */
  file?: string;
}

/** Settings of the feeds. */
export interface FeedSettings {
  /** Entries per feed (default 30). */
  limit?: number;
  /** Put each note's whole body in its entry, not only its summary (default false). */
  fullContent?: boolean;
}

/** Settings given on the command line, which win over the file's. */
export interface ConfigOverrides {
  /** `--url`: absolute http(s) URL of the site (CI previews). */
  url?: string;
}

/**
 * The outcome of loading a configuration: the settings, or the errors that stop
 * the command (positioned in the file). `warnings` (an unreadable
 * `.obsidian/app.json`, say) do not stop it.
 */
export type ConfigResult = { ok: true; config: SiteConfig; warnings: Diagnostic[] } | { ok: false; errors: ConfigError[]; warnings: Diagnostic[] };

/** A configuration problem at a place in a file (or on the command line, with `file` `--url`). */
export interface ConfigError extends Diagnostic {
  /** The text of the file, for a code frame; absent for command-line flags. */
  source?: string;
}
