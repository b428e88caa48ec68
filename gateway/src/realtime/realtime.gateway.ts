import { Inject, Logger, UsePipes, ValidationPipe } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WsException,
} from '@nestjs/websockets';
import {
  AccessTokenClaims,
  AttachAttemptAck,
  AttachAttemptCommand,
  AttemptStatus,
  Requests,
  Role,
  SaveAnswerCommand,
  SaveAnswerSocketAck,
  SocketCommands,
  SocketFailure,
  WatchSessionAck,
  WatchSessionCommand,
} from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics, RpcClient } from '@invigil/server-platform';
import type { Server, Socket } from 'socket.io';
import { SafeExamBrowserCheck, SEB_CONFIG_KEY_HEADER } from '../security/safe-exam-browser';
import { absoluteRequestUrl } from '../security/safe-exam-browser.guard';
import { SessionAccess } from '../access/session-access';
import { TokenService } from '../auth/token.service';
import { EventFanout } from './event-fanout';
import { PresenceTracker } from './presence-tracker';
import { isFailure, parseCommand, toSocketFailure } from './socket-commands';
import { candidatesRoom, staffRoom, userRoom } from './rooms';

interface SocketData {
  user: AccessTokenClaims;
  /** Sessions whose exam this socket attached to (after the Safe Exam Browser check, if any). */
  attached?: string[];
}

function candidateOf(socket: Socket): AccessTokenClaims | SocketFailure {
  const user = (socket.data as Partial<SocketData>).user;
  if (!user)
    return { ok: false, status: 401, message: 'Sign in first: connect with auth.token set to a valid access token.' };
  if (user.role !== Role.Candidate)
    return { ok: false, status: 403, message: 'Only candidates take exams; sign in with a candidate account.' };
  return user;
}

/**
 * The real-time endpoint. WebSocket transport only, so no sticky sessions are needed behind a
 * load balancer. A socket must present a valid token; it then joins its user room, and joins a
 * session's rooms only after the same access check the HTTP API applies.
 */
/**
 * Socket.IO's ping/pong is the exam's heartbeat: a browser silent for pingInterval + pingTimeout
 * (5 s) is disconnected, so the proctor sees Disconnected well within 10 s.
 */
@WebSocketGateway({
  path: '/socket.io',
  transports: ['websocket'],
  cors: { origin: false },
  pingInterval: 2_000,
  pingTimeout: 3_000,
})
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly access: SessionAccess,
    private readonly fanout: EventFanout,
    private readonly presence: PresenceTracker,
    private readonly safeExamBrowser: SafeExamBrowserCheck,
    private readonly rpc: RpcClient,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  afterInit(server: Server): void {
    this.fanout.attach(server);
    this.metrics.gauge(
      'invigil_socket_connections',
      'Open Socket.IO connections on this gateway replica',
      [],
      (gauge) => {
        gauge.set(server.engine?.clientsCount ?? 0);
      },
    );
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token =
      typeof socket.handshake.auth?.['token'] === 'string' ? (socket.handshake.auth['token'] as string) : '';
    const user = token ? await this.tokens.verify(token) : null;
    if (!user) {
      socket.emit('invigil.error', { message: 'Sign in first: connect with auth.token set to a valid access token.' });
      socket.disconnect(true);
      return;
    }
    (socket.data as SocketData).user = user;
    await socket.join(userRoom(user.orgId, user.sub));
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    await this.presence.release(socket.id);
  }

  /**
   * The exam page asks to be its attempt's live view (opening the attempt on the first visit).
   * Attached, the socket's heartbeat counts as the candidate's connection.
   */
  @SubscribeMessage(SocketCommands.attachAttempt)
  async attachAttempt(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<AttachAttemptAck> {
    const user = candidateOf(socket);
    if (isFailure(user)) return user;
    const command = await parseCommand(AttachAttemptCommand, payload);
    if (isFailure(command)) return command;
    try {
      // Safe Exam Browser sends its Config Key hash with the socket's handshake like with any request.
      const handshake = socket.handshake;
      const url = absoluteRequestUrl({
        headers: handshake.headers,
        protocol: handshake.secure ? 'https' : 'http',
        originalUrl: handshake.url,
      });
      const header = handshake.headers[SEB_CONFIG_KEY_HEADER];
      const refusal = await this.safeExamBrowser.verify(
        user.orgId,
        command.sessionId,
        url,
        Array.isArray(header) ? header[0] : header,
      );
      if (refusal) return { ok: false, status: 403, message: refusal };
      const reply = await this.rpc.request(Requests.attachAttemptView, {
        orgId: user.orgId,
        userId: user.sub,
        sessionId: command.sessionId,
        viewId: command.viewId,
        takeover: command.takeover,
        connectionId: socket.id,
      });
      if (!reply.attached) return { ok: true, attached: false, reason: reply.reason };
      const data = socket.data as SocketData;
      data.attached = [...new Set([...(data.attached ?? []), command.sessionId])];
      await socket.join(candidatesRoom(user.orgId, command.sessionId));
      if (reply.attempt.status !== AttemptStatus.Submitted) {
        await this.presence.track(socket.id, {
          orgId: user.orgId,
          attemptId: reply.attempt.id,
          viewId: command.viewId,
          connectionId: socket.id,
        });
      }
      return { ok: true, attached: true, attempt: reply.attempt };
    } catch (error) {
      return toSocketFailure(error);
    }
  }

  /** Acknowledged only once the sessions service committed the answer in PostgreSQL. */
  @SubscribeMessage(SocketCommands.saveAnswer)
  async saveAnswer(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<SaveAnswerSocketAck> {
    const user = candidateOf(socket);
    if (isFailure(user)) return user;
    const command = await parseCommand(SaveAnswerCommand, payload);
    if (isFailure(command)) return command;
    if (!(socket.data as SocketData).attached?.includes(command.sessionId)) {
      return { ok: false, status: 409, message: 'Attach the exam view first (attempt.attach), then save.' };
    }
    try {
      const ack = await this.rpc.request(Requests.saveAnswer, { orgId: user.orgId, userId: user.sub, ...command });
      return { ok: true, ...ack };
    } catch (error) {
      return toSocketFailure(error);
    }
  }

  @SubscribeMessage(SocketCommands.watchSession)
  @UsePipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: () => new WsException('sessionId must be a UUID'),
    }),
  )
  async watch(
    @ConnectedSocket() socket: Socket,
    @MessageBody() command: WatchSessionCommand,
  ): Promise<WatchSessionAck> {
    const user = (socket.data as SocketData).user;
    if (!user) return { ok: false, error: 'Not signed in.' };
    if (!(await this.access.canWatch(user, command.sessionId))) {
      return {
        ok: false,
        error: 'You may not watch this session: it is not in your organization or you are not on its roster.',
      };
    }
    const room =
      user.role === Role.Candidate
        ? candidatesRoom(user.orgId, command.sessionId)
        : staffRoom(user.orgId, command.sessionId);
    await socket.join(room);
    this.logger.debug(`${user.sub} watches ${command.sessionId} as ${user.role}`);
    return { ok: true };
  }
}
