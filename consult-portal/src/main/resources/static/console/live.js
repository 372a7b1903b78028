// Live updates of the queue page: new tickets, escalations and hand-overs arrive as Server-Sent
// Events; each is listed once and the count badges are refreshed from the server.
(function () {
  var list = document.getElementById('live-list');
  var state = document.getElementById('live-state');
  if (!list || !window.EventSource) { return; }
  var seen = {};

  function refreshCounts() {
    fetch('/console/counts', {credentials: 'same-origin'}).then(function (r) { return r.json(); })
      .then(function (counts) {
        Object.keys(counts).forEach(function (k) {
          var el = document.getElementById('count-' + k);
          if (el) { el.textContent = counts[k]; }
        });
      });
  }

  var source = new EventSource('/console/events');
  source.addEventListener('ready', function () { state.textContent = '已连接'; state.dataset.connected = 'true'; });
  source.addEventListener('ticket', function (e) {
    var event = JSON.parse(e.data);
    var key = event.type + ':' + event.number;
    if (seen[key]) { return; }
    seen[key] = true;
    var li = document.createElement('li');
    li.className = event.type;
    li.dataset.number = event.number;
    var a = document.createElement('a');
    a.href = '/console/tickets/' + encodeURIComponent(event.number);
    a.textContent = event.message;
    li.appendChild(document.createTextNode(new Date().toLocaleTimeString('zh-CN') + ' '));
    li.appendChild(a);
    list.insertBefore(li, list.firstChild);
    refreshCounts();
  });
  source.onerror = function () { state.textContent = '连接中断，正在重连…'; };
})();
