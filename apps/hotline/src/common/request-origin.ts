import { AsyncLocalStorage } from 'node:async_hooks';

const origins = new AsyncLocalStorage<string>();

/**
 * Where the current request or console event came from (the client's address), so the audit
 * trail can say "from where" without every service passing the request along.
 */
export const RequestOrigin = {
  run<T>(origin: string, work: () => T): T {
    return origins.run(origin, work);
  },
  current(): string | undefined {
    return origins.getStore();
  },
};
