import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../helpers/test-widget.js';
import '../../src/widgets/provider/ebok-provider.js';
import type { TestWidget } from '../helpers/test-widget.js';
import { shadow } from '../helpers/dom.js';
import type { EbokErrorEvent } from '../../src/core/events.js';

const css = (el: Element) => getComputedStyle(el);

describe('EbokElement (the base of every widget)', () => {
  it('renders and is accessible', async () => {
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    expect(shadow(el, '.text').textContent).to.equal('Tekst');
    await expect(el).to.be.accessible();
  });

  it('honours the hidden attribute even though widgets set display', async () => {
    const el = await fixture<TestWidget>(html`<ebok-test-widget hidden></ebok-test-widget>`);
    expect(css(el).display).to.equal('none');
    el.hidden = false;
    expect(css(el).display).to.equal('block');
  });

  it('emits typed events that bubble out of the shadow root to the page', async () => {
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    const button = shadow<HTMLButtonElement>(el, 'button.button');
    setTimeout(() => button.click());
    const event: EbokErrorEvent = await oneEvent(document, 'ebok-error');
    expect(event.detail.code).to.equal('test');
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('shows a visible focus ring when reached with the keyboard', async () => {
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    const button = shadow<HTMLButtonElement>(el, 'button.button');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(css(button).outlineStyle).to.equal('solid');
    expect(parseFloat(css(button).outlineWidth)).to.be.at.least(2);
    before.remove();
  });

  it('gives buttons a target of at least 44×44 px (WCAG 2.5.8 asks 24)', async () => {
    const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
    const rect = shadow(el, 'button.button').getBoundingClientRect();
    expect(rect.height).to.be.at.least(44);
    expect(rect.width).to.be.at.least(44);
  });

  describe('under a hostile host stylesheet', () => {
    let style: HTMLStyleElement;
    beforeEach(() => {
      style = document.createElement('style');
      style.textContent = `
        html { font-size: 62.5%; }
        body { font: italic 40px/5 "Comic Sans MS", cursive; color: magenta; letter-spacing: 4px;
               text-transform: uppercase; text-align: right; word-spacing: 12px; text-indent: 30px; }
        * { color: lime; font-family: fantasy; line-height: 9; letter-spacing: 3px; font-weight: 900; }
        p { margin: 40px; font-size: 5px; }
        button { background: red !important; }
      `;
      document.head.append(style);
    });
    afterEach(() => style.remove());

    it('keeps the token font, colour, line height and letter spacing inside the widget', async () => {
      const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
      const text = css(shadow(el, '.text'));
      expect(text.fontFamily).to.contain('system-ui');
      expect(text.color).to.equal('rgb(26, 29, 33)');
      expect(text.fontStyle).to.equal('normal');
      expect(text.fontWeight).to.equal('400');
      expect(text.letterSpacing).to.equal('normal');
      expect(text.textTransform).to.equal('none');
      expect(text.textIndent).to.equal('0px');
      expect(parseFloat(text.fontSize)).to.equal(17);
      expect(parseFloat(text.lineHeight)).to.equal(17 * 1.5);
    });

    it('keeps text readable when the page shrinks the root font size to 10px', async () => {
      const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
      expect(parseFloat(css(shadow(el, '.text')).fontSize)).to.be.at.least(17);
    });

    it('keeps the button in the brand colour', async () => {
      const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
      expect(css(shadow(el, 'button.button')).backgroundColor).to.equal('rgb(10, 79, 143)');
    });
  });

  describe('themes and text size', () => {
    // The button eases between colours; read it once its transition has finished.
    const primary = async (el: TestWidget) => {
      await el.updateComplete;
      const button = shadow(el, 'button.button');
      await Promise.all(button.getAnimations().map((animation) => animation.finished));
      return css(button).backgroundColor;
    };

    it('uses the energy look by default and a preset chosen by the theme attribute', async () => {
      const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
      expect(await primary(el)).to.equal('rgb(10, 79, 143)');
      el.theme = 'water';
      await el.updateComplete;
      expect(await primary(el)).to.equal('rgb(0, 95, 115)');
      el.theme = 'gas';
      await el.updateComplete;
      expect(await primary(el)).to.equal('rgb(138, 59, 0)');
    });

    it('takes the theme of a surrounding provider, and its own theme attribute wins', async () => {
      const provider = await fixture(html`<ebok-provider theme="gas">
        <ebok-test-widget id="a"></ebok-test-widget>
        <ebok-test-widget id="b" theme="water"></ebok-test-widget>
      </ebok-provider>`);
      expect(await primary(provider.querySelector<TestWidget>('#a')!)).to.equal('rgb(138, 59, 0)');
      expect(await primary(provider.querySelector<TestWidget>('#b')!)).to.equal('rgb(0, 95, 115)');
    });

    it('lets a brand colour set on the page beat any preset', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div><ebok-test-widget theme="gas"></ebok-test-widget></div>`);
      wrapper.style.setProperty('--ebok-color-primary', 'rgb(1, 2, 3)');
      expect(await primary(wrapper.querySelector<TestWidget>('ebok-test-widget')!)).to.equal('rgb(1, 2, 3)');
    });

    it('scales every font by 1.25 in large-text mode, also from a provider', async () => {
      const provider = await fixture(html`<ebok-provider text-size="large">
        <ebok-test-widget></ebok-test-widget>
      </ebok-provider>`);
      const el = provider.querySelector<TestWidget>('ebok-test-widget')!;
      expect(parseFloat(css(shadow(el, '.text')).fontSize)).to.be.closeTo(17 * 1.25, 0.01);
      expect(parseFloat(css(shadow(el, '.amount')).fontSize)).to.be.closeTo(17 * 1.25 * 2, 0.01);
    });

    it('stops animations when the customer prefers reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<TestWidget>(html`<ebok-test-widget></ebok-test-widget>`);
        expect(css(el).getPropertyValue('--ebok-motion-duration').trim()).to.equal('0ms');
        expect(parseFloat(css(shadow(el, 'button.button')).transitionDuration)).to.be.below(0.001);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });
});
