/**
 * The translator of the hotline's pages (the operator console and the parents' booking page):
 * a text by its key in the page's language, with its `{name}` placeholders filled in, and the
 * choice of that language. Each page keeps its own dictionaries; this is only the mechanism,
 * framework-free so the plain-DOM booking page and the React console share it.
 */

export type Values = Record<string, string | number>;

/** A text by its key, placeholders filled in from `values`. */
export type Translate<K extends string> = (key: K, values?: Values) => string;

/** Fills `{name}` placeholders; one without a value stays as it is, so the gap shows. */
export function interpolate(text: string, values?: Values): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values && name in values ? String(values[name]) : whole,
  );
}

/**
 * The texts of `locale`. A text missing there is taken from `fallback`, and a key missing
 * everywhere shows as itself: a page under translation stays usable.
 */
export function translator<L extends string, K extends string>(
  dictionaries: Record<L, Partial<Record<K, string>>>,
  locale: L,
  fallback: L,
): Translate<K> {
  const texts = dictionaries[locale];
  const fallbackTexts = dictionaries[fallback];
  return (key, values) => interpolate(texts[key] ?? fallbackTexts[key] ?? key, values);
}

/** `value` if it names one of `locales` exactly (a saved choice, the hotline's setting), else null. */
export function knownLocale<L extends string>(
  locales: readonly L[],
  value: string | null,
): L | null {
  return locales.find((locale) => locale === value) ?? null;
}

/**
 * The page's language: the one the person picked before, else the first of the browser's
 * languages the page speaks (by language alone: zh-TW is read as zh-CN), else `fallback`.
 */
export function chooseLocale<L extends string>(
  locales: readonly L[],
  saved: string | null,
  preferred: readonly string[],
  fallback: L,
): L {
  const picked = knownLocale(locales, saved);
  if (picked) return picked;
  for (const language of preferred) {
    const tag = language.toLowerCase();
    const spoken = locales.find((locale) => tag.startsWith(locale.split('-')[0].toLowerCase()));
    if (spoken) return spoken;
  }
  return fallback;
}
