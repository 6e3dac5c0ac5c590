import { connect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionUri } from '../scenario/scenario.js';
import { startSimulator, type RunningSimulator } from '../simulator.js';
import { decodeFrames, encodeFrame, type SessionEndBehaviour } from './stomp-server.js';
import { hmcRequest } from '../test/hmc-client.js';
import { stringField } from '../test/json.js';

interface ReceivedFrame {
  readonly command: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** A minimal STOMP client over TLS: sends frames, waits for the next frame the server sends. */
class Client {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly frames: ReceivedFrame[] = [];
  private waiter: (() => void) | undefined;
  closed = false;

  private constructor(readonly socket: TLSSocket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      const { frames, rest } = decodeFrames(this.buffer);
      this.buffer = rest;
      this.frames.push(...frames);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  static open(sim: RunningSimulator): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: sim.stompPort, ca: sim.caPem, servername: 'localhost' }, () =>
        resolve(new Client(socket)),
      );
      socket.once('error', reject);
    });
  }

  send(command: string, headers: readonly (readonly [string, string])[]): void {
    this.socket.write(encodeFrame(command, headers));
  }

  async next(): Promise<ReceivedFrame> {
    while (this.frames.length === 0) {
      if (this.closed) throw new Error('connection closed');
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    const frame = this.frames.shift();
    if (frame === undefined) throw new Error('no frame');
    return frame;
  }

  close(): void {
    this.socket.destroy();
  }
}

let sim: RunningSimulator;
let logon: { session: string; credential: string; topic: string };

beforeAll(async () => {
  sim = await startSimulator();
  const body = (await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials })).json();
  logon = {
    session: stringField(body, 'api-session'),
    credential: stringField(body, 'session-credential'),
    topic: stringField(body, 'notification-topic'),
  };
});
afterAll(async () => {
  await sim.close();
});

describe('STOMP notifications over TLS', () => {
  it('connects with userid/password (STOMP 1.1), subscribes to the session topic and gets status-change and property-change', async () => {
    const client = await Client.open(sim);
    try {
      client.send('STOMP', [
        ['accept-version', '1.1'],
        ['host', 'localhost'],
        ['login', sim.credentials.userid],
        ['passcode', sim.credentials.password],
      ]);
      const connected = await client.next();
      expect(connected.command).toBe('CONNECTED');
      expect(connected.headers.get('version')).toBe('1.1');
      client.send('SUBSCRIBE', [
        ['destination', `/topic/${logon.topic}`],
        ['id', 'sub-1'],
        ['ack', 'auto'],
        ['receipt', 'r1'],
      ]);
      expect((await client.next()).headers.get('receipt-id')).toBe('r1');

      const partition = sim.scenario.cpcs[0]?.partitions.find((p) => p.name === 'LNXPRD05');
      if (partition === undefined) throw new Error('no LNXPRD05');
      sim.setStatus(partitionUri(partition), 'stopped');
      const status = await client.next();
      expect(status.command).toBe('MESSAGE');
      expect(Object.fromEntries(status.headers)).toMatchObject({
        destination: `/topic/${logon.topic}`,
        subscription: 'sub-1',
        'notification-type': 'status-change',
        class: 'partition',
        'object-id': partition['object-id'],
        'object-uri': partitionUri(partition),
        'session-sequence-nr': '0',
      });
      expect(JSON.parse(status.body)).toEqual({
        'change-reports': [{ 'new-status': 'stopped', 'new-additional-status': '', 'has-unacceptable-status': false }],
      });
      const property = await client.next();
      expect(property.headers.get('notification-type')).toBe('property-change');
      expect(property.headers.get('session-sequence-nr')).toBe('1');
      expect(JSON.parse(property.body)).toEqual({
        'change-reports': [{ 'property-name': 'status', 'old-value': 'active', 'new-value': 'stopped' }],
      });

      // The change is visible everywhere: HMC API and /metrics.
      const props = (
        await hmcRequest(sim.hmcUrl, 'GET', `${partitionUri(partition)}?properties=status`, { ca: sim.caPem, session: logon.session })
      ).json();
      expect(props).toEqual({ status: 'stopped' });
      const metrics = await (await fetch(sim.metricsUrl)).text();
      expect(metrics).toContain(`zhmc_partition_status_int{cpc="ZLX1",partition="LNXPRD05",value="stopped"} 11.0`);
      expect(metrics).not.toContain(`zhmc_partition_processor_usage_ratio{cpc="ZLX1",partition="LNXPRD05"}`);
      sim.setStatus(partitionUri(partition), 'active');
      expect(JSON.parse((await client.next()).body)).toMatchObject({ 'change-reports': [{ 'new-status': 'active' }] });
    } finally {
      client.close();
    }
  });

  it('accepts the api-session and session-credential as login and passcode (STOMP 1.2)', async () => {
    const client = await Client.open(sim);
    try {
      client.send('CONNECT', [
        ['accept-version', '1.0,1.1,1.2'],
        ['host', 'localhost'],
        ['login', logon.session],
        ['passcode', logon.credential],
      ]);
      const connected = await client.next();
      expect([connected.command, connected.headers.get('version')]).toEqual(['CONNECTED', '1.2']);
      client.send('DISCONNECT', [['receipt', 'bye']]);
      expect((await client.next()).headers.get('receipt-id')).toBe('bye');
    } finally {
      client.close();
    }
  });

  it("answers ERROR to a wrong passcode, to STOMP 1.0 only, and to a topic of nobody's session", async () => {
    for (const [headers, message] of [
      [
        [
          ['accept-version', '1.2'],
          ['login', sim.credentials.userid],
          ['passcode', 'wrong'],
        ],
        /Authentication failed/,
      ],
      [
        [
          ['login', sim.credentials.userid],
          ['passcode', sim.credentials.password],
        ],
        /supported protocol versions are 1.2,1.1/,
      ],
    ] as const) {
      const client = await Client.open(sim);
      client.send('CONNECT', headers);
      const frame = await client.next();
      expect([frame.command, frame.headers.get('message')]).toEqual(['ERROR', expect.stringMatching(message)]);
      client.close();
    }
    const client = await Client.open(sim);
    client.send('CONNECT', [
      ['accept-version', '1.2'],
      ['login', sim.credentials.userid],
      ['passcode', sim.credentials.password],
    ]);
    expect((await client.next()).command).toBe('CONNECTED');
    client.send('SUBSCRIBE', [
      ['destination', '/topic/someone.else'],
      ['id', '1'],
    ]);
    expect((await client.next()).command).toBe('ERROR');
    client.close();
  });

  it('escapes header values and reads frames split across packets', () => {
    const text = encodeFrame('MESSAGE', [['a', 'x:y\nz\\']], '{}');
    expect(text).toBe('MESSAGE\na:x\\cy\\nz\\\\\ncontent-length:2\n\n{}\0');
    const buffer = Buffer.from(`\n${text}`);
    const half = decodeFrames(buffer.subarray(0, 10));
    expect(half.frames).toEqual([]);
    const all = decodeFrames(buffer);
    expect(all.frames.map((f) => [f.command, f.headers.get('a'), f.body])).toEqual([['MESSAGE', 'x:y\nz\\', '{}']]);
    expect(all.rest.length).toBe(0);
  });
});

describe('a subscription whose session ends (notificationsAfterSessionEnd)', () => {
  /** A simulator with the setting, a subscriber on its session's topic, and a partition to switch. */
  async function subscribed(
    behaviour: SessionEndBehaviour,
    clock?: { now: number },
  ): Promise<{ sim: RunningSimulator; client: Client; uri: string; topic: string }> {
    const sim = await startSimulator({
      notificationsAfterSessionEnd: behaviour,
      ...(clock === undefined ? {} : { now: () => clock.now, sessionIdleTimeoutMs: 60_000 }),
    });
    const body = (await hmcRequest(sim.hmcUrl, 'POST', '/api/sessions', { ca: sim.caPem, body: sim.credentials })).json();
    const topic = stringField(body, 'notification-topic');
    const client = await Client.open(sim);
    // Logged on with userid/password, so only the topic (not the STOMP login) belongs to the session.
    client.send('CONNECT', [
      ['accept-version', '1.2'],
      ['login', sim.credentials.userid],
      ['passcode', sim.credentials.password],
    ]);
    expect((await client.next()).command).toBe('CONNECTED');
    client.send('SUBSCRIBE', [
      ['destination', `/topic/${topic}`],
      ['id', 's'],
      ['receipt', 'subscribed'],
    ]);
    expect((await client.next()).headers.get('receipt-id')).toBe('subscribed');
    const partition = sim.scenario.cpcs[0]?.partitions.find((p) => p.name === 'LNXPRD05');
    if (partition === undefined) throw new Error('no LNXPRD05');
    return { sim, client, uri: partitionUri(partition), topic };
  }

  /** The next frame after a RECEIPT request: frames are sent in order, so a MESSAGE would come first. */
  async function nextOrReceipt(client: Client): Promise<string> {
    client.send('UNSUBSCRIBE', [
      ['id', 'no-such'],
      ['receipt', 'probe'],
    ]);
    const frame = await client.next();
    return frame.command === 'RECEIPT'
      ? `RECEIPT ${frame.headers.get('receipt-id') ?? ''}`
      : `${frame.command} ${frame.headers.get('notification-type') ?? ''}`;
  }

  it('silent (the default): the subscription stays open and receives nothing more', async () => {
    const { sim, client, uri } = await subscribed('silent');
    try {
      sim.expireAllSessions();
      sim.setStatus(uri, 'stopped');
      expect(await nextOrReceipt(client)).toBe('RECEIPT probe');
      expect(client.closed).toBe(false);
    } finally {
      client.close();
      await sim.close();
    }
  });

  it('keep: the subscription keeps receiving the object notifications', async () => {
    const { sim, client, uri, topic } = await subscribed('keep');
    try {
      sim.expireAllSessions();
      sim.setStatus(uri, 'stopped');
      const frame = await client.next();
      expect([frame.command, frame.headers.get('destination'), frame.headers.get('notification-type')]).toEqual([
        'MESSAGE',
        `/topic/${topic}`,
        'status-change',
      ]);
    } finally {
      client.close();
      await sim.close();
    }
  });

  it('error: an ERROR frame naming the topic as soon as the session ends, then the connection closes', async () => {
    const { sim, client, topic } = await subscribed('error');
    try {
      sim.expireAllSessions();
      const frame = await client.next();
      expect([frame.command, frame.headers.get('message')]).toEqual([
        'ERROR',
        `The notification topic ${topic} no longer exists: its HMC session has ended`,
      ]);
      await expect(client.next()).rejects.toThrow('connection closed');
    } finally {
      client.close();
      await sim.close();
    }
  });

  it('error, after an idle timeout: at the latest when the next notification is due', async () => {
    const clock = { now: Date.UTC(2025, 0, 6, 9, 0, 0) };
    const { sim, client, uri } = await subscribed('error', clock);
    try {
      clock.now += 61_000;
      sim.setStatus(uri, 'stopped');
      expect((await client.next()).command).toBe('ERROR');
    } finally {
      client.close();
      await sim.close();
    }
  });

  it('close: the connection is closed without a frame', async () => {
    const { sim, client } = await subscribed('close');
    try {
      sim.expireAllSessions();
      await expect(client.next()).rejects.toThrow('connection closed');
    } finally {
      client.close();
      await sim.close();
    }
  });
});
