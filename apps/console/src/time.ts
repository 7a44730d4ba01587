import { useEffect, useState } from 'react';

/** The browser's clock, re-read every second so waits and times in state tick. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Seconds from `instant` (server clock) to `serverNow`, never negative. */
export function secondsSince(instant: string, serverNow: number): number {
  return Math.max(0, Math.floor((serverNow - Date.parse(instant)) / 1000));
}

/** 0:07, 12:30, 1:02:03 — waits and times in state. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
