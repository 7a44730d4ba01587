import { ValidationArguments, ValidationOptions, registerDecorator } from 'class-validator';
import { defaultTaxonomy } from '@hotline/taxonomy';

const isKey = (key: unknown) => typeof key === 'string' && defaultTaxonomy().has(key);

function topicRule(
  name: string,
  validate: (value: unknown) => boolean,
  message: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate, defaultMessage: (args) => message(args!) },
    });
}

/** A list of topic keys from the taxonomy (`GET /api/taxonomy`); the message names the unknown ones. */
export const AreTopicKeys = (options?: ValidationOptions) =>
  topicRule(
    'areTopicKeys',
    (value) => Array.isArray(value) && value.every(isKey),
    (args) => {
      const unknown = Array.isArray(args.value)
        ? defaultTaxonomy().unknownKeys(args.value.map(String))
        : [String(args.value)];
      return `${args.property} has unknown topic keys (${unknown.join(', ')}); see GET /api/taxonomy`;
    },
    options,
  );

/** One topic key from the taxonomy. */
export const IsTopicKey = (options?: ValidationOptions) =>
  topicRule(
    'isTopicKey',
    isKey,
    (args) =>
      args.value === undefined || args.value === null || args.value === ''
        ? `${args.property} is required: a topic key from GET /api/taxonomy`
        : `${args.property} "${String(args.value)}" is not a topic key; see GET /api/taxonomy`,
    options,
  );
