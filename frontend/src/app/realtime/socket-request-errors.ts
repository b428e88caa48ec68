/** A socket request that could not be delivered or answered: retrying later may succeed. */
export class SocketUnavailableError extends Error {
  constructor(
    readonly command: string,
    reason: 'disconnected' | 'timeout',
  ) {
    super(
      reason === 'disconnected'
        ? 'Not connected to the server. Check your connection; the page keeps trying.'
        : 'The server did not answer in time. The page keeps trying.',
    );
    this.name = 'SocketUnavailableError';
  }
}
