// The tracking form goes to /track/{number}; kept out of the page so the Content-Security-Policy
// can forbid inline scripts.
(function () {
  var form = document.getElementById('track-form');
  if (!form) { return; }
  form.addEventListener('submit', function () {
    form.action = '/track/' + encodeURIComponent(form.number.value.trim());
    form.number.disabled = true;
  });
})();
