/**
 * A one-reader channel from a running turn to whoever iterates it: events pushed while nobody
 * reads wait in order; the reader ends when the producer ends, or throws what the producer failed with.
 */
export interface EventChannel<T> extends AsyncIterable<T> {
  push(event: T): void;
  end(): void;
  fail(error: unknown): void;
}

export function createEventChannel<T>(): EventChannel<T> {
  const queue: T[] = [];
  let ended = false;
  let failure: { readonly error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  return {
    push(event) {
      queue.push(event);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    fail(error) {
      failure = { error };
      ended = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      while (true) {
        const next = queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (ended) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (failure !== null) throw failure.error;
    },
  };
}
