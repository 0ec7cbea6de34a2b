import { EbokEvent } from '../../core/events.js';
import type { ProfileSection } from './profile.logic.js';

/**
 * What changed: `saved` (the address, the password), `pending` (a new phone or e-mail waits for its code or
 * link), `confirmed` (the new phone or e-mail now counts), `cancelled` (a pending change was dropped).
 */
export type ProfileChange = 'saved' | 'pending' | 'confirmed' | 'cancelled';

export interface ProfileChangeDetail {
  section: ProfileSection;
  change: ProfileChange;
}

/**
 * `ebok-profile-change`: a section of `<ebok-profile>` was saved (or a contact change moved on). Personal
 * values are not in the event: a host that needs them reads the profile from the API.
 */
export class EbokProfileChangeEvent extends EbokEvent<ProfileChangeDetail> {
  static readonly type = 'ebok-profile-change';
  constructor(detail: ProfileChangeDetail) {
    super(EbokProfileChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-profile-change': EbokProfileChangeEvent;
  }
}
