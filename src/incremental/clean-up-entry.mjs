// Process bootstrap: Trellis runs its TypeScript sources through tsx, so the
// clean-up process registers tsx's loader before importing the real module.
import { register } from 'tsx/esm/api';

register();
await import('./clean-up.ts');
