import type { components } from '../../api/schema.js';

export type RemovalRequest = components['schemas']['AccountRemovalRequest'];
export type RemovalStatus = components['schemas']['AccountRemovalStatus'];

const STATUSES: readonly RemovalStatus[] = ['submitted', 'in_progress', 'completed', 'rejected'];

export function isRemovalRequest(value: unknown): value is RemovalRequest {
  const r = value as Partial<RemovalRequest> | null;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.submittedAt === 'string' && STATUSES.includes(r.status as RemovalStatus);
}

/** `GET /customer/account-removal-request`'s answer: the latest request, `null` when none; undefined when malformed. */
export function requestOf(value: unknown): RemovalRequest | null | undefined {
  const request = (value as { request?: unknown } | null)?.request;
  if (request === null) return null;
  return isRemovalRequest(request) ? request : undefined;
}

/** A request the utility is still handling: another one cannot be filed. */
export function isOpen(request: RemovalRequest | null | undefined): boolean {
  return request?.status === 'submitted' || request?.status === 'in_progress';
}

export const REASON_MAX = 1000;
