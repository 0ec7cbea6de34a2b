import { safeDefine } from '../../core/define.js';
import { EbokMeterReading } from './meter-reading.js';

export { EbokMeterReading };
export { EbokReadingSubmittedEvent } from './meter-reading.events.js';

safeDefine('ebok-meter-reading', EbokMeterReading);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-meter-reading': EbokMeterReading;
  }
}
