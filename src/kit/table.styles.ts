import { css, type CSSResult } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/**
 * The look of `VirtualTable` (kit/table.ts), built on the tokens. Widgets add their column widths by the
 * column classes (`.col-amount { inline-size: 9em }` on the header cell: the layout is fixed, so the header row
 * decides the widths and rows that scroll in never move the columns).
 *
 * Row heights are measured with their padding and borders but not their margins: separate rows and cards with
 * borders or padding, never with margins.
 *
 * @cssprop --ebok-table-font-size - Text size of the cells (default: the base size).
 * @cssprop --ebok-table-cell-padding - Padding of every cell (default `8px 16px`).
 * @cssprop --ebok-table-row-min-height - Smallest height of a row (default the 44 px target size).
 * @cssprop --ebok-table-border-color - Lines between rows (default the subtle border colour).
 * @cssprop --ebok-table-header-bg - Background of the header row.
 * @cssprop --ebok-table-header-color - Text colour of the header row.
 * @cssprop --ebok-table-row-bg - Background of a row.
 * @cssprop --ebok-table-row-alt-bg - Background of every second row (default: the same as a row).
 * @cssprop --ebok-table-row-hover-bg - Background of the row under the pointer.
 * @cssprop --ebok-table-max-height - Height of the table's own scroll box (`scroller: 'box'`), default `70vh`.
 * @cssprop --ebok-table-scroll-margin - Room kept above a row scrolled to (a sticky page header), default `0px`.
 * @cssprop --ebok-table-card-label-width - Width of the labels when rows show as cards (narrower than 480 px).
 * @csspart table - The `<table>`.
 * @csspart caption - Its caption (visually hidden unless the widget shows it).
 * @csspart header-row - The row of column headers.
 * @csspart header - Each column header; also `header-<column key>`.
 * @csspart row - Each data row.
 * @csspart cell - Each data cell; also `cell-<column key>`.
 */
export const tableStyles = css`
  .table-wrap {
    container: ebok-table / inline-size;
  }
  .table-wrap--box {
    max-block-size: var(--ebok-table-max-height, 70vh);
    overflow: auto;
    overscroll-behavior: contain;
  }
  .table {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0;
    font-size: var(--ebok-table-font-size, ${t.fontSize});
  }
  .table__caption {
    caption-side: top;
    text-align: start;
    font-weight: ${t.fontWeightBold};
    padding-block-end: ${t.spaceS};
  }
  .table__header,
  .table__cell {
    padding: var(--ebok-table-cell-padding, ${t.spaceS} ${t.spaceM});
    text-align: start;
    vertical-align: middle;
    /* Long document numbers wrap at a slash or, failing that, anywhere; words in headers stay whole. */
    overflow-wrap: break-word;
    border-block-end: ${t.borderWidth} solid var(--ebok-table-border-color, ${t.colorBorderSubtle});
  }
  .table__header {
    background: var(--ebok-table-header-bg, ${t.colorSurfaceAlt});
    color: var(--ebok-table-header-color, ${t.colorText});
    font-weight: ${t.fontWeightBold};
    border-block-end-color: ${t.colorBorder};
  }
  .table-wrap--box .table__header {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
  }
  .table__cell {
    block-size: var(--ebok-table-row-min-height, ${t.targetSize});
  }
  .table__row {
    background: var(--ebok-table-row-bg, ${t.colorSurface});
    scroll-margin-block: var(--ebok-table-scroll-margin, 0px);
  }
  .table__row--alt {
    background: var(--ebok-table-row-alt-bg, var(--ebok-table-row-bg, ${t.colorSurface}));
  }
  .table__row:hover {
    background: var(--ebok-table-row-hover-bg, var(--ebok-table-row-bg, ${t.colorSurface}));
  }
  .table__cell--end,
  .table__header--end {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th.table__cell {
    font-weight: ${t.fontWeightBold};
  }
  .table__label {
    display: none;
  }
  .table__spacer,
  .table__spacer-cell {
    /*
     * Scroll anchoring may hold a rendered row still while rows are appended or spacers change, never a spacer:
     * its height is the table's own bookkeeping. (Off for the whole table, the browser held the page's content
     * below it instead, and a page of rows that arrived threw the customer past them.)
     */
    overflow-anchor: none;
  }
  .table__spacer-cell {
    padding: 0;
    border: 0;
    /* Set from script on this cell (kit/table.ts): the height of the rows it stands in for. */
    block-size: var(--ebok-table-spacer-size, 0px);
  }

  /* Narrower than 480 px (600 px for tables of many columns): each row is a card of label: value lines (the header row stays for screen readers). */
  @container ebok-table (max-width: 480px) {
    ${cardRules(css`.table-wrap--cards`)}
  }
  @container ebok-table (max-width: 600px) {
    ${cardRules(css`.table-wrap--cards-wide`)}
  }
  /* Rows that take the focus (rowFocus): the ring inside the row, so the next row does not cover it. */
  .table-wrap--row-focus .table__row:focus {
    outline: none;
  }
  .table-wrap--row-focus .table__row:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: calc(-1 * ${t.focusRingWidth});
  }
`;

/** The card layout of rows under `wrap` (the class of the table's wrap for one breakpoint). */
function cardRules(wrap: CSSResult): CSSResult {
  return css`
    ${wrap} :is(.table, .table__body, .table__row, .table__cell, .table__caption) {
      display: block;
    }
    ${wrap} .table__head {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    ${wrap} .table__row {
      padding-block: ${t.spaceS};
      border-block-end: ${t.borderWidth} solid var(--ebok-table-border-color, ${t.colorBorderSubtle});
    }
    ${wrap} .table__cell {
      display: grid;
      grid-template-columns: var(--ebok-table-card-label-width, minmax(6em, 40%)) minmax(0, 1fr);
      gap: ${t.spaceS};
      /* Column widths of the table mode do not apply to a card. */
      inline-size: auto;
      block-size: auto;
      min-block-size: 0;
      padding-block: ${t.spaceXs};
      border: 0;
      text-align: start;
    }
    ${wrap} .table__cell--title {
      grid-template-columns: minmax(0, 1fr);
      font-size: ${t.fontSizeLarge};
    }
    ${wrap} .table__label {
      display: block;
      color: ${t.colorTextMuted};
      font-weight: ${t.fontWeightNormal};
    }
    ${wrap} :is(.table__spacer, .table__spacer-cell) {
      display: block;
    }
  `;
}
