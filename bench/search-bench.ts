/**
 * Benchmark of the search index on a synthetic 10,000-note garden (~20 MB of text).
 *
 * Run: `npx tsx bench/search-bench.ts [notes]`. Generates the notes from a seeded PRNG (Zipf-
 * distributed made-up words, some real English words, CJK paragraphs in one note out of ten),
 * builds the index, and reports shard count and gzipped sizes, build time, the bytes a query
 * fetches, and query times once its shards are loaded (the same engine the worker runs, with
 * files served from memory instead of fetch).
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../src/search/index.ts';
import type { NoteId, SearchDoc, Slug } from '../src/shared/types.ts';
import { createSearchEngine } from '../web/search/lib/create-search-engine.ts';

const noteCount = Number(process.argv[2] ?? 10_000);
/** `npx tsx bench/search-bench.ts 10000 200000` tries another `targetShardBytes`. */
const targetShardBytes = process.argv[3] ? Number(process.argv[3]) : undefined;
const random = mulberry32(20240611);

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** Roughly Zipf: rank r is drawn with probability ∝ 1/r. */
const pickZipf = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1))) - 1)]!;
const range = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const syllables = [
  'ka',
  'to',
  'ri',
  'men',
  'sa',
  'lo',
  'pre',
  'di',
  'ver',
  'na',
  'qu',
  'el',
  'tra',
  'son',
  'ex',
  'pli',
  'ca',
  'tion',
  'ro',
  'bu',
  'st',
  'ing',
  'al',
  'ze',
  'mo',
  'fi',
  'gra',
  'ph',
  'un',
  'der',
];
const english = [
  'replication',
  'distributed',
  'consensus',
  'garden',
  'note',
  'link',
  'graph',
  'search',
  'index',
  'query',
  'shard',
  'latency',
  'throughput',
  'the',
  'and',
  'of',
  'to',
  'is',
  'in',
  'that',
  'with',
  'for',
  'as',
  'on',
  'by',
  'system',
  'database',
  'network',
  'protocol',
  'leader',
  'follower',
  'partition',
  'tolerance',
];
const madeUp = Array.from({ length: 30_000 }, () => Array.from({ length: range(1, 4) }, () => pick(syllables)).join(''));
const vocabulary = [...english, ...madeUp];
const hanChars = Array.from(
  '分布式系统数据库网络协议一致性复制领导者跟随者分区容错延迟吞吐量索引查询搜索图链接笔记花园知识管理学习方法时间空间结构算法设计实现测试部署运行服务客户端服务器缓存存储文件目录',
);
const kana = Array.from('あいうえおかきくけこさしすせそたちつてとなにぬねのまみむめもらりるれろ');
const cjkWords = Array.from({ length: 400 }, () => Array.from({ length: range(2, 4) }, () => pick(hanChars)).join(''));
const tags = Array.from({ length: 200 }, (_, i) => `topic-${pick(madeUp)}-${i}`);

function sentence(): string {
  const words = Array.from({ length: range(6, 18) }, () => pickZipf(vocabulary));
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

function cjkParagraph(): string {
  return Array.from({ length: range(8, 30) }, () => (random() < 0.8 ? pickZipf(cjkWords) : pick(kana))).join('') + '。';
}

function makeDoc(i: number): SearchDoc {
  const title = Array.from({ length: range(2, 5) }, () => pickZipf(vocabulary)).join(' ');
  const headings = Array.from({ length: range(2, 8) }, (_, h) => {
    const text = Array.from({ length: range(1, 4) }, () => pickZipf(vocabulary)).join(' ');
    return { text, id: `${text.replace(/\s+/g, '-')}-${h}` };
  });
  const target = Math.round(Math.exp(6.6 + random() * 1.6)); // ~700 to ~3,700 characters
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    const paragraph = random() < 0.1 && i % 10 === 0 ? cjkParagraph() : Array.from({ length: range(2, 6) }, sentence).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  const id = `notes/${String(i).padStart(5, '0')}` as NoteId;
  return {
    id,
    url: `/notes/${String(i).padStart(5, '0')}/` as Slug,
    title,
    aliases: random() < 0.3 ? [pick(madeUp)] : [],
    headings,
    tags: Array.from({ length: range(0, 3) }, () => pick(tags)),
    body: [headings.map((h) => h.text).join('\n'), ...paragraphs].join('\n\n'),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const docs = Array.from({ length: noteCount }, (_, i) => makeDoc(i));
const corpusBytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.body), 0);
console.log(`corpus: ${noteCount} notes, ${(corpusBytes / 1e6).toFixed(1)} MB of body text`);

const options = targetShardBytes ? { targetShardBytes } : {};
buildSearchIndex(docs.slice(0, 500), options); // warm up the JIT
const started = performance.now();
const artifacts = buildSearchIndex(docs, options);
const buildMs = performance.now() - started;

const files = new Map(artifacts.files.map((file) => [file.path.replace(/^_search\//, ''), String(file.contents)]));
const gzipped = new Map([...files].map(([file, text]) => [file, gzipSync(text).length]));
const report = (label: string, match: (file: string) => boolean): void => {
  const sizes = [...gzipped].filter(([file]) => match(file)).map(([, size]) => size);
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`${label}: ${sizes.length} files, max ${kb(Math.max(0, ...sizes))} gz, median ${kb(median(sizes))} gz, total ${kb(total)} gz`);
};
console.log(`build: ${buildMs.toFixed(0)} ms; over budget: ${artifacts.stats.overBudget.length}`);
report('manifest', (file) => file === 'manifest.json');
report('fields shards', (file) => file.startsWith('fields-'));
report('body shards', (file) => file.startsWith('body-'));
report('docs chunks', (file) => file.startsWith('docs-'));
const rawTotal = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
console.log(`all files raw: ${(rawTotal / 1e6).toFixed(1)} MB`);

const queries: string[] = [];
for (let i = 0; i < 60; i++) queries.push(pickZipf(vocabulary));
for (let i = 0; i < 60; i++) queries.push(pick(madeUp));
for (let i = 0; i < 40; i++) queries.push(pick(madeUp.filter((word) => word.length >= 6)).slice(0, 3));
for (let i = 0; i < 30; i++) queries.push(`${pickZipf(vocabulary)} ${pick(madeUp)}`);
for (let i = 0; i < 20; i++) queries.push(pick(cjkWords));
for (let i = 0; i < 10; i++) queries.push(pick(hanChars));
queries.push('rep', 'replication', '分布式');

const coldMs: number[] = [];
const warmMs: number[] = [];
const fetchedBytes: number[] = [];
const fetchedFiles: number[] = [];
const hitCounts: number[] = [];
for (const query of queries) {
  const requested: string[] = [];
  const engine = createSearchEngine(async (file) => {
    requested.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`bench: no file ${file}`);
    return text;
  });
  let start = performance.now();
  const hits = (await engine.query(query, 10))?.hits ?? [];
  coldMs.push(performance.now() - start);
  hitCounts.push(hits.length);
  fetchedFiles.push(requested.length);
  fetchedBytes.push(requested.reduce((sum, file) => sum + (gzipped.get(file) ?? 0), 0));
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    start = performance.now();
    await engine.query(query, 10);
    runs.push(performance.now() - start);
  }
  warmMs.push(median(runs));
}
const slowest = queries
  .map((query, i) => ({ query, ms: warmMs[i]! }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 5);
console.log(`slowest: ${slowest.map(({ query, ms }) => `${JSON.stringify(query)} ${ms.toFixed(1)} ms`).join(', ')}`);
console.log(`queries: ${queries.length}; with hits: ${hitCounts.filter((n) => n > 0).length}`);
console.log(
  `query, shards loaded: median ${median(warmMs).toFixed(2)} ms, p90 ${percentile(warmMs, 0.9).toFixed(2)} ms, max ${Math.max(...warmMs).toFixed(2)} ms`,
);
console.log(`query, cold (parse + import from memory): median ${median(coldMs).toFixed(1)} ms, p90 ${percentile(coldMs, 0.9).toFixed(1)} ms`);
console.log(
  `fetched per cold query: median ${median(fetchedFiles)} files / ${kb(median(fetchedBytes))} gz, p90 ${kb(percentile(fetchedBytes, 0.9))} gz, max ${kb(Math.max(...fetchedBytes))} gz`,
);
process.exit(0);
