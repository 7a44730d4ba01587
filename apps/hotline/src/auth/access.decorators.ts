import {
  ExecutionContext,
  SetMetadata,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Role, Volunteer } from '../volunteers/volunteer.entity';

export const IS_PUBLIC = 'hotline:public';
export const REQUIRED_ROLES = 'hotline:roles';
export const ENROLMENT_ALLOWED = 'hotline:two-factor-enrolment';

/** Marks a route that needs no sign-in. Anything not marked needs a valid access token. */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * Marks a route that a token issued only for two-factor enrolment may use (enrolling, one's
 * profile, signing out). Every other route refuses such a token with 403.
 */
export const EnrolmentAllowed = () =>
  applyDecorators(
    SetMetadata(ENROLMENT_ALLOWED, true),
    ApiExtension('x-two-factor-enrolment', true),
  );

/** Limits a route to people holding at least one of these roles; others get 403. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiExtension('x-roles', roles),
    ApiForbiddenResponse({ description: `Needs the ${roles.join(' or ')} role` }),
  );

/** Documents a controller whose routes all need a signed-in person. */
export const SignedInRoutes = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
  );

export interface SignedInRequest extends Request {
  volunteer: Volunteer;
}

/** The person the access token belongs to, loaded fresh for this request. */
export const SignedIn = createParamDecorator(
  (_: unknown, context: ExecutionContext): Volunteer =>
    context.switchToHttp().getRequest<SignedInRequest>().volunteer,
);
