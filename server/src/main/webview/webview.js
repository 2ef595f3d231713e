// Entry point of the webview pages: reads the parameters the server checked and the words of the
// page's language, and starts the flow.

import {App} from './app.js';
import {connect} from './connect.js';
import {manage} from './manage.js';
import {reconnect} from './reconnect.js';
import {alert, show, titlePagesWith} from './ui.js';

const FLOWS = {connect, reconnect, manage};

const screen = document.getElementById('screen');
const config = JSON.parse(screen.dataset.config);
const messages = JSON.parse(screen.dataset.messages);

if (config.flow === 'return') {
  // Back from the bank: the flow that sent the user there goes on at its own launch URL.
  const launch = App.afterBank(window.location.search);
  if (launch) {
    window.location.replace(launch);
  } else {
    titlePagesWith(title => messages['page.titled'].replace('{0}', title));
    show('failure', messages.returnTitle, alert(messages.returnUnknown));
  }
} else {
  const app = new App(config, messages, window.location.pathname + window.location.search);
  FLOWS[config.flow](app).catch(failure => {
    console.error(failure);
    app.fatal(null);
  });
}
