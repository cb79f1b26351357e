package org.medgemmahub.security;

/** Whether a TLS listener asks its peers for a certificate: not at all, optionally, or as a condition of connecting. */
public enum ClientAuth {
    NONE, WANT, NEED
}
