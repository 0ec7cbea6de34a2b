import type { Ref } from 'lit/directives/ref.js';
import type { LoginController } from './login.controller.js';
import type { FocusTarget } from './login.machine.js';

/**
 * Where a `focus` effect of the machine (login.machine.ts) puts focus, as a ref or a lookup that the controller's
 * FocusController resolves after the next update: a field, the notice, the submit button, a link, the signed-in
 * message, the step's heading, or "Back".
 */
export function focusTarget(c: LoginController, target: FocusTarget, focusHeading: () => boolean): Ref<Element> | (() => Element | null | undefined) {
  if (typeof target === 'object') return c.linkRef(target.link);
  switch (target) {
    case 'identifier':
    case 'password':
      return c.credentials.field(target).ref;
    case 'code':
      return () => c.forms?.code.field('code').ref.value;
    case 'newPassword':
      return () => c.forms?.change.field('newPassword').ref.value;
    case 'notice':
      return c.notice.ref;
    case 'submit':
      return c.credentials.submitRef;
    case 'message':
      return () => c.page.focusAfterSignIn(c.message.value);
    case 'heading':
      // The step's heading (its view may still be loading: its placeholder has the same heading).
      return () => {
        focusHeading();
        return undefined;
      };
    case 'back':
      // Inline, the flow's own heading takes focus once it has rendered (after this update).
      if (c.state.step === 'inline') {
        return () => {
          c.page.focusInlineFlow();
          return undefined;
        };
      }
      return c.back;
  }
}
