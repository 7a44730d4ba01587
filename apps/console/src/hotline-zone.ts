import { createContext, useContext } from 'react';

/**
 * The time zone of the hotline the console is on, from its snapshot: a time on the desk is
 * the hotline's, wherever the browser is (undefined until the snapshot, the browser's then).
 */
export const HotlineZone = createContext<string | undefined>(undefined);

export const useHotlineZone = (): string | undefined => useContext(HotlineZone);

/** The day a block ends, in the hotline's zone; a block without an end lasts for ever. */
export const expiryDay = (at: string | null, locale: string, timeZone: string | undefined) =>
  at ? new Date(at).toLocaleDateString(locale, { timeZone }) : '∞';
