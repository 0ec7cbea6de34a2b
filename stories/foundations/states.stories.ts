import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../support/state-preview.js';

/**
 * Every widget shows loading, empty, error and offline the same way: one look, one wording, announced to
 * screen readers. The retry button is at least 44 px high. Switch language, theme and text size in the toolbar.
 */
const meta: Meta = {
  title: 'Foundations/States',
  component: 'ebok-state-preview',
  render: (args) => html`<ebok-state-preview state=${args.state as 'loading'}></ebok-state-preview>`,
  argTypes: { state: { control: 'inline-radio', options: ['loading', 'empty', 'error', 'offline'] } },
};
export default meta;

type Story = StoryObj;
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const ErrorWithRetry: Story = { args: { state: 'error' } };
export const Offline: Story = { args: { state: 'offline' } };
