import { ValidationOptions, registerDecorator } from 'class-validator';
import { defaultTaxonomy } from '@hotline/taxonomy';

/** A list of topic keys from the taxonomy (`GET /api/taxonomy`). */
export function AreTopicKeys(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'areTopicKeys',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every((key) => typeof key === 'string' && defaultTaxonomy().has(key)),
        defaultMessage: (args) => {
          const unknown = Array.isArray(args?.value)
            ? defaultTaxonomy().unknownKeys(args!.value.map(String))
            : [String(args?.value)];
          return `${args?.property} has unknown topic keys (${unknown.join(', ')}); see GET /api/taxonomy`;
        },
      },
    });
}
