import type { components } from '../../api/schema.js';
import type { EbokClient } from '../../api/client.js';
import type { IconName } from '../../kit/icons.js';
import { malformedResponse } from '../../api/diagnostics.js';
import { safeFilename } from '../../kit/file.js';
import { isContract, loadContracts, loadPoints, orNone, type Contract, type Point } from '../../kit/supply.js';

export type { Contract, Point };
export type ContractDetail = components['schemas']['ContractDetail'];
export type ContractDocument = components['schemas']['ContractDocument'];
export type ContractStatus = Contract['status'];

export interface ContractFilters {
  /** The contract opened (its detail), or empty for the list. */
  contractId: string;
}

export const NO_FILTERS: ContractFilters = { contractId: '' };

/** The address parameter with `url-state`: `?ebok-contract=ctr_…`. */
export const URL_NAMES = { contractId: 'contract' } as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function normalizeFilters(raw: Partial<Record<keyof ContractFilters, string | null | undefined>>): ContractFilters {
  return { contractId: raw.contractId && ID.test(raw.contractId) ? raw.contractId : '' };
}

/** How a status looks: its tone (never alone: the words and the icon say it too) and icon. */
export function statusLook(status: ContractStatus): { tone: 'success' | 'info' | 'muted'; icon: IconName } {
  if (status === 'terminated') return { tone: 'muted', icon: 'cancelled' };
  if (status === 'pending') return { tone: 'info', icon: 'clock' };
  return { tone: 'success', icon: 'success' };
}

export interface ContractsData {
  contracts: Contract[];
  /** The customer's points, to name each contract's (empty when they could not be read: the contracts still show). */
  points: Point[];
}

export async function loadContractsData(client: EbokClient, signal: AbortSignal): Promise<ContractsData> {
  const [contracts, points] = await Promise.all([loadContracts(client, signal), orNone(loadPoints(client, signal), signal)]);
  return { contracts, points };
}

const KINDS: readonly ContractDocument['kind'][] = ['contract', 'annex', 'price_list', 'terms', 'other'];

/** A contract with its documents as the widget can show it (a malformed document is left out). */
export function usableDetail(value: unknown): ContractDetail | undefined {
  if (!isContract(value)) return undefined;
  const documents = (value as Partial<ContractDetail>).documents;
  if (!Array.isArray(documents)) return undefined;
  const usable = documents.filter((d): d is ContractDocument => typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.title === 'string' && KINDS.includes(d.kind));
  return { ...(value as ContractDetail), documents: usable };
}

/** The contract `id` with its documents (none for no id); an answer that is no contract is a malformed answer. */
export async function loadContract(client: EbokClient, id: string, signal: AbortSignal): Promise<ContractDetail | undefined> {
  if (!id) return undefined;
  const detail = usableDetail(await client.get('/contracts/{contractId}', { params: { path: { contractId: id } }, signal }));
  if (!detail) throw malformedResponse(client.apiBase, 'GET /contracts/{contractId} answered without a contract');
  return detail;
}

/** A document's file name when the server gives none: its title and the contract's number. */
export function documentFilename(contract: Pick<Contract, 'number'>, document: Pick<ContractDocument, 'title'>): string {
  return safeFilename(`${document.title} ${contract.number}`.replace(/[\\/]+/g, '_') + '.pdf') ?? 'umowa.pdf';
}

/** The points of a contract, in its order, as far as the customer's points are known. */
export function pointsOf(contract: Pick<Contract, 'pointIds'>, points: readonly Point[]): Point[] {
  return contract.pointIds.map((id) => points.find((p) => p.id === id)).filter((p): p is Point => Boolean(p));
}
