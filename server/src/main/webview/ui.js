// DOM helpers: every screen replaces the content of <main id="screen">, has one <h1> that takes
// the focus (screen readers announce the new screen) and names the page in the tab's title, and a
// name in data-screen for tests.

const main = () => document.getElementById('screen');

/** How a screen's title becomes the page's title (set by the App, in the page's language). */
let pageTitle = title => title;

export function titlePagesWith(format) {
  pageTitle = format;
}

/** Builds an element: h('button', {class: 'primary', onclick: fn}, 'Label'). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/** Shows a screen: its title (focused, and in the page's title) and content. */
export function show(name, title, ...content) {
  const screen = main();
  screen.dataset.screen = name;
  screen.removeAttribute('aria-busy');
  const heading = h('h1', {tabindex: '-1', id: 'screen-title'}, title);
  screen.replaceChildren(heading, ...content.flat().filter(Boolean));
  document.title = pageTitle(title);
  heading.focus();
  return screen;
}

/** A status line read out by screen readers without moving the focus. */
export function liveStatus(id, text = '') {
  return h('p', {id, class: 'status', role: 'status', 'aria-live': 'polite'}, text);
}

/** An alert (errors): read out at once. */
export function alert(text, id = 'screen-error') {
  return text ? h('p', {id, class: 'error', role: 'alert'}, text) : null;
}

/** A row of buttons; null entries are skipped. */
export function actions(...buttons) {
  return h('div', {class: 'actions'}, ...buttons.filter(Boolean));
}

export function button(label, onclick, {kind = 'secondary', id = null, disabled = false} = {}) {
  return h('button', {type: 'button', class: kind, id, onclick, disabled}, label);
}

/** Resolves after ms milliseconds. */
export function delay(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** Marks the screen busy while a call runs, and disables its buttons so it is not sent twice. */
export async function busy(promise) {
  const screen = main();
  screen.setAttribute('aria-busy', 'true');
  const controls = [...screen.querySelectorAll('button, input, select')].filter(c => !c.disabled);
  controls.forEach(c => { c.disabled = true; });
  try {
    return await promise;
  } finally {
    screen.removeAttribute('aria-busy');
    controls.forEach(c => { c.disabled = false; });
  }
}

/** Text as compared by a search box: lower case, without accents ("Société" finds "societe"). */
export function folded(text, lang) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase(lang);
}

/** A wire date-time ("YYYY-MM-DD HH:MM:SS", the server's local time) in the page's language. */
export function localDateTime(wire, lang) {
  const [date, time = '00:00:00'] = String(wire).split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes, seconds] = time.split(':').map(Number);
  const moment = new Date(year, month - 1, day, hours, minutes, seconds);
  return Number.isNaN(moment.getTime()) ? wire
      : new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeStyle: 'short'}).format(moment);
}
