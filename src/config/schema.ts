/**
 * The schema of `trellis.config.yaml` (zod). It checks the file's shape and
 * values; files it names are checked against the garden afterwards
 * (check-files.ts). `docs/trellis.config.schema.json` is generated from it for
 * editors (test/config-schema.test.ts keeps the two in step). Messages are
 * phrased to follow the option's name: `"url" must be an absolute http(s) URL`.
 */
import { z } from 'zod';
import { isCssColour, isFontFamilyList } from '../shared/css-values.ts';
import { isGardenPath, isLanguageTag, isSiteUrl } from './values.ts';

export { isGardenPath, isLanguageTag, isSiteUrl };

const text = (description: string) => z.string().trim().min(1, { error: 'must not be empty' }).meta({ description });

const gardenFile = (description: string, extensions: readonly string[], example: string) =>
  z
    .string()
    .refine(isGardenPath, { error: `must be a path inside the garden, like ${example}`, abort: true })
    .refine((v) => extensions.some((e) => v.toLowerCase().endsWith(e)), { error: `must name a ${extensions.join(', ')} file` })
    .meta({ description, examples: [example] });

const colour = (description: string) =>
  z
    .string()
    .refine(isCssColour, { error: 'must be a CSS colour: #2e6c5b, a colour name, or rgb()/hsl()/oklch()' })
    .meta({ description, examples: ['#2e6c5b', 'oklch(55% 0.12 170)'] });

const fonts = (description: string) =>
  z
    .string()
    .refine(isFontFamilyList, { error: 'must be a font-family list, like Inter, "Helvetica Neue", sans-serif' })
    .meta({ description, examples: ['Inter, "Helvetica Neue", sans-serif'] });

const navLink = z
  .strictObject({
    title: text('Text of the link.'),
    url: z
      .string()
      .refine((v) => (v.startsWith('/') && !v.startsWith('//') && !v.includes('\\')) || isSiteUrl(v), {
        error: 'must be a site path starting with "/" (like /about/) or an absolute http(s) URL',
      })
      .meta({ description: 'A path of this site (`/about/`; the base path is added) or an absolute http(s) URL.' }),
  })
  .meta({ description: 'A link in the site header.' });

const topicName = z.string().trim().min(1, { error: 'must be a topic name, not empty' }).max(80, { error: 'must be at most 80 characters' });

const topicsSchema = z
  .strictObject({
    names: z
      .record(z.string().trim().min(1, { error: 'must not be empty' }), topicName)
      .meta({
        description:
          'Pinned topic names. A key that is a note’s path (`.md` optional) names the top-level topic holding that note; any other key renames the topic (or subtopic) that would get that name.',
        examples: [{ 'Distributed Systems/Raft.md': 'Consensus', mgmeyers: 'Kanban' }],
      })
      .default({}),
    map: z
      .strictObject({
        tags: z
          .record(z.string().trim().min(1, { error: 'must not be empty' }), topicName)
          .meta({
            description: 'Tag (nested tags included, `#` optional) → topic: notes with the tag form that top-level topic.',
            examples: [{ kubernetes: 'Kubernetes' }],
          })
          .default({}),
        folders: z
          .record(
            z.string().refine((v) => isGardenPath(v) && !v.endsWith('.md'), { error: 'must be a folder of the garden, like Projects/Kanban' }),
            topicName,
          )
          .meta({
            description: 'Folder (its subfolders included) → topic: its notes form that top-level topic.',
            examples: [{ '02 - Sources/Kubernetes': 'Kubernetes' }],
          })
          .default({}),
      })
      .meta({ description: 'Notes that form a topic of their own, by tag or folder (a folder wins over a tag).' })
      .prefault({}),
  })
  .meta({ description: 'Topics of the graph: pinned names, and tags or folders mapped to a topic.' })
  .prefault({});

/** The configuration file's schema; every option is optional. */
export const configSchema = z
  .strictObject({
    title: text('Site title, in the header and after every page title. Default: the garden folder name.').optional(),
    description: text('Default description of pages (meta description, feeds) for notes without their own.').optional(),
    author: text('The author, for `<meta name="author">` and feeds.').optional(),
    url: z
      .string()
      .refine(isSiteUrl, { error: 'must be an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)' })
      .meta({
        description: 'Absolute URL of the published site, base path included. `trellis build --url` overrides it.',
        format: 'uri',
        examples: ['https://example.org/notes/'],
      })
      .optional(),
    language: z
      .string()
      .refine(isLanguageTag, { error: 'must be a BCP 47 language tag, like en, fr or pt-BR' })
      .meta({ description: 'Language of the notes (BCP 47), for `<html lang>` and feeds.', examples: ['en', 'pt-BR'] })
      .default('en'),
    home: z
      .string()
      .refine(isGardenPath, { error: 'must be the path of a note inside the garden, like Start here.md' })
      .meta({
        description: 'The note published at the site root, by its path in the garden (`.md` optional). Default: a root note named index, Home or README.',
        examples: ['Start here.md'],
      })
      .optional(),
    nav: z.array(navLink).meta({ description: 'Links added to the site header, after Notes, Topics, Graph and Tags.' }).default([]),
    ignore: z
      .array(z.string().trim().min(1, { error: 'must not be empty' }))
      .meta({
        description:
          'gitignore-style patterns of files and folders to leave out of the site (Obsidian’s Excluded files in .obsidian/app.json are left out too).',
        examples: [['Templates/', 'Private/**', '*.excalidraw.md']],
      })
      .default([]),
    publish: z
      .enum(['all', 'explicit'], { error: 'must be "all" or "explicit"' })
      .meta({
        description:
          'all: every note except `publish: false` or `draft: true`. explicit: only notes with `publish: true` (as Obsidian Publish and Digital Garden).',
      })
      .default('all'),
    dates: z
      .enum(['git', 'frontmatter', 'filesystem'], { error: 'must be "git", "frontmatter" or "filesystem"' })
      .meta({
        description:
          'Where dates come from. git: frontmatter, then first and last commit. frontmatter: frontmatter only. filesystem: also the file’s modification time when neither has one.',
      })
      .default('git'),
    feed: z
      .strictObject({
        limit: z
          .int({ error: 'must be a whole number' })
          .min(1, { error: 'must be at least 1' })
          .max(1000, { error: 'must be at most 1000' })
          .meta({ description: 'How many of the newest notes the feeds list.' })
          .default(30),
        fullContent: z
          .boolean({ error: 'must be true or false' })
          .meta({ description: 'Put each note’s whole body in its feed entry, not only its summary.' })
          .default(false),
      })
      .meta({ description: 'The RSS, Atom and JSON feeds (written when the site has a url).' })
      .prefault({}),
    theme: z
      .strictObject({
        accent: colour('Accent colour (links, highlights) of the light theme, and of the dark theme unless accentDark is set.').optional(),
        accentDark: colour('Accent colour of the dark theme.').optional(),
        fonts: z
          .strictObject({
            body: fonts('Font of note text.').optional(),
            ui: fonts('Font of the header, navigation, lists and labels.').optional(),
            mono: fonts('Font of code.').optional(),
          })
          .meta({ description: 'Font-family lists; load web fonts with @font-face in your stylesheet.' })
          .optional(),
      })
      .meta({ description: 'Accent colours and fonts.' })
      .default({}),
    stylesheet: gardenFile('A stylesheet of the garden linked from every page after Trellis’s own.', ['.css'], 'styles/custom.css').optional(),
    favicon: gardenFile('The site icon, a file of the garden.', ['.svg', '.png', '.ico', '.gif', '.webp'], 'assets/favicon.svg').optional(),
    logo: gardenFile(
      'An image shown before the title in the header.',
      ['.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif'],
      'assets/logo.svg',
    ).optional(),
    topics: topicsSchema,
    features: z
      .strictObject({
        unlinkedMentions: z.boolean().meta({ description: 'Show "Unlinked mentions" under backlinks.' }).default(true),
        localGraphOpen: z
          .boolean()
          .meta({ description: 'Show the local graph beside notes open (the default) until the reader closes it; false starts it closed.' })
          .default(true),
        properties: z.boolean().meta({ description: 'Show the properties panel (frontmatter) above notes.' }).default(true),
      })
      .meta({ description: 'Reader-facing features.' })
      .prefault({}),
  })
  .meta({ title: 'Trellis site configuration', description: 'trellis.config.yaml at the root of a garden. Every option is optional.' });

/** What the file holds once validated (defaults of the schema applied). */
export type ConfigFile = z.output<typeof configSchema>;
