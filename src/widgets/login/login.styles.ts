import { css } from 'lit';
import { tokens as t } from '../../theme/tokens.js';

export const loginStyles = css`
  .base {
    container-type: inline-size;
    max-inline-size: var(--ebok-login-max-width, 32rem);
    background: ${t.colorSurface};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    padding: ${t.spaceL};
    box-shadow: ${t.shadow};
  }
  .title {
    margin: 0 0 ${t.spaceM};
    font-size: ${t.fontSizeLarge};
    font-weight: ${t.fontWeightBold};
    line-height: 1.25;
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
  form {
    display: grid;
    gap: ${t.spaceM};
  }
  .field {
    display: grid;
    gap: ${t.spaceXs};
  }
  label {
    font-weight: ${t.fontWeightBold};
  }
  .hint {
    margin: 0;
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .control {
    display: flex;
    align-items: stretch;
    gap: ${t.spaceS};
  }
  input {
    flex: 1 1 auto;
    min-inline-size: 0;
    inline-size: 100%;
    min-block-size: ${t.targetSize};
    padding: ${t.spaceS} ${t.spaceM};
    border: 2px solid ${t.colorBorder};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
    color: ${t.colorText};
    font: inherit;
  }
  input[aria-invalid='true'] {
    border-color: ${t.colorDanger};
    border-inline-start-width: 6px;
  }
  input.code {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    max-inline-size: 14rem;
  }
  .toggle {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${t.spaceXs};
    min-block-size: ${t.targetSize};
    min-inline-size: ${t.targetSize};
    padding: ${t.spaceXs} ${t.spaceS};
    border: 2px solid ${t.colorBorder};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
    color: ${t.colorPrimary};
    font: inherit;
    font-size: ${t.fontSizeSmall};
    font-weight: ${t.fontWeightBold};
    cursor: pointer;
  }
  .toggle[aria-pressed='true'] {
    background: ${t.colorSurfaceAlt};
    border-color: ${t.colorPrimary};
  }
  .toggle svg,
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  .field-error {
    display: flex;
    gap: ${t.spaceXs};
    align-items: flex-start;
    margin: 0;
    color: ${t.colorDanger};
    font-weight: ${t.fontWeightBold};
  }
  .caps {
    margin: 0;
    color: ${t.colorWarning};
    font-weight: ${t.fontWeightBold};
  }
  .notice {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceS} ${t.spaceM};
    margin: 0 0 ${t.spaceM};
    padding: ${t.spaceM};
    border-radius: ${t.radius};
    border-inline-start: 4px solid ${t.colorInfo};
    background: ${t.colorInfoBg};
    color: ${t.colorText};
  }
  .notice:focus {
    outline: none;
  }
  .notice:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .notice--error {
    border-inline-start-color: ${t.colorDanger};
    background: ${t.colorDangerBg};
  }
  .notice--warning {
    border-inline-start-color: ${t.colorWarning};
    background: ${t.colorWarningBg};
  }
  .notice--success {
    border-inline-start-color: ${t.colorSuccess};
    background: ${t.colorSuccessBg};
  }
  .notice .icon {
    margin-block-start: 0.15em;
  }
  .notice--error .icon {
    color: ${t.colorDanger};
  }
  .notice--success .icon {
    color: ${t.colorSuccess};
  }
  .notice--warning .icon {
    color: ${t.colorWarning};
  }
  .notice__body {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: grid;
    gap: ${t.spaceS};
  }
  .notice__body p {
    margin: 0;
  }
  .notice__body p:first-child {
    font-weight: ${t.fontWeightBold};
  }
  .countdown {
    font-weight: ${t.fontWeightBold};
    font-variant-numeric: tabular-nums;
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
  .policy {
    display: grid;
    gap: ${t.spaceXs};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .policy li {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
  }
  .policy .met {
    color: ${t.colorSuccess};
  }
  .policy .unmet {
    color: ${t.colorTextMuted};
  }
  .done {
    display: flex;
    align-items: flex-start;
    gap: ${t.spaceS};
  }
  .done:focus {
    outline: none;
  }
  .done:focus-visible {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
  }
  .done .icon {
    color: ${t.colorSuccess};
    margin-block-start: 0.2em;
  }
  .done p {
    margin: 0;
  }
  .inline-view {
    display: grid;
    gap: ${t.spaceM};
  }
  @media (max-width: 22rem) {
    .base {
      padding: ${t.spaceM};
    }
  }
  @container (max-width: 22rem) {
    .actions .button {
      inline-size: 100%;
    }
    .toggle .toggle__text {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
`;
