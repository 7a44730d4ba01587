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

/** The verbs a `<Enqueue waitUrl>` document (and a `<Gather action>` inside it) may use. */
const WAIT_URL_VERBS = new Set(['Play', 'Say', 'Pause', 'Hangup', 'Redirect', 'Leave', 'Gather']);
/** What a `<Gather>` may hold. */
const GATHER_NOUNS = new Set(['Say', 'Play', 'Pause']);

const RECORD_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  action: (value) => value.length > 0,
  method: (value) => value === 'GET' || value === 'POST',
  timeout: (value) => /^\d+$/.test(value),
  finishOnKey: (value) => /^[0-9#*]*$/.test(value),
  maxLength: (value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 14_400,
  playBeep: (value) => value === 'true' || value === 'false',
  trim: (value) => value === 'trim-silence' || value === 'do-not-trim',
  recordingStatusCallback: (value) => value.length > 0,
  recordingStatusCallbackMethod: (value) => value === 'GET' || value === 'POST',
  recordingStatusCallbackEvent: (value) =>
    value.split(' ').every((event) => ['in-progress', 'completed', 'absent'].includes(event)),
  transcribe: (value) => value === 'true' || value === 'false',
  transcribeCallback: (value) => value.length > 0,
};

interface Element {
  name: string;
  attributes: Record<string, string>;
  parent: string | undefined;
}

/** Every element of a well-formed document, with its attributes and its parent's name. */
function elements(text: string): Element[] {
  const found: Element[] = [];
  const stack: string[] = [];
  for (const match of text.matchAll(/<(\/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, attributeText, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    const attributes = Object.fromEntries(
      [...attributeText.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    found.push({ name, attributes, parent: stack.at(-1) });
    if (!selfClosing) stack.push(name);
  }
  return found;
}

/** `<Record>`: only Twilio's attributes with values it accepts, never nested, nothing inside. */
function recordProblem(all: Element[]): string | null {
  for (const element of all) {
    if (element.parent === 'Record') return `<${element.name}> inside <Record>`;
    if (element.name !== 'Record') continue;
    if (element.parent !== 'Response') return '<Record> must be a verb of <Response>';
    for (const [name, value] of Object.entries(element.attributes)) {
      const valid = RECORD_ATTRIBUTES[name];
      if (!valid) return `<Record> has no attribute ${name}`;
      if (!valid(value)) return `<Record ${name}="${value}"> is not a value Twilio accepts`;
    }
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

/** Twilio's `<Play>` attributes: `loop` an integer >= 0 (warning 13410), `digits` DTMF tones. */
const PLAY_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  loop: (value) => /^\d+$/.test(value),
  digits: (value) => /^[0-9A-DWw#*]+$/.test(value),
};

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** Text as XML escaped it, read back in one pass (`&amp;lt;` stays `&lt;`). */
const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => XML_ENTITIES[name]);

/**
 * `<Play>`: only `loop` and `digits`, with values Twilio accepts; the media is a non-empty
 * absolute http(s) URL between the tags (Twilio fetches it), or, with `digits`, nothing (the
 * tones are played instead).
 */
function playProblem(text: string): string | null {
  for (const match of text.matchAll(/<Play\b([^>]*?)\s*(?:\/>|>([^<]*)<\/Play>)/g)) {
    const [tag, attributeText, body = ''] = match;
    const attributes = attributesOf(attributeText);
    for (const [name, value] of Object.entries(attributes)) {
      const valid = PLAY_ATTRIBUTES[name];
      if (!valid) return `${tag}: <Play> has no attribute ${name}`;
      if (!valid(value)) return `${tag}: ${name}="${value}" is not a value Twilio accepts`;
    }
    const media = unescapeXml(body).trim();
    if (attributes.digits !== undefined) {
      if (media) return `${tag}: a <Play> plays digits or a URL, not both`;
      continue;
    }
    if (!media) return `${tag}: <Play> has no URL to play`;
    let url: URL;
    try {
      url = new URL(media);
    } catch {
      return `${tag}: "${media}" is not an absolute URL`;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return `${tag}: Twilio fetches the media over http or https, not ${url.protocol}`;
  }
  return null;
}

const BOOLEAN = (value: string) => value === 'true' || value === 'false';
const METHOD = (value: string) => METHODS.has(value);
const URL_OR_EMPTY = (value: string) => value === '' || /^https?:\/\/\S+$/.test(value);
const CONFERENCE_EVENTS = new Set([
  'start',
  'end',
  'join',
  'leave',
  'mute',
  'hold',
  'modify',
  'speaker',
  'announcement',
]);

/** Twilio's `<Conference>` attributes and the values it accepts. */
const CONFERENCE_ATTRIBUTES: Record<string, (value: string) => boolean> = {
  muted: BOOLEAN,
  beep: (value) => ['true', 'false', 'onEnter', 'onExit'].includes(value),
  startConferenceOnEnter: BOOLEAN,
  endConferenceOnExit: BOOLEAN,
  waitUrl: URL_OR_EMPTY,
  waitMethod: METHOD,
  maxParticipants: (value) => /^\d+$/.test(value) && Number(value) >= 2 && Number(value) <= 250,
  record: (value) => ['do-not-record', 'record-from-start'].includes(value),
  trim: (value) => ['trim-silence', 'do-not-trim'].includes(value),
  coach: (value) => /^CA[0-9a-fA-F]{32}$/.test(value),
  participantLabel: (value) => value.length > 0 && value.length <= 128,
  statusCallback: (value) => /^https?:\/\/\S+$/.test(value),
  statusCallbackMethod: METHOD,
  statusCallbackEvent: (value) => value.split(' ').every((event) => CONFERENCE_EVENTS.has(event)),
  jitterBufferSize: (value) => ['off', 'small', 'medium', 'large'].includes(value),
};

/**
 * `<Conference>`: the only noun of a `<Dial>`, named (its friendly name between the tags), with
 * Twilio's attributes only; `statusCallbackEvent` needs a `statusCallback` to go to.
 */
function conferenceProblem(text: string, all: Element[]): string | null {
  for (const element of all) {
    if (element.name !== 'Conference') continue;
    if (element.parent !== 'Dial') return '<Conference> must be a noun of <Dial>';
    for (const [name, value] of Object.entries(element.attributes)) {
      const valid = CONFERENCE_ATTRIBUTES[name];
      if (!valid) return `<Conference> has no attribute ${name}`;
      if (!valid(value)) return `<Conference ${name}="${value}"> is not a value Twilio accepts`;
    }
    if (element.attributes.statusCallbackEvent && !element.attributes.statusCallback)
      return '<Conference statusCallbackEvent> without a statusCallback';
  }
  for (const match of text.matchAll(/<Dial\b[^>]*>(.*?)<\/Dial>/gs)) {
    const nouns = [...match[1].matchAll(/<([A-Za-z]+)\b[^>]*>/g)].map(([, name]) => name);
    if (nouns.includes('Conference') && nouns.length > 1)
      return 'a <Dial> with a <Conference> has no other noun';
    const name = /<Conference\b[^>]*>([^<]*)<\/Conference>/.exec(match[1]);
    if (name && !name[1].trim()) return '<Conference> names no conference';
  }
  return null;
}

function gatherProblem(all: Element[]): string | null {
  const inside = all.find(
    (element) => element.parent === 'Gather' && !GATHER_NOUNS.has(element.name),
  );
  return inside ? `<${inside.name}> inside <Gather> (only Say, Play and Pause)` : null;
}

/** A hold document runs while the caller is in the queue: only the verbs Twilio allows there. */
function waitUrlProblem(all: Element[]): string | null {
  const verb = all.find(
    (element) => element.parent === 'Response' && !WAIT_URL_VERBS.has(element.name),
  );
  return verb ? `<${verb.name}> is not allowed in an Enqueue waitUrl document` : null;
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

export interface TwimlContext {
  /** The document answers the queue's waitUrl, or a `<Gather action>` played from it. */
  waitUrl?: boolean;
  /** `called`: the answer to a `<Number url>`/`<Client url>` fetch, run on the dialled party's end. */
  leg?: 'caller' | 'called';
}

/** Why Twilio would not play this answer as meant (null when it would). */
export function twimlProblem(text: string, context: TwimlContext = {}): string | null {
  const structure = structureProblem(text);
  if (structure) return structure;
  const all = elements(text);
  return (
    sayProblem(text) ??
    attributeProblem(text) ??
    playProblem(text) ??
    recordProblem(all) ??
    conferenceProblem(text, all) ??
    gatherProblem(all) ??
    (context.waitUrl ? waitUrlProblem(all) : null) ??
    (context.leg === 'called' ? calledPartyProblem(text) : null)
  );
}

/** The url a `<Dial>`'s `<Number>` runs on the volunteer's end, if it has one. */
export function numberUrlOf(text: string): string | undefined {
  const match = /<Number\b([^>]*)>/.exec(text);
  return match ? attributesOf(match[1]).url?.replace(/&amp;/g, '&') : undefined;
}
