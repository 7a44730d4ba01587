import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** A local date, YYYY-MM-DD. */
export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A wall-clock time, HH:mm. */
export const WALL_CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A required local date, YYYY-MM-DD; the message shows the example. */
export const LocalDate = (name: string, example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ example, description }),
    Matches(LOCAL_DATE, { message: `${name} must be a date YYYY-MM-DD, like ${example}` }),
  );

/** An optional `hotlineId`: without it, the person's first hotline. */
export const OptionalHotlineId = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Default: your first hotline' }),
    IsOptional(),
    IsUUID('all', { message: 'hotlineId must be a hotline id' }),
  );

/** Trims text; with `emptyIsMissing`, blank text counts as not given. */
export const Trimmed = (emptyIsMissing = false) =>
  Transform(({ value }) =>
    typeof value === 'string' ? value.trim() || (emptyIsMissing ? undefined : '') : value,
  );

/** An optional `?name=true|false` query flag. */
export const QueryFlag = (name: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description }),
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: `${name} must be true or false` }),
  );

/** How many rows a list returns at most (`?limit=`), 100 unless asked. */
export const ListLimit = (max = 500) =>
  applyDecorators(
    ApiPropertyOptional({ default: 100, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'limit must be a whole number' }),
    Min(1, { message: 'limit must be at least 1' }),
    Max(max, { message: `limit must be at most ${max}` }),
  );

/**
 * How many to skip for the next page. Bounded: a number past any real list (1e23 is a whole
 * number to JavaScript) would otherwise reach the database's LIMIT and fail there.
 */
export const ListOffset = (description = 'Skip this many (the next page)', max = 10_000_000) =>
  applyDecorators(
    ApiPropertyOptional({ default: 0, maximum: max, description }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'offset must be a whole number' }),
    Min(0, { message: 'offset must be 0 or more' }),
    Max(max, { message: `offset must be at most ${max}` }),
  );
