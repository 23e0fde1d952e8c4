package jp.refund.bankfile;

/**
 * Fixed-width fields of a 120-byte Zengin record, written and read straight as bytes
 * of JIS X 0201 (the single-byte half of Shift_JIS): ASCII as is, half-width katakana
 * U+FF61-U+FF9F as 0xA1-0xDF. Numeric fields are right-aligned and zero-padded, text
 * fields left-aligned and space-padded. Positions in errors are 1-based, as in the
 * bank's layout tables.
 */
final class ZenginRecordBytes {

    static final int LENGTH = 120;

    private ZenginRecordBytes() {
    }

    static void number(byte[] rec, String record, String field, int position, int length, long value) {
        if (value < 0) {
            throw new ZenginFormatException(record, field, position, "negative value " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() > length) {
            throw new ZenginFormatException(record, field, position, value + " does not fit " + length + " digits");
        }
        int start = position - 1;
        int pad = length - digits.length();
        for (int i = 0; i < pad; i++) {
            rec[start + i] = '0';
        }
        for (int i = 0; i < digits.length(); i++) {
            rec[start + pad + i] = (byte) digits.charAt(i);
        }
    }

    /** A numeric field given as digits (codes, account numbers): must be exactly the field's length. */
    static void digits(byte[] rec, String record, String field, int position, int length, String digits) {
        if (digits == null || digits.length() != length || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ZenginFormatException(record, field, position, "'" + digits + "' is not " + length + " digits");
        }
        for (int i = 0; i < length; i++) {
            rec[position - 1 + i] = (byte) digits.charAt(i);
        }
    }

    static void text(byte[] rec, String record, String field, int position, int length, String text) {
        String value = text == null ? "" : text;
        if (value.length() > length) {
            throw new ZenginFormatException(record, field, position, "'" + value + "' is longer than " + length);
        }
        int start = position - 1;
        for (int i = 0; i < value.length(); i++) {
            rec[start + i] = encode(value.charAt(i), record, field, position + i);
        }
        for (int i = value.length(); i < length; i++) {
            rec[start + i] = ' ';
        }
    }

    static byte encode(char c, String record, String field, int position) {
        if (c >= 0x20 && c <= 0x7E) {
            return (byte) c;
        }
        if (c >= 0xFF61 && c <= 0xFF9F) {
            return (byte) (c - 0xFF61 + 0xA1);
        }
        throw new ZenginFormatException(record, field, position, "character '" + c + "' is not JIS X 0201");
    }

    static char decode(byte b, String record, String field, int position) {
        int u = b & 0xFF;
        if (u >= 0x20 && u <= 0x7E) {
            return (char) u;
        }
        if (u >= 0xA1 && u <= 0xDF) {
            return (char) (u - 0xA1 + 0xFF61);
        }
        throw new ZenginFormatException(record, field, position, String.format("byte 0x%02X is not JIS X 0201", u));
    }

    static String readText(byte[] rec, String record, String field, int position, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = decode(rec[position - 1 + i], record, field, position + i);
        }
        int end = length;
        while (end > 0 && chars[end - 1] == ' ') {
            end--;
        }
        return new String(chars, 0, end);
    }

    static String readDigits(byte[] rec, String record, String field, int position, int length) {
        String s = readText(rec, record, field, position, length);
        if (s.length() != length || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ZenginFormatException(record, field, position, "'" + s + "' is not " + length + " digits");
        }
        return s;
    }

    static long readNumber(byte[] rec, String record, String field, int position, int length) {
        return Long.parseLong(readDigits(rec, record, field, position, length));
    }

    static void expect(byte[] rec, String record, String field, int position, String expected) {
        String actual = readText(rec, record, field, position, expected.length());
        if (!actual.equals(expected)) {
            throw new ZenginFormatException(record, field, position, "expected '" + expected + "', found '"
                    + actual + "'");
        }
    }

    static void expectBlank(byte[] rec, String record, String field, int position, int length) {
        for (int i = 0; i < length; i++) {
            if (rec[position - 1 + i] != ' ') {
                throw new ZenginFormatException(record, field, position + i, "expected spaces");
            }
        }
    }

    /**
     * An unused numeric field: zero-filled as written now, or blank as files written before
     * 顧客コード2 was zero-filled have it (their bytes are protected by their night's manifest).
     */
    static void expectZerosOrBlank(byte[] rec, String record, String field, int position, int length) {
        String actual = readText(rec, record, field, position, length);
        if (!actual.isEmpty() && !actual.equals("0".repeat(length))) {
            throw new ZenginFormatException(record, field, position, "expected " + length + " zeros, found '"
                    + actual + "'");
        }
    }
}
