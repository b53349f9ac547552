// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// After a live search swaps the results in, tell screen-reader users the new count.
// htmx fires afterSwap on the new content (event.target); event.detail.target is the element that
// was replaced and is no longer in the page, so it must not be used to find the new count.
document.body.addEventListener('htmx:afterSwap', (event) => {
  const count = event.target.querySelector ? event.target.querySelector('#result-count') : null;
  if (!count) {
    return;
  }
  // A live region that stays in the page: one swapped in with the results is not reliably announced.
  const status = document.getElementById('result-status');
  const config = event.detail.requestConfig;
  if (config && config.triggeringEvent && config.triggeringEvent.type === 'submit') {
    // Pressing Search: move focus to the count, which reads it out (and the live region stays quiet,
    // so the next filter change is announced even if the count is the same).
    count.setAttribute('tabindex', '-1');
    count.focus();
    if (status) {
      status.textContent = '';
    }
  } else if (status) {
    // Changing a filter: focus stays where the user is; the live region announces the count.
    status.textContent = count.textContent.replace(/\s+/g, ' ').trim();
  }
});
