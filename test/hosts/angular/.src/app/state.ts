/* eslint-disable -- Angular host, type-checked by its own `ng build`; the root ESLint cannot resolve @angular/* here (test/hosts/README.md) */
import { Injectable, signal } from '@angular/core';

/** The host's state that the widgets' attributes are bound to, and what its handlers received. */
@Injectable({ providedIn: 'root' })
export class HostState {
  readonly lang = signal<'pl' | 'en'>('pl');
  readonly headingLevel = signal(2);
  readonly afterLogin = signal<'message' | 'hidden'>('message');
  readonly logins = signal(0);
  readonly navigations = signal(0);
  readonly lastTarget = signal('');
}
