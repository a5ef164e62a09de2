package dev.jctl.runtime.apiserver.security;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The cluster CA and the API server's serving certificate (SANs 127.0.0.1, ::1, localhost), as PEM files under
 * {@code <dataDir>/pki}. Generated on first start and reused afterwards, so kubeconfigs written earlier keep
 * working; a serving certificate close to expiry is re-issued from the same CA.
 */
public final class TlsMaterial {
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVING_VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String caCertPem;
    private final String servingCertPem;
    private final String servingKeyPem;

    private TlsMaterial(String caCertPem, String servingCertPem, String servingKeyPem) {
        this.caCertPem = caCertPem;
        this.servingCertPem = servingCertPem;
        this.servingKeyPem = servingKeyPem;
    }

    public static TlsMaterial loadOrCreate(Path dataDir) {
        Path pki = dataDir.resolve("pki");
        Path caCrt = pki.resolve("ca.crt");
        Path caKey = pki.resolve("ca.key");
        Path crt = pki.resolve("apiserver.crt");
        Path key = pki.resolve("apiserver.key");
        try {
            Files.createDirectories(pki);
            if (!Files.exists(caCrt) || !Files.exists(caKey)) {
                KeyPair ca = newKeyPair();
                X509Certificate caCert = issueCa(ca);
                SecretFiles.write(caKey, pem(new JcaPKCS8Generator(ca.getPrivate(), null)));
                Files.writeString(caCrt, pem(caCert));
                Files.deleteIfExists(crt);
            }
            if (!Files.exists(crt) || !Files.exists(key) || expiresSoon(crt)) {
                X509Certificate caCert = readCertificate(caCrt);
                PrivateKey caPrivate = readPrivateKey(caKey);
                KeyPair serving = newKeyPair();
                SecretFiles.write(key, pem(new JcaPKCS8Generator(serving.getPrivate(), null)));
                Files.writeString(crt, pem(issueServing(serving, caCert, caPrivate)));
            }
            return new TlsMaterial(Files.readString(caCrt), Files.readString(crt), Files.readString(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create TLS material in " + pki, e);
        }
    }

    public String caCertPem() {
        return caCertPem;
    }

    public String servingCertPem() {
        return servingCertPem;
    }

    public String servingKeyPem() {
        return servingKeyPem;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate issueCa(KeyPair ca) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        X500Name name = new X500Name("CN=jctl-ca");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), name, ca.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(ca.getPublic()));
        return sign(builder.build(signer(ca.getPrivate())));
    }

    private static X509Certificate issueServing(KeyPair serving, X509Certificate caCert, PrivateKey caKey)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(SERVING_VALIDITY)),
                new X500Name("CN=jctl-apiserver"), serving.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
        return sign(builder.build(signer(caKey)));
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    private static X509Certificate sign(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** Positive and at most 20 octets, as RFC 5280 and Go's x509 parser require. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static boolean expiresSoon(Path crt) throws IOException, GeneralSecurityException {
        return readCertificate(crt).getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE));
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
            return sign((X509CertificateHolder) parser.readObject());
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            return converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) parsed);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
