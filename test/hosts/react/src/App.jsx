import { useCallback, useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router';
// One import per element, as the README shows for npm; each defines its element on import.
import 'ebok-widgets/ebok-provider.js';
import 'ebok-widgets/ebok-session.js';
import 'ebok-widgets/ebok-login.js';
import 'ebok-widgets/ebok-balance-tile.js';

const apiBase = window.hostConfig?.apiBase;
window.hostStats = { framework: 'react', accountEffects: 0 };

/** The route with the widgets. Leaving it unmounts them; coming back mounts fresh elements. */
function Account({ lang, headingLevel, afterLogin, onLoginSuccess }) {
  useEffect(() => {
    // StrictMode (development build) runs this twice on the first mount: the driver checks that it did.
    window.hostStats.accountEffects++;
  }, []);
  return (
    <section data-route="account">
      <h2>Moje konto</h2>
      <ebok-provider api-base={apiBase} lang={lang}>
        <ebok-session signed-out="login" login-href="/"></ebok-session>
        {/* React 19 adds custom-element listeners only for `on<event-name>` props, never camelCase. */}
        <ebok-login after-login={afterLogin} onebok-login-success={onLoginSuccess}></ebok-login>
        <ebok-balance-tile href="/saldo" heading-level={headingLevel}></ebok-balance-tile>
      </ebok-provider>
    </section>
  );
}

function Details() {
  return (
    <section data-route="saldo">
      <h2>Szczegóły salda</h2>
      <p>Strona aplikacji (bez widżetów): tu trafia link „Szczegóły salda” z kafelka.</p>
      <Link to="/" data-test="back">
        Wróć do konta
      </Link>
    </section>
  );
}

export function App() {
  const navigate = useNavigate();
  const [lang, setLang] = useState('pl');
  const [headingLevel, setHeadingLevel] = useState(2);
  const [afterLogin, setAfterLogin] = useState('message');
  const [logins, setLogins] = useState(0);
  const [navigations, setNavigations] = useState(0);
  const [lastTarget, setLastTarget] = useState('');

  // The router takes over every link the widgets follow: cancel ebok-navigate and route in the app.
  useEffect(() => {
    const onNavigate = (event) => {
      event.preventDefault();
      setNavigations((n) => n + 1);
      setLastTarget(event.detail.target);
      navigate(event.detail.href ?? '/');
    };
    document.addEventListener('ebok-navigate', onNavigate);
    return () => document.removeEventListener('ebok-navigate', onNavigate);
  }, [navigate]);

  const onLoginSuccess = useCallback(() => setLogins((n) => n + 1), []);

  return (
    <>
      <header className="site">
        <p className="brand">Energia Plus · React</p>
        <nav>
          <Link to="/" data-test="to-account">
            Moje konto
          </Link>{' '}
          <Link to="/saldo" data-test="to-details">
            Saldo
          </Link>
        </nav>
        <div className="controls">
          <button type="button" data-test="lang" onClick={() => setLang((l) => (l === 'pl' ? 'en' : 'pl'))}>
            lang: {lang}
          </button>
          <button type="button" data-test="heading-level" onClick={() => setHeadingLevel((l) => (l === 2 ? 3 : 2))}>
            heading-level: {headingLevel}
          </button>
          <button type="button" data-test="after-login" onClick={() => setAfterLogin((a) => (a === 'message' ? 'hidden' : 'message'))}>
            after-login: {afterLogin}
          </button>
        </div>
        <p className="stats">
          ebok-login-success: <output data-test="logins">{logins}</output>, ebok-navigate: <output data-test="navigations">{navigations}</output>{' '}
          <output data-test="last-target">{lastTarget}</output>
        </p>
      </header>
      <main>
        <Routes>
          <Route
            path="/"
            element={<Account lang={lang} headingLevel={headingLevel} afterLogin={afterLogin} onLoginSuccess={onLoginSuccess} />}
          />
          <Route path="/saldo" element={<Details />} />
        </Routes>
      </main>
    </>
  );
}
