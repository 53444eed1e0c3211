#!/bin/sh
# Throwaway certificates for the feed-security tests, made fresh at test time in DIR:
#   ca.pem            the CA the wall is told to trust (ca_file)
#   server.pem/.key   127.0.0.1, signed by ca.pem
#   other-ca.pem      a CA that signed nothing here: the "wrong CA" case
#   client.pem/.key   a client certificate signed by ca.pem
# EC P-256 keys: each takes milliseconds, so the tests stay fast. Valid for two days.
set -eu
dir=${1:?usage: make-test-certs.sh DIR}
mkdir -p "$dir"
cd "$dir"
umask 077
new_key() { openssl ecparam -name prime256v1 -genkey -noout -out "$1" 2>/dev/null; }

new_key ca.key
openssl req -x509 -new -key ca.key -out ca.pem -days 2 -subj "/CN=TLR test CA" -sha256
new_key other-ca.key
openssl req -x509 -new -key other-ca.key -out other-ca.pem -days 2 -subj "/CN=TLR other CA" -sha256

printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
new_key server.key
openssl req -new -key server.key -out server.csr -subj "/CN=127.0.0.1"
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
    -days 2 -sha256 -extfile server.ext 2>/dev/null

printf 'extendedKeyUsage=clientAuth\n' > client.ext
new_key client.key
openssl req -new -key client.key -out client.csr -subj "/CN=tlr-wall test client"
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem \
    -days 2 -sha256 -extfile client.ext 2>/dev/null
