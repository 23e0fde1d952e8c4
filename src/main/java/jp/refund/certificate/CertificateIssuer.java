package jp.refund.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.certificate.issuer.*}: who issues the certificates and whom to call, as
 * printed on them.
 */
@ConfigurationProperties("refund.certificate.issuer")
public record CertificateIssuer(@DefaultValue("ウォレット残高払戻事務局") String name,
                                @DefaultValue("お問い合わせ 0120-000-000（平日 9:00〜18:00）") String contact) {
}
