import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../support/token-board.js';

/**
 * Design tokens (`--ebok-*` custom properties). Set any of them on the page to brand the widgets; a
 * `theme` attribute or a preset stylesheet (`ebok-widgets/themes/gas.css`) picks a utility preset.
 * Every text colour pair is at least 4.5:1 in every preset (checked in `npm test`).
 */
const meta: Meta = {
  title: 'Foundations/Design tokens',
  component: 'ebok-token-board',
  render: () => html`<ebok-token-board></ebok-token-board>`,
};
export default meta;

export const Tokens: StoryObj = {};
