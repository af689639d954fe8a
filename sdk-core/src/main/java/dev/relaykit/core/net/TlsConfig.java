package dev.relaykit.core.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;

/**
 * TLS options: which certificate authorities to trust, a client certificate for mutual TLS, and
 * certificate pins. Immutable and thread-safe; every method returns a new configuration.
 *
 * <p>Server certificates and host names are always verified. There is deliberately no way to turn
 * verification off: to talk to a server with a private or self-signed certificate, trust its CA
 * (or the certificate itself) with {@link #trustPemCertificates(Path)}.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.defaults()
 *     .trustPemCertificates(Path.of("/etc/bot/private-ca.pem"))          // trust only this CA
 *     .clientCertificatePem(Path.of("client.crt"), Path.of("client.key")) // mutual TLS
 *     .pin("api.example.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
 * WsSession session = WsSession.builder("wss://api.example.com/ws").tls(tls).build();
 * }</pre>
 *
 * <p>Trust: {@link #trustPemCertificates(Path)} <em>replaces</em> the system's trusted CAs (use it
 * for a private CA: a public CA can then no longer vouch for your server);
 * {@link #alsoTrustPemCertificates(Path)} <em>adds</em> to them. Files are read when the method is
 * called, so a bad file fails there, with its name in the message.
 */
public final class TlsConfig {
    private static final Pattern CERTIFICATE_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
    private static final Pattern KEY_BLOCK =
            Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final char[] INTERNAL_PASSWORD = "relaykit".toCharArray(); // in-memory key store only
    private static final TlsConfig DEFAULTS = new TlsConfig(List.of(), false, null, null, List.of());

    private final List<X509Certificate> trusted;
    private final boolean includeSystemTrust;
    private final PrivateKey clientKey;
    private final List<X509Certificate> clientChain;
    private final List<String[]> pins;

    private final Object lock = new Object();
    private volatile Applied applied; // built on first applyTo, then shared; guarded by lock for writing

    /** What {@link #applyTo} sets; {@code null} parts are left as the builder has them. */
    private record Applied(SSLSocketFactory socketFactory, X509TrustManager trustManager, CertificatePinner pinner) {
    }

    private TlsConfig(List<X509Certificate> trusted, boolean includeSystemTrust, PrivateKey clientKey,
            List<X509Certificate> clientChain, List<String[]> pins) {
        this.trusted = List.copyOf(trusted);
        this.includeSystemTrust = includeSystemTrust;
        this.clientKey = clientKey;
        this.clientChain = clientChain == null ? null : List.copyOf(clientChain);
        this.pins = List.copyOf(pins);
    }

    /**
     * The JVM's defaults: the system's trusted CAs, no client certificate, no pins.
     *
     * @return the default configuration
     */
    public static TlsConfig defaults() {
        return DEFAULTS;
    }

    // ------------------------------------------------------------------ trust

    /**
     * Trusts only the CA certificates in this PEM file, replacing the system's trusted CAs.
     *
     * @param pemFile one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return a new configuration
     * @throws IllegalArgumentException if the file holds no certificate or a malformed one
     * @throws UncheckedIOException if the file cannot be read
     */
    public TlsConfig trustPemCertificates(Path pemFile) {
        return withTrust(parseCertificates(read(pemFile), pemFile.toString()), false);
    }

    /**
     * Trusts only the CA certificates in this PEM text, replacing the system's trusted CAs.
     *
     * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return a new configuration
     * @throws IllegalArgumentException if the text holds no certificate or a malformed one
     */
    public TlsConfig trustPemCertificates(String pem) {
        return withTrust(parseCertificates(Objects.requireNonNull(pem, "pem"), "PEM text"), false);
    }

    /**
     * Trusts the CA certificates in this PEM file in addition to the system's trusted CAs.
     *
     * @param pemFile one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return a new configuration
     * @throws IllegalArgumentException if the file holds no certificate or a malformed one
     * @throws UncheckedIOException if the file cannot be read
     */
    public TlsConfig alsoTrustPemCertificates(Path pemFile) {
        return withTrust(parseCertificates(read(pemFile), pemFile.toString()), true);
    }

    /**
     * Trusts the CA certificates in this PEM text in addition to the system's trusted CAs.
     *
     * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return a new configuration
     * @throws IllegalArgumentException if the text holds no certificate or a malformed one
     */
    public TlsConfig alsoTrustPemCertificates(String pem) {
        return withTrust(parseCertificates(Objects.requireNonNull(pem, "pem"), "PEM text"), true);
    }

    private TlsConfig withTrust(List<X509Certificate> certificates, boolean addToSystem) {
        return new TlsConfig(certificates, addToSystem, clientKey, clientChain, pins);
    }

    // ------------------------------------------------------------------ client certificate

    /**
     * Presents the client certificate and private key from a PKCS#12 file ({@code .p12}/{@code .pfx})
     * when the server asks for one. The first key entry is used.
     *
     * @param pkcs12File the key store file
     * @param password its password (used for the store and the key)
     * @return a new configuration
     * @throws IllegalArgumentException if the password is wrong, the file is not PKCS#12, or it holds no key
     * @throws UncheckedIOException if the file cannot be read
     */
    public TlsConfig clientCertificatePkcs12(Path pkcs12File, char[] password) {
        Objects.requireNonNull(password, "password");
        String name = pkcs12File.toString();
        byte[] bytes = readBytes(pkcs12File);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                store.load(in, password);
            }
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key instanceof PrivateKey pk && chain != null && chain.length > 0) {
                        List<X509Certificate> x509 = new ArrayList<>();
                        for (Certificate c : chain) {
                            x509.add((X509Certificate) c);
                        }
                        return new TlsConfig(trusted, includeSystemTrust, pk, x509, pins);
                    }
                }
            }
            throw new IllegalArgumentException("client certificate file " + name
                    + ": no private key with a certificate chain in this PKCS#12 file");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("client certificate file " + name + ": wrong password", e);
            }
            throw new IllegalArgumentException("client certificate file " + name
                    + ": wrong password or not a PKCS#12 file (" + e.getMessage() + ")", e);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("client certificate file " + name + ": wrong password for the key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("client certificate file " + name + ": cannot read it (" + e + ")", e);
        }
    }

    /**
     * Presents a client certificate given as PEM files when the server asks for one.
     *
     * @param certificateChainFile the client certificate first, then any intermediates
     *     ({@code -----BEGIN CERTIFICATE-----} blocks)
     * @param privateKeyFile the matching unencrypted PKCS#8 private key, RSA or EC
     *     ({@code -----BEGIN PRIVATE KEY-----}; convert others with
     *     {@code openssl pkcs8 -topk8 -nocrypt -in key.pem})
     * @return a new configuration
     * @throws IllegalArgumentException if either file is malformed or the key is not RSA/EC PKCS#8
     * @throws UncheckedIOException if a file cannot be read
     */
    public TlsConfig clientCertificatePem(Path certificateChainFile, Path privateKeyFile) {
        List<X509Certificate> chain = parseCertificates(read(certificateChainFile), certificateChainFile.toString());
        PrivateKey key = parsePrivateKey(read(privateKeyFile), privateKeyFile.toString());
        return new TlsConfig(trusted, includeSystemTrust, key, chain, pins);
    }

    /**
     * Presents a client certificate given as PEM text. See {@link #clientCertificatePem(Path, Path)}.
     *
     * @param certificateChainPem the client certificate first, then any intermediates
     * @param privateKeyPem the matching unencrypted PKCS#8 private key, RSA or EC
     * @return a new configuration
     * @throws IllegalArgumentException if either is malformed
     */
    public TlsConfig clientCertificatePem(String certificateChainPem, String privateKeyPem) {
        List<X509Certificate> chain = parseCertificates(Objects.requireNonNull(certificateChainPem,
                "certificateChainPem"), "certificate PEM text");
        PrivateKey key = parsePrivateKey(Objects.requireNonNull(privateKeyPem, "privateKeyPem"), "private key PEM text");
        return new TlsConfig(trusted, includeSystemTrust, key, chain, pins);
    }

    // ------------------------------------------------------------------ pinning

    /**
     * Pins a host's certificate chain: a connection to {@code hostPattern} fails unless some
     * certificate in its verified chain has one of the given public-key hashes. Pinning comes on top
     * of normal verification, never instead of it. See OkHttp's {@link CertificatePinner} for the
     * pattern and pin syntax.
     *
     * @param hostPattern a host name, {@code *.example.com} or {@code **.example.com}
     * @param pins {@code sha256/BASE64} (or {@code sha1/BASE64}) hashes of SubjectPublicKeyInfo
     * @return a new configuration
     * @throws IllegalArgumentException if a pin or the pattern is malformed
     */
    public TlsConfig pin(String hostPattern, String... pins) {
        Objects.requireNonNull(hostPattern, "hostPattern");
        if (pins.length == 0) {
            throw new IllegalArgumentException("pin(" + hostPattern + ") needs at least one pin");
        }
        List<String[]> all = new ArrayList<>(this.pins);
        for (String p : pins) {
            new CertificatePinner.Builder().add(hostPattern, p); // validates now, not at connect time
            all.add(new String[] {hostPattern, p});
        }
        return new TlsConfig(trusted, includeSystemTrust, clientKey, clientChain, all);
    }

    // ------------------------------------------------------------------ applying

    /**
     * Sets this configuration's {@link SSLContext} socket factory and trust manager (and the
     * certificate pins, if any) on the builder. With {@link #defaults()} the builder is left as is.
     *
     * <p>They are built on the first call and reused by every later one, so clients derived from one
     * configuration share OkHttp's pooled connections (OkHttp reuses a connection only for the same
     * socket factory instance).
     *
     * @param builder the builder to adjust
     * @return the same builder
     * @throws IllegalStateException if the JDK cannot build the TLS context (should not happen)
     */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        Applied a = applied();
        if (a.socketFactory != null) {
            builder.sslSocketFactory(a.socketFactory, a.trustManager);
        }
        if (a.pinner != null) {
            builder.certificatePinner(a.pinner);
        }
        return builder;
    }

    private Applied applied() {
        Applied a = applied;
        if (a == null) {
            synchronized (lock) {
                a = applied;
                if (a == null) {
                    a = build();
                    applied = a;
                }
            }
        }
        return a;
    }

    private Applied build() {
        SSLSocketFactory socketFactory = null;
        X509TrustManager trustManager = null;
        if (!trusted.isEmpty() || clientKey != null) {
            try {
                trustManager = trustManager();
                KeyManager[] keyManagers = null;
                if (clientKey != null) {
                    KeyStore keys = emptyKeyStore();
                    keys.setKeyEntry("client", clientKey, INTERNAL_PASSWORD, clientChain.toArray(new Certificate[0]));
                    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    kmf.init(keys, INTERNAL_PASSWORD);
                    keyManagers = kmf.getKeyManagers();
                }
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers, new TrustManager[] {trustManager}, null);
                socketFactory = context.getSocketFactory();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build the TLS context: " + e, e);
            }
        }
        CertificatePinner pinner = null;
        if (!pins.isEmpty()) {
            CertificatePinner.Builder b = new CertificatePinner.Builder();
            pins.forEach(p -> b.add(p[0], p[1]));
            pinner = b.build();
        }
        return new Applied(socketFactory, trustManager, pinner);
    }

    private X509TrustManager trustManager() throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trusted.isEmpty()) {
            tmf.init((KeyStore) null);
        } else {
            List<X509Certificate> all = new ArrayList<>(trusted);
            if (includeSystemTrust) {
                all.addAll(List.of(x509(systemTrust()).getAcceptedIssuers()));
            }
            KeyStore store = emptyKeyStore();
            for (int i = 0; i < all.size(); i++) {
                store.setCertificateEntry("ca-" + i, all.get(i));
            }
            tmf.init(store);
        }
        return x509(tmf);
    }

    private static TrustManagerFactory systemTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return tmf;
    }

    private static X509TrustManager x509(TrustManagerFactory tmf) {
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the JDK offers no X509TrustManager");
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    // ------------------------------------------------------------------ parsing

    private static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.US_ASCII);
    }

    private static byte[] readBytes(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    private static List<X509Certificate> parseCertificates(String pem, String source) {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = CERTIFICATE_BLOCK.matcher(pem);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = base64(m.group(1), source, "certificate " + (out.size() + 1));
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(source + ": certificate " + (out.size() + 1) + " is malformed ("
                    + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no PEM certificate found (expected "
                    + "-----BEGIN CERTIFICATE----- blocks)");
        }
        return Collections.unmodifiableList(out);
    }

    private static PrivateKey parsePrivateKey(String pem, String source) {
        Matcher m = KEY_BLOCK.matcher(pem);
        if (!m.find()) {
            String found = pem.contains("-----BEGIN RSA PRIVATE KEY-----") ? "a PKCS#1 RSA key"
                    : pem.contains("-----BEGIN EC PRIVATE KEY-----") ? "a SEC1 EC key"
                    : pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") ? "an encrypted key"
                    : "no private key";
            throw new IllegalArgumentException(source + ": found " + found + "; expected an unencrypted PKCS#8 "
                    + "-----BEGIN PRIVATE KEY----- block (convert with: openssl pkcs8 -topk8 -nocrypt -in "
                    + "<key file>)");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(base64(m.group(1), source, "private key"));
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(source + ": the private key is neither an RSA nor an EC PKCS#8 key");
    }

    private static byte[] base64(String body, String source, String what) {
        try {
            return Base64.getMimeDecoder().decode(body.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + what + " is not valid base64", e);
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[trust=" + (trusted.isEmpty() ? "system" : (includeSystemTrust ? "system+" : "only ")
                + trusted.size() + " CA(s)") + ", clientCertificate=" + (clientChain == null ? "none"
                : clientChain.get(0).getSubjectX500Principal().getName()) + ", pins=" + pins.size() + "]";
    }
}
