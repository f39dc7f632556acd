export { signDetachedJws, verifyDetachedJws } from './detached-jws';
export type { JwsAlg, JwsHeader, JwsProtectedHeader, JwsTrust, SignJwsOptions } from './detached-jws';
