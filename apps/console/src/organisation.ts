/** The console's calls for the levels of organisation and the import of earlier years. */
import type {
  ImportProgressView,
  ImportReport,
  UnitCrisisOverview,
  UnitStatsReport,
  UnitView,
} from '@hotline/api-types';
import { type ApiAnswer, callApi } from './api';

export type { ImportReport, UnitStatsReport, UnitView };

const unitPath = (unitId: string) => `/api/units/${encodeURIComponent(unitId)}`;

export const loadUnits = (accessToken: string, signal?: AbortSignal) =>
  callApi<UnitView[]>(accessToken, '/api/units', { signal });

export const addUnit = (
  accessToken: string,
  body: { name: string; kind: string; parentId: string },
) => callApi<UnitView>(accessToken, '/api/units', { method: 'POST', body });

export const moveHotline = (accessToken: string, unitId: string, hotlineId: string) =>
  callApi<UnitView[]>(
    accessToken,
    `${unitPath(unitId)}/hotlines/${encodeURIComponent(hotlineId)}`,
    {
      method: 'PUT',
    },
  );

export const grantUnitRole = (
  accessToken: string,
  unitId: string,
  body: { volunteerId: string; role: string },
) => callApi<UnitView[]>(accessToken, `${unitPath(unitId)}/roles`, { method: 'POST', body });

export const loadUnitMonth = (
  accessToken: string,
  unitId: string,
  month: string,
  signal?: AbortSignal,
) =>
  callApi<UnitStatsReport>(accessToken, `${unitPath(unitId)}/stats/monthly?month=${month}`, {
    signal,
  });

export const loadUnitCrisis = (accessToken: string, unitId: string, signal?: AbortSignal) =>
  callApi<UnitCrisisOverview>(accessToken, `${unitPath(unitId)}/crisis`, { signal });

export const importProgress = (accessToken: string, key: string) =>
  callApi<ImportProgressView>(accessToken, `/api/imports/progress/${key}`);

/**
 * Sends the file for a dry run or a commit. A refused commit (422) answers its dry run, so the
 * screen shows the problems either way.
 */
export async function sendImport(
  accessToken: string,
  file: File,
  fields: Record<string, string>,
): Promise<ApiAnswer<ImportReport>> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      body: form,
    });
  } catch {
    return { ok: false, status: null, message: null };
  }
  const body = (await response.json().catch(() => ({}))) as {
    message?: string;
    report?: ImportReport;
  };
  if (response.ok) return { ok: true, value: body as ImportReport };
  if (response.status === 422 && body.report) return { ok: true, value: body.report };
  return { ok: false, status: response.status, message: body.message ?? null };
}

/** Units top first, each with its depth in the tree (for an indented list). */
export function indented(units: UnitView[]): { unit: UnitView; depth: number }[] {
  const children = new Map<string | null, UnitView[]>();
  for (const unit of units) {
    const parent = units.some((other) => other.id === unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: { unit: UnitView; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      out.push({ unit, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
