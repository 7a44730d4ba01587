/**
 * The API's views, as the server's API document declares them (generated into openapi.ts by
 * `npm run api:types`). Pages import these instead of writing the shapes again.
 */
import type { components } from './openapi';

export type { components, paths } from './openapi';

type Schemas = components['schemas'];

export type CalendarFeedView = Schemas['CalendarFeedView'];
export type ErrorView = Schemas['ErrorView'];
export type HotlineStatusView = Schemas['HotlineStatusView'];
export type HotlineView = Schemas['HotlineView'];
export type ImportProgressView = Schemas['ImportProgressView'];
export type ImportReport = Schemas['ImportReport'];
export type OfferView = Schemas['OfferView'];
export type SignInView = Schemas['SignInView'];
export type TaxonomyView = Schemas['TaxonomyView'];
export type TopicNodeView = Schemas['TopicNodeView'];
export type UnitCrisisOverview = Schemas['UnitCrisisOverview'];
export type UnitStatsReport = Schemas['UnitStatsReport'];
export type UnitView = Schemas['UnitView'];
export type VoiceTokenView = Schemas['VoiceTokenView'];
export type VolunteerView = Schemas['VolunteerView'];
export type CallbackAssigneeView = Schemas['CallbackAssigneeView'];
export type CallbackAttemptView = Schemas['CallbackAttemptView'];
export type CallbackItemView = Schemas['CallbackItemView'];
export type CallbackPageView = Schemas['CallbackPageView'];
export type WrapUpView = Schemas['WrapUpView'];
