// The console shell: hash routing, login with the bearer token, page modules.
import { get, session, setUnauthorizedHandler } from './api.js';
import { clear, h } from './dom.js';

const pages = {
  providers: () => import('./pages/providers.js'),
  authorizations: () => import('./pages/authorizations.js'),
  jobs: () => import('./pages/jobs.js'),
  runs: () => import('./pages/runs.js'),
  profiles: () => import('./pages/profiles.js'),
  audiences: () => import('./pages/audiences.js'),
  exports: () => import('./pages/exports.js'),
  audit: () => import('./pages/audit.js'),
};

const main = document.getElementById('main');
const dialog = document.getElementById('login');
let current = null; // the page module shown, for dispose()
let generation = 0;

function askToken(message) {
  document.getElementById('login-error').textContent = message || '';
  if (!dialog.open) dialog.showModal();
  document.getElementById('token').focus();
}

setUnauthorizedHandler((message) => { session.clear(); askToken(message); });

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  try {
    await (await import('./api.js')).api('GET', '/api/v1/providers', undefined, token);
    session.set(token);
    document.getElementById('token').value = '';
    dialog.close();
    route();
  } catch (error) {
    document.getElementById('login-error').textContent = error.message;
  }
});
dialog.addEventListener('cancel', (event) => event.preventDefault());
document.getElementById('logout').addEventListener('click', () => { session.clear(); clear(main); askToken('Logged out.'); });

export async function route() {
  const [name = 'jobs', ...rest] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const load = pages[name] || pages.jobs;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === name);
  if (current && current.dispose) current.dispose();
  current = null;
  if (!session.token()) { askToken(); return; }
  const mine = ++generation;
  clear(main);
  main.dataset.page = name;
  try {
    const module = await load();
    if (mine !== generation) return;
    current = module;
    await module.render(main, rest.filter(Boolean));
  } catch (error) {
    if (error.status === 401) return;
    main.append(h('p.error', { role: 'alert' }, `Could not load this page: ${error.message}`));
  }
}

window.addEventListener('hashchange', route);
if (!location.hash) location.hash = '#/jobs'; else route();
// Keep the token check honest on first load: a stale token opens the dialog.
if (session.token()) get('/api/v1/providers').catch(() => {});
