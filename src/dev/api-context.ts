/** What the editor API and its routes need from the dev server (apart from api.ts, which imports the routes). */
import type { NotePath } from '../shared/types.ts';
import type { ChangeSet, GardenState } from './garden-state.ts';

/** What the API needs from the dev server. */
export interface ApiContext {
  state: GardenState;
  port: number;
  /** Apply file changes now and notify open pages (`renamed`: the note a rename moved, for open editors to follow). */
  applied(change: ChangeSet, renamed?: { from: NotePath; to: NotePath }): void;
  /** Report an unexpected error in full (to the terminal); the browser gets it without this machine's paths. */
  logError?(error: unknown): void;
}
