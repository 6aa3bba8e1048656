/** Wait, up to a minute, for `done` to hold (e.g. a detached clean-up process to finish); fails the test if it never does. */
import { expect } from 'vitest';

export async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(done()).toBe(true);
}
