import { createHash, timingSafeEqual } from 'node:crypto';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { Environment } from '../config/environment';
import { AddressList } from './address-list';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The metrics are for the operators' monitoring: only addresses in METRICS_ALLOW (this machine
 * by default) get them, and only with the METRICS_TOKEN bearer when one is set. The address is
 * the connection's own, never a forwarded header, so nobody talks their way into the list.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly allowed: AddressList;
  private readonly token?: Buffer;

  constructor(config: ConfigService<Environment, true>) {
    this.allowed = AddressList.parse(config.get('METRICS_ALLOW', { infer: true }));
    const token = config.get('METRICS_TOKEN', { infer: true });
    this.token = token ? digest(token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const address = request.socket.remoteAddress;
    if (!this.allowed.includes(address)) {
      throw new ForbiddenException(
        `Metrics are not served to ${address ?? 'this address'}: add its network to METRICS_ALLOW.`,
      );
    }
    if (!this.token) return true;
    const [scheme, given] = (request.headers.authorization ?? '').split(' ');
    // Digests of equal length, compared in constant time: the token's length leaks nothing either.
    if (scheme !== 'Bearer' || !given || !timingSafeEqual(digest(given), this.token)) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException(
        'Metrics need "Authorization: Bearer <METRICS_TOKEN>" with the token this server is set up with.',
      );
    }
    return true;
  }
}
