/**
 * The first middleware of the dev server: it turns away, before anything else
 * runs, requests whose Host is not this loopback server (403), requests from
 * other origins that are not top-level navigations (403), and URLs whose path
 * or query is not valid percent-encoded UTF-8 (400). Answers are short plain
 * text, never Vite's error page.
 */
import type http from 'node:http';
import { decodePathname } from './decode-pathname.ts';
import { crossOriginRefusal, hostAllowed } from './request-guard.ts';

/** Whether the request may go on; when not, it has been answered. */
export function passFrontGate(req: http.IncomingMessage, res: http.ServerResponse, port: number): boolean {
  if (!hostAllowed(req.headers.host, port)) return refuse(res, 403, 'Forbidden: this dev server only answers on its loopback address');
  if (crossOriginRefusal(req, port, true)) return refuse(res, 403, 'Forbidden: this dev server only answers its own pages');
  if (decodePathname(req.url) === undefined) return refuse(res, 400, 'Bad request: the URL is not valid percent-encoded UTF-8');
  return true;
}

/** Answer with a plain message. */
export function refuse(res: http.ServerResponse, status: number, message: string): false {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(message + '\n');
  return false;
}
