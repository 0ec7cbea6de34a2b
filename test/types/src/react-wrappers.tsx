// React 18 (and 19) hosts: the components of `ebok-widgets/react`, made with @lit/react. Properties are props
// (camelCase, set on the element before it first renders), events are camelCase on<Event> props.
import { useRef, useState } from 'react';
import { EbokBalanceTile, EbokLogin, EbokProvider, EbokSession } from 'ebok-widgets/react';
import { EbokRegister } from 'ebok-widgets/react/ebok-register.js';
import type { EbokLogin as EbokLoginElement } from 'ebok-widgets';

export function Portal() {
  const [name, setName] = useState('');
  const login = useRef<EbokLoginElement>(null);
  return (
    <EbokProvider apiBase="/api/v1" theme="water">
      <EbokLogin
        ref={login}
        apiBase="/api/v1"
        afterLogin="hidden"
        navigation="inline"
        headingLevel={3}
        onEbokLoginSuccess={(event) => setName(event.detail.user.displayName)}
        onEbokNavigate={(event) => event.preventDefault()}
      />
      <EbokBalanceTile compact signedOut="hidden" onEbokPaymentResult={(event) => void event.detail.status} />
      <EbokSession warnBefore={90} onEbokLogout={(event) => void event.detail.apiBase} />
      <EbokRegister termsHref="/regulamin" />
      {/* @ts-expect-error not a value of afterLogin */}
      <EbokLogin afterLogin="never" />
      {/* @ts-expect-error headingLevel is a number */}
      <EbokLogin headingLevel="3" />
      <EbokLogin
        // @ts-expect-error the event has no such detail
        onEbokLoginSuccess={(event) => void event.detail.password}
      />
      {name}
    </EbokProvider>
  );
}
