/**
 * Checks of single configuration values, apart from the schema (schema.ts) so that the command line can
 * check `--url` without loading zod.
 */

/** Whether `value` is an absolute http(s) URL without credentials, query or fragment. */
export function isSiteUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password && !url.search && !url.hash;
}

/** Whether `value` is a BCP 47 language tag. */
export function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Whether `value` is a path inside the garden: relative, `/`-separated, no `..` and no hidden (dot) folder or file. */
export function isGardenPath(value: string): boolean {
  if (value === '' || value.startsWith('/') || value.includes('\\') || value.includes('\0')) return false;
  return value.split('/').every((segment) => segment !== '' && !segment.startsWith('.'));
}
