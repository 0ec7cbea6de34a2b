import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { Chart } from 'chart.js';
import type { DrawOptions } from './consumption-chart.draw.js';
import type { Consumption } from './consumption-chart.logic.js';

/**
 * The chart's life: Chart.js (with the drawing module) is loaded only when the chart's box first comes near the
 * screen, drawn from the data shown, drawn again when the data changes, and destroyed when the widget leaves the page
 * (Chart.js notices a canvas leaving only in the document's tree, never inside a shadow root).
 */
export class LazyChart implements ReactiveController {
  /** The box that is watched for the screen, and the canvas drawn on (`ref()` them in the template). */
  readonly box = createRef<HTMLElement>();
  readonly canvas = createRef<HTMLCanvasElement>();
  /** Whether a chart is drawn now (the template shows a placeholder until then). */
  drawn = false;
  private chart?: Chart;
  /** The data the chart was drawn from. */
  private chartOf?: Consumption;
  private drawing?: Promise<void>;
  private observer?: IntersectionObserver;
  private onScreen = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The data shown now, when it is complete. */
      shown: () => Consumption | undefined;
      /** How to draw it; `read` gives a custom property of the box (the palette). */
      spec: (consumption: Consumption, read: (name: string) => string) => DrawOptions;
    },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.watchScreen();
    const value = this.options.shown();
    if (value && this.onScreen && this.canvas.value && (!this.chart || this.chart.canvas !== this.canvas.value || this.chartOf !== value)) void this.draw();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.forget();
  }

  /** Destroys the chart (it is drawn again from the data shown at the next update). */
  forget(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.drawn = false;
  }

  get exists(): boolean {
    return this.chart !== undefined;
  }

  /** Shows period `index` as if pointed at (the keyboard's way through the chart). */
  async pointAt(index: number): Promise<void> {
    if (!this.chart) return;
    const { pointAt } = await import('./consumption-chart.draw.js');
    // The chart may have gone while the module came (another point chosen, the widget removed).
    if (this.chart) pointAt(this.chart, index);
  }

  private watchScreen(): void {
    const box = this.box.value;
    if (!box || this.observer) return;
    if (typeof IntersectionObserver !== 'function') {
      this.onScreen = true;
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.onScreen = true;
        this.observer?.disconnect();
        this.host.requestUpdate();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(box);
  }

  private async draw(): Promise<void> {
    if (this.drawing) return this.drawing;
    this.drawing = (async () => {
      const { drawChart } = await import('./consumption-chart.draw.js');
      // What is shown now, after Chart.js arrived (the customer may have chosen another year meanwhile).
      const consumption = this.options.shown();
      const canvas = this.canvas.value;
      if (!consumption || !canvas?.isConnected || !this.box.value) return;
      const style = getComputedStyle(this.box.value);
      const spec = this.options.spec(consumption, (name) => style.getPropertyValue(name).trim());
      this.forget();
      this.chartOf = consumption;
      this.chart = drawChart(canvas, spec);
      this.drawn = true;
    })().finally(() => {
      this.drawing = undefined;
      // Drawn from older data than is shown now (a choice made while it drew): draw again.
      this.host.requestUpdate();
    });
    return this.drawing;
  }
}
