package org.registrar.assessments.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.registrar.i18n.Messages;

/**
 * Reads a workbook (.xlsx or .ods) for import, treating it as hostile: the zip's entries are counted and their sizes
 * checked before anything is unpacked, every part is read as a stream counted against
 * {@link InputLimits#MAX_UNZIPPED_BYTES} (a zip bomb stops there), XML is read without DTDs or external entities, and
 * the cells go through {@link SheetTable}'s limits. An encrypted workbook, an old .xls and a damaged file are refused
 * with a sentence. Blocking file I/O: not on the FX thread. Thread-safe.
 */
final class WorkbookFile {
    /** What the first bytes say a file is. */
    enum Magic {
        ZIP,
        OLE2,
        OTHER
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A};

    /** A part packed to less than 1/100 of its size is a bomb, as POI's ZipSecureFile judges it. */
    private static final long MAX_RATIO = 100;

    private static final long SMALL_PART = 1024 * 1024;

    static final String ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

    private WorkbookFile() {}

    static Magic sniff(Path file) throws IOException {
        byte[] start = new byte[8];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(start, 0, start.length);
        }
        if (length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            return Magic.ZIP;
        }
        for (int i = 0; i < OLE2.length; i++) {
            if (i >= length || start[i] != OLE2[i]) {
                return Magic.OTHER;
            }
        }
        return Magic.OLE2;
    }

    /**
     * Reads the workbook's sheets; the result shows the first one (see {@link CsvImport.Result#withSheet}).
     *
     * @throws CsvFile.Refused when it is encrypted, not a workbook, damaged or breaks a limit
     */
    static CsvImport.Result read(Path file, Magic magic) throws IOException {
        if (magic == Magic.OLE2) {
            throw refuseOle2(file);
        }
        Workbook workbook;
        try {
            workbook = switch (kind(file)) {
                case XLSX -> XlsxReader.read(file);
                case ODS -> OdsReader.read(file);
            };
        } catch (IOException | XMLStreamException | RuntimeException broken) {
            for (Throwable cause = broken; cause != null; cause = cause.getCause()) {
                if (cause instanceof CsvFile.Refused refused) {
                    throw refused;
                }
            }
            throw new CsvFile.Refused(Messages.text("sheets.damaged", String.valueOf(broken.getMessage())));
        }
        if (workbook.sheets().isEmpty()) {
            throw new CsvFile.Refused(Messages.text("sheets.noSheets"));
        }
        return CsvImport.Result.of(workbook, 0);
    }

    /** The zip's kind, after its entries are counted and their sizes checked. */
    private static Workbook.Kind kind(Path file) throws IOException {
        boolean xlsx = false;
        boolean ods = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int entries = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (++entries > InputLimits.MAX_ZIP_ENTRIES) {
                    throw new CsvFile.Refused(Messages.text("sheets.tooManyParts", InputLimits.MAX_ZIP_ENTRIES));
                }
                checkSize(entry);
                xlsx |= entry.getName().equals("xl/workbook.xml");
                ods |= entry.getName().equals("content.xml");
            }
            if (ods) {
                checkOdf(zip);
            }
        } catch (java.util.zip.ZipException broken) {
            throw new CsvFile.Refused(Messages.text("sheets.damaged", String.valueOf(broken.getMessage())));
        }
        if (xlsx) {
            return Workbook.Kind.XLSX;
        }
        if (ods) {
            return Workbook.Kind.ODS;
        }
        throw new CsvFile.Refused(Messages.text("sheets.notAWorkbook"));
    }

    private static void checkSize(ZipEntry entry) {
        long size = entry.getSize();
        long packed = entry.getCompressedSize();
        boolean bomb =
                size > InputLimits.MAX_UNZIPPED_BYTES || size > SMALL_PART && packed >= 0 && size > packed * MAX_RATIO;
        if (bomb) {
            throw unzipsTooLarge(entry.getName());
        }
    }

    static CsvFile.Refused unzipsTooLarge(String part) {
        return new CsvFile.Refused(
                Messages.text("sheets.unzipsTooLarge", part, InputLimits.MAX_UNZIPPED_BYTES / (1024 * 1024)));
    }

    /** An OpenDocument file that is a spreadsheet and not encrypted. */
    private static void checkOdf(ZipFile zip) throws IOException {
        ZipEntry mime = zip.getEntry("mimetype");
        if (mime != null) {
            try (InputStream in = bounded(zip.getInputStream(mime), "mimetype", 256)) {
                String type = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (!type.equals(ODS_MIME)) {
                    throw new CsvFile.Refused(Messages.text("sheets.notASpreadsheet", type));
                }
            }
        }
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest != null) {
            try (InputStream in = bounded(zip.getInputStream(manifest), "META-INF/manifest.xml", SMALL_PART)) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("encryption-data")) {
                    throw new CsvFile.Refused(Messages.text("sheets.encrypted"));
                }
            }
        }
    }

    /** An OLE2 file is an encrypted .xlsx (a password to open it), an old .xls, or not a workbook. */
    private static CsvFile.Refused refuseOle2(Path file) {
        try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = ole.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return new CsvFile.Refused(Messages.text("sheets.encrypted"));
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return new CsvFile.Refused(Messages.text("sheets.xls"));
            }
            return new CsvFile.Refused(Messages.text("sheets.notAWorkbook"));
        } catch (IOException | RuntimeException broken) {
            return new CsvFile.Refused(Messages.text("sheets.damaged", String.valueOf(broken.getMessage())));
        }
    }

    /**
     * The JDK's own StAX factory, one per thread (a factory is not promised to be thread-safe), made once: looking one
     * up through the class path for each part read costs more than reading a small sheet.
     */
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(() -> {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    });

    /** XML without DTDs or external entities. */
    static XMLStreamReader xml(InputStream in) throws XMLStreamException {
        return XML.get().createXMLStreamReader(in);
    }

    /** A part's stream that refuses the file once more than {@code limit} bytes are unpacked from it. */
    static InputStream bounded(InputStream in, String part, long limit) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int next = super.read();
                count(next < 0 ? 0 : 1);
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                count(Math.max(count, 0));
                return count;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long bytes) {
                read += bytes;
                if (read > limit) {
                    throw unzipsTooLarge(part);
                }
            }
        };
    }
}
