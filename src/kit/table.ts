import { html, nothing, noChange, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';

export { tableStyles } from './table.styles.js';

/** One column of a table. */
export interface TableColumn<Item> {
  /** A name in the CSS sense (`amount`, `due-date`): the class `col-<key>` and the parts `header-<key>`, `cell-<key>`. */
  key: string;
  /** The column header, already localized; also the label of the value when rows show as cards. */
  header: string;
  /** The content of this column's cell for `item` (`index` is its position in the list, from 0). */
  cell: (item: Item, index: number) => unknown;
  /** This column names the row (the document number): a row header (`<th scope="row">`), the title of a card. */
  rowHeader?: boolean;
  /** `end` for amounts and numbers. */
  align?: 'start' | 'end';
}

export interface VirtualTableOptions {
  /** The expected height of a row in px, until rows are measured (default 56). */
  rowHeight?: number;
  /** Rows rendered beyond each edge of what is on screen (default 8). */
  overscan?: number;
  /**
   * `window` (default): the table grows with its rows and scrolls with the page, as widgets in CMS pages do.
   * `box`: the table scrolls in its own box, at most `--ebok-table-max-height` high, with a sticky header.
   */
  scroller?: 'window' | 'box';
  /** Rows show as cards of label: value lines when the table is narrower than 480 px (default true), or than 600 px (`'wide'`: many columns). */
  cards?: boolean | 'wide';
  /**
   * Rows take the focus (one Tab stop, the last focused row): ↑/↓ move by one row, Page Up/Down by a screen,
   * Home/End to the first/last loaded row, each scrolled into view. Actions inside rows stay reachable by Tab.
   */
  rowFocus?: boolean;
}

export interface TableView<Item> {
  /** The table's accessible name (its caption), e.g. "Faktury i dokumenty". */
  label: string;
  /** Shows the caption; by default it is only for screen readers (the widget has its own heading). */
  showCaption?: boolean;
  columns: readonly TableColumn<Item>[];
  /** The loaded items, in order. */
  items: readonly Item[];
  /**
   * How many items there are in all (`ListController.count`): the API's total, or the loaded count once the last
   * page is in; `undefined` while unknown (screen readers then hear "unknown size", `aria-rowcount="-1"`).
   */
  count: number | undefined;
  /** A stable identity of an item (its id); by default its position. */
  key?: (item: Item, index: number) => unknown;
  /** Extra classes of a row (`overdue`), for the widget's styles. */
  rowClass?: (item: Item, index: number) => string;
  /**
   * A key pressed on a focused row (with `rowFocus`) that the table does not use itself: the hook for a widget's
   * own keys, e.g. Space to select the row. Call `event.preventDefault()` for the keys you handle.
   */
  onRowKey?: (event: KeyboardEvent, item: Item, index: number) => void;
}

/** The rows rendered now: `[start, end)` around what is on screen, and maybe one row kept elsewhere (focused). */
export interface RenderedRange {
  start: number;
  end: number;
  kept: number | undefined;
}

type Entry<Item> = { gap: object; size: number } | { index: number; item: Item };

const GAP_BEFORE = {};
const GAP_BETWEEN = {};
const GAP_AFTER = {};

/** Sets the height of a spacer row through a custom property from script (CSP allows this; a `style=` attribute it does not). */
class SpacerSize extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('spacerSize() goes on an element');
  }

  render(_px: number): unknown {
    return nothing;
  }

  override update(part: ElementPart, [px]: [number]): unknown {
    (part.element as HTMLElement).style.setProperty('--ebok-table-spacer-size', `${Math.max(0, px)}px`);
    return noChange;
  }
}
const spacerSize = directive(SpacerSize);

/**
 * A table that renders only the rows on screen (plus `overscan`), for lists of thousands of items, while
 * screen readers still hear the true size and position: `aria-rowcount` is the full count (header row included)
 * and every rendered row carries its real `aria-rowindex` (the header row is 1). Spacer rows above and below
 * stand in for the rows not rendered, so the scrollbar and the scroll position are those of the whole table.
 *
 * - Scrolls with the window (CMS pages) or in its own box; follows scrolling of any ancestor, window resizes and
 *   size changes of the table (ResizeObserver).
 * - Row heights: `rowHeight` until measured; measured rows keep their height, the others take the average.
 * - A focused row stays rendered when it scrolls out of view, so focus is never dropped to the page;
 *   Tab reaches every action in the rows on screen. `scrollToIndex(i)` brings any row in and returns it.
 * - A real `<table>` with explicit roles, so it stays a table to screen readers when it shows rows as cards.
 * - No `style=` and no `styleMap`: the spacer heights are custom properties set from script.
 *
 * It is a template in the widget's own shadow root, not an element of its own, so the widget's `aria-*`
 * references and styles reach into its cells.
 */
export class VirtualTable<Item> implements ReactiveController {
  private readonly body = createRef<HTMLTableSectionElement>();
  private readonly wrap = createRef<HTMLElement>();
  private heights: (number | undefined)[] = [];
  private measuredSum = 0;
  private measuredCount = 0;
  private offsets = new Float64Array(1);
  private offsetsValid = false;
  private count = 0;
  private items: readonly Item[] = [];
  private keyOf: ((item: Item, index: number) => unknown) | undefined;
  /** What is on screen, in px from the top of the table body (before the first measurement: a guess). */
  private visible = { top: 0, bottom: typeof window === 'undefined' ? 800 : window.innerHeight };
  private rendered: RenderedRange = { start: 0, end: 0, kept: undefined };
  private kept: number | undefined;
  /** The row that is the table's Tab stop (`rowFocus`): the last one focused. */
  private current = 0;
  private onRowKey: TableView<Item>['onRowKey'];
  private frame = 0;
  private resizeObserver: ResizeObserver | undefined;
  private observed: Element[] = [];
  private scrollRoots: (Document | ShadowRoot)[] = [];
  private readonly options: Required<VirtualTableOptions>;

  constructor(
    private readonly host: ReactiveElement,
    options: VirtualTableOptions = {},
  ) {
    this.options = {
      rowHeight: options.rowHeight ?? 56,
      overscan: options.overscan ?? 8,
      scroller: options.scroller ?? 'window',
      cards: options.cards ?? true,
      rowFocus: options.rowFocus ?? false,
    };
    host.addController(this);
  }

  /** The rows rendered now. */
  get range(): RenderedRange {
    return { ...this.rendered };
  }

  /** The rendered row of item `index`, if it is rendered. */
  rowElement(index: number): HTMLTableRowElement | undefined {
    return this.body.value?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"]`) ?? undefined;
  }

  /**
   * Scrolls item `index` into view and resolves with its row once rendered, to focus something in it:
   * `(await table.scrollToIndex(i))?.querySelector('a')?.focus()`. Undefined when there is no such item.
   */
  async scrollToIndex(index: number, block: ScrollLogicalPosition = 'nearest'): Promise<HTMLTableRowElement | undefined> {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    // Render the row where the estimates put it, scroll to the real element, then render its neighbours.
    this.kept = index;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.rowElement(index)?.scrollIntoView({ block, behavior: 'instant' });
    this.refresh();
    await this.host.updateComplete;
    const row = this.rowElement(index);
    // The neighbours may have been taller or shorter than estimated: look again.
    row?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    return row;
  }

  /** Scrolls row `index` into view and focuses it (`rowFocus`); true when there was such a row. */
  async focusRow(index: number): Promise<boolean> {
    const target = Math.min(Math.max(0, index), this.count - 1);
    if (this.count === 0) return false;
    this.current = target;
    const row = await this.scrollToIndex(target);
    if (!row) return false;
    row.focus({ preventScroll: true });
    return true;
  }

  render(view: TableView<Item>): TemplateResult {
    this.sync(view);
    const range = this.computeRange();
    this.rendered = range;
    const { columns } = view;
    const rowCount = view.count === undefined || !Number.isFinite(view.count) ? -1 : Math.max(view.count, view.items.length) + 1;
    const cards = this.options.cards === 'wide' ? ' table-wrap--cards-wide' : this.options.cards ? ' table-wrap--cards' : '';
    const classes = `table-wrap${this.options.scroller === 'box' ? ' table-wrap--box' : ''}${cards}${this.options.rowFocus ? ' table-wrap--row-focus' : ''}`;
    const table = html`<table class="table" part="table" role="table" aria-rowcount=${String(rowCount)}>
      <caption class="table__caption${view.showCaption ? '' : ' visually-hidden'}" part="caption">${view.label}</caption>
      <thead class="table__head">
        <tr class="table__header-row" role="row" part="header-row" aria-rowindex="1">
          ${columns.map(
            (column) =>
              html`<th
                class="table__header col-${column.key}${column.align === 'end' ? ' table__header--end' : ''}"
                role="columnheader"
                scope="col"
                part="header header-${column.key}"
              >
                ${column.header}
              </th>`,
          )}
        </tr>
      </thead>
      <tbody class="table__body" ${ref(this.body)} @focusin=${this.onFocusIn} @focusout=${this.onFocusOut} @keydown=${this.onKeyDown}>
        ${repeat(
          this.entries(range, view.items),
          (entry) => ('gap' in entry ? entry.gap : (this.keyOf?.(entry.item, entry.index) ?? entry.index)),
          (entry) => ('gap' in entry ? this.renderGap(entry.size, columns.length) : this.renderRow(view, entry.item, entry.index)),
        )}
      </tbody>
    </table>`;
    // The box is a scroll region: keyboard users must be able to reach it even when its rows have no actions.
    return this.options.scroller === 'box'
      ? html`<div class=${classes} role="region" aria-label=${view.label} tabindex="0" ${ref(this.wrap)}>${table}</div>`
      : html`<div class=${classes} ${ref(this.wrap)}>${table}</div>`;
  }

  hostConnected(): void {
    window.addEventListener('resize', this.schedule, { passive: true });
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.observe();
    // Measure the rows just rendered and look at the geometry once the browser has laid them out.
    this.schedule();
  }

  hostDisconnected(): void {
    window.removeEventListener('resize', this.schedule);
    for (const root of this.scrollRoots) root.removeEventListener('scroll', this.schedule, { capture: true });
    this.scrollRoots = [];
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = [];
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private renderRow(view: TableView<Item>, item: Item, index: number): TemplateResult {
    const extra = view.rowClass?.(item, index);
    return html`<tr
      class="table__row${index % 2 ? ' table__row--alt' : ''}${extra ? ` ${extra}` : ''}"
      role="row"
      part="row"
      aria-rowindex=${String(index + 2)}
      data-index=${String(index)}
      tabindex=${ifDefined(this.options.rowFocus ? (index === this.current ? 0 : -1) : undefined)}
    >
      ${view.columns.map((column) => {
        const classes = `table__cell col-${column.key}${column.align === 'end' ? ' table__cell--end' : ''}`;
        const content = column.cell(item, index);
        return column.rowHeader
          ? html`<th class="${classes} table__cell--title" role="rowheader" scope="row" part="cell cell-${column.key}">
              <span class="table__value">${content}</span>
            </th>`
          : html`<td class=${classes} role="cell" part="cell cell-${column.key}">
              <span class="table__label" aria-hidden="true">${column.header}</span>
              <span class="table__value">${content}</span>
            </td>`;
      })}
    </tr>`;
  }

  private renderGap(size: number, columns: number): TemplateResult {
    return html`<tr class="table__spacer" aria-hidden="true">
      <td class="table__spacer-cell" colspan=${Math.max(1, columns)} ${spacerSize(size)}></td>
    </tr>`;
  }

  /** Spacers and rows in document order: the range, and the kept row before or after it with its own spacer. */
  private entries(range: RenderedRange, items: readonly Item[]): Entry<Item>[] {
    const rows = (start: number, end: number) => {
      const list: Entry<Item>[] = [];
      for (let i = start; i < end; i++) list.push({ index: i, item: items[i] as Item });
      return list;
    };
    const { start, end, kept } = range;
    if (kept === undefined) {
      return [{ gap: GAP_BEFORE, size: this.offset(start) }, ...rows(start, end), { gap: GAP_AFTER, size: this.offset(this.count) - this.offset(end) }];
    }
    if (kept < start) {
      return [
        { gap: GAP_BEFORE, size: this.offset(kept) },
        ...rows(kept, kept + 1),
        { gap: GAP_BETWEEN, size: this.offset(start) - this.offset(kept + 1) },
        ...rows(start, end),
        { gap: GAP_AFTER, size: this.offset(this.count) - this.offset(end) },
      ];
    }
    return [
      { gap: GAP_BEFORE, size: this.offset(start) },
      ...rows(start, end),
      { gap: GAP_BETWEEN, size: this.offset(kept) - this.offset(end) },
      ...rows(kept, kept + 1),
      { gap: GAP_AFTER, size: this.offset(this.count) - this.offset(kept + 1) },
    ];
  }

  /** Takes the items of this render; a list that is not the old one with more appended forgets the measurements. */
  private sync(view: TableView<Item>): void {
    const { items } = view;
    if (items !== this.items) {
      const identity = (item: Item | undefined, index: number) => (item === undefined ? undefined : (view.key?.(item, index) ?? item));
      const appended = items.length >= this.items.length && (this.items.length === 0 || identity(items[0], 0) === identity(this.items[0], 0));
      if (!appended) {
        this.heights = [];
        this.measuredSum = 0;
        this.measuredCount = 0;
        this.kept = undefined;
        this.current = 0;
      }
      this.items = items;
      this.offsetsValid = false;
    }
    this.keyOf = view.key;
    this.onRowKey = view.onRowKey;
    if (this.count !== items.length) {
      this.count = items.length;
      this.offsetsValid = false;
    }
    if (this.kept !== undefined && this.kept >= this.count) this.kept = undefined;
    if (this.current >= this.count) this.current = Math.max(0, this.count - 1);
  }

  private estimate(): number {
    return this.measuredCount ? this.measuredSum / this.measuredCount : this.options.rowHeight;
  }

  /** Top of row `index` in px from the top of the body (`index === count`: the body's height). */
  private offset(index: number): number {
    if (!this.offsetsValid) {
      const estimate = this.estimate();
      const offsets = new Float64Array(this.count + 1);
      for (let i = 0; i < this.count; i++) offsets[i + 1] = (offsets[i] as number) + (this.heights[i] ?? estimate);
      this.offsets = offsets;
      this.offsetsValid = true;
    }
    return this.offsets[Math.min(Math.max(0, index), this.count)] as number;
  }

  /** The row at `y` px from the top of the body (binary search over the offsets). */
  private indexAt(y: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.offset(middle) <= y) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  private computeRange(): RenderedRange {
    if (this.count === 0) return { start: 0, end: 0, kept: undefined };
    const { overscan } = this.options;
    const first = this.indexAt(Math.max(0, this.visible.top));
    const last = this.indexAt(Math.max(0, this.visible.bottom));
    const start = Math.max(0, first - overscan);
    const end = Math.min(this.count, last + 1 + overscan);
    const kept = this.kept !== undefined && (this.kept < start || this.kept >= end) ? this.kept : undefined;
    // A kept row next to the range joins it.
    if (kept === start - 1) return { start: kept, end, kept: undefined };
    if (kept === end) return { start, end: kept + 1, kept: undefined };
    return { start, end, kept };
  }

  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.refresh();
    });
  };

  /** Measures the rendered rows, reads what is on screen, and renders again if the rows should change. */
  private refresh(): void {
    const body = this.body.value;
    if (!body?.isConnected || body.getClientRects().length === 0) return;
    const changed = this.measure(body);
    const rect = body.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight;
    const wrap = this.wrap.value;
    if (this.options.scroller === 'box' && wrap) {
      const box = wrap.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
    this.visible = { top: top - rect.top, bottom: Math.max(top, bottom) - rect.top };
    const next = this.computeRange();
    const now = this.rendered;
    if (changed || next.start !== now.start || next.end !== now.end || next.kept !== now.kept) this.host.requestUpdate();
  }

  /** Records the heights of the rendered rows; true when one changed. */
  private measure(body: HTMLElement): boolean {
    let changed = false;
    for (const row of body.children) {
      const index = (row as HTMLElement).dataset['index'];
      if (index === undefined) continue;
      const i = Number(index);
      const height = row.getBoundingClientRect().height;
      if (!(height > 0)) continue;
      const before = this.heights[i];
      if (before !== undefined && Math.abs(before - height) < 0.5) continue;
      if (before === undefined) this.measuredCount++;
      this.measuredSum += height - (before ?? 0);
      this.heights[i] = height;
      changed = true;
    }
    if (changed) this.offsetsValid = false;
    return changed;
  }

  /** Listens to every scroll that can move the table: the window's, any ancestor's (capture), and the box's. */
  private observe(): void {
    const body = this.body.value;
    const wrap = this.wrap.value;
    if (!body || !wrap) return;
    if (this.scrollRoots.length === 0) {
      let node: Node = body;
      for (;;) {
        const root = node.getRootNode() as Document | ShadowRoot;
        root.addEventListener('scroll', this.schedule, { capture: true, passive: true });
        this.scrollRoots.push(root);
        if (!(root instanceof ShadowRoot)) break;
        node = root.host;
      }
    }
    if (this.observed[0] !== body || this.observed[1] !== wrap) {
      this.resizeObserver?.disconnect();
      this.resizeObserver = new ResizeObserver(this.schedule);
      this.resizeObserver.observe(body);
      this.resizeObserver.observe(wrap);
      this.observed = [body, wrap];
    }
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element | null)?.closest?.('tr[data-index]');
    if (!(row instanceof HTMLElement)) return;
    const index = Number(row.dataset['index']);
    this.kept = index;
    if (this.options.rowFocus && index !== this.current) {
      // The row focused last (or the row of the action focused last) is the table's Tab stop from now on.
      this.current = index;
      this.host.requestUpdate();
    }
  };

  /** The rows' own keys (`rowFocus`): only when a row itself has the focus, never inside its buttons or links. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!this.options.rowFocus || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = event.target as HTMLElement;
    if (!(row instanceof HTMLTableRowElement) || row.dataset['index'] === undefined) return;
    const index = Number(row.dataset['index']);
    const page = Math.max(1, Math.floor(window.innerHeight / this.estimate()) - 1);
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: this.count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) {
      const item = this.items[index];
      if (item !== undefined) this.onRowKey?.(event, item, index);
      return;
    }
    event.preventDefault();
    void this.focusRow(target);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const body = this.body.value;
    const next = event.relatedTarget as Node | null;
    if (body && !(next && body.contains(next))) this.kept = undefined;
  };
}
