// The connect flow (PROTOCOL-NOTES §10.3): create the user when no code is given, pick a
// connector, add the connection source by source in priority order, let the user choose the
// accounts to activate, then go back with connection_id (and code when the user was created here).

import {q} from './api.js';
import {accountCheckbox} from './accounts.js';
import {BACK, Dialogue} from './dialogue.js';
import {actions, alert, busy, button, h, liveStatus, show} from './ui.js';

export async function connect(app) {
  if (!app.returned) {
    const created = !app.config.code;
    if (created) {
      const init = await app.api.post('/auth/init', {});
      if (init.status !== 200) {
        return app.fatal(init);
      }
      app.api.token = init.body.auth_token;
    } else {
      app.api.token = app.config.code;
    }
    app.journey = {created, added: []};
  }
  const added = await addConnections(app, {max: app.config.maxConnections});
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
 * Lets the user add connections until app.journey.added holds max of them (or the user stops);
 * resolves with their ids. Manage reuses it with back, to offer a way back to its list.
 */
export async function addConnections(app, {max, back = null}) {
  const connectors = await loadConnectors(app);
  if (connectors.length === 0) {
    return app.fatal(null, app.t('noConnector'));
  }
  // The integrator naming exactly one connector skips the picker (§10.3).
  const named = app.config.connectorUuids.length + app.config.connectorIds.length === 1 ? connectors[0] : null;
  const added = app.journey.added;
  while (added.length < max) {
    let step;
    if (app.returned) {
      step = await afterBank(app, connectors);
    } else {
      const connector = named || await pick(app, connectors, back);
      if (connector === BACK) {
        return added;
      }
      step = {dialogue: new Dialogue(app, connector), ready: false, notice: null};
    }
    const dialogue = step.dialogue;
    if (!step.ready) {
      const connection = await dialogue.withCredentials(dialogue.sources[0], {back: !named || back, error: step.notice});
      if (connection === BACK) {
        if (named) {
          return added;
        }
        continue;
      }
    }
    await chooseAccounts(app, dialogue, step.ready ? step.notice : null);
    added.push(dialogue.connection.id);
    if (added.length < max && !(await wantsAnother(app, dialogue.connector))) {
      break;
    }
  }
  return added;
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
    if (reply.status !== 200) {
      return app.fatal(reply);
    }
    dialogue.connection = reply.body;
  }
  if (error) {
    const notice = dialogue.describe(error, errorDescription);
    if (target.purpose === 'next') {
      await disableSource(app, id, target.source);
      return {dialogue, ready: true, notice};
    }
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

/** The connectors offered: the capabilities asked (all of them), and the uuids/ids asked (either). */
async function loadConnectors(app) {
  const reply = await app.api.get(`/connectors?expand=sources,fields&capabilities=${q(app.config.capabilities.join(','))}`);
  if (reply.status !== 200) {
    return app.fatal(reply);
  }
  const uuids = app.config.connectorUuids.map(u => u.toLowerCase());
  const ids = app.config.connectorIds;
  const restricted = uuids.length > 0 || ids.length > 0;
  return reply.body.connectors
      .filter(c => !restricted || uuids.includes(String(c.uuid).toLowerCase()) || ids.includes(String(c.id)))
      .sort((a, b) => a.name.localeCompare(b.name, app.config.lang));
}

/** The connector picker: a search box, a capability filter and one button per connector. */
function pick(app, connectors, back) {
  return new Promise(resolve => {
    const capabilities = [...new Set(connectors.flatMap(c => c.capabilities))].sort();
    const search = h('input', {id: 'connector-search', type: 'search', autocomplete: 'off', 'aria-controls': 'connector-list'});
    const filter = h('select', {id: 'capability-filter', 'aria-controls': 'connector-list'},
        h('option', {value: ''}, app.t('allCapabilities')),
        capabilities.map(c => h('option', {value: c}, app.t('capability.' + c))));
    const list = h('ul', {id: 'connector-list', class: 'connectors'});
    const count = liveStatus('connector-count');
    const render = () => {
      const words = search.value.trim().toLocaleLowerCase(app.config.lang);
      const shown = connectors.filter(c => (!filter.value || c.capabilities.includes(filter.value))
          && (!words || c.name.toLocaleLowerCase(app.config.lang).includes(words)));
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
 * does not use yet, the user may add the next one (priority order) and see its accounts too.
 */
async function chooseAccounts(app, dialogue, notice) {
  let error = notice;
  for (;;) {
    const id = dialogue.connection.id;
    const [accounts, sources] = await Promise.all([
      app.api.get(`/users/me/connections/${id}/accounts?all`),
      app.api.get(`/users/me/connections/${id}/sources?all`)]);
    if (accounts.status !== 200 || sources.status !== 200) {
      return app.fatal(accounts.status !== 200 ? accounts : sources);
    }
    const on = sources.body.sources.map(s => s.name);
    const next = dialogue.sources.find(s => !on.includes(s.name)) || null;
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
    const form = h('form', {id: 'accounts-form', novalidate: true},
        h('fieldset', {}, h('legend', {}, app.t('accountsLegend')),
            rows.length ? h('ul', {class: 'accounts'}, rows) : h('p', {id: 'no-account'}, app.t('noAccount'))),
        next ? h('div', {class: 'next-source'},
            h('p', {class: 'hint'}, app.t('nextSourceHint', {source: app.t('source.' + next.name)})),
            button(app.t('addNextSource', {source: app.t('source.' + next.name)}), () => resolve({next: true}), {id: 'add-source'}))
            : null,
        actions(h('button', {type: 'submit', class: 'primary', id: 'confirm'}, app.t('confirmAccounts')), app.cancelButton()));
    form.addEventListener('submit', event => {
      event.preventDefault();
      const ids = [...form.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
      resolve({ids});
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
