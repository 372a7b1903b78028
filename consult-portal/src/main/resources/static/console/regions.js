// Province → city → county pickers for the queue filter; the most specific choice goes into regionCode.
(function () {
  var hidden = document.getElementById('regionCode');
  if (!hidden) { return; }
  var levels = ['province', 'city', 'county'];
  var selects = levels.map(function (id) { return document.getElementById(id); });
  var initial = hidden.value || '';
  var wanted = initial.length === 6 ? [initial.substring(0, 2) + '0000', initial.substring(0, 4) + '00', initial] : [];

  function fill(index, parent) {
    var select = selects[index];
    select.innerHTML = '<option value="">全部</option>';
    for (var i = index + 1; i < selects.length; i++) { selects[i].innerHTML = '<option value="">全部</option>'; }
    var url = '/api/v1/regions' + (parent ? '?parent=' + encodeURIComponent(parent) : '');
    return fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (items) {
      items.forEach(function (d) {
        var o = document.createElement('option');
        o.value = d.code; o.textContent = d.name;
        select.appendChild(o);
      });
      if (wanted[index] && select.querySelector('option[value="' + wanted[index] + '"]')) {
        select.value = wanted[index];
        if (index + 1 < selects.length) { return fill(index + 1, wanted[index]); }
      }
    });
  }

  function update() {
    var code = '';
    selects.forEach(function (s) { if (s.value) { code = s.value; } });
    hidden.value = code;
  }

  selects.forEach(function (select, index) {
    select.addEventListener('change', function () {
      wanted = [];
      if (select.value && index + 1 < selects.length) { fill(index + 1, select.value); }
      else { for (var i = index + 1; i < selects.length; i++) { selects[i].innerHTML = '<option value="">全部</option>'; } }
      update();
    });
  });
  fill(0, null);
})();
