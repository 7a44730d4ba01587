import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type request from 'supertest';

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const DOCUMENT_ID = 'hotline-api.json';
const ERROR_STATUS = /^[45]\d\d$/;

/**
 * The schemas as the checker reads them: objects are closed (a field the document does not
 * list is a mismatch, not an extension), and OpenAPI 3.0's `nullable` becomes `null` allowed.
 */
function strict(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strict);
  if (!value || typeof value !== 'object') return value;
  const schema = Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      // Property names and examples are data, not schemas.
      key === 'example' || key === 'examples' || key === 'enum'
        ? [key, item]
        : key === 'properties'
          ? [
              key,
              Object.fromEntries(Object.entries(item as Schema).map(([k, v]) => [k, strict(v)])),
            ]
          : [key, strict(item)],
    ),
  ) as Schema;
  if (schema.properties && schema.additionalProperties === undefined)
    schema.additionalProperties = false;
  if (schema.nullable === true) {
    delete schema.nullable;
    return { anyOf: [schema, { type: 'null' }] };
  }
  return schema;
}

/** `/api/calls/{id}/wrap-up` → a pattern; literal segments win over parameters. */
function routes(document: Document) {
  return Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      parameters: (template.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.parameters - b.parameters);
}

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 8)
    .map(
      (error) =>
        `  ${error.instancePath || '(body)'} ${error.message}` +
        (error.keyword === 'additionalProperties'
          ? `: "${String(error.params.additionalProperty)}"`
          : error.keyword === 'enum'
            ? `: ${JSON.stringify(error.params.allowedValues)}`
            : ''),
    )
    .join('\n');

/** Checks JSON answers against the API document the server publishes at /api/docs-json. */
export class ApiDocumentChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: ReturnType<typeof routes>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    addFormats(this.ajv);
    this.ajv.addSchema(strict(document) as Schema, DOCUMENT_ID);
    this.routes = routes(document);
  }

  /** A message saying how the answer differs from the document, or undefined if it agrees. */
  check(method: string, url: string, response: request.Response): string | undefined {
    if (!/^application\/json/.test(String(response.headers['content-type'] ?? ''))) return;
    const path = new URL(url, 'http://server').pathname;
    // The document itself.
    if (path === '/api/docs-json') return;
    const what = `${method.toUpperCase()} ${path} → ${response.status}`;
    const route = this.routes.find(({ pattern }) => pattern.test(path));
    const operation = route && this.document.paths[route.template][method.toLowerCase()];
    const status = String(response.status);
    if (!route || !operation) {
      // An unknown route answers Nest's 404 (an ErrorView); anything else must be documented.
      if (ERROR_STATUS.test(status)) return this.validate(what, response.body, ['ErrorView']);
      return `${what}: the API document has no ${method.toUpperCase()} ${path}`;
    }
    const declared = operation.responses?.[status] ?? undefined;
    const key = declared
      ? status
      : ERROR_STATUS.test(status) && operation.responses?.default
        ? 'default'
        : undefined;
    if (!key) return `${what}: the API document declares no ${status} for ${route.template}`;
    if (!operation.responses![key].content?.['application/json']?.schema)
      return `${what}: the API document declares no JSON body for ${status} on ${route.template}`;
    return this.validate(what, response.body, [
      'paths',
      route.template,
      method.toLowerCase(),
      'responses',
      key,
      'content',
      'application/json',
      'schema',
    ]);
  }

  private validate(what: string, body: unknown, at: string[]): string | undefined {
    const ref =
      at.length === 1
        ? `${DOCUMENT_ID}#/components/schemas/${at[0]}`
        : `${DOCUMENT_ID}#/${pointer(...at)}`;
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    if (validate(body)) return;
    const shown = JSON.stringify(body);
    return (
      `${what} does not match the API document (${ref.slice(DOCUMENT_ID.length)}):\n` +
      `${describeErrors(validate.errors)}\n  body: ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`
    );
  }
}

/** Fetches the document a running server publishes. */
export async function apiDocumentChecker(
  http: () => ReturnType<typeof request>,
): Promise<ApiDocumentChecker> {
  const response = await http().get('/api/docs-json');
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  return new ApiDocumentChecker(response.body as Document);
}

type Assert = (error: Error | null, response: request.Response, done?: Callback) => void;
type Callback = (error: Error | null, response: request.Response) => void;

/**
 * The request, with its answer checked against the document after the test's own
 * expectations: a JSON body that differs fails the request like a failed `.expect()`.
 */
export function checkedAgainst<T extends request.Test>(test: T, checker: ApiDocumentChecker): T {
  const own = test as unknown as { assert: Assert; method: string; url: string };
  const assert = own.assert.bind(test);
  own.assert = (error, response, done) =>
    assert(error, response, (failure, answer) => {
      let mismatch: string | undefined;
      try {
        mismatch = !failure && answer ? checker.check(own.method, own.url, answer) : undefined;
      } catch (error) {
        mismatch = `checking ${own.method} ${own.url} against the API document failed: ${String(error)}`;
      }
      done?.call(test, mismatch ? new Error(mismatch) : failure, answer);
    });
  return test;
}

type Agent = ReturnType<typeof request>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** A supertest agent whose every request is checked against the document. */
export function checkedAgent(agent: Agent, checker: ApiDocumentChecker): Agent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (
        typeof property !== 'string' ||
        !METHODS.includes(property) ||
        typeof value !== 'function'
      )
        return value;
      return (...args: unknown[]) => {
        const test = (value as (...args: unknown[]) => request.Test).apply(target, args);
        return checkedAgainst(test, checker);
      };
    },
  });
}
