// A moved page's way on (theme/redirect.hbs): to the new address with the anchor the reader came
// with, so `old.html#step-3` lands on `new.html#step-3`, or where book.toml maps that anchor.
// A file, not an inline script: the site's Content-Security-Policy allows only its own files.
'use strict';

(function () {
  const canonical = document.querySelector('link[rel="canonical"]').getAttribute('href');
  const target = new URL(canonical, location.href);
  const moved = JSON.parse(document.currentScript.dataset.fragmentMap || '{}')[location.hash];
  if (moved) {
    target.href = new URL(moved, location.href).href;
  } else if (location.hash) {
    target.hash = location.hash;
  }
  location.replace(target.href);
})();
