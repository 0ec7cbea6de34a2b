/**
 * The customer at the payment operator (the reference server's sandbox page): opens the page the payment's
 * `redirectUrl` names and submits its form for `action` (approve, decline or cancel) as the browser would, with
 * the form's own fields. Answers the sandbox's answer (a redirect back to the shop's page).
 */
export async function submitSandbox(redirectUrl: string, action: 'approve' | 'decline' | 'cancel'): Promise<Response> {
  const page = await (await fetch(redirectUrl)).text();
  const form = new DOMParser().parseFromString(page, 'text/html').querySelector<HTMLFormElement>(`form[action$="/${action}"]`);
  if (!form) throw new Error(`the sandbox page offers no ${action}: ${page.slice(0, 200)}`);
  const fields = new URLSearchParams();
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name]')) fields.append(input.name, input.value);
  return fetch(new URL(form.getAttribute('action')!, redirectUrl), { method: 'POST', body: fields, redirect: 'manual' });
}
