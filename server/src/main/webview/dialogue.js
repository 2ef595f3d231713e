// Drives one connection through the states of docs/protocol.md §4 until it is usable: credentials,
// one-time codes (additionalInformationNeeded), app validation (decoupled, polled with resume),
// consent renewal (SCARequired) and web authentication (webauthRequired, by redirect).

import {isConnection, q} from './api.js';
import {fieldInputs} from './fields.js';
import {actions, alert, busy, button, delay, h, liveStatus, show} from './ui.js';

/** What a credentials screen answers when the user goes back. */
export const BACK = Symbol('back');

/** The pause between two resume calls: the server itself waits a while on each. */
const RESUME_PAUSE_MS = 1000;

/** What the user typed, to show again after a refusal: everything but passwords. */
function keptAfterRefusal(fields, values) {
  const kept = {};
  for (const field of fields) {
    if (field.type !== 'password' && values[field.name] !== undefined) {
      kept[field.name] = values[field.name];
    }
  }
  return kept;
}

export class Dialogue {
  /**
   * @param app       the App
   * @param connector the connector, with its sources and fields expanded
   * @param connection the existing connection, or null to create one
   * @param fixing     whether the dialogue repairs the connection (reconnect) rather than adds to it
   */
  constructor(app, connector, connection = null, fixing = false) {
    this.app = app;
    this.connector = connector;
    this.connection = connection;
    this.fixing = fixing;
    /** Whether this dialogue creates the connection: the flow deletes it if the user gives up. */
    this.creates = !connection && !fixing;
    /** The fields of the last one-time code asked: the same ones asked again mean the answer was wrong. */
    this.lastChallenge = null;
  }

  /** The connector's sources, in priority order. */
  get sources() {
    return [...(this.connector.sources || [])].sort((a, b) => a.priority - b.priority);
  }

  /** Whether the source is added at the bank's own website (webauth, docs/protocol.md §5). */
  atBank(source) {
    return source.auth_mechanism === 'webauth';
  }

  /**
   * The fields to ask for a source, for the way it is added. On an existing connection the ones its
   * sources already gave (login, password shared by every source) are stored: only the new source's
   * own are asked.
   */
  fieldsOf(source, alreadyOn = []) {
    const mechanism = this.atBank(source) ? 'webauth' : 'credentials';
    return (this.connector.fields || []).filter(field =>
        (field.connector_sources || []).includes(source.name)
        && (field.auth_mechanisms || ['credentials']).includes(mechanism)
        && !(field.connector_sources || []).some(name => alreadyOn.includes(name)));
  }

  /** What a trip to the bank is for: a new connection, the next source of one, or fixing one. */
  get purpose() {
    return !this.connection ? 'add' : this.fixing ? 'fix' : 'next';
  }

  /**
   * Asks credentials for source and sends them until the connection is usable. Adds the source to
   * the existing connection if there is one. Resolves with the connection, or BACK. A source added
   * at the bank asks its few fields, then the browser leaves for the bank.
   */
  async withCredentials(source, {fields = null, error = null, intro = null, back = null, alreadyOn = []} = {}) {
    const asked = fields || this.fieldsOf(source, alreadyOn);
    if (this.atBank(source)) {
      const values = await this.credentialsScreen(source, asked, error, intro, back, {});
      return values === BACK ? BACK : this.app.toBank({connectorUuid: this.connector.uuid,
        connectionId: this.connection ? this.connection.id : null, source: source.name, values, purpose: this.purpose});
    }
    let typed = {};
    for (;;) {
      const values = await this.credentialsScreen(source, asked, error, intro, back, typed);
      if (values === BACK) {
        return BACK;
      }
      typed = keptAfterRefusal(asked, values);
      const reply = await busy(this.connection
          ? this.app.api.post(`/users/me/connections/${this.connection.id}?source=${q(source.name)}`, values)
          : this.app.api.post(`/users/me/connections?source=${q(source.name)}`, {connector_uuid: this.connector.uuid, ...values}));
      const outcome = await this.settle(reply);
      if (outcome.ready) {
        return outcome.ready;
      }
      error = outcome.error;
    }
  }

  /**
   * Follows a connection answer until the connection is usable ({ready}) or needs new credentials
   * ({error}: wrong password, expired password, a refused value, an institution failure).
   */
  async settle(reply) {
    const api = this.app.api;
    for (;;) {
      if (!isConnection(reply)) {
        if (reply.status === 400 && reply.body && reply.body.code) {
          return {error: this.describe(reply.body.code, reply.body.message || reply.body.description)};
        }
        return this.app.fatal(reply);
      }
      const connection = reply.body;
      this.connection = connection;
      if (this.creates) {
        this.app.creating(connection.id);
      }
      const path = `/users/me/connections/${connection.id}`;
      switch (connection.state) {
        case null:
        case undefined:
          return {ready: connection};
        case 'additionalInformationNeeded': {
          // A second round (doubleotp) asks another field or label; a refused answer, the same again.
          const asked = JSON.stringify((connection.fields || []).map(field => [field.name, field.label]));
          const wrong = asked === this.lastChallenge;
          this.lastChallenge = asked;
          reply = await busy(api.post(path, await this.otpScreen(connection, wrong)));
          break;
        }
        case 'decoupled':
        case 'validating':
          reply = await this.waitForValidation(connection);
          break;
        case 'SCARequired':
          await this.scaScreen();
          reply = await busy(api.post(path, {}));
          break;
        case 'webauthRequired':
          await this.bankScreen();
          return this.app.toBank({connectorUuid: this.connector.uuid, connectionId: connection.id, source: null,
            values: {}, purpose: this.purpose});
        default:
          return {error: this.describe(connection.state, connection.error_message)};
      }
    }
  }

  /**
   * A failure as the user reads it, in the page's language. The institution's own message, in
   * whatever language the bank speaks, is added only to a failure the webview has no words for.
   */
  describe(code, institutionMessage) {
    const known = this.app.t('error.' + code);
    if (known !== 'error.' + code) {
      return known;
    }
    const general = this.app.t('error.other');
    return institutionMessage ? `${general} (${institutionMessage})` : general;
  }

  credentialsScreen(source, fields, error, intro, back, typed) {
    const app = this.app;
    const atBank = this.atBank(source);
    const sourceName = app.t('source.' + source.name);
    return new Promise(resolve => {
      const inputs = fieldInputs(fields, {...app.prefill(this.connector), ...typed}, (key) => app.t(key));
      const form = h('form', {id: 'credentials-form', novalidate: true},
          inputs.element,
          actions(h('button', {type: 'submit', class: 'primary', id: 'submit'}, app.t(atBank ? 'toBank' : 'connect')),
              back ? button(app.t('back'), () => resolve(BACK), {id: 'back'}) : null,
              app.cancelButton()));
      form.addEventListener('submit', event => {
        event.preventDefault();
        const values = inputs.collect();
        if (values) {
          resolve(values);
        }
      });
      show(atBank ? 'webauth' : 'credentials', app.t(atBank ? 'webauthTitle' : 'credentialsTitle', {connector: this.connector.name}),
          h('p', {class: 'lead'}, intro || app.t(atBank ? 'webauthIntro' : 'credentialsIntro', {source: sourceName})),
          atBank && intro ? h('p', {class: 'hint'}, app.t('webauthIntro', {source: sourceName})) : null,
          alert(error), form);
      if (error) {
        inputs.focusFirst();
      }
    });
  }

  /**
   * The one-time code form, built from the connection's fields (labelled in the page's language).
   * Asked again after an answer, the code was wrong: the form says so, as an alert tied to the input.
   */
  otpScreen(connection, wrong) {
    const app = this.app;
    return new Promise(resolve => {
      const inputs = fieldInputs(connection.fields || [], {}, (key) => app.t(key), wrong ? 'otp-error' : null);
      const form = h('form', {id: 'otp-form', novalidate: true}, inputs.element,
          actions(h('button', {type: 'submit', class: 'primary', id: 'submit'}, app.t('validate')), app.cancelButton()));
      form.addEventListener('submit', event => {
        event.preventDefault();
        const values = inputs.collect();
        if (values) {
          resolve(values);
        }
      });
      show('otp', app.t('otpTitle'), h('p', {class: 'lead', id: 'otp-message'}, app.t('otpIntro')),
          wrong ? alert(app.t('otpWrong'), 'otp-error') : null, form);
      inputs.focusFirst();
    });
  }

  /**
   * The waiting screen of a decoupled validation: resume=true blocks on the server for a while and
   * answers decoupled again while the user has not validated; the screen stays until it changes.
   * Its status line is the institution's own words (error_message) while it gives some, as each
   * answer has them: they tell whether the user has to act or the bank is only confirming an access
   * already given (Berlin Group), which the page's general sentence cannot know.
   */
  async waitForValidation(connection) {
    const app = this.app;
    const status = liveStatus('waiting-status', app.t('decoupledIntro'));
    show('decoupled', app.t('decoupledTitle'),
        h('div', {class: 'spinner', 'aria-hidden': 'true'}),
        status,
        h('p', {class: 'hint'}, app.t('decoupledHint')),
        actions(app.cancelButton()));
    document.getElementById('screen').setAttribute('aria-busy', 'true');
    const path = `/users/me/connections/${connection.id}`;
    let current = connection;
    while (status.isConnected) { // the user may have cancelled meanwhile
      // Validating (a step is running) carries no words of its own: the last ones stay.
      if (current.state === 'decoupled') {
        const words = (current.error_message || '').trim() || app.t('decoupledIntro');
        if (status.textContent !== words) { // rewritten with the same text, a live region may be read again
          status.textContent = words;
        }
      }
      const reply = current.state === 'validating' ? await app.api.get(path) : await app.api.post(path, {resume: true});
      const stillWaiting = reply.status === 409
          || (isConnection(reply) && (reply.body.state === 'decoupled' || reply.body.state === 'validating'));
      if (!stillWaiting) {
        return reply;
      }
      current = isConnection(reply) ? reply.body : current;
      await delay(RESUME_PAUSE_MS);
    }
    return new Promise(() => {}); // the user left this screen: the flow went on elsewhere
  }

  /** Before leaving for the bank to renew an authorization: what will happen, and a button to go. */
  bankScreen() {
    const app = this.app;
    return new Promise(resolve => {
      show('webauth', app.t('webauthTitle', {connector: this.connector.name}), h('p', {class: 'lead'}, app.t('webauthRenewIntro')),
          actions(button(app.t('toBank'), () => resolve(), {kind: 'primary', id: 'submit'}), app.cancelButton()));
    });
  }

  scaScreen() {
    const app = this.app;
    return new Promise(resolve => {
      show('sca', app.t('scaTitle'),
          h('p', {class: 'lead'}, app.t('scaIntro')),
          actions(button(app.t('continue'), () => resolve(), {kind: 'primary', id: 'continue'}), app.cancelButton()));
    });
  }
}
