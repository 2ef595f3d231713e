// Entry point of the webview pages: reads the parameters the server checked and starts the flow.

import {App} from './app.js';
import {connect} from './connect.js';
import {manage} from './manage.js';
import {reconnect} from './reconnect.js';
import {alert, show} from './ui.js';

const FLOWS = {connect, reconnect, manage};

const screen = document.getElementById('screen');
const config = JSON.parse(screen.dataset.config);
// The return page of a trip to the bank carries no parameters of its own: the flow it continues
// waits in this tab's storage, under the key that came back as state.
const app = config.flow === 'return' ? App.restore(window.location.search) : new App(config);
if (app) {
  FLOWS[app.config.flow](app).catch(failure => {
    console.error(failure);
    app.fatal(null);
  });
} else {
  show('failure', config.lang === 'fr' ? 'Retour de la banque' : 'Back from the bank',
      alert(config.lang === 'fr'
          ? 'Ce retour ne correspond à aucune connexion en cours dans cet onglet. Recommencez depuis l\'application.'
          : 'This return matches no connection under way in this tab. Start again from the application.'));
}
