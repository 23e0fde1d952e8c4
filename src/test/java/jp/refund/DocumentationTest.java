package jp.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.refund.cli.RefundBatchCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import picocli.CommandLine;

/**
 * The README and every page under {@code docs/} against the program, so that the documentation
 * cannot rot silently:
 * <ul>
 *   <li>every command line shown ({@code java [-X...] -jar target/refund-batch.jar COMMAND ...},
 *       or with {@code $JAR}), in a fenced block or an inline code span, is parsed by the
 *       program's own command line parser ({@link RefundBatchCommand#parse}); a usage line's
 *       {@code [optional]} parts are all given, each {@code a|b} alternative is tried, and a
 *       placeholder such as {@code YYYY-MM-DD} or {@code N} becomes a sample value;</li>
 *   <li>every {@code refund.*} setting the documentation names exists: bound by a
 *       {@code @ConfigurationProperties} record, read by {@code @Value("${refund...}")} or
 *       {@code @ConditionalOnProperty} in main code, or set in {@code application.properties};</li>
 *   <li>every such setting is named somewhere in the documentation, by its full name;</li>
 *   <li>every link between the pages leads to a file and, with {@code #anchor}, to a heading.</li>
 * </ul>
 * Failures name the file and line.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** Placeholders of usage lines and the sample values they are parsed with. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("YYYY-MM-DD", "2019-10-01", "D", "2019-10-01",
            "N", "1", "S", "1", "K", "1", "X", "0.5", "DAYS", "1");

    /** Names that look like settings but are not (each with why). */
    private static final Set<String> NOT_SETTINGS = Set.of(
            "refund.partition-requests"); // the JMS queue's default name, a value of refund.partition.remote.queue

    private static final Pattern SETTING = Pattern.compile(
            "(?<![\\w.@/$-])refund\\.[a-z0-9*<>_-]+(?:\\.[a-z0-9*<>_-]+)*");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SHELL_OPERATOR = Pattern.compile("&&|\\|\\||;|\\||&|>|>>|2>|2>&1|<");

    /** One line of a page: where it is and what it says (continuation lines joined). */
    record DocLine(Path file, int number, String text, boolean fenced) {
        String where() {
            return ROOT.relativize(file) + ":" + number;
        }
    }

    @Test
    void everyDocumentedCommandLineParsesWithTheRealCommandLine() {
        Set<String> failures = new LinkedHashSet<>();
        int parsed = 0;
        for (DocLine line : lines()) {
            List<String> texts = line.fenced() ? List.of(line.text()) : inlineCode(line.text());
            for (String text : texts) {
                for (List<String> invocation : invocations(text)) {
                    for (List<String> args : variants(invocation)) {
                        parsed++;
                        try {
                            RefundBatchCommand.parse(args.toArray(String[]::new));
                        } catch (CommandLine.ParameterException e) {
                            failures.add(line.where() + ": `" + String.join(" ", invocation) + "`: " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertThat(failures).as("documented command lines the program refuses").isEmpty();
        assertThat(parsed).as("command lines found in the documentation").isGreaterThan(20);
    }

    @Test
    void everySettingTheDocumentationNamesExists() {
        Set<String> known = settingsTheCodeReads();
        List<String> failures = new ArrayList<>();
        for (DocLine line : lines()) {
            for (String name : settingsNamed(line.text())) {
                if (!exists(name, known)) {
                    failures.add(line.where() + ": " + name + " is not a setting of the program");
                }
            }
        }
        assertThat(failures).as("settings named in the documentation that the code does not read").isEmpty();
    }

    @Test
    void everySettingTheCodeReadsIsDocumented() {
        Set<String> documented = new TreeSet<>();
        lines().forEach(line -> documented.addAll(settingsNamed(line.text())));
        Set<String> known = settingsTheCodeReads();
        assertThat(known).as("settings found in main code").hasSizeGreaterThan(40);
        List<String> undocumented = known.stream().filter(k -> documented.stream().noneMatch(d -> names(k, d)))
                .toList();
        assertThat(undocumented).as("settings the code reads that neither the README nor docs/ name").isEmpty();
    }

    @Test
    void everyLinkBetweenThePagesLeadsSomewhere() {
        List<String> failures = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (DocLine line : lines()) {
            if (line.fenced()) {
                continue;
            }
            Matcher link = LINK.matcher(line.text().replaceAll("`[^`]*`", ""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path file = path.isEmpty() ? line.file() : line.file().getParent().resolve(path).normalize();
                if (!Files.exists(file)) {
                    failures.add(line.where() + ": " + target + ": no such file");
                } else if (hash >= 0 && !anchors.computeIfAbsent(file, DocumentationTest::headingAnchors)
                        .contains(target.substring(hash + 1))) {
                    failures.add(line.where() + ": " + target + ": no such heading in " + ROOT.relativize(file));
                }
            }
        }
        assertThat(failures).as("links between the pages").isEmpty();
    }

    // ------------------------------------------------------------------ the pages

    static List<Path> pages() {
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            List<Path> pages = new ArrayList<>();
            pages.add(ROOT.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DocLine> lines() {
        List<DocLine> lines = new ArrayList<>();
        for (Path page : pages()) {
            List<String> text = read(page);
            boolean fenced = false;
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                int first = i;
                StringBuilder joined = new StringBuilder(line);
                while (fenced && joined.toString().endsWith("\\") && i + 1 < text.size()) {
                    joined.setLength(joined.length() - 1);
                    joined.append(' ').append(text.get(++i).strip());
                }
                lines.add(new DocLine(page, first + 1, joined.toString(), fenced));
            }
        }
        return lines;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> inlineCode(String text) {
        List<String> spans = new ArrayList<>();
        Matcher code = INLINE_CODE.matcher(text);
        while (code.find()) {
            spans.add(code.group(1));
        }
        return spans;
    }

    // ------------------------------------------------------------------ command lines

    /** The arguments after the jar of every {@code java ... -jar <the jar>} in a shell line. */
    static List<List<String>> invocations(String shell) {
        List<String> tokens = shellWords(shell);
        List<List<String>> invocations = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals("java")) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).startsWith("-") && !tokens.get(j).equals("-jar")) {
                j++;
            }
            if (j + 1 >= tokens.size() || !tokens.get(j).equals("-jar") || !isOurJar(tokens.get(j + 1))) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (j += 2; j < tokens.size() && !SHELL_OPERATOR.matcher(tokens.get(j)).matches(); j++) {
                args.add(tokens.get(j));
            }
            invocations.add(args);
            i = j;
        }
        return invocations;
    }

    private static boolean isOurJar(String jar) {
        return jar.endsWith("refund-batch.jar") || jar.matches("\\$\\{?[A-Z_]*JAR\\}?");
    }

    /** Words as a shell splits them: quotes removed, a comment cut, operators on their own. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ((c == ';' || c == '&' || c == '|') && !inWord) {
                String operator = line.startsWith("&&", i) || line.startsWith("||", i) ? line.substring(i, i + 2)
                        : String.valueOf(c);
                words.add(operator);
                i += operator.length() - 1;
            } else if (c == ';' && inWord) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
                words.add(";");
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The argument lists a usage line stands for: {@code [optional]} parts given, every
     * alternative of {@code a|b} tried once, {@code ...} dropped, placeholders replaced.
     */
    static List<List<String>> variants(List<String> usage) {
        List<List<String>> alternatives = new ArrayList<>();
        int count = 1;
        for (String token : usage) {
            String word = token.replace("[", "").replace("]", "");
            if (word.isEmpty() || word.equals("...")) {
                continue;
            }
            List<String> choices = new ArrayList<>();
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0 && word.indexOf('|') > eq) {
                for (String value : word.substring(eq + 1).split("\\|")) {
                    choices.add(word.substring(0, eq + 1) + sample(value));
                }
            } else if (word.startsWith("--") && word.contains("|")) {
                for (String option : word.split("\\|")) {
                    choices.add(withSampleValue(option));
                }
            } else {
                choices.add(withSampleValue(word));
            }
            alternatives.add(choices);
            count = Math.max(count, choices.size());
        }
        List<List<String>> variants = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            List<String> args = new ArrayList<>();
            for (List<String> choices : alternatives) {
                args.add(choices.get(Math.min(v, choices.size() - 1)));
            }
            variants.add(args);
        }
        return variants;
    }

    private static String withSampleValue(String word) {
        int eq = word.indexOf('=');
        if (word.startsWith("--") && eq > 0) {
            return word.substring(0, eq + 1) + sample(word.substring(eq + 1));
        }
        return word.startsWith("-") ? word : sample(word);
    }

    private static String sample(String value) {
        return PLACEHOLDERS.getOrDefault(value, value);
    }

    // ------------------------------------------------------------------ settings

    /** The {@code refund.*} names a line mentions; a {@code <feed>} part becomes {@code *}. */
    static Set<String> settingsNamed(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = SETTING.matcher(text);
        while (m.find()) {
            String name = m.group().replaceAll("[.-]+$", "").replaceAll("<[^.>]*>", "*");
            if (!NOT_SETTINGS.contains(name) && !name.equals("refund")) {
                names.add(name);
            }
        }
        return names;
    }

    /** A documented name exists when it is a setting, matches one, or names a group of them. */
    private static boolean exists(String documented, Set<String> known) {
        String group = documented.endsWith(".*") ? documented.substring(0, documented.length() - 1) : documented + ".";
        return known.stream().anyMatch(k -> names(k, documented) || k.startsWith(group));
    }

    /** Whether a documented name names this setting: equal, or a value where the setting has {@code *}. */
    private static boolean names(String setting, String documented) {
        String[] s = setting.split("\\.");
        String[] d = documented.split("\\.");
        if (s.length != d.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (!s[i].equals(d[i]) && !s[i].equals("*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every {@code refund.*} setting main code reads: the properties of each
     * {@code @ConfigurationProperties} record (a map's keys as {@code *}), every
     * {@code ${refund...}} of a {@code @Value}, every {@code @ConditionalOnProperty}, and what
     * {@code application.properties} sets (read with {@code Environment.getProperty} too).
     */
    static Set<String> settingsTheCodeReads() {
        Set<String> settings = new TreeSet<>();
        for (Class<?> type : mainClasses()) {
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            if (properties != null) {
                String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
                bound(prefix, type, settings);
            }
            conditional(type.getAnnotation(ConditionalOnProperty.class), settings);
            for (Field field : type.getDeclaredFields()) {
                valued(field.getAnnotation(Value.class), settings);
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            executables.addAll(List.of(type.getDeclaredMethods()));
            for (Executable executable : executables) {
                valued(executable.getAnnotation(Value.class), settings);
                conditional(executable.getAnnotation(ConditionalOnProperty.class), settings);
                for (Parameter parameter : executable.getParameters()) {
                    valued(parameter.getAnnotation(Value.class), settings);
                }
            }
        }
        Properties defaults = new Properties();
        try (InputStream in = RefundBatchCommand.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        defaults.stringPropertyNames().stream().filter(n -> n.startsWith("refund.")).forEach(settings::add);
        return settings;
    }

    private static void bound(String prefix, Type type, Set<String> settings) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (Map.class.isAssignableFrom(raw)) {
            bound(prefix + ".*", ((ParameterizedType) type).getActualTypeArguments()[1], settings);
        } else if (raw.isRecord() && raw.getName().startsWith("jp.refund.")) {
            for (RecordComponent component : raw.getRecordComponents()) {
                bound(prefix + "." + kebab(component.getName()), component.getGenericType(), settings);
            }
        } else {
            settings.add(prefix);
        }
    }

    private static void valued(Value value, Set<String> settings) {
        if (value != null) {
            Matcher m = Pattern.compile("\\$\\{(refund\\.[^:}]+)").matcher(value.value());
            while (m.find()) {
                settings.add(m.group(1));
            }
        }
    }

    private static void conditional(ConditionalOnProperty condition, Set<String> settings) {
        if (condition == null) {
            return;
        }
        String prefix = condition.prefix().isEmpty() ? "" : condition.prefix().replaceAll("\\.$", "") + ".";
        Stream.concat(Stream.of(condition.name()), Stream.of(condition.value())).map(n -> prefix + n)
                .filter(n -> n.startsWith("refund.")).forEach(settings::add);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The classes of {@code target/classes} (not the tests'), loaded without running their static parts. */
    private static List<Class<?>> mainClasses() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:jp/refund/**/*.class");
            SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory();
            List<Class<?>> classes = new ArrayList<>();
            ClassLoader loader = DocumentationTest.class.getClassLoader();
            for (Resource resource : resources) {
                if (resource.getURL().toString().contains("test-classes")) {
                    continue;
                }
                String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
                classes.add(Class.forName(name, false, loader));
            }
            assertThat(classes).as("main classes found").hasSizeGreaterThan(100);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ links

    /** The anchors GitHub makes of a page's headings (lower case, punctuation dropped, spaces as -). */
    static Set<String> headingAnchors(Path page) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new TreeMap<>();
        boolean fenced = false;
        for (String line : read(page)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (fenced || !line.startsWith("#")) {
                continue;
            }
            String slug = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }
}
