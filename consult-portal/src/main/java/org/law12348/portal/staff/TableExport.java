package org.law12348.portal.staff;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a dashboard table as CSV (UTF-8 with BOM, so Excel shows the Chinese) or as an xlsx workbook. */
final class TableExport {

    private TableExport() {
    }

    static byte[] csv(DashboardTable table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.header());
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(DashboardTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(table.title());
            write(sheet.createRow(0), table.header());
            for (int i = 0; i < table.rows().size(); i++) {
                write(sheet.createRow(i + 1), table.rows().get(i));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (c > 0 && value.matches("\\d+")) {
                row.createCell(c).setCellValue(Long.parseLong(value));
            } else {
                row.createCell(c).setCellValue(value);
            }
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(c)));
        }
        out.append("\r\n");
    }

    /** Quotes per RFC 4180, and defuses cells a spreadsheet would run as a formula. */
    private static String quote(String value) {
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
