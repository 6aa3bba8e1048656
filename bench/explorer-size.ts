/**
 * Sizes of the sidebar explorer's data for a garden: the root listing (what every
 * page loads first), the largest folder listing, the names file (loaded by the filter
 * box), and all listings together, raw and gzipped. Titles are the notes' file names
 * (frontmatter titles are not read; the generated gardens use the file name as title).
 *
 * Run: `tsx bench/explorer-size.ts <garden>`.
 */
import { gzipSync } from 'node:zlib';
import { baseName } from '../src/shared/ids.ts';
import { explorerFiles } from '../src/emit/explorer-files.ts';
import { scanGarden } from '../src/scan/index.ts';

const garden = process.argv[2];
if (!garden) throw new Error('usage: tsx bench/explorer-size.ts <garden>');
const scan = await scanGarden(garden);
const notes = scan.notes.filter((n) => n.content.publish).map((n) => ({ id: n.id, title: baseName(n.id), url: n.url }));
const files = explorerFiles(notes);
const size = (text: string) => ({ bytes: Buffer.byteLength(text), gzip: gzipSync(text).length });
const listings = [...files].filter(([file]) => !file.endsWith('names.json'));
const largest = listings.reduce((a, b) => (b[1].length > a[1].length ? b : a));
const depth = (id: string) => id.split('/').length - 1;
const deepest = notes.reduce((a, b) => (depth(b.id) > depth(a.id) ? b : a));
console.log(
  JSON.stringify(
    {
      notes: notes.length,
      folders: listings.length,
      root: size(files.get('_explorer/root.json')!),
      largestListing: { file: largest[0], ...size(largest[1]) },
      averageListing: Math.round(listings.reduce((n, [, t]) => n + t.length, 0) / listings.length),
      allListings: size(listings.map(([, t]) => t).join('')),
      names: size(files.get('_explorer/names.json')!),
      deepestNote: { id: deepest.id, listingsToReveal: depth(deepest.id) + 1 },
    },
    null,
    2,
  ),
);
