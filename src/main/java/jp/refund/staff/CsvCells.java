package jp.refund.staff;

/**
 * CSV cells an auditor can open in a spreadsheet safely: a value that a spreadsheet would
 * read as a formula ({@code = + - @}, tab, carriage return first) is prefixed with a quote
 * mark — the CSV counterpart of the audit workbook's quote-prefixed cells — and a value with
 * a comma, quote or line break is quoted.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches("[^,\"\\n\\r]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static String row(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append('\n').toString();
    }
}
