package jp.refund.staff;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A software authenticator for tests: one ES256 (P-256) passkey, made and used as a browser's
 * authenticator would, by the bytes of the WebAuthn specification: the attestation object
 * ("none" attestation, CBOR) for a registration, the signed authenticator data for an
 * assertion, each with the client data a browser would send from {@code origin}.
 */
final class SoftwarePasskey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int AT = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private final String rpId;
    private final String origin;
    private int counter;
    private String userHandle;

    SoftwarePasskey(String rpId, String origin) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.keys = generator.generateKeyPair();
        new SecureRandom().nextBytes(credentialId);
        this.rpId = rpId;
        this.origin = origin;
    }

    /** The body of {@code POST /webauthn/register} for the options' challenge and user id (base64url). */
    String register(String challenge, String userId, String label) throws GeneralSecurityException {
        this.userHandle = userId;
        byte[] clientData = clientData("webauthn.create", challenge);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.US_ASCII)));
        authData.write(UP | UV | AT);
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Cbor attestation = new Cbor().map(3)
                .text("fmt").text("none")
                .text("attStmt").map(0)
                .text("authData").bytes(authData.toByteArray());
        String id = B64URL.encodeToString(credentialId);
        return """
                {"publicKey": {"credential": {"id": "%s", "rawId": "%s", "type": "public-key",
                  "response": {"attestationObject": "%s", "clientDataJSON": "%s", "transports": ["internal"]},
                  "clientExtensionResults": {}, "authenticatorAttachment": "platform"},
                 "label": "%s"}}""".formatted(id, id, B64URL.encodeToString(attestation.toByteArray()),
                B64URL.encodeToString(clientData), label);
    }

    /** The body of {@code POST /login/webauthn} for the options' challenge (base64url). */
    String assertion(String challenge) throws GeneralSecurityException {
        counter++;
        byte[] clientData = clientData("webauthn.get", challenge);
        ByteBuffer authData = ByteBuffer.allocate(37);
        authData.put(sha256(rpId.getBytes(StandardCharsets.US_ASCII))).put((byte) (UP | UV)).putInt(counter);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(authData.array());
        signer.update(sha256(clientData));
        String id = B64URL.encodeToString(credentialId);
        return """
                {"id": "%s", "rawId": "%s", "type": "public-key",
                 "response": {"authenticatorData": "%s", "clientDataJSON": "%s", "signature": "%s", "userHandle": "%s"},
                 "clientExtensionResults": {}, "authenticatorAttachment": "platform"}""".formatted(id, id,
                B64URL.encodeToString(authData.array()), B64URL.encodeToString(clientData),
                B64URL.encodeToString(signer.sign()), userHandle);
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as a COSE_Key: EC2, ES256, P-256, x, y. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        return new Cbor().map(5)
                .integer(1).integer(2)
                .integer(3).integer(-7)
                .integer(-1).integer(1)
                .integer(-2).bytes(unsigned32(key.getW().getAffineX()))
                .integer(-3).bytes(unsigned32(key.getW().getAffineY()))
                .toByteArray();
    }

    private static byte[] unsigned32(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    /** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Cbor head(int major, long n) {
            if (n < 24) {
                out.write(major << 5 | (int) n);
            } else if (n < 256) {
                out.write(major << 5 | 24);
                out.write((int) n);
            } else {
                out.write(major << 5 | 25);
                out.write((int) (n >> 8));
                out.write((int) n & 0xff);
            }
            return this;
        }

        Cbor integer(long n) {
            return n >= 0 ? head(0, n) : head(1, -1 - n);
        }

        Cbor bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(3, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor map(int pairs) {
            return head(5, pairs);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(out.toByteArray(), out.size());
        }
    }
}
