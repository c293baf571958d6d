/**
 * One turn at a time per session, sessions in parallel: each session's work is chained behind the
 * work before it. In-process: servers sharing one PostgreSQL database still keep `seq` gap-free
 * and unique (the counter update and the insert share a transaction), but two processes could
 * run turns of one session side by side.
 */
export interface SessionLock {
  /** Waits for the session's earlier work, then holds the session until `release` is called. */
  acquire(sessionId: string): Promise<() => void>;
  run<T>(sessionId: string, work: () => Promise<T>): Promise<T>;
}

export function createSessionLock(): SessionLock {
  const tails = new Map<string, Promise<void>>();

  async function acquire(sessionId: string): Promise<() => void> {
    const before = tails.get(sessionId) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = before.then(() => done);
    tails.set(sessionId, tail);
    await before;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      // The last holder leaves no entry behind.
      if (tails.get(sessionId) === tail) tails.delete(sessionId);
    };
  }

  return {
    acquire,
    async run(sessionId, work) {
      const release = await acquire(sessionId);
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
