/** The console's calls for the crisis desk and case review. */
import { callApi } from './api';
import {
  type CaseFilter,
  type ContactView,
  type CrisisCaseDetail,
  type CrisisCaseView,
  type PartnerView,
  type QueueFilters,
  type ReviewAction,
  type ReviewDetail,
  type ReviewPage,
  casesPath,
  feedbackPath,
  queuePath,
} from './casework';

const casePath = (caseId: string) => `/api/crisis-cases/${encodeURIComponent(caseId)}`;
const reviewPath = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}`;

export const loadCases = (
  accessToken: string,
  filter: CaseFilter,
  page: number,
  signal?: AbortSignal,
) => callApi<CrisisCaseView[]>(accessToken, casesPath(filter, page), { signal });

/** One case with its texts (the read is audited). */
export const loadCase = (accessToken: string, caseId: string, signal?: AbortSignal) =>
  callApi<CrisisCaseDetail>(accessToken, casePath(caseId), { signal });

export const takeCase = (accessToken: string, caseId: string) =>
  callApi<CrisisCaseDetail>(accessToken, `${casePath(caseId)}/take`, { method: 'POST' });

export const referCase = (accessToken: string, caseId: string, partnerId: string, note: string) =>
  callApi<CrisisCaseDetail>(accessToken, `${casePath(caseId)}/referral`, {
    method: 'PUT',
    body: note ? { partnerId, note } : { partnerId },
  });

export const addFollowUp = (accessToken: string, caseId: string, note: string) =>
  callApi<CrisisCaseDetail>(accessToken, `${casePath(caseId)}/follow-ups`, {
    method: 'POST',
    body: { note },
  });

export const saveReportDraft = (accessToken: string, caseId: string, report: string) =>
  callApi<CrisisCaseDetail['reportDraft']>(accessToken, `${casePath(caseId)}/report-draft`, {
    method: 'PUT',
    body: { report },
  });

export const fileReport = (accessToken: string, caseId: string, report: string) =>
  callApi<CrisisCaseDetail>(accessToken, `${casePath(caseId)}/report`, {
    method: 'PUT',
    body: { report },
  });

export const closeCase = (accessToken: string, caseId: string, note: string) =>
  callApi<CrisisCaseDetail>(accessToken, `${casePath(caseId)}/close`, {
    method: 'POST',
    body: note ? { note } : {},
  });

export const loadPartners = (accessToken: string, hotlineId: string, signal?: AbortSignal) =>
  callApi<PartnerView[]>(accessToken, `/api/partners?hotlineId=${encodeURIComponent(hotlineId)}`, {
    signal,
  });

/** A contact record; its notes to those who may read them (that read is audited). */
export const loadContact = (accessToken: string, contactId: string, signal?: AbortSignal) =>
  callApi<ContactView>(accessToken, `/api/contacts/${encodeURIComponent(contactId)}`, { signal });

export const loadQueue = (
  accessToken: string,
  filters: QueueFilters,
  page: number,
  hotlineId: string | undefined,
  signal?: AbortSignal,
) => callApi<ReviewPage>(accessToken, queuePath(filters, page, hotlineId), { signal });

export const loadFeedback = (accessToken: string, page: number, signal?: AbortSignal) =>
  callApi<ReviewPage>(accessToken, feedbackPath(page), { signal });

export const loadReview = (accessToken: string, reviewId: string, signal?: AbortSignal) =>
  callApi<ReviewDetail>(accessToken, reviewPath(reviewId), { signal });

const ACTION_PATHS: Record<ReviewAction, string> = {
  comment: 'comments',
  request_changes: 'request-changes',
  sign_off: 'sign-off',
  answer: 'answers',
};

/** One step on a review: a comment, a verdict or an answer, with its text. */
export const reviewStep = (
  accessToken: string,
  reviewId: string,
  action: ReviewAction,
  text: string,
) =>
  callApi<ReviewDetail>(accessToken, `${reviewPath(reviewId)}/${ACTION_PATHS[action]}`, {
    method: 'POST',
    body: text ? { text } : {},
  });

const samplingPath = (hotlineId: string) =>
  `/api/hotlines/${encodeURIComponent(hotlineId)}/review-sampling`;

export const loadSampling = (accessToken: string, hotlineId: string, signal?: AbortSignal) =>
  callApi<{ samplePercent: number }>(accessToken, samplingPath(hotlineId), { signal });

export const saveSampling = (accessToken: string, hotlineId: string, samplePercent: number) =>
  callApi<{ samplePercent: number }>(accessToken, samplingPath(hotlineId), {
    method: 'PUT',
    body: { samplePercent },
  });
