// As the citizen types, shows the knowledge base's best answers before a ticket is made. Opening one
// shows the whole answer; "这条解答解决了我的问题" records a deflection and the citizen need not submit.
(function () {
  const text = document.getElementById('text');
  const box = document.getElementById('suggestions');
  const list = document.getElementById('suggestion-list');
  const solved = document.getElementById('suggestion-solved');
  if (!text || !box || !list || !solved) { return; }
  const MAX_QUERY = 100; // KnowledgeBase.MAX_QUERY_LENGTH, counted in characters
  const SHOWN = 3;
  let timer = null;
  let asked = 0;

  function query() {
    return Array.from(text.value.trim()).slice(0, MAX_QUERY).join('');
  }

  // The snippet arrives HTML-escaped with the matched words in <em>; copy only its text and <em>.
  function appendSnippet(target, html) {
    const parsed = new DOMParser().parseFromString('<p>' + html + '</p>', 'text/html').body.firstChild;
    parsed.childNodes.forEach(node => {
      if (node.nodeName === 'EM') {
        const em = document.createElement('em');
        em.textContent = node.textContent;
        target.appendChild(em);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function loadAnswer(hit, target) {
    fetch('/api/v1/kb/articles/' + encodeURIComponent(hit.id))
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(article => {
        target.textContent = article.answer;
        if (article.laws && article.laws.length) {
          const laws = document.createElement('p');
          laws.className = 'muted';
          laws.textContent = '法律依据：' + article.laws.join('；');
          target.appendChild(laws);
        }
      })
      .catch(() => { target.textContent = '解答暂时无法显示，请稍后再试。'; });
  }

  function markSolved(hit, q, button) {
    button.disabled = true;
    fetch('/api/v1/kb/deflections', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      // the impression proves the search showed this answer here; without it nothing is counted
      body: JSON.stringify({ articleId: hit.id, query: q, impression: hit.impression })
    }).then(r => {
      if (!r.ok) { return Promise.reject(r.status); }
      box.hidden = true;
      solved.hidden = false;
    }).catch(() => {
      button.disabled = false;
      button.textContent = '记录失败，请重试';
    });
  }

  function show(hits, q) {
    list.innerHTML = '';
    hits.forEach(hit => {
      const item = document.createElement('li');
      item.className = 'suggestion';
      item.dataset.id = hit.id;
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = hit.title;
      const snippet = document.createElement('p');
      snippet.className = 'snippet muted';
      appendSnippet(snippet, hit.snippet || '');
      const answer = document.createElement('div');
      answer.className = 'suggestion-answer';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'solved-button secondary';
      button.textContent = '这条解答解决了我的问题';
      button.addEventListener('click', () => markSolved(hit, q, button));
      details.addEventListener('toggle', () => {
        if (details.open && !answer.hasChildNodes()) { loadAnswer(hit, answer); }
      });
      details.append(summary, snippet, answer, button);
      item.appendChild(details);
      list.appendChild(item);
    });
    box.hidden = hits.length === 0;
  }

  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = query();
      if (q.length < 4) { box.hidden = true; return; }
      const mine = ++asked;
      fetch('/api/v1/kb/search?limit=8&q=' + encodeURIComponent(q))
        .then(r => r.ok ? r.json() : [])
        .then(hits => {
          if (mine !== asked) { return; } // an answer to older text arrived late
          solved.hidden = true;
          show(hits.filter(h => h.type === 'faq').slice(0, SHOWN), q);
        })
        .catch(() => { box.hidden = true; });
    }, 400);
  });
})();
