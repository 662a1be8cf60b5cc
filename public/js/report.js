// Progressive enhancement only: the pages work without JavaScript.
// Shows the Print button, and opens every finding before printing so nothing is hidden on paper.
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('.js-print')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
});
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details')) details.open = true;
});
