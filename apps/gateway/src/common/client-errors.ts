import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests that Node's HTTP parser refuses before Express sees them (a NUL or a bare CR in a header, a
 * malformed request line, headers over the limit) get the API's JSON error too, instead of a bare 400.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const statusCode = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = statusCode === 431 ? 'the request headers are too large' : 'the request is not valid HTTP';
    const body = JSON.stringify({ statusCode, error: STATUS_CODES[statusCode], message });
    socket.end(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
