// A form input per connector field (docs/protocol.md §2.4 ConnectorField): label, description,
// list values, masked passwords with a show/hide toggle, and the field's own rules (required,
// regex, list) checked before anything is sent.

import {h} from './ui.js';

/**
 * @param fields  ConnectorField objects
 * @param prefill {name: value} given by the integrator
 * @param t       the translation function
 * @param alertId the id of an alert about every input (a refused code), added to their descriptions
 * @returns {{element: HTMLElement, focusFirst: Function, collect: Function}} collect() answers the
 *          values, or null after marking the invalid inputs and focusing the first one
 */
export function fieldInputs(fields, prefill, t, alertId = null) {
  const rows = fields.map(field => fieldRow(field, prefill[field.name], t, alertId));
  return {
    element: h('div', {class: 'fields'}, rows.map(r => r.element)),
    /** Focuses the first input still empty (after a refusal: the password), else the first. */
    focusFirst() {
      (rows.find(r => r.value() === '') || rows[0])?.input.focus();
    },
    collect() {
      const values = {};
      let firstInvalid = null;
      for (const row of rows) {
        const problem = row.check();
        if (problem && !firstInvalid) {
          firstInvalid = row.input;
        }
        const value = row.value();
        if (!problem && value !== '') {
          values[row.field.name] = value;
        }
      }
      if (firstInvalid) {
        firstInvalid.focus();
        return null;
      }
      return values;
    },
  };
}

function fieldRow(field, prefilled, t, alertId) {
  const id = 'field-' + field.name;
  const description = field.description && field.description !== field.label ? field.description : null;
  const errorId = id + '-error';
  const describedBy = [alertId, description ? id + '-desc' : null, errorId].filter(Boolean).join(' ');
  const input = field.type === 'list' ? select(field, id, prefilled, t) : textInput(field, id, prefilled);
  input.setAttribute('aria-describedby', describedBy);
  if (alertId) {
    input.setAttribute('aria-invalid', 'true');
  }
  if (field.required) {
    input.setAttribute('aria-required', 'true');
  }
  const error = h('p', {id: errorId, class: 'field-error'});
  const control = field.type === 'password' ? h('div', {class: 'password'}, input, revealToggle(input, t)) : input;
  const label = h('label', {for: id}, field.label, field.required ? null : h('span', {class: 'optional'}, ' ' + t('optional')));
  // A challenge's image (a photoTAN, a QR code) rides on its first field as a data: URI.
  const image = field.image ? h('img', {id: id + '-image', class: 'challenge-image', src: field.image,
    alt: t('challengeImage')}) : null;
  const element = h('div', {class: 'field'}, label,
      description ? h('p', {id: id + '-desc', class: 'hint'}, description) : null, image, control, error);
  const value = () => field.type === 'password' ? input.value : input.value.trim();
  const check = () => {
    const problem = validate(field, value(), t);
    error.textContent = problem || '';
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
    return problem;
  };
  return {field, input, element, value, check};
}

function textInput(field, id, prefilled) {
  const type = {password: 'password', number: 'text', date: 'date'}[field.type] || 'text';
  return h('input', {
    id, name: field.name, type,
    inputmode: field.type === 'number' ? 'numeric' : null,
    autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
    value: prefilled ?? field.value ?? null,
  });
}

function select(field, id, prefilled, t) {
  const options = (field.values || []).map(choice =>
      h('option', {value: choice.value, selected: choice.value === prefilled}, choice.label));
  const placeholder = field.required ? null : h('option', {value: '', selected: !prefilled}, t('listDefault'));
  return h('select', {id, name: field.name}, placeholder, options);
}

function revealToggle(input, t) {
  const toggle = h('button', {type: 'button', class: 'reveal', 'aria-controls': input.id, 'aria-pressed': 'false'}, t('show'));
  toggle.addEventListener('click', () => {
    const reveal = input.type === 'password';
    input.type = reveal ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(reveal));
    toggle.textContent = reveal ? t('hide') : t('show');
  });
  return toggle;
}

/** The first rule the value breaks, as a message, or null. */
function validate(field, value, t) {
  if (value === '') {
    return field.required ? t('required') : null;
  }
  if (field.type === 'list' && field.values && !field.values.some(choice => choice.value === value)) {
    return t('notInList');
  }
  if (field.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(value)) {
    return t('notANumber');
  }
  if (field.regex) {
    let pattern = null;
    try {
      pattern = new RegExp('^(?:' + field.regex + ')$');
    } catch (notJavaScript) {
      pattern = null; // a pattern this browser cannot read is left to the server to check
    }
    if (pattern && !pattern.test(value)) {
      return t('badFormat');
    }
  }
  return null;
}
