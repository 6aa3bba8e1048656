import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from './build-graph.ts';

/** How long after the camera's last change edges stay off. */
const settleMs = 300;

/**
 * Keep a large graph's edges off until the camera has been still for a moment,
 * then draw them once. Sigma's `hideEdgesOnMove` brings them back between
 * wheel notches and drag pauses, each time a full, slow frame with tens of
 * thousands of edges. Reaches into sigma's private edge programs (3.0.3);
 * does nothing if they are not where it expects.
 */
export function holdEdgesWhileMoving(sigma: Sigma<NodeAttributes, EdgeAttributes>, enabled: () => boolean): void {
  let lastMove = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  sigma.getCamera().on('updated', () => {
    if (!enabled()) return;
    lastMove = performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => sigma.scheduleRender(), settleMs + 10);
  });
  sigma.on('kill', () => clearTimeout(timer));
  const programs: unknown = Reflect.get(sigma, 'edgePrograms');
  if (typeof programs !== 'object' || programs === null) return;
  for (const program of Object.values(programs)) {
    if (!program || typeof program !== 'object' || !('render' in program) || typeof program.render !== 'function') continue;
    const render = program.render.bind(program) as (params: unknown) => void;
    program.render = (params: unknown) => {
      if (!enabled() || performance.now() - lastMove >= settleMs) render(params);
    };
  }
}
