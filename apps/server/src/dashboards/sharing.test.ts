import { describe, expect, it } from 'vitest';
import { factories } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';

const base = '/api/v1/dashboards';

describe('sharing a dashboard by link', () => {
  const t = useTestApp();

  async function setup() {
    const owner = await t().newUser('admin', { first_name: 'Ownerina' });
    const make = async (name: string, from_template: string) =>
      (
        await t().app.inject({
          method: 'POST',
          url: base,
          headers: owner.auth,
          payload: { name, from_template },
        })
      ).json();
    const a = await make('A', 'Executive Overview');
    const b = await make('B', 'Cash Flow');
    const share = async (id: string, payload: object = {}) => {
      const res = await t().app.inject({
        method: 'POST',
        url: `${base}/${id}/share`,
        headers: owner.auth,
        payload,
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { share_token: string; share_url: string; expires_at: string | null };
    };
    return { owner, a, b, share };
  }
  const anon = (url: string) => t().app.inject({ url });

  it('gives a long random token and a read-only public view without owner details', async () => {
    const { owner, a, share } = await setup();
    const link = await share(a.id);
    // base64url of at least 16 random bytes
    expect(link.share_token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(link.share_url).toBe(`/dashboard/shared/${link.share_token}`);
    const view = await anon(`${base}/shared/${link.share_token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ name: 'A', is_shared: true, layout: a.layout });
    for (const hidden of ['user_id', 'share_token', 'is_default'])
      expect(view.json()).not.toHaveProperty(hidden);
    expect(view.body).not.toContain('Ownerina');
    const data = await anon(`${base}/shared/${link.share_token}/data`);
    expect(Object.keys(data.json().widgets)).toEqual(a.layout.map((w: { widget_id: string }) => w.widget_id));
    const one = await anon(`${base}/shared/${link.share_token}/widgets/w1/data`);
    expect(one.json()).toMatchObject({ format: 'currency', value: 0 });
    const mine = await t().app.inject({ url: `${base}/${a.id}`, headers: owner.auth });
    expect(mine.json()).toMatchObject({ is_shared: true, share_token: link.share_token });
  });

  it('reads only the shared dashboard: never another one’s widgets', async () => {
    const { owner, b, share } = await setup();
    // C has one widget (w1); B has w1…w4. C's link must not reach B's w2, nor B itself.
    const c = await t().app.inject({
      method: 'POST',
      url: base,
      headers: owner.auth,
      payload: { name: 'C', layout: [{ type: 'notes', x: 0, y: 0, w: 2, h: 2, config: { text: 'C only' } }] },
    });
    const linkC = await share(c.json().id);
    await share(b.id);
    expect((await anon(`${base}/shared/${linkC.share_token}/widgets/w1/data`)).json()).toEqual({
      text: 'C only',
    });
    expect((await anon(`${base}/shared/${linkC.share_token}/widgets/w2/data`)).statusCode).toBe(404);
    expect(Object.keys((await anon(`${base}/shared/${linkC.share_token}/data`)).json().widgets)).toEqual([
      'w1',
    ]);
    expect((await anon(`${base}/${b.id}`)).statusCode).toBe(401);
    expect((await anon(`${base}/${b.id}/data`)).statusCode).toBe(401);
    // Public routes are read-only: no write method exists behind a token.
    const put = await t().app.inject({
      method: 'PUT',
      url: `${base}/shared/${linkC.share_token}`,
      payload: {},
    });
    expect([401, 404]).toContain(put.statusCode);
  });

  it('kills the link on revoke, and the old link on re-share', async () => {
    const { owner, a, share } = await setup();
    const first = await share(a.id);
    const second = await share(a.id);
    expect(second.share_token).not.toBe(first.share_token);
    expect((await anon(`${base}/shared/${first.share_token}`)).statusCode).toBe(404);
    expect((await anon(`${base}/shared/${first.share_token}/data`)).statusCode).toBe(404);
    expect((await anon(`${base}/shared/${second.share_token}`)).statusCode).toBe(200);
    const revoke = await t().app.inject({
      method: 'DELETE',
      url: `${base}/${a.id}/share`,
      headers: owner.auth,
    });
    expect(revoke.statusCode).toBe(200);
    for (const suffix of ['', '/data', '/widgets/w1/data']) {
      expect((await anon(`${base}/shared/${second.share_token}${suffix}`)).statusCode).toBe(404);
    }
    const mine = await t().app.inject({ url: `${base}/${a.id}`, headers: owner.auth });
    expect(mine.json()).toMatchObject({ is_shared: false, share_token: null });
    expect((await anon(`${base}/shared/not-a-real-token`)).statusCode).toBe(404);
  });

  it('lets a link expire, measured by the server clock', async () => {
    const { a, share } = await setup();
    const link = await share(a.id, { expires_in_days: 2 });
    expect(link.expires_at).toBe('2026-06-17T12:00:00.000Z');
    t().clock.advance(2 * 86_400_000 - 1000);
    expect((await anon(`${base}/shared/${link.share_token}`)).statusCode).toBe(200);
    t().clock.advance(1000);
    expect((await anon(`${base}/shared/${link.share_token}`)).statusCode).toBe(404);
    expect((await anon(`${base}/shared/${link.share_token}/data`)).statusCode).toBe(404);
  });

  it('shows the same figures as the owner sees', async () => {
    const { owner, a, share } = await setup();
    const f = factories(t().app, owner);
    const cat = await f.category('income');
    await f.transaction({ type: 'income', amount: 1234.56, category_id: cat.id, date: '2026-06-02' });
    const link = await share(a.id);
    const pub = (await anon(`${base}/shared/${link.share_token}/data`)).json();
    const own = (await t().app.inject({ url: `${base}/${a.id}/data`, headers: owner.auth })).json();
    expect(pub).toEqual(own);
    expect(pub.widgets.w1.value).toBe(1234.56);
  });
});
