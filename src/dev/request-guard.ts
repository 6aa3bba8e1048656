/**
 * Who may talk to the dev server: only pages it served itself. The Host must
 * be the loopback address the server listens on (defeats DNS rebinding); a
 * request from another origin is refused, told by its `Origin` header or by
 * the Fetch Metadata headers browsers send (`Sec-Fetch-Site`), except a
 * top-level navigation to a page, which lets nothing be read; and a writing
 * request must carry JSON (no HTML form can send that without a CORS preflight).
 * Other local servers count as other origins: `http://localhost:9999` is
 * "same-site" to this server but not the same origin.
 */
import type http from 'node:http';

const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether the Host header names this server on loopback. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return loopbackHosts.some((h) => host === `${h}:${port}`);
}

/** Whether an Origin header names this server. */
function ownOrigin(origin: string, port: number): boolean {
  return loopbackHosts.some((h) => origin === `http://${h}:${port}`);
}

/**
 * Why a request coming from another origin is refused, or undefined when it may proceed.
 * Requests without these headers (not from a browser) proceed.
 * @param navigation whether a top-level navigation from another site may proceed (pages: yes; the API: no)
 */
export function crossOriginRefusal(req: http.IncomingMessage, port: number, navigation: boolean): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigin(origin, port)) return 'cross-origin request refused';
  const site = req.headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return undefined;
  if (navigation && req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document') return undefined;
  return 'cross-origin request refused';
}

/** Whether a writing request is allowed (Host, Origin, content type). */
export function writeAllowed(req: http.IncomingMessage, port: number): { ok: true } | { ok: false; reason: string } {
  if (!hostAllowed(req.headers.host, port)) return { ok: false, reason: 'Host header is not this dev server' };
  const refusal = crossOriginRefusal(req, port, false);
  if (refusal) return { ok: false, reason: refusal };
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return { ok: false, reason: 'writes must send application/json' };
  return { ok: true };
}
