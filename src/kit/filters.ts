import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { tokens as t } from '../theme/tokens.js';
import { PERIODS, type PeriodChoice, type PeriodFields } from './period.js';

/**
 * The filter controls of the list widgets (invoices, payments …), as templates in the widget's own shadow root:
 * each control is labelled, applies as soon as it changes, and is `part="filter filter-<id>"`. Put them in a
 * `<form class="filters" part="filters">` and add `filterStyles` to the widget's styles.
 */

/** One labelled `<select>`; `live()` so that a value the widget corrects shows even when the customer chose it. */
export function filterSelect<T extends string>(id: string, label: string, value: T, options: readonly (readonly [T, string])[], onChange: (value: T) => void): TemplateResult {
  return html`<div class="filter">
    <label for=${id}>${label}</label>
    <select id=${id} part="filter filter-${id}" .value=${live(value as string)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as T)}>
      ${options.map(([v, text]) => html`<option value=${v as string} ?selected=${v === value}>${text}</option>`)}
    </select>
  </div>`;
}

/** One labelled date field (`YYYY-MM-DD`), applied on change. */
export function dateFilter(id: string, label: string, value: string, onChange: (value: string) => void): TemplateResult {
  return html`<div class="filter">
    <label for=${id}>${label}</label>
    <input id=${id} part="filter filter-${id}" type="date" .value=${live(value)} @change=${(e: Event) => onChange((e.target as HTMLInputElement).value)} />
  </div>`;
}

/** One labelled checkbox ("only unread"), applied on change; the label beside the box, the whole row a target. */
export function filterCheck(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void): TemplateResult {
  return html`<div class="filter filter--check">
    <input id=${id} part="filter filter-${id}" type="checkbox" .checked=${live(checked)} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
    <label for=${id}>${label}</label>
  </div>`;
}

/** A period's quick choice in words. */
export function periodText(period: Exclude<PeriodChoice, ''>): string {
  switch (period) {
    case 'this-year':
      return msg('Ten rok');
    case 'last-year':
      return msg('Poprzedni rok');
    case 'last-12-months':
      return msg('Ostatnie 12 miesięcy');
    default:
      return msg('Wybrane daty');
  }
}

export interface PeriodFilterView {
  /** The label of the choice, naming which date it filters ("Okres wystawienia"). */
  label: string;
  value: PeriodFields;
  onChange: (change: Partial<PeriodFields>) => void;
}

/** The period filter: "any", the quick choices and "chosen dates", which adds from–to fields (`#period`, `#from`, `#to`). */
export function periodFilter(view: PeriodFilterView): TemplateResult {
  const { value, onChange } = view;
  return html`${filterSelect<PeriodChoice>('period', view.label, value.period, [['', msg('Dowolny')], ...PERIODS.map((p) => [p, periodText(p)] as const)], (period) =>
    onChange({ period }),
  )}
  ${value.period === 'custom'
    ? html`${dateFilter('from', msg('Od dnia'), value.from, (from) => onChange({ from }))} ${dateFilter('to', msg('Do dnia'), value.to, (to) => onChange({ to }))}`
    : nothing}`;
}

/**
 * The look of `.filters` (a grid of `.filter` label + control, then `.filters__actions`), on the tokens. A widget
 * that offers its own background property sets `.filters { background: var(--ebok-<widget>-filters-bg, …) }` after these.
 */
export const filterStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
    gap: ${t.spaceS} ${t.spaceM};
    align-items: end;
    margin: 0;
    padding: ${t.spaceM};
    border-radius: ${t.radius};
    background: ${t.colorSurfaceAlt};
  }
  .filter {
    display: grid;
    gap: ${t.spaceXs};
    min-inline-size: 0;
  }
  .filter label {
    font-weight: ${t.fontWeightBold};
  }
  .filter input,
  .filter select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: ${t.targetSize};
    padding: ${t.spaceXs} ${t.spaceS};
    border: 2px solid ${t.colorBorder};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
    color: ${t.colorText};
    font: inherit;
  }
  .filter input:focus-visible,
  .filter select:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .filter--check {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    min-block-size: ${t.targetSize};
  }
  .filter--check input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    min-block-size: 0;
    margin: 0;
    accent-color: ${t.colorPrimary};
  }
  .filter--check label {
    font-weight: ${t.fontWeightNormal};
  }
  .filters__actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
`;
