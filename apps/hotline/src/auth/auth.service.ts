import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { PasswordHasher } from '../common/password-hasher';
import { Environment } from '../config/environment';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteersService } from '../volunteers/volunteers.service';
import { SignInView } from './dto/login.dto';
import { SignInAttempts, SignInThrottle } from './sign-in-attempts';
import { SharedSignInAttempts } from './shared-sign-in-attempts';
import { Cluster } from '../instances/cluster';
import { Observable } from 'rxjs';
import { SessionRevocations } from '../volunteers/session-revocations';
import { TwoFactorService } from './two-factor.service';

interface AccessTokenClaims {
  sub: string;
  /** The person's session version when the token was issued; a newer one ends the token. */
  ver: number;
  iat: number;
  exp: number;
  /** Present on a token that only lets its holder enrol in two-factor sign-in. */
  tfa?: typeof ENROLMENT_ONLY;
}

/** The claim of a token issued to someone who must enrol before doing anything else. */
const ENROLMENT_ONLY = 'enrol';

/** A signed-in person, and whether their token only lets them enrol in two-factor sign-in. */
export interface TokenHolder {
  volunteer: Volunteer;
  enrolmentOnly: boolean;
}

const WRONG_CREDENTIALS = 'Email or password is wrong.';
/** The `reason` of the 401 that asks for a code: clients show the code field on it. */
export const CODE_NEEDED = 'two_factor_code_needed';
export const ENROL_FIRST =
  'Your role must sign in with a two-factor code: enrol first (POST /api/me/two-factor, then confirm with a code), then use the token that returns.';
const INVALID_TOKEN = 'Your sign-in has expired or is not valid; sign in again.';

@Injectable()
export class AuthService {
  private readonly attempts: SignInThrottle;

  constructor(
    private readonly volunteers: VolunteersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Environment, true>,
    @InjectClock() private readonly clock: Clock,
    private readonly revocations: SessionRevocations,
    private readonly twoFactor: TwoFactorService,
    @Optional() cluster?: Cluster,
  ) {
    // With several instances the failures are counted in Redis, shared by all of them.
    this.attempts = cluster?.enabled
      ? new SharedSignInAttempts(() => cluster.redis, cluster.key('auth'), clock)
      : new SignInAttempts(clock);
  }

  /** Ids of people whose sessions just ended: their open consoles must close. */
  get sessionsEnded$(): Observable<string> {
    return this.revocations.ended$;
  }

  /** Signs this person out everywhere: every token issued to them stops working at once. */
  signOut(volunteer: Volunteer): Promise<void> {
    return this.volunteers.endSessions(volunteer.id);
  }

  /** Unknown email, deactivated account and wrong password all get the same answer, as slowly. */
  async signIn(
    email: string,
    password: string,
    address: string,
    code?: string,
  ): Promise<SignInView> {
    const blockedFor = await this.attempts.blockedForMinutes(email, address);
    if (blockedFor > 0) {
      throw new HttpException(
        `Too many failed sign-ins. Try again in ${blockedFor} minute${blockedFor > 1 ? 's' : ''}, or ask a coordinator to reset your password.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const volunteer = await this.volunteers.findForSignIn(email);
    const valid =
      volunteer && volunteer.active
        ? await this.hasher.verify(volunteer.passwordHash, password)
        : await this.hasher.verifyNobody(password);
    if (!volunteer || !valid) {
      await this.attempts.recordFailure(email, address);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    if (volunteer.twoFactorEnabledAt) {
      if (!code) {
        throw new UnauthorizedException({
          statusCode: 401,
          error: 'Unauthorized',
          reason: CODE_NEEDED,
          message:
            'A two-factor code is needed: send the 6-digit code from your authenticator app as "code", with your email and password.',
        });
      }
      const refusal = await this.twoFactor.useCode(volunteer.id, code);
      if (refusal) {
        await this.attempts.recordFailure(email, address);
        throw new UnauthorizedException(
          refusal === 'used'
            ? 'This code has been used already; wait for the next one in your authenticator app.'
            : 'The two-factor code is wrong or has expired; try the one your authenticator app shows now.',
        );
      }
    }
    await this.attempts.recordSuccess(email, address);
    const enrolmentOnly =
      !volunteer.twoFactorEnabledAt && (await this.twoFactor.required(volunteer));
    return this.issue(volunteer, volunteer.sessionVersion, enrolmentOnly);
  }

  /**
   * A full token for a person who has just confirmed two-factor sign-in (their token may have
   * been one that only let them enrol).
   */
  async afterEnrolment(volunteerId: string): Promise<SignInView> {
    const volunteer = await this.volunteers.findActive(volunteerId);
    if (!volunteer)
      throw new UnauthorizedException('This account is deactivated; ask a coordinator.');
    return this.issue(volunteer, volunteer.sessionVersion, false);
  }

  private async issue(
    volunteer: Volunteer,
    sessionVersion: number,
    enrolmentOnly: boolean,
  ): Promise<SignInView> {
    const ttlMinutes = this.config.get('ACCESS_TOKEN_TTL_MINUTES', { infer: true });
    const issuedAt = Math.floor(this.clock.now().toSeconds());
    const claims: Omit<AccessTokenClaims, 'exp'> = {
      sub: volunteer.id,
      ver: sessionVersion,
      iat: issuedAt,
      ...(enrolmentOnly ? { tfa: ENROLMENT_ONLY } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttlMinutes * 60 });
    return {
      accessToken,
      expiresAt: this.clock.now().plus({ minutes: ttlMinutes }).toISO()!,
      twoFactorEnrolmentRequired: enrolmentOnly,
      volunteer: this.volunteers.toView(volunteer),
    };
  }

  /**
   * The signed-in person for a token, looked up on every request so that deactivation, role
   * changes and ended sessions apply at once, on every instance (the session version lives in
   * the database; the row is read anyway). Expiry is checked against the hotline clock, and a
   * token without one, or without a session version, is refused. So is a token that only lets
   * its holder enrol in two-factor sign-in: use `holderOfToken` where such a token may serve.
   */
  async volunteerForToken(token: string): Promise<Volunteer> {
    const { volunteer, enrolmentOnly } = await this.holderOfToken(token);
    if (enrolmentOnly) throw new ForbiddenException(ENROL_FIRST);
    return volunteer;
  }

  /** The person a token belongs to, and whether the token only lets them enrol. */
  async holderOfToken(token: string): Promise<TokenHolder> {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().toSeconds()),
      });
    } catch {
      throw new UnauthorizedException(INVALID_TOKEN);
    }
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.exp !== 'number' ||
      !Number.isInteger(claims.ver)
    )
      throw new UnauthorizedException(INVALID_TOKEN);
    const volunteer = await this.volunteers.findActive(claims.sub);
    if (!volunteer)
      throw new UnauthorizedException('This account is deactivated; ask a coordinator.');
    if (volunteer.sessionVersion !== claims.ver)
      throw new UnauthorizedException(
        'This sign-in has ended (signed out, or the password changed); sign in again.',
      );
    // Checked here and carried no further, so that no later save writes back a stale version.
    delete (volunteer as Partial<Volunteer>).sessionVersion;
    return { volunteer, enrolmentOnly: claims.tfa === ENROLMENT_ONLY };
  }
}
