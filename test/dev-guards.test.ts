/**
 * The pure rules behind the dev server's defences (test/dev-security.test.ts
 * attacks the running server): which requests count as cross-origin, which
 * URLs are malformed, what of the project may reach Vite, how error messages
 * lose this machine's paths, which files a folder event re-checks, and when a
 * path is inside the garden by its real path.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { affectedPaths } from '../src/dev/affected-paths.ts';
import { appRequestAllowed, appServingRoots, sharedFolder } from '../src/dev/app-paths.ts';
import { decodePathname } from '../src/dev/decode-pathname.ts';
import { realPathInside } from '../src/dev/inside-garden.ts';
import { publicMessage } from '../src/dev/public-error.ts';
import { crossOriginRefusal } from '../src/dev/request-guard.ts';
import { projectRoot } from '../src/paths.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const requestWith = (headers: http.IncomingHttpHeaders) => ({ headers }) as http.IncomingMessage;

describe('crossOriginRefusal', () => {
  const port = 5173;
  it('lets requests without browser headers, from this origin, and typed into the address bar through', () => {
    expect(crossOriginRefusal(requestWith({}), port, false)).toBeUndefined();
    expect(crossOriginRefusal(requestWith({ origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'same-origin' }), port, false)).toBeUndefined();
    expect(crossOriginRefusal(requestWith({ origin: 'http://localhost:5173' }), port, false)).toBeUndefined();
    expect(crossOriginRefusal(requestWith({ 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }), port, false)).toBeUndefined();
  });

  it('refuses other origins, other local ports included, by Origin or by Sec-Fetch-Site', () => {
    for (const origin of ['http://localhost:9999', 'http://127.0.0.1:5174', 'https://127.0.0.1:5173', 'null', 'https://evil.example']) {
      expect(crossOriginRefusal(requestWith({ origin }), port, true), origin).toBe('cross-origin request refused');
    }
    for (const site of ['cross-site', 'same-site']) {
      expect(crossOriginRefusal(requestWith({ 'sec-fetch-site': site, 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }), port, true)).toBeDefined();
      expect(crossOriginRefusal(requestWith({ 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }), port, true)).toBeDefined();
      // Framing by another site is refused; following a link to a page is not, except to the API.
      expect(crossOriginRefusal(requestWith({ 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }), port, true)).toBeDefined();
      expect(
        crossOriginRefusal(requestWith({ 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }), port, true),
      ).toBeUndefined();
      expect(
        crossOriginRefusal(requestWith({ 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }), port, false),
      ).toBeDefined();
    }
  });
});

describe('decodePathname', () => {
  it('decodes the path, and refuses a path or query that is not percent-encoded UTF-8', () => {
    expect(decodePathname('/ds/r%C3%A4ft/?x=1')).toBe('/ds/räft/');
    expect(decodePathname('/..%2f..%2fetc/passwd')).toBe('/../../etc/passwd');
    expect(decodePathname(undefined)).toBe('/');
    for (const bad of ['/%E0%A4%A', '/%', '/a%ZZ', '/ok?path=%E0%A4%A', '/%C0%AF']) expect(decodePathname(bad), bad).toBeUndefined();
  });
});

describe('appRequestAllowed', () => {
  const roots = appServingRoots(projectRoot);
  const allowed = (p: string) => appRequestAllowed(p, projectRoot, roots);

  it('lets through the app, its packages, the builder modules it imports and Vite’s client', () => {
    for (const p of [
      '/web/main.ts',
      '/web/styles/index.css',
      '/src/shared/ids.ts',
      '/src/shared/templates/render-toc.ts',
      '/node_modules/lit/index.js',
      '/node_modules/.vite/deps/lit.js',
      '/node_modules/katex/dist/fonts/KaTeX_Main-Regular.woff2',
      '/@vite/client',
      '/@vite/env',
      '/@id/__x00__@oxc-project+runtime@0.156.0/helpers/esm/decorate.js',
      `/@fs${projectRoot}web/main.ts`,
    ]) {
      expect(allowed(p), p).toBe(true);
    }
  });

  it('refuses the rest of the project, dotfiles, traversal and the file system', () => {
    for (const p of [
      '/package.json',
      '/src/cli.ts',
      '/src/dev/api.ts',
      '/src/build.ts',
      '/src/shared/../cli.ts',
      '/test/dev-api.test.ts',
      '/.git/config',
      '/web/.env',
      '/node_modules/.cache/trellis-cli/cli.js',
      '/node_modules/.package-lock.json',
      '/node_modules/lit/../../package.json',
      '/web/../package.json',
      '/../etc/passwd',
      '/@fs/etc/passwd',
      `/@fs${projectRoot}package.json`,
      '/@id/src/cli.ts',
      '/@id/lit',
      '/__open-in-editor',
      '/web\\..\\package.json',
      '/web/\0',
    ]) {
      expect(allowed(p), p).toBe(false);
    }
  });

  it('serves every builder module the web app imports at run time, all from src/shared/ (type-only imports are erased)', () => {
    const needed = new Set<string>();
    const visit = (file: string) => {
      const out = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: true },
      }).outputText;
      for (const { fileName } of ts.preProcessFile(out, true, true).importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), fileName);
        const rel = path.relative(projectRoot, target).split(path.sep).join('/');
        if (rel.startsWith('src/') && !needed.has(rel)) {
          needed.add(rel);
          visit(target);
        }
      }
    };
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    for (const file of walk(path.join(projectRoot, 'web'))) visit(file);
    expect(needed.size).toBeGreaterThan(0);
    expect([...needed].filter((f) => !f.startsWith(sharedFolder + '/'))).toEqual([]);
  });
});

describe('publicMessage', () => {
  it('makes garden paths relative and elides every other absolute path', () => {
    const roots = ['/home/ann/notes', '/mnt/data/notes'];
    expect(publicMessage(new Error("EEXIST: file already exists, mkdir '/home/ann/notes/Home.md'"), roots)).toBe(
      "EEXIST: file already exists, mkdir 'Home.md'",
    );
    expect(publicMessage(new Error("ENOENT: no such file or directory, rename '/mnt/data/notes/a.md' -> '/mnt/data/notes/b/c.md'"), roots)).toBe(
      "ENOENT: no such file or directory, rename 'a.md' -> 'b/c.md'",
    );
    expect(publicMessage(new Error("EACCES: permission denied, open '/etc/shadow'"), roots)).toBe("EACCES: permission denied, open '…'");
    expect(publicMessage(new Error('refusing to write outside the garden: /home/ann/notes2/x.md'), roots)).toBe('refusing to write outside the garden: …');
    expect(publicMessage(new Error('cannot read C:\\Users\\ann\\x.md'), roots)).toBe('cannot read …');
    expect(publicMessage('the title has no usable characters for a file name', roots)).toBe('the title has no usable characters for a file name');
    expect(publicMessage(new Error('see http://127.0.0.1:5173/a/b and/or ds/Raft.md'), roots)).toBe('see http://127.0.0.1:5173/a/b and/or ds/Raft.md');
  });
});

describe('affectedPaths', () => {
  it('adds every known file below a changed folder or link, and nothing else', () => {
    const known = ['a.md', 'link/x.md', 'link/deep/y.png', 'linked.md', 'other/link/z.md'];
    expect(affectedPaths(['link'], known).sort()).toEqual(['link', 'link/deep/y.png', 'link/x.md']);
    expect(affectedPaths(['other'], known).sort()).toEqual(['other', 'other/link/z.md']);
    expect(affectedPaths(['a.md'], known)).toEqual(['a.md']);
  });
});

describe('realPathInside', () => {
  it('follows links: inside the garden yes, out of it or missing no', async () => {
    const root = makeGarden({ 'a.md': 'a', 'sub/b.md': 'b' });
    const outside = tempDir();
    writeFileSync(path.join(outside, 's.md'), 's');
    symlinkSync(path.join(root, 'sub'), path.join(root, 'in'));
    symlinkSync(outside, path.join(root, 'out'));
    symlinkSync(path.join(outside, 's.md'), path.join(root, 'leak.md'));
    mkdirSync(path.join(root, 'empty'));
    expect(await realPathInside(root, path.join(root, 'a.md'))).toBe(path.join(root, 'a.md'));
    expect(await realPathInside(root, path.join(root, 'in/b.md'))).toBe(path.join(root, 'sub/b.md'));
    expect(await realPathInside(root, path.join(root, 'empty'))).toBe(path.join(root, 'empty'));
    expect(await realPathInside(root, path.join(root, 'out/s.md'))).toBeUndefined();
    expect(await realPathInside(root, path.join(root, 'leak.md'))).toBeUndefined();
    expect(await realPathInside(root, path.join(root, 'missing.md'))).toBeUndefined();
    expect(await realPathInside(root, root + '-sibling')).toBeUndefined();
  });
});
