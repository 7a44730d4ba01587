import Joi from 'joi';
import { DateTime } from 'luxon';
import { isValidZone } from '@hotline/calendar';
import { AddressList, LOOPBACK_ONLY } from '../metrics/address-list';

/** Every setting the server reads, after validation and defaults. */
export interface Environment {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  DATABASE_URL: string;
  PUBLIC_BASE_URL: string;
  DATA_DIR: string;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_PHONE_NUMBER?: string;
  TWILIO_API_BASE_URL: string;
  DATA_ENCRYPTION_KEY?: string;
  /** Comma-separated former DATA_ENCRYPTION_KEY values, kept readable after a rotation. */
  DATA_ENCRYPTION_PREVIOUS_KEYS?: string;
  JWT_SECRET?: string;
  /**
   * In production, allows the data encryption key to be generated into (and read from)
   * `<DATA_DIR>/secrets.json`, next to the database; refused otherwise.
   */
  ALLOW_GENERATED_KEY: boolean;
  ACCESS_TOKEN_TTL_MINUTES: number;
  CONSOLE_GRACE_SECONDS: number;
  /** How often the routing leader compares its engines with the record and repairs drift. */
  ROUTING_CHECK_SECONDS: number;
  TWILIO_API_KEY_SID?: string;
  TWILIO_API_KEY_SECRET?: string;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
  HOTLINE_TIMEZONE: string;
  REDIS_URL?: string;
  /** Prefix of every Redis key and channel, so several hotline clusters can share one Redis. */
  REDIS_KEY_PREFIX: string;
  /** This server's name among several instances (logs, the leader lease); random when unset. */
  INSTANCE_ID?: string;
  /** How long the routing leader's lease lasts without renewal: the longest a failover takes. */
  LEADER_LEASE_MS: number;
  HOTLINE_CLOCK_START?: string;
  HOTLINE_CLOCK_SPEED: number;
  SERVICE_LEVEL_SECONDS: number;
  STATS_SMALL_CELL: number;
  /** Requests a minute one client address may make to the public booking routes. */
  BOOKING_RATE_LIMIT: number;
  /** When set, GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>". */
  METRICS_TOKEN?: string;
  /** Comma-separated addresses and CIDRs that may read GET /metrics (default: loopback). */
  METRICS_ALLOW: string;
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy`); unset: none. */
  TRUST_PROXY?: string;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** A data encryption key: 32 bytes in base64. */
const isDataKey = (value: string): boolean => Buffer.from(value, 'base64').length === 32;

/** The entries of DATA_ENCRYPTION_PREVIOUS_KEYS; blanks around commas are ignored. */
export function splitKeyList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

const DATABASE_URL = /^(sqlite:.+|(mysql|mariadb):\/\/[^/\s]+\/[A-Za-z0-9_$-]+(\?.*)?)$/;

const schema = Joi.object<Environment>({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().integer().min(0).max(65535).default(3000).messages({
    '*': 'PORT must be a TCP port number from 0 to 65535, got "{#value}"',
  }),
  DATABASE_URL: Joi.string().pattern(DATABASE_URL).default('sqlite:data/hotline.sqlite').messages({
    '*': 'DATABASE_URL must be sqlite:<file path> or mysql://user:password@host:3306/database, got "{#value}"',
  }),
  PUBLIC_BASE_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .pattern(/[^/]$/)
    .messages({
      '*': 'PUBLIC_BASE_URL must be the http(s) address Twilio reaches this server at, without a trailing slash, got "{#value}"',
    }),
  DATA_DIR: Joi.string().default('data'),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info')
    .messages({
      '*': 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "{#value}"',
    }),
  TWILIO_ACCOUNT_SID: Joi.string()
    .pattern(/^AC[0-9a-fA-F]{32}$/)
    .messages({ '*': 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits' }),
  TWILIO_AUTH_TOKEN: Joi.string()
    .min(16)
    .messages({ '*': 'TWILIO_AUTH_TOKEN looks too short to be a Twilio auth token' }),
  TWILIO_PHONE_NUMBER: Joi.string()
    .pattern(/^\+[1-9]\d{4,14}$/)
    .messages({ '*': 'TWILIO_PHONE_NUMBER must be in E.164 form, like +8657112355' }),
  TWILIO_API_BASE_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .default('https://api.twilio.com')
    .messages({ '*': 'TWILIO_API_BASE_URL must be an http(s) address, got "{#value}"' }),
  DATA_ENCRYPTION_KEY: Joi.string()
    .custom((value: string) => {
      if (!isDataKey(value)) throw new Error('not 32 bytes');
      return value;
    })
    .messages({
      '*': 'DATA_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)',
    }),
  // The message never repeats the value: these are secrets.
  DATA_ENCRYPTION_PREVIOUS_KEYS: Joi.string()
    .custom((value: string) => {
      const keys = splitKeyList(value);
      if (keys.length === 0 || !keys.every(isDataKey)) throw new Error('not 32-byte keys');
      return value;
    })
    .messages({
      '*': 'DATA_ENCRYPTION_PREVIOUS_KEYS must be former DATA_ENCRYPTION_KEY values separated by commas, each 32 bytes in base64',
    }),
  JWT_SECRET: Joi.string().min(32).messages({ '*': 'JWT_SECRET must be at least 32 characters' }),
  ALLOW_GENERATED_KEY: Joi.boolean().default(false).messages({
    '*': 'ALLOW_GENERATED_KEY must be true or false, got "{#value}"',
  }),
  ACCESS_TOKEN_TTL_MINUTES: Joi.number()
    .integer()
    .min(5)
    .max(7 * 24 * 60)
    .default(720)
    .messages({
      '*': 'ACCESS_TOKEN_TTL_MINUTES must be a whole number of minutes from 5 to 10080, got "{#value}"',
    }),
  CONSOLE_GRACE_SECONDS: Joi.number().integer().min(0).max(600).default(20).messages({
    '*': 'CONSOLE_GRACE_SECONDS must be a whole number of seconds from 0 to 600, got "{#value}"',
  }),
  ROUTING_CHECK_SECONDS: Joi.number().integer().min(1).max(600).default(30).messages({
    '*': 'ROUTING_CHECK_SECONDS must be a whole number of seconds from 1 to 600, got "{#value}"',
  }),
  TWILIO_API_KEY_SID: Joi.string()
    .pattern(/^SK[0-9a-fA-F]{32}$/)
    .messages({
      '*': 'TWILIO_API_KEY_SID must be SK followed by 32 hex digits (a Twilio API key)',
    }),
  TWILIO_API_KEY_SECRET: Joi.string()
    .min(16)
    .messages({ '*': 'TWILIO_API_KEY_SECRET looks too short to be an API key secret' }),
  ADMIN_EMAIL: Joi.string()
    .email({ tlds: false })
    .messages({ '*': 'ADMIN_EMAIL must be an email address' }),
  ADMIN_PASSWORD: Joi.string()
    .min(10)
    .messages({ '*': 'ADMIN_PASSWORD must be at least 10 characters' }),
  HOTLINE_TIMEZONE: Joi.string()
    .default('Asia/Shanghai')
    .custom((value: string) => {
      if (!isValidZone(value)) throw new Error('unknown zone');
      return value;
    })
    .messages({
      '*': 'HOTLINE_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got "{#value}"',
    }),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .messages({ '*': 'REDIS_URL must look like redis://host:6379, got "{#value}"' }),
  REDIS_KEY_PREFIX: Joi.string()
    .pattern(/^[A-Za-z0-9_.:-]{1,64}$/)
    .default('hotline')
    .messages({
      '*': 'REDIS_KEY_PREFIX must be 1 to 64 letters, digits or _ . : -, got "{#value}"',
    }),
  INSTANCE_ID: Joi.string()
    .pattern(/^[A-Za-z0-9_.-]{1,64}$/)
    .messages({
      '*': 'INSTANCE_ID must be 1 to 64 letters, digits or _ . -, got "{#value}"',
    }),
  LEADER_LEASE_MS: Joi.number().integer().min(1000).max(60000).default(5000).messages({
    '*': 'LEADER_LEASE_MS must be a whole number of milliseconds from 1000 to 60000, got "{#value}"',
  }),
  HOTLINE_CLOCK_START: Joi.string()
    .custom((value: string) => {
      if (!DateTime.fromISO(value, { setZone: true }).isValid) throw new Error('not ISO');
      return value;
    })
    .messages({
      '*': 'HOTLINE_CLOCK_START must be an ISO 8601 instant with its offset, like 2026-11-23T18:00:00+08:00',
    }),
  HOTLINE_CLOCK_SPEED: Joi.number().greater(0).max(3600).default(1).messages({
    '*': 'HOTLINE_CLOCK_SPEED must be a number above 0 and at most 3600, got "{#value}"',
  }),
  SERVICE_LEVEL_SECONDS: Joi.number().integer().min(1).max(600).default(20).messages({
    '*': 'SERVICE_LEVEL_SECONDS must be a whole number of seconds from 1 to 600, got "{#value}"',
  }),
  STATS_SMALL_CELL: Joi.number().integer().min(1).max(100).default(3).messages({
    '*': 'STATS_SMALL_CELL must be a whole number from 1 to 100 (counts below it print as "< N" in exports), got "{#value}"',
  }),
  BOOKING_RATE_LIMIT: Joi.number().integer().min(1).max(1_000_000).default(60).messages({
    '*': 'BOOKING_RATE_LIMIT must be a whole number of requests a minute from 1 to 1000000, got "{#value}"',
  }),
  METRICS_TOKEN: Joi.string()
    .min(16)
    .messages({ '*': 'METRICS_TOKEN must be at least 16 characters (openssl rand -hex 16)' }),
  METRICS_ALLOW: Joi.string()
    .default(LOOPBACK_ONLY)
    .custom((value: string) => {
      AddressList.parse(value);
      return value;
    })
    .messages({
      '*': 'METRICS_ALLOW must be addresses or networks (CIDR) separated by commas, like 127.0.0.1/8, ::1, 10.0.0.0/8, got "{#value}"',
    }),
  // Express's own names or the proxies' addresses and networks, never "true": a client
  // could then choose the address its requests are counted and audited under.
  TRUST_PROXY: Joi.string()
    .custom((value: string) => {
      const named = ['loopback', 'linklocal', 'uniquelocal'];
      for (const part of value.split(',').map((item) => item.trim()))
        if (!named.includes(part)) AddressList.parse(part);
      return value;
    })
    .messages({
      '*': 'TRUST_PROXY must be the proxies in front of the server: loopback, uniquelocal, or addresses and networks (CIDR) separated by commas, like 172.16.0.0/12, got "{#value}"',
    }),
})
  // Twilio settings only make sense together.
  .and('TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_PHONE_NUMBER')
  .and('ADMIN_EMAIL', 'ADMIN_PASSWORD')
  .and('TWILIO_API_KEY_SID', 'TWILIO_API_KEY_SECRET')
  .messages({
    'object.and': '{#presentWithLabels} set without {#missingWithLabels}: set all of them or none',
  })
  .unknown(true);

/**
 * Validates the raw environment. Throws a ConfigurationError that lists every bad variable
 * by name with what is expected, so a bad value stops the server with an actionable message.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable means "not set", as in a .env file with `KEY=`.
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const { value, error } = schema.validate(given, { abortEarly: false, convert: true });
  const problems = error ? error.details.map((detail) => detail.message) : [];
  if (
    !error &&
    value.NODE_ENV === 'production' &&
    (value.HOTLINE_CLOCK_START || value.HOTLINE_CLOCK_SPEED !== 1)
  ) {
    problems.push(
      'HOTLINE_CLOCK_START and HOTLINE_CLOCK_SPEED are for simulations and tests; they are refused when NODE_ENV=production',
    );
  }
  // A key in a file beside the database is taken with every copy of the data: whoever has a
  // backup of the data directory reads every note. In production it comes from elsewhere.
  if (
    !error &&
    value.NODE_ENV === 'production' &&
    !value.DATA_ENCRYPTION_KEY &&
    !value.ALLOW_GENERATED_KEY
  ) {
    problems.push(
      'DATA_ENCRYPTION_KEY is not set: in production the key that encrypts notes and phone numbers is not generated into DATA_DIR next to the database. ' +
        'Set DATA_ENCRYPTION_KEY to 32 random bytes in base64 (openssl rand -base64 32; if this server already ran, use the DATA_ENCRYPTION_KEY in <DATA_DIR>/secrets.json) ' +
        'from your secret store, and keep a copy apart from the database backups; or set ALLOW_GENERATED_KEY=true to keep the generated key there knowingly (docs/operations.md)',
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  value.PUBLIC_BASE_URL ??= `http://localhost:${value.PORT}`;
  return value;
}

/** Telephony is on when all three Twilio settings are given (validation refuses a partial set). */
export function isTelephonyConfigured(config: {
  get(key: 'TWILIO_ACCOUNT_SID'): string | undefined;
}): boolean {
  return Boolean(config.get('TWILIO_ACCOUNT_SID'));
}
