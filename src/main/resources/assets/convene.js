// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Move focus to the results summary after a live search, so screen-reader users hear the new count.
document.body.addEventListener('htmx:afterSwap', (event) => {
  const count = event.detail.target.querySelector ? event.detail.target.querySelector('#result-count') : null;
  if (count && event.detail.requestConfig && event.detail.requestConfig.triggeringEvent
      && event.detail.requestConfig.triggeringEvent.type === 'submit') {
    count.setAttribute('tabindex', '-1');
    count.focus();
  }
});
