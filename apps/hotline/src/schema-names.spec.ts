import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The API document names each schema after its class, and @nestjs/swagger silently keeps only
 * one of two classes with the same name: a route would then be documented with another
 * module's fields. This walks every class the controllers reach (bodies, queries, responses
 * and their properties, recursively) and fails on two different classes with one name.
 */

/** The metadata keys @nestjs/swagger writes (its `DECORATORS`, not exported from the package). */
const DECORATORS = {
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
  API_SCHEMA: 'swagger/apiSchema',
  API_RESPONSE: 'swagger/apiResponse',
  API_PARAMETERS: 'swagger/apiParameters',
  API_EXTRA_MODELS: 'swagger/apiExtraModels',
};

type Class = abstract new (...args: never[]) => unknown;

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

const isModel = (value: unknown): value is Class =>
  typeof value === 'function' &&
  value.prototype !== undefined &&
  Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, value.prototype);

const schemaName = (model: Class): string =>
  (Reflect.getMetadata(DECORATORS.API_SCHEMA, model) as { name?: string }[] | undefined)?.find(
    (schema) => schema.name,
  )?.name ?? model.name;

/** Every model class a type reference reaches: a class, `[Class]`, `() => Class`, or items. */
function visit(value: unknown, found: Map<string, Set<Class>>): void {
  if (Array.isArray(value)) return value.forEach((item) => visit(item, found));
  if (typeof value === 'function' && value.prototype === undefined) {
    // A lazy type (`type: () => Class`) is an arrow function: no prototype of its own.
    return visit((value as () => unknown)(), found);
  }
  if (!isModel(value)) {
    if (value && typeof value === 'object') {
      const { type, items, schema } = value as Record<string, unknown>;
      [type, items, schema].forEach((item) => visit(item, found));
    }
    return;
  }
  const name = schemaName(value);
  const classes = found.get(name) ?? new Set<Class>();
  if (classes.has(value)) return;
  found.set(name, classes.add(value));
  const properties = Reflect.getMetadata(
    DECORATORS.API_MODEL_PROPERTIES_ARRAY,
    value.prototype,
  ) as string[];
  for (const key of properties.map((property) => property.replace(/^:/, ''))) {
    visit(Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, value.prototype, key), found);
    visit(Reflect.getMetadata('design:type', value.prototype, key), found);
  }
  visit(Object.getPrototypeOf(value), found);
}

function modelsOfController(controller: Class, found: Map<string, Set<Class>>): void {
  const targets: object[] = [controller];
  const prototype = controller.prototype as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(prototype)) {
    if (key === 'constructor' || typeof prototype[key] !== 'function') continue;
    targets.push(prototype[key] as object);
    visit(Reflect.getMetadata('design:paramtypes', prototype, key), found);
  }
  for (const target of targets) {
    const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, target) as
      Record<string, unknown> | undefined;
    visit(Object.values(responses ?? {}), found);
    visit(Reflect.getMetadata(DECORATORS.API_PARAMETERS, target), found);
    visit(Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, target), found);
  }
}

describe('schema names in the API document', () => {
  it('no two classes the controllers use share a name', async () => {
    const found = new Map<string, Set<Class>>();
    const modules = await Promise.all(
      files(__dirname, '.controller.ts').map(
        (file) => import(file) as Promise<Record<string, unknown>>,
      ),
    );
    const controllers = modules.flatMap((module) =>
      Object.values(module).filter(
        (value): value is Class => typeof value === 'function' && /Controller$/.test(value.name),
      ),
    );
    expect(controllers.length).toBeGreaterThan(10);
    controllers.forEach((controller) => modelsOfController(controller, found));
    expect(found.size).toBeGreaterThan(50);
    const clashes = [...found].filter(([, classes]) => classes.size > 1).map(([name]) => name);
    expect(clashes).toEqual([]);
  });
});
