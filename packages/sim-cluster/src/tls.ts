/**
 * TLS with the simulator's own CA: a CA certificate and a server
 * certificate for 127.0.0.1 / localhost signed by it, made at start (keys
 * from node:crypto, certificates built with node-forge, since Node has no
 * X.509 builder). The kubeconfig carries the CA as
 * `certificate-authority-data`, so clients verify the server as they would
 * a real cluster's.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

function keyPair(): {
  privatePem: string;
  publicKey: forge.pki.PublicKey;
  privateKey: forge.pki.rsa.PrivateKey;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    privatePem,
    publicKey: forge.pki.publicKeyFromPem(publicPem),
    privateKey: forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey,
  };
}

function certificate(
  subject: string,
  publicKey: forge.pki.PublicKey,
  issuer: forge.pki.Certificate | undefined,
  signer: forge.pki.rsa.PrivateKey,
  extensions: object[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  const attrs = [{ name: 'commonName', value: subject }];
  cert.setSubject(attrs);
  cert.setIssuer(issuer ? issuer.subject.attributes : attrs);
  cert.setExtensions(extensions);
  cert.sign(signer, forge.md.sha256.create());
  return cert;
}

let shared: TlsMaterial | undefined;

/**
 * The material every simulator in this process serves with: made once (RSA
 * key generation and signing take about half a second), so a test file that
 * starts many simulators pays it once. Each process still has its own CA.
 */
export function sharedTls(): TlsMaterial {
  shared ??= makeTls();
  return shared;
}

export function makeTls(): TlsMaterial {
  const ca = keyPair();
  const caCert = certificate('portolan-sim-ca', ca.publicKey, undefined, ca.privateKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
  ]);
  const server = keyPair();
  const serverCert = certificate('kube-apiserver', server.publicKey, caCert, ca.privateKey, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
        { type: 2, value: 'kubernetes.default.svc' },
      ],
    },
  ]);
  return {
    caPem: forge.pki.certificateToPem(caCert),
    certPem: forge.pki.certificateToPem(serverCert),
    keyPem: server.privatePem,
  };
}
