import { type DependencyList, useCallback, useEffect, useState } from 'react';

/** What a view knows of a load: the answer for the current `deps`, and whether one is on its way. */
export interface Load<T> {
  /** The answer for the current `deps`; kept during a `reload`, so a view may show it as stale. */
  data: T | null;
  /** Why the load failed, when it rejected for another reason than being cancelled. */
  error: unknown;
  loading: boolean;
  /** Asks again with the same `deps` (after a change, or when the person retries). */
  reload(): void;
}

type Answer<T> = { deps: DependencyList; attempt: number; data: T | null; error: unknown };

const sameDeps = (a: DependencyList, b: DependencyList) =>
  a.length === b.length && a.every((value, index) => Object.is(value, b[index]));

/**
 * Runs `load` whenever `deps` change (nothing while it is null) and cancels the load the view
 * has moved on from through its signal, so an older answer never overwrites a newer one. An
 * answer belongs to its `deps`: once they change, the view sees no data until the new answer.
 */
export function useLoad<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: DependencyList,
): Load<T> {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  useEffect(() => {
    // An answer for other deps is gone for good (not shown again if they come back).
    setAnswer((before) => (before && sameDeps(before.deps, deps) ? before : null));
    if (!load) return;
    const controller = new AbortController();
    const answered = (data: T | null, error: unknown) => {
      if (!controller.signal.aborted) setAnswer({ deps, attempt, data, error });
    };
    load(controller.signal).then(
      (data) => answered(data, null),
      (error: unknown) => answered(null, error),
    );
    return () => controller.abort();
    // `load` is a new function every render: `deps` say when it asks for something else.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = answer && sameDeps(answer.deps, deps) ? answer : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    loading: load !== null && current?.attempt !== attempt,
    reload,
  };
}
