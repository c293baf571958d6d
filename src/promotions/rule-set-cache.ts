/**
 * The compiled rule set, kept between quotes. A write through this process drops it at once; a
 * write through another server shows once `ttlMs` has passed. A load that raced a write is
 * returned to its caller but not kept, so the cache never holds rules older than a write it saw.
 */
import type { Clock } from '../core/index.js';

export interface Cache<T> {
  get(): Promise<T>;
  invalidate(): void;
}

export function createCache<T>(load: () => Promise<T>, clock: Clock, ttlMs: number): Cache<T> {
  let generation = 0;
  let kept: { value: Promise<T>; loadedAt: number; generation: number } | undefined;
  return {
    get() {
      const now = clock.now();
      if (kept !== undefined && kept.generation === generation && now - kept.loadedAt < ttlMs)
        return kept.value;
      const started = generation;
      const value = load();
      kept = { value, loadedAt: now, generation: started };
      value.catch(() => {
        if (kept?.value === value) kept = undefined;
      });
      return value;
    },
    invalidate() {
      generation += 1;
      kept = undefined;
    },
  };
}
