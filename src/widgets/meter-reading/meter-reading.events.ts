import { EbokEvent } from '../../core/events.js';
import type { ReadingResult } from './meter-reading.logic.js';

/**
 * `ebok-reading-submitted`: the server recorded a meter reading sent with `<ebok-meter-reading>`.
 *
 * Declared here, next to its widget, rather than in core/events.ts with the others: core/events.ts is loaded
 * by every widget, and this event's class is needed only where a reading can be sent.
 */
export class EbokReadingSubmittedEvent extends EbokEvent<ReadingResult> {
  static readonly type = 'ebok-reading-submitted';
  /** `detail` is the server's answer: `kind` (settlement or control), `status`, values, `estimatedAmount`. */
  constructor(detail: ReadingResult) {
    super(EbokReadingSubmittedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ebok-reading-submitted': EbokReadingSubmittedEvent;
  }
}
