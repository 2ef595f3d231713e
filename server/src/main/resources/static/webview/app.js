// What every flow shares: the checked parameters (from the server, never from the address bar),
// the API client, the translations, and the ways out to the integrator's redirect_uri
// (PROTOCOL-NOTES §10.3–10.6).

import {Api} from './api.js';
import {STRINGS} from './i18n.js';
import {actions, alert, button, h, show} from './ui.js';

/** Where a journey to the bank keeps the webview's state, by the random key sent as webauth's state. */
const JOURNEYS = 'passerelle-webview:';

export class App {
  constructor(config) {
    this.config = config;
    this.api = new Api(config.apiBase);
    this.strings = STRINGS[config.lang] || STRINGS.en;
    /** Where cancel leads inside a flow that has its own home (manage); null: back to the integrator. */
    this.onCancel = null;
    /** What the flow has done so far (e.g. the connections added), kept across a trip to the bank. */
    this.journey = {};
    /** After a trip to the bank: {target, connectionId, error, errorDescription}; null otherwise. */
    this.returned = null;
  }

  /**
   * The webview as it was before the trip to the bank, from the return page's query (webauth's
   * callback, PROTOCOL-NOTES §5.3), or null when this tab started no such trip.
   */
  static restore(search) {
    const params = new URLSearchParams(search);
    const key = params.get('state');
    const saved = key && window.sessionStorage.getItem(JOURNEYS + key);
    if (!saved) {
      return null;
    }
    window.sessionStorage.removeItem(JOURNEYS + key);
    const {config, token, journey, target} = JSON.parse(saved);
    const app = new App(config);
    app.api.token = token;
    app.journey = journey;
    app.returned = {target, connectionId: params.get('connection_id') || params.get('id_connection'),
      error: params.get('error'), errorDescription: params.get('error_description')};
    document.documentElement.lang = config.lang;
    window.history.replaceState(null, '', window.location.pathname);
    return app;
  }

  /**
   * Sends the browser to the bank through GET /webauth (PROTOCOL-NOTES §5.2) with a single-use code,
   * to come back to the webview's return page; the state of the flow waits in this tab's storage.
   *
   * @param target {connectorUuid, connectionId, source, values, purpose: 'add'|'next'|'fix'}
   */
  async toBank(target) {
    const code = await this.api.get('/auth/token/code?type=singleAccess');
    if (code.status !== 200) {
      return this.fatal(code);
    }
    const key = [...window.crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
    window.sessionStorage.setItem(JOURNEYS + key,
        JSON.stringify({config: this.config, token: this.api.token, journey: this.journey, target}));
    const query = new URLSearchParams({client_id: this.config.clientId, redirect_uri: this.config.webauthReturn,
      token: code.body.code, state: key});
    if (target.connectionId) {
      query.set('id_connection', target.connectionId);
    } else {
      query.set('connector_uuid', target.connectorUuid);
    }
    if (target.source) {
      query.set('source', target.source);
    }
    for (const [name, value] of Object.entries(target.values || {})) {
      query.set(name, value);
    }
    show('to-bank', this.t('toBankTitle'), h('p', {class: 'status', role: 'status'}, this.t('toBankHint')));
    window.location.assign(this.config.apiBase + '/webauth?' + query);
    return new Promise(() => {}); // the page is leaving
  }

  /** A translated string; {name} placeholders are replaced by vars. */
  t(key, vars = {}) {
    const text = this.strings[key] ?? STRINGS.en[key] ?? key;
    return text.replace(/\{(\w+)}/g, (whole, name) => vars[name] ?? whole);
  }

  /** The integrator's prefill for one connector: {field: value}. */
  prefill(connector) {
    return this.config.prefill[String(connector.uuid).toLowerCase()] || {};
  }

  get canLeave() {
    return Boolean(this.config.redirectUri);
  }

  /** Goes back to the integrator with params, plus state when one was given. */
  leave(params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== null && value !== undefined) {
        query.set(name, value);
      }
    }
    if (this.config.state !== null) {
      query.set('state', this.config.state);
    }
    show('leaving', this.t('leaving'), h('p', {class: 'status', role: 'status'}, this.t('leavingHint')));
    window.location.assign(this.config.redirectUri + (query.size ? '?' + query : ''));
  }

  /** The user gave up: back to the flow's home, or to the integrator with error=access_denied (§10.6). */
  cancel() {
    if (this.onCancel) {
      this.onCancel();
    } else {
      this.leave({error: 'access_denied', error_description: 'The user cancelled the flow'});
    }
  }

  /** A cancel button, or nothing when there is nowhere to go back to. */
  cancelButton() {
    return this.canLeave || this.onCancel ? button(this.t('cancel'), () => this.cancel(), {kind: 'link', id: 'cancel'}) : null;
  }

  /**
   * A failure the webview cannot recover from. The user reads why and goes back to the integrator
   * with error=session_expired (the code no longer works) or server_error.
   */
  fatal(reply, message = null) {
    const expired = reply && reply.status === 401;
    const error = expired ? 'session_expired' : 'server_error';
    const text = message || (expired ? this.t('sessionExpired') : this.t('serverError'));
    show('failure', this.t('failureTitle'), alert(text),
        actions(this.canLeave
            ? button(this.t('backToApp'), () => this.leave({error, error_description: text}), {kind: 'primary', id: 'back-to-app'})
            : null));
    return new Promise(() => {}); // the flow stops here
  }
}
