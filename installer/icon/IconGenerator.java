import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Registrar's icon (a register with a check mark on the accent blue #0969da) and writes it as SVG, PNG at
 * 16..1024 px, a Windows .ico and a macOS .icns, so all formats come from one drawing and no image tool is needed.
 * Run from the repository root: {@code java installer/icon/IconGenerator.java assets}.
 */
public final class IconGenerator {
    private static final double CANVAS = 512;
    private static final String ACCENT = "#0969da";
    private static final String PAGE = "#ffffff";
    private static final String SPINE = "#cfe2fb";
    private static final String RULE = "#9cc3f2";
    private static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};

    /** One drawing element in a 512-unit canvas; rendered to Java2D and to SVG from the same numbers. */
    private sealed interface Element permits Box, Stroke {}

    private record Box(double x, double y, double width, double height, double radius, String color)
            implements Element {}

    private record Stroke(double[] points, double width, String color) implements Element {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(out);
        Files.writeString(out.resolve("registrar.svg"), svg(elements(true)), StandardCharsets.UTF_8);
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            byte[] png = png(render(size));
            pngs.put(size, png);
            Files.write(out.resolve("registrar-" + size + ".png"), png);
        }
        Files.write(out.resolve("registrar.png"), pngs.get(256));
        Files.write(out.resolve("registrar.ico"), ico(pngs));
        Files.write(out.resolve("registrar.icns"), icns(pngs));
        System.out.println("Wrote icons to " + out.toAbsolutePath());
    }

    /** Small sizes drop the ruled lines, which would only blur at 16-32 px. */
    private static List<Element> elements(boolean detailed) {
        List<Element> elements = new ArrayList<>();
        elements.add(new Box(24, 24, 464, 464, 104, ACCENT));
        elements.add(new Box(120, 88, 272, 336, 28, PAGE));
        elements.add(new Box(120, 88, 56, 336, 28, SPINE));
        elements.add(new Box(148, 88, 28, 336, 0, SPINE));
        if (detailed) {
            for (double y : new double[] {160, 206, 252}) {
                elements.add(new Stroke(new double[] {214, y, 348, y}, 16, RULE));
            }
        }
        double check = detailed ? 34 : 46;
        elements.add(new Stroke(new double[] {212, 330, 252, 370, 338, 276}, check, ACCENT));
        return elements;
    }

    private static BufferedImage render(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / CANVAS, size / CANVAS);
        for (Element element : elements(size >= 48)) {
            if (element instanceof Box box) {
                g.setColor(Color.decode(box.color()));
                g.fill(new RoundRectangle2D.Double(
                        box.x(), box.y(), box.width(), box.height(), box.radius() * 2, box.radius() * 2));
            } else if (element instanceof Stroke stroke) {
                g.setColor(Color.decode(stroke.color()));
                g.setStroke(new BasicStroke((float) stroke.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path(stroke.points()));
            }
        }
        g.dispose();
        return image;
    }

    private static Path2D path(double[] points) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points[0], points[1]);
        for (int i = 2; i < points.length; i += 2) {
            path.lineTo(points[i], points[i + 1]);
        }
        return path;
    }

    private static String svg(List<Element> elements) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" viewBox=\"0 0 512 512\">\n");
        svg.append("  <title>Registrar</title>\n");
        for (Element element : elements) {
            if (element instanceof Box box) {
                svg.append(String.format(
                        "  <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\" fill=\"%s\"/>%n",
                        num(box.x()), num(box.y()), num(box.width()), num(box.height()), num(box.radius()),
                        box.color()));
            } else if (element instanceof Stroke stroke) {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < stroke.points().length; i += 2) {
                    points.append(i == 0 ? "" : " ")
                            .append(num(stroke.points()[i]))
                            .append(',')
                            .append(num(stroke.points()[i + 1]));
                }
                svg.append(String.format(
                        "  <polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\""
                                + " stroke-linecap=\"round\" stroke-linejoin=\"round\"/>%n",
                        points, stroke.color(), num(stroke.width())));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** ICO with PNG-compressed entries (Windows Vista and later). */
    private static byte[] ico(Map<Integer, byte[]> pngs) {
        int headerSize = 6 + 16 * ICO_SIZES.length;
        int total = headerSize;
        for (int size : ICO_SIZES) {
            total += pngs.get(size).length;
        }
        ByteBuffer ico = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.length);
        int offset = headerSize;
        for (int size : ICO_SIZES) {
            byte[] png = pngs.get(size);
            ico.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            ico.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            ico.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int size : ICO_SIZES) {
            ico.put(pngs.get(size));
        }
        return ico.array();
    }

    /** ICNS with PNG entries: icp4/icp5 (16, 32), ic07-ic10 (128-1024) and the @2x types ic11-ic14. */
    private static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic13", 256);
        types.put("ic08", 256);
        types.put("ic14", 512);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream entries = new DataOutputStream(body);
        for (Map.Entry<String, Integer> type : types.entrySet()) {
            byte[] png = pngs.get(type.getValue());
            entries.writeBytes(type.getKey());
            entries.writeInt(8 + png.length);
            entries.write(png);
        }
        ByteArrayOutputStream icns = new ByteArrayOutputStream();
        DataOutputStream file = new DataOutputStream(icns);
        file.writeBytes("icns");
        file.writeInt(8 + body.size());
        file.write(body.toByteArray());
        return icns.toByteArray();
    }
}
