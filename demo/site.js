// The site's own script (not part of ebok-widgets): a language switch that sets <html lang>, which is all
// the widgets need to follow; and the pressed state of the buttons.
const buttons = document.querySelectorAll('.lang-switch button[data-lang]');
function show(lang) {
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
}
for (const button of buttons) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
    show(button.dataset.lang);
  });
}
show(document.documentElement.lang);
