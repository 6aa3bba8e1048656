/**
 * Loading `trellis.config.yaml`: defaults without a file, every option
 * resolved with one, and every mistake reported at its line and column with
 * a sentence naming the option (unknown keys, wrong types, bad URLs, values
 * that would inject CSS or script, files the garden does not have).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigError } from '../src/config/format-config-error.ts';
import { loadConfig } from '../src/config/load-config.ts';
import type { ConfigResult } from '../src/config/types.ts';
import { makeGarden } from './helpers/garden.ts';

const config = (yaml: string, files: Record<string, string> = {}) => makeGarden({ 'trellis.config.yaml': yaml, 'Home.md': '# Home\n', ...files });

/** The errors as `line:column: reason`. */
function errorsOf(result: ConfigResult): string[] {
  if (result.ok) throw new Error('expected errors, the configuration loaded');
  return result.errors.map((e) => `${e.line}:${e.column}: ${e.reason}`);
}

describe('loadConfig', () => {
  it('gives every default when the garden has no configuration', async () => {
    const root = makeGarden({ 'Home.md': '# Home\n' });
    const result = await loadConfig(root);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      config: {
        title: path.basename(root),
        language: 'en',
        nav: [],
        ignore: [],
        obsidianIgnore: [],
        publish: 'all',
        dates: 'git',
        feed: { limit: 30, fullContent: false },
        theme: {},
        features: { unlinkedMentions: true, localGraphOpen: true, properties: true },
        topics: { names: {}, map: { tags: {}, folders: {} } },
      },
    });
  });

  it('reads every option, normalising the URL and the language tag', async () => {
    const root = config(
      [
        'title: My Notes',
        'description: Things I learnt',
        'author: Ada Lovelace',
        'url: https://Example.org/notes',
        'language: pt-br',
        'home: Start here',
        'nav:',
        '  - { title: About, url: /about/ }',
        '  - { title: Code, url: "https://github.com/ada" }',
        'ignore: [Private/, "*.tmp"]',
        'publish: explicit',
        'dates: filesystem',
        'theme:',
        '  accent: "#aa3300"',
        '  accentDark: oklch(80% 0.1 40)',
        '  fonts: { body: "Inter, \'Helvetica Neue\', sans-serif", mono: JetBrains Mono }',
        'stylesheet: styles/site.css',
        'favicon: assets/icon.svg',
        'logo: assets/logo.png',
        'features: { unlinkedMentions: false, localGraphOpen: false, properties: false }',
        'topics:',
        '  names: { "Start here.md": Beginnings, mgmeyers: Kanban }',
        '  map: { tags: { "#k8s": Kubernetes }, folders: { "02 - Sources/Books": Reading } }',
      ].join('\n'),
      { 'Start here.md': '# Start\n', 'styles/site.css': 'body{}', 'assets/icon.svg': '<svg/>', 'assets/logo.png': 'png' },
    );
    const result = await loadConfig(root);
    expect(result.ok && result.config).toEqual({
      title: 'My Notes',
      description: 'Things I learnt',
      author: 'Ada Lovelace',
      url: 'https://example.org/notes/',
      language: 'pt-BR',
      home: 'Start here.md',
      nav: [
        { title: 'About', url: '/about/' },
        { title: 'Code', url: 'https://github.com/ada' },
      ],
      ignore: ['Private/', '*.tmp'],
      obsidianIgnore: [],
      publish: 'explicit',
      dates: 'filesystem',
      feed: { limit: 30, fullContent: false },
      theme: { accent: '#aa3300', accentDark: 'oklch(80% 0.1 40)', fonts: { body: "Inter, 'Helvetica Neue', sans-serif", mono: 'JetBrains Mono' } },
      stylesheet: 'styles/site.css',
      favicon: 'assets/icon.svg',
      logo: 'assets/logo.png',
      features: { unlinkedMentions: false, localGraphOpen: false, properties: false },
      topics: {
        names: { 'Start here.md': 'Beginnings', mgmeyers: 'Kanban' },
        map: { tags: { '#k8s': 'Kubernetes' }, folders: { '02 - Sources/Books': 'Reading' } },
      },
      file: 'trellis.config.yaml',
    });
  });

  it('lets --url win over the file, and reads an empty file or one of comments as no settings', async () => {
    const result = await loadConfig(config('# nothing yet\nurl: https://example.org/\n'), { url: 'https://preview.example.net/pr-42' });
    expect(result.ok && result.config.url).toBe('https://preview.example.net/pr-42/');
    const empty = await loadConfig(config(''));
    expect(empty.ok && empty.config.publish).toBe('all');
    expect(errorsOf(await loadConfig(config(''), { url: 'example.org' }))).toEqual([
      '0:0: "example.org" is not an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)',
    ]);
  });

  it('reports each mistake at its line and column, in file order', async () => {
    const root = config(
      [
        'title: My garden', // 1
        'descrption: Notes', // 2
        'url: example.org/notes', // 3
        'language: en_US!', // 4
        'publish: some', // 5
        'nav:', // 6
        '  - title: Home', // 7
        '  - title: Evil', // 8
        '    url: javascript:alert(1)', // 9
        'theme:', // 10
        '  accent: "red;} body{display:none"', // 11
        '  fonts: { body: 12, mono: "x</style><script>" }', // 12
        'features:', // 13
        '  properties: yes', // 14
        '  graph: true', // 15
        'ignore: Private/', // 16
        'stylesheet: ../outside.css', // 17
        'topics:', // 18
        '  names: { Notes: "" }', // 19
        '  map: { folders: { "../up": X }, tags: [k8s] }', // 20
        '  colours: {}', // 21
      ].join('\n'),
    );
    expect(errorsOf(await loadConfig(root))).toEqual([
      '2:1: unknown option "descrption"; did you mean "description"?',
      '3:6: "url" must be an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)',
      '4:11: "language" must be a BCP 47 language tag, like en, fr or pt-BR',
      '5:10: "publish" must be "all" or "explicit"',
      '7:5: "nav[0].url" is missing',
      '9:10: "nav[1].url" must be a site path starting with "/" (like /about/) or an absolute http(s) URL',
      '11:11: "theme.accent" must be a CSS colour: #2e6c5b, a colour name, or rgb()/hsl()/oklch()',
      '12:18: "theme.fonts.body" must be text (put it in quotes)',
      '12:28: "theme.fonts.mono" must be a font-family list, like Inter, "Helvetica Neue", sans-serif',
      '14:15: "features.properties" must be true or false',
      '15:3: unknown option "graph" in "features"',
      '16:9: "ignore" must be a list (lines starting with "- ")',
      '17:13: "stylesheet" must be a path inside the garden, like styles/custom.css',
      '19:19: "topics.names.Notes" must be a topic name, not empty',
      '20:21: "topics.map.folders" key "../up" must be a folder of the garden, like Projects/Kanban',
      '20:41: "topics.map.tags" must be a map (`key: value` lines)',
      '21:3: unknown option "colours" in "topics"',
    ]);
  });

  it('prints an error as file:line:column, the option, and the line with a caret', async () => {
    const root = config('title: My garden\n\nurl: example.org/notes\n');
    const result = await loadConfig(root);
    if (result.ok) throw new Error('expected an error');
    const file = path.relative(process.cwd(), path.join(root, 'trellis.config.yaml'));
    expect(formatConfigError(root, result.errors[0]!)).toBe(
      [
        `${file}:3:6: "url" must be an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)`,
        '  2 |',
        '> 3 | url: example.org/notes',
        '    |      ^',
      ].join('\n'),
    );
  });

  it('reports YAML syntax errors, a file that is not a map, and two configuration files', async () => {
    expect(errorsOf(await loadConfig(config('title: "unclosed\nurl: x\n')))).toEqual(['3:1: invalid YAML: Missing closing "quote']);
    expect(errorsOf(await loadConfig(config('title: A\ntitle: B\n')))).toEqual(['2:1: invalid YAML: Map keys must be unique']);
    expect(errorsOf(await loadConfig(config('- title: A\n')))).toEqual(['1:1: the configuration must be a map of options (`title: My garden` lines)']);
    const two = makeGarden({ 'trellis.config.yaml': 'title: A\n', 'trellis.config.yml': 'title: B\n' });
    const result = await loadConfig(two);
    expect(!result.ok && result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.reason}`)).toEqual([
      'trellis.config.yml:1:1: a second configuration file; keep one of `trellis.config.yaml` and `trellis.config.yml`',
    ]);
  });

  it('refuses files the garden does not have, or does not publish, at the option that names them', async () => {
    const root = config(
      ['home: Welcome', 'ignore: [Private/]', 'stylesheet: styles/site.css', 'favicon: Private/icon.svg', 'logo: assets/logo.exe'].join('\n'),
      { 'Private/icon.svg': '<svg/>' },
    );
    expect(errorsOf(await loadConfig(root))).toEqual(['5:7: "logo" must name a .svg, .png, .jpg, .jpeg, .gif, .webp, .avif file']);
    const files = config(['home: Welcome', 'ignore: [Private/]', 'stylesheet: styles/site.css', 'favicon: Private/icon.svg'].join('\n'), {
      'Private/icon.svg': '<svg/>',
    });
    expect(errorsOf(await loadConfig(files))).toEqual([
      '1:7: "home" names a note `Welcome.md` that is not in the garden',
      '3:13: "stylesheet" names a file `styles/site.css` that is not in the garden',
      '4:10: "favicon" names a file `Private/icon.svg` that `ignore` or Obsidian\'s excluded files leave out',
    ]);
  });

  it("reads Obsidian's excluded files, and warns (without stopping) when its settings cannot be read", async () => {
    const root = config('title: A\n', { '.obsidian/app.json': JSON.stringify({ userIgnoreFilters: ['Archive/', '/\\.excalidraw/', '/[unclosed/', 3] }) });
    const result = await loadConfig(root);
    expect(result.ok && result.config.obsidianIgnore).toEqual(['Archive/', '/\\.excalidraw/']);
    expect(result.warnings.map((w) => `${w.file}: ${w.reason}`)).toEqual([
      '.obsidian/app.json: Excluded-files filter `/[unclosed/` is not a valid regular expression; it is not applied',
    ]);
    const broken = await loadConfig(config('title: A\n', { '.obsidian/app.json': '{ not json' }));
    expect(broken.ok).toBe(true);
    expect(broken.warnings.map((w) => w.reason)).toEqual(["Obsidian's settings are not valid JSON; its excluded files are not left out"]);
  });
});
