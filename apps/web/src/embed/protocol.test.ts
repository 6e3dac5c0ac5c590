import { describe, expect, it } from 'vitest';
import { embedPanelUrl, parseEmbedFlags } from './embed-params';
import { allowedOrigins, handleMessage, parentOrigin } from './protocol';

const ALLOWED = allowedOrigins(
  { allowedOrigins: ['https://portal.example', 'http://intranet:8080'], allowSelf: false },
  'https://zlens.example',
);

describe('parentOrigin', () => {
  it('takes the ancestor origin, else the referrer’s origin, only when it is allowed', () => {
    expect(parentOrigin(ALLOWED, 'http://intranet:8080', '')).toBe('http://intranet:8080');
    expect(parentOrigin(ALLOWED, undefined, 'https://portal.example/dash/ops?x=1')).toBe('https://portal.example');
    expect(parentOrigin(ALLOWED, 'https://evil.example', 'https://portal.example/')).toBeNull();
    expect(parentOrigin(ALLOWED, undefined, '')).toBeNull();
    expect(parentOrigin(ALLOWED, undefined, 'not a url')).toBeNull();
  });

  it("allows zlens's own origin only with 'self'", () => {
    const self = allowedOrigins({ allowedOrigins: [], allowSelf: true }, 'https://zlens.example');
    expect(parentOrigin(self, 'https://zlens.example', '')).toBe('https://zlens.example');
    expect(parentOrigin(ALLOWED, 'https://zlens.example', '')).toBeNull();
  });
});

describe('handleMessage', () => {
  it('maps each accepted message to a view change', () => {
    expect(handleMessage('https://portal.example', { type: 'zlens:setRange', range: '6h' }, ALLOWED)).toEqual({
      kind: 'applied',
      change: { range: '6h' },
    });
    expect(handleMessage('https://portal.example', { type: 'zlens:setRange', from: 100, to: 3700 }, ALLOWED)).toEqual({
      kind: 'applied',
      change: { from: 100, to: 3700 },
    });
    expect(handleMessage('https://portal.example', { type: 'zlens:setTheme', theme: 'dark' }, ALLOWED)).toEqual({
      kind: 'applied',
      change: { theme: 'dark' },
    });
    expect(handleMessage('https://portal.example', { type: 'zlens:setLanguage', language: 'zh-CN' }, ALLOWED)).toEqual({
      kind: 'applied',
      change: { lang: 'zh-CN' },
    });
  });

  it('takes a token from setToken: non-empty, at most 16 KiB, printable without spaces', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln';
    expect(handleMessage('https://portal.example', { type: 'zlens:setToken', token: jwt }, ALLOWED)).toEqual({ kind: 'token', token: jwt });
    expect(handleMessage('https://portal.example', { type: 'zlens:setToken', token: 'a'.repeat(16 * 1024) }, ALLOWED).kind).toBe('token');
    for (const token of ['', 'a'.repeat(16 * 1024 + 1), 'two words', 'line\nbreak', 42, null]) {
      expect(handleMessage('https://portal.example', { type: 'zlens:setToken', token }, ALLOWED).kind).toBe('ignored');
    }
    expect(handleMessage('https://evil.example', { type: 'zlens:setToken', token: jwt }, ALLOWED).kind).toBe('ignored');
  });

  it('refuses other origins and shapes', () => {
    expect(handleMessage('https://evil.example', { type: 'zlens:setTheme', theme: 'dark' }, ALLOWED).kind).toBe('ignored');
    expect(handleMessage('https://portal.example', { type: 'zlens:setTheme', theme: 'pink' }, ALLOWED).kind).toBe('ignored');
    expect(handleMessage('https://portal.example', { type: 'zlens:setRange', from: 100, to: 120 }, ALLOWED).kind).toBe('ignored');
    expect(handleMessage('https://portal.example', 'zlens:setRange', ALLOWED).kind).toBe('ignored');
  });
});

describe('embed flags and links', () => {
  it('reads the flags; the panel page is always embedded', () => {
    expect(parseEmbedFlags(new URLSearchParams('embed=1&hideRefresh=1'), '/cpcs/A')).toEqual({
      embed: true,
      panel: false,
      hideTimePicker: false,
      hideRefresh: true,
      hideBreadcrumbs: true,
    });
    expect(parseEmbedFlags(new URLSearchParams(''), '/embed/panel/heatmap').embed).toBe(true);
    expect(parseEmbedFlags(new URLSearchParams('embed=0'), '/').embed).toBe(false);
  });

  it('builds a panel link that keeps the view params and drops the embed flags', () => {
    expect(embedPanelUrl('https://z', 'processor-usage-ratio', '/cpcs/A%20B', '?range=6h&embed=1&theme=dark')).toBe(
      'https://z/embed/panel/processor-usage-ratio/cpcs/A%20B?range=6h&theme=dark',
    );
    expect(embedPanelUrl('https://z', 'cpc-A%20B', '/', '')).toBe('https://z/embed/panel/cpc-A%2520B');
  });
});
