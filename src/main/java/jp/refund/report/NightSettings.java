package jp.refund.report;

import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.refund.shared.CsvOutput;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code reports/night-settings.csv}: the {@code refund.*} settings a night ran with
 * ({@code property,value}, sorted by property), so that {@code verify} checks a night against
 * its own settings, never against today's (SPEC section 10).
 *
 * <p>A setting is what the night's code reads, as bound (issue 37): every property of every
 * {@code @ConfigurationProperties} bean with a {@code refund} prefix, defaults included (a
 * default that lives in code is as much in force as one in application.properties), by its
 * canonical name ({@code refund.originator.name-kana}); and the few {@code refund.*} settings read
 * with {@code @Value} ({@link #VALUE_SETTINGS}), with the default the code gives them. Left out:
 * <ul>
 *   <li>secrets: a name containing password, secret, key, token or credential (a whole-name,
 *       case-insensitive match: over-cautious by design; none of today's settings has one);</li>
 *   <li>settings that by construction change no byte of a night's files, so that a night's
 *       outputs stay the same whatever they are: chunk sizes ({@code *.chunk-size}), the
 *       certificate and notice threads, how notices find the members ({@code refund.notices.member-lookup}),
 *       the crash test's seam ({@code refund.crash-test.*}), how a night is
 *       partitioned ({@code refund.partition.*}: the same bytes for any count, issue 20), whether
 *       the free disk space is checked before a night ({@code refund.night.check-free-space});</li>
 *   <li>settings that are not the night's: the support service ({@code refund.status.*}), staff
 *       sign-in ({@code refund.staff.*}) and where the embedded database lives
 *       ({@code refund.database.*}).</li>
 * </ul>
 * A property no code reads (a misspelt name) is not a setting in force and is not recorded.
 */
@Component
public class NightSettings {

    public static final String FILE = "reports/night-settings.csv";
    static final String[] HEADER = {"property", "value"};
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "key", "token", "credential");
    /** Settings of other commands than the night, whatever their class. */
    private static final List<String> NOT_THE_NIGHTS = List.of("refund.staff.", "refund.database.");

    /**
     * The {@code refund.*} settings the night's code reads with {@code @Value} rather than from a
     * properties class, with the default it gives them ({@code ${name:default}}). NightSettingsTest
     * finds every such {@code @Value} in the code and fails for one missing here.
     */
    public static final Map<String, String> VALUE_SETTINGS = Map.of(
            "refund.certificate.grace-days", "0",
            "refund.certificate.reminder-days", "30");

    private final ConfigurableEnvironment environment;
    private final ListableBeanFactory beans;

    NightSettings(ConfigurableEnvironment environment, ListableBeanFactory beans) {
        this.environment = environment;
        this.beans = beans;
    }

    /**
     * Whether a setting may stand in a night's file: no secret, nothing that changes no output,
     * nothing of the support service. {@code verify} holds a recorded file to this rule (nights
     * recorded before issue 37 may also hold {@code refund.staff.*} or {@code refund.database.*}).
     */
    static boolean recordable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.stream().anyMatch(lower::contains)) {
            return false;
        }
        return !lower.endsWith(".chunk-size") && !lower.equals("refund.certificate.threads")
                && !lower.equals("refund.notices.threads") && !lower.equals("refund.notices.member-lookup")
                && !lower.startsWith("refund.crash-test.") && !lower.startsWith("refund.status.")
                && !lower.startsWith("refund.partition.") && !lower.equals("refund.night.check-free-space");
    }

    /** Whether a setting goes on record (see the class comment). */
    static boolean recorded(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return recordable(name) && NOT_THE_NIGHTS.stream().noneMatch(lower::startsWith);
    }

    /** The settings in force, sorted by property. */
    public SortedMap<String, String> inForce() {
        SortedMap<String, String> settings = new TreeMap<>();
        for (String bean : beans.getBeanNamesForAnnotation(ConfigurationProperties.class)) {
            ConfigurationProperties properties = beans.findAnnotationOnBean(bean, ConfigurationProperties.class);
            String prefix = properties == null ? "" : properties.prefix().isEmpty() ? properties.value()
                    : properties.prefix();
            if (prefix.equals("refund") || prefix.startsWith("refund.")) {
                flatten(prefix, beans.getBean(bean), settings);
            }
        }
        VALUE_SETTINGS.forEach((name, fallback) -> settings.put(name, environment.getProperty(name, fallback)));
        settings.keySet().removeIf(name -> !recorded(name));
        return settings;
    }

    /** The leaves of a bound value by their property names: records by component, maps by key. */
    private static void flatten(String name, Object value, Map<String, String> settings) {
        if (value == null) {
            return; // not given, and no default: not in force
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object part;
                try {
                    component.getAccessor().setAccessible(true);
                    part = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + name + "." + component.getName(), e);
                }
                flatten(name + "." + kebab(component.getName()), part, settings);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, part) -> flatten(name + "." + key, part, settings));
        } else if (value instanceof Collection<?> values) {
            settings.put(name, values.stream().map(NightSettings::text).collect(Collectors.joining(",")));
        } else {
            settings.put(name, text(value));
        }
    }

    /** A value as a setting would give it, so that binding the text gives the value again. */
    private static String text(Object value) {
        if (value instanceof OffsetDateTime at) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
        }
        if (value instanceof Charset charset) {
            return charset.name();
        }
        if (value instanceof ClassPathResource resource) {
            return "classpath:" + resource.getPath();
        }
        if (value instanceof Resource resource) {
            try {
                return resource.getURL().toString();
            } catch (java.io.IOException e) {
                return resource.getDescription();
            }
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    /** {@code maxRejectRatio} → {@code max-reject-ratio}: the canonical form of a component's property name. */
    static String kebab(String javaName) {
        StringBuilder name = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
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
