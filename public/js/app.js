// Progressive enhancement only: every page works without JavaScript.
// - the Print button;
// - "Open a saved list": reads the file in the browser into the list (nothing is sent until the check);
// - type-ahead: names from the knowledge base for the word being typed at the start of a line;
// - the filter box of the knowledge-base index.
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('.js-print')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }

  const items = document.getElementById('field-items');
  const opener = document.querySelector('.js-open-saved');
  const file = document.getElementById('field-saved');
  if (items && opener && file) {
    opener.hidden = false;
    file.addEventListener('change', () => {
      const chosen = file.files && file.files[0];
      if (!chosen || chosen.size > 1_000_000) return;
      chosen.text().then((text) => {
        items.value = text;
        items.focus();
      });
    });
  }

  const box = document.getElementById('name-suggestions');
  if (items && box && items.dataset.names) {
    let timer;
    let asked = '';
    const currentLine = () => {
      const before = items.value.slice(0, items.selectionStart);
      const start = before.lastIndexOf('\n') + 1;
      const word = /^\s*([\p{L}][\p{L}\-]*)$/u.exec(before.slice(start));
      return word ? { start, typed: word[1] } : undefined;
    };
    const show = (names, at) => {
      box.replaceChildren();
      for (const name of names) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button button--small';
        b.textContent = name;
        b.addEventListener('click', () => {
          const end = at.start + items.value.slice(at.start).search(/[^\s\p{L}\-]|$/u);
          const rest = items.value.slice(at.start).match(/^\s*[\p{L}\-]*/u)[0].length;
          items.value = items.value.slice(0, at.start) + name + ' ' + items.value.slice(at.start + rest).replace(/^\s*/, '');
          void end;
          box.hidden = true;
          items.focus();
          const caret = at.start + name.length + 1;
          items.setSelectionRange(caret, caret);
        });
        box.append(b);
      }
      box.hidden = names.length === 0;
    };
    items.addEventListener('input', () => {
      clearTimeout(timer);
      const at = currentLine();
      if (!at || at.typed.length < 2) {
        box.hidden = true;
        return;
      }
      timer = setTimeout(() => {
        if (at.typed === asked) return;
        asked = at.typed;
        fetch(`${items.dataset.names}?q=${encodeURIComponent(at.typed)}`, { headers: { accept: 'application/json' } })
          .then((r) => (r.ok ? r.json() : { names: [] }))
          .then((data) => show(data.names || [], at))
          .catch(() => { box.hidden = true; });
      }, 150);
    });
  }

  const filter = document.getElementById('kb-filter');
  if (filter) {
    const rows = [...document.querySelectorAll('[data-kb-name]')];
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
      for (const row of rows) row.hidden = q !== '' && !row.dataset.kbName.includes(q);
    });
  }
});
