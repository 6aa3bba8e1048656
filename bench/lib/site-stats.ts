/**
 * Sizes of an emitted site: total bytes of dist/, the first-load weight of a note page (gzip of
 * its HTML plus the scripts, module preloads and stylesheets it references; lazy chunks are not
 * counted), the search files under `_search/` and `graph.json`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Measured sizes of a site, in bytes. */
export interface SiteStats {
  distBytes: number;
  distFiles: number;
  firstLoadGzBytes: number;
  firstLoadFiles: string[];
  searchFiles: number;
  searchMaxGzBytes: number;
  searchMedianGzBytes: number;
  searchTotalGzBytes: number;
  graphJsonBytes: number;
  graphJsonGzBytes: number;
}

/** Every file under `dir`, as absolute paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Measure the site in `dist`, using the page at `pageUrl` (e.g. `/a/b/`) for the first load. */
export function measureSite(dist: string, pageUrl: string): SiteStats {
  const files = listFiles(dist);
  const distBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const gz = (file: string) => gzipSync(readFileSync(file)).length;

  const html = readFileSync(path.join(dist, decodeURI(pageUrl), 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src || !src.startsWith('/')) continue;
    if (tag.startsWith('<script') || /rel="(stylesheet|modulepreload)"/.test(tag)) refs.add(src.split(/[?#]/)[0]!);
  }
  const firstLoadFiles = [...refs];
  const firstLoadGzBytes = gzipSync(html).length + firstLoadFiles.reduce((sum, ref) => sum + gz(path.join(dist, decodeURI(ref))), 0);

  const search = files
    .filter((f) => f.includes(`${path.sep}_search${path.sep}`))
    .map(gz)
    .sort((a, b) => a - b);
  const graph = path.join(dist, 'graph.json');
  return {
    distBytes,
    distFiles: files.length,
    firstLoadGzBytes,
    firstLoadFiles,
    searchFiles: search.length,
    searchMaxGzBytes: search.at(-1) ?? 0,
    searchMedianGzBytes: search[Math.floor(search.length / 2)] ?? 0,
    searchTotalGzBytes: search.reduce((a, b) => a + b, 0),
    graphJsonBytes: statSync(graph).size,
    graphJsonGzBytes: gz(graph),
  };
}
