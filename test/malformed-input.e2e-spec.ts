import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { signAsTwilio } from '@hotline/telephony';
import { VOICE_PROMPTS } from '../apps/hotline/src/calls/voice-prompts';
import { ApiDocumentChecker } from './support/api-document';
import { bearer } from './support/hotline-server';
import { addPerson, ownPhone } from './support/people';
import { duty, callRecord } from './support/duty';
import {
  CallCentre,
  PUBLIC_BASE_URL,
  PhoneCall,
  TWILIO,
  says,
  startCallCentre,
} from './support/twilio';

/**
 * Bad input gets a clear 4xx, never a 500. The sweep reads the API document the running
 * server publishes and sends every route malformed input: deep nesting, lone surrogates,
 * nulls, wrong types, huge and negative numbers, empty and oversized bodies, invalid path ids
 * and junk query values; the Twilio webhooks get signed garbage. No answer may be a 5xx, no
 * JSON answer may differ from the document, and no error may be logged without its reason.
 */

const EVENING = '2026-11-23T19:00:00+08:00';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-public'?: boolean;
  'x-twilio-signature'?: boolean;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Probe {
  method: string;
  path: string;
  what: string;
  token?: string;
  /** A JS value sent as JSON, or raw text with its own content type. */
  json?: unknown;
  raw?: { type: string; text: string };
  form?: Record<string, unknown>;
  twilio?: boolean;
}

const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
};

const DEEP_TEXT = `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
const LONE_SURROGATE = '\ud800@x.org';

/** Wrong values for one field: each replaces a plausible value in turn. */
const BAD_VALUES: [string, unknown][] = [
  ['null', null],
  ['a lone surrogate', LONE_SURROGATE],
  ['an object', { nested: true }],
  ['a list', ['x']],
  ['a number', 12345],
  ['text', 'not what was asked'],
  ['an empty text', ''],
  ['a huge number', 1e308],
  ['a number beyond 64 bits', 18446744073709551616],
  ['a negative number', -100],
  ['long text', 'x'.repeat(5000)],
  ['a NUL character', 'a\u0000b'],
  ['deep nesting', deep(40)],
];

const BAD_IDS = ['not-an-id', '0', '-1', '%ED%A0%80', '%25', 'a'.repeat(300), randomUUID()];
const BAD_QUERY = ['', 'abc', '-1', '1e309', '99999999999999999999999', '%ED%A0%80', '%00'];

describe('malformed input', () => {
  let centre: CallCentre;
  let document: Document;
  let checker: ApiDocumentChecker;
  let admin: string;

  beforeAll(async () => {
    centre = await startCallCentre({ HOTLINE_CLOCK_START: EVENING });
    admin = centre.admin;
    document = (await request(centre.hotline.baseUrl).get('/api/docs-json').expect(200))
      .body as Document;
    checker = new ApiDocumentChecker(document as never);
  });
  afterAll(() => centre.stop());

  it('ends a finished conversation with goodbye whatever duration Twilio reports, never a negative talk time', async () => {
    const { hotline } = centre;
    const volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    for (const duration of ['-100', 'abc', '1e9', '']) {
      await duty(hotline, volunteer).available();
      const call = new PhoneCall(hotline.baseUrl);
      await call.dial();
      await call.choose('1', '1');
      await call.hold();
      const offer = await duty(hotline, volunteer).offer();
      await duty(hotline, volunteer).accept(offer).expect(204);
      const after = await call.follow(await call.pickUp(offer.callId), {
        DialCallStatus: 'completed',
        DialCallDuration: duration,
      });
      expect(after.status).toBe(200);
      expect(after.twiml).toContain('<Hangup/>');
      expect(says(after.twiml)).not.toContain(VOICE_PROMPTS.en.apology);
      await call.hangUp();
      const row = await callRecord(hotline, call.callSid);
      expect(Number(row.talk_seconds)).toBe(0);
      await duty(hotline, volunteer).wrapUp(offer.callId).expect(200);
    }
    const logs = hotline.logs();
    expect(logs).toContain('Twilio parameter ignored');
    expect(logs).not.toContain('voice webhook failed');
  });

  it('answers every malformed request with a 4xx, never a 5xx', async () => {
    const { hotline } = centre;
    const hotlineId = centre.hotlineId;
    const someone = await addPerson(hotline, { topicSkills: ['emotional'] });
    const schemas = document.components?.schemas ?? {};
    const resolve = (schema: Schema | undefined, seen = 0): Schema => {
      if (!schema || seen > 8) return {};
      if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop()!], seen + 1);
      const first = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
      return first && !schema.type && !schema.properties ? resolve(first, seen + 1) : schema;
    };
    const sample = (raw: Schema | undefined, depth = 0): unknown => {
      const schema = resolve(raw);
      if (schema.example !== undefined) return schema.example;
      if (schema.enum?.length) return schema.enum[0];
      switch (schema.type) {
        case 'integer':
        case 'number':
          return schema.minimum ?? 1;
        case 'boolean':
          return true;
        case 'array':
          return depth > 4 ? [] : [sample(schema.items, depth + 1)];
        case 'object':
          return depth > 4
            ? {}
            : Object.fromEntries(
                Object.entries(schema.properties ?? {}).map(([key, value]) => [
                  key,
                  sample(value, depth + 1),
                ]),
              );
        default:
          if (schema.format === 'uuid') return randomUUID();
          if (schema.format === 'date-time') return '2026-11-23T12:00:00.000Z';
          if (schema.format === 'email') return 'someone@hotline.test';
          if (schema.properties) return sample({ ...schema, type: 'object' }, depth);
          return 'text';
      }
    };
    /** Real ids where a route names one we have, so bodies reach the database. */
    const realId = (template: string): string =>
      template.startsWith('/api/hotlines/')
        ? hotlineId
        : template.startsWith('/api/volunteers/')
          ? someone.id
          : randomUUID();
    const fill = (template: string, id: string) => template.replace(/\{[^}]+\}/g, id);

    const probes: Probe[] = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const twilio = Boolean(operation['x-twilio-signature']);
        if (twilio) continue; // below, signed
        // Signing out ends the admin's every session, whatever the body: tried anonymously.
        const token =
          operation['x-public'] || template === '/api/auth/sign-out' ? undefined : admin;
        const path = fill(template, realId(template));
        const probe = (what: string, fields: Partial<Probe>) =>
          probes.push({ method, path, what, token, ...fields });

        // Path ids.
        if (template.includes('{'))
          for (const id of BAD_IDS)
            probes.push({ method, path: fill(template, id), what: `id ${id}`, token });

        // Query values, each parameter in turn, also given twice.
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== 'query') continue;
          for (const value of BAD_QUERY)
            probe(`?${parameter.name}=${value}`, {
              path: `${path}?${parameter.name}=${value}`,
            });
          probe(`?${parameter.name} twice`, {
            path: `${path}?${parameter.name}=1&${parameter.name}=2`,
          });
        }

        if (method === 'get' || method === 'delete') continue;
        const content = operation.requestBody?.content ?? {};
        const schema = resolve(content['application/json']?.schema);
        const plausible = sample(schema);
        const base =
          plausible && typeof plausible === 'object' && !Array.isArray(plausible)
            ? (plausible as Record<string, unknown>)
            : {};

        // Whole bodies.
        probe('no body', {});
        probe('an empty object', { json: {} });
        probe('a list', { json: [] });
        probe('a plausible body', { json: base });
        probe('JSON nested 20,000 deep', {
          raw: { type: 'application/json', text: DEEP_TEXT },
        });
        probe('a field nested 40 deep', { json: { ...base, extra: deep(40) } });
        probe('broken JSON', { raw: { type: 'application/json', text: '{"a":' } });
        probe('JSON text', { raw: { type: 'application/json', text: '"text"' } });
        probe('JSON null', { raw: { type: 'application/json', text: 'null' } });
        probe('plain text', { raw: { type: 'text/plain', text: 'hello' } });
        probe('a form nested 40 deep', {
          raw: {
            type: 'application/x-www-form-urlencoded',
            text: `${'a'}${'[b]'.repeat(40)}=1`,
          },
        });
        probe('an unknown charset', {
          raw: { type: 'application/json; charset=klingon', text: '{}' },
        });
        probe('a body over the size limit', {
          raw: { type: 'application/json', text: `{"a":"${'x'.repeat(150_000)}"}` },
        });
        probe('every field null', {
          json: Object.fromEntries(Object.keys(base).map((key) => [key, null])),
        });

        // Each field wrong in turn, the rest plausible.
        for (const key of Object.keys(base))
          for (const [what, value] of BAD_VALUES)
            probe(`${key}: ${what}`, { json: { ...base, [key]: value } });
      }
    }

    // The Twilio webhooks, signed, with garbage parameters.
    const twilioPaths = Object.keys(document.paths).filter((path) => path.startsWith('/twilio/'));
    const TWILIO_FIELDS = [
      'DialCallDuration',
      'CallDuration',
      'QueueTime',
      'QueuePosition',
      'RecordingDuration',
      'Digits',
      'CallStatus',
      'DialCallStatus',
      'QueueResult',
      'QueueSid',
      'CallSid',
      'MessageSid',
      'MessageStatus',
    ];
    const GARBAGE: unknown[] = [
      '-100',
      'abc',
      '99999999999999999999',
      '1.5',
      'a\u0000b',
      'x'.repeat(3000),
      { a: '1' },
      ['1', '2'],
    ];
    const JUNK_QUERY: Record<string, string> = {
      '/twilio/voice/menu': '?step=junk',
      '/twilio/voice/connect': '?call=not-an-id',
      '/twilio/voice/dial-result': '?call=not-an-id',
      '/twilio/voice/callback': '?reason=junk',
    };
    for (const template of twilioPaths) {
      const call = new PhoneCall(hotline.baseUrl);
      const base = {
        CallSid: call.callSid,
        AccountSid: TWILIO.accountSid,
        From: call.from,
        To: TWILIO.number,
        DialCallStatus: 'completed',
        CallStatus: 'in-progress',
      };
      for (const query of ['', JUNK_QUERY[template] ?? '?retry=1'])
        for (const field of TWILIO_FIELDS)
          for (const value of GARBAGE)
            probes.push({
              method: 'post',
              path: `${template}${query}`,
              what: `${field}=${JSON.stringify(value).slice(0, 20)}`,
              form: { ...base, [field]: value },
              twilio: true,
            });
      probes.push({ method: 'post', path: template, what: 'no CallSid', form: {}, twilio: true });
    }

    const send = (probe: Probe): Promise<request.Response> => {
      const agent = request(hotline.baseUrl);
      let test = (agent as unknown as Record<string, (path: string) => request.Test>)[probe.method](
        probe.path,
      );
      if (probe.token) test = test.set(bearer(probe.token));
      if (probe.twilio) {
        const url = `${PUBLIC_BASE_URL}${probe.path}`;
        const params = probe.form as Record<string, string>;
        test = test
          .type('form')
          .set('X-Twilio-Signature', signAsTwilio(TWILIO.authToken, url, params))
          .send(params);
      } else if (probe.raw) test = test.set('Content-Type', probe.raw.type).send(probe.raw.text);
      else if (probe.json !== undefined) test = test.send(probe.json as object);
      return test.then(
        (response) => response,
        (error: Error) => {
          throw new Error(`${probe.method.toUpperCase()} ${probe.path} (${probe.what}): ${error}`);
        },
      );
    };

    const failures: string[] = [];
    const mismatches: string[] = [];
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++];
        const response = await send(probe);
        const what = `${probe.method.toUpperCase()} ${probe.path.slice(0, 80)} (${probe.what}) → ${response.status}`;
        if (response.status >= 500) failures.push(`${what}: ${response.text.slice(0, 200)}`);
        // Without a real CallSid there is no call to keep, and the answer may apologise.
        else if (
          probe.twilio &&
          !/CallSid/.test(probe.what) &&
          says(response.text).includes(VOICE_PROMPTS.en.apology)
        )
          failures.push(`${what}: an apology`);
        const mismatch = checker.check(probe.method, probe.path, response);
        if (mismatch) mismatches.push(`${probe.what}: ${mismatch}`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // The count the closing note quotes ("tried, held").
    console.log(
      `malformed-input sweep: ${probes.length} requests tried, ${failures.length} answered 5xx or an apology, in ${seconds} s`,
    );

    expect(failures.slice(0, 30)).toEqual([]);
    expect(mismatches.slice(0, 20)).toEqual([]);
    // Still up, and the admin still signed in.
    await request(hotline.baseUrl).get('/health').expect(200);
    await request(hotline.baseUrl).get('/api/me').set(bearer(admin)).expect(200);

    // Every error logged keeps its reason; refused requests are not errors.
    const errors = hotline
      .logs()
      .split('\n')
      .filter(Boolean)
      .map(
        (line) => JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } },
      )
      .filter((line) => line.level >= 50);
    for (const line of errors) expect(line.err?.message).toBeTruthy();
    expect(errors.map((line) => `${line.msg}: ${line.err?.message}`).slice(0, 30)).toEqual([]);
  }, 180_000);
});
