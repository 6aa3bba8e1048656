/**
 * The yaml package, loaded when first asked for. Its load (~20 ms of the builder's thread) was a tenth of a build in which
 * nothing changed, which needs no YAML at all: the configuration is taken from the cache when its text is the one
 * validated (src/config/validated-config.ts), and a note's frontmatter is parsed here only when it names `publish`,
 * `draft` or `permalink` (src/scan/read-note.ts); a warm build parses none unless a changed note or a base needs it.
 * The package's Node build is CommonJS, so `require` loads the very module an `import` would.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** The yaml package's exports. */
export function yamlPackage(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
