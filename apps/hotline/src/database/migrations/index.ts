import { Foundation1764000000000 } from './1764000000000-foundation';
import { Calls1764100000000 } from './1764100000000-calls';
import { Contacts1764200000000 } from './1764200000000-contacts';
import { Statistics1764300000000 } from './1764300000000-statistics';
import { Shifts1764400000000 } from './1764400000000-shifts';
import { MonthlyStatistics1764450000000 } from './1764450000000-monthly-statistics';
import { Bookings1764500000000 } from './1764500000000-bookings';
import { TrainingCalls1764600000000 } from './1764600000000-training-calls';
import { SayVoice1764700000000 } from './1764700000000-say-voice';
import { CrisisForwarding1764800000000 } from './1764800000000-crisis-forwarding';
import { Voicemail1764810000000 } from './1764810000000-voicemail';
import { CrisisAlerts1764820000000 } from './1764820000000-crisis-alerts';
import { SessionVersions1764830000000 } from './1764830000000-session-versions';
import { Greetings1764900000000 } from './1764900000000-greetings';
import { CallLiveness1764845000000 } from './1764845000000-call-liveness';
import { RoutingEpoch1764950000000 } from './1764950000000-routing-epoch';
import { TwoFactor1764960000000 } from './1764960000000-two-factor';
import { Callers1765010000000 } from './1765010000000-callers';
import { Conferences1765100000000 } from './1765100000000-conferences';
import { CallPanel1765200000000 } from './1765200000000-call-panel';
import { Units1765300000000 } from './1765300000000-units';
import { Imports1765310000000 } from './1765310000000-imports';
import { Chats1765700000000 } from './1765700000000-chats';
import { CrisisDesk1765720000000 } from './1765720000000-crisis-desk';
import { CaseReview1765721000000 } from './1765721000000-case-review';
import { CallbackDesk1765730000000 } from './1765730000000-callback-desk';
import { PresenceSeek1765800000000 } from './1765800000000-presence-seek';

/** Every migration, oldest first. Listed explicitly so the app, the CLI and tests run the same set. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Calls1764100000000,
  Contacts1764200000000,
  Statistics1764300000000,
  Shifts1764400000000,
  MonthlyStatistics1764450000000,
  Bookings1764500000000,
  TrainingCalls1764600000000,
  SayVoice1764700000000,
  CrisisForwarding1764800000000,
  Voicemail1764810000000,
  CrisisAlerts1764820000000,
  SessionVersions1764830000000,
  CallLiveness1764845000000,
  Greetings1764900000000,
  RoutingEpoch1764950000000,
  TwoFactor1764960000000,
  Callers1765010000000,
  Conferences1765100000000,
  CallPanel1765200000000,
  Units1765300000000,
  Imports1765310000000,
  Chats1765700000000,
  CrisisDesk1765720000000,
  CaseReview1765721000000,
  CallbackDesk1765730000000,
  PresenceSeek1765800000000,
];
