// Bank accounts as the webview shows them, and which ones the integrator lets the user activate
// (account_types, account_usages, account_ibans: docs/webview.md "Parameters").

import {h} from './ui.js';

/** An IBAN as compared: no spaces, upper case. */
function iban(value) {
  return String(value || '').replace(/\s/g, '').toUpperCase();
}

/** Whether the integrator lets this account be activated. */
export function allowed(app, account) {
  const {accountTypes: types, accountUsages: usages, accountIbans: ibans} = app.config;
  return (types.length === 0 || types.includes(account.type))
      && (usages.length === 0 || usages.includes(account.usage))
      && (ibans.length === 0 || ibans.includes(iban(account.iban)));
}

/** The account's checkbox row: name, type, masked number, balance. */
export function accountCheckbox(app, account, checked, onchange = null) {
  const id = 'account-' + account.id;
  const permitted = allowed(app, account);
  const details = [app.t('type.' + account.type) === 'type.' + account.type ? account.type : app.t('type.' + account.type),
    masked(account), balance(app, account)].filter(Boolean).join(' · ');
  return h('li', {class: 'account' + (permitted ? '' : ' refused')},
      h('input', {type: 'checkbox', id, value: account.id, checked: permitted && checked, disabled: !permitted,
        'aria-describedby': id + '-details', onchange}),
      h('label', {for: id}, account.name || account.original_name || account.number),
      h('span', {class: 'hint', id: id + '-details'}, details, permitted ? null : ' — ' + app.t('accountNotOffered')));
}

function masked(account) {
  const number = account.iban || account.number;
  return number ? '•••• ' + number.replace(/\s/g, '').slice(-4) : null;
}

function balance(app, account) {
  if (account.balance === null || account.balance === undefined) {
    return null;
  }
  const currency = account.currency && account.currency.id ? account.currency.id : 'EUR';
  try {
    return new Intl.NumberFormat(app.config.lang, {style: 'currency', currency}).format(account.balance);
  } catch (unknownCurrency) {
    return `${account.balance} ${currency}`;
  }
}
