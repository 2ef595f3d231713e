// The Passerelle REST API as the webview calls it: JSON in and out, the webview's session as
// bearer, the page's language in Accept-Language (connector field labels follow it).
// Every call resolves (never throws): {status, body}, status 0 when the network failed.

export class Api {
  constructor(base, lang) {
    this.base = base;
    this.lang = lang;
    this.token = null;
  }

  async call(method, path, body, token = this.token, keepalive = false) {
    const headers = {Accept: 'application/json', 'Accept-Language': this.lang};
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    const init = {method, headers, credentials: 'omit', cache: 'no-store', keepalive};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(this.base + path, init);
    } catch (networkFailure) {
      return {status: 0, body: null};
    }
    const text = await response.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch (notJson) {
      parsed = null;
    }
    return {status: response.status, body: parsed};
  }

  get(path) {
    return this.call('GET', path);
  }

  post(path, body = {}) {
    return this.call('POST', path, body);
  }

  put(path, body) {
    return this.call('PUT', path, body);
  }

  delete(path) {
    return this.call('DELETE', path);
  }

  /**
   * Revokes the session (DELETE /auth/token, docs/webview.md "The webview's session") in a request
   * that outlives the page (keepalive): it is sent as the page leaves, and still arrives when the
   * tab is closed at that moment.
   */
  revoke() {
    return this.call('DELETE', '/auth/token', undefined, this.token, true);
  }
}

/** Whether an answer carries a connection (200, or 202 when the user must act). */
export function isConnection(reply) {
  return (reply.status === 200 || reply.status === 202) && reply.body && typeof reply.body.id === 'number';
}

/** Path-safe query value. */
export function q(value) {
  return encodeURIComponent(value);
}
