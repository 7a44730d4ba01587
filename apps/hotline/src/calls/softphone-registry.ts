import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';

/** Whether one of the volunteer's open consoles has a registered softphone right now. */
export type SoftphoneLookup = (volunteerId: string) => Promise<boolean>;

/**
 * Where the browser softphone can ring. It needs a Twilio API key on this server (the token
 * route refuses without one) and a console that reported its softphone registered over the
 * socket (`softphone.registered`). The registration lives on the console's socket, so it is
 * gone with the volunteer's last console; the console gateway answers the lookup, across
 * instances when there are several.
 */
@Injectable()
export class SoftphoneRegistry {
  private lookup?: SoftphoneLookup;

  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** Softphones can exist at all: the server has a Twilio API key to sign their tokens. */
  get configured(): boolean {
    return Boolean(
      this.config.get('TWILIO_ACCOUNT_SID', { infer: true }) &&
      this.config.get('TWILIO_API_KEY_SID', { infer: true }) &&
      this.config.get('TWILIO_API_KEY_SECRET', { infer: true }),
    );
  }

  attach(lookup: SoftphoneLookup): void {
    this.lookup = lookup;
  }

  /** A `<Client>` dial would ring in one of the volunteer's consoles. */
  async ready(volunteerId: string): Promise<boolean> {
    if (!this.configured || !this.lookup) return false;
    return this.lookup(volunteerId).catch(() => false);
  }
}
