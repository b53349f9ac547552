package org.convene.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Valid CSV files for an import's header, and ways to spoil them. */
final class Csvs {

    /** A spoilt file and what was done to it. */
    record Spoilt(byte[] body, String what) {
    }

    private Csvs() {
    }

    /** A file with this header and {@code rows} rows, each cell from {@code cell} (column, row number). */
    static List<List<String>> rows(List<String> header, int rows, CellValue cell) {
        List<List<String>> table = new ArrayList<>();
        table.add(new ArrayList<>(header));
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            for (String column : header) {
                row.add(cell.value(column, r));
            }
            table.add(row);
        }
        return table;
    }

    interface CellValue {
        String value(String column, int row);
    }

    static String write(List<List<String>> table) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                s.append(quote(row.get(i)));
            }
            s.append("\r\n");
        }
        return s.toString();
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** One random way of spoiling a valid table (header first). */
    static Spoilt spoil(Random random, List<List<String>> valid) {
        List<List<String>> table = new ArrayList<>();
        valid.forEach(row -> table.add(new ArrayList<>(row)));
        int rows = table.size();
        int columns = table.get(0).size();
        int kind = random.nextInt(100);
        if (kind < 35 && rows > 1) {
            int r = 1 + random.nextInt(rows - 1);
            int c = random.nextInt(columns);
            table.get(r).set(c, Hostile.text(random));
            return utf8(table, "cell " + table.get(0).get(c) + " of line " + (r + 1) + " = hostile text");
        }
        if (kind < 45 && rows > 1) {
            String text = Hostile.text(random);
            for (int r = 1; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    table.get(r).set(c, text);
                }
            }
            return utf8(table, "every cell = hostile text");
        }
        return switch (kind % 15) {
            case 0 -> new Spoilt(bytes(write(table).replaceFirst("\r\n", "\r\n\"unclosed,")), "an unclosed quote");
            case 1 -> utf8(edit(table, t -> {
                t.get(0).remove(t.get(0).size() - 1);
                return t;
            }), "a row longer than the header");
            case 2 -> utf8(edit(table, t -> {
                t.get(0).set(0, t.get(0).size() > 1 ? t.get(0).get(1) : "x");
                return t;
            }), "a column named twice, the first missing");
            case 3 -> utf8(edit(table, t -> {
                t.get(0).replaceAll(h -> h.toUpperCase() + " ");
                return t;
            }), "header in capitals with spaces");
            case 4 -> new Spoilt(bytes("\uFEFF" + write(table)), "a byte order mark");
            case 5 -> new Spoilt(bytes(write(table).replace("\r\n", "\r")), "old Mac line ends");
            case 6 -> new Spoilt(concat(bytes(write(table)), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x0A}),
                    "bytes that are not UTF-8");
            case 7 -> new Spoilt(write(table).getBytes(StandardCharsets.UTF_16), "UTF-16");
            case 8 -> new Spoilt(new byte[0], "an empty file");
            case 9 -> utf8(table.subList(0, 1), "only the header");
            case 10 -> new Spoilt(bytes(write(table).replace(",", ",\u0000")), "NUL bytes");
            case 11 -> new Spoilt(bytes(String.join(",", table.get(0)) + "\r\n" + "x".repeat(200_000) + "\r\n"), "a 200,000-character line");
            case 12 -> new Spoilt(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}, "a PNG, not CSV");
            case 13 -> utf8(edit(table, t -> {
                List<String> header = t.get(0);
                for (int i = 0; i < 3_000; i++) {
                    header.add("extra" + i);
                }
                return t;
            }), "3,000 columns");
            default -> {
                List<List<String>> many = new ArrayList<>(table);
                List<String> last = table.get(rows - 1);
                for (int i = 0; i < 1_001; i++) {
                    many.add(last);
                }
                yield utf8(many, "1,001 copies of the last row");
            }
        };
    }

    private static List<List<String>> edit(List<List<String>> table, Function<List<List<String>>, List<List<String>>> f) {
        return f.apply(table);
    }

    private static Spoilt utf8(List<List<String>> table, String what) {
        return new Spoilt(bytes(write(table)), what);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
