/**
 * The editor of `trellis dev` never loses typed text and never overwrites a
 * file that changed on disk. In Chromium, against a dev server on a temporary
 * garden: every way out of an editor with unsaved text asks first; changes
 * made on disk are applied as small edits that keep the cursor and stay out of
 * Undo; disk changes merge three ways with unsaved edits; a note deleted or
 * renamed on disk is reported or followed, never silently recreated.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDev, type DevServer } from '../../src/dev/index.ts';
import type { GardenEditor } from '../../web/editor/garden-editor.ts';
import { freePort } from '../helpers/free-port.ts';
import { makeGarden } from '../helpers/garden.ts';
import { noteUrl } from './dev-editor.ts';
import { launchChromium } from './launch-chromium.ts';
import { collectErrors } from './page-helpers.ts';

vi.setConfig({ testTimeout: 120_000 });

const shots = fileURLToPath(new URL('../.tmp/editor-safety/', import.meta.url));
const longBody = Array.from({ length: 80 }, (_, i) => `Line ${i + 1} of the body.`).join('\n');
let browser: Browser;
let dev: DevServer;
let garden: string;

beforeAll(async () => {
  const root = makeGarden({
    'garden/Home.md': '# Home\n\nWelcome. See [[Guarded]] and [[Quick]].\n',
    'garden/Notes/Guarded.md': '# Guarded\n\nFirst line of the body.\n\nSee [[Home]].\n',
    'garden/Notes/Quick.md': '# Quick\n\nA short note.\n\nBack to [[Home]].\n',
    'garden/Notes/Long.md': `# Long\n\n${longBody}\n`,
    'garden/Notes/Merge.md': '# Merge\n\nOriginal body.\n',
    'garden/Notes/Doomed.md': '# Doomed\n\nThis file will be deleted.\n',
    'garden/Notes/Mover.md': '# Mover\n\nThis file will be renamed.\n',
    'garden/Notes/Linker.md': '# Linker\n\nSee [[Target]] here.\nThe cursor waits on this line.\n',
    'garden/Notes/Target.md': '# Target\n\nLinked from Linker.\n',
  });
  garden = path.join(root, 'garden');
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
  browser = await launchChromium();
  await mkdir(shots, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

/** Page path of a note, from the editor API's index. */
const urlOf = (notePath: string): Promise<string> => noteUrl(dev, notePath);

/** Every dialog the page opens, answered as `answer` says at the time. */
interface Dialogs {
  seen: { type: string; message: string }[];
  answer: 'accept' | 'dismiss';
}

function watchDialogs(page: Page): Dialogs {
  const dialogs: Dialogs = { seen: [], answer: 'dismiss' };
  page.on('dialog', (dialog) => {
    dialogs.seen.push({ type: dialog.type(), message: dialog.message() });
    void (dialogs.answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  return dialogs;
}

async function newPage(): Promise<{ page: Page; errors: string[]; dialogs: Dialogs }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  return { page, errors: collectErrors(page), dialogs: watchDialogs(page) };
}

/** Open the editor on the note shown and wait for its text. */
async function startEditing(page: Page): Promise<void> {
  await page.locator('garden-dev-bar button.edit').click();
  await page.locator('garden-editor .cm-content').waitFor();
  await expect.poll(() => editorText(page)).toContain('# ');
  // A full reload would lose this; in-place changes keep it.
  await page.evaluate(() => Object.assign(window, { trellisMarker: 'kept' }));
}

/** Put the cursor at the end of the editor line that contains `text`. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.locator('garden-editor .cm-line', { hasText: text }).click();
  await page.keyboard.press('End');
}

const editorText = (page: Page) => page.locator('garden-editor').evaluate((e) => (e as GardenEditor).text);
const editorPath = (page: Page) => page.locator('garden-editor .path').textContent();
const status = (page: Page) => page.locator('garden-editor .status').textContent();
const marker = (page: Page) => page.evaluate(() => (window as unknown as { trellisMarker?: string }).trellisMarker);
const pathname = (page: Page) => new URL(page.url()).pathname;
const onDisk = (rel: string) => readFile(path.join(garden, rel), 'utf8');
/** Chromium logs every non-2xx response; a 409 from a save that met a changed file is expected on these paths. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/status of (409 \(Conflict\)|404 \(Not Found\)) \(http:\/\/127\.0\.0\.1:\d+\/_trellis\/api\/note/.test(e));

describe('leaving an editor with unsaved text', () => {
  it('asks before every way out of a conflicted editor, and dismissing keeps the text and the editor', async () => {
    const { page, errors, dialogs } = await newPage();
    const note = await urlOf('Notes/Guarded.md');
    await page.goto(dev.url + (await urlOf('Home.md')).slice(1));
    // Arrive in place, so Back has an entry of this document to go to.
    await page.locator('main .note-body a', { hasText: 'Guarded' }).click();
    await expect.poll(() => pathname(page)).toBe(note);
    await startEditing(page);
    await cursorAfter(page, 'First line of the body.');
    await page.keyboard.type(' My words, typed here.');
    const theirs = '# Guarded\n\nFirst line of the body, rewritten on disk.\n\nSee [[Home]].\n';
    await writeFile(path.join(garden, 'Notes/Guarded.md'), theirs);
    await page.locator('garden-editor-conflict').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: shots + 'conflict.png', animations: 'disabled' });

    const mine = '# Guarded\n\nFirst line of the body. My words, typed here.\n\nSee [[Home]].\n';
    const ways: { name: string; type: string; run: () => Promise<unknown> }[] = [
      { name: 'Close', type: 'confirm', run: () => page.locator('garden-editor button.close').click() },
      { name: 'Edit toggle', type: 'confirm', run: () => page.locator('garden-dev-bar button.edit').click() },
      { name: 'New note', type: 'confirm', run: () => page.locator('garden-dev-bar button.new').click() },
      { name: 'Rename', type: 'confirm', run: () => page.locator('garden-dev-bar button.rename').click() },
      { name: 'link click', type: 'confirm', run: () => page.locator('main .note-body a', { hasText: 'Home' }).click() },
      { name: 'Back', type: 'confirm', run: () => page.goBack() },
      { name: 'reload', type: 'beforeunload', run: () => page.evaluate(() => setTimeout(() => location.reload(), 0)) },
    ];
    for (const way of ways) {
      dialogs.seen = [];
      await way.run();
      await expect.poll(() => dialogs.seen.map((d) => d.type), { message: way.name }).toEqual([way.type]);
      if (way.type === 'confirm') expect(dialogs.seen[0]!.message, way.name).toContain('Notes/Guarded.md');
      await expect.poll(() => pathname(page), { message: way.name }).toBe(note);
      expect(await editorPath(page), way.name).toBe('Notes/Guarded.md');
      expect(await editorText(page), way.name).toBe(mine);
      expect(await page.locator('garden-editor-conflict').count(), way.name).toBe(1);
      expect(await marker(page), way.name).toBe('kept');
    }

    // Merge by hand marks the overlapping line only, and autosave does not write the markers.
    await page.locator('garden-editor-conflict button[data-choice="merge"]').click();
    await expect
      .poll(() => editorText(page))
      .toBe(
        '# Guarded\n\n<<<<<<< yours\nFirst line of the body. My words, typed here.\n=======\nFirst line of the body, rewritten on disk.\n>>>>>>> on disk\n\nSee [[Home]].\n',
      );
    expect(await page.locator('garden-editor .cm-conflict-marker').count()).toBe(3);
    await page.screenshot({ path: shots + 'merge-by-hand.png', animations: 'disabled' });
    expect(await status(page)).toBe('Unsaved changes');

    // Accepting leaves without writing: the file keeps the other program's version.
    dialogs.seen = [];
    dialogs.answer = 'accept';
    await page.locator('garden-dev-bar button.edit').click();
    await page.locator('garden-editor').waitFor({ state: 'detached' });
    expect(dialogs.seen.map((d) => d.type)).toEqual(['confirm']);
    expect(await onDisk('Notes/Guarded.md')).toBe(theirs);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('counts text inside the autosave pause as unsaved: a reload asks, in-app ways out save first', async () => {
    const { page, errors, dialogs } = await newPage();
    await page.goto(dev.url + (await urlOf('Notes/Quick.md')).slice(1));
    await startEditing(page);
    await cursorAfter(page, 'A short note.');
    await page.keyboard.type(' One.');
    // Well inside the autosave pause: the browser's own leave dialog comes up.
    await page.evaluate(() => setTimeout(() => location.reload(), 0));
    await expect.poll(() => dialogs.seen.map((d) => d.type)).toEqual(['beforeunload']);
    expect(await marker(page)).toBe('kept');
    await expect.poll(() => onDisk('Notes/Quick.md'), { timeout: 10_000 }).toBe('# Quick\n\nA short note. One.\n\nBack to [[Home]].\n');

    // A link followed inside the pause saves first, and the editor follows the page to the new note.
    dialogs.seen = [];
    await cursorAfter(page, 'A short note. One.');
    await page.keyboard.type(' Two.');
    await page.locator('main .note-body a', { hasText: 'Home' }).click();
    await expect.poll(() => pathname(page)).toBe(await urlOf('Home.md'));
    await expect.poll(() => editorPath(page)).toBe('Home.md');
    await expect.poll(() => editorText(page)).toContain('Welcome.');
    expect(await onDisk('Notes/Quick.md')).toBe('# Quick\n\nA short note. One. Two.\n\nBack to [[Home]].\n');

    // Back, with nothing unsaved, asks nothing and the editor follows.
    await page.goBack();
    await expect.poll(() => editorPath(page)).toBe('Notes/Quick.md');
    expect(pathname(page)).toBe(await urlOf('Notes/Quick.md'));

    // The Edit toggle inside the pause saves, then closes.
    await cursorAfter(page, 'A short note. One. Two.');
    await page.keyboard.type(' Three.');
    await page.locator('garden-dev-bar button.edit').click();
    await page.locator('garden-editor').waitFor({ state: 'detached' });
    expect(await onDisk('Notes/Quick.md')).toBe('# Quick\n\nA short note. One. Two. Three.\n\nBack to [[Home]].\n');
    expect(dialogs.seen).toEqual([]);
    expect(await marker(page)).toBe('kept');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});

describe('changes made on disk', () => {
  it('arrive as a small edit: the cursor and the view stay, typing lands where it was, and Undo leaves them alone', async () => {
    const { page, errors } = await newPage();
    const file = 'Notes/Long.md';
    await page.goto(dev.url + (await urlOf(file)).slice(1));
    await startEditing(page);
    // Down the lines by keyboard: CodeMirror draws only the lines in view.
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 41; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    expect(await page.locator('garden-editor .cm-activeLine').textContent()).toBe('Line 40 of the body.');
    const topLine = () =>
      page.locator('garden-editor').evaluate((editor) => {
        const scroller = editor.shadowRoot!.querySelector('.cm-scroller')!.getBoundingClientRect();
        const lines = [...editor.shadowRoot!.querySelectorAll('.cm-line')];
        return lines.find((l) => l.getBoundingClientRect().top >= scroller.top)?.textContent;
      });
    const before = await topLine();
    expect(before).toMatch(/^Line \d+ of the body\.$/);

    const theirs = `---\ntags: [outside]\n---\n# Long\n\n${longBody}\n`;
    await writeFile(path.join(garden, file), theirs);
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toBe(theirs);
    expect(await topLine()).toBe(before);
    expect(await status(page)).toBe('Saved');

    await page.keyboard.type('Z');
    const typed = theirs.replace('Line 40 of the body.', 'Line 40 of the body.Z');
    await expect.poll(() => onDisk(file), { timeout: 10_000 }).toBe(typed);
    await expect.poll(() => status(page)).toBe('Saved');

    // Undo takes back the typing only; a second Undo has nothing of the other program's to replay.
    await page.keyboard.press('Control+z');
    await expect.poll(() => onDisk(file), { timeout: 10_000 }).toBe(theirs);
    await expect.poll(() => status(page)).toBe('Saved');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page)).toBe('Saved');
    expect(await editorText(page)).toBe(theirs);
    expect(await onDisk(file)).toBe(theirs);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('keep the cursor when a rename elsewhere rewrites a link in the open note', async () => {
    const { page, errors } = await newPage();
    const file = 'Notes/Linker.md';
    await page.goto(dev.url + (await urlOf(file)).slice(1));
    await startEditing(page);
    await cursorAfter(page, 'The cursor waits on this line.');
    const renamed = await fetch(dev.url + '_trellis/api/rename', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'Notes/Target.md', to: 'Notes/Target renamed.md' }),
    });
    expect(renamed.status).toBe(200);
    await expect.poll(() => editorText(page), { timeout: 15_000 }).toBe('# Linker\n\nSee [[Target renamed]] here.\nThe cursor waits on this line.\n');
    await page.keyboard.type(' Q');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    expect(await onDisk(file)).toBe('# Linker\n\nSee [[Target renamed]] here.\nThe cursor waits on this line. Q\n');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('merge with unsaved edits when they do not overlap, and save the result without a conflict', async () => {
    const { page, errors } = await newPage();
    const file = 'Notes/Merge.md';
    await page.goto(dev.url + (await urlOf(file)).slice(1));
    await startEditing(page);
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nA new paragraph from the editor.');
    // Written inside the autosave pause: the editor holds unsaved text when it hears of it (or its save meets it).
    await writeFile(path.join(garden, file), '---\nstatus: draft\n---\n# Merge\n\nOriginal body.\n');
    const merged = '---\nstatus: draft\n---\n# Merge\n\nOriginal body.\n\nA new paragraph from the editor.';
    await expect.poll(() => onDisk(file), { timeout: 15_000 }).toBe(merged);
    await expect.poll(() => status(page)).toBe('Saved');
    expect(await editorText(page)).toBe(merged);
    expect(await page.locator('garden-editor-conflict').count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});

describe('a save that meets a changed file', () => {
  it('counts as unsaved while in flight, then merges with the disk version and saves again', async () => {
    const { page, errors, dialogs } = await newPage();
    const file = 'Notes/Flight.md';
    await writeFile(path.join(garden, file), '# Flight\n\nOriginal body.\n');
    await expect.poll(() => urlOf(file).catch(() => ''), { timeout: 15_000 }).not.toBe('');
    await page.goto(dev.url + (await urlOf(file)).slice(1));
    await startEditing(page);
    // Hold the first save on its way, so the file changes while it is in flight.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    await page.route('**/_trellis/api/note', async (route) => {
      if (route.request().method() === 'PUT' && holding) {
        holding = false;
        await held;
      }
      await route.continue();
    });
    await page.locator('garden-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nTyped before the save.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page)).toBe('Saving…');
    await page.evaluate(() => setTimeout(() => location.reload(), 0));
    await expect.poll(() => dialogs.seen.map((d) => d.type)).toEqual(['beforeunload']);
    expect(await marker(page)).toBe('kept');

    await writeFile(path.join(garden, file), '---\nstatus: draft\n---\n# Flight\n\nOriginal body.\n');
    release();
    const merged = '---\nstatus: draft\n---\n# Flight\n\nOriginal body.\n\nTyped before the save.';
    await expect.poll(() => onDisk(file), { timeout: 15_000 }).toBe(merged);
    await expect.poll(() => status(page)).toBe('Saved');
    expect(await editorText(page)).toBe(merged);
    expect(await page.locator('garden-editor-conflict').count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});

describe('a note deleted or renamed on disk', () => {
  it('says the note was deleted, keeps the text, and writes it again only when asked to', async () => {
    const { page, errors } = await newPage();
    const file = 'Notes/Doomed.md';
    await page.goto(dev.url + (await urlOf(file)).slice(1));
    await startEditing(page);
    await cursorAfter(page, 'This file will be deleted.');
    await page.keyboard.type(' Saved words.');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    await rm(path.join(garden, file));
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('Deleted on disk: not saved');
    await page.locator('garden-editor .deleted').waitFor();
    await page.screenshot({ path: shots + 'deleted.png', animations: 'disabled' });

    // Typing and Ctrl-S do not bring the file back.
    await page.keyboard.type(' More words.');
    await page.keyboard.press('Control+s');
    expect(await page.locator('garden-editor').evaluate((e) => (e as GardenEditor).settled())).toBe(false);
    expect(existsSync(path.join(garden, file))).toBe(false);
    expect(await status(page)).toBe('Deleted on disk: not saved');
    const text = '# Doomed\n\nThis file will be deleted. Saved words. More words.\n';
    expect(await editorText(page)).toBe(text);

    await page.locator('garden-editor .deleted button.recreate').click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    expect(await onDisk(file)).toBe(text);
    expect(await page.locator('garden-editor .deleted').count()).toBe(0);
    // While the note was gone, the page may have asked for its data once (the garden's update names the
    // deleted note's page): the browser logs that 404, which is the deletion seen, not a fault.
    const gone = /status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/notes\/doomed\/index\.json\)/;
    expect(unexpected(errors).filter((e) => !gone.test(e))).toEqual([]);
    await page.close();
  });

  it('follows a rename made in another tab: same text, new path, and the old path is not written again', async () => {
    const { page, errors } = await newPage();
    await page.goto(dev.url + (await urlOf('Notes/Mover.md')).slice(1));
    await startEditing(page);
    await cursorAfter(page, 'This file will be renamed.');
    await page.keyboard.type(' Before.');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');

    const other = await browser.newPage();
    await other.goto(page.url());
    other.once('dialog', (dialog) => void dialog.accept('Notes/Moved.md'));
    await other.locator('garden-dev-bar button.rename').click();
    await expect.poll(() => other.locator('garden-dev-bar .message').textContent()).toContain('Renamed to Notes/Moved.md');
    await other.close();

    await expect.poll(() => editorPath(page), { timeout: 15_000 }).toBe('Notes/Moved.md');
    await expect.poll(() => pathname(page)).toBe(await urlOf('Notes/Moved.md'));
    await cursorAfter(page, 'Before.');
    await page.keyboard.type(' After.');
    await page.keyboard.press('Control+s');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('Saved');
    expect(await onDisk('Notes/Moved.md')).toBe('# Mover\n\nThis file will be renamed. Before. After.\n');
    expect(existsSync(path.join(garden, 'Notes/Mover.md'))).toBe(false);
    expect(await marker(page)).toBe('kept');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});
