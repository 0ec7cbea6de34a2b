/**
 * Finds Polish left in an English page. Diacritics alone miss most of it ("Zaloguj", "Wczytywanie",
 * "Sprawdz"…), so the words come from the translations themselves: every word of the Polish sources in the
 * XLIFF that no English target uses (names such as eBOK, PESEL or BLIK are in both, so they do not count).
 */
let words: Promise<Set<string>> | undefined;

const tokens = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

function polishOnlyWords(): Promise<Set<string>> {
  words ??= fetch('/src/i18n/xliff/en.xlf')
    .then((response) => response.text())
    .then((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const polish = new Set<string>();
      const english = new Set<string>();
      for (const unit of doc.querySelectorAll('trans-unit')) {
        for (const word of tokens(unit.querySelector('source')?.textContent ?? '')) polish.add(word);
        for (const word of tokens(unit.querySelector('target')?.textContent ?? '')) english.add(word);
      }
      for (const word of english) polish.delete(word);
      return polish;
    });
  return words;
}

/** The Polish words in `text` (empty when the text is all English). */
export async function polishIn(text: string): Promise<string[]> {
  const polish = await polishOnlyWords();
  const found = new Set(tokens(text).filter((word) => polish.has(word) || /[ąćęłńóśźż]/.test(word)));
  return [...found];
}
