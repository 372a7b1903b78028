// As the citizen types, shows knowledge-base answers that may solve the problem before a ticket is made.
// Works once the knowledge base answers /api/v1/kb/suggest; until then the box stays hidden.
(function () {
  const text = document.getElementById('text');
  const box = document.getElementById('suggestions');
  const list = document.getElementById('suggestion-list');
  if (!text || !box) { return; }
  let timer = null;
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = text.value.trim();
      if (q.length < 4) { box.hidden = true; return; }
      fetch('/api/v1/kb/suggest?q=' + encodeURIComponent(q.slice(0, 200)))
        .then(r => r.ok ? r.json() : [])
        .then(items => {
          const hits = Array.isArray(items) ? items : (items.suggestions || items.items || []);
          list.innerHTML = '';
          hits.slice(0, 5).forEach(hit => {
            const li = document.createElement('li');
            li.textContent = hit.title || hit.question || '';
            list.appendChild(li);
          });
          box.hidden = hits.length === 0;
        })
        .catch(() => { box.hidden = true; });
    }, 300);
  });
})();
