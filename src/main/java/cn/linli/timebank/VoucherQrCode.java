package cn.linli.timebank;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code a voucher shows: {@code linli:voucher:<code>}, which the merchant's app scans and passes to
 * {@code verifyVoucher}. Rendered in memory (CPU only, a few milliseconds), as a PNG data URL for an {@code <image>}.
 */
final class VoucherQrCode {

    static final String PREFIX = "linli:voucher:";
    private static final int SIZE = 240;

    static String payload(String code) {
        return PREFIX + code;
    }

    /** A scanned payload ({@code linli:voucher:<code>}) or a typed code, as the bare upper-case code. */
    static String normalize(@Nullable String scannedOrTyped) {
        String scanned = scannedOrTyped == null ? "" : scannedOrTyped.strip();
        String code = (scanned.startsWith(PREFIX) ? scanned.substring(PREFIX.length()) : scanned).toUpperCase();
        if (!code.matches("[A-Z0-9]{10}")) {
            throw LinliException.invalid("input.code", "券码格式不正确");
        }
        return code;
    }

    static String dataUrl(String code) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload(code), BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < SIZE; x++) {
                for (int y = 0; y < SIZE; y++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException ex) {
            throw new IllegalStateException("voucher code cannot be encoded", ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private VoucherQrCode() {
    }
}
