// tests/browser/ui.test.mjs: tandem's web UI driven in headless Chromium
// with playwright-core, against the demo organization that
// tests/browser/run seeds and serves (see there for the environment).
//
// Each scenario runs in a browser context of its own (its own cookies)
// and saves full-page screenshots in $BROWSER_OUT. A check that passes
// counts as one passed; the first check that fails ends its scenario and
// counts as one failed, as does anything the scenario throws. Expected
// values come from the demo's known facts, from hand-worked schedules
// (comments), or from the database read with the sqlite3 CLI, never from
// the page under test. Writes the counts "PASSED FAILED" to $COUNTS.
//
//   node tests/browser/ui.test.mjs     (tests/browser/run sets it up)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
	const v = process.env[name];
	if (!v) throw new Error(`${name} is not set: run tests/browser/run`);
	return v;
};
const BASE = env('TANDEM_URL').replace(/\/$/, '');
const DB = env('TANDEM_DB_FILE');
const OUT = env('BROWSER_OUT');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ONLY = process.env.BROWSER_ONLY || '';
const ADMIN = { login: env('ADMIN_LOGIN'), password: env('ADMIN_PASSWORD') };
const MEMBER = { login: env('MEMBER_LOGIN'), password: env('MEMBER_PASSWORD') };
const SESSION = 'tandem_session';
const VIEWPORT = { width: 1280, height: 800 };
mkdirSync(OUT, { recursive: true });

// sql QUERY: the answer of the sqlite3 CLI on the served database (rows
// on lines, columns joined with |), an independent reader of what the
// server wrote.
function sql(query) {
	return execFileSync('sqlite3', [DB, query], { encoding: 'utf8' }).trim();
}

let passed = 0;
let failed = 0;

class CheckFailed extends Error {}

// check NAME OK [DETAIL]: one assertion of the running scenario.
function check(name, ok, detail = '') {
	if (ok) {
		passed++;
		return;
	}
	throw new CheckFailed(`${name}${detail ? `\n     ${detail}` : ''}`);
}
const show = (v) => JSON.stringify(v);
function eq(name, actual, expected) {
	check(name, actual === expected, `expected ${show(expected)}, got ${show(actual)}`);
}
function deepEq(name, actual, expected) {
	check(name, show(actual) === show(expected), `expected ${show(expected)}, got ${show(actual)}`);
}
function has(name, haystack, needle) {
	check(name, String(haystack).includes(needle), `${show(needle)} not in ${show(String(haystack).slice(0, 400))}`);
}

// the page's path and query, without the origin
const where = (page) => {
	const u = new URL(page.url());
	return u.pathname + u.search;
};

async function sessionCookie(context) {
	return (await context.cookies(BASE)).find((c) => c.name === SESSION);
}

// submit PAGE BUTTON: clicks a form's submit button and waits for the
// page it leads to (a redirect's target or the form rendered again) to
// load; answers the POST's response. (Not waitForURL: the URL may be the
// same before and after.)
async function submit(page, button) {
	const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document');
	const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
	await button.click();
	const resp = await posted;
	await navigated;
	await page.waitForLoadState('load');
	return resp;
}

// signIn PAGE ACCOUNT: the login form filled and sent with the mouse.
async function signIn(page, who) {
	await page.goto('/login');
	await page.getByLabel(/^Login/).fill(who.login);
	await page.getByLabel(/^Password/).fill(who.password);
	const resp = await submit(page, page.getByRole('button', { name: 'Sign in' }));
	if (resp.status() !== 303 || where(page) === '/login') throw new Error(`could not sign in as ${who.login}: ${resp.status()}`);
}

// a11yProblems PAGE: what keeps the page from its landmarks and labels:
// not exactly one <main>, not exactly one h1, a form control (not hidden)
// without an accessible name from a <label>, aria-label or
// aria-labelledby naming elements with text. [] when all is well.
function a11yProblems(page) {
	return page.evaluate(() => {
		const problems = [];
		const mains = document.querySelectorAll('main, [role=main]').length;
		if (mains !== 1) problems.push(`${mains} main landmarks`);
		const h1s = document.querySelectorAll('h1').length;
		if (h1s !== 1) problems.push(`${h1s} h1 elements`);
		for (const el of document.querySelectorAll('input, select, textarea')) {
			if (el.type === 'hidden') continue;
			const byLabel = [...(el.labels || [])].some((l) => l.textContent.trim() !== '');
			const byAria = (el.getAttribute('aria-label') || '').trim() !== '';
			const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
			const byRef = ids.length > 0 && ids.every((id) => (document.getElementById(id)?.textContent || '').trim() !== '');
			if (!byLabel && !byAria && !byRef) problems.push(`unlabelled ${el.tagName.toLowerCase()} name=${el.name} id=${el.id}`);
		}
		return problems;
	});
}

// the Gantt chart as drawn: bars, milestones, labels and each arrow's
// first and last point (from the path's geometry, whatever its shape)
function ganttOf(page) {
	return page.evaluate(() => {
		const svg = document.querySelector('svg.gantt');
		if (!svg) return null;
		const num = (el, a) => Number(el.getAttribute(a));
		const bars = [...svg.querySelectorAll('rect.bar')].map((r) => ({
			x: num(r, 'x'), y: num(r, 'y'), w: num(r, 'width'), h: num(r, 'height'),
			cls: r.getAttribute('class'), title: r.querySelector('title')?.textContent || '',
			fill: getComputedStyle(r).fill,
		}));
		const deps = [...svg.querySelectorAll('path.dep')].map((p) => {
			const a = p.getPointAtLength(0);
			const b = p.getPointAtLength(p.getTotalLength());
			return { x1: Math.round(a.x), y1: Math.round(a.y), x2: Math.round(b.x), y2: Math.round(b.y) };
		});
		const r = svg.getBoundingClientRect();
		return {
			bars,
			milestones: svg.querySelectorAll('.milestone').length,
			deps,
			labels: [...svg.querySelectorAll('text.label')].map((t) => t.textContent),
			text: svg.textContent,
			width: r.width,
			height: r.height,
		};
	});
}

// ---------------------------------------------------------------------
// the scenarios, in order; each gets { context, page, shot }

const scenarios = [];
const scenario = (name, fn) => scenarios.push({ name, fn });

scenario('a. sign in as the admin: a wrong password is refused, then the home page', async ({ context, page, shot }) => {
	const resp = await page.goto('/login');
	eq('GET /login answers 200', resp.status(), 200);
	eq('the login page has the title', await page.title(), 'Sign in · tandem');

	await page.getByLabel(/^Login/).fill(ADMIN.login);
	await page.getByLabel(/^Password/).fill('not-the-password');
	const refused = await submit(page, page.getByRole('button', { name: 'Sign in' }));
	eq('a wrong password answers 401', refused.status(), 401);
	eq('a wrong password stays on /login', where(page), '/login');
	const alert = page.getByRole('alert');
	eq('the refusal is shown in an alert', (await alert.textContent()).trim(), 'Wrong login or password.');
	check('the alert is visible', await alert.isVisible());
	eq('no session cookie after a wrong password', await sessionCookie(context), undefined);
	eq('the login typed is kept', await page.getByLabel(/^Login/).inputValue(), ADMIN.login);
	eq('the password is not sent back', await page.getByLabel(/^Password/).inputValue(), '');
	await shot('login-refused');

	await page.getByLabel(/^Password/).fill(ADMIN.password);
	eq('the right password answers 303', (await submit(page, page.getByRole('button', { name: 'Sign in' }))).status(), 303);
	eq('signed in, the home page', where(page), '/');
	const cookie = await sessionCookie(context);
	check('a session cookie is set', cookie !== undefined, show(await context.cookies(BASE)));
	check('the session cookie is HttpOnly', cookie.httpOnly);
	eq('the session cookie is SameSite=Strict', cookie.sameSite, 'Strict');
	const name = sql('SELECT name FROM person WHERE id = 1');
	eq('the home page greets the person', (await page.locator('h1').textContent()).trim(), `Hello, ${name}`);
	has('the header names the role', await page.locator('header').textContent(), 'admin');
	await shot('home');
});

scenario('b. a new plan, two steps and a dependency, drawn in the Gantt chart', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	const plansBefore = Number(sql('SELECT count(*) FROM plan'));
	const planName = `Browser rollout ${Date.now()}`;
	await page.goto('/plans/new');
	await page.getByLabel(/^Name/).fill(planName);
	await page.getByLabel(/^Unit/).selectOption('2'); // Operations
	await page.getByLabel(/^Start date/).fill('2026-12-07'); // a Monday
	await page.getByLabel(/^Owner/).selectOption('2'); // Ben Tanaka
	eq('the plan form answers 303', (await submit(page, page.getByRole('button', { name: 'Create the plan' }))).status(), 303);
	check('the new plan\'s page', /^\/plans\/\d+$/.test(where(page)), where(page));
	const planId = Number(where(page).split('/')[2]);
	eq('one plan more', Number(sql('SELECT count(*) FROM plan')), plansBefore + 1);
	eq('the plan as stored', sql(`SELECT id, unit_id, owner_id, start_date, status FROM plan WHERE name = '${planName}'`),
		`${planId}|2|2|2026-12-07|draft`);
	eq('the plan page is titled with its name', (await page.locator('h1').textContent()).trim(), planName);

	// two steps through the plan page's "Add a step" form
	const addStep = async (name, days) => {
		const form = page.locator('#add-step form');
		await form.getByLabel(/^What is to be done/).fill(name);
		await form.getByLabel(/^Assignee/).selectOption('1'); // Ada Okafor
		await form.getByLabel(/^Duration/).fill(String(days));
		eq(`"${name}" added: 303`, (await submit(page, form.getByRole('button', { name: 'Add the step' }))).status(), 303);
		eq(`back on the plan after adding "${name}"`, new URL(page.url()).pathname, `/plans/${planId}`);
	};
	await addStep('Unpack the scanners', 2);
	await addStep('Train the pickers', 4);
	const steps = sql(`SELECT id, name, duration_days FROM step WHERE plan_id = ${planId} ORDER BY id`).split('\n');
	eq('two steps stored', steps.length, 2);
	const [first, second] = steps.map((s) => Number(s.split('|')[0]));
	deepEq('the steps as stored', steps.map((s) => s.split('|').slice(1).join('|')),
		['Unpack the scanners|2', 'Train the pickers|4']);

	// the second waits for the first: the form on the second step's page
	await page.goto(`/steps/${second}`);
	await page.getByLabel(/^Wait for step/).selectOption(String(first));
	eq('the dependency form answers 303', (await submit(page, page.getByRole('button', { name: 'Add the dependency' }))).status(), 303);
	eq('the dependency as stored', sql(`SELECT step_id, depends_on, lag_days FROM step_dep WHERE step_id IN (${first}, ${second})`),
		`${second}|${first}|0`);

	await page.goto(`/plans/${planId}`);
	const g = await ganttOf(page);
	check('the plan page has the Gantt SVG', g !== null);
	eq('2 bars, one per step', g.bars.length, 2);
	eq('no milestones', g.milestones, 0);
	eq('exactly 1 dependency arrow', g.deps.length, 1);
	has('the first step is named in the chart', g.text, 'Unpack the scanners');
	has('the second step is named in the chart', g.text, 'Train the pickers');
	deepEq('the row labels', g.labels, ['Unpack the scanners', 'Train the pickers']);
	check('the chart is drawn at a visible size', g.width > 300 && g.height > 60, `${g.width}x${g.height}`);
	// Hand-worked: the plan starts Monday 2026-12-07. "Unpack" lasts 2
	// working days: Mon 7 to Tue 8. "Train" starts the next working day,
	// Wed 9, and lasts 4: Wed 9, Thu 10, Fri 11, Mon 14. On a calendar
	// scale the bars cover 2 days (7-8) and 6 days (9-14, the weekend
	// included), so the second is 3 times as wide and starts where the
	// first ends.
	const [a, b] = g.bars;
	has('the first bar spans Dec 7 to Dec 8', a.title, '2026-12-07 to 2026-12-08');
	has('the second bar spans Dec 9 to Dec 14', b.title, '2026-12-09 to 2026-12-14');
	eq('the second bar starts where the first ends', b.x, a.x + a.w);
	eq('the second bar is 3 times as wide (6 calendar days to 2)', b.w, 3 * a.w);
	check('the second bar is below the first', b.y > a.y, show([a, b]));
	deepEq('the arrow runs from the end of the first bar to the start of the second',
		g.deps[0], { x1: a.x + a.w, y1: a.y + a.h / 2, x2: b.x, y2: b.y + b.h / 2 });
	check('the bars are styled by the stylesheet (not the default black)', a.fill !== 'rgb(0, 0, 0)' && a.fill !== 'none', a.fill);
	const rows = await page.locator('section[aria-labelledby=h-steps] tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
	eq('the steps table has the 2 steps', rows.length, 2);
	check('the table lists the planned dates', rows[0].includes('2026-12-07') && rows[0].includes('2026-12-08') &&
		rows[1].includes('2026-12-09') && rows[1].includes('2026-12-14'), show(rows));
	await page.locator('svg.gantt').scrollIntoViewIfNeeded();
	await shot('gantt');

	// the demo's plan 1: every step a bar or a milestone, every
	// dependency inside the plan an arrow, as the database counts them
	await page.goto('/plans/1');
	const d = await ganttOf(page);
	const nSteps = Number(sql('SELECT count(*) FROM step WHERE plan_id = 1'));
	const nDeps = Number(sql('SELECT count(*) FROM step_dep d JOIN step s ON s.id = d.step_id ' +
		'JOIN step o ON o.id = d.depends_on WHERE s.plan_id = 1 AND o.plan_id = 1'));
	check('the demo plan has steps and dependencies', nSteps > 5 && nDeps > 5, `${nSteps} steps, ${nDeps} deps`);
	eq('plan 1: one bar or milestone per step', d.bars.length + d.milestones, nSteps);
	eq('plan 1: one arrow per dependency', d.deps.length, nDeps);
	await shot('gantt-demo');
	// for the README (docs/screenshots/gantt.png): the page from its top
	// to the chart's legend
	const legend = await page.locator('ul.legend').boundingBox();
	await page.screenshot({ path: join(OUT, 'gantt-readme.png'), fullPage: true,
		clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.ceil(legend.y + legend.height + 24) } });
});

scenario('c. the weekly timesheet: two cells typed, saved, kept, stored in minutes', async ({ page, shot }) => {
	await signIn(page, MEMBER);
	const week = "day BETWEEN '2026-11-23' AND '2026-11-29'";
	eq('no time logged by Kemi that week before', sql(`SELECT count(*) FROM time_entry WHERE person_id = 11 AND ${week}`), '0');
	// step 3 "Build dashboards" is Kemi's open step in the demo
	eq('the demo assigns step 3 to Kemi', sql('SELECT assignee_id, status FROM step WHERE id = 3'), '11|doing');
	await page.goto('/time?week=2026-11-23');
	eq('the week in the heading', (await page.locator('h1').textContent()).trim(), 'Your week of 2026-11-23');
	deepEq('the timesheet is labelled', await a11yProblems(page), []);
	const mon = page.locator('#f-h-3-2026-11-23');
	const tue = page.locator('#f-h-3-2026-11-24');
	await mon.fill('1.5');
	await tue.fill('2:15');
	// the page's script keeps the totals as you type: 1.5 h + 2.25 h
	await page.keyboard.press('Tab');
	eq('the row total while typing', (await page.locator('tr:has(#f-h-3-2026-11-23) .row-total').textContent()).trim(), '3.75');
	eq('the week total while typing', (await page.locator('.week-total').textContent()).trim(), '3.75');
	eq('saving the week answers 303', (await submit(page, page.getByRole('button', { name: 'Save the week' }))).status(), 303);
	await page.goto('/time?week=2026-11-23');
	eq('Monday kept after a reload', await mon.inputValue(), '1.5');
	eq('Tuesday kept after a reload', await tue.inputValue(), '2.25');
	eq('Wednesday still empty', await page.locator('#f-h-3-2026-11-25').inputValue(), '');
	eq('the week total after a reload', (await page.locator('.week-total').textContent()).trim(), '3.75');
	// 1.5 h = 90 min, 2:15 = 135 min, on step 3, one entry each
	eq('the database holds exactly those minutes',
		sql(`SELECT step_id, day, minutes FROM time_entry WHERE person_id = 11 AND ${week} ORDER BY day`),
		'3|2026-11-23|90\n3|2026-11-24|135');
	await shot('timesheet');
});

scenario('d. the plan form refused inline: an empty name, a bad date; nothing written', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	const before = sql('SELECT count(*), coalesce(max(id), 0) FROM plan');
	await page.goto('/plans/new');
	await page.getByLabel(/^Name/).fill('');
	await page.getByLabel(/^Unit/).selectOption('4'); // Sales
	await page.getByLabel(/^Start date/).fill('2027-01-04');
	await page.getByLabel(/^Owner/).selectOption('7'); // Grace Moreau
	await page.getByLabel(/^Status/).selectOption('active');
	const resp = await submit(page, page.getByRole('button', { name: 'Create the plan' }));
	check('the refused form is not a redirect', resp.status() >= 400 && resp.status() < 500, `status ${resp.status()}`);
	eq('the form comes back on /plans', where(page), '/plans');
	const name = page.getByLabel(/^Name/);
	eq('the name is marked invalid', await name.getAttribute('aria-invalid'), 'true');
	// the message: an element the input names in aria-describedby, inside
	// the name's own field
	const msg = await name.evaluate((el) => {
		const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
		const field = el.closest('.field');
		const m = ids.map((id) => document.getElementById(id)).find((e) => e && /must|empty|required/i.test(e.textContent));
		return m ? { text: m.textContent.trim(), inField: field !== null && field.contains(m), visible: m.getClientRects().length > 0 } : null;
	});
	check('a message is tied to the name field', msg !== null);
	has('the message says what is wrong', msg.text, 'required');
	check('the message is beside the field (in its .field)', msg.inField);
	check('the message is visible', msg.visible);
	eq('the unit typed is kept', await page.getByLabel(/^Unit/).inputValue(), '4');
	eq('the start date typed is kept', await page.getByLabel(/^Start date/).inputValue(), '2027-01-04');
	eq('the owner typed is kept', await page.getByLabel(/^Owner/).inputValue(), '7');
	eq('the status typed is kept', await page.getByLabel(/^Status/).inputValue(), 'active');
	eq('no plan written for an empty name', sql('SELECT count(*), coalesce(max(id), 0) FROM plan'), before);
	await shot('plan-form-empty-name');

	// a date the calendar lacks, as a browser without a date picker sends
	// it (the input turned into a text box): the server must refuse it
	await page.getByLabel(/^Name/).fill('Plan with a bad date');
	await page.getByLabel(/^Start date/).evaluate((el) => { el.type = 'text'; el.value = '2026-02-30'; });
	const resp2 = await submit(page, page.getByRole('button', { name: 'Create the plan' }));
	check('the bad date is refused, not redirected', resp2.status() >= 400 && resp2.status() < 500, `status ${resp2.status()}`);
	const start = page.getByLabel(/^Start date/);
	eq('the start date is marked invalid', await start.getAttribute('aria-invalid'), 'true');
	const dateMsg = await start.evaluate((el) => {
		const field = el.closest('.field');
		const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
		const texts = ids.map((id) => document.getElementById(id)).filter((e) => e && field?.contains(e)).map((e) => e.textContent.trim());
		return texts.join(' | ');
	});
	check('a message beside the start date', /date|day|valid/i.test(dateMsg), show(dateMsg));
	eq('the bad date is sent back as typed', await start.getAttribute('value'), '2026-02-30');
	eq('the name typed is kept', await page.getByLabel(/^Name/).inputValue(), 'Plan with a bad date');
	eq('the name is no longer marked invalid', await page.getByLabel(/^Name/).getAttribute('aria-invalid'), null);
	eq('no plan written for a bad date', sql('SELECT count(*), coalesce(max(id), 0) FROM plan'), before);
	await shot('plan-form-bad-date');
});

scenario('e. sign out: the session cookie is gone and pages ask to sign in', async ({ context, page, shot }) => {
	await signIn(page, ADMIN);
	const old = await sessionCookie(context);
	check('signed in first', old !== undefined);
	eq('signing out answers 303', (await submit(page, page.getByRole('button', { name: 'Sign out' }))).status(), 303);
	eq('no session cookie after signing out', await sessionCookie(context), undefined);
	let resp = await page.goto('/plans');
	eq('/plans now redirects to /login', new URL(page.url()).pathname, '/login');
	eq('the login page answers 200', resp.status(), 200);
	check('the login form is shown', await page.getByRole('button', { name: 'Sign in' }).isVisible());
	eq('the login page will lead back to /plans', where(page), '/login?next=/plans');
	// the old session is ended on the server too, not only forgotten
	await context.addCookies([old]);
	resp = await page.goto('/plans');
	eq('the old session cookie no longer opens /plans', new URL(page.url()).pathname, '/login');
	await shot('signed-out');
	// signing in again from there leads to the page asked for
	await page.getByLabel(/^Login/).fill(ADMIN.login);
	await page.getByLabel(/^Password/).fill(ADMIN.password);
	eq('signed in again: 303', (await submit(page, page.getByRole('button', { name: 'Sign in' }))).status(), 303);
	eq('back on /plans after signing in', where(page), '/plans');
	check('a new session, not the old one', (await sessionCookie(context))?.value !== old.value);
});

scenario('f. a member: another unit\'s plan is a 404 page, their own opens', async ({ page, shot }) => {
	await signIn(page, MEMBER);
	eq('Kemi is in unit 2', sql('SELECT unit_id FROM person WHERE id = 11'), '2');
	eq('plan 2 belongs to unit 3', sql('SELECT unit_id FROM plan WHERE id = 2'), '3');
	eq('plan 1 belongs to unit 2', sql('SELECT unit_id FROM plan WHERE id = 1'), '2');
	let resp = await page.goto('/plans/2');
	eq('/plans/2 answers 404', resp.status(), 404);
	eq('a "Not found" page', (await page.locator('h1').textContent()).trim(), 'Not found');
	const other = sql('SELECT name FROM plan WHERE id = 2');
	check('the 404 page does not show plan 2\'s name', !(await page.content()).includes(other), other);
	check('the 404 page has the layout (navigation)', await page.getByRole('navigation', { name: 'Main' }).isVisible());
	await shot('member-404');
	resp = await page.goto('/plans/1');
	eq('/plans/1 answers 200', resp.status(), 200);
	eq('plan 1 opens with its name', (await page.locator('h1').textContent()).trim(), sql('SELECT name FROM plan WHERE id = 1'));
	resp = await page.goto('/plans/999999');
	eq('a plan that does not exist: 404 alike', resp.status(), 404);
	await shot('member-plan-1');
});

scenario('g. keyboard only: sign in with Tab and Enter; landmarks and labels', async ({ context, page, shot }) => {
	await page.goto('/login');
	deepEq('/login: one main, one h1, every input labelled', await a11yProblems(page), []);
	const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
	// Tab from wherever the page starts (the skip link, the brand, the form)
	let tabs = 0;
	while ((await focused()) !== 'f-login' && tabs < 6) {
		await page.keyboard.press('Tab');
		tabs++;
	}
	eq('Tab reaches the login field', await focused(), 'f-login');
	await page.keyboard.type(ADMIN.login);
	await page.keyboard.press('Tab');
	eq('Tab goes on to the password', await focused(), 'f-password');
	await page.keyboard.type(ADMIN.password);
	const posted = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.keyboard.press('Enter');
	eq('Enter sent the form: 303', (await posted).status(), 303);
	await page.waitForURL(`${BASE}/`);
	eq('Enter signed in: the home page', where(page), '/');
	check('a session cookie is set', (await sessionCookie(context)) !== undefined);
	// the skip link is the first stop and leads to <main>
	await page.keyboard.press('Tab');
	eq('the first Tab stop is the skip link', await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content');
	check('the focused skip link is visible', await page.locator('a.skip').isVisible());
	await shot('keyboard-skip-link');
	for (const path of ['/', '/plans', '/plans/new', '/plans/1', '/steps/5', '/steps', '/time', '/tools', '/units', '/units/2', '/people', '/people/11',
		'/units/new', '/units/2/edit', '/people/new', '/people/11/edit', '/tools/new', '/tools/1', '/tools/1/edit', '/steps/5/edit']) {
		const resp = await page.goto(path);
		eq(`${path} answers 200`, resp.status(), 200);
		deepEq(`${path}: one main, one h1, every input labelled`, await a11yProblems(page), []);
	}
});

scenario('h. the management pages: each opens, is labelled, draws its chart, and agrees with the database', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	// every page of the management system, and the chart it must draw
	const pages = [['/manage', null], ['/targets', null], ['/targets/1', 'svg'], ['/calendar', null],
		['/budgets', 'svg'], ['/expenses', null], ['/plans/1/evm', 'svg'], ['/evm', null],
		['/plans/1/raci', null], ['/feed', null], ['/staffing', null], ['/skills', null],
		['/positions/1', null], ['/capacity', null], ['/problems', null], ['/problems/1', null],
		['/agenda', null], ['/control', null], ['/reports/control', 'svg'], ['/units/2', null], ['/people/2', null]];
	for (const [path, chart] of pages) {
		const resp = await page.goto(path);
		eq(`${path} answers 200`, resp.status(), 200);
		deepEq(`${path}: one main, one h1, every input labelled`, await a11yProblems(page), []);
		if (chart) check(`${path} draws its chart`, await page.locator(`main ${chart}`).count() > 0);
	}
	// /manage counts what the database holds (the whole organization)
	await page.goto('/manage');
	const figure = async (words) => (await page.locator('.mg-figs li', { hasText: words }).first().locator('.mg-n').textContent()).trim();
	eq('/manage: open problems', await figure('open problems'), sql("SELECT count(*) FROM problem WHERE status <> 'closed'"));
	eq('/manage: targets', await figure('targets'), sql('SELECT count(*) FROM target'));
	eq('/manage: people', await figure('people'), sql('SELECT count(*) FROM person'));
	await shot('manage');
	// the capacity heat map has a row per person of the organization
	await page.goto('/capacity');
	eq('/capacity: a row per person', await page.locator('main table tbody tr').count(), Number(sql('SELECT count(*) FROM person')));
	await shot('capacity');
	await page.goto('/staffing');
	await shot('staffing');
	await page.goto('/plans/1/evm');
	await shot('evm');
});

scenario('i. a target value recorded in the form: a day outside the period refused inline, a good one charted', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	const before = sql('SELECT count(*) FROM target_value WHERE target_id = 1');
	const period = sql('SELECT period_from, period_to FROM target WHERE id = 1').split('|');
	await page.goto('/targets/1');
	const points = await page.locator('main svg circle').count();
	// a day before the target's period (the browser cannot know the rule)
	await page.getByLabel(/^Value/).fill('4.5');
	await page.getByLabel(/^Day/).fill('2001-01-01');
	const refused = await submit(page, page.getByRole('button', { name: 'Record' }));
	eq('a day outside the period answers 400', refused.status(), 400);
	eq('the refusal is shown beside the Day field', await page.locator('#f-day[aria-invalid=true]').count(), 1);
	eq('nothing was written', sql('SELECT count(*) FROM target_value WHERE target_id = 1'), before);
	await shot('target-refused');
	await page.getByLabel(/^Value/).fill('4.5');
	await page.getByLabel(/^Day/).fill(period[0]);
	eq('a good value answers 303', (await submit(page, page.getByRole('button', { name: 'Record' }))).status(), 303);
	// 4.5 is kept x100, on the first day of the period
	eq('the value is stored', sql(`SELECT value FROM target_value WHERE target_id = 1 AND day = '${period[0]}' ORDER BY id DESC LIMIT 1`), '450');
	eq('the chart has one more point', await page.locator('main svg circle').count(), points + 1);
});

scenario('j. a problem worked through its form: root cause, action, status', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	const id = sql("SELECT min(id) FROM problem WHERE status = 'open'");
	await page.goto(`/problems/${id}`);
	await page.getByLabel(/^Root cause/).fill('Estimates made before the supplier was chosen');
	await page.getByLabel(/^Corrective action/).fill('Re-estimate with the supplier in the room');
	await page.getByLabel(/^Status/).selectOption('acting');
	eq('saving answers 303', (await submit(page, page.getByRole('button', { name: 'Save' }))).status(), 303);
	eq('the database holds what was typed', sql(`SELECT status, root_cause, action FROM problem WHERE id = ${id}`),
		'acting|Estimates made before the supplier was chosen|Re-estimate with the supplier in the room');
	await shot('problem');
});

scenario('k. the leadership pages: each opens, is labelled, draws its chart, and agrees with the database', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	const pages = [['/lead', null], ['/direction', 'table'], ['/vision/history', null], ['/signals', null],
		['/themes', 'svg'], ['/alignment', 'svg'], ['/comms', null], ['/comms/1', null], ['/stakeholders', null],
		['/coalitions', null], ['/coalitions/1', null], ['/values', null], ['/notes', null],
		['/recognitions', 'svg'], ['/ideas', null], ['/ideas/1', null], ['/pulses', null], ['/pulses/1', 'svg']];
	for (const [path, chart] of pages) {
		const resp = await page.goto(path);
		eq(`${path} answers 200`, resp.status(), 200);
		deepEq(`${path}: one main, one h1, every input labelled`, await a11yProblems(page), []);
		if (chart) check(`${path} draws its chart`, await page.locator(`main ${chart}`).count() > 0);
	}
	await page.goto('/lead');
	const figure = async (words) => (await page.locator('.mg-figs li', { hasText: words }).first().locator('.mg-n').textContent()).trim();
	eq('/lead: active strategies', await figure('active strategies'), sql("SELECT count(*) FROM strategy WHERE status = 'active'"));
	eq('/lead: open ideas', await figure('open ideas'), sql("SELECT count(*) FROM idea WHERE status = 'open'"));
	await shot('lead');
	await page.goto('/direction');
	await shot('direction');
	await page.goto('/alignment');
	await shot('alignment');
	await page.goto('/pulses/1');
	// a group under the minimum is named, with no figures
	has('/pulses/1: a small group is not shown', await page.locator('main').textContent(), 'not shown, to keep answers anonymous');
	await shot('pulse-results');
});

scenario('l. a member commits to a communication with one click', async ({ page, shot }) => {
	await signIn(page, MEMBER);
	const id = sql('SELECT min(comm_id) FROM comm_recipient WHERE person_id = 11');
	check('the demo sends Kemi a communication', id !== '');
	await page.goto(`/comms/${id}`);
	eq('the commit button answers 303', (await submit(page, page.getByRole('button', { name: 'I commit to it' }))).status(), 303);
	eq('Kemi is committed', sql(`SELECT state FROM comm_recipient WHERE comm_id = ${id} AND person_id = 11`), 'committed');
	await shot('comm-committed');
});

scenario('m. the change tracker and an initiative: advance refused inline with what is missing, then an admin override', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	let resp = await page.goto('/change');
	eq('/change answers 200', resp.status(), 200);
	deepEq('/change: one main, one h1, every input labelled', await a11yProblems(page), []);
	const rows = await page.locator('main table tbody tr').count();
	eq('one row per initiative', String(rows), sql('SELECT count(*) FROM initiative'));
	check('the step chart is drawn', await page.locator('main .chg-chart').count() > 0);
	await shot('change-tracker');
	// an active initiative whose next step's evidence is missing: the
	// database's lowest step among the active ones
	const id = sql("SELECT id FROM initiative WHERE status = 'active' ORDER BY step, id LIMIT 1");
	const step = sql(`SELECT step FROM initiative WHERE id = ${id}`);
	resp = await page.goto(`/change/${id}`);
	eq(`/change/${id} answers 200`, resp.status(), 200);
	deepEq(`/change/${id}: one main, one h1, every input labelled`, await a11yProblems(page), []);
	eq('the timeline marks the current step', (await page.locator('[aria-current="step"]').count()), 1);
	const stepsBefore = sql(`SELECT count(*) FROM initiative_step WHERE initiative_id = ${id}`);
	resp = await submit(page, page.getByRole('button', { name: 'Advance' }));
	check('a refused advance answers 4xx', resp.status() >= 400 && resp.status() < 500, `status ${resp.status()}`);
	check('the page lists what is missing', await page.getByRole('list', { name: 'Missing' }).count() === 1);
	eq('nothing was written: the step', sql(`SELECT step FROM initiative WHERE id = ${id}`), step);
	eq('nothing was written: the history', sql(`SELECT count(*) FROM initiative_step WHERE initiative_id = ${id}`), stepsBefore);
	await shot('change-refused');
	await page.getByLabel('Override reason').fill('The board asked for it: tested in the browser');
	resp = await submit(page, page.getByRole('button', { name: 'Advance' }));
	eq('an override answers 303', resp.status(), 303);
	eq('the initiative moved on one step', sql(`SELECT step FROM initiative WHERE id = ${id}`), String(Number(step) + 1));
	eq('the override is recorded with its reason', sql(`SELECT override_reason FROM initiative_step WHERE initiative_id = ${id} AND step = ${Number(step) + 1}`),
		'The board asked for it: tested in the browser');
	has('and shown on the page', await page.locator('main').textContent(), 'The board asked for it');
	await shot('change-initiative');
});

scenario('n. the balance: the quadrant, a unit\'s indicators, a snapshot refused inline then taken', async ({ page, shot }) => {
	await signIn(page, ADMIN);
	let resp = await page.goto('/balance');
	eq('/balance answers 200', resp.status(), 200);
	deepEq('/balance: one main, one h1, every input labelled', await a11yProblems(page), []);
	const svg = page.locator('main svg').first();
	const text = await svg.textContent();
	for (const q of ['well led, well managed', 'overmanaged, underled', 'overled, undermanaged', 'neither'])
		has(`the quadrant names "${q}"`, text, q);
	for (const name of sql('SELECT name FROM unit ORDER BY id').split('\n'))
		has(`the quadrant has a dot for ${name}`, text, name);
	await shot('balance');
	// Logistics' page: its indicators, and its scores as `tandem balance` stores them
	const unit = sql("SELECT id FROM unit WHERE name = 'Logistics'");
	resp = await page.goto(`/balance/units/${unit}`);
	eq(`/balance/units/${unit} answers 200`, resp.status(), 200);
	deepEq('the unit page: one main, one h1, every input labelled', await a11yProblems(page), []);
	const main = await page.locator('main').textContent();
	for (const key of ['P1', 'S1', 'C4', 'D1', 'A1', 'M1'])
		has(`the unit page shows indicator ${key}`, main, key);
	const latest = sql(`SELECT s.management, s.leadership FROM balance_score s JOIN balance_snapshot n ON n.id = s.snapshot_id WHERE s.unit_id = ${unit} ORDER BY n.day DESC, n.id DESC LIMIT 1`).split('|');
	has('the page shows the management score the last snapshot kept', main, (Number(latest[0]) / 100).toFixed(1));
	await shot('balance-unit');
	await page.goto('/balance');
	const before = sql('SELECT count(*) FROM balance_snapshot');
	await page.locator('#f-as_of, input[name="as_of"]').last().fill('2030-01-01');
	resp = await submit(page, page.getByRole('button', { name: 'Take a snapshot' }));
	eq('a snapshot in the future is refused with 400', resp.status(), 400);
	eq('nothing was written', sql('SELECT count(*) FROM balance_snapshot'), before);
	check('the refusal is shown inline', await page.locator('[role=alert], .field-error').count() > 0);
	await page.goto('/balance');
	resp = await submit(page, page.getByRole('button', { name: 'Take a snapshot' }));
	eq('a snapshot as of today answers 303', resp.status(), 303);
	eq('one more snapshot', sql('SELECT count(*) FROM balance_snapshot'), String(Number(before) + 1));
});

scenario('o. a member takes the self-assessment: an unanswered statement refused inline, then the radar', async ({ page, shot }) => {
	await signIn(page, MEMBER);
	let resp = await page.goto('/assess');
	eq('/assess answers 200', resp.status(), 200);
	deepEq('/assess: one main, one h1, every input labelled', await a11yProblems(page), []);
	const before = sql('SELECT count(*) FROM assessment');
	// answers 1..5 in turn, statement 24 left out
	const pick = (i) => ((i - 1) % 5) + 1;
	for (let i = 1; i <= 23; i++) await page.locator(`input[name="i${i}"][value="${pick(i)}"]`).check();
	resp = await submit(page, page.getByRole('button', { name: 'Save my answers' }));
	eq('a missing answer answers 400', resp.status(), 400);
	eq('nothing was written', sql('SELECT count(*) FROM assessment'), before);
	check('statement 24 is marked', await page.locator('#f-i24[aria-invalid="true"]').count() === 1);
	check('the other answers are kept', await page.locator('input[name="i7"][value="2"]').isChecked());
	await page.locator('input[name="i24"][value="4"]').check();
	resp = await submit(page, page.getByRole('button', { name: 'Save my answers' }));
	eq('the answers save with 303', resp.status(), 303);
	eq('one assessment more', sql('SELECT count(*) FROM assessment'), String(Number(before) + 1));
	check('the radar chart is drawn', await page.locator('main svg').count() > 0);
	// planning is statements 1-4: 1,2,3,4 -> mean 2.50 -> (2.5-1)/4*100 = 37.5, shown as 38;
	// aligning is 17-20: 2,3,4,5 -> 3.50 -> 62.5, shown as 62 or 63
	const row = async (p) => (await page.locator('main table tr', { hasText: p }).first().textContent()).replace(/\s+/g, ' ');
	const planning = await row('Planning and budgeting');
	has('planning: mean 2.50 (statements 1-4 answered 1, 2, 3, 4)', planning, '2.50');
	has('planning: score 38 (37.5 rounded)', planning, '38');
	has('aligning: mean 3.50 (statements 17-20 answered 2, 3, 4, 5)', await row('Aligning people'), '3.50');
	await shot('assess');
});

scenario('p. a workshop: created by the trainer, joined with its code (a wrong code refused inline)', async ({ context, page, shot }) => {
	await signIn(page, ADMIN);
	await page.goto('/workshops');
	await page.getByLabel('Name').fill('Browser cohort');
	let resp = await submit(page, page.getByRole('button', { name: 'Create workshop' }));
	eq('creating a workshop answers 303', resp.status(), 303);
	const code = sql("SELECT code FROM cohort WHERE name = 'Browser cohort'");
	check('it has a join code', code.length >= 8, code);
	has('the trainer page shows the code', await page.locator('main').textContent(), code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code);
	await shot('workshop');
	// a participant in a context of their own, signed out
	const other = await context.browser().newContext({ baseURL: BASE, viewport: VIEWPORT });
	const p2 = await other.newPage();
	await p2.goto('/join');
	deepEq('/join: one main, one h1, every input labelled', await a11yProblems(p2), []);
	const people = sql('SELECT count(*) FROM person');
	await p2.getByLabel('Join code').fill('WRONG-CODE');
	await p2.getByLabel('Your name').fill('Pat Browser');
	await p2.getByLabel('Your email').fill('pat.browser@northwind.example');
	await p2.getByLabel('A password').fill('a-long-enough-password');
	resp = await submit(p2, p2.getByRole('button', { name: 'Join' }));
	check('a wrong code is refused with 4xx', resp.status() >= 400 && resp.status() < 500, `status ${resp.status()}`);
	eq('nobody was added', sql('SELECT count(*) FROM person'), people);
	await p2.getByLabel('Join code').fill(code);
	await p2.getByLabel('A password').fill('a-long-enough-password');
	resp = await submit(p2, p2.getByRole('button', { name: 'Join' }));
	eq('joining answers 303', resp.status(), 303);
	check('and lands on the self-assessment', new URL(p2.url()).pathname === '/assess', p2.url());
	eq('one participant in the cohort', sql(`SELECT count(*) FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id WHERE c.name = 'Browser cohort'`), '1');
	await other.close();
});

// ---------------------------------------------------------------------

let browser;
let stopping = false;
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
	process.once(sig, () => {
		stopping = true;
		console.error(`ui.test.mjs: stopped by ${sig}`);
		const stop = () => process.exit(code);
		setTimeout(stop, 3000).unref();
		(browser ? browser.close() : Promise.resolve()).then(stop, stop);
	});
}
const slug = (s) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
const t0 = Date.now();
try {
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		// stopped (tests/browser/run stops node by its pid): close
		// Chromium and stop here, not run the next scenario in a dead one
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
	});
} catch (e) {
	console.error(`FAIL tests/browser: Chromium did not start (${CHROMIUM}): ${e.message}`);
	failed++;
}

for (const s of browser ? scenarios : []) {
	if (ONLY && !s.name.includes(ONLY)) continue;
	if (stopping) break;
	const start = Date.now();
	const before = passed;
	const context = await browser.newContext({ baseURL: BASE, viewport: VIEWPORT });
	context.setDefaultTimeout(10000);
	const page = await context.newPage();
	// what the browser itself complains of: script errors, console
	// errors (a CSP violation is one), and a stylesheet, script or image
	// that did not load; a page answering 4xx on purpose is not counted
	const complaints = [];
	page.on('pageerror', (e) => complaints.push(`script error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) complaints.push(`console: ${m.text()}`);
	});
	page.on('response', (r) => {
		const type = r.request().resourceType();
		if (r.status() >= 400 && type !== 'document') complaints.push(`${r.status()} for ${type} ${r.url()}`);
	});
	page.on('requestfailed', (r) => {
		complaints.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
	});
	let n = 0;
	const shot = async (name) => {
		n++;
		await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
	};
	try {
		await s.fn({ context, page, shot });
		deepEq('the browser reported no errors', complaints, []);
		if (n === 0) await shot(slug(s.name.split(':')[0]));
		console.log(`ok   ${s.name} (${passed - before} checks, ${((Date.now() - start) / 1000).toFixed(1)} s)`);
	} catch (e) {
		if (stopping) break;
		failed++;
		const what = e instanceof CheckFailed ? e.message : (e.stack || String(e));
		console.error(`FAIL ${s.name}\n     after ${passed - before} passing checks, at ${where(page)}: ${what}`);
		if (complaints.length) console.error(`     the browser reported: ${complaints.join('; ')}`);
		await page.screenshot({ path: join(OUT, `FAILED-${slug(s.name).slice(0, 40)}.png`), fullPage: true }).catch(() => {});
	}
	await context.close();
}
if (browser) await browser.close();
console.log(`ui.test.mjs: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
if (process.env.COUNTS) writeFileSync(process.env.COUNTS, `${passed} ${failed}\n`);
process.exitCode = failed ? 1 : 0;
