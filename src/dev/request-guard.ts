/**
 * Who may talk to the dev server: only pages it served itself. The Host must
 * be the loopback address the server listens on (defeats DNS rebinding), and
 * a writing request must come from the same origin (defeats other sites) and
 * carry JSON (no HTML form can send that without a CORS preflight).
 */
import type http from 'node:http';

const loopbackHosts = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether the Host header names this server on loopback. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return loopbackHosts.some((h) => host === `${h}:${port}`);
}

/** Whether a writing request is allowed (Host, Origin, content type). */
export function writeAllowed(req: http.IncomingMessage, port: number): { ok: true } | { ok: false; reason: string } {
  if (!hostAllowed(req.headers.host, port)) return { ok: false, reason: 'Host header is not this dev server' };
  const origin = req.headers.origin;
  if (origin !== undefined && !loopbackHosts.some((h) => origin === `http://${h}:${port}`)) return { ok: false, reason: 'cross-origin request refused' };
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return { ok: false, reason: 'writes must send application/json' };
  return { ok: true };
}
