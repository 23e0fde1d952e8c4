package jp.refund.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import jp.refund.shared.CsvOutput;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * {@code reports/night-settings.csv}: the {@code refund.*} settings a night ran with
 * ({@code property,value}, sorted by property), so that {@code verify} checks a night against
 * its own settings, never against today's.
 *
 * <p>A setting is every {@code refund.*} property of Spring's environment, whichever source
 * gave it (application.properties, command line, system property, environment variable), by
 * its canonical name ({@code refund.originator.name-kana}), with the value that wins. Left out:
 * <ul>
 *   <li>secrets: a name containing password, secret, key, token or credential (a whole-name,
 *       case-insensitive match: over-cautious by design; none of today's settings has one);</li>
 *   <li>settings that by construction change no byte of a night's files, so that a night's
 *       outputs stay the same whatever they are: chunk sizes ({@code *.chunk-size}), the
 *       certificate and notice threads, how notices find the members ({@code refund.notices.member-lookup}),
 *       the crash test's seam ({@code refund.crash-test.*}), how a night is
 *       partitioned ({@code refund.partition.*}: the same bytes for any count, issue 20);</li>
 *   <li>the support service's settings ({@code refund.status.*}): not the night's.</li>
 * </ul>
 */
@Component
public class NightSettings {

    public static final String FILE = "reports/night-settings.csv";
    static final String[] HEADER = {"property", "value"};
    private static final ConfigurationPropertyName REFUND = ConfigurationPropertyName.of("refund");
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "key", "token", "credential");

    private final ConfigurableEnvironment environment;

    NightSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** Whether a setting goes on record (see the class comment). */
    static boolean recorded(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.stream().anyMatch(lower::contains)) {
            return false;
        }
        return !lower.endsWith(".chunk-size") && !lower.equals("refund.certificate.threads")
                && !lower.equals("refund.notices.threads") && !lower.equals("refund.notices.member-lookup")
                && !lower.startsWith("refund.crash-test.") && !lower.startsWith("refund.status.")
                && !lower.startsWith("refund.partition.");
    }

    /** The settings in force, sorted by property. */
    public SortedMap<String, String> inForce() {
        SortedMap<String, String> settings = new TreeMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(REFUND::isAncestorOf).forEach(name -> {
                String key = name.toString();
                if (recorded(key) && !settings.containsKey(key)) { // sources come highest priority first
                    ConfigurationProperty property = source.getConfigurationProperty(name);
                    Object value = property == null ? null : property.getValue();
                    settings.put(key, value == null ? "" : environment.resolvePlaceholders(value.toString()));
                }
            });
        }
        return settings;
    }

    /** Writes {@code reports/night-settings.csv} into the night's (staging) folder. */
    public void write(Path nightFolder) {
        SortedMap<String, String> settings = inForce();
        CsvOutput.write(nightFolder.resolve(FILE), HEADER,
                out -> settings.forEach((property, value) -> out.accept(new String[]{property, value})));
    }

    /** What a night recorded, or empty when its folder has no settings file (a night written before they were). */
    public static Optional<List<String[]>> read(Path nightFolder) {
        Path file = nightFolder.resolve(FILE);
        return Files.exists(file) ? Optional.of(NightFiles.csvRows(file)) : Optional.empty();
    }
}
