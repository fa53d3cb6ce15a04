import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let auth: { Authorization: string };
beforeAll(async () => {
  t = await startTestApp();
  auth = { Authorization: `Bearer ${await t.tokenFor('manager@villeneuve.test')}` };
});
afterAll(() => t.close());

const expectProblem = (response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
};

it('answers an unknown route with a 404 problem', async () => {
  expectProblem(await t.http.get('/api/v1/nope').set(auth), 404);
});

it('rejects unknown query parameters with the field in error', async () => {
  const response = await t.http.get('/api/v1/audit-events?tenantId=someone-else').set(auth);
  expectProblem(response, 400);
  expect(response.body.errors).toEqual([expect.objectContaining({ path: '' })]);
  expect(response.body.errors[0].message).toMatch(/tenantId/);
});

it.each([
  ['a limit that is not a number', 'limit=abc', 'limit'],
  ['a limit too large', 'limit=100000', 'limit'],
  ['an unknown action', 'action=drop', 'action'],
  ['an actor that is not a uuid', 'actorId=1%20OR%201%3D1', 'actorId'],
  ['an oversized filter', `entityType=${'x'.repeat(5000)}`, 'entityType'],
])('rejects %s with a French validation message', async (_label, query, field) => {
  const response = await t.http.get(`/api/v1/audit-events?${query}`).set(auth);
  expectProblem(response, 400);
  expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  expect(response.body.title).toBe('Données invalides');
});

it('rejects a forged pagination cursor', async () => {
  expectProblem(await t.http.get('/api/v1/audit-events?cursor=%7B%22seq%22%3A%22x%22%7D').set(auth), 400);
});

it('treats SQL and HTML payloads as plain values', async () => {
  const response = await t.http
    .get(`/api/v1/audit-events?entityType=${encodeURIComponent("x' OR '1'='1")}&entityId=${encodeURIComponent('<script>alert(1)</script>')}`)
    .set(auth)
    .expect(200);
  expect(response.body).toEqual({ items: [], nextCursor: null });
});

it('rejects malformed JSON with a 400 problem', async () => {
  const response = await t.http.post('/api/v1/me').set(auth).set('Content-Type', 'application/json').send('{"broken":');
  expectProblem(response, 400);
  expect(response.body.detail).toMatch(/JSON valide/);
});

it('rejects an oversized body with a 413 problem', async () => {
  const response = await t.http
    .post('/api/v1/me')
    .set(auth)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }));
  expectProblem(response, 413);
});

it('gives every answer a request id, echoing a sane incoming one', async () => {
  const mine = await t.http.get('/api/health').set('X-Request-Id', 'abc-123');
  expect(mine.headers['x-request-id']).toBe('abc-123');
  const hostile = await t.http.get('/api/health').set('X-Request-Id', '<script>');
  expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

it('publishes the OpenAPI document', async () => {
  const response = await t.http.get('/api/docs-json').expect(200);
  expect(Object.keys(response.body.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/me',
      '/api/health',
      '/api/v1/audit-events',
      '/api/v1/audit-events/verification',
      '/api/v1/beneficiaries',
      '/api/v1/beneficiaries/{id}',
      '/api/v1/beneficiaries/{id}/household-members',
      '/api/v1/beneficiaries/{id}/interviews/{interviewId}/history',
      '/api/v1/beneficiaries/{id}/timeline',
      '/api/v1/beneficiaries/{id}/access-log',
      '/api/v1/users',
      '/api/v1/sites',
    ]),
  );
  // Response bodies are described from the shared schemas.
  expect(response.body.paths['/api/v1/beneficiaries/{id}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty(
    'identity',
  );
});
