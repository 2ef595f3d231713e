// What every flow shares: the checked parameters (from the server, never from the address bar),
// the words of the page's language, the webview's session, the flow's progress kept in the tab
// (a reload or a trip to the bank resumes it), and the ways out to the integrator
// (docs/webview.md "Callback"): a redirect to redirect_uri, announced by postMessage to an opener
// or a parent frame.

import {Api} from './api.js';
import {actions, alert, button, h, show, titlePagesWith} from './ui.js';

/** Where the tab keeps a flow: its launch URL (path and query) after this prefix. */
const LAUNCHES = 'passerelle-webview:launch:';
/** Where a trip to the bank waits: the random key sent as webauth's state after this prefix. */
const TRIPS = 'passerelle-webview:trip:';

export class App {
  constructor(config, messages, launch) {
    this.config = config;
    this.messages = messages;
    this.launch = launch;
    this.api = new Api(config.apiBase, config.lang);
    /** Where cancel leads inside a flow that has its own home (manage); null: the flow's abandon(). */
    this.onCancel = null;
    /** What the flow does with what it made when the user gives up (connect deletes it). */
    this.onAbandon = null;
    /** What the flow has done so far: {created, added: [connection ids], pending: connection id or null}. */
    this.journey = {created: false, added: [], pending: null};
    /** Back from the bank: {target, connectionId, error, errorDescription}; null otherwise. */
    this.returned = null;
    titlePagesWith(title => this.t('page.titled', {0: title}));
  }

  /**
   * The webview's session, once per launch (docs/webview.md "The webview's session"): the code is spent here for a
   * session of the webview's own (POST /webview/session, for the page's client only: a code of another client's user
   * is refused), so that a single-use code serves the
   * whole flow and an expired code is told before the user types anything. Without a code, connect
   * creates the user (createUser). A reload of the same URL in the same tab goes on with the same
   * session and progress instead.
   */
  async open({createUser = false} = {}) {
    if (this.resume()) {
      return;
    }
    if (this.config.code) {
      const session = await this.api.call('POST', '/webview/session', {client_id: this.config.clientId}, this.config.code);
      if (session.status !== 200) {
        return this.fatal(session);
      }
      this.api.token = session.body.token;
    } else if (createUser) {
      const init = await this.api.post('/auth/init', {});
      if (init.status !== 200) {
        return this.fatal(init);
      }
      this.api.token = init.body.auth_token;
      this.journey.created = true;
    }
    this.save();
  }

  /** Keeps the session and the progress in this tab, for a reload or a trip to the bank. */
  save() {
    const saved = {token: this.api.token, journey: this.journey};
    window.sessionStorage.setItem(LAUNCHES + this.launch, JSON.stringify(saved));
  }

  resume() {
    const saved = window.sessionStorage.getItem(LAUNCHES + this.launch);
    if (!saved) {
      return false;
    }
    const {token, journey, returned} = JSON.parse(saved);
    this.api.token = token;
    this.journey = journey;
    this.returned = returned || null;
    this.save();
    return true;
  }

  forget() {
    window.sessionStorage.removeItem(LAUNCHES + this.launch);
  }

  /** A connection this flow is creating: deleted if the user gives up before confirming it. */
  creating(connectionId) {
    if (this.journey.pending !== connectionId) {
      this.journey.pending = connectionId;
      this.save();
    }
  }

  /** The connection under way is confirmed: it belongs to the user now. */
  confirmed(connectionId) {
    this.journey.added.push(connectionId);
    this.journey.pending = null;
    this.save();
  }

  /** Deletes the connection under way, the one the user has not confirmed. */
  async discardPending() {
    const pending = this.journey.pending;
    if (pending) {
      await this.api.delete(`/users/me/connections/${pending}`);
      this.journey.pending = null;
      this.save();
    }
  }

  /**
   * Back on the launch page after a trip to the bank (the return page's query, docs/webauth.md): notes what the bank answered with the flow that started the trip and answers that flow's
   * launch URL, or null when this tab started no such trip.
   */
  static afterBank(search) {
    const params = new URLSearchParams(search);
    const key = params.get('state');
    const trip = key && window.sessionStorage.getItem(TRIPS + key);
    if (!trip) {
      return null;
    }
    window.sessionStorage.removeItem(TRIPS + key);
    const {launch, target} = JSON.parse(trip);
    const saved = window.sessionStorage.getItem(LAUNCHES + launch);
    if (!saved) {
      return null;
    }
    const flow = JSON.parse(saved);
    flow.returned = {target, connectionId: params.get('connection_id') || params.get('id_connection'),
      error: params.get('error'), errorDescription: params.get('error_description')};
    window.sessionStorage.setItem(LAUNCHES + launch, JSON.stringify(flow));
    return launch;
  }

  /**
   * Sends the browser to the bank (docs/webauth.md): GET /webauth-url gives the link, with a
   * single-use code derived from the session; the bank comes back to the webview's return page,
   * which brings the browser back to this launch URL to go on.
   *
   * @param target {connectorUuid, connectionId, source, values, purpose: 'add'|'next'|'fix'}
   */
  async toBank(target) {
    const key = [...window.crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
    const query = new URLSearchParams({client_id: this.config.clientId, redirect_uri: this.config.webauthReturn, state: key});
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
    const link = await this.api.get('/webauth-url?' + query);
    if (link.status !== 200) {
      return this.fatal(link);
    }
    window.sessionStorage.setItem(TRIPS + key, JSON.stringify({launch: this.launch, target}));
    this.save();
    show('to-bank', this.t('toBankTitle'), h('p', {class: 'status', role: 'status'}, this.t('toBankHint')));
    window.location.assign(link.body.url);
    return new Promise(() => {}); // the page is leaving
  }

  /** A word of the page's language; {name} placeholders are replaced by vars. */
  t(key, vars = {}) {
    const text = this.messages[key] ?? key;
    return text.replace(/\{(\w+)}/g, (whole, name) => vars[name] ?? whole);
  }

  /** The integrator's prefill for one connector: {field: value}. */
  prefill(connector) {
    return this.config.prefill[String(connector.uuid).toLowerCase()] || {};
  }

  get canLeave() {
    return Boolean(this.config.redirectUri);
  }

  /**
   * Goes back to the integrator with params (plus state when one was given): a redirect to
   * redirect_uri, announced first to the window that opened the webview or framed it, as Powens'
   * JS component expects ({type: 'powensWebviewTermination', data}), to the redirect URI's origin only.
   */
  leave(params) {
    this.forget();
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== null && value !== undefined) {
        query.set(name, value);
      }
    }
    if (this.config.state !== null) {
      query.set('state', this.config.state);
    }
    this.announce(params);
    // The flow is over: its session dies now, not when the code would have expired. A user this
    // flow created keeps its token, whose code the callback carries (revoking it would kill the code).
    if (this.api.token && !this.journey.created) {
      this.api.revoke();
    }
    show('leaving', this.t('leaving'), h('p', {class: 'status', role: 'status'}, this.t('leavingHint')));
    window.location.assign(this.config.redirectUri + (query.size ? '?' + query : ''));
  }

  announce(params) {
    const integrator = window.opener || (window.parent !== window ? window.parent : null);
    if (!integrator || !this.config.integratorOrigin) {
      return;
    }
    const ids = params.connection_ids ? String(params.connection_ids).split(',')
        : params.connection_id ? [String(params.connection_id)] : [];
    integrator.postMessage({type: 'powensWebviewTermination', data: {
      connectionId: params.connection_id ? String(params.connection_id) : null,
      connectionIds: ids,
      connectionDeleted: Boolean(params.connection_deleted),
      code: params.code || null,
      state: this.config.state,
      error: params.error || null,
      errorDescription: params.error_description || null,
    }}, this.config.integratorOrigin);
  }

  /**
   * The user gave up: back to the flow's home (manage), or the flow cleans up what it made
   * (onAbandon) and goes back to the integrator, with error=access_denied when nothing
   * was confirmed.
   */
  async cancel() {
    if (this.onCancel) {
      return this.onCancel();
    }
    show('leaving', this.t('cancelling'), h('p', {class: 'status', role: 'status'}, this.t('leavingHint')));
    if (this.onAbandon) {
      return this.onAbandon();
    }
    this.leave({error: 'access_denied', error_description: 'The user cancelled the flow'});
  }

  /** A cancel button, or nothing when there is nowhere to go back to. */
  cancelButton() {
    return this.canLeave || this.onCancel ? button(this.t('cancel'), () => this.cancel(), {kind: 'link', id: 'cancel'}) : null;
  }

  /**
   * A failure the webview cannot recover from. The user reads why and goes back to the integrator
   * with error=session_expired (the code or the session no longer works) or server_error.
   */
  fatal(reply, message = null) {
    const expired = reply && reply.status === 401;
    const error = expired ? 'session_expired' : 'server_error';
    const text = message || (expired ? this.t('sessionExpired') : this.t('serverError'));
    this.forget();
    show('failure', this.t('failureTitle'), alert(text),
        actions(this.canLeave
            ? button(this.t('backToApp'), () => this.leave({error, error_description: text}), {kind: 'primary', id: 'back-to-app'})
            : null));
    return new Promise(() => {}); // the flow stops here
  }
}
