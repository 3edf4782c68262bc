import { API_KEY_SCOPES, scopeFor } from './api-key-scopes';

describe('scopeFor', () => {
  it.each([
    ['api/tickets', 'GET', 'tickets:read'],
    ['api/tickets', 'POST', 'tickets:write'],
    ['api/tickets/:id/messages', 'POST', 'tickets:write'],
    ['api/events', 'GET', 'tickets:read'],
    ['api/macros', 'DELETE', 'tickets:write'],
    ['api/kb', 'PUT', 'kb:write'],
    ['api/stats', 'GET', 'stats:read'],
    ['api/sentiment', 'POST', 'models:write'],
    ['api/routing/rules', 'GET', 'admin:read'],
    ['api/users', 'PATCH', 'admin:write'],
  ])('%s %s needs %s', (path, method, scope) => {
    expect(scopeFor(path, method)).toBe(scope);
    expect(API_KEY_SCOPES).toContain(scope);
  });

  it('needs no scope to ask who the key is', () => {
    expect(scopeFor('api/auth', 'GET')).toBeNull();
  });

  it('needs a scope no key can hold for a path of no known area', () => {
    const scope = scopeFor('api/billing', 'GET');
    expect(scope).toBe('unlisted(billing):read');
    expect(API_KEY_SCOPES).not.toContain(scope);
  });
});
