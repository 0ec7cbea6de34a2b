import { safeDefine } from '../../core/define.js';
import { EbokConsumptionChart } from './consumption-chart.js';

export { EbokConsumptionChart };

safeDefine('ebok-consumption-chart', EbokConsumptionChart);

declare global {
  interface HTMLElementTagNameMap {
    'ebok-consumption-chart': EbokConsumptionChart;
  }
}
