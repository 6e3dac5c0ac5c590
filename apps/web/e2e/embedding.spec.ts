// zlens inside an intranet portal, in Chromium against the real stack. A tiny portal (node:http,
// in this test) on another origin embeds two zlens panels and a whole view (?embed=1); the BFF
// was started with ZLENS_FRAME_ANCESTORS naming exactly that origin (global-setup). A second
// origin, not named, is refused by the browser (CSP frame-ancestors) and by the message handler.
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { cyan50, purple70 } from '@carbon/colors';
import { baseUrl } from './base-url';
import { expectLineDrawn, inventory } from './helpers';

interface Received {
  id: string | null;
  data: { type?: string; height?: number; from?: number; to?: number; range?: string | null };
}

function portPort(name: 'ZLENS_E2E_PORTAL_PORT' | 'ZLENS_E2E_OTHER_PORTAL_PORT'): number {
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run through \`playwright test\`, which runs global-setup`);
  return Number(value);
}

function html(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>
    body { font-family: sans-serif; margin: 16px; background: #e8e8e8; }
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 12px; }
    iframe.zlens { display: block; width: 100%; height: 120px; border: 1px solid #999; background: #fff; }
  </style></head><body>${body}</body></html>`;
}

/** The portal: two panels and a view of zlens; records what they post and sizes each frame to its height. */
function portalPage(zlens: string, cpc: string, otherOrigin: string): string {
  const enc = encodeURIComponent(cpc);
  return html(
    'Ops portal',
    `<h1>Ops portal</h1>
    <div class="grid">
      <iframe class="zlens" id="panel-processor" title="Processor" src="${zlens}/embed/panel/cpc-processor-usage-ratio/cpcs/${enc}"></iframe>
      <iframe class="zlens" id="panel-network" title="Network" src="${zlens}/embed/panel/cpc-network-adapter-usage-ratio/cpcs/${enc}?range=1h"></iframe>
    </div>
    <iframe class="zlens" id="view" title="CPC" src="${zlens}/cpcs/${enc}?embed=1&hideRefresh=1"></iframe>
    <iframe id="widget" title="Another widget" src="${otherOrigin}/widget" style="display:none"></iframe>
    <script>
      const ZLENS = ${JSON.stringify(zlens)};
      window.received = [];
      addEventListener('message', (event) => {
        if (event.origin !== ZLENS) return;
        const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
        window.received.push({ id: frame ? frame.id : null, data: event.data });
        if (frame && event.data && event.data.type === 'zlens:resize') frame.style.height = event.data.height + 'px';
      });
      window.setRange = (range) => {
        for (const f of document.querySelectorAll('iframe.zlens')) f.contentWindow.postMessage({ type: 'zlens:setRange', range }, ZLENS);
      };
    </script>`,
  );
}

/** A portal zlens does not name: its frame must stay empty. */
function blockedPortalPage(zlens: string, cpc: string): string {
  return html(
    'Other portal',
    `<h1>Other portal</h1><iframe class="zlens" id="blocked" title="Blocked" src="${zlens}/embed/panel/cpc-processor-usage-ratio/cpcs/${encodeURIComponent(cpc)}"></iframe>`,
  );
}

/** A widget of another origin inside the allowed portal, trying to steer the zlens view (frame 2). */
const WIDGET_PAGE = html(
  'Widget',
  `<script>setInterval(() => parent.frames[2].postMessage({ type: 'zlens:setRange', range: '7d' }, '*'), 300);</script>`,
);

async function serve(port: number, page: (path: string) => string | null): Promise<Server> {
  const server = createServer((req, res) => {
    const body = page(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

let servers: Server[] = [];
let cpcName = '';

test.beforeAll(async ({ request }) => {
  const response = await request.get(`${baseUrl()}/api/v1/inventory`);
  const cpcs = ((await response.json()) as { cpcs: { name: string; mode: string }[] }).cpcs;
  const cpc = cpcs.find((c) => c.mode === 'dpm');
  if (!cpc) throw new Error('no DPM CPC in the demo inventory');
  cpcName = cpc.name;
  const portal = `http://127.0.0.1:${portPort('ZLENS_E2E_PORTAL_PORT')}`;
  const other = `http://127.0.0.1:${portPort('ZLENS_E2E_OTHER_PORTAL_PORT')}`;
  servers = [
    await serve(portPort('ZLENS_E2E_PORTAL_PORT'), (path) => (path === '/' ? portalPage(baseUrl(), cpcName, other) : null)),
    await serve(portPort('ZLENS_E2E_OTHER_PORTAL_PORT'), (path) =>
      path === '/' ? blockedPortalPage(baseUrl(), cpcName) : path === '/widget' ? WIDGET_PAGE : null,
    ),
  ];
  expect(portal).not.toBe(baseUrl());
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function received(page: Page): Promise<Received[]> {
  return page.evaluate(() => (window as unknown as { received: Received[] }).received);
}

test('a portal on another origin embeds two panels and a view: drawn, sized by resize messages, steered by setRange', async ({
  page,
}, testInfo) => {
  await inventory(page);
  const debug: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'debug') debug.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${portPort('ZLENS_E2E_PORTAL_PORT')}/`);
  const processor = page.frameLocator('#panel-processor');
  const network = page.frameLocator('#panel-network');
  const view = page.frameLocator('#view');

  // Each panel page shows its one panel, drawn; the view shows its charts, without app chrome.
  await expectLineDrawn(processor.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expectLineDrawn(network.getByRole('img', { name: 'Network adapter usage', exact: true }), cyan50);
  await expect(processor.getByRole('region')).toHaveCount(1);
  await expect(network.getByRole('region')).toHaveCount(1);
  await expect(view.getByRole('heading', { level: 1, name: cpcName })).toBeVisible();
  await expectLineDrawn(view.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expect(view.getByRole('link', { name: 'zlens' })).toHaveCount(0);
  await expect(view.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(0);
  await expect(view.getByRole('combobox', { name: 'Time range' })).toBeVisible();
  await expect(view.getByRole('combobox', { name: 'Refresh' })).toHaveCount(0);

  // Resize messages arrive from every frame, and the portal's frames take the posted heights:
  // the whole content shows, without a scrollbar.
  for (const id of ['panel-processor', 'panel-network', 'view']) {
    await expect
      .poll(async () => (await received(page)).filter((m) => m.id === id && m.data.type === 'zlens:resize').length, {
        message: `resize from ${id}`,
      })
      .toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          const frameHeight = await page.locator(`#${id}`).evaluate((f) => f.clientHeight);
          const last = (await received(page)).filter((m) => m.id === id && m.data.type === 'zlens:resize').at(-1)?.data.height ?? 0;
          return frameHeight === last && last > 150;
        },
        { message: `${id} sized to its content` },
      )
      .toBe(true);
  }
  const viewHeight = await page.locator('#view').evaluate((f) => f.clientHeight);
  expect(viewHeight).toBeGreaterThan(800);
  // Each frame reported its range (the default 1 h) when it loaded.
  const initial = (await received(page)).filter((m) => m.data.type === 'zlens:range');
  expect(new Set(initial.map((m) => m.id))).toEqual(new Set(['panel-processor', 'panel-network', 'view']));
  for (const m of initial) expect((m.data.to ?? 0) - (m.data.from ?? 0)).toBe(3600);

  await page.screenshot({ path: testInfo.outputPath('portal.png'), fullPage: true });

  // The portal sets 6 h: every frame asks the BFF for 6 h, reports it back, and redraws.
  const asked = page.waitForRequest((r) => r.url().includes('metric=zhmc_cpc_processor_usage_ratio') && r.url().includes('from=now-6h'));
  await page.evaluate(() => (window as unknown as { setRange(range: string): void }).setRange('6h'));
  await asked;
  for (const id of ['panel-processor', 'panel-network', 'view']) {
    await expect
      .poll(
        async () =>
          (await received(page)).some(
            (m) =>
              m.id === id && m.data.type === 'zlens:range' && m.data.range === '6h' && (m.data.to ?? 0) - (m.data.from ?? 0) === 21_600,
          ),
        {
          message: `6 h range from ${id}`,
        },
      )
      .toBe(true);
  }
  await expect(view.getByRole('combobox', { name: 'Time range' })).toHaveValue('6h');
  await expectLineDrawn(processor.getByRole('img', { name: 'Processor usage', exact: true }), purple70);
  await expectLineDrawn(network.getByRole('img', { name: 'Network adapter usage', exact: true }), cyan50);
  for (const frame of page.frames().filter((f) => f.url().startsWith(baseUrl()))) expect(frame.url()).toContain('range=6h');

  // The widget of another origin posts setRange 7d to the view again and again: refused, logged.
  const otherOrigin = `http://127.0.0.1:${portPort('ZLENS_E2E_OTHER_PORTAL_PORT')}`;
  await expect
    .poll(() => debug.filter((text) => text.includes(`message from ${otherOrigin} ignored: origin ${otherOrigin} is not allowed`)).length)
    .toBeGreaterThan(1);
  await expect(view.getByRole('combobox', { name: 'Time range' })).toHaveValue('6h');
  const viewFrame = page.frames().find((f) => f.url().startsWith(`${baseUrl()}/cpcs/`));
  expect(viewFrame?.url()).not.toContain('7d');
});

test('a portal the BFF does not name is refused by the browser (frame-ancestors)', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refused.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${portPort('ZLENS_E2E_OTHER_PORTAL_PORT')}/`);
  await expect.poll(() => refused.length, { message: 'a frame-ancestors refusal in the console' }).toBeGreaterThan(0);
  expect(refused[0]).toContain(`http://127.0.0.1:${portPort('ZLENS_E2E_PORTAL_PORT')}`);
  // The frame shows Chromium's error page, never zlens.
  const blocked = page.frameLocator('#blocked');
  await page.waitForTimeout(1000);
  await expect(blocked.getByRole('img', { name: 'Processor usage', exact: true })).toHaveCount(0);
  await expect(blocked.locator('#root')).toHaveCount(0);

  // The same page opened on its own (not framed) renders: only framing was refused.
  const response = await page.request.get(`${baseUrl()}/embed/panel/cpc-processor-usage-ratio/cpcs/${encodeURIComponent(cpcName)}`);
  expect(response.headers()['content-security-policy']).toContain(
    `frame-ancestors 'self' http://127.0.0.1:${portPort('ZLENS_E2E_PORTAL_PORT')}`,
  );
  expect(response.headers()['x-frame-options']).toBeUndefined();
});
