import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { PasswordHasher } from '../common/password-hasher';
import { Environment } from '../config/environment';
import { Volunteer } from '../volunteers/volunteer.entity';
import { VolunteersService } from '../volunteers/volunteers.service';
import { SignInView } from './dto/login.dto';
import { SignInAttempts } from './sign-in-attempts';

interface AccessTokenClaims {
  sub: string;
}

const WRONG_CREDENTIALS = 'Email or password is wrong.';

@Injectable()
export class AuthService {
  private readonly attempts: SignInAttempts;

  constructor(
    private readonly volunteers: VolunteersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Environment, true>,
    @InjectClock() private readonly clock: Clock,
  ) {
    this.attempts = new SignInAttempts(clock);
  }

  /** Unknown email, deactivated account and wrong password all get the same answer, as slowly. */
  async signIn(email: string, password: string, address: string): Promise<SignInView> {
    const blockedFor = this.attempts.blockedForMinutes(email, address);
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
      this.attempts.recordFailure(email, address);
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    this.attempts.recordSuccess(email, address);

    const ttlMinutes = this.config.get('ACCESS_TOKEN_TTL_MINUTES', { infer: true });
    const issuedAt = Math.floor(this.clock.now().toSeconds());
    const claims: AccessTokenClaims & { iat: number } = { sub: volunteer.id, iat: issuedAt };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttlMinutes * 60 });
    return {
      accessToken,
      expiresAt: this.clock.now().plus({ minutes: ttlMinutes }).toISO()!,
      volunteer: this.volunteers.toView(volunteer),
    };
  }

  /**
   * The signed-in person for a token, looked up on every request so that deactivation and
   * role changes apply at once. Expiry is checked against the hotline clock.
   */
  async volunteerForToken(token: string): Promise<Volunteer> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().toSeconds()),
      });
    } catch {
      throw new UnauthorizedException('Your sign-in has expired or is not valid; sign in again.');
    }
    const volunteer = await this.volunteers.findActive(claims.sub);
    if (!volunteer)
      throw new UnauthorizedException('This account is deactivated; ask a coordinator.');
    return volunteer;
  }
}
