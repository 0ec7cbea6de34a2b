import { expect } from '@open-wc/testing';
import { stub } from 'sinon';
import { safeDefine } from '../../src/core/define.js';
import { VERSION } from '../../src/core/version.js';

let n = 0;
const uniqueTag = () => `ebok-define-test-${++n}`;

describe('safeDefine (core/define)', () => {
  it('defines an element that is not defined yet', () => {
    const tag = uniqueTag();
    class A extends HTMLElement {}
    safeDefine(tag, A);
    expect(customElements.get(tag)).to.equal(A);
  });

  it('ignores a second definition of the same tag (the bundle loaded twice) without throwing', () => {
    const tag = uniqueTag();
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warn = stub(console, 'warn');
    try {
      safeDefine(tag, First);
      expect(() => safeDefine(tag, Second)).not.to.throw();
      expect(() => safeDefine(tag, First)).not.to.throw();
      expect(warn.called, 'same version is silent').to.equal(false);
    } finally {
      warn.restore();
    }
    expect(customElements.get(tag)).to.equal(First);
  });

  it('warns once, naming both versions, when another version already defined the tag', () => {
    const tag = uniqueTag();
    class Older extends HTMLElement {
      static ebokVersion = '0.0.1';
    }
    customElements.define(tag, Older);
    const warn = stub(console, 'warn');
    try {
      safeDefine(tag, class extends HTMLElement {});
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.contain('0.0.1').and.contain(VERSION).and.contain(tag);
    } finally {
      warn.restore();
    }
  });

  it('stamps the library version on the class it defines', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION, 'core/version.ts is in step with package.json').to.equal(pkg.version);
    const tag = uniqueTag();
    class Stamped extends HTMLElement {}
    safeDefine(tag, Stamped);
    expect((Stamped as unknown as { ebokVersion: string }).ebokVersion).to.equal(VERSION);
  });
});
