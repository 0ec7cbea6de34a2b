import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const tariffChangeStyles = css`
  .base {
    display: inline-grid;
    gap: ${t.spaceM};
  }
  .subtitle {
    margin: 0;
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
  }
  .subtitle:focus {
    outline: none;
  }
  .current,
  .request,
  .option {
    padding: ${t.spaceM};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
  }
  .current {
    background: ${t.colorSurfaceAlt};
  }
  .current p,
  .request p,
  .option p {
    margin: 0;
  }
  .zones {
    margin: ${t.spaceXs} 0 0;
    padding-inline-start: 1.2em;
  }
  .zones__name {
    font-weight: ${t.fontWeightBold};
  }
  .zones__price {
    color: ${t.colorTextMuted};
  }
  .options {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .options legend {
    font-weight: ${t.fontWeightBold};
    margin-block-end: ${t.spaceS};
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: ${t.spaceXs} ${t.spaceS};
    align-items: start;
  }
  .option:has(input:checked) {
    border-color: ${t.colorPrimary};
    box-shadow: inset 0 0 0 1px ${t.colorPrimary};
  }
  .option input {
    inline-size: 1.5em;
    block-size: 1.5em;
    min-inline-size: 24px;
    min-block-size: 24px;
    margin: 0.1em 0 0;
    accent-color: ${t.colorPrimary};
  }
  .option label {
    font-weight: ${t.fontWeightBold};
    cursor: pointer;
  }
  .option__body {
    grid-column: 2;
    display: grid;
    gap: ${t.spaceXs};
    min-inline-size: 0;
  }
  .option__estimate {
    font-weight: ${t.fontWeightBold};
  }
  .compare {
    inline-size: 100%;
    border-collapse: collapse;
  }
  .compare caption {
    text-align: start;
    font-weight: ${t.fontWeightBold};
    margin-block-end: ${t.spaceXs};
  }
  .compare th,
  .compare td {
    padding: ${t.spaceXs} ${t.spaceS};
    border-block-end: ${t.borderWidth} solid ${t.colorBorderSubtle};
    text-align: start;
  }
  .compare td {
    text-align: end;
    white-space: nowrap;
  }
  .compare__current th,
  .compare__current td {
    background: ${t.colorSurfaceAlt};
  }
  .basis {
    margin: 0;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .requests ul {
    display: grid;
    gap: ${t.spaceS};
    margin: ${t.spaceS} 0 0;
    padding: 0;
    list-style: none;
  }
  .request {
    display: grid;
    gap: ${t.spaceXs};
    border-inline-start: 4px solid ${t.colorInfo};
  }
  .request--accepted,
  .request--effective {
    border-inline-start-color: ${t.colorSuccess};
  }
  .request--rejected {
    border-inline-start-color: ${t.colorDanger};
  }
  .request__title {
    font-weight: ${t.fontWeightBold};
  }
  .point select {
    font: inherit;
    min-block-size: 44px;
    max-inline-size: 100%;
    padding: ${t.spaceXs} ${t.spaceS};
    border: ${t.borderWidth} solid ${t.colorBorder};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurface};
    color: ${t.colorText};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
`;
