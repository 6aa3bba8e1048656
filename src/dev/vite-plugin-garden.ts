/**
 * `vite-plugin-garden`: the dev server's garden. It serves pages, per-note
 * JSON, graph.json, each note's local graph, search shards and attachments from the in-memory garden
 * state, answers the editor API, and pushes `garden:update` over Vite's HMR
 * channel when the garden changes. In front of everything it refuses requests
 * whose Host is not this loopback server, requests from other origins and
 * malformed URLs (front-gate.ts); behind the garden it lets through to Vite
 * only what the app needs (app-paths.ts). Errors answer a generic message: the
 * details, which may name paths of this machine, go to the terminal.
 */
import { graphPageFiles } from '../emit/graph-page-files.ts';
import type http from 'node:http';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { projectRoot } from '../paths.ts';
import { toNoteData, withPlainBacklinks } from '../emit/note-data.ts';
import { renderListPage, renderNotePage, renderRedirectPage } from '../shared/templates/page-template.ts';
import { deriveListPages } from '../emit/list-pages.ts';
import { listNote } from '../emit/list-note.ts';
import { explorerFiles } from '../emit/explorer-files.ts';
import type { AppAssets, GraphJson, NoteData, NoteId, NotePath, SiteInfo, Slug } from '../shared/types.ts';
import { deriveAliasRedirects } from '../emit/alias-redirects.ts';
import { handleApi } from './api.ts';
import { DevSearch, type SearchVersion } from './dev-search.ts';
import type { ChangeSet, GardenState } from './garden-state.ts';
import { appRequestAllowed, appServingRoots } from './app-paths.ts';
import { decodePathname } from './decode-pathname.ts';
import { belowBase } from './below-base.ts';
import { emptyPage, withViteHead } from './vite-head.ts';
import { passFrontGate, refuse } from './front-gate.ts';
import { serveAttachment } from './serve-attachment.ts';
import { localGraphAt, type LocalGraphViews } from './local-graph-route.ts';
import { graphTopicsFileName } from '../shared/local-graph.ts';

/** Payload of the `garden:update` HMR event. */
export interface GardenUpdate {
  /** Notes whose page or data changed. */
  changed: NoteId[];
  /** URLs of the changed notes (null when unpublished). */
  urls: Record<string, Slug | null>;
  removed: NoteId[];
  /** Notes moved by a rename through the editor API, so open editors can follow them. */
  renamed: { from: NotePath; to: NotePath }[];
  /** graph.json changed (links now; topics and layout after the garden settles). */
  graph: boolean;
  /** Milliseconds from the file change to this message. */
  ms: number;
  broken: number;
}

declare module 'vite' {
  interface CustomEventMap {
    'garden:update': GardenUpdate;
  }
}

/** Site files derived from one state version, each built on first request. */
interface Views extends LocalGraphViews {
  /** url -> note id of published notes. */
  urls: Map<string, NoteId>;
  notes: Map<NoteId, NoteData>;
  pages?: Map<string, string>;
  redirects?: Map<string, Slug>;
  search?: Promise<SearchVersion>;
  graph?: string;
  /** The graph page's files (graph-page-files.ts), by path. */
  graphPage?: Record<string, string>;
  /** The sidebar explorer's files (src/emit/explorer-files.ts), by site path. */
  explorer?: Map<string, string>;
}

/** Options of the plugin. */
export interface Options {
  state: GardenState;
  /** The site's facts from the configuration. */
  site: SiteInfo;
  port: number;
  /** How long the garden must be quiet before topics, layout and search are recomputed. */
  settleMs?: number;
  /** Where the site will be served: pages are served under its path. */
  url?: string;
}

const devAssets: AppAssets = { scripts: ['/web/main.ts'], styles: [], mathStyles: ['/node_modules/katex/dist/katex.min.css'] };

/** What the dev server tells the plugin: a change applied outside the API (the file watcher), a new configuration. */
export interface GardenPluginApi {
  notify(change: ChangeSet): void;
  /** Serve with a new configuration: new site facts and, when the configuration changed which notes there are, a new state. Open pages reload. */
  reconfigure(site: SiteInfo, state?: GardenState): void;
  /** Let go of what the plugin keeps beside the state (the search runs' temporary folder). */
  close(): void;
}

/** The garden plugin. */
export function gardenPlugin(options: Options): Plugin & { api: GardenPluginApi } {
  const { port } = options;
  let { state, site } = options;
  let views: Views | undefined;
  let server: ViteDevServer | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  // Kept across changes, and across a new state: what it keeps is keyed by each note's content and URL. Its first run
  // starts from the postings the last build of the garden kept, when the same code made them.
  const search = new DevSearch(state.root);
  const appRoots = appServingRoots(projectRoot);

  const current = (): Views =>
    (views ??= {
      urls: new Map(
        state
          .view()
          .notes.filter((n) => n.publish)
          .map((n) => [n.url as string, n.parsed.id]),
      ),
      notes: new Map(),
    });
  const notify = (change: ChangeSet, graph: boolean, renamed: GardenUpdate['renamed'] = []) => {
    views = undefined;
    const byId = state.view().byId;
    const urls: Record<string, Slug | null> = {};
    for (const id of change.changed) {
      const n = byId.get(id);
      urls[id] = n?.publish ? n.url : null;
    }
    const data: GardenUpdate = {
      changed: change.changed,
      urls,
      removed: change.removed,
      renamed,
      graph,
      ms: change.ms,
      broken: state.view().report().broken.length,
    };
    server?.ws.send('garden:update', data);
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      void state.settle().then(
        () => {
          // A later change restarts the timer and announces itself; only the last settle speaks.
          if (!state.settled) return;
          views = undefined;
          server?.ws.send('garden:update', { changed: [], urls: {}, removed: [], renamed: [], graph: true, ms: 0, broken: data.broken });
        },
        (error: unknown) => server?.config.logger.error(`Trellis: settling the garden failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, options.settleMs ?? 1500);
  };
  const noteData = (v: Views, id: NoteId): NoteData => {
    let data = v.notes.get(id);
    if (!data) {
      const view = state.view();
      // Every unlinked mention, even with `features.unlinkedMentions` off: the author decides what to link (not forReaders).
      data = withPlainBacklinks(toNoteData(view.byId.get(id)!, view.graph, publishedInfo(), true, view.site()));
      v.notes.set(id, data);
    }
    return data;
  };
  const publishedInfo = () => state.view().info;

  return {
    name: 'vite-plugin-garden',
    api: {
      notify: (change: ChangeSet) => notify(change, true),
      reconfigure(nextSite, nextState) {
        site = nextSite;
        if (nextState) state = nextState;
        views = undefined;
        // Titles, header, theme and which notes exist may all have changed: open pages load again.
        server?.ws.send({ type: 'full-reload' });
      },
      close: () => search.close(),
    },
    configureServer(s) {
      server = s;
      s.middlewares.use((req, res, next) => {
        if (passFrontGate(req, res, port)) next();
      });
      s.middlewares.use((req, res, next) => {
        handleApi(req, res, { state, port, applied: (change, renamed) => notify(change, true, renamed ? [renamed] : []), logError })
          .then((handled) => (handled ? undefined : serveGarden(req, res, next)))
          .catch((error: unknown) => {
            // Never handed to Vite: its error page and overlay show the stack, with this machine's paths, to every open tab.
            logError(error);
            if (res.headersSent) res.destroy();
            else refuse(res, 500, 'Internal error of the dev server; its terminal has the details');
          });
      });
    },
  };

  /** Serve a page, note JSON, graph.json, a search file or an attachment; pass on what the app needs; 404 for the rest. */
  async function serveGarden(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): Promise<void> {
    // The front gate has refused undecodable URLs.
    const pathname = belowBase(decodePathname(req.url)!, site.basePath);
    if (pathname === undefined) return outsideBase(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return passOn(pathname, next, res);
    const v = current();
    if (pathname === '/graph.json') return sendText(res, 'application/json', (v.graph ??= JSON.stringify(state.view().graphJson() satisfies GraphJson)));
    if (pathname === '/graph-layout.json' || pathname === '/graph-notes.json' || pathname === '/' + graphTopicsFileName) {
      v.graphPage ??= graphPageFiles(state.view().graphJson());
      return sendText(res, 'application/json', v.graphPage[pathname.slice(1)]!);
    }
    if (pathname.startsWith('/_explorer/')) {
      v.explorer ??= devExplorerFiles(state);
      const file = v.explorer.get(pathname);
      if (file === undefined) refuse(res, 404, 'Not found');
      else sendText(res, 'application/json', file);
      return;
    }
    if (pathname.startsWith('/_search/')) {
      if (!v.search) {
        const { store, texts } = state.searchTexts();
        v.search = search.update(
          state.view().notes.filter((n) => n.publish),
          store,
          texts,
        );
        // A failed run answers its requests with an error, and the next request runs again.
        const failed = v.search;
        v.search.catch(() => {
          if (v.search === failed) v.search = undefined;
        });
      }
      const file = await (await v.search).read(pathname);
      return file === undefined ? next() : sendText(res, 'application/json', file);
    }
    const localGraph = localGraphAt(pathname, v.urls, v, () => state.view().graphJson());
    if (localGraph !== undefined) return sendText(res, 'application/json', localGraph);
    if (pathname.endsWith('/index.json')) {
      const id = v.urls.get(pathname.slice(0, -'index.json'.length));
      return id ? sendText(res, 'application/json', JSON.stringify(noteData(v, id))) : next();
    }
    const url = pathname.endsWith('/') ? pathname : pathname + '/';
    const id = v.urls.get(url);
    if (id) return sendHtml(req, res, renderNotePage(noteData(v, id), site, devAssets));
    if (!v.pages) buildListViews(v);
    const listPage = v.pages!.get(url);
    if (listPage) return sendHtml(req, res, listPage);
    const redirect = v.redirects!.get(url);
    if (redirect) return sendHtml(req, res, renderRedirectPage(redirect, site));
    const attachment = state.attachmentList().find((a) => '/' + a.path === pathname);
    if (attachment && (await serveAttachment(res, state.root, attachment.path))) return;
    if (appRequestAllowed(pathname, projectRoot, appRoots)) return next();
    const notFound = path.extname(pathname) === '' ? v.pages!.get('/404/') : undefined;
    if (notFound) return sendHtml(req, res, notFound, 404);
    refuse(res, 404, 'Not found');
  }

  /** Send `/` (and the base path without its slash) to the site's home; nothing else is served outside it. */
  function outsideBase(req: http.IncomingMessage, res: http.ServerResponse): void {
    const pathname = decodePathname(req.url);
    if (pathname === '/' || pathname + '/' === decodeURIComponent(site.basePath)) {
      res.writeHead(302, { location: site.basePath, 'cache-control': 'no-store' }).end();
    } else refuse(res, 404, `Not found: the garden is served under ${site.basePath}`);
  }

  /** Let a request the garden does not answer go on to Vite only when it is for the app. */
  function passOn(pathname: string, next: () => void, res: http.ServerResponse): void {
    if (appRequestAllowed(pathname, projectRoot, appRoots)) next();
    else refuse(res, 404, 'Not found');
  }

  function logError(error: unknown): void {
    server?.config.logger.error(`Trellis: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  async function sendHtml(req: http.IncomingMessage, res: http.ServerResponse, html: string, status = 200): Promise<void> {
    const transformed = server ? withViteHead(html, await server.transformIndexHtml(req.url ?? '/', emptyPage)) : html;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(transformed);
  }

  /** List pages and alias redirects (they need every note's data, without bodies). */
  function buildListViews(v: Views): void {
    const view = state.view();
    const info = publishedInfo();
    const light = view.notes.filter((n) => n.publish).map((n) => listNote(toNoteData(n, view.graph, info, false), view.graph));
    const taken = new Set<string>(v.urls.keys());
    v.redirects = deriveAliasRedirects(view.notes, taken);
    v.pages = new Map();
    for (const page of deriveListPages(light, taken, view.topics)) if (!taken.has(page.url)) v.pages.set(page.url, renderListPage(page, site, devAssets));
  }
}

function devExplorerFiles(state: GardenState): Map<string, string> {
  const notes = state
    .view()
    .notes.filter((n) => n.publish)
    .map((n) => ({ id: n.parsed.id, title: n.parsed.title, url: n.url }));
  return new Map([...explorerFiles(notes)].map(([file, text]) => ['/' + file, text]));
}

function sendText(res: http.ServerResponse, type: string, body: string | Uint8Array): void {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}
