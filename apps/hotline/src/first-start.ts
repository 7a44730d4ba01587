import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment, isTelephonyConfigured } from './config/environment';
import { HotlinesService } from './hotlines/hotlines.service';
import { VolunteersService } from './volunteers/volunteers.service';

/** What a fresh installation needs before anyone can sign in: a hotline and, if configured, an admin. */
@Injectable()
export class FirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Hotline');

  constructor(
    private readonly hotlines: HotlinesService,
    private readonly volunteers: VolunteersService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const hotline = await this.hotlines.ensureDefault(
      this.config.get('HOTLINE_TIMEZONE', { infer: true }),
    );
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (email && password) await this.volunteers.ensureAdmin(email, password, hotline);
    if (!isTelephonyConfigured(this.config)) {
      this.logger.warn(
        'Telephony is off: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER to take calls.',
      );
    }
  }
}
