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

/** Why Twilio would not play this answer as meant (null when it would). */
export function twimlProblem(text: string): string | null {
  return structureProblem(text) ?? sayProblem(text);
}
