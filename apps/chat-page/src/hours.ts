/**
 * The opening hours and the next opening as the closed page says them: weekdays with the same
 * hours run together ("Monday–Friday 18:00–22:00", "every day"), and the next opening relative
 * to today in the hotline's zone ("today at 18:00"). Pure, for jest.
 */
import type { ChatClosed } from '@hotline/chat-protocol';
import type { Locale } from './i18n';

export type WeeklyHours = ChatClosed['hours'];

/** ISO weekdays, 1 = Monday. */
const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const WORDS: Record<
  Locale,
  { everyDay: string; through: string; and: string; today: string; tomorrow: string }
> = {
  'zh-CN': { everyDay: '每天', through: '至', and: '、', today: '今天', tomorrow: '明天' },
  en: { everyDay: 'Every day', through: '–', and: ', ', today: 'today', tomorrow: 'tomorrow' },
};

export interface HoursLine {
  days: string;
  times: string;
}

/** One line per set of hours, the days that share it first to last (Monday first). */
export function hoursLines(hours: WeeklyHours, locale: Locale): HoursLine[] {
  const words = WORDS[locale];
  const timesOf = (weekday: number) =>
    hours
      .filter((one) => one.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((one) => `${one.opens}–${one.closes}`)
      .join(words.and);
  const byTimes = new Map<string, number[]>();
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const times = timesOf(weekday);
    if (times) byTimes.set(times, [...(byTimes.get(times) ?? []), weekday]);
  }
  return [...byTimes].map(([times, days]) => ({
    days: days.length === 7 ? words.everyDay : daysIn(days, locale),
    times,
  }));
}

/** Runs of three days or more as "from–to", shorter ones named one by one. */
function daysIn(days: number[], locale: Locale): string {
  const names = WEEKDAYS[locale];
  const words = WORDS[locale];
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${names[run[0] - 1]}${words.through}${names[run.at(-1)! - 1]}`]
        : run.map((day) => names[day - 1]),
    )
    .join(words.and);
}

/** Local date, ISO weekday and time of an instant in a zone (the browser's when the zone is unknown). */
export function localParts(
  instant: number,
  timeZone: string | null,
): { date: string; weekday: number; time: string } {
  const format = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(instant));
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = format(timeZone ?? undefined);
  } catch {
    parts = format(undefined);
  }
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** The next opening as a person says it: today, tomorrow, a weekday within the week, else a date. */
export function openingText(
  opening: string,
  now: number,
  timeZone: string | null,
  locale: Locale,
): string {
  const at = Date.parse(opening);
  if (Number.isNaN(at)) return '';
  const then = localParts(at, timeZone);
  const today = localParts(now, timeZone);
  const days = Math.round((Date.parse(then.date) - Date.parse(today.date)) / 86_400_000);
  const words = WORDS[locale];
  const day =
    days <= 0
      ? words.today
      : days === 1
        ? words.tomorrow
        : days < 7
          ? WEEKDAYS[locale][then.weekday - 1]
          : locale === 'zh-CN'
            ? `${Number(then.date.slice(5, 7))}月${Number(then.date.slice(8, 10))}日`
            : new Intl.DateTimeFormat('en-GB', {
                day: 'numeric',
                month: 'long',
                timeZone: 'UTC',
              }).format(new Date(Date.parse(then.date)));
  return locale === 'zh-CN' ? `${day} ${then.time}` : `${day} at ${then.time}`;
}
