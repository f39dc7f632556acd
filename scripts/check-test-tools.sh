#!/usr/bin/env bash
# The pre-test step of `npm test`: every program the suites run must be there. When one is
# missing, its Debian package is installed if this runs as root with apt-get; otherwise it
# stops at once with one line naming the packages and the command that installs them, instead of
# a wall of failing suites. PostgreSQL is not needed: without a server on 127.0.0.1:5432 the tests
# start the hub's embedded one (test/support/test-postgres.ts).
set -uo pipefail

have() { local p; p=$(command -v "$1" 2>/dev/null) && [ -f "$p" ] && [ -x "$p" ]; }
missing() {
  local need=()
  # nats-server: the integration suites start their own (Debian puts it in /usr/sbin).
  have nats-server || { [ -f /usr/sbin/nats-server ] && [ -x /usr/sbin/nats-server ]; } || need+=(nats-server)
  have openssl || need+=(openssl)                                  # interop: CMS and OCSP
  have xmlsec1 || need+=(xmlsec1)                                  # interop: WS-Security
  have xmllint || need+=(libxml2-utils)                            # contract: WSDL/XSD
  # interop: an agency's SOAP client that is not ours (Debian's python3 and its dist-packages)
  { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import zeep, lxml' 2>/dev/null; } || need+=(python3-zeep)
  { have softhsm2-util && [ -f /usr/lib/softhsm/libsofthsm2.so ]; } || need+=(softhsm2)  # HSM key store
  echo "${need[*]}"
}

need=$(missing)
if [ -n "$need" ]; then
  install="apt-get install -y --no-install-recommends $need"
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    echo "npm test needs the Debian packages: $need; install them as root: apt-get update && $install" >&2
    exit 1
  fi
  echo "pretest: installing the Debian packages $need"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086 # one word per package
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $need >/dev/null; }; then
    echo "pretest: apt-get could not install $need; try: apt-get update && $install" >&2
    exit 1
  fi
  still=$(missing)
  if [ -n "$still" ]; then
    echo "pretest: still missing after apt-get install: $still" >&2
    exit 1
  fi
fi

# Debian's SoftHSM2 keeps its tokens in a directory open to root and the group softhsm only
# (unless SOFTHSM2_CONF points elsewhere).
tokens=/var/lib/softhsm/tokens
if [ "$(id -u)" != 0 ] && [ -z "${SOFTHSM2_CONF:-}" ] && ! [ -w "$tokens" ]; then
  echo "npm test needs to write SoftHSM2 tokens in $tokens: run it as root, or join the group softhsm (usermod -aG softhsm $(id -un)) and log in again" >&2
  exit 1
fi
exit 0
