import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type ScriptableContext } from 'chart.js';
import type { Table } from './consumption-chart.logic.js';

/**
 * Chart.js for the consumption chart. This module is loaded only when a chart comes on screen (a dynamic import:
 * Chart.js is never on a page without a chart), and registers only the parts drawn: bars (stacked per zone), the previous
 * year as a line, two scales and the tooltip. The words and colours come from the element; this draws.
 */

export interface Palette {
  /** One colour per zone (stacked bars), then the previous year's line, the grid and the text. */
  zones: string[];
  previous: string;
  grid: string;
  text: string;
}

export interface DrawOptions {
  table: Table;
  /** The x axis' labels (short month names, or days). */
  labels: string[];
  /** The names of the zones and of the previous year, for the tooltip. */
  zoneNames: string[];
  previousName: string | undefined;
  /** A value as the page writes it, with its unit. */
  format: (value: number) => string;
  palette: Palette;
  /** Draw without animation (`prefers-reduced-motion`). */
  still: boolean;
}

// Only the parts drawn, so the bundler leaves the rest of Chart.js out of its chunk.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/** Diagonal stripes in `colour`: an estimated month is told apart by its pattern, not by a colour alone. */
function stripes(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return colour;
  g.fillStyle = colour;
  g.globalAlpha = 0.35;
  g.fillRect(0, 0, 8, 8);
  g.globalAlpha = 1;
  g.strokeStyle = colour;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.stroke();
  return g.createPattern(tile, 'repeat') ?? colour;
}

/** Draws the chart on `canvas` (its parent sets the size; Chart.js follows it). */
export function drawChart(canvas: HTMLCanvasElement, o: DrawOptions): Chart {
  const { table, palette } = o;
  const patterns = palette.zones.map(stripes);
  const config: ChartConfiguration<'bar' | 'line'> = {
    type: 'bar',
    data: {
      labels: o.labels,
      datasets: [
        ...table.zones.map((_, z) => ({
          type: 'bar' as const,
          label: o.zoneNames[z] ?? '',
          data: table.rows.map((r) => r.values[z] ?? null),
          stack: 'year',
          backgroundColor: (ctx: ScriptableContext<'bar'>) => (table.rows[ctx.dataIndex]?.estimated ? patterns[z % patterns.length]! : palette.zones[z % palette.zones.length]!),
          borderColor: palette.zones[z % palette.zones.length]!,
          borderWidth: (ctx: ScriptableContext<'bar'>) => (table.rows[ctx.dataIndex]?.estimated ? 2 : 0),
        })),
        ...(o.previousName
          ? [
              {
                type: 'line' as const,
                label: o.previousName,
                data: table.rows.map((r) => r.previous ?? null),
                borderColor: palette.previous,
                backgroundColor: palette.previous,
                borderDash: [6, 4],
                pointRadius: 3,
                spanGaps: true,
              },
            ]
          : []),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: o.still ? false : { duration: 300 },
      // The chart is read by its summary, the keyboard and the table: the canvas itself is a picture.
      events: ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'],
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { color: palette.text } },
        y: { stacked: true, beginAtZero: true, grid: { color: palette.grid }, ticks: { color: palette.text, callback: (value) => o.format(Number(value)) } },
      },
      plugins: {
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${o.format(Number(item.raw))}` } },
      },
    },
  };
  return new Chart(canvas, config);
}

/** Shows the tooltip of period `index` as if pointed at (the keyboard's way through the chart). */
export function pointAt(chart: Chart, index: number): void {
  const active = chart.data.datasets.map((_, datasetIndex) => ({ datasetIndex, index })).filter(({ datasetIndex }) => chart.data.datasets[datasetIndex]?.data[index] != null);
  chart.setActiveElements(active);
  const centre = chart.getDatasetMeta(0).data[index];
  chart.tooltip?.setActiveElements(active, { x: centre?.x ?? 0, y: centre?.y ?? 0 });
  chart.update('none');
}
