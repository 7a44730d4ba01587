import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The body of every error answer (4xx, 5xx) unless its route declares another: Nest's
 * exception shape, with `fields` on validation failures (see common/validation.ts).
 */
export class ErrorView {
  @ApiProperty({ description: 'The HTTP status, again' }) statusCode!: number;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong, for a person; a validation failure lists one line per rule',
  })
  message!: string | string[];
  @ApiPropertyOptional({ example: 'Bad Request' }) error?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Validation failures: field path → messages',
  })
  fields?: Record<string, string[]>;
  @ApiPropertyOptional({
    example: 'two_factor_code_needed',
    description:
      'Where a client must act on the refusal, a stable word for why: two_factor_code_needed asks for the code at sign-in',
  })
  reason?: string;
}
