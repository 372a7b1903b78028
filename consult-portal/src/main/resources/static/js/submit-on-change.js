// Filters that apply as soon as a choice is made (no inline handlers: see the Content-Security-Policy).
(function () {
  var selects = document.querySelectorAll('select.submit-on-change');
  for (var i = 0; i < selects.length; i++) {
    selects[i].addEventListener('change', function (event) { event.target.form.submit(); });
  }
})();
