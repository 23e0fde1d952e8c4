package jp.refund.rehearsal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer key of an attacker rehearsal (SPEC section 11): {@code application_id,campaign},
 * one line per application of the book, written by {@code generate --attack} beside the input
 * folders. Read strictly: a key that does not say who sent every application cannot give figures
 * a finance team may choose settings by.
 */
final class AnswerKey {

    static final String HEADER = "application_id,campaign";
    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9-]{1,20}");

    /** Index of each application id, in file order; 1.5 M entries at full scale. */
    private final Map<String, Integer> index;
    private final List<String> ids;
    private final List<Campaign> campaigns;
    private final List<Integer> lines;

    private AnswerKey(Map<String, Integer> index, List<String> ids, List<Campaign> campaigns, List<Integer> lines) {
        this.index = index;
        this.ids = ids;
        this.campaigns = campaigns;
        this.lines = lines;
    }

    /**
     * Reads a key file: UTF-8, header exactly {@value #HEADER}, LF (a CR before it is tolerated).
     *
     * @throws AttackReportException naming the file and the line of the first malformed line
     */
    static AnswerKey read(Path file) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<Campaign> campaigns = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        // lines split on LF and decoded one by one, so that bytes that are not UTF-8 are named by their line
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            int b = 0;
            while (b != -1) {
                b = in.read();
                if (b != '\n' && b != -1) {
                    bytes.write(b);
                    continue;
                }
                if (b == -1 && bytes.size() == 0) {
                    break;
                }
                lineNo++;
                String line;
                try {
                    line = decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
                } catch (CharacterCodingException e) {
                    throw malformed(file, lineNo, "not UTF-8");
                }
                bytes.reset();
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (lineNo == 1) {
                    if (!line.equals(HEADER)) {
                        throw malformed(file, 1, "the header must be exactly '" + HEADER + "'");
                    }
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
                    throw malformed(file, lineNo, "expected two fields, application_id,campaign");
                }
                String id = line.substring(0, comma);
                String name = line.substring(comma + 1);
                if (!APPLICATION_ID.matcher(id).matches()) {
                    throw malformed(file, lineNo, "'" + id + "' is not an application id (1-20 of A-Z a-z 0-9 -)");
                }
                Campaign campaign = campaign(name);
                if (campaign == null) {
                    throw malformed(file, lineNo, "unknown campaign '" + name + "' (one of "
                            + List.of(Campaign.values()) + ")");
                }
                Integer earlier = index.putIfAbsent(id, ids.size());
                if (earlier != null) {
                    throw malformed(file, lineNo, "application " + id + " is already on line " + lines.get(earlier));
                }
                ids.add(id);
                campaigns.add(campaign);
                lines.add(lineNo);
            }
        } catch (NoSuchFileException e) {
            throw new AttackReportException("the answer key " + file + " does not exist");
        } catch (IOException e) {
            throw new AttackReportException("cannot read the answer key " + file + ": " + e.getMessage());
        }
        if (lineNo == 0) {
            throw malformed(file, 1, "the file is empty; the header must be exactly '" + HEADER + "'");
        }
        return new AnswerKey(index, ids, campaigns, lines);
    }

    private static Campaign campaign(String name) {
        for (Campaign c : Campaign.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static AttackReportException malformed(Path file, int line, String why) {
        return new AttackReportException(file + " line " + line + ": " + why);
    }

    int size() {
        return ids.size();
    }

    /** The entry's position in the key, or -1 when the key does not name the application. */
    int indexOf(String applicationId) {
        Integer i = index.get(applicationId);
        return i == null ? -1 : i;
    }

    Campaign campaign(int index) {
        return campaigns.get(index);
    }

    String applicationId(int index) {
        return ids.get(index);
    }

    int line(int index) {
        return lines.get(index);
    }
}
