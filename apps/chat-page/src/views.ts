/**
 * What `GET /api/public/hotline` tells the page, as the page reads it: the one place that knows
 * its shape. The chat's own bodies are the typed protocol's (`@hotline/chat-protocol`).
 */
import type { Locale } from './i18n';

export type Labels = Record<Locale, string>;

export interface ChatHotline {
  hotlineName: string;
  /** The hotline's zone: hours and the next opening are said in it. */
  timeZone: string;
  /** The hotline's own number, when it has one: shown with the emergency numbers. */
  hotlinePhone: string | null;
  /** The phone menu's topics, in its order. */
  topics: { key: string; label: Labels }[];
}
