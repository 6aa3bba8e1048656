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

/*
 * The package's node checks, for code that meets nodes only once a document was parsed (a base's YAML): the same
 * predicates, without loading the package where they are imported.
 */
export function isMap<K = unknown, V = unknown>(node: unknown): node is Yaml.YAMLMap<K, V> {
  return yamlPackage().isMap<K, V>(node);
}

export function isScalar<T = unknown>(node: unknown): node is Yaml.Scalar<T> {
  return yamlPackage().isScalar<T>(node);
}

export function isSeq<T = unknown>(node: unknown): node is Yaml.YAMLSeq<T> {
  return yamlPackage().isSeq<T>(node);
}
