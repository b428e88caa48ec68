import { Inject, Logger, UsePipes, ValidationPipe } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WsException,
} from '@nestjs/websockets';
import { AccessTokenClaims, Role, SocketCommands, WatchSessionAck, WatchSessionCommand } from '@invigil/contracts';
import { INVIGIL_METRICS, InvigilMetrics } from '@invigil/server-platform';
import type { Server, Socket } from 'socket.io';
import { SessionAccess } from '../api/session-access';
import { TokenService } from '../auth/token.service';
import { EventFanout } from './event-fanout';
import { candidatesRoom, staffRoom, userRoom } from './rooms';

interface SocketData {
  user: AccessTokenClaims;
}

/**
 * The real-time endpoint. WebSocket transport only, so no sticky sessions are needed behind a
 * load balancer. A socket must present a valid token; it then joins its user room, and joins a
 * session's rooms only after the same access check the HTTP API applies.
 */
@WebSocketGateway({ path: '/socket.io', transports: ['websocket'], cors: { origin: false } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly access: SessionAccess,
    private readonly fanout: EventFanout,
    @Inject(INVIGIL_METRICS) private readonly metrics: InvigilMetrics,
  ) {}

  afterInit(server: Server): void {
    this.fanout.attach(server);
    this.metrics.gauge('invigil_socket_connections', 'Open Socket.IO connections on this gateway replica', [], (gauge) => {
      gauge.set(server.engine?.clientsCount ?? 0);
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token = typeof socket.handshake.auth?.['token'] === 'string' ? (socket.handshake.auth['token'] as string) : '';
    const user = token ? await this.tokens.verify(token) : null;
    if (!user) {
      socket.emit('invigil.error', { message: 'Sign in first: connect with auth.token set to a valid access token.' });
      socket.disconnect(true);
      return;
    }
    (socket.data as SocketData).user = user;
    await socket.join(userRoom(user.orgId, user.sub));
  }

  @SubscribeMessage(SocketCommands.watchSession)
  @UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, exceptionFactory: () => new WsException('sessionId must be a UUID') }))
  async watch(@ConnectedSocket() socket: Socket, @MessageBody() command: WatchSessionCommand): Promise<WatchSessionAck> {
    const user = (socket.data as SocketData).user;
    if (!user) return { ok: false, error: 'Not signed in.' };
    if (!(await this.access.canWatch(user, command.sessionId))) {
      return { ok: false, error: 'You may not watch this session: it is not in your organization or you are not on its roster.' };
    }
    const room = user.role === Role.Candidate ? candidatesRoom(user.orgId, command.sessionId) : staffRoom(user.orgId, command.sessionId);
    await socket.join(room);
    this.logger.debug(`${user.sub} watches ${command.sessionId} as ${user.role}`);
    return { ok: true };
  }
}
