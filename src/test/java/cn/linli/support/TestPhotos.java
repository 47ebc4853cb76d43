package cn.linli.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Real, distinct images, and uploads as the mini-program's {@code wx.uploadFile} sends them. */
public final class TestPhotos {

    private static final AtomicInteger SEED = new AtomicInteger();

    /** A small image no other call returns (distinct pixels), in the given ImageIO format ("png" or "jpg"). */
    public static byte[] image(String format) {
        int seed = SEED.incrementAndGet();
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color((seed * 37 + x) % 256, (seed * 11 + y) % 256, seed % 256).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * Whether a served photo shows the uploaded picture. The server re-encodes every upload (to drop its metadata), so
     * the bytes differ; the picture is the same size with pixels within JPEG's rounding. Two different pictures of
     * {@link #image} differ far more (each seed shifts every pixel's colour by at least 11 in one channel).
     */
    public static boolean showsSamePicture(byte[] served, byte[] uploaded) {
        BufferedImage a = decode(served);
        BufferedImage b = decode(uploaded);
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        long difference = 0;
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                Color ca = new Color(a.getRGB(x, y));
                Color cb = new Color(b.getRGB(x, y));
                difference += Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                        + Math.abs(ca.getBlue() - cb.getBlue());
            }
        }
        return difference / (3.0 * a.getWidth() * a.getHeight()) <= 4.0;
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not an image");
            }
            return image;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static byte[] png() {
        return image("png");
    }

    /** POST /photos with {@code bytes} as the multipart field {@code file}; {@code accessToken} may be null. */
    public static WebTestClient.ResponseSpec upload(WebTestClient http, String accessToken, byte[] bytes) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "wxfile_tmp.jpg";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        WebTestClient.RequestBodySpec request = http.post().uri("/photos");
        if (accessToken != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    /** Uploads and returns the new photo's id, failing the test unless the upload succeeded. */
    @SuppressWarnings("unchecked")
    public static String uploadedId(WebTestClient http, String accessToken, byte[] bytes) {
        Map<String, Object> body = upload(http, accessToken, bytes).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return String.valueOf(body.get("id"));
    }

    private TestPhotos() {
    }
}
