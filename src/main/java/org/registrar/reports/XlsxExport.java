package org.registrar.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an .xlsx workbook through Apache POI's streaming SXSSF (at most 200 rows in memory, the rest on
 * disk): the table on the first sheet under a frozen, bold header row, numbers as numbers and dates as dates; the
 * title, details and notes on a second sheet. Thread-safe (stateless).
 */
final class XlsxExport {
    private static final int ROWS_IN_MEMORY = 200;

    private XlsxExport() {}

    static void write(ReportTable table, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            sheet.createFreezePane(0, 1);
            Row headerRow = sheet.createRow(0);
            for (int column = 0; column < table.columns().size(); column++) {
                Cell cell = headerRow.createCell(column);
                String text = table.columns().get(column).header();
                cell.setCellValue(text);
                cell.setCellStyle(header);
                sheet.setColumnWidth(column, Math.min(60, Math.max(10, text.length() + 4)) * 256);
            }
            int index = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(index++);
                for (int column = 0; column < values.size(); column++) {
                    write(row, column, values.get(column), date);
                }
            }
            Sheet about = workbook.createSheet("Report");
            int line = 0;
            about.createRow(line++).createCell(0).setCellValue(table.title());
            for (String text : table.details()) {
                about.createRow(line++).createCell(0).setCellValue(text);
            }
            for (String text : table.notes()) {
                about.createRow(line++).createCell(0).setCellValue(text);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void write(Row row, int column, Object value, CellStyle date) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
