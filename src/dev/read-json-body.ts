/**
 * Request bodies of the editor API: JSON objects of at most `maxBodyBytes`.
 * A body announced larger (Content-Length) is refused before it is read; a
 * streamed one is refused as soon as it grows past the limit, and nothing
 * beyond the limit is buffered.
 */
import type http from 'node:http';

/** The largest request body the dev server reads: 5 MB (5 × 1024 × 1024 bytes). */
export const maxBodyBytes = 5 * 1024 * 1024;

/** A body over the limit (answered with 413). */
export class BodyTooLargeError extends Error {
  constructor() {
    super(
      `the request body is larger than the dev server's limit of 5 MB (${maxBodyBytes} bytes); notes larger than that cannot be saved from the editor: edit them in another program`,
    );
  }
}

/** Read a JSON object body; rejects with BodyTooLargeError over the limit and SyntaxError on anything but a JSON object. */
export function readJsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > maxBodyBytes) return reject(new BodyTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) return void chunks.push(chunk);
      // Stop reading: what is already buffered is dropped, the rest is never read (the answer closes the connection).
      req.off('data', onData).off('end', onEnd).pause();
      chunks.length = 0;
      reject(new BodyTooLargeError());
    };
    const onEnd = () => {
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SyntaxError('body must be a JSON object');
        resolve(value as Record<string, unknown>);
      } catch (error) {
        reject(error);
      }
    };
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}
