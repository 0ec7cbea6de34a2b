import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/**
 * One stylesheet for every form widget: fields, checkboxes, choices, the error summary, the password
 * checklist, actions and links. Fields are tuned with `--ebok-field-*` custom properties (falling back to
 * the global tokens), so a utility can restyle every form at once:
 *
 * - `--ebok-field-border-color`, `--ebok-field-border-width`, `--ebok-field-radius`, `--ebok-field-background`
 * - `--ebok-field-error-color` (the border and text of a wrong field), `--ebok-field-label-weight`, `--ebok-field-gap`
 */
export const formStyles = css`
  .base {
    container-type: inline-size;
  }
  form {
    display: grid;
    gap: ${t.spaceM};
    margin: 0;
  }
  .title {
    margin: 0 0 ${t.spaceS};
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    line-height: 1.3;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .intro {
    margin: 0 0 ${t.spaceM};
  }
  .field {
    display: grid;
    gap: var(--ebok-field-gap, ${t.spaceXs});
    min-inline-size: 0;
  }
  .field__label,
  .choice legend {
    font-weight: var(--ebok-field-label-weight, ${t.fontWeightBold});
  }
  .field__optional {
    font-weight: ${t.fontWeightNormal};
    color: ${t.colorTextMuted};
  }
  .field__hint {
    margin: 0;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .field__control {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: stretch;
    min-inline-size: 0;
  }
  .input {
    flex: 1 1 12em;
    min-inline-size: 0;
    min-block-size: ${t.targetSize};
    padding: ${t.spaceS} ${t.spaceM};
    border: var(--ebok-field-border-width, 2px) solid var(--ebok-field-border-color, ${t.colorBorder});
    border-radius: var(--ebok-field-radius, ${t.radiusSmall});
    background: var(--ebok-field-background, ${t.colorSurface});
    color: ${t.colorText};
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: var(--ebok-field-error-color, ${t.colorDanger});
    border-inline-start-width: 6px;
  }
  .input--code {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    max-inline-size: 13em;
  }
  .field__error {
    display: flex;
    gap: ${t.spaceXs};
    align-items: flex-start;
    margin: 0;
    color: var(--ebok-field-error-color, ${t.colorDanger});
    font-weight: ${t.fontWeightBold};
  }
  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .field__error .icon {
    margin-block-start: 0.15em;
  }
  .caps {
    margin: 0;
    color: ${t.colorWarning};
    font-weight: ${t.fontWeightBold};
  }
  .caps:empty {
    display: none;
  }
  .reveal {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${t.spaceXs};
    min-block-size: ${t.targetSize};
    min-inline-size: ${t.targetSize};
    padding: ${t.spaceXs} ${t.spaceS};
    border: 2px solid var(--ebok-field-border-color, ${t.colorBorder});
    border-radius: var(--ebok-field-radius, ${t.radiusSmall});
    background: ${t.colorSurface};
    color: ${t.colorPrimary};
    font: inherit;
    font-size: ${t.fontSizeSmall};
    font-weight: ${t.fontWeightBold};
    cursor: pointer;
  }
  .reveal[aria-pressed='true'] {
    background: ${t.colorSurfaceAlt};
    border-color: ${t.colorPrimary};
  }
  .choice {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .choice legend {
    padding: 0;
    margin-block-end: ${t.spaceXs};
  }
  .choice__options {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceL};
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceS};
    min-block-size: ${t.targetSize};
  }
  .check input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0.6em 0 0;
    accent-color: ${t.colorPrimary};
  }
  .check label {
    flex: 1;
    padding-block: ${t.spaceS};
    cursor: pointer;
  }
  .check--invalid input {
    outline: 2px solid var(--ebok-field-error-color, ${t.colorDanger});
    outline-offset: 2px;
  }
  .consents {
    display: grid;
    gap: ${t.spaceXs};
  }
  .summary {
    padding: ${t.spaceM};
    border: 2px solid ${t.colorDanger};
    border-inline-start-width: 6px;
    border-radius: ${t.radius};
    background: ${t.colorDangerBg};
    color: ${t.colorDanger};
  }
  .summary p {
    margin: 0;
    font-weight: ${t.fontWeightBold};
  }
  .summary ul {
    margin: ${t.spaceS} 0 0;
    padding-inline-start: 1.2em;
  }
  .link-button {
    min-block-size: ${t.targetSize};
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .result {
    display: grid;
    gap: ${t.spaceM};
  }
  .result:focus {
    outline: none;
  }
  .result:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .status--success {
    background: ${t.colorSuccessBg};
    color: ${t.colorSuccess};
    border-inline-start: 4px solid ${t.colorSuccess};
  }
  .status--info {
    background: ${t.colorInfoBg};
    color: ${t.colorText};
    border-inline-start: 4px solid ${t.colorInfo};
  }
  .status p {
    margin: 0;
  }
  .status .status__text + p,
  .status p + p {
    margin-block-start: ${t.spaceS};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceL};
    margin: ${t.spaceM} 0 0;
    padding: 0;
    list-style: none;
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: ${t.targetSize};
    padding: 0;
    border: 0;
    background: none;
    color: ${t.colorPrimary};
    font: inherit;
    font-weight: ${t.fontWeightBold};
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .link:hover {
    color: ${t.colorPrimaryHover};
  }
  .link[disabled],
  .link[aria-disabled='true'] {
    color: ${t.colorTextMuted};
    cursor: not-allowed;
    text-decoration: none;
  }
  .countdown {
    margin: 0;
    font-weight: ${t.fontWeightBold};
    font-variant-numeric: tabular-nums;
  }
  .password-help {
    padding: ${t.spaceS} ${t.spaceM};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurfaceAlt};
  }
  .password-help p {
    margin: 0;
  }
  .checklist {
    display: grid;
    gap: ${t.spaceXs};
    margin: ${t.spaceXs} 0 ${t.spaceS};
    padding: 0;
    list-style: none;
  }
  .checklist li {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
  }
  .checklist .met {
    color: ${t.colorSuccess};
  }
  .checklist .unmet {
    color: ${t.colorTextMuted};
  }
  .strength {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceXs} ${t.spaceS};
  }
  .strength meter {
    inline-size: 8em;
    block-size: 1em;
  }
  @container (max-width: 21em) {
    .actions .button,
    .actions .link {
      inline-size: 100%;
      justify-content: center;
    }
    .reveal .reveal__text {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
`;
