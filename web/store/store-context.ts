import { createContext } from '@lit/context';
import type { GardenStore } from './garden-store.ts';

/** Context key under which `<garden-app>` provides its `GardenStore`. */
export const storeContext = createContext<GardenStore>(Symbol('garden-store'));
