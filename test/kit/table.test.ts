import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { EbokElement } from '../../src/core/ebok-element.js';
import { safeDefine } from '../../src/core/define.js';
import { VirtualTable, tableStyles, type TableColumn, type VirtualTableOptions } from '../../src/kit/table.js';
import { until } from '../helpers/dom.js';
import { resetPage } from '../helpers/page.js';

interface Row {
  id: string;
  number: string;
  amount: string;
}

/** Every row is exactly this high (its cells, line included), so a position on screen names one row. */
const ROW = 48;
const makeRows = (count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, number: `FV/${i}`, amount: `${i}.00` }));

const COLUMNS: readonly TableColumn<Row>[] = [
  { key: 'number', header: 'Numer', rowHeader: true, cell: (row) => row.number },
  { key: 'amount', header: 'Kwota', align: 'end', cell: (row) => row.amount },
  { key: 'actions', header: 'Akcje', cell: (row) => html`<button type="button" class="open">Otwórz ${row.number}</button>` },
];

/** A widget with nothing but a virtual table of local rows, in its own shadow root. */
class TestVirtualTable extends EbokElement {
  static override styles = [
    EbokElement.styles,
    tableStyles,
    css`
      .table__cell {
        block-size: 48px;
        padding-block: 0;
      }
      .col-amount {
        inline-size: 9em;
      }
      .tall .table__cell {
        block-size: 96px;
      }
      .table__cell button {
        block-size: 32px;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly Row[] = [];
  /** The widget does not know how many items there are (more pages, no total). */
  @property({ type: Boolean }) unknownCount = false;
  /** The first this many rows are twice as high as the others. */
  @property({ type: Number }) tallRows = 0;
  options: VirtualTableOptions = {};
  table!: VirtualTable<Row>;
  /** The rows' own keys the table passed on (`onRowKey`): Space, as a widget that selects rows would use it. */
  spaced: string[] = [];

  override connectedCallback(): void {
    this.table ??= new VirtualTable<Row>(this, { rowHeight: 60, ...this.options });
    super.connectedCallback();
  }

  override render() {
    return html`<button type="button" class="before">Przed tabelą</button>
      ${this.table.render({ label: 'Dokumenty', columns: COLUMNS, items: this.items, count: this.unknownCount ? undefined : this.items.length, key: (row) => row.id, rowClass: (_row, index) => (index < this.tallRows ? 'tall' : ''), onRowKey: (event, row) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        this.spaced.push(row.id);
      } })}
      <button type="button" class="after">Za tabelą</button>`;
  }
}
safeDefine('test-virtual-table', TestVirtualTable);

declare global {
  interface HTMLElementTagNameMap {
    'test-virtual-table': TestVirtualTable;
  }
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
const rowIndexes = (el: Element) => rows(el).map((row) => Number(row.getAttribute('aria-rowindex')));
const body = (el: Element) => el.shadowRoot!.querySelector('tbody')!;
/** The data row drawn at `y` px from the top of the viewport, by hit-testing as a pointer would. */
const rowAt = (el: Element, y: number) =>
  el.shadowRoot!.elementFromPoint(40, y)?.closest<HTMLTableRowElement>('tr[data-index]') ?? undefined;
/** Waits until the table has measured its rows and rendered what that showed (no update left to do). */
async function settled(el: TestVirtualTable) {
  for (let i = 0; i < 20; i++) {
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!el.isUpdatePending) return;
  }
  throw new Error('the table kept rendering');
}
const waitForRow = (el: Element, rowIndex: number) =>
  until(() => rowIndexes(el).includes(rowIndex), `the row with aria-rowindex ${rowIndex} rendered (rendered: ${rowIndexes(el).slice(0, 3).join(',')}…)`);

async function mount(count: number, options: VirtualTableOptions = {}, width?: string) {
  const el = document.createElement('test-virtual-table');
  el.options = options;
  el.items = makeRows(count);
  if (width) el.style.setProperty('inline-size', width);
  const wrapper = await fixture<HTMLDivElement>(html`<div class="page"><h1>Strona gminy</h1></div>`);
  wrapper.append(el);
  // The first render guesses; the next frame measures and renders what is really on screen.
  await settled(el);
  return el;
}

describe('VirtualTable (only the rows on screen, with the real counts)', () => {
  beforeEach(() => {
    resetPage();
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
  afterEach(() => {
    resetPage();
    window.scrollTo({ top: 0, behavior: 'instant' });
  });

  it('renders a few dozen DOM rows of 10,000, with aria-rowcount of the whole table and real aria-rowindex', async () => {
    const el = await mount(10_000);
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.getAttribute('role')).to.equal('table');
    expect(table.getAttribute('aria-rowcount'), '10,000 rows and the header row').to.equal('10001');
    expect(el.shadowRoot!.querySelector('thead tr')!.getAttribute('aria-rowindex')).to.equal('1');
    expect(rows(el).length, 'rows in the DOM').to.be.within(5, 60);
    const indexes = rowIndexes(el);
    expect(indexes[0]).to.equal(2);
    expect(indexes, 'consecutive from the first row').to.deep.equal(indexes.map((_, i) => i + 2));
    expect(body(el).getBoundingClientRect().height, 'the spacer gives the table its full height').to.be.closeTo(10_000 * ROW, 1);
    await expect(el).to.be.accessible();
  });

  it('shows the right rows, with their real aria-rowindex, after the window scrolls to the middle', async () => {
    const el = await mount(10_000);
    const top = body(el).getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top + 5000 * ROW + 10, behavior: 'instant' });
    await waitForRow(el, 5002);

    expect(rows(el).length, 'still only a few dozen rows').to.be.within(5, 60);
    const topRow = rowAt(el, 20)!;
    expect(topRow, 'a row, not a spacer, at the top of the viewport').to.exist;
    expect(topRow.getAttribute('aria-rowindex'), 'row 5001 of the list is item 5000').to.equal('5002');
    expect(topRow.querySelector('th')!.textContent.trim()).to.equal('FV/5000');
    const middle = rowAt(el, window.innerHeight / 2)!;
    const expected = Math.floor((window.innerHeight / 2 - body(el).getBoundingClientRect().top) / ROW);
    expect(middle.dataset['index'], 'the row in the middle of the screen is where its index puts it').to.equal(String(expected));
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('10001');
    expect(body(el).getBoundingClientRect().height).to.be.closeTo(10_000 * ROW, 1);
    await expect(el).to.be.accessible();
  });

  it('renders the last rows at the end of the page', async () => {
    const el = await mount(10_000);
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await waitForRow(el, 10_001);
    const indexes = rowIndexes(el);
    expect(indexes.at(-1)).to.equal(10_001);
    expect(rows(el).length).to.be.within(5, 60);
  });

  it('keeps the rows on screen in place when the next page is appended while the end of the table is in view', async () => {
    // The page goes on below the widget (as CMS pages do): the browser must not hold that footer still and throw
    // the customer past the rows that just arrived.
    const el = await mount(50);
    const footer = document.createElement('footer');
    footer.textContent = 'Stopka strony';
    footer.style.setProperty('block-size', '1500px');
    el.after(footer);
    const tableBottom = body(el).getBoundingClientRect().bottom + window.scrollY;
    window.scrollTo({ top: tableBottom - window.innerHeight / 2, behavior: 'instant' });
    await settled(el);
    const before = rowAt(el, 20)!;
    expect(before, 'a row at the top of the viewport').to.exist;
    const index = before.dataset['index'];
    const scrolled = window.scrollY;

    el.items = makeRows(100);
    await settled(el);

    expect(window.scrollY, 'the page did not jump').to.be.closeTo(scrolled, 2);
    expect(rowAt(el, 20)?.dataset['index'], 'the same row is still at the top').to.equal(index);
    expect(rowIndexes(el), 'the first new row is rendered right below the old last one').to.include(52);
  });

  it('scrolls in its own box when asked, with the same counts', async () => {
    const el = await mount(10_000, { scroller: 'box' });
    const box = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap--box')!;
    expect(box.getAttribute('role'), 'the scroll box is a named region').to.equal('region');
    expect(box.getAttribute('tabindex'), 'reachable by keyboard').to.equal('0');
    expect(box.getBoundingClientRect().height).to.be.lessThan(window.innerHeight);
    box.scrollTop = 3000 * ROW;
    await waitForRow(el, 3002);
    expect(window.scrollY, 'the page did not scroll').to.equal(0);
    expect(rows(el).length).to.be.within(5, 60);
    const headerBottom = el.shadowRoot!.querySelector('thead th')!.getBoundingClientRect().bottom;
    const firstVisible = rowAt(el, headerBottom + 2)!;
    expect(Number(firstVisible.getAttribute('aria-rowindex'))).to.be.within(3001, 3003);
    await expect(el).to.be.accessible();
  });

  it('brings a far row in with scrollToIndex, so that its action can take the focus', async () => {
    const el = await mount(10_000);
    const row = await el.table.scrollToIndex(7000);
    expect(row, 'the row of item 7000').to.exist;
    expect(row!.getAttribute('aria-rowindex')).to.equal('7002');
    const rect = row!.getBoundingClientRect();
    expect(rect.top >= 0 && rect.bottom <= window.innerHeight, 'the row is on screen').to.equal(true);
    row!.querySelector('button')!.focus();
    expect(el.shadowRoot!.activeElement!.textContent).to.contain('FV/7000');
    expect(await el.table.scrollToIndex(10_000), 'no such row').to.equal(undefined);
  });

  it('keeps the focused row rendered when it scrolls out of view, so focus stays in the table', async () => {
    const el = await mount(10_000);
    const button = rows(el)[2]!.querySelector('button')!;
    button.focus();
    const top = body(el).getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top + 4000 * ROW, behavior: 'instant' });
    await waitForRow(el, 4002);

    expect(el.shadowRoot!.activeElement?.textContent?.trim(), 'the focused button was not recycled').to.equal('Otwórz FV/2');
    expect(button.isConnected).to.equal(true);
    const indexes = rowIndexes(el);
    expect(indexes[0], 'the focused row comes first, in its place').to.equal(4);
    expect(indexes.slice(1).every((value, i) => value > indexes[i]!), 'aria-rowindex increases down the table').to.equal(true);
    const kept = rows(el)[0]!;
    expect(kept.getBoundingClientRect().top + window.scrollY - top, 'the kept row sits at its own offset').to.be.closeTo(2 * ROW, 1);
  });

  it('lets Tab go from the page into the row actions, one row after the other', async () => {
    const el = await mount(10_000);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent.trim()).to.equal('Otwórz FV/0');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent.trim()).to.equal('Otwórz FV/1');
  });

  it('renders more rows when Tab walks past the rows on screen', async () => {
    const el = await mount(10_000, { overscan: 2 });
    const lastRendered = rows(el).length;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.before')!.focus();
    for (let i = 0; i < lastRendered + 5; i++) {
      await sendKeys({ press: 'Tab' });
      // The focused row scrolled the window; the table follows it before the next key, as a person's pace allows.
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
    }
    expect(el.shadowRoot!.activeElement!.textContent.trim(), 'focus is still in the rows, not after the table').to.equal(`Otwórz FV/${lastRendered + 4}`);
  });

  it('shows each row as a card of label: value lines when narrower than 480 px, still a table to screen readers', async () => {
    const el = await mount(200, {}, '360px');
    const cell = el.shadowRoot!.querySelector<HTMLElement>('td.col-amount')!;
    const label = cell.querySelector('.table__label')!;
    expect(getComputedStyle(label).display, 'the column header shows as the label').not.to.equal('none');
    expect(label.getAttribute('aria-hidden'), 'the label is not read twice').to.equal('true');
    expect(getComputedStyle(el.shadowRoot!.querySelector('tr[data-index]')!).display).to.equal('block');
    expect(rows(el)[0]!.getAttribute('role')).to.equal('row');
    expect(cell.getAttribute('role')).to.equal('cell');
    expect(cell.getBoundingClientRect().width, 'the column width of the table mode does not squeeze the card').to.be.closeTo(rows(el)[0]!.getBoundingClientRect().width, 1);
    await expect(el).to.be.accessible();
  });

  it('does not show card labels in a wide table', async () => {
    const el = await mount(20);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.table__label')!).display).to.equal('none');
  });

  it('uses the measured height of cards for the rows not rendered, so positions stay right', async () => {
    const el = await mount(1000, {}, '360px');
    await until(() => rows(el).length > 0, 'cards');
    const cardHeight = rows(el)[1]!.getBoundingClientRect().height;
    expect(cardHeight, 'a card is taller than a table row').to.be.greaterThan(ROW);
    const top = body(el).getBoundingClientRect().top + window.scrollY;
    // The spacers use the measured card height for the rows not rendered.
    await until(() => Math.abs(body(el).getBoundingClientRect().height - 1000 * cardHeight) < 2, 'the table as tall as its cards');
    window.scrollTo({ top: top + 500 * cardHeight + 5, behavior: 'instant' });
    await waitForRow(el, 502);
    expect(rowAt(el, 1)!.getAttribute('aria-rowindex')).to.equal('502');
  });

  it('remembers the height of each row it measured, so rows of different heights stay where they are', async () => {
    const el = document.createElement('test-virtual-table');
    el.tallRows = 100;
    el.items = makeRows(300);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await settled(el);
    const top = body(el).getBoundingClientRect().top + window.scrollY;
    // Scroll through the whole table once, as a reader would, so that every row has been on screen.
    for (let y = 0; y < 100 * 2 * ROW + 200 * ROW; y += 300) {
      window.scrollTo({ top: top + y, behavior: 'instant' });
      await settled(el);
    }
    // Row 200 starts below 100 tall rows and 100 short ones (an average height would put it elsewhere).
    window.scrollTo({ top: top + 100 * 2 * ROW + 100 * ROW + 5, behavior: 'instant' });
    await settled(el);
    expect(rowAt(el, 20)?.getAttribute('aria-rowindex')).to.equal('202');
    window.scrollTo({ top: top + 50 * 2 * ROW + 5, behavior: 'instant' });
    await settled(el);
    expect(rowAt(el, 20)?.getAttribute('aria-rowindex')).to.equal('52');
  });

  it('starts afresh when the items are replaced by a shorter list (a new filter)', async () => {
    const el = await mount(10_000);
    el.items = makeRows(3);
    await el.updateComplete;
    expect(rowIndexes(el)).to.deep.equal([2, 3, 4]);
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('4');
    await until(() => Math.abs(body(el).getBoundingClientRect().height - 3 * ROW) < 1, 'three rows high');
  });

  it('says the size is unknown (aria-rowcount -1) when the count is not known', async () => {
    const el = await mount(30);
    el.unknownCount = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('-1');
    expect(rowIndexes(el)[0], 'rows keep their positions').to.equal(2);
  });

  describe('rows that take the focus (rowFocus)', () => {
    const focused = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.closest<HTMLTableRowElement>('tr[data-index]')?.dataset['index'];

    it('is one Tab stop, the last focused row, and moves by ↑ ↓ Page Up/Down Home End over rows not rendered yet', async () => {
      const el = await mount(500, { rowFocus: true });
      expect(rows(el)[0]!.tabIndex).to.equal(0);
      expect(rows(el).slice(1).every((row) => row.tabIndex === -1), 'one Tab stop').to.equal(true);
      el.shadowRoot!.querySelector<HTMLButtonElement>('.before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('0');
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focused(el) === '1', 'the second row');
      await sendKeys({ press: 'End' });
      await until(() => focused(el) === '499', 'the last row');
      expect(el.shadowRoot!.activeElement!.getAttribute('aria-rowindex')).to.equal('501');
      await sendKeys({ press: 'PageUp' });
      await until(() => Number(focused(el)) < 499, 'a screen up');
      await sendKeys({ press: 'Home' });
      await until(() => focused(el) === '0', 'the first row');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)).to.equal('0');
      // Tab goes into the row's own actions, and Shift+Tab back to the row.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement!.className).to.equal('open');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused(el)).to.equal('0');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await until(() => focused(el) === '2', 'the third row');
      // The row focused last is the table's Tab stop from now on (the rows' actions stay Tab stops too).
      await el.updateComplete;
      expect(rows(el).filter((row) => row.tabIndex === 0).map((row) => row.dataset['index'])).to.deep.equal(['2']);
    });

    it('passes the keys it does not use to the widget (Space, to select a row), and ignores keys inside actions', async () => {
      const el = await mount(20, { rowFocus: true });
      rows(el)[3]!.focus();
      await sendKeys({ press: 'Space' });
      expect(el.spaced).to.deep.equal(['r3']);
      rows(el)[3]!.querySelector<HTMLButtonElement>('.open')!.focus();
      await sendKeys({ press: 'End' });
      expect(el.shadowRoot!.activeElement!.className, 'End inside a button is not the table\'s').to.equal('open');
    });

    it('shows rows as cards below 600 px with cards: "wide", and as a table above', async () => {
      const el = await mount(20, { cards: 'wide' }, '560px');
      expect(getComputedStyle(rows(el)[0]!).display).to.equal('block');
      el.style.setProperty('inline-size', '700px');
      await settled(el);
      expect(getComputedStyle(rows(el)[0]!).display).to.equal('table-row');
    });
  });
});
