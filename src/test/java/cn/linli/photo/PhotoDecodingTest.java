package cn.linli.photo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import cn.linli.platform.error.LinliException;
import cn.linli.support.TestPhotos;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every upload is decoded, size-checked before decoding, and re-encoded without its metadata. */
class PhotoDecodingTest {

    static final String SECRET = "GPS 30.6570N 104.0650E";

    /** A JPEG with an EXIF block (APP1) that carries the uploader's position in plain text. */
    static byte[] jpegWithExif() {
        byte[] jpeg = TestPhotos.image("jpg");
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        exif.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0});
        exif.writeBytes(SECRET.getBytes(StandardCharsets.US_ASCII));
        byte[] payload = exif.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a text chunk after its header. */
    static byte[] pngWithText() {
        byte[] png = TestPhotos.png();
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk("tEXt", ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1)));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** 9.8 KB of PNG that declares 50,000 × 50,000 pixels: decoding it would need 10 GB. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(chunk("IDAT", new byte[10_000]));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data).putInt((int) crc.getValue()).array();
    }

    private static void refused(byte[] upload, String messagePart) {
        assertThatThrownBy(() -> PhotoDecoding.clean(upload)).isInstanceOfSatisfying(LinliException.class, e -> {
            assertThat(e.extensions()).containsEntry("code", "VALIDATION_FAILED").containsEntry("field", "file");
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void metadataIsGoneAndThePictureStays() {
        for (byte[] upload : new byte[][] {jpegWithExif(), pngWithText()}) {
            assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(SECRET);
            PhotoDecoding.CleanPhoto clean = PhotoDecoding.clean(upload);
            assertThat(new String(clean.content(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            assertThat(TestPhotos.showsSamePicture(clean.content(), upload)).isTrue();
        }
        assertThat(PhotoDecoding.clean(jpegWithExif()).type()).isEqualTo(PhotoType.JPEG);
        assertThat(PhotoDecoding.clean(pngWithText()).type()).isEqualTo(PhotoType.PNG);
    }

    @Test
    void theSameUploadCleansToTheSameBytesSoARetryIsTheSamePhoto() {
        byte[] upload = jpegWithExif();
        assertThat(PhotoDecoding.clean(upload).content()).isEqualTo(PhotoDecoding.clean(upload).content());
    }

    @Test
    void aWebpIsDecodedAndStoredAsJpeg() {
        byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        PhotoDecoding.CleanPhoto clean = PhotoDecoding.clean(webp);
        assertThat(clean.type()).isEqualTo(PhotoType.JPEG);
        assertThat(TestPhotos.decode(clean.content()).getWidth()).isEqualTo(1);
    }

    @Test
    void oversizedDeclarationsAreRefusedBeforeDecoding() {
        refused(pngDeclaring(50_000, 50_000), "图片尺寸过大");
        refused(pngDeclaring(8_001, 10), "图片尺寸过大");
        refused(pngDeclaring(7_000, 7_000), "图片尺寸过大");
    }

    @Test
    void whatDoesNotDecodeAsItsHeaderClaimsIsRefused() {
        byte[] jpegThenHtml = ("\u00FF\u00D8\u00FF\u00E0<html><script>alert(document.cookie)</script></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        refused(jpegThenHtml, "图片已损坏");
        byte[] png = TestPhotos.png();
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        refused(truncated, "图片已损坏");
        refused("GIF89a".getBytes(StandardCharsets.US_ASCII), "JPG、PNG、WebP");
    }
}
