// The manage flow (docs/protocol.md §10.5): every connection of the user with its state, to
// synchronize, fix, delete, and whose accounts the user (de)activates; new connections too.

import {accountCheckbox} from './accounts.js';
import {addConnections} from './connect.js';
import {BACK} from './dialogue.js';
import {repair} from './reconnect.js';
import {actions, busy, button, h, liveStatus, localDateTime, show} from './ui.js';

/** States the user can act on from here (docs/protocol.md §4 "needs user"). */
const FIXABLE = ['SCARequired', 'webauthRequired', 'additionalInformationNeeded', 'decoupled', 'wrongpass', 'passwordExpired',
  'actionNeeded'];

export async function manage(app) {
  await app.open();
  const connectors = await app.api.get('/connectors?expand=sources,fields');
  if (connectors.status !== 200) {
    return app.fatal(connectors);
  }
  const names = new Map(connectors.body.connectors.map(c => [c.id, c.name]));
  const home = (message = null, focus = null) => list(app, names, message, focus);
  // Giving up an addition deletes the connection it was making, then shows the list again.
  app.onCancel = async () => {
    await app.discardPending();
    home();
  };
  if (app.journey.pending && !app.returned) {
    return add(app, home);
  }
  if (!app.returned) {
    return home(null, app.config.connectionId);
  }
  // Back from the bank: finish what was under way, adding or fixing a connection.
  const target = app.returned.target;
  if (target.purpose === 'fix') {
    return fix(app, target.connectionId, home);
  }
  return add(app, home);
}

async function add(app, home) {
  if (!app.returned && !app.journey.pending) {
    app.journey.added = [];
  }
  const added = await addConnections(app, {max: 1, back: true});
  home(added.length ? app.t('connectionAdded') : null);
}

async function list(app, names, message, focusId) {
  const [connections, accounts] = await Promise.all([
    app.api.get('/users/me/connections?expand=sources'),
    app.api.get('/users/me/accounts?all')]);
  if (connections.status !== 200 || accounts.status !== 200) {
    return app.fatal(connections.status !== 200 ? connections : accounts);
  }
  const home = (text = null, focus = null) => list(app, names, text, focus);
  const cards = connections.body.connections.map(connection => card(app, connection, names,
      accounts.body.accounts.filter(a => a.id_connection === connection.id), home));
  show('manage', app.t('manageTitle'),
      liveStatus('manage-status', message || ''),
      cards.length ? h('div', {class: 'connections'}, cards) : h('p', {id: 'no-connection'}, app.t('noConnection')),
      actions(button(app.t('addConnection'), () => add(app, home), {kind: 'primary', id: 'add-connection'}),
      app.canLeave ? button(app.t('close'), () => app.leave({connection_deleted: app.journey.deleted ? 'true' : null}),
          {id: 'close'}) : null));
  const focused = focusId && document.getElementById('connection-' + focusId + '-name');
  if (focused) {
    focused.setAttribute('tabindex', '-1');
    focused.focus();
  }
}

function card(app, connection, names, accounts, home) {
  const id = connection.id;
  const name = names.get(connection.id_connector) || app.t('unknownConnector');
  const status = liveStatus(`connection-${id}-status`);
  const state = connection.state;
  const toggles = accounts.map(account => accountCheckbox(app, account, !account.disabled, async event => {
    const box = event.target;
    const reply = await app.api.put(`/users/me/connections/${id}/accounts/${account.id}?all`, {disabled: !box.checked});
    if (reply.status === 200) {
      status.textContent = app.t(box.checked ? 'accountOn' : 'accountOff', {account: account.name});
    } else {
      box.checked = !box.checked;
      status.textContent = app.t('accountChangeFailed');
    }
  }));
  const controls = actions(
      button(app.t('syncNow'), () => sync(app, connection, home), {id: `sync-${id}`}),
      FIXABLE.includes(state) ? button(app.t('fix'), () => fix(app, id, home), {kind: 'primary', id: `fix-${id}`}) : null,
      button(app.t('delete'), () => confirmDelete(), {kind: 'danger', id: `delete-${id}`}));
  const article = h('article', {class: 'connection', id: `connection-${id}`, 'aria-labelledby': `connection-${id}-name`},
      h('h2', {id: `connection-${id}-name`}, name),
      h('p', {class: 'state ' + (state ? 'state-error' : 'state-ok'), id: `connection-${id}-state`},
          stateLabel(app, state)),
      connection.last_update
          ? h('p', {class: 'hint'}, app.t('lastUpdate', {date: localDateTime(connection.last_update, app.config.lang)})) : null,
      accounts.length ? h('fieldset', {}, h('legend', {}, app.t('activeAccounts')), h('ul', {class: 'accounts'}, toggles)) : null,
      status, controls);

  function confirmDelete() {
    const question = h('p', {id: `confirm-${id}`, tabindex: '-1', class: 'confirm'}, app.t('deleteQuestion', {connector: name}));
    const keep = button(app.t('keep'), () => {
      question.replaceWith(controls);
      controls.querySelector('button').focus();
    }, {id: `keep-${id}`});
    const remove = button(app.t('deleteYes'), async () => {
      const reply = await busy(app.api.delete(`/users/me/connections/${id}`));
      if (reply.status === 204 || reply.status === 200) {
        app.journey.deleted = true;
        app.save();
        home(app.t('deleted', {connector: name}));
      } else {
        status.textContent = app.t('deleteFailed');
      }
    }, {kind: 'danger', id: `delete-yes-${id}`});
    question.append(' ', remove, ' ', keep);
    controls.replaceWith(question);
    question.focus();
  }

  return article;
}

/** The state in words; a state this page does not know reads as a generic problem (docs/protocol.md §4 forward compatibility). */
function stateLabel(app, state) {
  const key = 'state.' + (state || 'ok');
  const label = app.t(key);
  return label === key ? app.t('state.other') : label;
}

async function sync(app, connection, home) {
  const reply = await busy(app.api.put(`/users/me/connections/${connection.id}`));
  if (reply.status === 200 && reply.body && !reply.body.state) {
    return home(app.t('synced'), connection.id);
  }
  if (reply.status === 200 || reply.status === 202) {
    return fix(app, connection.id, home);
  }
  return home(app.t('syncFailed'), connection.id);
}

async function fix(app, id, home) {
  const fixed = await repair(app, id, {back: true});
  home(fixed === BACK ? null : app.t('fixed'), id);
}
