import { useEffect, useState, useSyncExternalStore } from 'react';
import { ConsoleStore, type ConsoleModel } from './console-store';

/** One store (and socket) per signed-in session; closed when the session ends. */
export function useConsole(token: string): { store: ConsoleStore; model: ConsoleModel } {
  const [store] = useState(() => new ConsoleStore(token));
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  const model = useSyncExternalStore(store.subscribe, store.getModel);
  return { store, model };
}
