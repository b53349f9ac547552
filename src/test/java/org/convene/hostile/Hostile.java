package org.convene.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Hostile values, drawn from a seeded {@link Random} so a run can be repeated: text that is very
 * long, odd Unicode, control characters, markup and script, links to script, SQL and LIKE
 * fragments, spreadsheet formulas; JSON of the wrong type or absurd size.
 */
final class Hostile {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Script that must never reach a page as markup. Each is recognisable in a page's source. */
    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "'><svg onload=alert(1)>",
            "</textarea><script>alert(1)</script>",
            "</title><script>alert(1)</script>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\" onmouseover=\"alert(1)\">x</div>",
            "{{7*7}}${7*7}<%= 7*7 %>");

    /** Addresses that run script when followed, for fields that hold a link. */
    static final List<String> SCRIPT_LINKS = List.of(
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "javascript://%0aalert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>");

    static final List<String> SQL = List.of(
            "'; DROP TABLE people; --",
            "' OR '1'='1",
            "%",
            "_",
            "%_%",
            "\\",
            "\\'",
            "\\\\%",
            "1; SELECT pg_sleep(0)",
            "$$; $1 :name ?",
            "' || (SELECT version()) || '");

    static final List<String> UNICODE = List.of(
            "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
            "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B",
            "\u202Egnp.exe",
            "\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
            "\uD83D\uDC69\uD83C\uDFFD\u200D\u2695\uFE0F \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\uFEFFbom",
            "zero\u200Bwidth\u2060joiner",
            "\u0130stanbul \u00DF \uFB03 \u212A",
            "\uFFFD\uFFFF\uFFFE",
            "\uD800",
            "\uDC00x",
            "x\uDBFF",
            "\u0000",
            "a\u0000b",
            "\u0007\u0008\u000B\u000C\u001B[31mred",
            "line\r\nbreak\rand\nmore",
            "\t",
            "\u0085\u2028\u2029",
            "\u00A0\u3000");

    static final List<String> OTHER = List.of(
            "",
            " ",
            "   \n  ",
            "=cmd|' /C calc'!A0",
            "+SUM(1,1)",
            "@SUM(1)",
            "-1+1",
            "../../../../etc/passwd",
            "%s%n%x%d",
            "null",
            "undefined",
            "NaN",
            "-0",
            "1e309",
            "9223372036854775808",
            "0x41",
            "2024-02-30",
            "99:99",
            "true");

    /**
     * The first tries on every route put one of these in every text field at once, so the worst
     * cases reach every field on every run: NUL (which PostgreSQL text cannot hold), 100,000
     * characters, a lone surrogate with a right-to-left override, LIKE and SQL quoting characters.
     */
    static final List<String> SWEEP = List.of("a\u0000b", "x".repeat(100_000), "\uD800x\u202Ey", "%_\\'\"--");

    private Hostile() {
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile string of any kind. */
    static String text(Random random) {
        int kind = random.nextInt(100);
        if (kind < 25) {
            return pick(random, MARKUP);
        }
        if (kind < 35) {
            return pick(random, SCRIPT_LINKS);
        }
        if (kind < 50) {
            return pick(random, SQL);
        }
        if (kind < 70) {
            return pick(random, UNICODE);
        }
        if (kind < 80) {
            return pick(random, OTHER);
        }
        if (kind < 90) {
            return longText(random);
        }
        return mixed(random);
    }

    /** 100,000 characters (sometimes 10,000, or 50,000 four-byte ones). */
    static String longText(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "a".repeat(100_000);
            case 1 -> "<script>alert(1)</script>".repeat(400);
            case 2 -> "\uD83D\uDE00".repeat(50_000);
            default -> "word ".repeat(2_000);
        };
    }

    /** A short string of characters drawn from every awkward range. */
    static String mixed(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int range = random.nextInt(6);
            int cp = switch (range) {
                case 0 -> random.nextInt(0x20);
                case 1 -> "<>\"'&;%_\\/`$(){}[]=".charAt(random.nextInt(19));
                case 2 -> 0x0300 + random.nextInt(0x70);
                case 3 -> 0x0590 + random.nextInt(0x200);
                case 4 -> 0x1F300 + random.nextInt(0x300);
                default -> 0x20 + random.nextInt(0x5F);
            };
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    /** A JSON value of any type: hostile text, absurd numbers, wrong shapes. */
    static JsonNode value(Random random) {
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3, 4, 5 -> JSON.textNode(text(random));
            case 6 -> JSON.numberNode(pick(random, List.of(0L, -1L, 1L, (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE)));
            case 7 -> JSON.numberNode(new BigInteger("9".repeat(1 + random.nextInt(400))));
            case 8 -> JSON.numberNode(pick(random, List.of(new BigDecimal("1e308"), new BigDecimal("-1e400"),
                    new BigDecimal("0.000000000000000000001"), new BigDecimal("1.5"), new BigDecimal("-0.0"))));
            case 9 -> JSON.booleanNode(random.nextBoolean());
            case 10 -> JSON.nullNode();
            case 11 -> nested(random.nextBoolean() ? 60 : 990); // Jackson writes at most 1,000 levels; deeper comes as raw text
            case 12 -> {
                ArrayNode array = JSON.arrayNode();
                int n = random.nextBoolean() ? 3 : 20_000;
                for (int i = 0; i < n; i++) {
                    array.add(i % 2 == 0 ? JSON.numberNode(i) : JSON.textNode("x" + i));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                object.put("__proto__", "x");
                object.set("a", JSON.textNode(text(random)));
                yield object;
            }
        };
    }

    /** Arrays inside arrays, {@code depth} deep. */
    static JsonNode nested(int depth) {
        JsonNode node = JSON.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = JSON.arrayNode().add(node);
        }
        return node;
    }

    /** A request body that is not the JSON object asked for, or not JSON at all. */
    static String brokenJson(Random random, String valid) {
        return switch (random.nextInt(12)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 1 -> "[".repeat(100_000);
            case 2 -> "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
            case 3 -> duplicateFirstKey(valid);
            case 4 -> "";
            case 5 -> "null";
            case 6 -> pick(random, List.of("[]", "\"text\"", "42", "true", "[" + valid + "]"));
            case 7 -> "<?xml version=\"1.0\"?><a>1</a>";
            case 8 -> "\uFEFF" + valid;
            case 9 -> valid + "garbage";
            case 10 -> valid.replace(":", ": /* comment */ ");
            default -> " ".repeat(1_000_000) + valid;
        };
    }

    private static String duplicateFirstKey(String valid) {
        int colon = valid.indexOf(':');
        if (!valid.startsWith("{\"") || colon < 0) {
            return "{\"a\":1,\"a\":2}";
        }
        String key = valid.substring(1, colon);
        return "{" + key + ":null," + valid.substring(1);
    }

    /** What to put in a URL where an id belongs. */
    static String badId(Random random) {
        return pick(random, List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1%00", "%27%20OR%201%3D1", "%2e%2e",
                "1e3", "%F0%9F%98%80", "9223372036854775807", "+1", "0x1F"));
    }
}
