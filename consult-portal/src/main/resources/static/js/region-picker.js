// Province → city → county pickers fed by /api/v1/regions; the most specific choice fills #regionCode.
(function () {
  const province = document.getElementById('province');
  const city = document.getElementById('city');
  const county = document.getElementById('county');
  const target = document.getElementById('regionCode');
  if (!province || !target) { return; }

  function load(select, parent, placeholder) {
    select.innerHTML = '';
    const blank = document.createElement('option');
    blank.value = '';
    blank.textContent = placeholder;
    select.appendChild(blank);
    if (parent === null) { return Promise.resolve(); }
    const url = '/api/v1/regions' + (parent ? '?parent=' + encodeURIComponent(parent) : '');
    return fetch(url).then(r => r.json()).then(list => {
      list.forEach(d => {
        const option = document.createElement('option');
        option.value = d.code;
        option.textContent = d.name;
        select.appendChild(option);
      });
    });
  }

  function update() {
    target.value = county.value || city.value || province.value || '';
  }

  province.addEventListener('change', () => {
    load(city, province.value || null, '请选择城市').then(() => load(county, null, '（可不选）区县')).then(update);
  });
  city.addEventListener('change', () => {
    load(county, city.value || null, '（可不选）区县').then(update);
  });
  county.addEventListener('change', update);
  load(province, '', '请选择省份').then(() => {
    province.dataset.ready = 'true';
  });
})();
