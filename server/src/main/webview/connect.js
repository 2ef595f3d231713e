// The connect flow (docs/protocol.md §10.3): create the user when no code is given, pick a
// connector, add the connection's sources (docs/webview.md "Banks with several sources"), let the
// user choose the accounts to activate, then go back with connection_id (and code when the user was
// created here). Given up, the flow deletes what it made; reloaded, it goes on where it was.

import {isConnection, q} from './api.js';
import {accountCheckbox, allowed} from './accounts.js';
import {BACK, Dialogue} from './dialogue.js';
import {actions, alert, busy, button, folded, h, liveStatus, show} from './ui.js';

export async function connect(app) {
  await app.open({createUser: true});
  app.onAbandon = () => abandon(app);
  const added = await addConnections(app, {max: app.config.maxConnections});
  return finish(app, added);
}

/** Back to the integrator with the connections added, and a code for a user made here (docs/webview.md "Callback"). */
async function finish(app, added) {
  const params = {connection_id: added[0]};
  if (app.config.maxConnections > 1) {
    params.connection_ids = added.join(',');
  }
  if (app.journey.created) {
    const code = await app.api.get('/auth/token/code');
    if (code.status !== 200) {
      return app.fatal(code);
    }
    params.code = code.body.code;
  }
  app.leave(params);
}

/**
 * The user gave up (docs/webview.md "Cancel"): the connection under way is deleted with its
 * credentials. Connections the user already confirmed (max_connections > 1) are theirs and go back
 * as a success; otherwise a user made by this flow is deleted too, and the answer is access_denied.
 */
async function abandon(app) {
  await app.discardPending();
  if (app.journey.added.length > 0) {
    return finish(app, app.journey.added);
  }
  if (app.journey.created) {
    await app.api.delete('/users/me');
  }
  app.leave({error: 'access_denied', error_description: 'The user cancelled the flow'});
}

/**
 * Lets the user add connections until app.journey.added holds max of them (or the user stops);
 * resolves with their ids. Manage reuses it with back, to offer a way back to its list.
 */
export async function addConnections(app, {max, back = null}) {
  const connectors = await loadConnectors(app);
  if (connectors.length === 0) {
    return app.fatal(null, app.t('noConnector'));
  }
  // The integrator naming exactly one connector skips the picker (docs/protocol.md §10.3).
  const named = app.config.connectorUuids.length + app.config.connectorIds.length === 1 ? connectors[0] : null;
  const added = app.journey.added;
  while (added.length < max) {
    let step;
    if (app.returned) {
      step = await afterBank(app, connectors);
    } else if (app.journey.pending) {
      step = await underWay(app, connectors);
      if (!step) {
        continue;
      }
    } else {
      const connector = named || await pick(app, connectors, back);
      if (connector === BACK) {
        return added;
      }
      step = {dialogue: new Dialogue(app, connector), ready: false, notice: null};
    }
    const dialogue = step.dialogue;
    if (!step.ready) {
      const connection = await dialogue.withCredentials(wanted(app, dialogue)[0], {back: !named || back, error: step.notice});
      if (connection === BACK) {
        if (named) {
          return added;
        }
        continue;
      }
    }
    await chainSources(app, dialogue);
    await chooseAccounts(app, dialogue, step.ready ? step.notice : null);
    app.confirmed(dialogue.connection.id);
    if (added.length < max && !(await wantsAnother(app, dialogue.connector))) {
      break;
    }
  }
  return added;
}

/**
 * The sources this launch adds, in priority order: those named in `sources` (per launch or the
 * client's default), else all of the connector's.
 */
function wanted(app, dialogue) {
  const named = app.config.sources;
  const sources = dialogue.sources;
  return named.length ? sources.filter(s => named.includes(s.name)) : sources;
}

/**
 * Before the accounts are shown, the other sources the launch asks for (Powens' option 3, by
 * `sources`), or, with `account_types` and no account of those types yet, the next source that may
 * have them (option 2). Each source goes through its own authentication, at the bank if it is added
 * there; the trip comes back here and the chain goes on.
 */
async function chainSources(app, dialogue) {
  const chained = app.config.sources.length > 0;
  const restricted = !chained && app.config.accountTypes.length > 0;
  if (!chained && !restricted) {
    return;
  }
  for (;;) {
    const id = dialogue.connection.id;
    const on = await sourcesOn(app, id);
    const next = wanted(app, dialogue).find(s => !on.includes(s.name));
    if (!next) {
      return;
    }
    if (restricted) {
      const accounts = await app.api.get(`/users/me/connections/${id}/accounts?all`);
      if (accounts.status !== 200) {
        return app.fatal(accounts);
      }
      if (accounts.body.accounts.some(a => allowed(app, a))) {
        return;
      }
    }
    const steps = wanted(app, dialogue);
    await dialogue.withCredentials(next, {alreadyOn: on, back: false,
      intro: app.t('sourceOf', {step: steps.indexOf(next) + 1, steps: steps.length, source: app.t('source.' + next.name)})});
  }
}

async function sourcesOn(app, connectionId) {
  const sources = await app.api.get(`/users/me/connections/${connectionId}/sources?all`);
  if (sources.status !== 200) {
    return app.fatal(sources);
  }
  return sources.body.sources.map(s => s.name);
}

/**
 * After a reload: the connection this flow was creating, where it stands (the account step, a
 * code…), so that no second connection is made; null when it is gone (refused and deleted meanwhile).
 */
async function underWay(app, connectors) {
  const reply = await app.api.get(`/users/me/connections/${app.journey.pending}`);
  const connector = isConnection(reply) && connectors.find(c => c.uuid === reply.body.connector_uuid);
  if (!connector) {
    app.journey.pending = null;
    app.save();
    return null;
  }
  const dialogue = new Dialogue(app, connector);
  const outcome = await dialogue.settle({status: 202, body: reply.body});
  return {dialogue, ready: Boolean(outcome.ready), notice: outcome.error || null};
}

/**
 * Where the flow stands when the browser is back from the bank: the connection to show the
 * accounts of ({ready}), or the first source to ask again with what went wrong ({notice}). A next
 * source the bank refused is disabled, so that the connection stays as it was before the trip.
 */
async function afterBank(app, connectors) {
  const {target, connectionId, error, errorDescription} = app.returned;
  app.returned = null;
  const connector = connectors.find(c => c.uuid === target.connectorUuid);
  if (!connector) {
    return app.fatal(null, app.t('noConnector'));
  }
  const dialogue = new Dialogue(app, connector);
  const id = connectionId || target.connectionId;
  if (id) {
    const reply = await app.api.get(`/users/me/connections/${id}`);
    if (reply.status !== 200 && !error) {
      return app.fatal(reply);
    }
    dialogue.connection = reply.status === 200 ? reply.body : null;
  }
  if (dialogue.connection && target.purpose === 'add') {
    app.creating(dialogue.connection.id);
  }
  if (error) {
    const notice = dialogue.describe(error, errorDescription);
    if (target.purpose === 'next') {
      await disableSource(app, id, target.source);
      return {dialogue, ready: true, notice};
    }
    dialogue.connection = null;
    return {dialogue, ready: false, notice};
  }
  const outcome = await dialogue.settle({status: 202, body: dialogue.connection});
  // A next source that fails after the bank still leaves the first one's accounts to choose from.
  return {dialogue, ready: Boolean(outcome.ready) || target.purpose === 'next', notice: outcome.error || null};
}

async function disableSource(app, connectionId, name) {
  const sources = await app.api.get(`/users/me/connections/${connectionId}/sources?all`);
  const source = sources.status === 200 ? sources.body.sources.find(s => s.name === name) : null;
  if (source) {
    await app.api.post(`/users/me/connections/${connectionId}/sources/${source.id}`, {disabled: true});
  }
}

/**
 * The connectors offered: the capabilities asked (all of them), the countries asked
 * (connector_country), the uuids/ids asked (either), and, with `sources`, those that have one.
 */
async function loadConnectors(app) {
  const query = new URLSearchParams({expand: 'sources,fields', capabilities: app.config.capabilities.join(',')});
  if (app.config.connectorCountries.length) {
    query.set('country_codes', app.config.connectorCountries.join(','));
  }
  const reply = await app.api.get('/connectors?' + query);
  if (reply.status !== 200) {
    return app.fatal(reply);
  }
  const uuids = app.config.connectorUuids.map(u => u.toLowerCase());
  const ids = app.config.connectorIds;
  const restricted = uuids.length > 0 || ids.length > 0;
  const sources = app.config.sources;
  return reply.body.connectors
      .filter(c => !restricted || uuids.includes(String(c.uuid).toLowerCase()) || ids.includes(String(c.id)))
      .filter(c => sources.length === 0 || (c.sources || []).some(s => sources.includes(s.name)))
      .sort((a, b) => a.name.localeCompare(b.name, app.config.lang));
}

/** The connector picker: a search box (accents and case ignored), a capability filter and one button per connector. */
function pick(app, connectors, back) {
  return new Promise(resolve => {
    const lang = app.config.lang;
    const capabilities = [...new Set(connectors.flatMap(c => c.capabilities))].sort();
    const search = h('input', {id: 'connector-search', type: 'search', autocomplete: 'off', 'aria-controls': 'connector-list'});
    const filter = h('select', {id: 'capability-filter', 'aria-controls': 'connector-list'},
        h('option', {value: ''}, app.t('allCapabilities')),
        capabilities.map(c => h('option', {value: c}, app.t('capability.' + c))));
    const list = h('ul', {id: 'connector-list', class: 'connectors'});
    const count = liveStatus('connector-count');
    const render = () => {
      const words = folded(search.value.trim(), lang);
      const shown = connectors.filter(c => (!filter.value || c.capabilities.includes(filter.value))
          && (!words || folded(c.name, lang).includes(words)));
      list.replaceChildren(...shown.map(c => h('li', {},
          h('button', {type: 'button', class: 'connector', 'data-uuid': c.uuid, onclick: () => resolve(c)},
              h('span', {class: 'swatch', 'aria-hidden': 'true'}, c.name.slice(0, 1)), c.name))));
      count.textContent = app.t('connectorCount', {count: shown.length});
    };
    search.addEventListener('input', render);
    filter.addEventListener('change', render);
    show('picker', app.t('pickTitle'),
        h('div', {class: 'filters'},
            h('div', {class: 'field'}, h('label', {for: 'connector-search'}, app.t('search')), search),
            h('div', {class: 'field'}, h('label', {for: 'capability-filter'}, app.t('capabilityFilter')), filter)),
        count, list,
        actions(back ? button(app.t('back'), () => resolve(BACK), {id: 'back'}) : null, app.cancelButton()));
    render();
  });
}

/**
 * The accounts of the new connection, to activate. When the connector has sources the connection
 * does not use yet and the launch chose none (Powens' option 1), the user may add the next one
 * (priority order) and see its accounts too.
 */
async function chooseAccounts(app, dialogue, notice) {
  let error = notice;
  const offersSources = app.config.sources.length === 0 && app.config.accountTypes.length === 0;
  for (;;) {
    const id = dialogue.connection.id;
    const [accounts, on] = await Promise.all([
      app.api.get(`/users/me/connections/${id}/accounts?all`), sourcesOn(app, id)]);
    if (accounts.status !== 200) {
      return app.fatal(accounts);
    }
    const next = offersSources ? dialogue.sources.find(s => !on.includes(s.name)) || null : null;
    const choice = await accountsScreen(app, dialogue.connector, accounts.body.accounts, next, error);
    if (choice.next) {
      // Added or not (the user may go back), the list is read again.
      await dialogue.withCredentials(next, {alreadyOn: on, back: true,
        intro: app.t('nextSourceIntro', {source: app.t('source.' + next.name)})});
      error = null;
      continue;
    }
    const activate = choice.ids.length === 0 ? {status: 200}
        : await busy(app.api.put(`/users/me/connections/${id}/accounts/${choice.ids.join(',')}?all`, {disabled: false}));
    if (activate.status === 200) {
      return;
    }
    error = app.t('activationFailed');
  }
}

function accountsScreen(app, connector, accounts, next, error) {
  return new Promise(resolve => {
    const rows = accounts.map(a => accountCheckbox(app, a, true));
    const confirm = h('button', {type: 'submit', class: 'primary', id: 'confirm'}, app.t('confirmAccounts'));
    const controls = actions(confirm, app.cancelButton());
    const form = h('form', {id: 'accounts-form', novalidate: true},
        h('fieldset', {}, h('legend', {}, app.t('accountsLegend')),
            rows.length ? h('ul', {class: 'accounts'}, rows) : h('p', {id: 'no-account'}, app.t('noAccount'))),
        next ? h('div', {class: 'next-source'},
            h('p', {class: 'hint'}, app.t('nextSourceHint', {source: app.t('source.' + next.name)})),
            button(app.t('addNextSource', {source: app.t('source.' + next.name)}), () => resolve({next: true}), {id: 'add-source'}))
            : null,
        controls);
    // Confirming with no account ticked shares nothing: the user is told so and confirms it again.
    const askNone = () => {
      const question = h('div', {id: 'no-account-question', class: 'question', role: 'alertdialog',
        'aria-labelledby': 'no-account-title', 'aria-describedby': 'no-account-text', tabindex: '-1'},
          h('p', {id: 'no-account-title'}, h('strong', {}, app.t('noAccountTitle'))),
          h('p', {id: 'no-account-text'}, app.t('noAccountQuestion', {connector: connector.name})),
          actions(button(app.t('noAccountYes'), () => resolve({ids: []}), {kind: 'primary', id: 'confirm-none'}),
              button(app.t('noAccountBack'), () => {
                question.replaceWith(controls);
                confirm.focus();
              }, {id: 'choose-accounts'})));
      controls.replaceWith(question);
      question.focus();
    };
    form.addEventListener('submit', event => {
      event.preventDefault();
      const ids = [...form.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
      if (ids.length === 0) {
        askNone();
      } else {
        resolve({ids});
      }
    });
    show('accounts', app.t('accountsTitle', {connector: connector.name}),
        h('p', {class: 'lead'}, app.t('accountsIntro')), alert(error), form);
  });
}

function wantsAnother(app, connector) {
  return new Promise(resolve => {
    show('another', app.t('addedTitle', {connector: connector.name}),
        h('p', {class: 'lead'}, app.t('anotherIntro')),
        actions(button(app.t('addAnother'), () => resolve(true), {kind: 'primary', id: 'add-another'}),
            button(app.t('finish'), () => resolve(false), {id: 'finish'})));
  });
}
