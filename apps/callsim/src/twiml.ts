/** What the simulator reads of the server's TwiML answers. */

const unescape = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The attributes of the first `<verb ...>` in the answer, or undefined when there is none. */
export function verb(twiml: string, name: string): Record<string, string> | undefined {
  const match = new RegExp(`<${name}((?:\\s+[A-Za-z]+="[^"]*")*)\\s*/?>`).exec(twiml);
  if (!match) return undefined;
  return Object.fromEntries(
    [...match[1].matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, key, value]) => [
      key,
      unescape(value),
    ]),
  );
}

/** The text inside the first `<verb>...</verb>`. */
export function verbText(twiml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(twiml);
  return match ? unescape(match[1]) : undefined;
}
