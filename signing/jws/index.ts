export { signDetachedJws, verifyDetachedJws } from './detached-jws';
export type { JwsAlg, JwsHeader, JwsTrust } from './detached-jws';
