// `ebok-widgets`: classes, helpers and the API's types, with nothing defined. Each `@ts-expect-error` below
// is a misuse the types must catch: if a type silently became `any`, the expectation would be unused and
// tsc would fail on it.
import {
  EbokClient,
  EbokLogin,
  EbokLoginSuccessEvent,
  configure,
  setPageLocale,
  validatePesel,
  VERSION,
  type components,
  type ApiData,
  type ThemeName,
} from 'ebok-widgets';

// The contract's schema types (dist/types/api/schema.d.ts) are real.
type Balance = components['schemas']['Balance'];
export const balance: Pick<Balance, 'overdueCount' | 'currency'> = { overdueCount: 1, currency: 'PLN' };
// @ts-expect-error overdueCount is a number
export const wrongBalance: Pick<Balance, 'overdueCount'> = { overdueCount: 'one' };

// The client is typed from the contract: paths, and what each answers.
export async function balanceOf(client: EbokClient): Promise<string> {
  const answer: ApiData<'/balance'> = await client.get('/balance');
  // @ts-expect-error no such path in the contract
  await client.get('/no-such-path');
  return answer.currency;
}

configure({ apiBase: 'https://ebok-api.example-utility.pl/api/v1', getToken: () => 'token' });
// @ts-expect-error apiBase is a string
configure({ apiBase: 42 });
void setPageLocale('en');

export const theme: ThemeName = 'gas';
// @ts-expect-error not a theme
export const noTheme: ThemeName = 'coal';

export const pesel: boolean = validatePesel('44051401359').valid;
export const version: string = VERSION;

// Classes and events are exported; the event's detail is typed.
export function onLogin(event: EbokLoginSuccessEvent): string {
  // @ts-expect-error detail has no password
  void event.detail.password;
  return event.detail.user.displayName;
}
export const loginClass: typeof HTMLElement = EbokLogin;
