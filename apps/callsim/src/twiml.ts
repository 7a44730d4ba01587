/** What the simulator reads of the server's TwiML answers, and the check that they are TwiML. */

const VERBS = new Set([
  'Response',
  'Say',
  'Play',
  'Pause',
  'Gather',
  'Redirect',
  'Enqueue',
  'Leave',
  'Dial',
  'Client',
  'Number',
  'Hangup',
  'Reject',
  'Record',
  'Queue',
  'Sms',
  'Message',
  'Conference',
  'Sip',
]);

/**
 * Why this text is not a valid TwiML document (null when it is): an XML declaration or none,
 * one `<Response>` root, only TwiML verbs and nouns, every tag closed in order.
 */
export function twimlProblem(text: string): string | null {
  const body = text
    .trim()
    .replace(/^<\?xml[^?]*\?>/, '')
    .trim();
  if (!body.startsWith('<Response')) return 'the root element is not <Response>';
  const stack: string[] = [];
  const tags = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"]*")*)\s*(\/?)>/g;
  let position = 0;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(body))) {
    const between = body.slice(position, match.index);
    if (between.includes('<')) return `malformed markup near "${between.slice(0, 40)}"`;
    position = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (!VERBS.has(name)) return `<${name}> is not a TwiML verb or noun`;
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes nothing open`;
    } else if (!selfClosing) {
      if (stack.length === 0 && name !== 'Response') return 'more than one root element';
      if (stack.length > 0 && name === 'Response') return '<Response> inside <Response>';
      stack.push(name);
    } else if (stack.length === 0 && name !== 'Response') {
      return 'more than one root element';
    }
    if (stack.length === 0 && position < body.length && body.slice(position).trim() !== '')
      return 'text after the root element';
  }
  if (body.slice(position).includes('<')) return 'malformed markup at the end';
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is never closed`;
  return null;
}

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
