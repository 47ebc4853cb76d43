package cn.linli.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import cn.linli.platform.error.LinliException;

/**
 * Turns an upload into a photo that is safe to store and serve: it must decode as the image its leading bytes claim
 * (a JPEG header followed by HTML does not), its declared size is checked before any pixel is decoded (a 10 KB PNG
 * can declare 50,000 × 50,000 pixels), and it is re-encoded from its pixels, which drops every metadata block — EXIF
 * with the GPS position of the resident's home, camera serials, comments. Blocking CPU work: callers run it off the
 * event loop. Pure: unit-tested without a server.
 */
final class PhotoDecoding {

    static final int MAX_SIDE = 8_000;
    static final long MAX_PIXELS = 40_000_000;
    private static final float JPEG_QUALITY = 0.9f;

    /** The image to store: its format and its re-encoded bytes. */
    record CleanPhoto(PhotoType type, byte[] content) {
    }

    static CleanPhoto clean(byte[] upload) {
        PhotoType declared = PhotoType.sniff(upload)
                .orElseThrow(() -> LinliException.invalid("file", "仅支持 JPG、PNG、WebP 格式的图片"));
        BufferedImage pixels = decode(upload, declared);
        // WebP has no writer in the JDK: it is stored as PNG when it has transparency, otherwise as JPEG
        PhotoType stored = declared == PhotoType.WEBP
                ? (pixels.getColorModel().hasAlpha() ? PhotoType.PNG : PhotoType.JPEG) : declared;
        return new CleanPhoto(stored, encode(pixels, stored));
    }

    private static BufferedImage decode(byte[] upload, PhotoType declared) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(in, declared);
            try {
                // metadata is never read: it is what we are dropping, and its parsers are attack surface
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw LinliException.invalid("file", "图片尺寸过大：每边不超过 8000 像素，总像素不超过 4000 万");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof LinliException linli) {
                throw linli;
            }
            throw LinliException.invalid("file", "图片已损坏或格式与内容不符");
        }
    }

    private static ImageReader readerFor(ImageInputStream in, PhotoType declared) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(declared.contentType());
        if (in == null || !readers.hasNext()) {
            throw new IOException("no reader for " + declared);
        }
        return readers.next();
    }

    private static byte[] encode(BufferedImage pixels, PhotoType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(type.contentType()).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            BufferedImage image = pixels;
            if (type == PhotoType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                image = withoutAlpha(pixels);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException ex) {
            throw new IllegalStateException("re-encoding a decoded image failed", ex);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** JPEG has no alpha channel; a decoded JPEG with an unusual colour model is drawn onto plain RGB. */
    private static BufferedImage withoutAlpha(BufferedImage pixels) {
        if (pixels.getType() == BufferedImage.TYPE_INT_RGB || pixels.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return pixels;
        }
        BufferedImage rgb = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_INT_RGB);
        var graphics = rgb.createGraphics();
        try {
            graphics.drawImage(pixels, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private PhotoDecoding() {
    }
}
