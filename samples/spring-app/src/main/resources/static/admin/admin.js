// ORION admin page: plain JavaScript over the sample's REST API; the API key is kept in session storage.
'use strict';

const KEY = 'orionApiKey';
const $ = id => document.getElementById(id);
const state = { auditCursor: null, campaign: null, plotUrl: null, claim: null, campaignNames: new Map() };

function key() { return sessionStorage.getItem(KEY); }

function say(text, isError) {
  $('message').textContent = text || '';
  $('message').className = isError ? 'error' : '';
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'X-API-Key': key() }, options.headers || {});
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.json);
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    show('login');
    throw new Error('the API key was refused; log in again');
  }
  if (!response.ok) {
    let text = response.statusText;
    try { text = (await response.json()).error || text; } catch (e) { /* not JSON */ }
    throw new Error(response.status + ': ' + text);
  }
  return response;
}

async function getJson(path) { return (await api(path)).json(); }

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.append(k, v); });
  const s = q.toString();
  return s ? '?' + s : '';
}

function dayStart(value) { return value ? value + 'T00:00:00Z' : ''; }
function dayEnd(value) { return value ? value + 'T23:59:59Z' : ''; }
function money(v) { return '$' + Number(v || 0).toFixed(4); }

// Fills a table from rows: columns are [header, row => value, numeric?]; values are text, never HTML.
function table(id, columns, rows) {
  const t = $(id);
  t.replaceChildren();
  const head = t.createTHead().insertRow();
  columns.forEach(([title]) => { const th = document.createElement('th'); th.textContent = title; head.appendChild(th); });
  const body = t.createTBody();
  if (rows.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = columns.length;
    cell.textContent = 'nothing yet';
    return body;
  }
  rows.forEach(r => appendRow(body, columns, r));
  return body;
}

function appendRow(body, columns, r) {
  const row = body.insertRow();
  columns.forEach(([, value, numeric]) => {
    const cell = row.insertCell();
    const v = value(r);
    if (v instanceof Node) { cell.appendChild(v); } else { cell.textContent = v === undefined || v === null ? '' : String(v); }
    if (numeric) { cell.className = 'num'; }
  });
  return row;
}

function button(text, onClick, cls) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (cls) { b.className = cls; }
  b.addEventListener('click', onClick);
  return b;
}

async function download(path, fileName) {
  const blob = await (await api(path)).blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  say('exported ' + fileName);
}

function sumBy(rows, keyOf) {
  const sums = new Map();
  rows.forEach(r => {
    const k = keyOf(r) || '(none)';
    const s = sums.get(k) || { key: k, calls: 0, failures: 0, tokensIn: 0, tokensOut: 0, cost: 0 };
    s.calls += r.calls; s.failures += r.failures; s.tokensIn += r.tokensIn; s.tokensOut += r.tokensOut;
    s.cost += Number(r.costUsd);
    sums.set(k, s);
  });
  return [...sums.values()].sort((a, b) => b.cost - a.cost);
}

const SUM_COLUMNS = [['', s => s.key], ['calls', s => s.calls, true], ['failures', s => s.failures, true],
  ['tokens in', s => s.tokensIn, true], ['tokens out', s => s.tokensOut, true], ['cost', s => money(s.cost), true]];

function usageParams() {
  return { granularity: $('usage-granularity').value, from: dayStart($('usage-from').value), to: dayEnd($('usage-to').value) };
}

async function loadUsage() {
  const rows = await getJson('/api/llm/usage' + query(usageParams()));
  table('usage-by-project', SUM_COLUMNS, sumBy(rows, r => r.project));
  table('usage-by-feature', SUM_COLUMNS, sumBy(rows, r => r.feature));
  table('usage-table', [['period', r => r.period], ['project', r => r.project], ['feature', r => r.feature],
    ['calls', r => r.calls, true], ['failures', r => r.failures, true], ['tokens in', r => r.tokensIn, true],
    ['tokens out', r => r.tokensOut, true], ['cost', r => money(r.costUsd), true]], rows);
}

let knownModels = [];

async function loadProfiles() {
  const list = await getJson('/api/profiles');
  knownModels = list.models;
  table('profiles-table', [['profile', p => p.name], ['models', p => p.models.join(' > ')],
    ['temperature', p => p.temperature, true], ['max tokens', p => p.maxTokens, true],
    ['max cost', p => p.maxCostPerRequest, true], ['yours', p => p.overridden ? 'edited' : 'base'],
    ['', p => button('Edit', () => editProfile(p), 'edit-profile')]], list.profiles);
}

function editProfile(p) {
  $('profile-form').hidden = false;
  $('profile-name').textContent = p.name;
  $('profile-models').value = p.models.join(', ');
  $('profile-temperature').value = p.temperature ?? '';
  $('profile-max-tokens').value = p.maxTokens ?? '';
  $('profile-max-cost').value = p.maxCostPerRequest ?? '';
  $('profile-known-models').textContent = knownModels.join(', ');
  $('test-answer').textContent = '';
}

async function saveProfile(event) {
  event.preventDefault();
  const name = $('profile-name').textContent;
  const edit = { models: $('profile-models').value.split(',').map(s => s.trim()).filter(s => s) };
  if ($('profile-temperature').value !== '') { edit.temperature = Number($('profile-temperature').value); }
  if ($('profile-max-tokens').value !== '') { edit.maxTokens = Number($('profile-max-tokens').value); }
  if ($('profile-max-cost').value !== '') { edit.maxCostPerRequest = Number($('profile-max-cost').value); }
  const saved = await (await api('/api/profiles/' + encodeURIComponent(name), { method: 'PUT', json: edit })).json();
  say('saved ' + name + ': ' + saved.models.join(' > '));
  await loadProfiles();
}

async function resetProfile() {
  const name = $('profile-name').textContent;
  const p = await (await api('/api/profiles/' + encodeURIComponent(name), { method: 'DELETE' })).json();
  editProfile(p);
  say(name + ' is the base profile again');
  await loadProfiles();
}

async function testProfile() {
  const name = $('profile-name').textContent;
  $('test-answer').textContent = 'waiting for the model...';
  const r = await (await api('/api/profiles/' + encodeURIComponent(name) + '/test',
    { method: 'POST', json: { prompt: $('test-prompt').value } })).json();
  $('test-answer').textContent = 'model: ' + r.model + ' (tried ' + r.modelsTried.join(' > ') + ')\n'
    + 'tokens: ' + r.tokensIn + ' in, ' + r.tokensOut + ' out; cost ' + money(r.costUsd) + (r.cacheHit ? ' (cache)' : '')
    + '\n\n' + r.text;
}

const AGGREGATE_COLUMNS = [['calls', a => a.calls, true], ['failures', a => a.failures, true],
  ['cache hits', a => a.cacheHits, true], ['tokens in', a => a.tokensIn, true], ['tokens out', a => a.tokensOut, true],
  ['cost', a => money(a.costUsd), true], ['mean ms', a => a.meanLatencyMs, true], ['max ms', a => a.maxLatencyMs, true]];

async function loadModels() {
  const [models, experiments, profiles] = await Promise.all(['MODEL', 'EXPERIMENT', 'PROFILE']
    .map(g => getJson('/api/llm/analytics?groupBy=' + g)));
  table('models-table', [['model', a => a.key]].concat(AGGREGATE_COLUMNS), models);
  table('experiments-table', [['experiment / variant', a => a.key]].concat(AGGREGATE_COLUMNS),
    experiments.filter(a => a.key !== ''));
  table('profiles-usage-table', [['profile', a => a.key]].concat(AGGREGATE_COLUMNS), profiles);
}

function auditParams() {
  return { action: $('audit-action').value, resourceType: $('audit-type').value,
    from: dayStart($('audit-from').value), to: dayEnd($('audit-to').value) };
}

const AUDIT_COLUMNS = [['time', e => e.time], ['actor', e => e.actor], ['action', e => e.action],
  ['resource', e => e.resourceType + ' ' + e.resourceId],
  ['details', e => Object.entries(e.details || {}).map(([k, v]) => k + '=' + v).join('; ')]];

async function loadAudit(more) {
  const params = Object.assign(auditParams(), { limit: 50 });
  if (more) { params.cursor = state.auditCursor; }
  const page = await getJson('/api/audit' + query(params));
  if (more) {
    const body = $('audit-table').tBodies[0];
    page.items.forEach(e => appendRow(body, AUDIT_COLUMNS, e));
  } else {
    table('audit-table', AUDIT_COLUMNS, page.items);
  }
  state.auditCursor = page.next || null;
  $('audit-more').hidden = !state.auditCursor;
}

async function loadCampaigns() {
  const page = await getJson('/api/campaigns?limit=100');
  table('campaigns-table', [['campaign', c => c.name], ['status', c => c.status], ['iterations', c => c.iterations, true],
    ['created', c => c.createdAt], ['', c => button('Open', () => openCampaign(c.id), 'open-campaign')]], page.items);
  if (state.campaign) { await openCampaign(state.campaign); }
}

async function openCampaign(id) {
  state.campaign = id;
  const c = await getJson('/api/campaigns/' + encodeURIComponent(id));
  $('campaign-detail').hidden = false;
  $('campaign-title').textContent = c.name + ' (' + c.definition.element + ', ' + c.definition.strategy + ')';
  const best = c.best ? c.best.values.energy_per_atom.toFixed(4) + ' eV/atom at a = ' + c.best.parameters.a.toFixed(4) + ' Å'
    : 'none yet';
  $('campaign-summary').textContent = c.status + ', ' + c.evaluations + ' evaluations in ' + c.iterations
    + ' iterations; best ' + best;
  table('observations-table', [['iteration', o => o.iteration, true],
    ['a (Å)', o => o.parameters.a !== undefined ? o.parameters.a.toFixed(4) : JSON.stringify(o.parameters), true],
    ['energy per atom (eV)', o => o.values.energy_per_atom !== undefined ? o.values.energy_per_atom.toFixed(4)
      : 'failed: ' + (o.failure || ''), true],
    ['job', o => o.jobId], ['', o => button('Flag', guarded(() => flagObservation(o)), 'flag-observation')]], c.observations);
  if (c.evaluations > 0) {
    const blob = await (await api('/api/campaigns/' + encodeURIComponent(id) + '/plot.png')).blob();
    if (state.plotUrl) { URL.revokeObjectURL(state.plotUrl); }
    state.plotUrl = URL.createObjectURL(blob);
    $('campaign-plot').src = state.plotUrl;
  }
}

async function createCampaign(event) {
  event.preventDefault();
  say('running the first evaluations...');
  const c = await (await api('/api/campaigns', { method: 'POST', json: { name: $('campaign-name').value,
    element: $('campaign-element').value, strategy: $('campaign-strategy').value,
    evaluations: Number($('campaign-evaluations').value) } })).json();
  state.campaign = c.id;
  say('campaign ' + c.name + ' ran ' + c.evaluations + ' evaluations');
  await loadCampaigns();
}

async function advanceCampaign() {
  say('running more evaluations...');
  await api('/api/campaigns/' + encodeURIComponent(state.campaign) + '/advance',
    { method: 'POST', json: { evaluations: Number($('advance-evaluations').value) } });
  say('advanced');
  await loadCampaigns();
}

async function flagObservation(o) {
  const values = o.values.energy_per_atom !== undefined ? { energy_per_atom: o.values.energy_per_atom } : {};
  const item = await (await api('/api/reviews', { method: 'POST', json: { campaignId: state.campaign,
    parameters: o.parameters, reason: 'flagged on the admin page', values } })).json();
  say('flagged a = ' + item.parameters.a.toFixed(4) + ' Å for review');
}

function energy(values) {
  return values && values.energy_per_atom !== undefined ? values.energy_per_atom.toFixed(4) : '';
}

const REVIEW_COLUMNS = [['campaign', r => state.campaignNames.get(r.campaignId) || r.campaignId],
  ['a (Å)', r => r.parameters.a !== undefined ? r.parameters.a.toFixed(4) : JSON.stringify(r.parameters), true],
  ['energy under review (eV)', r => energy(r.values), true], ['reason', r => r.reason]];

async function loadReviews() {
  const [campaigns, waiting, labelled] = await Promise.all([getJson('/api/campaigns?limit=1000'),
    getJson('/api/reviews?status=PENDING&status=CLAIMED&limit=100'), getJson('/api/reviews?status=LABELLED&limit=100')]);
  state.campaignNames = new Map(campaigns.items.map(c => [c.id, c.name]));
  table('reviews-table', REVIEW_COLUMNS.concat([['status', r => r.status + (r.reviewer ? ' by ' + r.reviewer : '')],
    ['', r => claimable(r) ? button('Claim', guarded(() => claimReview(r.id)), 'claim-review') : '']]), waiting.items);
  table('reviewed-table', REVIEW_COLUMNS.concat([['verdict', r => r.label.verdict],
    ['corrected (eV)', r => energy(r.label.correctedValues), true], ['comment', r => r.label.comment],
    ['by', r => r.reviewer]]), labelled.items);
  if (state.claim && !waiting.items.some(r => r.id === state.claim.item.id)) {
    state.claim = null;
    $('review-form').hidden = true;
  }
}

function claimable(r) {
  return r.status === 'PENDING' || new Date(r.claimExpiresAt) <= new Date();
}

async function claimReview(id) {
  const claim = await (await api('/api/reviews/' + encodeURIComponent(id) + '/claim', { method: 'POST', json: {} })).json();
  state.claim = claim;
  await loadReviews();
  $('review-form').hidden = false;
  $('review-subject').textContent = (state.campaignNames.get(claim.item.campaignId) || '') + ', a = '
    + claim.item.parameters.a.toFixed(4) + ' Å';
  $('review-value').value = energy(claim.item.values);
  $('review-comment').value = '';
  say('claimed until ' + claim.expiresAt);
}

async function labelReview(event) {
  event.preventDefault();
  const verdict = $('review-verdict').value;
  const label = { token: state.claim.token, verdict, comment: $('review-comment').value };
  if (verdict === 'CORRECT') { label.values = { energy_per_atom: Number($('review-value').value) }; }
  const id = state.claim.item.id;
  const done = await (await api('/api/reviews/' + encodeURIComponent(id) + '/label', { method: 'POST', json: label })).json();
  state.claim = null;
  $('review-form').hidden = true;
  await loadReviews();
  say('labelled ' + verdict + (done.observationId ? '; the campaign has a new observation' : ''));
}

const LOADERS = { usage: loadUsage, profiles: loadProfiles, models: loadModels, audit: () => loadAudit(false),
  campaigns: loadCampaigns, reviews: loadReviews };

function show(page) {
  document.querySelectorAll('.page').forEach(s => { s.hidden = s.id !== 'page-' + page; });
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.id === 'nav-' + page));
  $('nav').hidden = page === 'login';
}

async function route() {
  const page = (location.hash || '#usage').substring(1);
  if (!key()) { show('login'); return; }
  const load = LOADERS[page] || loadUsage;
  show(LOADERS[page] ? page : 'usage');
  say('');
  try { await load(); document.body.dataset.loaded = page; } catch (e) { say(e.message, true); }
}

async function login(event) {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('api-key').value.trim());
  try {
    await api('/api/llm/usage');
  } catch (e) {
    if (!key()) { say('that API key was refused', true); return; }
  }
  $('api-key').value = '';
  if (location.hash === '#usage' || location.hash === '') { await route(); } else { location.hash = '#usage'; }
}

function guarded(f) {
  return async (...args) => { try { await f(...args); } catch (e) { say(e.message, true); } };
}

$('login-form').addEventListener('submit', guarded(login));
$('logout').addEventListener('click', () => { sessionStorage.removeItem(KEY); show('login'); });
$('usage-form').addEventListener('submit', guarded(async e => { e.preventDefault(); await loadUsage(); }));
$('usage-export').addEventListener('click', guarded(() => download('/api/llm/usage/export' + query(Object.assign(usageParams(),
  { format: 'csv' })), 'usage.csv')));
$('profile-form').addEventListener('submit', guarded(saveProfile));
$('profile-reset').addEventListener('click', guarded(resetProfile));
$('test-send').addEventListener('click', guarded(testProfile));
$('audit-form').addEventListener('submit', guarded(async e => { e.preventDefault(); await loadAudit(false); }));
$('audit-more').addEventListener('click', guarded(() => loadAudit(true)));
$('audit-export-csv').addEventListener('click', guarded(() => download('/api/audit/export' + query(Object.assign(auditParams(),
  { format: 'csv' })), 'audit.csv')));
$('audit-export-json').addEventListener('click', guarded(() => download('/api/audit/export' + query(Object.assign(auditParams(),
  { format: 'json' })), 'audit.json')));
$('campaign-form').addEventListener('submit', guarded(createCampaign));
$('campaign-advance').addEventListener('click', guarded(advanceCampaign));
$('review-form').addEventListener('submit', guarded(labelReview));
window.addEventListener('hashchange', route);
route();
