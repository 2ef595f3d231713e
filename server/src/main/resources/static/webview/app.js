// What every flow shares: the checked parameters (from the server, never from the address bar),
// the API client, the translations, and the ways out to the integrator's redirect_uri
// (PROTOCOL-NOTES §10.3–10.6).

import {Api} from './api.js';
import {STRINGS} from './i18n.js';
import {actions, alert, button, h, show} from './ui.js';

export class App {
  constructor(config) {
    this.config = config;
    this.api = new Api(config.apiBase);
    this.strings = STRINGS[config.lang] || STRINGS.en;
    /** Where cancel leads inside a flow that has its own home (manage); null: back to the integrator. */
    this.onCancel = null;
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
