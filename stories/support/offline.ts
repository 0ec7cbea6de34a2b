/**
 * A story's `beforeEach` that makes the device say it is offline (`navigator.onLine === false`), which the
 * widgets' offline state needs besides failing requests; the cleanup it returns puts the real value back.
 */
export function deviceOffline(): () => void {
  const own = Object.getOwnPropertyDescriptor(navigator, 'onLine');
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    if (own) Object.defineProperty(navigator, 'onLine', own);
    else delete (navigator as unknown as { onLine?: boolean }).onLine;
  };
}
