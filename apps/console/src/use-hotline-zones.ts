import { useMemo } from 'react';
import { loadHotlines } from './api';
import { useLoad } from './use-load';

/**
 * Each of the person's hotlines' time zones, by hotline id: times of cases and consultations
 * are shown in their hotline's zone (empty until the hotlines are read).
 */
export function useHotlineZones(accessToken: string): Map<string, string> {
  const hotlines = useLoad((signal) => loadHotlines(accessToken, signal), [accessToken]);
  return useMemo(
    () =>
      new Map(
        (hotlines.data?.ok ? hotlines.data.value : []).map((hotline) => [
          hotline.id,
          hotline.timeZone,
        ]),
      ),
    [hotlines.data],
  );
}
