import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../volunteers/volunteer.entity';
import { ENROLMENT_ALLOWED, IS_PUBLIC, REQUIRED_ROLES, SignedInRequest } from './access.decorators';
import { AuthService, ENROL_FIRST } from './auth.service';

/**
 * Runs before every HTTP route: no route is open unless it says `@Public()`. Checks the
 * bearer token, loads the person, then the roles the route asks for.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (
      context.getType() !== 'http' ||
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)
    )
      return true;

    const request = context.switchToHttp().getRequest<SignedInRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException(
        'Sign in first, then send "Authorization: Bearer <accessToken>".',
      );
    }
    const { volunteer, enrolmentOnly } = await this.auth.holderOfToken(token);
    if (enrolmentOnly && !this.reflector.getAllAndOverride<boolean>(ENROLMENT_ALLOWED, targets))
      throw new ForbiddenException(ENROL_FIRST);
    request.volunteer = volunteer;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !request.volunteer.hasRole(...roles)) {
      throw new ForbiddenException(`This needs the ${roles.join(' or ')} role.`);
    }
    return true;
  }
}
