// React 19: the elements in JSX, with the typings of `ebok-widgets/react-jsx`. Attributes as in HTML, events
// as on<event-name> (React 19 adds those as listeners on custom elements).
import type {} from 'ebok-widgets/react-jsx';
import 'ebok-widgets/all.js';
import { useRef } from 'react';
import type { EbokLogin, EbokLoginSuccessEvent } from 'ebok-widgets';

export function Portal({ onSignedIn }: { onSignedIn: (name: string) => void }) {
  const login = useRef<EbokLogin>(null);
  return (
    <ebok-provider theme="gas" text-size="large" api-base="/api/v1">
      <ebok-login
        ref={login}
        api-base="/api/v1"
        navigation="inline"
        heading-level="3"
        className="login"
        onebok-login-success={(event: EbokLoginSuccessEvent) => onSignedIn(event.detail.user.displayName)}
        onebok-navigate={(event) => event.preventDefault()}
      />
      <ebok-balance-tile compact href="/ebok/dokumenty" onebok-payment-start={(event) => void event.detail.redirectUrl} />
      {/* @ts-expect-error not a value of signed-out */}
      <ebok-balance-tile signed-out="never" />
      {/* @ts-expect-error an attribute is written as in HTML (JSX lets any other name with a dash through) */}
      <ebok-session warnBefore={120} />
      <ebok-session
        warn-before={120}
        // @ts-expect-error the logout event carries no user
        onebok-logout={(event) => void event.detail.user}
      />
    </ebok-provider>
  );
}
