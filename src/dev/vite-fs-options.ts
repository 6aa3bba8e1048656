/**
 * Vite's `server.fs` for `trellis dev`: strict, allowing only the app's
 * folders (app-paths.ts), denying dotfiles and dot-folders besides Vite's own
 * defaults. The dev server's own gate keeps other requests from reaching Vite
 * at all; this is the second line, and what Vite checks for `/@fs/` and imports.
 */
import { appServingRoots } from './app-paths.ts';

/** Vite's `server.fs`: serve only the app's folders, never dotfiles or dot-folders (Vite's pre-bundled dependencies are read by its own plugin). */
export function viteFsOptions(projectRoot: string): { strict: true; allow: string[]; deny: string[] } {
  return { strict: true, allow: appServingRoots(projectRoot), deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '.*', '**/.*/**'] };
}
