package org.tandem.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellRangeAddress;
import org.tandem.problem.Problem;

/**
 * What a streaming reader does not tell: merged cells and hidden rows or columns of one worksheet. A merged cell
 * holds its value only in its first cell, and a hidden row or column is data the clerk does not see; both make
 * an import do what the sheet does not show, so each is reported by its cell. Reads the package's relationships
 * to find the worksheet's part, then the part's {@code mergeCell}, {@code row} and {@code col} elements (StAX, no
 * DTDs or external entities; the file was checked against the unpacked-size limit before).
 */
final class SheetLayout {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private SheetLayout() {
    }

    /** A merged range, hidden row or hidden column found, by its code, first row and column, and reference. */
    record Finding(String code, Integer row, String column, String reference) {
    }

    /** The findings of the worksheet related to the workbook by {@code relationId}; none if it cannot be found. */
    static List<Finding> of(byte[] file, String relationId) throws IOException, XMLStreamException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            String workbook = target(zip, "_rels/.rels", "", null, "/officeDocument");
            if (workbook == null) {
                return List.of();
            }
            String folder = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
            String rels = folder + "_rels/" + workbook.substring(folder.length()) + ".rels";
            String part = target(zip, rels, folder, relationId, null);
            return part == null ? List.of() : findings(zip, part);
        }
    }

    /** The target of the relationship with {@code id} (or whose type ends with {@code type}), as a part name. */
    private static String target(ZipFile zip, String rels, String folder, String id, String type)
            throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(rels);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                    Map<String, String> attributes = attributes(xml);
                    boolean wanted = id != null ? id.equals(attributes.get("Id"))
                            : attributes.getOrDefault("Type", "").endsWith(type);
                    String target = attributes.get("Target");
                    if (wanted && target != null) {
                        return target.startsWith("/") ? target.substring(1) : folder + target;
                    }
                }
            }
        }
        return null;
    }

    private static List<Finding> findings(ZipFile zip, String part) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(part);
        List<Finding> findings = new ArrayList<>();
        if (entry == null) {
            return findings;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                Map<String, String> attributes = attributes(xml);
                boolean hidden = "1".equals(attributes.get("hidden")) || "true".equals(attributes.get("hidden"));
                switch (xml.getLocalName()) {
                    case "row" -> {
                        if (hidden && attributes.get("r") != null) {
                            findings.add(new Finding("hidden-row", Integer.valueOf(attributes.get("r")), null,
                                    attributes.get("r")));
                        }
                    }
                    case "col" -> {
                        if (hidden && attributes.get("min") != null) {
                            int min = Integer.parseInt(attributes.get("min"));
                            int max = Integer.parseInt(attributes.getOrDefault("max", attributes.get("min")));
                            String first = CellAddress.convertNumToColString(min - 1);
                            String last = CellAddress.convertNumToColString(Math.min(max, 16_384) - 1);
                            findings.add(new Finding("hidden-column", null, first,
                                    min == max ? first : first + ":" + last));
                        }
                    }
                    case "mergeCell" -> {
                        String ref = attributes.get("ref");
                        if (ref != null) {
                            CellRangeAddress range = CellRangeAddress.valueOf(ref);
                            findings.add(new Finding("merged-cells", range.getFirstRow() + 1,
                                    CellAddress.convertNumToColString(range.getFirstColumn()), ref));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return findings;
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    /** The findings as errors of the sheet. */
    static List<Problem.FieldError> errors(List<Finding> findings, String sheet, boolean english) {
        return findings.stream().map(f -> new Problem.FieldError("sheet", Messages.of(f.code(), english,
                f.reference(), null), f.code(), sheet, f.row(), f.column(), f.reference())).toList();
    }
}
