/**
 * Just enough of the Kubernetes protobuf encoding to read what kubectl's
 * typed `create` commands send (`kubectl create namespace`, `create
 * configmap`, `create secret generic`): the `k8s\0` envelope
 * (runtime.Unknown), ObjectMeta, and those three kinds. Other kinds sent as
 * protobuf still get 415.
 */
import { ApiError } from '../errors.js';

type Field = { no: number; wire: number; value: bigint | Buffer };

function varint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('truncated varint');
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, next] = varint(buf, pos);
    pos = next;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, p] = varint(buf, pos);
      out.push({ no, wire, value: v });
      pos = p;
    } else if (wire === 2) {
      const [len, p] = varint(buf, pos);
      out.push({ no, wire, value: buf.subarray(p, p + Number(len)) });
      pos = p + Number(len);
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      out.push({ no, wire, value: buf.subarray(pos, pos + size) });
      pos += size;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
  }
  return out;
}

const str = (f: Field) => (f.value as Buffer).toString('utf8');

function stringMap(fs: Field[], no: number, asBase64 = false): Record<string, string> | undefined {
  const entries = fs.filter((f) => f.no === no);
  if (entries.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const e of entries) {
    const kv = fields(e.value as Buffer);
    const k = kv.find((f) => f.no === 1);
    const v = kv.find((f) => f.no === 2);
    out[k ? str(k) : ''] = v ? (asBase64 ? (v.value as Buffer).toString('base64') : str(v)) : '';
  }
  return out;
}

function objectMeta(buf: Buffer): Record<string, unknown> {
  const fs = fields(buf);
  const meta: Record<string, unknown> = {};
  const names: Record<number, string> = { 1: 'name', 2: 'generateName', 3: 'namespace' };
  for (const f of fs) if (names[f.no]) meta[names[f.no] as string] = str(f);
  const labels = stringMap(fs, 11);
  const annotations = stringMap(fs, 12);
  if (labels) meta.labels = labels;
  if (annotations) meta.annotations = annotations;
  const finalizers = fs.filter((f) => f.no === 14).map(str);
  if (finalizers.length) meta.finalizers = finalizers;
  return meta;
}

export function decodeProtobuf(body: Buffer): unknown {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\0')
    throw new ApiError(415, 'UnsupportedMediaType', 'protobuf body without the k8s envelope');
  const unknown = fields(body.subarray(4));
  const typeMeta = fields((unknown.find((f) => f.no === 1)?.value as Buffer) ?? Buffer.alloc(0));
  const apiVersion = str(
    typeMeta.find((f) => f.no === 1) ?? { no: 1, wire: 2, value: Buffer.alloc(0) },
  );
  const kind = str(typeMeta.find((f) => f.no === 2) ?? { no: 2, wire: 2, value: Buffer.alloc(0) });
  const raw = fields((unknown.find((f) => f.no === 2)?.value as Buffer) ?? Buffer.alloc(0));
  const metaField = raw.find((f) => f.no === 1);
  const obj: Record<string, unknown> = {
    apiVersion,
    kind,
    metadata: metaField ? objectMeta(metaField.value as Buffer) : {},
  };
  if (apiVersion === 'v1' && kind === 'Namespace') return obj;
  if (apiVersion === 'v1' && kind === 'ConfigMap') {
    const data = stringMap(raw, 2);
    const binaryData = stringMap(raw, 3, true);
    if (data) obj.data = data;
    if (binaryData) obj.binaryData = binaryData;
    return obj;
  }
  if (apiVersion === 'v1' && kind === 'Secret') {
    const data = stringMap(raw, 2, true);
    const type = raw.find((f) => f.no === 3);
    const stringData = stringMap(raw, 4);
    if (data) obj.data = data;
    if (stringData) obj.stringData = stringData;
    if (type) obj.type = str(type);
    return obj;
  }
  throw new ApiError(
    415,
    'UnsupportedMediaType',
    `sim-cluster reads ${apiVersion} ${kind} as JSON or YAML, not protobuf; write a manifest and use kubectl create -f / apply -f`,
  );
}
