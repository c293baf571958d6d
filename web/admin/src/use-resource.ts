/**
 * Loads data for a page, with its error and a reload. A newer load wins over an older one still running.
 * `load` is loaded again whenever its identity changes: callers pass a `useCallback`, so the lint
 * checks that its dependency list names everything the load reads.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  reload(): void;
}

export function useResource<T>(load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => {
        if (mine === generation.current) setState({ data, error: undefined, loading: false });
      },
      (error: Error) => {
        if (mine === generation.current) setState((previous) => ({ ...previous, error, loading: false }));
      },
    );
  }, [load]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}
