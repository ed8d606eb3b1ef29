// Marks the page as able to run the GOV.UK Frontend's scripts (the template's
// inline script does this; our Content-Security-Policy forbids inline script).
import { initAll } from '/static/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// HTMX forms send the CSRF token as a header too (their hidden field also goes).
document.body.addEventListener('htmx:configRequest', (event) => {
  const field = document.querySelector('input[name="csrf_token"]')
  if (field) event.detail.headers['X-CSRF-Token'] = field.value
})
