import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ShiftedClock } from '../core/clock/shifted-clock.js';
import type { Core } from '../core/create-core.js';
import type { EventStream } from './event-stream.js';
import type { PreviewDesktop } from './preview-desktop.js';
import { readJsonBody } from './request-body.js';
import { ChoiceRequest, ClockRequest, InvokeRequest, PopupRequest } from './request-schemas.js';
import { send } from './respond.js';

export type ApiDeps = {
  core: Core;
  preview: PreviewDesktop;
  rendererEvents: EventStream;
  desktopEvents: EventStream;
  clock: ShiftedClock;
  testHooks: boolean;
  maxBodyBytes: number;
};

/**
 * The routes behind the token: the popup's bridge to the core (`/api/invoke`, `/api/events`), the simulated
 * desktop's clicks and events (`/api/desktop/…`) and, with KEYTRAY_PREVIEW_TEST_HOOKS=1, the test routes.
 * The request guard has already checked host, origin, token and content type; each body is parsed by its
 * schema here.
 */
export function createApiRoutes(deps: ApiDeps) {
  const { core, preview } = deps;
  const body = <S extends Parameters<typeof readJsonBody>[1]>(req: IncomingMessage, schema: S) =>
    readJsonBody(req, schema, deps.maxBodyBytes);

  async function desktopRoute(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === '/api/desktop/popup') {
      const { visible, view } = await body(req, PopupRequest);
      preview.setPopup(visible);
      if (visible && view === 'settings') core.events.emit('popup.shown', { view: 'settings' });
      return send(res, 200, {});
    }
    if (path === '/api/desktop/tray') {
      const { index } = await body(req, ChoiceRequest);
      const item = preview.state.tray?.menu[index];
      if (!item) return send(res, 404, { error: 'no such menu item' });
      if (item.kind === 'quit') {
        // Quits at once, or first asks in the popup when full keys exist only in memory.
        send(res, 200, {});
        return void core.requestQuit();
      }
      if (item.kind === 'settings') {
        preview.setPopup(true);
        core.events.emit('popup.shown', { view: 'settings' });
        return send(res, 200, {});
      }
      try {
        await core.trayAction(item);
        return send(res, 200, {});
      } catch (error) {
        return send(res, 200, { error: error instanceof Error ? error.message : 'failed' });
      }
    }
    if (path === '/api/desktop/notification') {
      const { index } = await body(req, ChoiceRequest);
      const notification = preview.state.notifications[index];
      if (!notification) return send(res, 404, { error: 'no such notification' });
      preview.setPopup(true, notification.keyIds);
      // Another account's reminder: the core switches to it first.
      await core.openNotification(notification);
      return send(res, 200, {});
    }
    return send(res, 404, { error: 'not found' });
  }

  async function testRoute(req: IncomingMessage, res: ServerResponse, method: string, path: string) {
    const { state } = preview;
    if (method === 'GET' && path === '/__test__/clipboard')
      return send(res, 200, { text: state.clipboard || null });
    if (method === 'GET' && path === '/__test__/notifications') return send(res, 200, state.notifications);
    if (method === 'GET' && path === '/__test__/opened') return send(res, 200, state.opened);
    if (method === 'POST' && path === '/__test__/clock') {
      const move = await body(req, ClockRequest);
      if ('advanceMs' in move) deps.clock.advance(move.advanceMs);
      else deps.clock.set(new Date(move.now));
      await core.clockMoved();
      return send(res, 200, { now: deps.clock.now().toISOString() });
    }
    return send(res, 404, { error: 'not found' });
  }

  return async function serveApi(req: IncomingMessage, res: ServerResponse, method: string, path: string) {
    if (method === 'GET' && path === '/api/events') return deps.rendererEvents.attach(res);
    if (method === 'GET' && path === '/api/desktop/events') {
      deps.desktopEvents.attach(res);
      const { state } = preview;
      deps.desktopEvents.send('tray', state.tray);
      deps.desktopEvents.send('notifications', state.notifications);
      deps.desktopEvents.send('popup', { visible: state.popupVisible, filterKeyIds: state.popupFilter });
      return;
    }
    if (method === 'POST' && path === '/api/invoke') {
      const { channel, payload } = await body(req, InvokeRequest);
      // The payload is parsed by the channel's contract schema inside the core's handler table.
      return send(res, 200, await core.handlers[channel](payload));
    }
    if (method === 'POST' && path.startsWith('/api/desktop/')) return desktopRoute(req, res, path);
    if (deps.testHooks && path.startsWith('/__test__/')) return testRoute(req, res, method, path);
    return send(res, 404, { error: 'not found' });
  };
}
