/**
 * The commented configuration `trellis init` writes. Every setting is commented
 * out, so the file changes nothing until the author fills it in. The format and
 * the settings are those of the configuration loader (src/config/).
 */

/** Name of the configuration file at the garden's root. */
export const configFileName = 'trellis.config.yaml';

/** The configuration file's text. */
export function configTemplate(): string {
  return `# Trellis site configuration, written by \`trellis init\`. Every setting is optional:
# remove the \`# \` in front of one to use it.

# The site's name, shown in the header, page titles, link previews and feeds.
# Default: the garden folder's name.
# title: My garden

# One sentence about the site: the description of pages that have none, and of the feeds.
# description: Notes on distributed systems, tended in public.

# Where the site will be served, path included. Pages, links and assets then work under
# that path (/notes/ below), and the sitemap, RSS/Atom/JSON feeds and canonical links use it;
# without it those are left out. The GitHub Pages workflow passes the site's address itself
# (--url), so this is for other hosts and for building on your own machine.
# url: https://user.github.io/notes/
`;
}
