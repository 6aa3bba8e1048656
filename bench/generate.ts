/**
 * Deterministic generator of synthetic gardens for the benchmark.
 *
 * 1. Plans N notes from a seeded PRNG: unique titles, a folder up to 3 levels deep, a size from a
 *    long-tailed distribution (most notes 100-800 words, ~0.5 % of 50-500 KB), headings, block ids.
 * 2. Writes each note: frontmatter (nested tags, aliases), sections with paragraphs, 5-10 wiki-links
 *    to other notes (plain, aliased, heading, block, embeds), ~1 % of links to notes that do not
 *    exist, and some code blocks, math, tables and callouts.
 * 3. Returns a summary, including how many broken links were planted, so a build can be checked.
 *
 * Run: `tsx bench/generate.ts <dir> <notes> [seed]`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Options of {@link generateGarden}. */
export interface GenerateOptions {
  notes: number;
  seed: number;
}

/** What {@link generateGarden} wrote. */
export interface GardenSummary {
  notes: number;
  seed: number;
  /** Total bytes of Markdown written. */
  bytes: number;
  /** Wiki-links and embeds written (broken ones included). */
  links: number;
  /** Links to notes that do not exist (each one is a `missing-note` diagnostic). */
  brokenLinks: number;
  /** Notes of 50 KB or more. */
  bigNotes: number;
}

interface PlannedNote {
  title: string;
  folder: string;
  alias: string;
  words: number;
  headings: string[];
  blocks: string[];
  tags: string[];
}

/** A small, fast, seedable PRNG (mulberry32); returns floats in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const areas = ['Systems', 'Databases', 'Networks', 'Languages', 'Mathematics', 'Biology', 'History', 'Design'];
const topics = ['Foundations', 'Patterns', 'Tools', 'Papers', 'Practice'];
const subtopics = ['Basics', 'Advanced', 'Case Studies', 'Reading', 'Drafts'];
const adjectives = [
  'Adaptive',
  'Bounded',
  'Causal',
  'Durable',
  'Eventual',
  'Fast',
  'Greedy',
  'Hidden',
  'Implicit',
  'Jittered',
  'Lazy',
  'Linear',
  'Minimal',
  'Nested',
  'Optimal',
  'Partial',
  'Quiet',
  'Robust',
  'Sparse',
  'Typed',
];
const nouns = [
  'Consensus',
  'Replication',
  'Index',
  'Cache',
  'Scheduler',
  'Compiler',
  'Parser',
  'Protocol',
  'Lattice',
  'Graph',
  'Queue',
  'Ledger',
  'Kernel',
  'Allocator',
  'Sampler',
  'Tokenizer',
  'Router',
  'Encoder',
  'Monad',
  'Proof',
];
const sectionWords = [
  'Overview',
  'Motivation',
  'Design',
  'Trade-offs',
  'Examples',
  'Failure Modes',
  'Open Questions',
  'History',
  'Related Work',
  'Implementation',
  'Measurements',
  'Summary',
];
const vocabulary = (
  'the of and to in is that for as with on by this it are be from or an at which can not system data time each when more one we ' +
  'latency throughput leader follower partition quorum replica snapshot journal index shard query cache eviction page buffer ' +
  'kernel thread process memory allocator pointer tree graph edge vertex weight path cycle proof lemma theorem invariant ' +
  'protocol message packet window congestion retry backoff timeout deadline budget error signal metric trace span sample ' +
  'compiler parser token grammar syntax type inference closure continuation monad effect handler scope binding lexical'
).split(' ');
const languages = ['ts', 'python', 'rust', 'go', 'sql', 'bash'];

/** Generate a garden of `notes` notes into `dir` (which must be missing or empty). */
export async function generateGarden(dir: string, options: GenerateOptions): Promise<GardenSummary> {
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) throw new Error(`Bench: ${dir} is not empty; remove it or pick another folder.`);
  const random = createRandom(options.seed);
  const plan = planNotes(options.notes, random);
  const summary: GardenSummary = { notes: options.notes, seed: options.seed, bytes: 0, links: 0, brokenLinks: 0, bigNotes: 0 };
  const folders = new Set(plan.map((n) => n.folder));
  for (const folder of folders) await mkdir(path.join(dir, folder), { recursive: true });
  const files = plan.map((note, index) => ({ file: path.join(dir, note.folder, `${note.title}.md`), text: writeNote(index, plan, random, summary) }));
  // Write in small batches: bounded open files, still fast.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((f) => writeFile(f.file, f.text)));
  }
  for (const f of files) {
    const size = Buffer.byteLength(f.text);
    summary.bytes += size;
    if (size >= 50_000) summary.bigNotes++;
  }
  return summary;
}

function planNotes(count: number, random: () => number): PlannedNote[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const depth = 1 + Math.floor(random() * 3);
    const folder = [pick(areas), pick(topics), pick(subtopics)].slice(0, depth).join('/');
    const words = drawWordCount(random);
    const sections = Math.min(sectionWords.length, 2 + Math.floor(words / 150) + Math.floor(random() * 3));
    const headings = Array.from({ length: Math.min(sections, sectionWords.length) }, (_, k) => sectionWords[k]!);
    const blocks = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => `b${i.toString(36)}x${k}`);
    const area = folder.split('/')[0]!.toLowerCase();
    const tags = [`${area}/${pick(topics).toLowerCase()}`, pick(['status/seedling', 'status/budding', 'status/evergreen']), pick(nouns).toLowerCase()];
    return { title: `${pick(adjectives)} ${pick(nouns)} ${i + 1}`, folder, alias: `${pick(nouns)} note ${i + 1}`, words, headings, blocks, tags };
  });
}

/** Most notes 100-800 words (log-normal-ish); one in 200 is 50-500 KB (log-uniform, ~7 bytes per word). */
function drawWordCount(random: () => number): number {
  if (random() < 0.005) return Math.round(Math.exp(Math.log(50_000) + random() * Math.log(10)) / 7);
  const gaussian = (random() + random() + random() - 1.5) * 0.9;
  return Math.max(100, Math.min(800, Math.round(Math.exp(Math.log(320) + gaussian))));
}

function writeNote(index: number, plan: readonly PlannedNote[], random: () => number, summary: GardenSummary): string {
  const note = plan[index]!;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (words: number): string => {
    const list = Array.from({ length: words }, () => pick(vocabulary));
    list[0] = list[0]![0]!.toUpperCase() + list[0]!.slice(1);
    return list.join(' ') + '.';
  };
  const linkCount = 5 + Math.floor(random() * 6);
  const links = Array.from({ length: linkCount }, () => toLink(index, plan, random, summary));
  const lines = [
    '---',
    `title: ${note.title}`,
    `aliases: [${note.alias}]`,
    `tags: [${note.tags.join(', ')}]`,
    `created: 2024-0${1 + (index % 9)}-1${index % 10}`,
    '---',
    '',
  ];
  lines.push(sentence(12), '');
  const perSection = Math.max(20, Math.floor(note.words / note.headings.length));
  let blockIndex = 0;
  note.headings.forEach((heading, h) => {
    lines.push(`## ${heading}`, '');
    let written = 0;
    while (written < perSection) {
      const size = 30 + Math.floor(random() * 60);
      let paragraph = Array.from({ length: Math.ceil(size / 12) }, () => sentence(12)).join(' ');
      let embed: string | undefined;
      if (links.length > 0 && (random() < 0.5 || h === note.headings.length - 1)) {
        const link = links.shift()!;
        if (link.startsWith('!')) embed = link;
        else paragraph += ` See ${link} for more.`;
      }
      if (blockIndex < note.blocks.length && random() < 0.3) paragraph += ` ^${note.blocks[blockIndex++]}`;
      lines.push(paragraph, '');
      if (embed) lines.push(embed, '');
      written += size;
    }
    lines.push(...toExtra(random, pick, sentence));
  });
  // Blocks that did not land in a paragraph above still need to exist: links point at them.
  while (blockIndex < note.blocks.length) lines.push(`${sentence(10)} ^${note.blocks[blockIndex++]}`, '');
  if (links.length > 0) lines.push('## Links', '', ...links.map((l) => `- ${l}`), '');
  return lines.join('\n');
}

/** A link from note `index` to another note, in one of the supported shapes; ~1 % are broken. */
function toLink(index: number, plan: readonly PlannedNote[], random: () => number, summary: GardenSummary): string {
  summary.links++;
  if (random() < 0.01) {
    summary.brokenLinks++;
    return `[[Missing Topic ${index}-${summary.links}]]`;
  }
  // Half local (nearby notes), half hubs (a rough power law over the first notes).
  const target = random() < 0.5 ? (index + 1 + Math.floor(random() * 50)) % plan.length : Math.floor(Math.pow(random(), 3) * plan.length);
  const other = plan[target === index ? (index + 1) % plan.length : target]!;
  const roll = random();
  const small = other.words < 5_000;
  if (roll < 0.4) return `[[${other.title}]]`;
  if (roll < 0.6) return `[[${other.title}|${other.alias.toLowerCase()}]]`;
  if (roll < 0.75) return `[[${other.title}#${other.headings[Math.floor(random() * other.headings.length)]}]]`;
  if (roll < 0.88) return `[[${other.title}#^${other.blocks[Math.floor(random() * other.blocks.length)]}]]`;
  if (roll < 0.94 && small) return `![[${other.title}#${other.headings[0]}]]`;
  if (small) return `![[${other.title}]]`;
  return `[[${other.title}]]`;
}

function toExtra(random: () => number, pick: <T>(list: readonly T[]) => T, sentence: (n: number) => string): string[] {
  const roll = random();
  if (roll < 0.15) {
    const lang = pick(languages);
    return [
      '```' + lang,
      `// ${sentence(6)}`,
      'function step(state, input) {',
      '  const next = { ...state, count: state.count + 1 };',
      '  return input > 0 ? next : state;',
      '}',
      '```',
      '',
    ];
  }
  if (roll < 0.25) return [`The bound is $O(n \\log n)$ when $k \\ll n$.`, '', '$$', '\\sum_{i=1}^{n} \\frac{1}{i^2} = \\frac{\\pi^2}{6}', '$$', ''];
  if (roll < 0.35) {
    const rows = Array.from(
      { length: 3 + Math.floor(random() * 4) },
      (_, r) => `| ${pick(vocabulary)} | ${r * 7 + 3} ms | ${pick(vocabulary)} ${pick(vocabulary)} |`,
    );
    return ['| name | cost | notes |', '| --- | ---: | --- |', ...rows, ''];
  }
  if (roll < 0.45) return [`> [!${pick(['note', 'tip', 'warning', 'info'])}] ${sentence(3).slice(0, -1)}`, `> ${sentence(14)}`, ''];
  return [];
}

async function main(): Promise<void> {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count || !Number.isInteger(Number(count))) {
    process.stderr.write('usage: tsx bench/generate.ts <dir> <notes> [seed]\n');
    process.exitCode = 2;
    return;
  }
  const summary = await generateGarden(dir, { notes: Number(count), seed: Number(seed ?? 1) });
  process.stdout.write(JSON.stringify(summary) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
