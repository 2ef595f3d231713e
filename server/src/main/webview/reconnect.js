// The reconnect flow (docs/protocol.md §10.4): bring one connection back to a usable state keeping
// its id — answer what it waits for, re-enter credentials, renew consent — then go back with
// connection_id at once. Manage reuses repair() for its "fix" button. Cancel leaves the connection
// as the bank left it: it existed before the flow.

import {q} from './api.js';
import {BACK, Dialogue} from './dialogue.js';
import {actions, alert, busy, button, h, show} from './ui.js';

/** States that only new credentials can fix. */
const CREDENTIAL_STATES = ['wrongpass', 'passwordExpired'];

export async function reconnect(app) {
  await app.open();
  const fixed = await repair(app, app.config.connectionId,
      {reset: app.config.resetCredentials, sources: app.config.connectionSources});
  if (fixed === BACK) {
    return app.cancel();
  }
  app.leave({connection_id: fixed.id});
}

/**
 * Resolves with the usable connection, or BACK when the user chose to stop (back is given). Back
 * from the bank (app.returned), it goes on from what the bank answered.
 */
export async function repair(app, id, {reset = false, sources = [], back = false} = {}) {
  const reply = await app.api.get(`/users/me/connections/${id}?expand=sources`);
  if (reply.status !== 200) {
    return app.fatal(reply, reply.status === 404 ? app.t('connectionNotFound') : null);
  }
  const connection = reply.body;
  const connector = await app.api.get(`/connectors/${q(connection.connector_uuid)}?expand=sources,fields`);
  if (connector.status !== 200) {
    return app.fatal(connector);
  }
  const dialogue = new Dialogue(app, connector.body, connection, true);
  const named = name => dialogue.sources.find(s => s.name === name);
  const failing = (connection.sources || []).find(s => s.state);
  const target = named(sources[0]) || (failing && named(failing.name)) || dialogue.sources[0];
  const credentials = error => dialogue.withCredentials(target, {error, back, intro: app.t('reconnectIntro')});
  const returned = app.returned;
  app.returned = null;
  if (reset && !returned) {
    return credentials(null);
  }
  let outcome;
  if (returned && returned.error) {
    outcome = {error: dialogue.describe(returned.error, returned.errorDescription)};
  } else if (returned || connection.state) {
    // Back from the bank with its consent, the connection is repaired (or asks for what is left).
    outcome = await dialogue.settle({status: 202, body: connection});
  } else {
    const wanted = await choose(app, 'uptodate', app.t('upToDateTitle'), app.t('upToDateIntro'), null, back);
    if (wanted === BACK) {
      return BACK;
    }
    outcome = wanted === 'credentials' ? {ready: await credentials(null)}
        : await dialogue.settle(await busy(app.api.put(`/users/me/connections/${id}`)));
  }
  while (!outcome.ready) {
    if (CREDENTIAL_STATES.includes(dialogue.connection.state)) {
      return credentials(outcome.error);
    }
    const wanted = await choose(app, 'problem', app.t('problemTitle'), app.t('problemIntro'), outcome.error, back);
    if (wanted === BACK) {
      return BACK;
    }
    outcome = wanted === 'credentials' ? {ready: await credentials(outcome.error)}
        : await dialogue.settle(await busy(app.api.put(`/users/me/connections/${id}`)));
  }
  return outcome.ready;
}

/** Synchronize again, or re-enter the credentials: 'sync', 'credentials' or BACK. */
function choose(app, name, title, intro, error, back) {
  return new Promise(resolve => {
    show(name, title, h('p', {class: 'lead'}, intro), alert(error),
        actions(button(app.t('syncNow'), () => resolve('sync'), {kind: 'primary', id: 'sync'}),
            button(app.t('updateCredentials'), () => resolve('credentials'), {id: 'update-credentials'}),
            back ? button(app.t('back'), () => resolve(BACK), {id: 'back'}) : app.cancelButton()));
  });
}
