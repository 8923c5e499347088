/** Reading request bodies (JSON, or YAML for convenience) and writing JSON responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest } from '../errors.js';
import { decodeProtobuf } from './protobuf.js';

const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY)
      throw new ApiError(
        413,
        'RequestEntityTooLarge',
        'Request entity too large: limit is 3145728',
      );
    chunks.push(buf);
  }
  const type = req.headers['content-type'] ?? 'application/json';
  if (type.includes('protobuf')) {
    try {
      return decodeProtobuf(Buffer.concat(chunks));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw badRequest(
        `error decoding protobuf body: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  if (type.includes('cbor')) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `sim-cluster reads JSON and YAML request bodies, not ${type}; write a manifest and use kubectl create -f / apply -f`,
    );
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return /yaml/.test(type) ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch (err) {
    throw badRequest(
      `error decoding request body: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
