package jp.refund.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.mock.env.MockEnvironment;

class NightSettingsTest {

    @Test
    void everyRefundSettingInForceSortedWithoutSecretsOrSettingsThatChangeNoOutput(@TempDir Path night)
            throws Exception {
        // given application.properties-like defaults and a command line that overrides one of them
        MockEnvironment environment = new MockEnvironment()
                .withProperty("refund.originator.code", "1234567890")
                .withProperty("refund.originator.name-kana", "ﾍﾝｷﾝｼﾞﾑｷﾖｸ")
                .withProperty("refund.certificate.validity-months", "6")
                .withProperty("refund.application-window.start", "2019-10-01T00:00:00+09:00")
                .withProperty("refund.certificate.issuer.name", "${issuer}")
                .withProperty("issuer", "払戻事務局")
                .withProperty("refund.notices.smtp-password", "hunter2")
                .withProperty("refund.api.token", "abc")
                .withProperty("refund.signing.private-key", "k")
                .withProperty("refund.vault.secret-id", "s")
                .withProperty("refund.claims.chunk-size", "1000")
                .withProperty("refund.ingest.chunk-size", "1000")
                .withProperty("refund.certificate.threads", "4")
                .withProperty("refund.crash-test.halt-at", "publish")
                .withProperty("refund.status.lockout", "15m")
                .withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                "--refund.originator.code=9999999999", "--refund.schedule.bank-lead-days=3"));
        ConfigurationPropertySources.attach(environment);

        // when the night writes its settings
        new NightSettings(environment).write(night);

        // then: refund.* only, sorted, the command line's value, placeholders resolved, nothing secret
        assertThat(Files.readString(night.resolve(NightSettings.FILE))).isEqualTo("""
                property,value
                refund.application-window.start,2019-10-01T00:00:00+09:00
                refund.certificate.issuer.name,払戻事務局
                refund.certificate.validity-months,6
                refund.originator.code,9999999999
                refund.originator.name-kana,ﾍﾝｷﾝｼﾞﾑｷﾖｸ
                refund.schedule.bank-lead-days,3
                """);
    }

    @Test
    void whatIsRecordedAndWhatIsNot() {
        assertThat(NightSettings.recorded("refund.originator.account-number")).isTrue();
        assertThat(NightSettings.recorded("refund.feeds.members.charset")).isTrue();
        for (String name : new String[]{"refund.mail.password", "refund.api-key", "refund.x.Token",
                "refund.signing.secret", "refund.bank.credentials", "refund.ingest.chunk-size",
                "refund.certificate.threads", "refund.crash-test.halt-at", "refund.status.lookups-per-minute",
                "refund.partition.count", "refund.partition.threads", "refund.notices.threads",
                "refund.notices.member-lookup"}) {
            assertThat(NightSettings.recorded(name)).as(name).isFalse();
        }
    }
}
