package jp.refund.notice;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.refund.certificate.CertificateIssuer;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A notice's text: Japanese, then English below, from its kind's template
 * ({@code src/main/resources/notices/<kind>.txt}, Thymeleaf text mode). The template sees the
 * notice's fields by name ({@code amount_yen}, {@code destination} ...), plus {@code claim_no},
 * {@code notice_id}, {@code amount} (the yen with separators), {@code codes} (the
 * {@code ;}-separated flags or reasons as a list) and the issuer's name and help desk.
 */
@Component
public class NoticeTexts {

    private final SpringTemplateEngine engine = new SpringTemplateEngine(); // SpEL, as the web pages
    private final CertificateIssuer issuer;

    NoticeTexts(CertificateIssuer issuer) {
        this.issuer = issuer;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(NoticeTexts.class.getClassLoader());
        resolver.setPrefix("notices/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The subject line of the e-mail (both languages). */
    public String subject(Notice notice) {
        return switch (notice.kind()) {
            case BALANCE -> "【残高のお知らせ】Your refundable balance";
            case DEFICIENCY -> "【ご確認のお願い】What we still need from you";
            case REJECTION -> "【お申し込みについて】About your refund application";
            case PAYOUT -> "【お支払いのお知らせ】Your refund is on its way";
            case RETURNED -> "【振込不能のお知らせ】Your transfer came back";
            case CONFIRMATION_REMINDER -> "【ご確認期限のお知らせ】Please confirm your refund";
            case CERTIFICATE_EXPIRY_REMINDER -> "【払出証書の有効期限】Your payout certificate expires soon";
            case APPLY_AGAIN -> "【再度のお申し込みについて】You can apply again";
        } + " (" + notice.claimNo() + ")";
    }

    public String render(Notice notice) {
        Context context = new Context(Locale.JAPAN);
        Map<String, String> fields = notice.fields(); // parsed from the stored JSON: once
        for (Map.Entry<String, String> f : fields.entrySet()) {
            context.setVariable(f.getKey(), f.getValue());
        }
        context.setVariable("claim_no", notice.claimNo());
        context.setVariable("notice_id", notice.noticeId());
        String yen = fields.get("amount_yen");
        context.setVariable("amount", yen == null ? "" : NumberFormat.getIntegerInstance(Locale.JAPAN)
                .format(Long.parseLong(yen)));
        String codes = fields.getOrDefault("flags", fields.getOrDefault("reasons", fields.getOrDefault("reason", "")));
        context.setVariable("codes", codes.isEmpty() ? List.of() : Arrays.asList(codes.split(";")));
        context.setVariable("issuer", issuer.name());
        context.setVariable("help_desk", issuer.contact());
        return engine.process(notice.kind().template(), context);
    }
}
