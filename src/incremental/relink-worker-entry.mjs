// Worker bootstrap: Trellis runs its TypeScript sources through tsx, so the
// worker registers tsx's loader before importing the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./relink-worker.ts');
