package io.maestro.conductor.devkit.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.maestro.conductor.devkit.DevkitErrorCode;
import io.maestro.conductor.devkit.DevkitException;
import io.maestro.conductor.devkit.TestJars;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AdapterJarReaderTest {

    @Test
    void readsTheComponentServiceCatalogClassesAndUsedPermissions() {
        Map<String, byte[]> entries = TestJars.helloEntries();
        entries.put("com/acme/hello/Shell.class", TestJars.bytes("java/lang/ProcessBuilder java/nio/file/Files"));

        AdapterJar jar = AdapterJarReader.read(TestJars.zip(entries));

        assertThat(jar.componentServices()).containsEntry("hello", "com.acme.hello.HelloComponent");
        assertThat(jar.catalogSchemes()).containsExactly("hello");
        assertThat(jar.classes()).containsExactly("com.acme.hello.HelloComponent", "com.acme.hello.Shell");
        assertThat(jar.usedPermissions()).containsExactly("filesystem", "network", "process");
    }

    @Test
    void aZipBombStopsAtTheInflationBound() {
        long bound = 8L * 1024 * 1024;
        byte[] bomb = zipOfZeros(bound + 1);
        assertThat(bomb.length).isLessThan(64 * 1024);

        assertThat(catchThrowableOfType(DevkitException.class, () -> AdapterJarReader.read(bomb, bound))
                        .code())
                .isEqualTo(DevkitErrorCode.JAR_INVALID);
        assertThat(AdapterJarReader.read(zipOfZeros(bound), bound).classes()).isEmpty();
    }

    @Test
    void entryNamesThatCouldLeaveADirectoryAreUnsafe() {
        for (String name : new String[] {"../x", "a/../../x", "/etc/passwd", "a\\..\\x", "C:/x", "a\0b"}) {
            assertThat(AdapterJarReader.isSafe(name)).as(name).isFalse();
        }
        assertThat(AdapterJarReader.isSafe("com/acme/a..b/X.class")).isTrue();
    }

    @Test
    void somethingThatIsNotAJarIsRefused() {
        assertThat(catchThrowableOfType(DevkitException.class, () -> AdapterJarReader.read(TestJars.bytes("hello")))
                        .code())
                .isEqualTo(DevkitErrorCode.JAR_INVALID);
    }

    private static byte[] zipOfZeros(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] chunk = new byte[64 * 1024];
            for (long written = 0; written < size; written += chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
