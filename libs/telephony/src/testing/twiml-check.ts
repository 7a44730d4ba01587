import { sayVoiceProblem } from '../say-voices';

/**
 * What real Twilio would refuse in a TwiML answer, shared by the tests and the caller
 * simulator so that neither passes what a real line would fail.
 */

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
 * Why this text is not a TwiML document: an XML declaration or none, one `<Response>` root,
 * only TwiML verbs and nouns, every tag closed in order.
 */
function structureProblem(text: string): string | null {
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

/**
 * Why a `<Say>` would not be spoken: it must name a voice and a language that voice speaks
 * (Twilio's default voice, "man", speaks no Chinese, and an invalid pair fails the `<Say>`).
 */
function sayProblem(text: string): string | null {
  for (const match of text.matchAll(/<Say\b([^>]*)>/g)) {
    const attributes = Object.fromEntries(
      [...match[1].matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
    );
    const problem = sayVoiceProblem({ voice: attributes.voice, language: attributes.language });
    if (problem) return `${match[0]}: ${problem}`;
  }
  return null;
}

const attributesOf = (tag: string): Record<string, string> =>
  Object.fromEntries(
    [...tag.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
  );

const POSITIVE_INTEGER = /^[1-9]\d*$/;
const METHODS = new Set(['GET', 'POST']);

/**
 * Why Twilio would not take the attributes of the verbs we use: `<Gather>`'s `numDigits` and
 * `timeout` are positive integers (warnings 13314, 13313: Twilio falls back to its defaults);
 * every `method` is GET or POST; a `<Number>` or `<Client>` `url` (the TwiML run on the
 * called party's end before the parties are bridged) must not be empty.
 */
function attributeProblem(text: string): string | null {
  for (const match of text.matchAll(/<(Gather|Number|Client|Dial|Redirect|Enqueue)\b([^>]*)>/g)) {
    const [tag, name] = match;
    const attributes = attributesOf(match[2]);
    if (attributes.method !== undefined && !METHODS.has(attributes.method))
      return `${tag}: method must be GET or POST`;
    if (name === 'Gather') {
      for (const number of ['numDigits', 'timeout'] as const) {
        const value = attributes[number];
        if (value !== undefined && !POSITIVE_INTEGER.test(value))
          return `${tag}: ${number} must be a positive integer`;
      }
    }
    if ((name === 'Number' || name === 'Client') && attributes.url === '')
      return `${tag}: an empty url`;
  }
  return null;
}

/**
 * The verbs Twilio runs in a document fetched for the called party of a `<Dial>` (a `<Number>`
 * or `<Client>` `url`): only `<Play>`, `<Say>`, `<Gather>` and `<Hangup>`, never `<Dial>`.
 * An empty document, or one that ends without hanging up, bridges the parties; `<Hangup>`
 * ends the called party's leg before they are bridged.
 */
const CALLED_PARTY_VERBS = new Set(['Response', 'Play', 'Say', 'Gather', 'Hangup']);

function calledPartyProblem(text: string): string | null {
  for (const [, name] of text.matchAll(/<([A-Za-z]+)\b/g)) {
    if (!CALLED_PARTY_VERBS.has(name))
      return `<${name}> cannot run on the called party's end of a <Dial> (only Play, Say, Gather, Hangup)`;
  }
  return null;
}

/**
 * Why Twilio would not play this answer as meant (null when it would). `leg: 'called'`: the
 * answer to a `<Number url>`/`<Client url>` fetch, run on the dialled party's end.
 */
export function twimlProblem(
  text: string,
  options: { leg?: 'caller' | 'called' } = {},
): string | null {
  return (
    structureProblem(text) ??
    sayProblem(text) ??
    attributeProblem(text) ??
    (options.leg === 'called' ? calledPartyProblem(text) : null)
  );
}

/** The url a `<Dial>`'s `<Number>` runs on the volunteer's end, if it has one. */
export function numberUrlOf(text: string): string | undefined {
  const match = /<Number\b([^>]*)>/.exec(text);
  return match ? attributesOf(match[1]).url?.replace(/&amp;/g, '&') : undefined;
}
