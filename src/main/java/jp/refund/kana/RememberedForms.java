package jp.refund.kana;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The forms of texts already computed, for a form that depends on the text alone (so a
 * remembered form is the same form). Names repeat: a full night converts every applicant's and
 * member's name with a few thousand distinct family and given names, and ICU's
 * transliteration was a noticeable share of the decisions' time (docs/benchmarks/2026-12-07-figures-from-code-comments.md).
 * Bounded: emptied when full, so
 * unique texts such as addresses cannot grow it without limit.
 */
final class RememberedForms {

    private final int limit;
    private final UnaryOperator<String> form;
    private final ConcurrentHashMap<String, String> forms = new ConcurrentHashMap<>();

    RememberedForms(int limit, UnaryOperator<String> form) {
        this.limit = limit;
        this.form = form;
    }

    String of(String text) {
        String remembered = forms.get(text);
        if (remembered != null) {
            return remembered;
        }
        String computed = form.apply(text);
        if (forms.size() >= limit) {
            forms.clear();
        }
        forms.put(text, computed);
        return computed;
    }
}
