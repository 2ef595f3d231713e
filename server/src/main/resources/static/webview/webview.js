// Entry point of the webview pages: reads the parameters the server checked and starts the flow.

import {App} from './app.js';
import {connect} from './connect.js';
import {manage} from './manage.js';
import {reconnect} from './reconnect.js';

const FLOWS = {connect, reconnect, manage};

const screen = document.getElementById('screen');
const app = new App(JSON.parse(screen.dataset.config));
FLOWS[app.config.flow](app).catch(failure => {
  console.error(failure);
  app.fatal(null);
});
