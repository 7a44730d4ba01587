/**
 * The coordinators' setup screens: their calls to the API, and the rules the screens follow
 * (who sees which control, what a form sends). The server checks every one of them again.
 */
import type { components } from '@hotline/api-types';
import { secondLanguage } from '@hotline/chat-protocol';
import { callApi } from './api';

type Schemas = components['schemas'];
export type VolunteerView = Schemas['VolunteerView'];
export type VolunteerPage = Schemas['VolunteerPage'];
export type ShiftTemplateView = Schemas['ShiftTemplateView'];
export type ShiftTemplateBody = Schemas['ShiftTemplateDto'];
export type GenerateResult = Schemas['GenerateResult'];
export type HotlineView = Schemas['HotlineView'];
export type HotlineChanges = Schemas['UpdateHotlineDto'];
export type TimeRange = Schemas['TimeRangeDto'];
export type Closure = Schemas['ClosureDto'];
export type RoutingSettings = Schemas['RoutingSettingsView'];
export type PartnerView = Schemas['PartnerView'];
export type RoomView = Schemas['RoomView'];
export type AvailabilityView = Schemas['AvailabilityView'];
export type BookingSettingsView = Schemas['BookingSettingsView'];
export type ShiftView = Schemas['ShiftView'];
export type SignupView = Schemas['SignupView'];
export type Role = VolunteerView['roles'][number];
export type ExpertKind = VolunteerView['expertKind'];

export const ROLES: Role[] = ['volunteer', 'supervisor', 'coordinator', 'admin'];
export const EXPERT_KINDS: ExpertKind[] = [
  'school_teacher',
  'university',
  'hospital',
  'counsellor',
  'trainee',
];
export const ANSWER_CHANNELS: VolunteerView['answerBy'][] = ['browser', 'phone'];
export const PARTNER_KINDS: PartnerView['kind'][] = ['hospital', 'service'];
export const ROUTING_STRATEGIES: RoutingSettings['strategy'][] = [
  'longest_idle',
  'fewest_calls',
  'round_robin',
];
/** The opening-hours keys, Monday first (ISO weekday = index + 1). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const GREETING_KEYS = [
  'welcome',
  'callerMenu',
  'topicMenu',
  'holdOn',
  'crisisHoldOn',
  'closed',
  'goodbye',
] as const;

/** The sub-screens of Setup, in the order of its navigation. */
export const SETUP_SCREENS = [
  'volunteers',
  'shifts',
  'attendance',
  'hotline',
  'partners',
  'rooms',
  'booking',
  'retention',
] as const;
export type SetupScreen = (typeof SETUP_SCREENS)[number];

/** Setup is for the people who run a hotline: its coordinators, and admins. */
export const seesSetup = (roles: readonly string[]): boolean =>
  roles.includes('coordinator') || roles.includes('admin');

const STAFF_ROLES: Role[] = ['volunteer', 'supervisor'];

/** The roles a person may give: an admin any; a coordinator volunteers' and supervisors'. */
export const grantableRoles = (roles: readonly string[]): Role[] =>
  roles.includes('admin') ? ROLES : STAFF_ROLES;

/** Whether the person may change this profile: a coordinator or admin's takes an admin. */
export const mayManage = (roles: readonly string[], target: Pick<VolunteerView, 'roles'>) =>
  roles.includes('admin') || target.roles.every((role) => STAFF_ROLES.includes(role));

/** What identifies a hotline or guards its sign-ins: an admin's to change. */
export const ADMIN_HOTLINE_FIELDS = [
  'name',
  'phoneNumber',
  'timeZone',
  'locale',
  'requireTwoFactorFor',
] as const;

/** The server's messages for a field and the fields within it (`routing` takes `routing.*`). */
export function messagesFor(
  fields: Record<string, string[]> | undefined,
  path: string,
  exact = false,
): string[] {
  if (!fields) return [];
  return Object.entries(fields)
    .filter(([key]) => key === path || (!exact && key.startsWith(`${path}.`)))
    .flatMap(([, messages]) => messages);
}

// ---- volunteers ----

export const VOLUNTEER_PAGE_SIZE = 50;

export interface VolunteerFilter {
  q: string;
  role: Role | '';
  /** 'true': active only; 'false': deactivated only; '': both. */
  active: '' | 'true' | 'false';
  page: number;
}

export const NO_FILTER: VolunteerFilter = { q: '', role: '', active: 'true', page: 0 };

/** One page of the list: the server filters and pages, so 500 people cost one page's rows. */
export function volunteerListPath(
  filter: VolunteerFilter,
  hotlineId: string | null,
  size = VOLUNTEER_PAGE_SIZE,
): string {
  const query = new URLSearchParams({
    limit: String(size),
    offset: String(filter.page * size),
  });
  if (hotlineId) query.set('hotlineId', hotlineId);
  if (filter.q.trim()) query.set('q', filter.q.trim());
  if (filter.role) query.set('role', filter.role);
  if (filter.active) query.set('active', filter.active);
  return `/api/volunteers?${query.toString()}`;
}

/** The editor's fields, as typed. */
export interface VolunteerForm {
  name: string;
  email: string;
  /** A new person's first password; empty when editing. */
  password: string;
  /** Typed to set or replace the number; empty keeps the one on file. */
  phone: string;
  removePhone: boolean;
  expertKind: ExpertKind;
  topicSkills: string[];
  /** Language tags, comma-separated. */
  languages: string;
  roles: Role[];
  hotlineIds: string[];
  answerBy: VolunteerView['answerBy'];
  softphoneIdentity: string;
}

export function volunteerForm(view: VolunteerView | null, hotlineId: string | null): VolunteerForm {
  return {
    name: view?.name ?? '',
    email: view?.email ?? '',
    password: '',
    phone: '',
    removePhone: false,
    expertKind: view?.expertKind ?? 'counsellor',
    topicSkills: view?.topicSkills ?? [],
    languages: (view?.languages ?? ['zh-CN']).join(', '),
    roles: view?.roles ?? ['volunteer'],
    hotlineIds: view?.hotlineIds ?? (hotlineId ? [hotlineId] : []),
    answerBy: view?.answerBy ?? 'browser',
    softphoneIdentity: view?.softphoneIdentity ?? '',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

const tags = (text: string) =>
  text
    .split(/[,，\s]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);

/**
 * What the editor sends: everything for a new person; for someone already there only what
 * changed, so a coordinator never re-sends (and is never refused for) what they did not touch.
 */
export function volunteerBody(
  form: VolunteerForm,
  editing: VolunteerView | null,
): Record<string, unknown> {
  const phone = form.removePhone ? null : form.phone.trim() || undefined;
  const all: Record<string, unknown> = {
    name: form.name,
    email: form.email,
    expertKind: form.expertKind,
    topicSkills: form.topicSkills,
    languages: tags(form.languages),
    roles: form.roles,
    hotlineIds: form.hotlineIds,
    answerBy: form.answerBy,
    ...(form.softphoneIdentity.trim() ? { softphoneIdentity: form.softphoneIdentity.trim() } : {}),
    ...(phone === undefined ? {} : { phone }),
  };
  if (!editing) return { ...all, password: form.password };
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    const before = (editing as unknown as Record<string, unknown>)[key];
    const same =
      Array.isArray(value) && Array.isArray(before)
        ? sameSet(value as string[], before as string[])
        : value === before;
    if (!same) changed[key] = value;
  }
  if (phone === null && !editing.hasPhone) delete changed.phone;
  return changed;
}

export const loadVolunteers = (
  accessToken: string,
  filter: VolunteerFilter,
  hotlineId: string | null,
  signal?: AbortSignal,
  size?: number,
) => callApi<VolunteerPage>(accessToken, volunteerListPath(filter, hotlineId, size), { signal });

/** The most people one list answer holds (the server's limit). */
export const LONGEST_LIST = 200;

export const saveVolunteer = (
  accessToken: string,
  id: string | null,
  body: Record<string, unknown>,
) =>
  callApi<VolunteerView>(
    accessToken,
    id ? `/api/volunteers/${encodeURIComponent(id)}` : '/api/volunteers',
    { method: id ? 'PATCH' : 'POST', body },
  );

export const resetPassword = (accessToken: string, id: string, password: string) =>
  callApi<void>(accessToken, `/api/volunteers/${encodeURIComponent(id)}/password`, {
    method: 'PUT',
    body: { password },
  });

// ---- shifts ----

const withHotline = (path: string, hotlineId: string | null) =>
  hotlineId
    ? `${path}${path.includes('?') ? '&' : '?'}hotlineId=${encodeURIComponent(hotlineId)}`
    : path;

export const loadTemplates = (
  accessToken: string,
  hotlineId: string | null,
  signal?: AbortSignal,
) =>
  callApi<ShiftTemplateView[]>(accessToken, withHotline('/api/shift-templates', hotlineId), {
    signal,
  });

export interface TemplateForm {
  name: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  volunteersNeeded: string;
  supervisorsNeeded: string;
  validFrom: string;
  validTo: string;
}

export const templateForm = (view: ShiftTemplateView | null): TemplateForm => ({
  name: view?.name ?? '',
  weekdays: view?.weekdays ?? [1, 2, 3, 4, 5, 6, 7],
  startTime: view?.startTime ?? '18:00',
  endTime: view?.endTime ?? '20:00',
  volunteersNeeded: String(view?.volunteersNeeded ?? 2),
  supervisorsNeeded: String(view?.supervisorsNeeded ?? 1),
  validFrom: view?.validFrom ?? '',
  validTo: view?.validTo ?? '',
});

/** A number field as sent: a number, or null when cleared (the server names the field). */
export const numberOrNull = (text: string): number | null =>
  text.trim() === '' ? null : Number(text);

export function templateBody(form: TemplateForm, hotlineId: string | null, creating: boolean) {
  return {
    name: form.name,
    weekdays: [...form.weekdays].sort((a, b) => a - b),
    startTime: form.startTime,
    endTime: form.endTime,
    volunteersNeeded: numberOrNull(form.volunteersNeeded),
    supervisorsNeeded: numberOrNull(form.supervisorsNeeded),
    ...(form.validFrom ? { validFrom: form.validFrom } : {}),
    ...(form.validTo ? { validTo: form.validTo } : {}),
    ...(creating && hotlineId ? { hotlineId } : {}),
  };
}

export const saveTemplate = (
  accessToken: string,
  id: string | null,
  body: Record<string, unknown>,
) =>
  callApi<ShiftTemplateView>(
    accessToken,
    id ? `/api/shift-templates/${encodeURIComponent(id)}` : '/api/shift-templates',
    { method: id ? 'PATCH' : 'POST', body },
  );

export const generateShifts = (
  accessToken: string,
  body: { from: string; to: string; hotlineId?: string },
) => callApi<GenerateResult>(accessToken, '/api/shifts/generate', { method: 'POST', body });

export const correctAttendance = (
  accessToken: string,
  shiftId: string,
  volunteerId: string,
  body: { attended: boolean; minutesLate?: number | null },
) =>
  callApi<void>(
    accessToken,
    `/api/shifts/${encodeURIComponent(shiftId)}/signups/${encodeURIComponent(volunteerId)}/attendance`,
    { method: 'PUT', body },
  );

// ---- the hotline's settings ----

export const loadHotline = (accessToken: string, hotlineId: string, signal?: AbortSignal) =>
  callApi<HotlineView>(accessToken, `/api/hotlines/${encodeURIComponent(hotlineId)}`, { signal });

export const saveHotline = (accessToken: string, hotlineId: string, body: HotlineChanges) =>
  callApi<HotlineView>(accessToken, `/api/hotlines/${encodeURIComponent(hotlineId)}`, {
    method: 'PATCH',
    body,
  });

/** The settings form as typed: numbers as text, prompts as URLs ('' = spoken). */
export interface HotlineForm {
  name: string;
  phoneNumber: string;
  timeZone: string;
  locale: HotlineView['locale'];
  requireTwoFactorFor: Role[];
  openingHours: Record<Weekday, TimeRange[]>;
  closures: Closure[];
  closedMessage: string;
  routing: Record<keyof RoutingSettings, string>;
  sayVoice: string;
  sayLanguage: string;
  greetings: Record<(typeof GREETING_KEYS)[number], string>;
  withdrawCutoffHours: string;
  /** The live chat's settings: canned replies one a line per language, the idle timers. */
  chat: {
    cannedReplies: Record<HotlineView['locale'], string>;
    idleCheckSeconds: string;
    idleEndSeconds: string;
  };
}

const replyLines = (text: string) =>
  text
    .split('\n')
    .map((reply) => reply.trim())
    .filter(Boolean);

export function hotlineForm(view: HotlineView): HotlineForm {
  const routing = Object.fromEntries(
    Object.entries(view.routing).map(([key, value]) => [key, String(value)]),
  ) as HotlineForm['routing'];
  return {
    name: view.name,
    phoneNumber: view.phoneNumber ?? '',
    timeZone: view.timeZone,
    locale: view.locale,
    requireTwoFactorFor: view.requireTwoFactorFor,
    openingHours: Object.fromEntries(
      WEEKDAYS.map((day) => [day, view.openingHours[day].map((range) => ({ ...range }))]),
    ) as HotlineForm['openingHours'],
    closures: view.closures.map((closure) => ({ ...closure })),
    closedMessage: view.closedMessage,
    routing,
    sayVoice: view.sayVoice,
    sayLanguage: view.sayLanguage,
    greetings: Object.fromEntries(
      GREETING_KEYS.map((key) => [key, view.greetings[key] ?? '']),
    ) as HotlineForm['greetings'],
    withdrawCutoffHours: String(view.withdrawCutoffHours),
    chat: {
      // By language, as the coordinator reads them: a new locale does not move them.
      cannedReplies: {
        [view.locale]: view.chat.cannedReplies.join('\n'),
        [secondLanguage(view.locale)]: view.chat.secondLanguageCannedReplies.join('\n'),
      } as HotlineForm['chat']['cannedReplies'],
      idleCheckSeconds: String(view.chat.idleCheckSeconds),
      idleEndSeconds: String(view.chat.idleEndSeconds),
    },
  };
}

/**
 * The PATCH body of the settings form. A coordinator's leaves out what only an admin may
 * change; voice and language go only when changed (the server checks them as a pair);
 * a prompt emptied is spoken again (null).
 */
export function hotlineBody(
  form: HotlineForm,
  before: HotlineView,
  admin: boolean,
): HotlineChanges {
  const routing = Object.fromEntries(
    Object.entries(form.routing).map(([key, value]) => [
      key,
      key === 'strategy' || key === 'crisisLine' ? value : numberOrNull(value),
    ]),
  );
  const greetings: Record<string, string | null> = {};
  for (const key of GREETING_KEYS) {
    const url = form.greetings[key].trim();
    if (url && url !== before.greetings[key]) greetings[key] = url;
    else if (!url && before.greetings[key]) greetings[key] = null;
  }
  const voiceChanged = form.sayVoice !== before.sayVoice || form.sayLanguage !== before.sayLanguage;
  const body = {
    openingHours: form.openingHours,
    closures: form.closures.map((closure) =>
      closure.reason?.trim() ? closure : { date: closure.date },
    ),
    closedMessage: form.closedMessage,
    routing,
    withdrawCutoffHours: numberOrNull(form.withdrawCutoffHours),
    // The server reads the lists as the (new) locale's own and the other's.
    chat: {
      cannedReplies: replyLines(form.chat.cannedReplies[form.locale]),
      secondLanguageCannedReplies: replyLines(form.chat.cannedReplies[secondLanguage(form.locale)]),
      idleCheckSeconds: numberOrNull(form.chat.idleCheckSeconds),
      idleEndSeconds: numberOrNull(form.chat.idleEndSeconds),
    },
    ...(voiceChanged ? { sayVoice: form.sayVoice, sayLanguage: form.sayLanguage } : {}),
    ...(Object.keys(greetings).length ? { greetings } : {}),
    ...(admin
      ? {
          name: form.name,
          ...(form.phoneNumber.trim() ? { phoneNumber: form.phoneNumber.trim() } : {}),
          timeZone: form.timeZone,
          locale: form.locale,
          requireTwoFactorFor: form.requireTwoFactorFor,
        }
      : {}),
  };
  // Numbers left empty go as null: the server then names the field that needs one.
  return body as unknown as HotlineChanges;
}

// ---- partners, rooms, experts' availability, booking rules, retention ----

export const loadPartners = (accessToken: string, hotlineId: string | null, signal?: AbortSignal) =>
  callApi<PartnerView[]>(accessToken, withHotline('/api/partners', hotlineId), { signal });

export const savePartner = (
  accessToken: string,
  id: string | null,
  body: Record<string, unknown>,
) =>
  callApi<PartnerView>(
    accessToken,
    id ? `/api/partners/${encodeURIComponent(id)}` : '/api/partners',
    { method: id ? 'PATCH' : 'POST', body },
  );

export const loadRooms = (accessToken: string, hotlineId: string | null, signal?: AbortSignal) =>
  callApi<RoomView[]>(accessToken, withHotline('/api/rooms', hotlineId), { signal });

export const saveRoom = (accessToken: string, id: string | null, body: Record<string, unknown>) =>
  callApi<RoomView>(accessToken, id ? `/api/rooms/${encodeURIComponent(id)}` : '/api/rooms', {
    method: id ? 'PATCH' : 'POST',
    body,
  });

export const loadAvailability = (
  accessToken: string,
  hotlineId: string | null,
  signal?: AbortSignal,
) =>
  callApi<AvailabilityView>(accessToken, withHotline('/api/availability', hotlineId), { signal });

export const addAvailability = (
  accessToken: string,
  kind: 'weekly' | 'dated',
  body: Record<string, unknown>,
) =>
  callApi<unknown>(
    accessToken,
    kind === 'weekly' ? '/api/availability' : '/api/availability/dates',
    {
      method: 'POST',
      body,
    },
  );

export const removeAvailability = (accessToken: string, kind: 'weekly' | 'dated', id: string) =>
  callApi<void>(
    accessToken,
    `/api/availability/${kind === 'weekly' ? '' : 'dates/'}${encodeURIComponent(id)}`,
    { method: 'DELETE' },
  );

export const loadBookingSettings = (
  accessToken: string,
  hotlineId: string | null,
  signal?: AbortSignal,
) =>
  callApi<BookingSettingsView>(accessToken, withHotline('/api/booking-settings', hotlineId), {
    signal,
  });

export const saveBookingSettings = (accessToken: string, body: Record<string, unknown>) =>
  callApi<BookingSettingsView>(accessToken, '/api/booking-settings', { method: 'PATCH', body });

export const loadRetention = (accessToken: string, hotlineId: string, signal?: AbortSignal) =>
  callApi<{ noteRetentionDays: number }>(
    accessToken,
    `/api/hotlines/${encodeURIComponent(hotlineId)}/note-retention`,
    { signal },
  );

export const saveRetention = (accessToken: string, hotlineId: string, days: number | null) =>
  callApi<{ noteRetentionDays: number }>(
    accessToken,
    `/api/hotlines/${encodeURIComponent(hotlineId)}/note-retention`,
    { method: 'PUT', body: { noteRetentionDays: days } },
  );
