import { readFileSync, writeFileSync } from 'node:fs';
import { HotlineApi } from './api';
import { TwilioSettings, TwilioSide } from './caller';
import { describeDistribution, parseDistribution } from './distributions';
import { HotlineTime } from './hotline-time';
import { runLoad } from './load';
import {
  CRISIS_TOPIC,
  DEFAULT_PROFILE,
  EveningProfile,
  defaultStaffing,
  parseSkills,
} from './profile';
import { runReplay } from './replay';
import { runTraining } from './training';
import { runVanish } from './vanish';
import { VANISH_MODES, VanishMode } from './volunteer';

const HELP = `Hotline caller simulator: plays Twilio and volunteers against a running hotline server.

  npm run callsim -- replay   [options]   replay an evening (18:00-22:00) and compare with FIFO
  npm run callsim -- vanish   [options]   the volunteers vanish mid-evening: time to a person for crisis callers
  npm run callsim -- load     [options]   many callers at once: webhook latency, TwiML check
  npm run callsim -- training --volunteer <email> [options]   one practice call

Server and Twilio (the server's own settings; environment variables as fallback):
  --server URL            the server (default http://localhost:3000)
  --public-base-url URL   its PUBLIC_BASE_URL, for signatures (default: --server)
  --account-sid SID       TWILIO_ACCOUNT_SID
  --auth-token TOKEN      TWILIO_AUTH_TOKEN
  --number NUMBER         TWILIO_PHONE_NUMBER
  --twilio-port PORT      where the simulated Twilio REST API listens; start the server with
                          TWILIO_API_BASE_URL=http://127.0.0.1:PORT (default 4010)
  --admin-email EMAIL     ADMIN_EMAIL (replay: creates the volunteers; training: rings the call)
  --admin-password PASS   ADMIN_PASSWORD
  --speed N               HOTLINE_CLOCK_SPEED the server runs at (checked; default: as the server says)

replay:
  --seed N                random seed (default 1): the same seed replays the same evening
  --start HH:mm           the hotline's local time the evening starts (default 18:00; waits for it)
  --calls-per-hour A,B,.. calls per hour from the start, one per hour (default 12,18,16,12)
  --topics k=w,k=w        topic mix (default: the reference year's)
  --patience DIST         caller patience in the queue (default exp:120)
  --talk DIST             talk time (default lognormal:600,300)
  --think DIST            a volunteer's time to accept an offer (default uniform:2,8)
  --wrap-up DIST          time to write the contact record (default uniform:20,50)
  --volunteers N          how many volunteers (default 6)
  --skills "a,b;c,d"      skill groups, cycled over the volunteers (default: a mix per topic share)
  --strategy S            set the hotline's routing strategy first (longest_idle, fewest_calls, round_robin)
  --listen P              a supervisor listens to P percent of the answered calls (default 0)
  --listen-for SECONDS    how long they listen to each (default 60)
  --skill-fallback S      set the hotline's skill window first (skillFallbackSeconds)
  --json FILE             write the results (figures, targets, every call) to FILE
      DIST: exp:MEAN | lognormal:MEAN,SD | uniform:MIN,MAX | fixed:VALUE (seconds, hotline time)

vanish (the replay's options, and):
  --vanish-after MIN      minutes into the evening the volunteers vanish (default 90)
  --stay N                volunteers who stay on duty (default 0)
  --modes a,b             how the others leave, cycled: silent (signed in, answers nothing),
                          offline (finishes the call in hand, sets offline), close (closes the
                          console) (default silent,offline,close)
  --crisis-share P        percent of callers who press the danger key (default 10)
  --supervisors N         supervisors on call with a phone (default 2)
  --silent-supervisors N  of them, how many never answer (default 1)
  --pick-up DIST          a supervisor's ring to pick-up (default uniform:4,15)
  --press DIST            from picking up to pressing 1 (default uniform:3,8)
  --crisis-hold S         a crisis caller holds at least S seconds (default 300)
  --limit S               a crisis caller must have a person within S seconds (default 60)
  --slack S               hotline seconds the clock cannot resolve (default 0.2 real s x speed)
  exit code 1 when a crisis caller had nobody within the limit

load:
  --calls N               callers (default 500)
  --within S              real seconds they arrive in (default 60)
  --holds N               hold requests per caller before hanging up (default 2)
  --json FILE

training:
  --volunteer EMAIL       whose console rings (they must be available)
  --topic KEY             top-level topic (default emotional)
  --script FILE           the caller's lines, one per line of the file
  --password PASS         sign in as the volunteer themself instead of the admin
`;

type Options = Record<string, string | true>;

function parse(argv: string[]): { command?: string; options: Options } {
  const options: Options = {};
  let command: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) options[arg.slice(2)] = true;
      else {
        options[arg.slice(2)] = next;
        index += 1;
      }
    } else if (!command) command = arg;
    else throw new Error(`unexpected argument "${arg}"`);
  }
  return { command, options };
}

const text = (options: Options, name: string, fallback?: string): string | undefined => {
  const value = options[name];
  if (value === true) throw new Error(`--${name} needs a value`);
  return value ?? fallback;
};

function number(options: Options, name: string, fallback: number): number {
  const value = text(options, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new Error(`--${name} must be a number, got "${value}"`);
  return parsed;
}

function required(options: Options, name: string, env: string): string {
  const value = text(options, name, process.env[env]);
  if (!value) throw new Error(`--${name} (or ${env}) is required`);
  return value;
}

function twilioSettings(options: Options, serverUrl: string): TwilioSettings {
  return {
    publicBaseUrl: text(
      options,
      'public-base-url',
      process.env.PUBLIC_BASE_URL ?? serverUrl,
    )!.replace(/\/$/, ''),
    accountSid: required(options, 'account-sid', 'TWILIO_ACCOUNT_SID'),
    authToken: required(options, 'auth-token', 'TWILIO_AUTH_TOKEN'),
    number: required(options, 'number', 'TWILIO_PHONE_NUMBER'),
  };
}

function profileFrom(options: Options): EveningProfile {
  const distribution = (name: string, fallback: EveningProfile['talk']) => {
    const value = text(options, name);
    return value === undefined ? fallback : parseDistribution(value);
  };
  const perHour = text(options, 'calls-per-hour');
  const topics = text(options, 'topics');
  const skills = text(options, 'skills');
  const count = number(options, 'volunteers', skills ? parseSkills(skills).length : 6);
  const groups = skills ? parseSkills(skills) : defaultStaffing(count);
  return {
    callsPerHour: perHour ? perHour.split(',').map(Number) : DEFAULT_PROFILE.callsPerHour,
    topicMix: topics
      ? Object.fromEntries(
          topics.split(',').map((pair) => {
            const [key, weight] = pair.split('=');
            if (!key || !(Number(weight) >= 0))
              throw new Error(`--topics: "${pair}" is not key=weight`);
            return [key.trim(), Number(weight)];
          }),
        )
      : DEFAULT_PROFILE.topicMix,
    patience: distribution('patience', DEFAULT_PROFILE.patience),
    talk: distribution('talk', DEFAULT_PROFILE.talk),
    think: distribution('think', DEFAULT_PROFILE.think),
    wrapUp: distribution('wrap-up', DEFAULT_PROFILE.wrapUp),
    volunteers: Array.from({ length: count }, (_, index) => groups[index % groups.length]),
  };
}

/** The profile with `percent` of the callers pressing the danger key, the other topics scaled. */
function withCrisisShare(profile: EveningProfile, percent: number): EveningProfile {
  const others = Object.entries(profile.topicMix).filter(([key]) => key !== CRISIS_TOPIC);
  const total = others.reduce((sum, [, weight]) => sum + weight, 0);
  return {
    ...profile,
    topicMix: {
      ...Object.fromEntries(
        others.map(([key, weight]) => [key, (weight / total) * (100 - percent)]),
      ),
      [CRISIS_TOPIC]: percent,
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { command, options } = parse(argv);
  if (options.help || !command) {
    process.stdout.write(HELP);
    return command || options.help ? 0 : 2;
  }
  const serverUrl = text(options, 'server', 'http://localhost:3000')!.replace(/\/$/, '');
  const speedOption = text(options, 'speed', process.env.HOTLINE_CLOCK_SPEED);
  const speed = speedOption === undefined ? undefined : Number(speedOption);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const json = text(options, 'json');

  const replayOptions = (
    side: TwilioSide,
    profile: EveningProfile,
    say: (line: string) => void,
  ) => ({
    serverUrl,
    twilio: twilioSettings(options, serverUrl),
    twilioSide: side,
    admin: {
      email: required(options, 'admin-email', 'ADMIN_EMAIL'),
      password: required(options, 'admin-password', 'ADMIN_PASSWORD'),
    },
    profile,
    seed: number(options, 'seed', 1),
    speed,
    strategy: text(options, 'strategy') as 'longest_idle' | undefined,
    startTime: text(options, 'start'),
    skillFallbackSeconds:
      text(options, 'skill-fallback') === undefined
        ? undefined
        : number(options, 'skill-fallback', 30),
    progress: say,
    ...(number(options, 'listen', 0) > 0
      ? {
          listen: {
            sample: Math.min(100, number(options, 'listen', 0)) / 100,
            seconds: number(options, 'listen-for', 60),
          },
        }
      : {}),
  });
  const startSide = async (profile: EveningProfile) => {
    const side = new TwilioSide(twilioSettings(options, serverUrl));
    const apiBase = await side.start(number(options, 'twilio-port', 4010));
    say(`simulated Twilio REST API at ${apiBase} (the server's TWILIO_API_BASE_URL)`);
    say(
      `profile: ${profile.callsPerHour.join('/')} calls per hour; patience ${describeDistribution(profile.patience)}; talk ${describeDistribution(profile.talk)}; think ${describeDistribution(profile.think)}; wrap-up ${describeDistribution(profile.wrapUp)}`,
    );
    return side;
  };

  if (command === 'replay') {
    const profile = profileFrom(options);
    const side = await startSide(profile);
    try {
      const result = await runReplay(replayOptions(side, profile, say));
      say('');
      say(result.table);
      say('');
      for (const target of result.targets)
        say(`${target.met ? 'met   ' : 'MISSED'} ${target.name}: ${target.detail}`);
      if (result.listener)
        say(
          `a supervisor listened to ${result.listened.filter((one) => one.result === 'listened').length} calls (${result.listened.filter((one) => one.result === 'refused').length} had ended first)`,
        );
      const failed = result.records.filter((record) => record.outcome === 'failed');
      for (const record of failed.slice(0, 5))
        say(`call ${record.index} failed: ${record.failure}`);
      if (json) writeFileSync(json, JSON.stringify({ profile, ...result }, null, 2));
      return failed.length > 0 ? 1 : 0;
    } finally {
      await side.stop();
    }
  }

  if (command === 'vanish') {
    const profile = withCrisisShare(profileFrom(options), number(options, 'crisis-share', 10));
    const side = await startSide(profile);
    const count = number(options, 'supervisors', 2);
    const silent = number(options, 'silent-supervisors', Math.min(1, count - 1));
    const pickUp = parseDistribution(text(options, 'pick-up', 'uniform:4,15')!);
    const press = parseDistribution(text(options, 'press', 'uniform:3,8')!);
    const modes = (text(options, 'modes', VANISH_MODES.join(','))!.split(',') as VanishMode[]).map(
      (mode) => {
        if (!VANISH_MODES.includes(mode))
          throw new Error(`--modes: "${mode}" is not one of ${VANISH_MODES.join(', ')}`);
        return mode;
      },
    );
    try {
      const base = replayOptions(side, profile, say);
      const time = await HotlineTime.sync(serverUrl, speed);
      const result = await runVanish({
        ...base,
        vanishAfterMinutes: number(options, 'vanish-after', 90),
        stay: number(options, 'stay', 0),
        modes,
        // The last `silent` supervisors never answer.
        supervisors: Array.from({ length: count }, (_, index) => ({
          answers: index < count - silent,
          pickUp,
          press,
        })),
        crisisHoldSeconds: number(options, 'crisis-hold', 300),
        limitSeconds: number(options, 'limit', 60),
        slackSeconds: number(options, 'slack', Math.round(0.2 * time.speed * 10) / 10),
      });
      say('');
      say(result.report);
      const failed = result.replay.records.filter((record) => record.outcome === 'failed');
      for (const record of failed.slice(0, 5))
        say(`call ${record.index} failed: ${record.failure}`);
      if (json) writeFileSync(json, JSON.stringify({ profile, ...result }, null, 2));
      return result.failures.length > 0 || failed.length > 0 ? 1 : 0;
    } finally {
      await side.stop();
    }
  }

  if (command === 'load') {
    const twilio = twilioSettings(options, serverUrl);
    const port = text(options, 'twilio-port');
    const side = port ? new TwilioSide(twilio) : undefined;
    if (side) await side.start(Number(port));
    try {
      const result = await runLoad({
        serverUrl,
        twilio,
        calls: number(options, 'calls', 500),
        withinSeconds: number(options, 'within', 60),
        holds: number(options, 'holds', 2),
      });
      say(
        `${result.calls} callers, ${result.webhooks} webhooks (${result.queued} queued, ${result.refused} refused as queue full)`,
      );
      say(
        `webhook latency: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
      );
      say(
        `answers not 200: ${result.notOk}; not valid TwiML: ${result.notTwiml}; calls that could not be played: ${result.failedCalls}`,
      );
      if (json) writeFileSync(json, JSON.stringify(result, null, 2));
      return result.notOk + result.notTwiml + result.failedCalls > 0 ? 1 : 0;
    } finally {
      await side?.stop();
    }
  }

  if (command === 'training') {
    const volunteer = required(options, 'volunteer', 'CALLSIM_VOLUNTEER');
    const password = text(options, 'password');
    const api = password
      ? await HotlineApi.signIn(serverUrl, volunteer, password)
      : await HotlineApi.signIn(
          serverUrl,
          required(options, 'admin-email', 'ADMIN_EMAIL'),
          required(options, 'admin-password', 'ADMIN_PASSWORD'),
        );
    const scriptFile = text(options, 'script');
    const call = await runTraining({
      api,
      time: await HotlineTime.sync(serverUrl, speed),
      volunteerEmail: volunteer,
      topic: text(options, 'topic'),
      script: scriptFile
        ? readFileSync(scriptFile, 'utf8')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : undefined,
      say,
    });
    if (json) writeFileSync(json, JSON.stringify(call, null, 2));
    return call.outcome === 'answered' ? 0 : 1;
  }

  throw new Error(`unknown command "${command}": replay, load or training (see --help)`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`callsim: ${error.message}\n`);
      process.exit(2);
    },
  );
}
