// The glovebox card's Print button (crates/post-build/src/glovebox_card.rs makes the page). The
// button shows only with JavaScript; without it, the browser's own Print prints the same card.
'use strict';

document.querySelector('.card-print')?.addEventListener('click', () => window.print());
