import { EventEmitter } from 'node:events';
import { connect } from 'node:net';
import { createInferenceServer, type ModelUpdater } from '@servable/inference-server';
import { describe, expect, it } from 'vitest';
import { buildPipeline } from './support/models.js';

class FakeUpdater extends EventEmitter implements ModelUpdater {
  readonly calls: string[] = [];
  async start(): Promise<void> {
    this.calls.push('start');
  }
  async stop(): Promise<void> {
    this.calls.push('stop');
  }
}

describe('graceful shutdown', () => {
  it('drains an in-flight request, refuses new connections, then stops its updaters', async () => {
    const updater = new FakeUpdater();
    const server = await createInferenceServer({
      models: [{ name: 'fraud', servable: buildPipeline(), updaters: [updater] }],
    });
    const address = new URL(await server.listen({ port: 0 }));
    expect(updater.calls).toEqual(['start']);
    const body = JSON.stringify({
      inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP64', data: [3, 2, 4] }],
    });
    const socket = connect(Number(address.port), address.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Headers and half the body: the request is in flight when close() is called.
    socket.write(
      `POST /v2/models/fraud/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 20)}`,
    );
    await new Promise((r) => setTimeout(r, 50));
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    // New connections are refused while draining.
    const refused = await new Promise<boolean>((resolve) => {
      const other = connect(Number(address.port), address.hostname);
      other.once('connect', () => {
        other.destroy();
        resolve(false);
      });
      other.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    expect(updater.calls).toEqual(['start']);
    socket.write(body.slice(20));
    await ended;
    await closing;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('"model_version":"0.1"');
    expect(updater.calls).toEqual(['start', 'stop']);
    // Idempotent.
    await server.close();
    expect(updater.calls).toEqual(['start', 'stop']);
  });

  it('reports not ready while closing', async () => {
    const server = await createInferenceServer({
      models: [{ name: 'fraud', servable: buildPipeline() }],
    });
    await server.start();
    expect(server.status().ready).toBe(true);
    await server.close();
    expect(server.status().ready).toBe(false);
  });
});
